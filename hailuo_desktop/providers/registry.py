"""Builds adapters and uploaders by provider id (providers/hosts.py decides where a key may go)."""

from __future__ import annotations

import time
from collections.abc import Callable

import httpx

from ..domain.catalog import PROVIDERS, ProviderSpec, base_url_for
from ..domain.errors import InvalidRequest
from .apiinone import ApiInOneProvider
from .apixo import ApixoProvider
from .base import Provider, Uploader
from .hosts import checked_base_url
from .http import ProviderHttp, checked_key
from .market import MarketProvider, MarketUploader
from .minimax import MiniMaxProvider

ADAPTERS: dict[str, Callable[[ProviderSpec, ProviderHttp], Provider]] = {
    "apixo": ApixoProvider,
    "kie": MarketProvider,
    "apikley": MarketProvider,
    "apiinone": ApiInOneProvider,
    "minimax": MiniMaxProvider,
}
# Where each upload API sits relative to a replaced origin (contracts.md, "providers").
UPLOAD_PATH_UNDER_BASE = {"kie": "", "apikley": "/file-upload"}


def build_provider(
    provider_id: str,
    *,
    client: httpx.AsyncClient,
    key: str | None,
    base_url: str | None = None,
    clock: Callable[[], float] = time.time,
    region: str | None = None,
    routing: str = "auto",
) -> Provider:
    """`region`: which of the provider's hosts its key belongs to (MiniMax: global / china);
    `routing`: APIXO's `provider` field (auto / value / official). A `base_url` wins over both hosts."""
    spec = provider_spec(provider_id)
    origin = checked_base_url(base_url) if base_url else base_url_for(spec.id, region)
    http = ProviderHttp(client, checked_key(key, spec.name), origin, name=spec.name, clock=clock)
    if spec.id == "apixo":
        return ApixoProvider(spec, http, routing=routing)
    return ADAPTERS[spec.id](spec, http)


def build_uploader(
    provider_id: str,
    *,
    client: httpx.AsyncClient,
    key: str | None,
    base_url: str | None = None,
    clock: Callable[[], float] = time.time,
) -> Uploader | None:
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
