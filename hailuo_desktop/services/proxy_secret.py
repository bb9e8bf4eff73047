"""A proxy password is a secret: the settings file keeps the proxy URL without it, the OS
keyring keeps the password (under the URL it belongs to), and only the HTTP client, in
memory, sees the two joined.

    http://anna:s3cret@proxy.lan:3128  ->  settings: http://anna@proxy.lan:3128
                                           keyring:  "proxy http://anna@proxy.lan:3128" = s3cret

A settings file written before this (with the password inside) is cleaned on the next
start: the password moves to the keyring and the file is written again without it.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import overload
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from ..domain.errors import KeyringUnavailable
from .secrets import KeyStore
from .settings import Settings, SettingsStore

log = logging.getLogger(__name__)


@overload
def split_password(url: str) -> tuple[str, str | None]: ...
@overload
def split_password(url: str | None) -> tuple[str | None, str | None]: ...
def split_password(url: str | None) -> tuple[str | None, str | None]:
    """(the URL without its password, the password or None). Anything unparsable is left as it is."""
    if not url:
        return url, None
    try:
        parts = urlsplit(url)
        password = parts.password
    except ValueError:
        return url, None
    if password is None:
        return url, None
    user = parts.username or ""
    host = parts.netloc.rpartition("@")[2]
    netloc = f"{user}@{host}" if user else host
    return urlunsplit(parts._replace(netloc=netloc)), unquote(password)


def with_password(url: str | None, password: str | None) -> str | None:
    """The URL the HTTP client needs: the password put back (percent-encoded)."""
    if not url or not password:
        return url
    parts = urlsplit(url)
    user = parts.netloc.rpartition("@")[0] if "@" in parts.netloc else ""
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=f"{user}:{quote(password, safe='')}@{host}"))


def secret_name(url: str) -> str:
    return f"proxy {url}"


async def store_password(keys: KeyStore, settings: Settings) -> tuple[Settings, bool]:
    """Settings fit for the file (the password taken out and put in the keyring), and
    whether the keyring holds it (False: kept for this session only)."""
    bare, password = split_password(settings.proxy_url)
    if password is None or bare is None:  # a password comes only with a URL
        return settings, True
    kept = await keys.set_secret(secret_name(bare), password)
    return replace(settings, proxy_url=bare), kept


async def client_settings(keys: KeyStore, store: SettingsStore, settings: Settings) -> Settings:
    """The settings the HTTP client is built from: the proxy URL with its password from the
    keyring. An old settings file with the password inside is cleaned here."""
    if settings.proxy_mode != "manual" or not settings.proxy_url:
        return settings
    bare, password = split_password(settings.proxy_url)
    if password is not None:
        keys.remember_secret(password)
        cleaned, kept = await store_password(keys, settings)
        store.save(cleaned)
        if kept:
            log.info("the proxy password was moved from the settings file to the OS keyring")
        else:
            log.warning(
                "the proxy password was removed from the settings file; with no OS keyring it is kept "
                "for this session only"
            )
        return settings
    try:
        password = await keys.get_secret(secret_name(bare))
    except KeyringUnavailable as error:
        log.warning("no proxy password: %s", error.message)
        return settings
    return replace(settings, proxy_url=with_password(bare, password))
