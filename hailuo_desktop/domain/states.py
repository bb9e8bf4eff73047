"""Task states, local and remote."""

from __future__ import annotations

from enum import Enum


class TaskState(str, Enum):
    """The life of a task as the store records it."""

    QUEUED = "queued"  # accepted locally, or waiting in the provider's queue
    RUNNING = "running"  # the provider is generating
    DOWNLOADING = "downloading"  # the provider finished; the video is coming down
    SUCCEEDED = "succeeded"  # the video is on disk
    FAILED = "failed"
    UNKNOWN = "unknown"  # the outcome is ambiguous; the user decides
    CANCELLED = "cancelled"
    # Stuck past its retry budget (answers that cannot be read, an outage that does not
    # end): the runner stopped following it and freed its slot. Never picked up again by
    # itself; the user resumes it or gives it up (Runner.resume / Runner.give_up).
    NEEDS_CHECK = "needs_check"

    @property
    def is_final(self) -> bool:
        return self in FINAL_STATES


FINAL_STATES = frozenset(
    {TaskState.SUCCEEDED, TaskState.FAILED, TaskState.CANCELLED, TaskState.UNKNOWN, TaskState.NEEDS_CHECK}
)
# States a restart picks up again by itself.
RESUMABLE_STATES = frozenset({TaskState.QUEUED, TaskState.RUNNING, TaskState.DOWNLOADING})


class RemoteState(str, Enum):
    """One internal name for the many state strings providers use."""

    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


# Every documented state string, lower-cased: providers differ in case (IN_PROGRESS, Success).
_REMOTE_STATE_NAMES = {
    "waiting": RemoteState.QUEUED,
    "queuing": RemoteState.QUEUED,
    "pending": RemoteState.QUEUED,
    "preparing": RemoteState.QUEUED,
    "queueing": RemoteState.QUEUED,
    "queued": RemoteState.QUEUED,
    "generating": RemoteState.RUNNING,
    "processing": RemoteState.RUNNING,
    "in_progress": RemoteState.RUNNING,
    "running": RemoteState.RUNNING,
    "success": RemoteState.SUCCEEDED,
    "completed": RemoteState.SUCCEEDED,
    "succeeded": RemoteState.SUCCEEDED,
    "fail": RemoteState.FAILED,
    "failed": RemoteState.FAILED,
    # API in One documents only "completed"/"failed"; an undocumented body may say these,
    # and a task in them will never produce a video, so they are final too.
    "error": RemoteState.FAILED,
    "cancelled": RemoteState.FAILED,
    "canceled": RemoteState.FAILED,
}


def parse_remote_state(raw: object) -> RemoteState | None:
    """Map a provider's state string to a RemoteState; None when it is not one we know."""
    if not isinstance(raw, str):
        return None
    return _REMOTE_STATE_NAMES.get(raw.strip().lower())
