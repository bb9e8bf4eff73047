"""Named presets: a prompt, a model and its settings, and camera moves, saved under a name.

Stored as JSON in the data home (`presets.json`), written atomically. Loading never fails:
an entry that cannot be used is left out and reported, a damaged file is moved aside.
Names are unique regardless of case; saving under an existing name replaces that preset.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from enum import Enum
from pathlib import Path

from .atomic import atomic_write_text

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
MAX_NAME = 80


@dataclass(frozen=True)
class Preset:
    name: str
    provider: str
    model: str
    kind: str  # "i2v" / "t2v"
    mode: str | None = None
    duration: int | None = None
    resolution: str | None = None
    prompt_optimizer: bool | None = None
    prompt: str = ""
    camera: tuple[str, ...] = ()  # the camera moves of the prompt, e.g. ("[Push in]",)
    saved_at: float = 0.0


class PresetProblem(Enum):
    """What load() had to leave out or repair; the window words each one."""

    DAMAGED_FILE = "damaged_file"  # {reason, moved_to}: not JSON; moved aside
    UNREADABLE_FILE = "unreadable_file"  # {reason}
    BAD_ENTRY = "bad_entry"  # {index, reason}: one preset left out


class NameProblem(Enum):
    EMPTY = "empty"
    TOO_LONG = "too_long"  # more than MAX_NAME characters


@dataclass(frozen=True)
class LoadIssue:
    problem: PresetProblem
    params: dict[str, object] = field(default_factory=dict)


def name_problem(name: str) -> NameProblem | None:
    if not name.strip():
        return NameProblem.EMPTY
    if len(name.strip()) > MAX_NAME:
        return NameProblem.TOO_LONG
    return None


class PresetStore:
    def __init__(self, path: Path | str, *, clock: Callable[[], float] = time.time) -> None:
        self.path = Path(path)
        self._clock = clock
        self.issues: list[LoadIssue] = []

    # --- reading -----------------------------------------------------------------------
    def load(self) -> list[Preset]:
        """Every usable preset, sorted by name; `issues` says what was left out."""
        self.issues = []
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return []
        except OSError as err:
            self._issue(PresetProblem.UNREADABLE_FILE, reason=err.strerror or str(err))
            return []
        try:
            data = json.loads(raw)
            entries = data["presets"]
            if not isinstance(entries, list):
                raise TypeError("'presets' is not a list")
        except (ValueError, KeyError, TypeError) as err:
            self._set_aside(f"{type(err).__name__}: {err}")
            return []
        presets = [p for index, entry in enumerate(entries) if (p := self._entry(index, entry)) is not None]
        return sorted(presets, key=lambda p: p.name.casefold())

    def find(self, name: str) -> Preset | None:
        wanted = name.strip().casefold()
        return next((p for p in self.load() if p.name.casefold() == wanted), None)

    # --- writing -----------------------------------------------------------------------
    def save(self, preset: Preset) -> Preset:
        """Add the preset, or replace the one with the same name. Raises ValueError for a bad name."""
        problem = name_problem(preset.name)
        if problem is not None:
            raise ValueError(f"preset name: {problem.value}")
        saved = Preset(
            **{**asdict(preset), "name": preset.name.strip(), "camera": tuple(preset.camera), "saved_at": self._clock()}
        )
        kept = [p for p in self.load() if p.name.casefold() != saved.name.casefold()]
        self._write([*kept, saved])
        return saved

    def delete(self, name: str) -> bool:
        presets = self.load()
        kept = [p for p in presets if p.name.casefold() != name.strip().casefold()]
        if len(kept) == len(presets):
            return False
        self._write(kept)
        return True

    # --- helpers -----------------------------------------------------------------------
    def _write(self, presets: list[Preset]) -> None:
        entries = [{**asdict(p), "camera": list(p.camera)} for p in sorted(presets, key=lambda p: p.name.casefold())]
        text = json.dumps({"schema_version": SCHEMA_VERSION, "presets": entries}, indent=2, ensure_ascii=False)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(self.path, text + "\n", mode=0o600)

    def _entry(self, index: int, entry: object) -> Preset | None:
        try:
            if not isinstance(entry, dict):
                raise TypeError("not an object")
            known = {k: v for k, v in entry.items() if k in Preset.__dataclass_fields__}
            known["camera"] = tuple(known.get("camera") or ())
            preset = Preset(**known)
            _check(preset)
        except (TypeError, ValueError) as err:
            self._issue(PresetProblem.BAD_ENTRY, index=index, reason=str(err))
            return None
        return preset

    def _set_aside(self, reason: str) -> None:
        stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(self._clock()))
        aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        counter = 1
        while aside.exists():
            counter += 1
            aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{counter}")
        try:
            self.path.replace(aside)
        except OSError as err:
            self._issue(PresetProblem.UNREADABLE_FILE, reason=f"{reason}; {err.strerror or err}")
            return
        self._issue(PresetProblem.DAMAGED_FILE, reason=reason, moved_to=aside.name)

    def _issue(self, problem: PresetProblem, **params: object) -> None:
        log.warning("presets: %s %s", problem.value, params)
        self.issues.append(LoadIssue(problem, params))


def _check(p: Preset) -> None:
    texts = {"name": p.name, "provider": p.provider, "model": p.model, "kind": p.kind, "prompt": p.prompt}
    for key, value in texts.items():
        if not isinstance(value, str):
            raise TypeError(f"{key} is not text")
    if name_problem(p.name) is not None:
        raise ValueError("the name is empty or too long")
    if p.kind not in ("i2v", "t2v"):
        raise ValueError(f"unknown kind {p.kind!r}")
    for key in ("mode", "resolution"):
        if getattr(p, key) is not None and not isinstance(getattr(p, key), str):
            raise TypeError(f"{key} is not text")
    if p.duration is not None and (not isinstance(p.duration, int) or isinstance(p.duration, bool)):
        raise TypeError("duration is not a whole number")
    if p.prompt_optimizer is not None and not isinstance(p.prompt_optimizer, bool):
        raise TypeError("prompt_optimizer is not true or false")
    if not all(isinstance(c, str) for c in p.camera):
        raise TypeError("camera moves are not text")
