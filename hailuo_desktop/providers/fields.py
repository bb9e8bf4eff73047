"""Defensive readers for provider JSON: every value may be missing or of the wrong type.

Providers' docs disagree with each other and with their own examples (see
shared/providers.md), so nothing here trusts a shape: each reader returns None (or an
empty dict) instead of raising, and the adapter decides what a missing field means.
"""

from __future__ import annotations

import math

from ..domain.sources import ImageSource

# A JSON object as parsed from a provider (or built for one): values are read defensively.
JsonObject = dict[str, object]


def as_dict(value: object) -> JsonObject:
    return value if isinstance(value, dict) else {}


def as_text(value: object) -> str | None:
    """A non-empty string; numbers become strings (failCode is "500" in one doc, 500 in another)."""
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and math.isfinite(value):
        return str(int(value)) if value.is_integer() else str(value)
    return None


def as_int(value: object) -> int | None:
    """An integer code: 200, 200.0 and "200" all read as 200; anything else is None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isascii() and value.strip().lstrip("-").isdigit():
        return _bounded_int(value.strip())
    return None


def _bounded_int(digits: str) -> int | None:
    # A code with hundreds of digits is garbage, not a code (and int() refuses > 4300 digits).
    return int(digits) if len(digits) <= 18 else None


def as_number(value: object) -> float | None:
    """A finite float from a JSON number or a numeric string (a balance such as 74.87)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        number = float(value) if abs(value) < 1e300 else math.inf
    elif isinstance(value, str) and len(value) <= 40:
        try:
            number = float(value)
        except ValueError:
            return None
    else:
        return None
    return number if math.isfinite(number) else None


def dig(value: object, *path: str | int) -> object:
    """Walk dict keys and list indexes; None as soon as a step does not fit."""
    for step in path:
        if isinstance(step, int) and isinstance(value, list) and -len(value) <= step < len(value):
            value = value[step]
        elif isinstance(step, str) and isinstance(value, dict):
            value = value.get(step)
        else:
            return None
    return value


def http_url(value: object) -> str | None:
    """A result URL the downloader can fetch: an absolute http(s) URL, returned unchanged."""
    if not isinstance(value, str) or any(c.isspace() for c in value) or not ImageSource.of(value).is_http:
        return None
    rest = value.partition("://")[2]
    return value if rest and not rest.startswith("/") else None


def first_of(*candidates: object) -> object:
    """The first candidate that is not None (for fields documented under several names)."""
    for candidate in candidates:
        if candidate is not None:
            return candidate
    return None
