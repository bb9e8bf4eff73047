"""A provider's JSON made safe for the log: secrets by name and the key by value are masked."""

from __future__ import annotations

import json

_SECRET_NAMES = ("key", "token", "secret", "authorization", "password", "signature")
MAX_LOGGED_CHARS = 4000


def redacted(value: object, key: str | None) -> object:
    """A copy of a JSON value with secret-looking fields and the key itself replaced by ***."""
    if isinstance(value, dict):
        return {k: "***" if _secret_name(k) else redacted(v, key) for k, v in value.items()}
    if isinstance(value, list):
        return [redacted(v, key) for v in value]
    if isinstance(value, str) and key and key in value:
        return value.replace(key, "***")
    return value


def redacted_json(value: object, key: str | None) -> str:
    text = json.dumps(redacted(value, key), ensure_ascii=False, default=str)
    if key:
        text = text.replace(key, "***")
    return text if len(text) <= MAX_LOGGED_CHARS else text[:MAX_LOGGED_CHARS] + "…"


def _secret_name(name: object) -> bool:
    lowered = str(name).lower()
    return any(word in lowered for word in _SECRET_NAMES)
