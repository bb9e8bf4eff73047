"""How long a provider takes to finish a task, learned from the store: one history for
the poll planner (services.adaptive) and the task list's ETA (ui.tasks.eta).

A sample is the provider's own createTime -> completeTime when it reports them (APIXO,
kie, Apikley), else submit -> result seen (MiniMax, API in One; a little late by the poll
delay). Samples are kept per (provider, model, mode, duration) and per (provider, model).
"""

from __future__ import annotations

import statistics
import threading
from collections import deque
from collections.abc import Callable, Iterable

from ..domain.catalog import CatalogError, ModelSpec, find_model
from ..domain.states import TaskState
from ..domain.task import Task

LEARNED_STATES = (TaskState.SUCCEEDED, TaskState.FAILED)
HISTORY_PER_KEY = 100  # the most recent samples kept per key (providers change speed)
_LONGEST_SAMPLE = 24 * 3600.0  # a "duration" beyond a day is a clock error, not a sample

Key = tuple[object, ...]  # (provider, model, mode, duration) or (provider, model)


def completion_seconds(task: Task) -> float | None:
    """How long the provider took to finish this task, or None when the store cannot tell."""
    if task.state not in LEARNED_STATES:
        return None
    seconds = _remote_seconds(task)
    if seconds is None and task.state is TaskState.SUCCEEDED:
        seconds = _local_seconds(task)
    return seconds if seconds is not None and 0 < seconds < _LONGEST_SAMPLE else None


def _remote_seconds(task: Task) -> float | None:
    if task.remote_created_ms and task.remote_completed_ms:
        return (task.remote_completed_ms - task.remote_created_ms) / 1000.0
    return None


def _local_seconds(task: Task) -> float | None:
    # Upper bound: the result was seen at the first poll after it was ready.
    end = task.result_seen_at or task.finished_at
    return end - task.submitted_at if end and task.submitted_at else None


def task_keys(task: Task, spec: ModelSpec | None = None) -> tuple[Key, Key]:
    """(fine, coarse) history keys: the exact setting, and the provider's model as a whole."""
    duration = spec.effective_duration(task.duration) if spec is not None else task.duration
    return (task.provider, task.model, task.mode, duration), (task.provider, task.model)


class CompletionHistory:
    """The most recent completion times per key. Thread-safe: store listeners run anywhere."""

    def __init__(self, per_key: int = HISTORY_PER_KEY) -> None:
        self._per_key = per_key
        self._samples: dict[Key, deque[float]] = {}
        self._added: dict[Key, int] = {}  # samples ever added: the plan cache's version
        self._seen: set[str] = set()
        self._specs: dict[tuple[str, str, str | None, str], ModelSpec | None] = {}  # catalog look-ups, once per model
        self._lock = threading.Lock()
        self._backlog: Callable[[], Iterable[Task]] | None = None
        self._backlog_lock = threading.Lock()

    def learn_later(self, read: Callable[[], Iterable[Task]]) -> None:
        """Learn what `read()` returns (the past), but only when the history is first used: the
        window opens without reading 1,000 finished tasks that it may not need yet. The past
        is learned before anything newer, as if it had been read at once."""
        self._backlog = read

    def _catch_up(self) -> None:
        if self._backlog is None:
            return
        with self._backlog_lock:  # one reader; the others wait for its samples
            if self._backlog is not None:
                for task in self._backlog():
                    self._learn(task)
                self._backlog = None

    def learn(self, task: Task) -> bool:
        """Add this task's completion time once; True when it was new and usable."""
        self._catch_up()
        return self._learn(task)

    def _learn(self, task: Task) -> bool:
        seconds = completion_seconds(task)
        if seconds is None or task.id in self._seen:
            return False
        keys = task_keys(task, self._spec(task))
        with self._lock:
            self._seen.add(task.id)
            for key in keys:
                self._samples.setdefault(key, deque(maxlen=self._per_key)).append(seconds)
                self._added[key] = self._added.get(key, 0) + 1
        return True

    def learn_all(self, tasks: Iterable[Task]) -> None:
        for task in tasks:
            self.learn(task)

    def _spec(self, task: Task) -> ModelSpec | None:
        model = (task.provider, task.model, task.mode, task.kind)
        if model not in self._specs:
            self._specs[model] = _spec_or_none(task)
        return self._specs[model]

    def samples(self, key: Key) -> list[float]:
        self._catch_up()
        with self._lock:
            return list(self._samples.get(key, ()))

    def median(self, key: Key, at_least: int = 1) -> float | None:
        """The median of the samples for `key`, or None with fewer than `at_least` of them."""
        samples = self.samples(key)
        return statistics.median(samples) if samples and len(samples) >= at_least else None

    def version(self, key: Key) -> int:
        self._catch_up()
        with self._lock:
            return self._added.get(key, 0)


def _spec_or_none(task: Task) -> ModelSpec | None:
    try:
        return find_model(task.provider, task.model, task.mode, task.kind)
    except CatalogError:  # a model the catalog no longer lists: its raw duration still keys it
        return None
