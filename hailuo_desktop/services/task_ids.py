"""Task ids as people type them: the whole id, or a unique prefix of at least 6 characters."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..domain.codes import ErrorCode
from ..domain.errors import HailuoError

if TYPE_CHECKING:
    from .store import TaskStore

MIN_PREFIX = 6
SHOWN_MATCHES = 5


class TaskIdError(HailuoError):
    code = ErrorCode.ERROR  # each subclass has its own

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message)
        self.params = params


class TaskIdTooShort(TaskIdError):
    code = ErrorCode.TASK_ID_TOO_SHORT


class UnknownTaskId(TaskIdError):
    code = ErrorCode.UNKNOWN_TASK_ID


class AmbiguousTaskId(TaskIdError):
    code = ErrorCode.AMBIGUOUS_TASK_ID


def resolve_task_id(store: TaskStore, text: str) -> str:
    """The one stored id equal to `text` or starting with it (case-insensitive prefix)."""
    wanted = text.strip()
    try:
        return store.get(wanted).id
    except KeyError:
        pass
    if len(wanted) < MIN_PREFIX:
        raise TaskIdTooShort(
            f"'{wanted}' is too short to name a task: give at least {MIN_PREFIX} characters of its "
            "id (see `hailuo-desktop tasks`).",
            prefix=wanted,
            minimum=MIN_PREFIX,
        )
    lowered = wanted.lower()
    matches = [task_id for task_id in store.ids() if task_id.lower().startswith(lowered)]
    if not matches:
        raise UnknownTaskId(f"No task id starts with '{wanted}' (see `hailuo-desktop tasks`).", prefix=wanted)
    if len(matches) > 1:
        shown = ", ".join(matches[:SHOWN_MATCHES])
        raise AmbiguousTaskId(
            f"'{wanted}' starts {len(matches)} task ids ({shown}): give more characters.",
            prefix=wanted,
            matches=matches[:SHOWN_MATCHES],
            count=len(matches),
        )
    return matches[0]


def resolve_task_ids(store: TaskStore, texts: Iterable[str]) -> list[str]:
    """Each of `texts` resolved, in order, each task once."""
    seen: dict[str, None] = {}
    for text in texts:
        seen.setdefault(resolve_task_id(store, text), None)
    return list(seen)
