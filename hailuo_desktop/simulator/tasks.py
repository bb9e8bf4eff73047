"""Simulated tasks: what was asked, when it was created, and where it is now.

A task's phase is never stored: it is computed from the clock, the time it was created
and its drawn queue and run times. So a ManualClock moves every task at once, and a
restarted client sees exactly what a real provider would show at that moment.
"""

from __future__ import annotations

import random
import string
import threading
from dataclasses import dataclass, field
from enum import Enum

from .models import SimModel

# The first part of the queue is the provider's "just received" state (kie `waiting`,
# MiniMax `Preparing`); the rest is the queue proper.
EARLY_QUEUE_SHARE = 0.3


class Phase(str, Enum):
    RECEIVED = "received"
    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"

    @property
    def is_final(self) -> bool:
        return self in (Phase.SUCCEEDED, Phase.FAILED)


@dataclass
class Draft:
    """A validated create request, before it becomes a task."""

    spec: SimModel  # the simulated model (simulator/models.py), not the app's catalog entry
    prompt: str
    image_url: str | None
    duration: int
    resolution: str | None
    body: dict
    cost: float


@dataclass
class SimTask:
    provider: str
    remote_id: str
    draft: Draft
    created_at: float
    queue_s: float
    run_s: float
    result_token: str
    file_id: str
    fail: tuple[str, str] | None = None
    bad_result: bool = False
    ended_at: float | None = None  # set when a fault ends the task early
    extra: dict = field(default_factory=dict)

    @property
    def model(self) -> str:
        return self.draft.spec.model

    @property
    def done_at(self) -> float:
        return self.ended_at if self.ended_at is not None else self.created_at + self.queue_s + self.run_s

    @property
    def started_at(self) -> float:
        return min(self.created_at + self.queue_s, self.done_at)

    def phase(self, now: float) -> Phase:
        if now >= self.done_at:
            return Phase.FAILED if self.fail else Phase.SUCCEEDED
        if now >= self.started_at:
            return Phase.RUNNING
        if now < self.created_at + self.queue_s * EARLY_QUEUE_SHARE:
            return Phase.RECEIVED
        return Phase.QUEUED

    def last_change(self, now: float) -> float:
        """When the phase last changed (kie's updateTime)."""
        marks = (self.created_at, self.created_at + self.queue_s * EARLY_QUEUE_SHARE, self.started_at, self.done_at)
        return max(m for m in marks if m <= now)

    def fail_now(self, now: float, code: str, message: str) -> None:
        self.fail = (code, message)
        if now < self.done_at:
            self.ended_at = now


class TaskBook:
    """Every task the simulator created, by remote id (ids differ in shape per provider)."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._tasks: dict[str, SimTask] = {}
        self._by_file_id: dict[str, SimTask] = {}
        self._lock = threading.Lock()

    def add(self, task: SimTask) -> SimTask:
        with self._lock:
            self._tasks[task.remote_id] = task
            self._by_file_id[task.file_id] = task
        return task

    def get(self, remote_id: str | None) -> SimTask | None:
        return self._tasks.get(remote_id or "")

    def by_file_id(self, file_id: str | None) -> SimTask | None:
        return self._by_file_id.get(str(file_id or ""))

    def of(self, provider: str) -> list[SimTask]:
        with self._lock:
            return [t for t in self._tasks.values() if t.provider == provider]

    def all(self) -> list[SimTask]:
        with self._lock:
            return list(self._tasks.values())

    def new_id(self, provider: str, now_ms: int) -> str:
        """A fresh id in the provider's own shape."""
        while True:
            candidate = self._id_shape(provider, now_ms)
            if candidate not in self._tasks:
                return candidate
            now_ms += 1  # kie's ids are times: the next free millisecond

    def new_token(self, length: int = 24) -> str:
        return "".join(self._rng.choices(string.ascii_lowercase + string.digits, k=length))

    def new_number(self, digits: int = 15) -> str:
        return str(self._rng.randrange(10 ** (digits - 1), 10**digits))

    def _id_shape(self, provider: str, now_ms: int) -> str:
        if provider in ("kie", "apikley"):
            return f"task_hailuo_{now_ms}"  # task_hailuo_1765182986510
        if provider == "apixo":
            return f"task_{self._rng.randrange(10**7, 10**8)}"  # task_12345678
        if provider == "apiinone":
            return f"n{self.new_token(10)}_hailuo"  # n51xxxx_hailuo
        return self.new_number(15)  # MiniMax: a long number, as a string
