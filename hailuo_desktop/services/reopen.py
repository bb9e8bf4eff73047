"""Which stopped tasks the user may set going again, and how each is reopened.

A sent task (it has the provider's id) that stopped without its video can be followed
again: it needs a check, it was cancelled, or its outcome is unknown. Nothing is sent
again: polling resumes where it stopped. A task never sent that is held (its provider's
submits paused) goes back to the queue. Everything else is refused with the reason.
"""

from __future__ import annotations

from ..domain.errors import InvalidRequest
from ..domain.states import TaskState
from ..domain.task import Task

REOPENABLE_SENT = frozenset({TaskState.NEEDS_CHECK, TaskState.CANCELLED, TaskState.UNKNOWN})
_CLEARED = {
    "error_code": None,
    "error_message": None,
    "finished_at": None,
    "provider_code": None,
    "provider_message": None,
    "activity": None,
    "activity_attempt": None,
    "next_attempt_at": None,
}


def reopened(task: Task) -> dict[str, object]:
    """The changes that put `task` back in the runner's hands; InvalidRequest when it cannot be."""
    if task.remote_id is not None and task.state in REOPENABLE_SENT:
        state = TaskState.DOWNLOADING if task.result_url else TaskState.RUNNING
        return {"state": state, **_CLEARED}
    if task.remote_id is None and task.state is TaskState.QUEUED:
        return dict(_CLEARED)
    if task.remote_id is None and task.state in (TaskState.CANCELLED, TaskState.FAILED):
        raise InvalidRequest(
            "This task was never created at the provider, so there is nothing to resume: "
            "use Generate again (Retry) to send it."
        )
    if task.remote_id is None and task.state is TaskState.UNKNOWN:
        raise InvalidRequest(
            "The provider may or may not have this task (its answer was lost), so it is not "
            "sent again by itself: check the dashboard, then use Retry if it is not there."
        )
    raise InvalidRequest(f"A {task.state.value} task cannot be resumed.")
