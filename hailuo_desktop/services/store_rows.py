"""Tasks to SQLite rows and back, and the WHERE clauses of the store's plain reads."""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import Any

from ..domain.codes import ErrorCode
from ..domain.routes import UploadRoute
from ..domain.states import TaskState
from ..domain.task import Task
from .store_schema import TASK_COLUMNS


def values(task: Task) -> tuple[object, ...]:
    return tuple(column_value(getattr(task, name)) for name in TASK_COLUMNS)


def column_value(value: object) -> object:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bool):
        return int(value)
    return value


def task_from_row(row: tuple[Any, ...]) -> Task:
    data = dict(zip(TASK_COLUMNS, row))
    data["state"] = TaskState(data["state"])
    data["error_code"] = ErrorCode.parse(data["error_code"])
    data["upload_route"] = _route(data["upload_route"])
    if data["prompt_optimizer"] is not None:
        data["prompt_optimizer"] = bool(data["prompt_optimizer"])
    data["starred"] = bool(data["starred"])
    data["rejected"] = bool(data["rejected"])
    return Task(**data)


def like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def where(states: Iterable[TaskState | str] | None, search: str | None) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if states is not None:
        values = [TaskState(s).value for s in states]
        if not values:
            return " WHERE 0", []
        clauses.append(f"state IN ({', '.join('?' for _ in values)})")
        params.extend(values)
    if search:
        clauses.append("prompt LIKE ? ESCAPE '\\'")
        params.append(like_pattern(search))
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _route(text: str | None) -> UploadRoute | None:
    try:
        return UploadRoute.parse(text)
    except ValueError:  # a route a later version knew: the upload service refuses it in words
        return None
