"""Builds adapters and uploaders by provider id, and decides which base URLs a key may go to."""

from __future__ import annotations

import ipaddress
import re
import time
from collections.abc import Callable
from urllib.parse import urlsplit

import httpx

from ..domain.catalog import PROVIDERS, ProviderSpec, base_url_for
from ..domain.errors import InvalidRequest
from .apiinone import ApiInOneProvider
from .apixo import ApixoProvider
from .base import Provider, Uploader
from .http import ProviderHttp, checked_key
from .market import MarketProvider, MarketUploader
from .minimax import MiniMaxProvider

ADAPTERS = {"apixo": ApixoProvider, "kie": MarketProvider, "apikley": MarketProvider,
            "apiinone": ApiInOneProvider, "minimax": MiniMaxProvider}
# Where each upload API sits relative to a replaced origin (contracts.md, "providers").
UPLOAD_PATH_UNDER_BASE = {"kie": "", "apikley": "/file-upload"}
_USERINFO = re.compile(r"//[^/?#]*@")


def build_provider(provider_id: str, *, client: httpx.AsyncClient, key: str | None,
                   base_url: str | None = None, clock: Callable[[], float] = time.time,
                   region: str | None = None, routing: str = "auto") -> Provider:
    """`region`: which of the provider's hosts its key belongs to (MiniMax: global / china);
    `routing`: APIXO's `provider` field (auto / value / official). A `base_url` wins over both hosts."""
    spec = provider_spec(provider_id)
    origin = checked_base_url(base_url) if base_url else base_url_for(spec.id, region)
    http = ProviderHttp(client, checked_key(key, spec.name), origin, name=spec.name, clock=clock)
    if spec.id == "apixo":
        return ApixoProvider(spec, http, routing=routing)
    return ADAPTERS[spec.id](spec, http)


def build_uploader(provider_id: str, *, client: httpx.AsyncClient, key: str | None,
                   base_url: str | None = None, clock: Callable[[], float] = time.time) -> Uploader | None:
    """The provider's own file-upload API (kie, Apikley), or None where it has none."""
    spec = provider_spec(provider_id)
    upload_base = upload_base_for(spec.id, base_url)
    if upload_base is None:
        return None
    http = ProviderHttp(client, checked_key(key, spec.name), upload_base, name=f"{spec.name} upload", clock=clock)
    return MarketUploader(http, clock=clock)


def upload_base_for(provider_id: str, base_url: str | None = None) -> str | None:
    """The upload API's base: the documented host, or the replaced origin plus its path."""
    spec = provider_spec(provider_id)
    if spec.upload_base_url is None:
        return None
    if base_url:
        return checked_base_url(base_url) + UPLOAD_PATH_UNDER_BASE.get(spec.id, "")
    return spec.upload_base_url


def provider_spec(provider_id: str) -> ProviderSpec:
    try:
        return PROVIDERS[provider_id]
    except (KeyError, TypeError):
        raise InvalidRequest(f"Unknown provider {provider_id!r}; choose one of {', '.join(PROVIDERS)}.") from None


def checked_base_url(url: str) -> str:
    """A replacement origin: https, or http only on loopback (the simulator); no credentials.

    The key travels to this address, so plain http to another machine would expose it.
    """
    parts = _split(url)
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or not host:
        raise InvalidRequest(f"The base URL {_shown(url)} must look like https://host[:port].")
    if parts.scheme == "http" and not is_loopback(host):
        raise InvalidRequest(f"The base URL {_shown(url)} must use https (plain http only for 127.0.0.1, "
                             "::1 or localhost), because the API key travels to it.")
    if parts.username is not None or parts.password is not None or parts.query or parts.fragment:
        raise InvalidRequest(f"The base URL {_shown(url)} must not carry credentials, a query or a fragment.")
    return url.strip().rstrip("/")


def _split(url: str):
    try:
        parts = urlsplit(url.strip())
        parts.port  # raises ValueError on a bad port
        return parts
    except (ValueError, AttributeError):
        raise InvalidRequest(f"The base URL {_shown(url)} is not a valid address.") from None


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _shown(url: object) -> str:
    """The URL for an error message, with any user:password@ part masked."""
    text = url if isinstance(url, str) else repr(url)
    return repr(_USERINFO.sub("//***@", text[:200]))
