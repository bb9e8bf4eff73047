"""User settings: declared once (name, default and check side by side), stored as JSON.

Loading never fails: unknown keys are ignored, wrong values fall back to their default,
and an unparseable file is moved aside (never silently dropped). Each of these is logged
and listed in `SettingsStore.warnings` so the window can tell the user.
Keys (API secrets) have no field here: they live in the OS keyring only.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..domain.catalog import PROVIDERS
from ..domain.errors import InvalidRequest
from ..domain.routes import UploadRoute
from .atomic import atomic_write_text
from .home import DataPaths

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
PROXY_MODES = ("system", "none", "manual")
PROXY_SCHEMES = ("http", "https", "socks5", "socks5h")
LANGUAGES = ("", "en", "zh_CN", "ru")  # the window's languages (ui/i18n.py); "" follows the system

Warn = Callable[[str], None]


class _Invalid(ValueError):
    """Internal: a stored value that cannot be used; its text says why."""


# --- checks: each takes the stored value and a warn callback, returns the value to use ---


def _optional_text(value: Any, warn: Warn) -> str | None:
    if value is None or (isinstance(value, str) and value.strip()):
        return value
    raise _Invalid("expected text or null")


def _int_between(low: int, high: int) -> Callable[[Any, Warn], int]:
    def check(value: Any, warn: Warn) -> int:
        if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
            return value
        raise _Invalid(f"expected a whole number from {low} to {high}")

    return check


def _optional_positive_int(value: Any, warn: Warn) -> int | None:
    return None if value is None else _int_between(1, 3600)(value, warn)


def _amount_between(low: float, high: float) -> Callable[[Any, Warn], float]:
    def check(value: Any, warn: Warn) -> float:
        if isinstance(value, (int, float)) and not isinstance(value, bool) and low <= value <= high:
            return float(value)
        raise _Invalid(f"expected an amount from {low:g} to {high:g}")

    return check


def _bool(value: Any, warn: Warn) -> bool:
    if isinstance(value, bool):
        return value
    raise _Invalid("expected true or false")


def _one_of(choices: tuple[str, ...]) -> Callable[[Any, Warn], str]:
    def check(value: Any, warn: Warn) -> str:
        if isinstance(value, str) and value in choices:
            return value
        raise _Invalid(f"expected one of {', '.join(choices)}")

    return check


def _proxy_url(value: Any, warn: Warn) -> str | None:
    if value is None:
        return None
    if isinstance(value, str) and _url_ok(value, PROXY_SCHEMES):
        return value
    raise _Invalid(f"expected a proxy URL starting with {', '.join(s + '://' for s in PROXY_SCHEMES)}")


def _per_provider(check_value: Callable[[Any], bool], expected: str) -> Callable[[Any, Warn], dict[str, Any]]:
    """A {provider_id: value} table; a bad entry is dropped alone, the rest is kept."""

    def check(value: Any, warn: Warn) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise _Invalid("expected a table of provider ids")
        kept: dict[str, Any] = {}
        for provider_id, item in value.items():
            if provider_id in PROVIDERS and check_value(item):
                kept[provider_id] = item
            else:
                warn(f"ignored the entry for {provider_id!r}: expected a known provider and {expected}")
        return kept

    return check


def _route_table(value: Any, warn: Warn) -> dict[str, UploadRoute]:
    names = [route.value for route in UploadRoute]
    kept = _per_provider(lambda r: r in names, f"one of {', '.join(names)}")(value, warn)
    return {provider_id: UploadRoute(route) for provider_id, route in kept.items()}


def _url_ok(value: Any, schemes: tuple[str, ...]) -> bool:
    if not isinstance(value, str):
        return False
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number in range
    except ValueError:
        return False
    return parts.scheme in schemes and bool(parts.hostname)


def _option(default: Any, check: Callable[[Any, Warn], Any]) -> Any:
    if isinstance(default, dict):
        return field(default_factory=dict, metadata={"check": check})
    return field(default=default, metadata={"check": check})


APIXO_ROUTINGS = ("auto", "value", "official")
MINIMAX_REGIONS = ("global", "china")


@dataclass(frozen=True)
class Settings:
    """Every option with its default. Change one with `dataclasses.replace`."""

    schema_version: int = _option(SCHEMA_VERSION, _int_between(1, 1_000_000))
    output_dir: str | None = _option(None, _optional_text)  # None: the data home's videos folder
    upload_routes: dict[str, UploadRoute] = _option({}, _route_table)
    max_concurrent: int = _option(4, _int_between(1, 64))
    spend_guard_usd: float = _option(2.0, _amount_between(0.0, 10_000.0))  # ask before an order above; 0: never
    notifications: bool = _option(True, _bool)
    proxy_mode: str = _option("system", _one_of(PROXY_MODES))
    proxy_url: str | None = _option(None, _proxy_url)
    last_provider: str | None = _option(None, _optional_text)
    last_model: str | None = _option(None, _optional_text)
    last_mode: str | None = _option(None, _optional_text)
    last_duration: int | None = _option(None, _optional_positive_int)
    last_resolution: str | None = _option(None, _optional_text)
    base_urls: dict[str, str] = _option({}, _per_provider(lambda u: _url_ok(u, ("http", "https")), "an http(s) URL"))
    language: str = _option("", _one_of(LANGUAGES))  # "": the system's; else a shipped translation
    # APIXO's `provider` routing: auto (failover), value (cheapest), official (most reliable).
    apixo_routing: str = _option("auto", _one_of(APIXO_ROUTINGS))
    minimax_region: str = _option("global", _one_of(MINIMAX_REGIONS))  # "china": keys from api.minimaxi.com

    def output_folder(self, paths: DataPaths) -> Path:
        return Path(self.output_dir).expanduser() if self.output_dir else paths.output


def settings_from_dict(data: dict[str, Any], warn: Warn) -> Settings:
    """Known fields that pass their check; everything else is reported through `warn`."""
    known = {f.name: f for f in fields(Settings)}
    for name in sorted(set(data) - set(known)):
        # A log line, not a warning for the user: a newer version may have written it.
        # The name only: a pasted value could be a key.
        log.info("settings: ignored the unknown option %r", name)
    values = {}
    for name, spec in known.items():
        if name in data:
            try:
                values[name] = spec.metadata["check"](data[name], lambda text, n=name: warn(f"{n}: {text}"))
            except _Invalid as why:
                warn(f"{name} was reset to its default ({why})")
    values["schema_version"] = SCHEMA_VERSION
    return Settings(**values)


class SettingsStore:
    """The settings file. `warnings` lists what the last load() had to repair."""

    def __init__(self, path: Path | str, *, clock: Callable[[], float] = time.time) -> None:
        self.path = Path(path)
        self._clock = clock
        self.warnings: list[str] = []

    def load(self) -> Settings:
        self.warnings = []
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return Settings()
        except OSError as err:
            self._warn(f"The settings file could not be read ({err.strerror or err}); defaults are in use.")
            return Settings()
        return self._parse(raw)

    def save(self, settings: Settings) -> None:
        """Write atomically. Refuses values that load() would throw away."""
        problems: list[str] = []
        checked = settings_from_dict(asdict(settings), problems.append)
        if problems:
            raise InvalidRequest("Settings not saved: " + "; ".join(problems))
        text = json.dumps(asdict(checked), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(self.path, text, mode=0o600)

    def _parse(self, raw: bytes) -> Settings:
        try:
            data = json.loads(raw)
        except ValueError as err:  # includes bad UTF-8
            return self._set_aside(f"not valid JSON: {err}")
        if not isinstance(data, dict):
            return self._set_aside("not a JSON object")
        version = data.get("schema_version")
        if isinstance(version, int) and version > SCHEMA_VERSION:
            self._warn(f"settings.json is from a newer version (schema {version}); unknown options are ignored.")
        return settings_from_dict(data, lambda text: self._warn(f"settings.json: {text}."))

    def _set_aside(self, why: str) -> Settings:
        aside = self._aside_path()
        try:
            self.path.replace(aside)
        except OSError as err:
            self._warn(
                f"The settings file is damaged ({why}) and could not be moved aside "
                f"({err.strerror or err}); defaults are in use."
            )
        else:
            self._warn(
                f"The settings file was damaged ({why}). It was moved to {aside.name} and the defaults are in use."
            )
        return Settings()

    def _aside_path(self) -> Path:
        stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(self._clock()))
        candidate = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        counter = 1
        while candidate.exists():  # never overwrite an earlier damaged copy
            counter += 1
            candidate = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{counter}")
        return candidate

    def _warn(self, text: str) -> None:
        log.warning("%s", text)
        self.warnings.append(text)
