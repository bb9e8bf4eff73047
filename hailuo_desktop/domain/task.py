"""A task as the store keeps it: one paid generation, from intent to video on disk."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any

from .codes import ErrorCode
from .routes import UploadRoute
from .states import TaskState


@dataclass(frozen=True)
class Task:
    id: str
    provider: str
    model: str
    kind: str  # "i2v" / "t2v"
    prompt: str
    mode: str | None = None
    duration: int | None = None
    resolution: str | None = None
    prompt_optimizer: bool | None = None
    image_path: str | None = None  # a local file the user chose
    image_url: str | None = None  # a URL the user gave, or the one an upload produced
    end_image_path: str | None = None
    end_image_url: str | None = None
    upload_route: UploadRoute | None = None  # how a local image reaches the provider (see services.uploads)
    base_url: str | None = None  # the origin the task was sent to; resume polls the same one
    batch_id: str | None = None
    cost: float | None = None
    cost_unit: str | None = None
    state: TaskState = TaskState.QUEUED
    remote_id: str | None = None
    raw_state: str | None = None
    submit_started_at: float | None = None  # set and committed before the POST leaves
    submitted_at: float | None = None
    remote_created_ms: int | None = None
    remote_completed_ms: int | None = None
    result_url: str | None = None
    result_seen_at: float | None = None
    video_path: str | None = None
    video_bytes: int | None = None
    video_sha256: str | None = None
    error_code: ErrorCode | None = None
    error_message: str | None = None
    provider_code: str | None = None
    provider_message: str | None = None
    polls: int = 0
    created_at: float = 0.0
    updated_at: float = 0.0
    finished_at: float | None = None
    parent_id: str | None = None  # the task whose last frame this one starts from
    starred: bool = False  # the creator's keeper
    rejected: bool = False  # hidden from the default view, never deleted
    image_sha256: str | None = None
    charged_cost: float | None = None  # confirmed by the provider; `cost` stays the estimate
    charge_status: str | None = None
    # Who works the task right now (services.lease): not part of what the task is, so two
    # reads of an unchanged task compare equal whether or not a process holds it.
    lease_owner: str | None = field(default=None, compare=False)  # the process that may poll and download it
    lease_expires_at: float | None = field(default=None, compare=False)
    activity: str | None = None  # what the runner is doing while the task waits (retrying, ...)
    activity_attempt: int | None = None
    next_attempt_at: float | None = None

    def with_changes(self, **changes: Any) -> Task:
        return replace(self, **changes)

    def as_json(self) -> dict[str, Any]:
        """The CLI's task object."""
        error = None
        if self.error_code or self.error_message:
            error = {"code": self.error_code, "message": self.error_message}
        return {
            "id": self.id,
            "provider": self.provider,
            "model": self.model,
            "remote_id": self.remote_id,
            "state": self.state.value,
            "video_path": self.video_path,
            "error": error,
            "starred": self.starred,
            "parent_id": self.parent_id,
            # what it costs, as the store keeps it in step with the state (domain.charges)
            "charge": {
                "status": self.charge_status,
                "amount": self.charged_cost,
                "estimate": self.cost,
                "unit": self.cost_unit,
            },
            "activity": None
            if self.activity is None
            else {"what": self.activity, "attempt": self.activity_attempt, "next_attempt_at": self.next_attempt_at},
        }

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["state"] = self.state.value
        return data
