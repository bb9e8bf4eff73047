"""Bearer keys, and which provider a request on the shared api origin is for.

kie.ai and Apikley speak the same API at the same paths, so on one origin only the key
tells them apart: with `keys` configured, the key that matches; with `keys=None`, a key
containing "apikley" is Apikley's (so "bad-apikley" is Apikley's refused key) and any
other is kie's. Uploads are told apart by path (Apikley's live under /file-upload).
"""

from __future__ import annotations

from aiohttp import web


def bearer_key(request: web.Request) -> str:
    scheme, _, key = request.headers.get("Authorization", "").partition(" ")
    return key.strip() if scheme.lower() == "bearer" else ""


def market_provider(key: str, keys: dict[str, str] | None) -> str:
    if keys is None:
        return "apikley" if "apikley" in key else "kie"
    return "apikley" if key and keys.get("apikley") == key else "kie"


def provider_for(path: str, key: str, keys: dict[str, str] | None) -> str | None:
    """The provider whose documented path this is; None for the control API or unknown paths."""
    if path.startswith("/file-upload/"):
        return "apikley"
    if path.startswith("/api/file-"):
        return "kie"
    if path.startswith(("/api/v1/generateTask/", "/api/v1/statusTask/", "/api/v1/apikeys/")):
        return "apixo"
    if path.startswith(("/api/v1/jobs/", "/api/v1/chat/", "/api/v1/common/")):
        return market_provider(key, keys)
    if path.startswith(("/api/v1/videos/", "/api/v1/tasks/")):
        return "apiinone"
    if path.startswith("/v1/"):
        return "minimax"
    return None


def key_of_another_region(key: str, provider: str, region: str, region_keys: dict[str, set[str]]) -> bool:
    """A MiniMax key issued for the other region's host (global vs China) is not valid here."""
    return provider == "minimax" and any(key in held for name, held in region_keys.items() if name != region)


def key_accepted(key: str, provider: str, keys: dict[str, str] | None) -> bool:
    if keys is None:
        return bool(key) and not key.startswith("bad")
    return bool(key) and keys.get(provider) == key
