"""Elapsed time, ETA and a progress fraction for a task (Qt-free arithmetic).

Providers report no progress percentage, so the bar is an estimate: elapsed time against
the expected duration. The expectation is the median completion time of this
provider/model's recent tasks, from the same history the poll planner learns from
(services/completion_history.py); until there are some, a prior per model family (Hailuo
Fast models take about a minute, Pro and 02 models two to three).
"""

from __future__ import annotations

from dataclasses import dataclass

from ...domain.states import TaskState
from ...domain.task import Task
from ...services.completion_history import CompletionHistory

MIN_SAMPLES = 3  # fewer than this and the prior is the better guess
RUNNING_CAP = 0.95  # a running task never shows a full bar: only the provider can finish it
DOWNLOADING_FRACTION = 0.97

# Seconds from submit to result, by catalog family and tier, until the store knows better.
_PRIOR_SECONDS = {
    ("2.3-fast", "standard"): 60.0,
    ("2.3-fast", "pro"): 120.0,
    ("2.3", "standard"): 120.0,
    ("2.3", "pro"): 180.0,
    ("02", "standard"): 150.0,
    ("02", "pro"): 200.0,
}
DEFAULT_PRIOR = 150.0


@dataclass(frozen=True)
class Progress:
    elapsed: float  # seconds since the task was sent (or created, while queued locally)
    remaining: float | None  # seconds left by the estimate; None when not running
    fraction: float  # 0..1 for the bar


class EtaEstimator:
    """`history`: the engine's completion history, kept up to date by its owner; without one,
    the estimator keeps its own, fed through `learn` (a list model on a bare store, in tests)."""

    def __init__(
        self, priors: dict[tuple[str, str], float] | None = None, history: CompletionHistory | None = None
    ) -> None:
        self._priors = priors or {}
        self.learns = history is None
        self._history = history if history is not None else CompletionHistory()

    def learn(self, task: Task) -> None:
        if self.learns:
            self._history.learn(task)

    def expected(self, task: Task) -> float:
        learned = self._history.median((task.provider, task.model), at_least=MIN_SAMPLES)
        return learned if learned is not None else self._priors.get((task.provider, task.model), DEFAULT_PRIOR)

    def progress(self, task: Task, now: float) -> Progress:
        start = task.submitted_at or task.submit_started_at or task.created_at
        end = task.finished_at if task.state.is_final and task.finished_at else now
        elapsed = max(0.0, end - start)
        if task.state is TaskState.SUCCEEDED:
            return Progress(elapsed, None, 1.0)
        if task.state is TaskState.DOWNLOADING:
            return Progress(elapsed, None, DOWNLOADING_FRACTION)
        if task.state.is_final or not (task.submitted_at or task.submit_started_at):
            return Progress(elapsed, None, 0.0)
        expected = self.expected(task)
        fraction = min(RUNNING_CAP, elapsed / expected) if expected > 0 else 0.0
        return Progress(elapsed, max(0.0, expected - elapsed), fraction)


def prior_for(family: str, tier: str) -> float:
    return _PRIOR_SECONDS.get((family, tier), DEFAULT_PRIOR)


def format_seconds(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds >= 3600:
        return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
    return f"{seconds // 60}:{seconds % 60:02d}"
