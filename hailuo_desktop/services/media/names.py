"""Export file names from a template such as `{date}_{prompt:40}_{provider}_{model}_{n}.mp4`.

Every value is cut down to letters and digits of any script, `-` and `_` before it goes
into the name, so a prompt cannot climb out of the folder, name a device or hide a file;
the literal parts of the template may not contain a path separator either. `{field:N}`
keeps the first N characters of the value (`{n:03}` pads the number, as in Python).
"""

from __future__ import annotations

import re
import string
import time
import unicodedata

from ...domain.task import Task
from .errors import TemplateError

DEFAULT_TEMPLATE = "{date}_{prompt:40}_{provider}_{model}_{n}.mp4"
FIELDS = ("date", "prompt", "provider", "model", "mode", "duration", "resolution", "id", "task_id", "remote_id", "n")
MAX_NAME_BYTES = 200  # below every common file system's 255, leaving room for "-12" and ".json"
_UNSAFE = re.compile(r"[^\w-]+", re.UNICODE)
_RUNS = re.compile(r"-{2,}")


def safe_part(text: str) -> str:
    """`text` as a piece of a file name: word characters and `-` only, no runs of `-`."""
    text = unicodedata.normalize("NFC", text)
    return _RUNS.sub("-", _UNSAFE.sub("-", text)).strip("-_")


def render_name(template: str, task: Task, n: int) -> str:
    """The file name for `task`, the n-th of an export (1-based); always ends in .mp4."""
    parts = []
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise _bad(template, f"it cannot be read ({exc})") from exc
    for literal, field, spec, conversion in parsed:
        if "/" in literal or "\\" in literal or "\0" in literal:
            raise _bad(template, "it contains a path separator; give the folder with --to")
        parts.append(safe_literal(literal))
        if field is None:
            continue
        if field not in FIELDS or conversion:
            raise _bad(template, f"{{{field}}} is not a field; use {', '.join('{' + f + '}' for f in FIELDS)}")
        parts.append(_value(field, spec or "", task, n, template))
    name = "".join(parts).strip(" .-_")
    stem = name[:-4] if name.lower().endswith(".mp4") else name
    stem = _fit(stem.rstrip(" .-_"))
    if not stem:
        raise _bad(template, "it gives an empty file name")
    return f"{stem}.mp4"


def safe_literal(text: str) -> str:
    """The template's own characters: kept if harmless (they are the user's choice)."""
    return "".join(c if (c.isalnum() or c in "-_. ()") else "-" for c in text)


def _value(field: str, spec: str, task: Task, n: int, template: str) -> str:
    if field == "n":
        try:
            return format(n, spec)
        except ValueError as exc:
            raise _bad(template, f"{{n:{spec}}} is not a number format") from exc
    if spec and not spec.isdigit():
        raise _bad(template, f"{{{field}:{spec}}}: after ':' give a length, e.g. {{{field}:40}}")
    text = safe_part(_raw(field, task))
    return _cut(text, int(spec)) if spec else text


def _cut(text: str, length: int) -> str:
    """The first `length` characters, ending at a word's end when one is in the second half."""
    if len(text) <= length:
        return text
    cut = text[:length]
    if text[length] != "-" and cut.rfind("-") > length // 2:
        cut = cut[: cut.rfind("-")]
    return cut.rstrip("-_")


def _raw(field: str, task: Task) -> str:
    if field == "date":
        return time.strftime("%Y%m%d-%H%M%S", time.localtime(task.created_at))
    if field == "id":
        return task.id[:8]
    if field == "task_id":
        return task.id
    if field == "remote_id":
        return task.remote_id or ""
    value = getattr(task, field)
    return "" if value is None else str(value)


def _fit(stem: str) -> str:
    encoded = stem.encode("utf-8")
    if len(encoded) <= MAX_NAME_BYTES:
        return stem
    return encoded[:MAX_NAME_BYTES].decode("utf-8", "ignore").rstrip(" .-_")


def _bad(template: str, reason: str) -> TemplateError:
    return TemplateError(f"The name template {template!r} cannot be used: {reason}.", template=template, reason=reason)
