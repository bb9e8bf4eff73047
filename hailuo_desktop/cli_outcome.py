"""The one stderr line a command ends with when its tasks did not all make it: the reason
and the next step (cli_words.NEXT_STEPS), so a script's log says what to do."""

from __future__ import annotations

from collections.abc import Iterable

from .cli_words import next_step
from .domain import catalog
from .domain.batches import count_outcomes
from .domain.codes import ErrorCode
from .domain.states import TaskState
from .domain.task import Task

_STATE_CODES = {
    TaskState.UNKNOWN: ErrorCode.UNKNOWN,
    TaskState.CANCELLED: ErrorCode.CANCELLED,
    TaskState.NEEDS_CHECK: ErrorCode.NEEDS_CHECK,
    TaskState.FAILED: ErrorCode.TASK_FAILED,
}


def task_line(task: Task) -> str:
    """Why this task is not done, and what to do next."""
    code = ErrorCode.parse(task.error_code) or _STATE_CODES.get(task.state, ErrorCode.ERROR)
    reason = (task.error_message or f"Task {task.id} is {task.state.value}.").strip()
    step = next_step(code, task.provider)
    return f"{task.id[:8]}: {reason}" if step in reason else f"{task.id[:8]}: {reason} {step}"


def paused_line(provider_id: str, held: int) -> str:
    spec = catalog.PROVIDERS.get(provider_id)
    name = spec.name if spec else provider_id
    where = f" ({spec.top_up_url})" if spec and spec.top_up_url else ""
    return (
        f"Submits to {name} are paused: it said the balance is too low; {held} task(s) wait, nothing was "
        f"charged for them. Top up{where}, then run `hailuo-desktop wait` to send them."
    )


def problem_line(tasks: Iterable[Task], paused: Iterable[str] = ()) -> str | None:
    """None when every task is done; else one line: a held provider first, else the problems."""
    tasks = list(tasks)
    problems = [t for t in tasks if t.state is not TaskState.SUCCEEDED]
    if not problems:
        return None
    for provider_id in paused:
        held = [
            t for t in problems if t.provider == provider_id and t.remote_id is None and t.state is TaskState.QUEUED
        ]
        if held:
            return paused_line(provider_id, len(held))
    if len(problems) == 1:
        return task_line(problems[0])
    n = count_outcomes(tasks)
    parts = [
        f"{count} {words}"
        for count, words in (
            (n.ready, "ready"),
            (n.failed, "failed"),
            (n.needs_check, "need a check"),
            (n.cancelled, "cancelled"),
            (n.running, "not finished"),
        )
        if count
    ]
    return f"{n.total} tasks: {', '.join(parts)}. First: {task_line(problems[0])}"
