"""How a step of the runner leaves a task: a typed value the store applies in one commit.

Replaces loose `store.update(**changes)` dicts: every field a step may set has a name and
a type here, and `changes()` is the one place that turns it into columns.
"""

from __future__ import annotations

from dataclasses import dataclass

from .codes import ErrorCode
from .states import TaskState


@dataclass(frozen=True)
class ProviderSaid:
    """The provider's own failure code and words, kept verbatim (fail codes differ between docs)."""

    code: str | None = None
    message: str | None = None


@dataclass(frozen=True)
class SavedVideo:
    size: int
    sha256: str


@dataclass(frozen=True)
class Outcome:
    state: TaskState
    code: ErrorCode | None
    message: str | None
    # None: the task is not finished (still queued, or resumable); else when it ended.
    finished_at: float | None = None
    # None leaves what the provider said before as it is; ProviderSaid() clears it.
    said: ProviderSaid | None = None
    withdraw_intent: bool = False  # the submit provably created nothing: submit_started_at goes
    video: SavedVideo | None = None

    def changes(self) -> dict[str, object]:
        """The task columns this outcome sets."""
        changes: dict[str, object] = {"state": self.state, "error_code": self.code, "error_message": self.message}
        if self.state.is_final:
            changes["finished_at"] = self.finished_at
        if self.said is not None:
            changes.update(provider_code=self.said.code, provider_message=self.said.message)
        if self.withdraw_intent:
            changes["submit_started_at"] = None
        if self.video is not None:
            changes.update(video_bytes=self.video.size, video_sha256=self.video.sha256)
        return changes
