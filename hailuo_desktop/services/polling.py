"""When to poll, when to retry, when to give up: numbers only, no I/O.

The clock is passed in and the random source is injectable (seeded in tests), so every
delay here is reproducible and no test waits on the wall clock.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from ..domain.catalog import PollSchedule
from ..domain.errors import HailuoError, NetworkError, ProviderUnavailable, RateLimited, TaskNotFound


@dataclass(frozen=True)
class Backoff:
    """Exponential backoff with "equal jitter".

    Half of each step is fixed and half random: many tasks hit by the same outage spread
    their retries out, yet none comes back sooner than half the step.
    """

    base: float = 1.0
    factor: float = 2.0
    maximum: float = 120.0

    def step(self, attempt: int) -> float:
        """The un-jittered delay before retry number `attempt` (1-based)."""
        return min(self.maximum, self.base * self.factor ** max(0, attempt - 1))

    def delay(self, attempt: int, rng: random.Random) -> float:
        step = self.step(attempt)
        return step / 2 + rng.uniform(0, step / 2)


def retry_after_of(error: BaseException) -> float | None:
    """The server's Retry-After, in seconds, when the error carried one."""
    value = getattr(error, "retry_after", None)
    return float(value) if isinstance(value, (int, float)) and value >= 0 else None


def is_unreadable(error: BaseException) -> bool:
    """An answer that came back but could not be read (not JSON, a missing field): unlike an
    outage, asking again rarely helps, so its retry budget is short."""
    status = getattr(error, "status", None)
    return isinstance(error, ProviderUnavailable) and (status is None or 200 <= status < 300)


def is_transient(error: BaseException) -> bool:
    """Worth asking again for an idempotent request (a poll, a download): 429, 5xx, network."""
    return isinstance(error, (RateLimited, ProviderUnavailable, NetworkError))


@dataclass
class RetryPolicy:
    """A bounded number of retries with backoff that honours Retry-After."""

    attempts: int = 5  # tries in all, the first included
    backoff: Backoff = Backoff(base=2.0, maximum=60.0)
    longest_wait: float = 600.0  # a Retry-After beyond this is not waited for
    rng: random.Random | None = None

    def __post_init__(self) -> None:
        self._random()

    def _random(self) -> random.Random:
        if self.rng is None:
            self.rng = random.Random()
        return self.rng

    def delay(self, attempt: int, error: BaseException | None = None) -> float | None:
        """Seconds to wait before try `attempt + 1` after try `attempt` failed; None: stop."""
        if attempt >= self.attempts:
            return None
        wait = self.backoff.delay(attempt, self._random())
        after = retry_after_of(error) if error is not None else None
        if after is not None:
            if after > self.longest_wait:
                return None
            wait = max(wait, after)
        return wait


class PollPlan(Protocol):
    """Learned poll times (services.adaptive.PollPlan), in seconds after the submit."""

    def first_delay(self) -> float: ...

    def next_time(self, elapsed: float) -> float | None: ...


class PollPolicy:
    """A provider's documented schedule (or a fixed interval) plus error handling and a cap.

    With a `plan` (adaptive polling), polls follow the plan but never come sooner than the
    documented schedule allows: not before its first poll, never closer than its floor
    (`PollSchedule.floor_at`, the lower end of a documented range), never before the plan says.
    """

    def __init__(
        self,
        schedule: PollSchedule,
        *,
        fixed_interval: float | None = None,
        give_up_after: float | None = None,
        backoff: Backoff | None = None,
        rng: random.Random | None = None,
        max_consecutive_errors: int = 20,
        not_found_grace: int = 3,
        plan: PollPlan | None = None,
        unreadable_budget: int = 5,
    ) -> None:
        if fixed_interval is not None and fixed_interval <= 0:
            raise ValueError("a fixed poll interval must be positive")
        self.schedule = schedule
        self.fixed_interval = fixed_interval
        self.plan = plan if fixed_interval is None else None  # a fixed interval is an explicit choice
        self.give_up_after = give_up_after if give_up_after is not None else schedule.give_up_after
        self.backoff = backoff or Backoff(base=2.0, maximum=120.0)
        self.rng = rng or random.Random()
        self.max_consecutive_errors = max_consecutive_errors
        self.unreadable_budget = unreadable_budget  # unreadable answers in a row before "needs a check"
        # A task id the provider has just handed out may not be visible to its status
        # endpoint for a moment; only a repeated "not found" is believed.
        self.not_found_grace = not_found_grace

    def first_delay(self, *, resumed: bool) -> float:
        """Before the first poll. A resumed task is polled at once: its result may be waiting."""
        if resumed:
            return 0.0
        if self.fixed_interval is not None:
            return self.fixed_interval
        documented = self.schedule.first_delay
        return documented if self.plan is None else max(documented, self.plan.first_delay())

    def interval(self, since_submit: float) -> float:
        """Between two answered polls; the documented schedule slows down as the task ages."""
        if self.fixed_interval is not None:
            return self.fixed_interval
        planned = self.plan.next_time(since_submit) if self.plan is not None else None
        if planned is None:
            return self.schedule.interval_at(since_submit)
        return max(self.schedule.floor_at(since_submit), planned - since_submit)

    def error_delay(self, error: BaseException, consecutive: int, since_submit: float) -> float:
        """After a failed poll: never sooner than the schedule, the backoff or Retry-After."""
        wait = max(self.interval(since_submit), self.backoff.delay(consecutive, self.rng))
        after = retry_after_of(error)
        return max(wait, after) if after is not None else wait

    def retryable(self, error: BaseException, consecutive: int) -> bool:
        if isinstance(error, TaskNotFound):
            return consecutive < self.not_found_grace
        if is_unreadable(error):
            return consecutive < min(self.unreadable_budget, self.max_consecutive_errors)
        return is_transient(error) and consecutive < self.max_consecutive_errors

    def out_of_time(self, polling_for: float) -> bool:
        return polling_for >= self.give_up_after


class PollSession:
    """One task's polling as numbers: the next delay and whether to stop.

    The cap counts from when this session started, not from the submit: a laptop closed
    overnight must still get its polls when it wakes, not give up before the first one.
    The schedule's cadence counts from the submit, so an old task is polled at the slow rate.
    """

    def __init__(
        self, policy: PollPolicy, clock: Callable[[], float], *, submitted_at: float | None, resumed: bool
    ) -> None:
        self.policy = policy
        self._clock = clock
        self.started = clock()
        self.submitted_at = submitted_at if submitted_at is not None else self.started
        self.resumed = resumed
        self.consecutive_errors = 0
        self.polls = 0

    def since_submit(self) -> float:
        return max(0.0, self._clock() - self.submitted_at)

    def first_delay(self) -> float:
        return self.policy.first_delay(resumed=self.resumed)

    def answered(self) -> float:
        """A poll came back; the delay before the next one."""
        self.polls += 1
        self.consecutive_errors = 0
        return self.policy.interval(self.since_submit())

    def failed(self, error: BaseException) -> float | None:
        """A poll failed; the delay before trying again, or None when it is not worth it."""
        self.polls += 1
        self.consecutive_errors += 1
        if not self.policy.retryable(error, self.consecutive_errors):
            return None
        return self.policy.error_delay(error, self.consecutive_errors, self.since_submit())

    def out_of_time(self, upcoming_delay: float = 0.0) -> bool:
        """True when waiting `upcoming_delay` more would pass the cap (after at least one poll)."""
        if self.polls == 0:
            return False
        return self.policy.out_of_time(self._clock() - self.started + upcoming_delay)


def error_clause(error: BaseException) -> str:
    if isinstance(error, HailuoError):
        return error.message
    return f"{type(error).__name__}: {error}"
