"""One task's run: what the steps (submit, poll, deliver) share, and the switch that stops it."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain.catalog import ModelSpec
from ..domain.outcome import Outcome
from ..domain.task import Task
from ..providers.base import Provider
from .budget import RequestBudget
from .downloads import Downloader
from .lease import Leases
from .pauses import ProviderPauses
from .polling import PollPolicy, RetryPolicy
from .store import TaskStore
from .uploads import UploadService


@dataclass
class Parts:
    """Everything the steps use, built once by the Runner."""

    store: TaskStore
    uploads: UploadService
    downloader: Downloader
    budget: RequestBudget
    output_dir: Path
    clock: Callable[[], float]
    sleep: Callable[[float], Awaitable[None]]
    poll_policy: Callable[[ModelSpec, Task], PollPolicy]  # (model, the task as it stands) -> policy
    submit_retry: RetryPolicy
    upload_retry: RetryPolicy
    rng: random.Random = field(default_factory=random.Random)
    leases: Leases | None = None  # one owner per task (services.lease)
    pauses: ProviderPauses = field(default_factory=ProviderPauses)  # submits held per provider


@dataclass
class Job:
    """A task being driven, with its provider; the runner flips the stop switches."""

    task_id: str
    parts: Parts
    provider_name: str
    _provider: Provider | None = field(default=None, repr=False)  # set by the runner before any step
    _spec: ModelSpec | None = field(default=None, repr=False)
    cancel_requested: bool = False  # the user cancelled: end as CANCELLED
    closing: bool = False  # the runner is shutting down: leave the task resumable
    submitting: bool = False  # a POST is in flight: do not interrupt it (its task id must be kept)

    @property
    def provider(self) -> Provider:
        if self._provider is None:
            raise RuntimeError(f"task {self.task_id} has no provider yet")
        return self._provider

    @provider.setter
    def provider(self, provider: Provider) -> None:
        self._provider = provider

    @property
    def spec(self) -> ModelSpec:
        if self._spec is None:
            raise RuntimeError(f"task {self.task_id} has no model yet")
        return self._spec

    @spec.setter
    def spec(self, spec: ModelSpec) -> None:
        self._spec = spec

    @property
    def stop_requested(self) -> bool:
        return self.cancel_requested or self.closing

    def task(self) -> Task:
        return self.parts.store.get(self.task_id)

    def update(self, **changes: Any) -> Task:
        if not self.submitting:  # what a POST in flight brings back is recorded whoever holds the task
            self.keep_lease(strict=True)  # otherwise a process that lost the task must not write over the new owner
        return self.parts.store.update(self.task_id, **changes)

    def settle(self, outcome: Outcome, **progress: Any) -> Task:
        return self.parts.store.settle(self.task_id, outcome, **progress)

    def now(self) -> float:
        return self.parts.clock()

    def keep_lease(self, strict: bool = False) -> None:
        """Raises LeaseLost when another process has taken this task over (services.lease)."""
        if self.parts.leases is not None:
            self.parts.leases.keep(self.task_id, strict=strict)

    def check_stop(self) -> None:
        """Stop between steps, where nothing is half done."""
        if self.stop_requested:
            raise asyncio.CancelledError()
