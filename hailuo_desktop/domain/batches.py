"""Counting a batch's outcomes, for messages such as "10 finished: 7 ready, 3 failed"."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .states import TaskState
from .task import Task


@dataclass(frozen=True)
class BatchOutcome:
    total: int = 0
    ready: int = 0  # the video is on disk
    failed: int = 0
    cancelled: int = 0
    needs_check: int = 0  # NEEDS_CHECK and UNKNOWN: the user decides
    running: int = 0  # not finished yet (queued, generating, saving)

    @property
    def finished(self) -> int:
        """Tasks that reached an end: ready, failed, cancelled or waiting for a check."""
        return self.total - self.running

    @property
    def all_ready(self) -> bool:
        return self.total > 0 and self.ready == self.total

    @property
    def done(self) -> bool:
        return self.running == 0


def count_outcomes(tasks: Iterable[Task]) -> BatchOutcome:
    counts = {"ready": 0, "failed": 0, "cancelled": 0, "needs_check": 0, "running": 0}
    total = 0
    for task in tasks:
        total += 1
        counts[_bucket(task.state)] += 1
    return BatchOutcome(total=total, **counts)


def _bucket(state: TaskState) -> str:
    if state is TaskState.SUCCEEDED:
        return "ready"
    if state is TaskState.FAILED:
        return "failed"
    if state is TaskState.CANCELLED:
        return "cancelled"
    if state in (TaskState.NEEDS_CHECK, TaskState.UNKNOWN):
        return "needs_check"
    return "running"
