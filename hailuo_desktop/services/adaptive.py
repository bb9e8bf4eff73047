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
- Never two polls closer than the documented floor at the age of the earlier one
  (`PollSchedule.floor_at`). Where the provider documents a range (kie and Apikley:
  "every 5-10 s", "after 2 min, every 15-30 s"), the floor is the range's lower end and
  the app's cadence sits inside it; elsewhere the floor is the documented interval
  itself. So near a model's typical finish, a plan may poll as often as the provider
  allows, where the cadence alone would catch a task later than it has to.
- By any moment a planned task has sent at most as many polls as the documented cadence
  would have: the k-th planned poll is never before the k-th documented one
  (`keeps_pace`). With the cadence as the floor this follows from the spacing (for
  schedules that never speed up with age, as every documented one); with a lower floor
  it is checked, and a plan that would run ahead is made again on the cadence. So
  adaptive polling never asks more of the shared RequestBudget, and every poll still
  waits for its token there, as before.
- No gap over `max_gap` (60 s by default), the first poll included (at most `max_gap`
  after the documented first poll): a stale history costs at most a minute.
- After the plan ends (all but `tail_mass` of the learned tasks are done) the documented
  interval applies again, and the documented give-up cap is unchanged.
PollPolicy enforces the first two at run time as well (never before the documented first
poll, never closer than the floor, never before the plan's next time), so a late answer
can only make polling sparser, never denser.

What this costs: the first plan reads the newest 1,000 finished tasks from the store
(~25 ms with 10,000 stored) and each plan takes 40-60 ms to compute here, once per
provider/model and again every `refresh_every` newly finished tasks of it.

The samples live in services/completion_history.py (shared with the task list's ETA),
the arithmetic in services/poll_math.py; here, the planner the runner asks. No I/O
besides the store's read, no clock, no Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..domain.catalog import ModelSpec, PollSchedule
from ..domain.catalog import provider as provider_spec
from ..domain.task import Task
from .completion_history import LEARNED_STATES, CompletionHistory, Key, completion_seconds, task_keys
from .poll_math import (
    CompletionModel,
    PollPlan,
    Tuning,
    delay_share,
    documented_times,
    expected_polls,
    keeps_pace,
    median_delay,
    plan_polls,
)
from .store import StoreEvent, TaskStore

__all__ = [
    "AdaptivePlanner",
    "CompletionHistory",
    "CompletionModel",
    "PollPlan",
    "Tuning",
    "completion_seconds",
    "delay_share",
    "documented_times",
    "expected_polls",
    "keeps_pace",
    "median_delay",
    "plan_polls",
    "task_keys",
]


# --- the planner the runner asks ------------------------------------------------------
class AdaptivePlanner:
    """Plans per provider/model, learned lazily from the store and kept up to date by its events.

    `plan_for` returns None (the documented schedule) until a key has `min_samples`
    finished tasks. Plans are cached and computed again every `refresh_every` new samples.
    """

    def __init__(
        self, store: TaskStore, *, tuning: Tuning = Tuning(), schedules: Callable[[str], PollSchedule] | None = None
    ) -> None:
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
            self._history.learn_later(lambda: self._store.list(LEARNED_STATES, limit=self._tuning.history_scan))
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

    def _on_event(self, event: StoreEvent) -> None:
        if event.task is not None and event.task.state in LEARNED_STATES:
            self.history.learn(event.task)
