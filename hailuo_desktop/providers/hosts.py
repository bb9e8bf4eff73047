"""Where a key may travel: the guard that keeps provider keys off other hosts.

A replaced origin must be https, or plain http on this machine only (the simulator); an
upload key follows a task's origin override only on loopback, never to another provider.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Mapping
from urllib.parse import SplitResult, urlsplit

from ..domain.errors import InvalidRequest

_USERINFO = re.compile(r"//[^/?#]*@")


def is_loopback_host(host: str) -> bool:
    """Whether a host name or address is this machine: 127.0.0.0/8, ::1 or localhost."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def is_loopback_url(url: str | None) -> bool:
    """Whether `url` names this machine. By address, not by spelling: "127.evil.example" is
    somebody else's host."""
    try:
        host = (urlsplit(url).hostname or "") if url else ""
    except ValueError:
        return False
    return bool(host) and is_loopback_host(host)


def checked_base_url(url: str) -> str:
    """A replacement origin: https, or http only on loopback (the simulator); no credentials.

    The key travels to this address, so plain http to another machine would expose it.
    """
    parts = _split(url)
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or not host:
        raise InvalidRequest(f"The base URL {_shown(url)} must look like https://host[:port].")
    if parts.scheme == "http" and not is_loopback_host(host):
        raise InvalidRequest(
            f"The base URL {_shown(url)} must use https (plain http only for 127.0.0.1, "
            "::1 or localhost), because the API key travels to it."
        )
    if parts.username is not None or parts.password is not None or parts.query or parts.fragment:
        raise InvalidRequest(f"The base URL {_shown(url)} must not carry credentials, a query or a fragment.")
    return url.strip().rstrip("/")


def upload_origin(provider_id: str, task_base_url: str | None, base_urls: Mapping[str, str]) -> str | None:
    """Where an upload through `provider_id` goes. The upload key must never reach another
    provider's host, so a task's origin override is followed only on loopback (the simulator
    serves every API on one origin); otherwise the upload provider's own override, or its
    real host (None)."""
    if is_loopback_url(task_base_url):
        return task_base_url
    return base_urls.get(provider_id)


def _split(url: str) -> SplitResult:
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - raises ValueError on a bad port
        return parts
    except (ValueError, AttributeError):
        raise InvalidRequest(f"The base URL {_shown(url)} is not a valid address.") from None


def _shown(url: object) -> str:
    """The URL for an error message, with any user:password@ part masked."""
    text = url if isinstance(url, str) else repr(url)
    return repr(_USERINFO.sub("//***@", text[:200]))
