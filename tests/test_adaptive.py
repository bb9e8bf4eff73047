"""Adaptive polling: what is learned from the store, where the polls go, and the bounds it keeps.

Everything runs on numbers and virtual time: no wall clock. Completion times come from the
simulator's own timing model (seeded), so the distribution is the one the benchmark uses.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hailuo_desktop.domain.catalog import APIXO_POLL, MARKET_POLL, PollSchedule, find_model
from hailuo_desktop.domain.states import TaskState
from hailuo_desktop.services.adaptive import (
    AdaptivePlanner,
    CompletionHistory,
    CompletionModel,
    PollPlan,
    Tuning,
    completion_seconds,
    documented_times,
    keeps_pace,
    plan_polls,
)
from hailuo_desktop.services.polling import PollPolicy, PollSession
from hailuo_desktop.simulator.timing import draw_timing
from tests.fixtures.services import InstantClock, make_task, status

APIXO_STD = find_model("apixo", "hailuo-2-3", "standard-image-to-video")
KIE_02 = find_model("kie", "hailuo/02-image-to-video-standard")
EPS = 1e-6


def sim_durations(count: int, seed: int, spec=APIXO_STD, duration: int = 6) -> list[float]:
    rng = random.Random(seed)
    return [sum(draw_timing(rng, spec, duration, 1.0)) for _ in range(count)]


def finished(seconds: float, *, provider="apixo", spec=APIXO_STD, duration=6, state=TaskState.SUCCEEDED, **fields):
    created = 1_700_000_000_000
    fields = {"remote_created_ms": created, "remote_completed_ms": created + int(seconds * 1000), **fields}
    return make_task(
        provider=provider, model=spec.model, mode=spec.mode, kind=spec.kind, duration=duration, state=state, **fields
    )


def bounds_violations(times, schedule: PollSchedule, max_gap: float) -> list[str]:
    """Every way `times` breaks the documented bounds (empty when it keeps them)."""
    problems = []
    if times[0] < schedule.first_delay - EPS:
        problems.append(f"first poll at {times[0]} before the documented {schedule.first_delay}")
    for earlier, later in zip(times, times[1:]):
        if later - earlier < schedule.floor_at(earlier) - EPS:
            problems.append(f"{earlier} -> {later} closer than {schedule.floor_at(earlier)}")
        if later - earlier > max(max_gap, max(i for _, i in schedule.steps)) + EPS:
            problems.append(f"{earlier} -> {later} wider than the largest gap")
    for k, (planned, documented) in enumerate(zip(times, documented_times(schedule, times[-1]))):
        if planned < documented - EPS:
            problems.append(f"poll {k + 1} at {planned}, before the documented schedule's {documented}")
    return problems


# --- what is learned -----------------------------------------------------------------
def test_the_providers_own_timestamps_are_preferred():
    task = finished(95.5, submitted_at=1000.0, result_seen_at=1200.0)
    assert completion_seconds(task) == pytest.approx(95.5)


def test_without_them_a_success_counts_from_submit_to_result_seen():
    task = make_task(state=TaskState.SUCCEEDED, submitted_at=1000.0, result_seen_at=1090.0, finished_at=1100.0)
    assert completion_seconds(task) == pytest.approx(90.0)
    assert completion_seconds(task.with_changes(result_seen_at=None)) == pytest.approx(100.0)


def test_only_finished_tasks_with_believable_times_are_learned():
    assert completion_seconds(finished(80, state=TaskState.RUNNING)) is None
    assert completion_seconds(finished(80, state=TaskState.UNKNOWN)) is None
    assert completion_seconds(finished(80, state=TaskState.FAILED)) == pytest.approx(80)  # the provider timed it
    local_failure = make_task(state=TaskState.FAILED, submitted_at=1000.0, finished_at=1002.0)
    assert completion_seconds(local_failure) is None  # e.g. "not found": not a completion time
    assert completion_seconds(finished(-5)) is None
    assert completion_seconds(finished(3 * 24 * 3600)) is None


def test_history_learns_each_task_once_under_a_fine_and_a_coarse_key():
    history = CompletionHistory(per_key=3)
    task = finished(70)
    assert history.learn(task) and not history.learn(task)
    for seconds in (71, 72, 73):
        history.learn(finished(seconds))
    fine = ("apixo", "hailuo-2-3", "standard-image-to-video", 6)
    assert history.samples(fine) == [71, 72, 73]  # the most recent three
    assert history.version(fine) == 4
    history.learn(finished(150, duration=10))
    assert history.samples(("apixo", "hailuo-2-3")) == [72, 73, 150]
    assert history.samples(fine) == [71, 72, 73]


def test_the_past_is_read_when_the_history_is_first_used_and_learned_before_newer_tasks():
    past, reads = [finished(s) for s in (60, 61, 62)], []

    def read_past():
        reads.append(len(past))
        return past

    history = CompletionHistory(per_key=3)
    history.learn_later(read_past)
    assert reads == []  # nothing read at start-up
    assert history.learn(finished(90)) and not history.learn(past[0])  # a newer task, then one already in the past
    fine = ("apixo", "hailuo-2-3", "standard-image-to-video", 6)
    assert history.samples(fine) == [61, 62, 90]  # the past first: the newest three kept, as with an early read
    assert history.version(fine) == 4 and reads == [3]  # read once


def test_the_planners_history_has_the_past_and_what_came_after_it_each_once(store):
    fill(store, 20, seed=1)
    planner = AdaptivePlanner(store)
    history = planner.history
    store.add_many([finished(s) for s in sim_durations(5, seed=2)])  # before the first use: still the past
    assert history.version(("apixo", APIXO_STD.model, APIXO_STD.mode, 6)) == 25
    planner.close()


def test_the_model_is_a_distribution_consistent_with_its_samples():
    samples = sim_durations(200, seed=3)
    model = CompletionModel.fit(samples)
    grid = [10 * i for i in range(1, 60)]
    values = [model.cdf(t) for t in grid]
    assert values == sorted(values) and values[0] < 0.01 and values[-1] > 0.99
    ordered = sorted(samples)
    assert model.quantile(0.5) == pytest.approx(ordered[100], rel=0.1)
    assert model.cdf(model.quantile(0.9)) == pytest.approx(0.9, abs=1e-6)
    mean = sum(samples) / len(samples)
    assert model.partial_mean(10_000) == pytest.approx(mean, rel=0.05)
    assert all(model.partial_mean(t) <= t * model.cdf(t) + EPS for t in grid)


# --- where the polls go ------------------------------------------------------------------
def test_a_slow_model_is_first_polled_later_and_with_fewer_polls():
    plan = plan_polls(CompletionModel.fit(sim_durations(100, seed=1)), APIXO_POLL)
    assert plan is not None and not bounds_violations(plan.times, APIXO_POLL, Tuning().max_gap)
    assert plan.first_delay() > APIXO_POLL.first_delay + 10  # nothing is done at 30 s: that poll is saved
    assert plan.expected_polls < 0.8 * plan.documented_polls
    assert plan.median_delay <= plan.documented_median_delay * 1.1 + EPS


def test_the_plan_is_as_dense_as_allowed_where_completion_is_likely():
    samples = sim_durations(100, seed=2)
    plan = plan_polls(CompletionModel.fit(samples), APIXO_POLL)
    ordered = sorted(samples)
    middle = [t for t in plan.times if ordered[25] <= t <= ordered[75]]
    gaps = [b - a for a, b in zip(middle, middle[1:])]
    assert gaps and max(gaps) <= APIXO_POLL.interval_at(0) + 1  # the grid is one second


def test_tasks_done_before_the_first_documented_poll_leave_nothing_to_save():
    quick = [3.0 + 0.1 * i for i in range(40)]
    plan = plan_polls(CompletionModel.fit(quick), APIXO_POLL)
    assert plan is None  # the documented first poll already catches every one of them


def test_the_plan_replays_the_same_on_the_same_history():
    samples = sim_durations(60, seed=5)
    first = plan_polls(CompletionModel.fit(samples), MARKET_POLL)
    again = plan_polls(CompletionModel.fit(list(samples)), MARKET_POLL)
    assert first == again and first is not None
    assert not bounds_violations(first.times, MARKET_POLL, Tuning().max_gap)
    assert first.expected_polls < 0.5 * first.documented_polls  # kie's 2.5 s polling early on is mostly waste


def test_where_the_provider_documents_a_range_the_plan_may_poll_at_its_lower_end():
    # kie: "then every 5-10 s; after 2 min, every 15-30 s". The cadence (7.5 s, 20 s) sits inside the
    # ranges; near Hailuo 02's typical finish (~2 min) the plan polls closer, so it loses no delay.
    samples = sim_durations(100, seed=4, spec=KIE_02)
    plan = plan_polls(CompletionModel.fit(samples), MARKET_POLL)
    assert plan is not None and not bounds_violations(plan.times, MARKET_POLL, Tuning().max_gap)
    gaps = [b - a for a, b in zip(plan.times, plan.times[1:])]
    assert min(gaps) < MARKET_POLL.interval_at(60)  # closer than the 7.5 s cadence somewhere
    assert plan.expected_polls < 0.4 * plan.documented_polls
    assert plan.median_delay <= plan.documented_median_delay + EPS


def test_a_plan_that_would_run_ahead_of_the_cadence_is_made_on_the_cadence():
    # A floor far under the cadence: tasks done at 2-22 s would be polled every second from the
    # first, overtaking the cadence's count (1, 11, 21 s); the plan is made on the cadence instead.
    ranged = PollSchedule(first_delay=1, steps=((0, 10),), give_up_after=600, floor_steps=((0, 1),))
    cadence_only = PollSchedule(first_delay=1, steps=((0, 10),), give_up_after=600)
    quick = CompletionModel.fit([2.0 + 0.5 * i for i in range(40)])
    plan = plan_polls(quick, ranged)
    assert plan is not None and keeps_pace(plan.times, ranged) and plan == plan_polls(quick, cadence_only)
    slow = CompletionModel.fit([40.0 + i for i in range(40)])  # polled late: the floor is free to use
    assert plan_polls(slow, ranged) != plan_polls(slow, cadence_only)
    assert not keeps_pace((2.5, 4.5, 6.5), MARKET_POLL)  # the checker sees a plan running ahead
    assert keeps_pace((2.5, 5.0, 9.0), MARKET_POLL)


# --- the bounds, enforced where the polls are timed --------------------------------------
def test_the_policy_never_follows_a_plan_sooner_than_documented():
    reckless = PollPlan(times=(1.0, 2.0, 3.0, 100.0))
    policy = PollPolicy(APIXO_POLL, plan=reckless)
    assert policy.first_delay(resumed=False) == 30  # not 1
    assert policy.interval(30) == 70  # the plan's next poll after 30 is at 100
    assert policy.interval(100) == 10  # past the plan: documented
    assert policy.first_delay(resumed=True) == 0  # a resumed task is still polled at once


def test_a_late_answer_moves_the_next_poll_but_skips_none():
    policy = PollPolicy(APIXO_POLL, plan=PollPlan(times=(50.0, 60.0, 70.0, 95.0)))
    assert policy.interval(50.4) == 10  # next planned at 60 would be 9.6 s away: not sooner than 10
    assert policy.interval(60.9) == pytest.approx(10)
    assert policy.interval(72.0) == pytest.approx(23.0)


def test_a_fixed_interval_overrides_the_plan():
    policy = PollPolicy(APIXO_POLL, fixed_interval=2, plan=PollPlan(times=(80.0, 90.0)))
    assert policy.first_delay(resumed=False) == 2 and policy.interval(5) == 2


# --- property: no history, no answer timing, can break the bounds ------------------------
durations = st.lists(st.floats(min_value=0.5, max_value=3000, allow_nan=False), min_size=20, max_size=60)


@st.composite
def schedules(draw) -> PollSchedule:
    first = draw(st.floats(min_value=0.5, max_value=60))
    starts = sorted(draw(st.sets(st.integers(min_value=1, max_value=600), max_size=3)))
    intervals = sorted(
        draw(st.lists(st.floats(min_value=1, max_value=40), min_size=len(starts) + 1, max_size=len(starts) + 1))
    )  # documented schedules slow down with age
    steps = tuple(zip([0.0, *map(float, starts)], intervals))
    # A documented range ("every 5-10 s"): its lower ends, never above the cadence, never speeding up.
    shares = draw(st.none() | st.lists(st.floats(0.3, 1.0), min_size=len(steps), max_size=len(steps)))
    floors = None
    if shares is not None:
        lows = [interval * share for (_, interval), share in zip(steps, shares)]
        floors = tuple((start, max(lows[: k + 1])) for k, (start, _) in enumerate(steps))
    give_up = draw(st.floats(min_value=120, max_value=3600))
    return PollSchedule(first_delay=first, steps=steps, give_up_after=give_up, floor_steps=floors)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(samples=durations, schedule=schedules(), lags=st.lists(st.floats(min_value=0, max_value=20), max_size=40))
def test_no_history_and_no_answer_timing_breaks_the_documented_bounds(samples, schedule, lags):
    plan = plan_polls(CompletionModel.fit(samples), schedule)
    if plan is not None:
        assert bounds_violations(plan.times, schedule, Tuning().max_gap) == []
        assert plan.expected_polls < plan.documented_polls
    # Drive a poll session as the poller does, with answers arriving late by `lags`.
    clock = InstantClock(start=0.0)
    session = PollSession(PollPolicy(schedule, plan=plan), clock, submitted_at=0.0, resumed=False)
    sent = [session.first_delay()]
    clock.advance(sent[0])
    for lag in lags:
        clock.advance(lag)  # the answer comes back `lag` seconds after the poll left
        delay = session.answered()
        assert delay >= schedule.floor_at(clock()) - EPS
        clock.advance(delay)
        sent.append(clock())
    assert sent[0] >= schedule.first_delay - EPS
    for k, (actual, documented) in enumerate(zip(sent, documented_times(schedule, sent[-1]))):
        assert actual >= documented - EPS, f"poll {k + 1} came before the documented schedule's"


# --- the planner over a real store --------------------------------------------------------
def fill(store, count: int, seed: int, **fields) -> None:
    store.add_many([finished(s, **fields) for s in sim_durations(count, seed)])


def test_the_documented_schedule_until_twenty_tasks_have_finished(store):
    planner = AdaptivePlanner(store)
    fill(store, 19, seed=1)
    queued = make_task(provider="apixo", model=APIXO_STD.model, mode=APIXO_STD.mode, duration=6)
    assert planner.plan_for(APIXO_STD, queued) is None
    fill(store, 1, seed=2)
    plan = planner.plan_for(APIXO_STD, queued)
    assert plan is not None and plan.first_delay() > 30
    planner.close()


def test_tasks_finishing_later_are_learned_from_the_store_events(store):
    planner = AdaptivePlanner(store, tuning=Tuning(refresh_every=5))
    fill(store, 25, seed=1)
    queued = make_task(provider="apixo", model=APIXO_STD.model, mode=APIXO_STD.mode, duration=6)
    first = planner.plan_for(APIXO_STD, queued)
    running = [store.add(finished(0, state=TaskState.RUNNING, remote_completed_ms=None)) for _ in range(5)]
    for task in running:  # these take five times as long: the plan must move out
        store.update(task.id, state=TaskState.SUCCEEDED, remote_completed_ms=task.remote_created_ms + 500_000)
    assert planner.history.version(("apixo", APIXO_STD.model, APIXO_STD.mode, 6)) == 30
    later = planner.plan_for(APIXO_STD, queued)
    assert later != first and later.times[-1] > first.times[-1]
    planner.close()
    store.add(finished(90))
    assert planner.history.version(("apixo", APIXO_STD.model, APIXO_STD.mode, 6)) == 30  # unsubscribed


def test_a_setting_without_history_of_its_own_uses_its_models(store):
    planner = AdaptivePlanner(store)
    fill(store, 30, seed=1, duration=6)
    ten_seconds = make_task(provider="apixo", model=APIXO_STD.model, mode=APIXO_STD.mode, duration=10)
    assert planner.plan_for(APIXO_STD, ten_seconds) is not None  # from (apixo, hailuo-2-3) as a whole
    other_model = find_model("apixo", "hailuo-2-3-fast")
    fast = make_task(provider="apixo", model=other_model.model, mode=other_model.mode, duration=6)
    assert planner.plan_for(other_model, fast) is None
    planner.close()


# --- the runner uses the plan -----------------------------------------------------------------
@pytest.mark.anyio
async def test_the_runner_sleeps_as_planned_and_never_below_the_documented_schedule(runner_kit, file_server):
    plan = PollPlan(times=(75.0, 85.0, 110.0))
    runner = runner_kit.new_runner(poll_planner=lambda spec, task: plan)
    url = file_server.add("v.mp4", b"\x00" * 1000)
    runner_kit.provider("apixo", polls=[status("processing")] * 4 + [status("success", url=url)])
    task = runner.create([runner_kit.request("apixo")])[0]
    runner_kit.clock.sleeps.clear()
    final = await runner.run(task.id)
    assert final.state is TaskState.SUCCEEDED and final.polls == 5
    assert runner_kit.clock.sleeps[:5] == [75, 10, 25, 10, 10]  # plan, plan, plan, then documented


@pytest.mark.anyio
async def test_a_failing_planner_falls_back_to_the_documented_schedule(runner_kit, file_server):
    def broken(spec, task):
        raise RuntimeError("history unreadable")

    runner = runner_kit.new_runner(poll_planner=broken)
    url = file_server.add("v.mp4", b"\x00" * 1000)
    runner_kit.provider("apixo", polls=[status("processing"), status("success", url=url)])
    task = runner.create([runner_kit.request("apixo")])[0]
    runner_kit.clock.sleeps.clear()
    assert (await runner.run(task.id)).state is TaskState.SUCCEEDED
    assert runner_kit.clock.sleeps[:2] == [30, 10]


def test_bounds_checker_catches_each_kind_of_violation():
    # The property test above relies on this checker; prove it is not vacuous.
    assert bounds_violations((29.0, 40.0), APIXO_POLL, 60)
    assert bounds_violations((30.0, 35.0), APIXO_POLL, 60)
    assert bounds_violations((30.0, 100.0), APIXO_POLL, 60)
    assert bounds_violations((30.0, 40.0, 50.0), APIXO_POLL, 60) == []
    assert bounds_violations((60.0, 64.0), MARKET_POLL, 60)  # under kie's 5 s floor
    assert bounds_violations((60.0, 65.0), MARKET_POLL, 60) == []
