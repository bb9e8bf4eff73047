"""Adaptive polling: poll when the provider's own history says the task is likely done.

Providers document one schedule for every task (APIXO: first poll at 30 s, then every
10 s), but a given model's tasks finish in a typical window: a Hailuo 2.3 clip is rarely
done before a minute. Polling a task that cannot be done yet spends the user's request
budget and the provider's patience. So, per provider/model/mode/duration:

1. Learn how long tasks take, from the store's finished tasks (`completion_seconds`): the
   provider's own createTime -> completeTime when it reports them (APIXO, kie, Apikley),
   else submit -> result seen (MiniMax, API in One; a little late by the poll delay).
2. Smooth those samples into a distribution (`CompletionModel`: a kernel density on the
   log of the durations, which suits right-skewed times and copes with 20 samples).
3. Place the polls (`plan_polls`) by dynamic programming on a one-second grid: each poll
   costs one request for every task still running; each second a finished task waits
   for the next poll costs `weight` requests. The cheapest placement is sparse where
   completion is unlikely and as dense as allowed where it is likely.
4. Of the placements found for a ladder of weights, keep the one with the fewest
   expected requests whose expected *median* detection delay is no worse than the
   documented schedule's on the same distribution. If none saves requests, the
   documented schedule is used.

The documented bounds, and why these:
- Never earlier than the documented first poll (a task is not polled before the
  provider said it is worth asking).
- Never two polls closer than the documented interval at the age of the earlier one
  (`PollSchedule.interval_at`): the documented interval is read as the smallest gap the
  provider wants, so the plan can only leave polls out, never add or bring one forward.
  It follows (for schedules that never speed up with age, as every documented one) that
  by any moment a planned task has sent at most as many polls as the documented schedule
  would have: the k-th planned poll is never before the k-th documented one. So adaptive
  polling never asks more of the shared RequestBudget, and every poll still waits for
  its token there, as before.
- No gap over `max_gap` (60 s by default), the first poll included (at most `max_gap`
  after the documented first poll): a stale history costs at most a minute.
- After the plan ends (all but `tail_mass` of the learned tasks are done) the documented
  interval applies again, and the documented give-up cap is unchanged.
PollPolicy enforces the first two at run time as well (it never waits less than the
documented schedule says), so a wrong plan can only make polling sparser, never denser.

What this costs: the first plan reads the newest 1,000 finished tasks from the store
(~25 ms with 10,000 stored) and each plan takes ~15 ms to compute, once per
provider/model and again every `refresh_every` newly finished tasks of it.

Everything here is plain arithmetic on numbers from the store: no I/O besides the
store's read, no clock, no Qt.
"""

from __future__ import annotations

import bisect
import functools
import math
import statistics
import threading
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ..domain.catalog import CatalogError, ModelSpec, PollSchedule, find_model
from ..domain.catalog import provider as provider_spec
from ..domain.states import TaskState
from ..domain.task import Task

_LEARNED_STATES = (TaskState.SUCCEEDED, TaskState.FAILED)
_LONGEST_SAMPLE = 24 * 3600.0  # a "duration" beyond a day is a clock error, not a sample
_EPS = 1e-9
_SQRT2 = math.sqrt(2.0)

Key = tuple


@dataclass(frozen=True)
class Tuning:
    min_samples: int = 20  # fewer finished tasks than this: the documented schedule
    history_per_key: int = 100  # the most recent samples kept per key (providers change speed)
    history_scan: int = 1000  # newest finished tasks read from the store on first use
    refresh_every: int = 10  # new samples for a key before its plan is computed again
    grid_step: float = 1.0  # seconds between candidate poll times
    max_gap: float = 60.0
    tail_mass: float = 0.002  # the plan ends when all but this share of tasks are done
    # How much later than the documented schedule's median a plan may see a task done.
    # Not zero: with polls at least the documented interval apart, the documented
    # schedule's median delay (half an interval) is already the least possible for
    # completion times spread over tens of seconds, so any poll left out raises it a little.
    delay_tolerance: float = 0.1
    # Requests one second of delay is worth, tried from cheap (few polls) to dear.
    weights: tuple[float, ...] = (0.125, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0)


# --- samples -------------------------------------------------------------------------
def completion_seconds(task: Task) -> float | None:
    """How long the provider took to finish this task, or None when the store cannot tell."""
    if task.state not in _LEARNED_STATES:
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

    def __init__(self, per_key: int = Tuning.history_per_key) -> None:
        self._per_key = per_key
        self._samples: dict[Key, deque[float]] = {}
        self._added: dict[Key, int] = {}  # samples ever added: the plan cache's version
        self._seen: set[str] = set()
        self._specs: dict[tuple, ModelSpec | None] = {}  # catalog look-ups, once per model
        self._lock = threading.Lock()

    def learn(self, task: Task) -> bool:
        """Add this task's completion time once; True when it was new and usable."""
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
        with self._lock:
            return list(self._samples.get(key, ()))

    def version(self, key: Key) -> int:
        with self._lock:
            return self._added.get(key, 0)


def _spec_or_none(task: Task) -> ModelSpec | None:
    try:
        return find_model(task.provider, task.model, task.mode, task.kind)
    except CatalogError:  # a model the catalog no longer lists: its raw duration still keys it
        return None


# --- the learned distribution --------------------------------------------------------
@dataclass(frozen=True)
class CompletionModel:
    """A kernel density estimate of completion times, on their logarithm (lognormal kernels)."""

    centres: tuple[float, ...]  # log seconds
    bandwidth: float

    @classmethod
    def fit(cls, seconds: Sequence[float]) -> CompletionModel:
        if not seconds:
            raise ValueError("a completion model needs at least one sample")
        logs = tuple(math.log(s) for s in seconds)
        return cls(logs, _silverman(logs))

    def cdf(self, t: float) -> float:
        if t <= 0:
            return 0.0
        z, scale = math.log(t), 1.0 / (self.bandwidth * _SQRT2)
        return 0.5 + 0.5 * sum(map(math.erf, [(z - c) * scale for c in self.centres])) / len(self.centres)

    def partial_mean(self, t: float) -> float:
        """E[T; T <= t]: what the delay arithmetic needs besides the cdf (closed form per kernel)."""
        if t <= 0:
            return 0.0
        h = self.bandwidth
        z, scale = math.log(t) - h * h, 1.0 / (h * _SQRT2)
        erfs = map(math.erf, [(z - c) * scale for c in self.centres])
        return 0.5 * sum(w * (1.0 + e) for w, e in zip(self._means, erfs)) / len(self.centres)

    @functools.cached_property
    def _means(self) -> tuple[float, ...]:
        # Each lognormal kernel's mean, exp(c + h^2 / 2): its weight in the partial mean.
        return tuple(math.exp(c + self.bandwidth ** 2 / 2) for c in self.centres)

    def quantile(self, p: float) -> float:
        low, high = math.exp(min(self.centres) - 6 * self.bandwidth), math.exp(max(self.centres) + 6 * self.bandwidth)
        for _ in range(60):
            middle = math.sqrt(low * high)
            low, high = (middle, high) if self.cdf(middle) < p else (low, middle)
        return high


def _silverman(logs: Sequence[float]) -> float:
    # Silverman's rule of thumb, with a floor so identical samples still give a density.
    spread = statistics.pstdev(logs) if len(logs) > 1 else 0.0
    if len(logs) >= 4:
        q1, _, q3 = statistics.quantiles(logs, n=4)
        if q3 > q1:
            spread = min(spread, (q3 - q1) / 1.34)
    return max(0.05, 0.9 * spread * len(logs) ** -0.2)


# --- the plan --------------------------------------------------------------------------
@dataclass(frozen=True)
class PollPlan:
    """Poll times in seconds after the submit; after the last one, the documented schedule."""

    times: tuple[float, ...]
    expected_polls: float = 0.0  # per task, on the learned distribution
    documented_polls: float = 0.0
    median_delay: float = 0.0  # seconds from done to known, on the learned distribution
    documented_median_delay: float = 0.0

    def first_delay(self) -> float:
        return self.times[0]

    def next_time(self, elapsed: float) -> float | None:
        """The planned poll after the one answered at `elapsed`; None past the plan.

        Counted from the last planned time already passed, so a poll answered a little
        late (network, budget) moves the next one no earlier, and skips none.
        """
        index = bisect.bisect_right(self.times, elapsed + _EPS)
        return self.times[index] if index < len(self.times) else None


@dataclass(frozen=True)
class _Grid:
    """The learned distribution on a time grid: cdf F and partial mean G at t = i * step."""

    step: float
    F: tuple[float, ...]
    G: tuple[float, ...]

    @classmethod
    def of(cls, model: CompletionModel, step: float, end: float) -> _Grid:
        count = int(math.ceil(end / step)) + 1
        times = [i * step for i in range(count)]
        return cls(step, tuple(model.cdf(t) for t in times), tuple(model.partial_mean(t) for t in times))

    def t(self, i: int) -> float:
        return i * self.step

    def cdf_at(self, t: float) -> float:
        """Linear interpolation; past the grid's end, its last value (the tail is not planned)."""
        x = t / self.step
        i = int(x)
        if i >= len(self.F) - 1:
            return self.F[-1]
        if i < 0:
            return 0.0
        return self.F[i] + (self.F[i + 1] - self.F[i]) * (x - i)


def plan_polls(model: CompletionModel, schedule: PollSchedule, tuning: Tuning = Tuning()) -> PollPlan | None:
    """The plan with the fewest expected polls at no worse median delay; None: keep the documented one."""
    horizon = min(schedule.give_up_after, max(model.quantile(1 - tuning.tail_mass), schedule.first_delay))
    grid = _Grid.of(model, tuning.grid_step, horizon + max(tuning.max_gap, _longest_interval(schedule)))
    documented = documented_times(schedule, horizon)
    documented_delay = median_delay(documented, grid, schedule)
    documented_polls = expected_polls(documented, grid)
    best = _cheapest_within(grid, schedule, tuning, horizon, documented_delay * (1 + tuning.delay_tolerance))
    if best is None or expected_polls(best, grid) >= documented_polls - _EPS:
        return None
    return PollPlan(best, expected_polls(best, grid), documented_polls, median_delay(best, grid, schedule),
                    documented_delay)


def _cheapest_within(grid: _Grid, schedule: PollSchedule, tuning: Tuning, horizon: float,
                     target: float) -> tuple[float, ...] | None:
    """Bisect the weight ladder for the cheapest plan whose median delay is within the target.

    A larger weight never plans fewer polls, so the ladder is ordered by cost.
    """
    low, high, found = 0, len(tuning.weights) - 1, None
    while low <= high:
        middle = (low + high) // 2
        times = _optimal_times(grid, schedule, tuning, horizon, tuning.weights[middle])
        if times and median_delay(times, grid, schedule) <= target + _EPS:
            found, high = times, middle - 1
        else:
            low = middle + 1
    return found


def _optimal_times(grid: _Grid, schedule: PollSchedule, tuning: Tuning, horizon: float,
                   weight: float) -> tuple[float, ...]:
    """Dynamic programming, from the last candidate poll back to the first."""
    step, F, G = grid.step, grid.F, grid.G
    first = int(math.ceil(schedule.first_delay / step - _EPS))
    last = len(F) - 1
    widest = int(max(tuning.max_gap, _longest_interval(schedule)) / step + _EPS)
    cost = [math.inf] * (last + 1)
    following: list[int | None] = [None] * (last + 1)
    for i in range(last, first - 1, -1):
        if grid.t(i) >= horizon:
            cost[i] = 0.0  # the plan may end here: the documented schedule takes over
            continue
        still_running = 1.0 - F[i]
        narrowest = int(math.ceil(schedule.interval_at(grid.t(i)) / step - _EPS))
        for j in range(i + narrowest, min(last, i + widest) + 1):
            # The waiting of the tasks done in (t_i, t_j] grows with j: once it alone costs
            # more than the best so far, no later j can win (the rest cost is never negative).
            here = still_running + weight * (j * step * (F[j] - F[i]) - (G[j] - G[i]))
            if here >= cost[i]:
                break
            if here + cost[j] < cost[i]:
                cost[i], following[i] = here + cost[j], j
    start = min(range(first, min(last, first + widest) + 1),
                key=lambda j: 1.0 + weight * (grid.t(j) * F[j] - G[j]) + cost[j])
    return _walk(grid, following, start, cost)


def _walk(grid: _Grid, following: list[int | None], start: int, cost: list[float]) -> tuple[float, ...]:
    if math.isinf(cost[start]):
        return ()
    times, node = [], start
    while node is not None:
        times.append(grid.t(node))
        node = following[node]
    return tuple(times)


def _longest_interval(schedule: PollSchedule) -> float:
    return max(interval for _, interval in schedule.steps)


# --- measures on the learned distribution --------------------------------------------
def documented_times(schedule: PollSchedule, until: float) -> tuple[float, ...]:
    """The documented poll times (from the submit) up to and including the first at or past `until`."""
    times = [float(schedule.first_delay)]
    while times[-1] < until:
        times.append(times[-1] + schedule.interval_at(times[-1]))
    return tuple(times)


def _continued(times: Sequence[float], schedule: PollSchedule, grid: _Grid) -> list[float]:
    """The plan, then the documented interval until the grid's end (the rest of the tail)."""
    out = list(times)
    end = grid.t(len(grid.F) - 1)
    while out[-1] < end:
        out.append(out[-1] + schedule.interval_at(out[-1]))
    return out


def expected_polls(times: Sequence[float], grid: _Grid) -> float:
    """Polls per task: poll k is sent when the task was not done at poll k-1."""
    previous = [0.0, *times[:-1]]
    return sum(1.0 - grid.cdf_at(t) for t in previous)


def delay_share(times: Sequence[float], grid: _Grid, within: float) -> float:
    """The share of tasks known to be done at most `within` seconds after they were."""
    share, previous = 0.0, 0.0
    for t in times:
        share += grid.cdf_at(t) - grid.cdf_at(max(previous, t - within))
        previous = t
    return share


def median_delay(times: Sequence[float], grid: _Grid, schedule: PollSchedule) -> float:
    full = _continued(times, schedule, grid)
    half = 0.5 * grid.F[-1]
    low, high = 0.0, max(full[0], *(b - a for a, b in zip(full, full[1:])))
    for _ in range(40):
        middle = (low + high) / 2
        low, high = (middle, high) if delay_share(full, grid, middle) < half else (low, middle)
    return high


# --- the planner the runner asks ------------------------------------------------------
class AdaptivePlanner:
    """Plans per provider/model, learned lazily from the store and kept up to date by its events.

    `plan_for` returns None (the documented schedule) until a key has `min_samples`
    finished tasks. Plans are cached and computed again every `refresh_every` new samples.
    """

    def __init__(self, store, *, tuning: Tuning = Tuning(),
                 schedules: Callable[[str], PollSchedule] | None = None) -> None:
        self._store = store
        self._tuning = tuning
        self._schedules = schedules or (lambda provider_id: provider_spec(provider_id).poll)
        self._history: CompletionHistory | None = None
        self._plans: dict[Key, tuple[int, PollPlan | None]] = {}
        self._unsubscribe: Callable[[], None] | None = None

    @property
    def history(self) -> CompletionHistory:
        if self._history is None:
            self._history = CompletionHistory(self._tuning.history_per_key)
            self._unsubscribe = self._store.subscribe(self._on_event)
            self._history.learn_all(self._store.list(_LEARNED_STATES, limit=self._tuning.history_scan))
        return self._history

    def plan_for(self, spec: ModelSpec, task: Task) -> PollPlan | None:
        key = self._key_with_history(task_keys(task, spec))
        if key is None:
            return None
        version = self.history.version(key)
        cached = self._plans.get(key)
        if cached is None or version - cached[0] >= self._tuning.refresh_every:
            model = CompletionModel.fit(self.history.samples(key))
            cached = (version, plan_polls(model, self._schedules(task.provider), self._tuning))
            self._plans[key] = cached
        return cached[1]

    def close(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def _key_with_history(self, keys: Iterable[Key]) -> Key | None:
        for key in keys:
            if len(self.history.samples(key)) >= self._tuning.min_samples:
                return key
        return None

    def _on_event(self, event) -> None:
        if event.task is not None and event.task.state in _LEARNED_STATES:
            self.history.learn(event.task)
