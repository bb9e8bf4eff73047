"""Hailuo's camera-movement commands: bracketed words in the prompt, at most 3 per bracket.

Pure text functions so the rules are easy to test; the prompt editor wires them to a menu.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hailuo_desktop.domain.request import MAX_CAMERA_COMMANDS

CAMERA_COMMANDS = (
    "Pan left",
    "Pan right",
    "Truck left",
    "Truck right",
    "Push in",
    "Pull out",
    "Pedestal up",
    "Pedestal down",
    "Tilt up",
    "Tilt down",
    "Zoom in",
    "Zoom out",
    "Shake",
    "Tracking shot",
    "Static shot",
)
_KNOWN = {c.lower() for c in CAMERA_COMMANDS}
_BRACKET = re.compile(r"\[([^\[\]]*)\]")


@dataclass(frozen=True)
class Insertion:
    """Replace text[start:end] with `replacement`; the cursor then goes after it."""

    original: str
    start: int
    end: int
    replacement: str

    @property
    def text(self) -> str:
        return self.original[: self.start] + self.replacement + self.original[self.end :]

    @property
    def cursor(self) -> int:
        return self.start + len(self.replacement)


class TooManyCommands(ValueError):
    """The bracket at the cursor already holds the most commands Hailuo combines."""


def _items(inside: str) -> list[str]:
    return [part.strip() for part in inside.split(",") if part.strip()]


def _is_camera_bracket(inside: str) -> bool:
    items = _items(inside)
    return bool(items) and all(item.lower() in _KNOWN for item in items)


def _bracket_at(text: str, cursor: int) -> re.Match | None:
    """The camera bracket the cursor is inside or right after, if any."""
    for match in _BRACKET.finditer(text):
        if match.start() < cursor <= match.end() and _is_camera_bracket(match.group(1)):
            return match
    return None


def insert_command(text: str, cursor: int, command: str) -> Insertion:
    """Combine into the bracket at the cursor, or start a new bracket there.

    Raises TooManyCommands when the bracket already holds MAX_CAMERA_COMMANDS.
    """
    match = _bracket_at(text, cursor)
    if match is None:
        spacer = " " if cursor and not text[cursor - 1].isspace() else ""
        return Insertion(text, cursor, cursor, f"{spacer}[{command}]")
    items = _items(match.group(1))
    if len(items) >= MAX_CAMERA_COMMANDS:
        raise TooManyCommands(command)
    return Insertion(text, match.start(), match.end(), "[" + ",".join(items + [command]) + "]")


def overfull_brackets(text: str) -> list[str]:
    """Camera brackets that combine more commands than Hailuo takes."""
    return [
        m.group(0)
        for m in _BRACKET.finditer(text)
        if _is_camera_bracket(m.group(1)) and len(_items(m.group(1))) > MAX_CAMERA_COMMANDS
    ]


def camera_brackets(text: str) -> list[str]:
    """The camera-movement brackets of a prompt, in order (what a preset lists as its moves)."""
    return [m.group(0) for m in _BRACKET.finditer(text) if _is_camera_bracket(m.group(1))]
