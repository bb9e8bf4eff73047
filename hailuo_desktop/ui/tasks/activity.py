"""What the runner is doing with a task that waits, in words, counted down from a clock.

"Generating · any moment" for ten minutes hides a task whose status answers cannot be
read; the row and the detail say instead "answer unreadable, retry 3 in 49 s". The
runner writes `activity`, `activity_attempt` and `next_attempt_at` (epoch seconds of its
own clock); the words count down from the clock the caller injects.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication

from ...domain.activity import Activity
from ...domain.states import TaskState
from ...domain.task import Task
from .words import provider_name


def tr(text: str) -> str:
    return QCoreApplication.translate("TaskActivity", text)


def _what(task: Task) -> str:
    A = Activity
    return {
        A.POLL_UNREADABLE: tr("answer unreadable"),
        A.POLL_RATE_LIMITED: tr("{name} asked to slow down"),
        A.POLL_UNAVAILABLE: tr("{name} not answering properly"),
        A.POLL_NETWORK: tr("no connection to {name}"),
        A.POLL_NOT_FOUND_YET: tr("{name} does not list the task yet"),
        A.SUBMIT_WAITING: tr("not sent yet"),
        A.UPLOAD_RETRY: tr("image upload failed"),
        A.PAUSED_NO_BALANCE: tr("held: not enough balance on {name}"),
    }.get(Activity.parse(task.activity), tr("waiting")).format(name=provider_name(task.provider))


def _in(seconds: float) -> str:
    if seconds <= 0.5:
        return tr("now")
    seconds = math.ceil(seconds)
    if seconds < 60:
        return tr("in {s} s").format(s=seconds)
    return tr("in {m} min {s} s").format(m=seconds // 60, s=seconds % 60)


def activity_text(task: Task, now: float) -> str | None:
    """ "answer unreadable, retry 3 in 49 s", or None when the runner is not waiting on anything."""
    if not task.activity or task.state.is_final:
        return None
    what = _what(task)
    if task.next_attempt_at is None:
        return what
    when = _in(task.next_attempt_at - now)
    if task.activity_attempt:
        return tr("{what}, retry {n} {when}").format(what=what, n=task.activity_attempt, when=when)
    return tr("{what}, retrying {when}").format(what=what, when=when)


def needs_check(task: Task) -> bool:
    return task.state is TaskState.NEEDS_CHECK


def resumable(task: Task) -> bool:
    """The provider has the task and the app stopped following it: Runner.resume polls it again."""
    return task.remote_id is not None and task.state in (TaskState.NEEDS_CHECK, TaskState.CANCELLED, TaskState.UNKNOWN)
