"""The arithmetic of adaptive polling: a completion-time distribution and the cheapest poll
times within a provider's documented schedule. Pure functions of numbers; see
services/adaptive.py for why and within which bounds.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from ..domain.catalog import PollSchedule
from .completion_history import HISTORY_PER_KEY

_EPS = 1e-9
_SQRT2 = math.sqrt(2.0)


@dataclass(frozen=True)
class Tuning:
    min_samples: int = 20  # fewer finished tasks than this: the documented schedule
    history_per_key: int = HISTORY_PER_KEY
    history_scan: int = 1000  # newest finished tasks read from the store on first use
    refresh_every: int = 10  # new samples for a key before its plan is computed again
    grid_step: float = 1.0  # seconds between candidate poll times
    max_gap: float = 60.0
    tail_mass: float = 0.002  # the plan ends when all but this share of tasks are done
    # How much later than the documented schedule's median a plan may see a task done.
    # Not zero: with polls at least the documented interval apart (no range documented), the
    # documented schedule's median delay (half an interval) is already the least possible for
    # completion times spread over tens of seconds, so any poll left out raises it a little.
    delay_tolerance: float = 0.1
    # Requests one second of delay is worth, tried from cheap (few polls) to dear.
    weights: tuple[float, ...] = (0.125, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0)


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
        return tuple(math.exp(c + self.bandwidth**2 / 2) for c in self.centres)

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
    return max(0.05, 0.9 * spread * math.pow(len(logs), -0.2))


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
    target = documented_delay * (1 + tuning.delay_tolerance)
    best = _cheapest_within(grid, schedule, tuning, horizon, target)
    if best is not None and not keeps_pace(best, schedule) and schedule.floor_steps is not None:
        # Polls at the floor early on can run ahead of the cadence's count: plan on the cadence alone.
        best = _cheapest_within(grid, dataclasses.replace(schedule, floor_steps=None), tuning, horizon, target)
    if best is None or expected_polls(best, grid) >= documented_polls - _EPS:
        return None
    return PollPlan(
        best, expected_polls(best, grid), documented_polls, median_delay(best, grid, schedule), documented_delay
    )


def _cheapest_within(
    grid: _Grid, schedule: PollSchedule, tuning: Tuning, horizon: float, target: float
) -> tuple[float, ...] | None:
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


def _optimal_times(
    grid: _Grid, schedule: PollSchedule, tuning: Tuning, horizon: float, weight: float
) -> tuple[float, ...]:
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
        narrowest = int(math.ceil(schedule.floor_at(grid.t(i)) / step - _EPS))
        for j in range(i + narrowest, min(last, i + widest) + 1):
            # The waiting of the tasks done in (t_i, t_j] grows with j: once it alone costs
            # more than the best so far, no later j can win (the rest cost is never negative).
            here = still_running + weight * (j * step * (F[j] - F[i]) - (G[j] - G[i]))
            if here >= cost[i]:
                break
            if here + cost[j] < cost[i]:
                cost[i], following[i] = here + cost[j], j
    start = min(
        range(first, min(last, first + widest) + 1), key=lambda j: 1.0 + weight * (grid.t(j) * F[j] - G[j]) + cost[j]
    )
    return _walk(grid, following, start, cost)


def _walk(grid: _Grid, following: list[int | None], start: int, cost: list[float]) -> tuple[float, ...]:
    if math.isinf(cost[start]):
        return ()
    times: list[float] = []
    node: int | None = start
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


def keeps_pace(times: Sequence[float], schedule: PollSchedule) -> bool:
    """True when the k-th poll is never before the documented schedule's k-th: at no moment has
    the plan sent more polls than the documented cadence would have."""
    documented = documented_times(schedule, times[-1]) if times else ()
    return all(planned >= cadence - _EPS for planned, cadence in zip(times, documented))


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
