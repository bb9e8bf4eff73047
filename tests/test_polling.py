"""The polling policy: schedules, backoff with jitter, Retry-After and the total-time cap."""

from __future__ import annotations

import random

import pytest

from hailuo_desktop.domain.catalog import APIXO_POLL, MARKET_POLL, PollSchedule
from hailuo_desktop.domain.errors import (
    AuthError,
    InvalidRequest,
    NetworkError,
    ProviderUnavailable,
    RateLimited,
    TaskFailed,
    TaskNotFound,
)
from hailuo_desktop.services.polling import Backoff, PollPolicy, PollSession, RetryPolicy, is_transient
from tests.fixtures.services import InstantClock


def test_backoff_grows_exponentially_up_to_its_maximum():
    backoff = Backoff(base=1, factor=2, maximum=10)
    assert [backoff.step(n) for n in range(1, 7)] == [1, 2, 4, 8, 10, 10]


def test_jitter_stays_within_half_a_step_and_is_reproducible_with_a_seed():
    backoff = Backoff(base=4, factor=2, maximum=100)
    first = [backoff.delay(n, random.Random(7)) for n in range(1, 6)]
    again = [backoff.delay(n, random.Random(7)) for n in range(1, 6)]
    assert first == again
    for n, delay in enumerate(first, start=1):
        assert backoff.step(n) / 2 <= delay <= backoff.step(n)
    spread = {round(backoff.delay(3, random.Random(seed)), 6) for seed in range(20)}
    assert len(spread) > 10  # jitter really spreads retries out


def test_apixo_schedule_first_poll_at_30_s_then_every_10_s():
    policy = PollPolicy(APIXO_POLL)
    assert policy.first_delay(resumed=False) == 30
    assert policy.interval(31) == 10 and policy.interval(600) == 10


def test_market_schedule_slows_down_as_the_task_ages():
    policy = PollPolicy(MARKET_POLL)
    assert policy.first_delay(resumed=False) == 2.5
    assert policy.interval(10) == 2.5
    assert policy.interval(30) == 7.5
    assert policy.interval(119) == 7.5
    assert policy.interval(120) == 20
    assert policy.give_up_after == 15 * 60


def test_a_fixed_interval_replaces_the_schedule_first_poll_included():
    policy = PollPolicy(APIXO_POLL, fixed_interval=3)
    assert policy.first_delay(resumed=False) == 3
    assert policy.interval(0) == 3 and policy.interval(1000) == 3
    with pytest.raises(ValueError):
        PollPolicy(APIXO_POLL, fixed_interval=0)


def test_a_resumed_task_is_polled_at_once():
    assert PollPolicy(APIXO_POLL).first_delay(resumed=True) == 0
    assert PollPolicy(APIXO_POLL, fixed_interval=5).first_delay(resumed=True) == 0


def test_error_delay_honours_retry_after_and_never_undercuts_the_schedule():
    policy = PollPolicy(APIXO_POLL, backoff=Backoff(base=1, maximum=4), rng=random.Random(1))
    assert policy.error_delay(RateLimited("slow down", retry_after=45), 1, 100) == 45
    assert policy.error_delay(RateLimited("slow down"), 1, 100) == 10  # schedule interval wins
    assert policy.error_delay(ProviderUnavailable("busy", retry_after=3), 1, 100) == 10
    long_backoff = PollPolicy(MARKET_POLL, backoff=Backoff(base=8, maximum=64), rng=random.Random(1))
    delays = [long_backoff.error_delay(NetworkError("reset", sent=True), n, 5) for n in range(1, 6)]
    for n, delay in enumerate(delays, start=1):  # grows with consecutive failures, jittered
        step = long_backoff.backoff.step(n)
        assert step / 2 <= delay <= step


@pytest.mark.parametrize(
    "error, retry",
    [
        (RateLimited("x"), True),
        (ProviderUnavailable("x"), True),
        (NetworkError("x", sent=True), True),
        (NetworkError("x", sent=False), True),
        (AuthError("x"), False),
        (InvalidRequest("x"), False),
        (TaskFailed("x"), False),
        (ValueError("bug"), False),
    ],
)
def test_only_transient_errors_are_retried(error, retry):
    assert PollPolicy(MARKET_POLL).retryable(error, 1) is retry
    assert is_transient(error) is retry


def test_task_not_found_is_believed_only_when_repeated():
    policy = PollPolicy(MARKET_POLL, not_found_grace=3)
    assert [policy.retryable(TaskNotFound("x"), n) for n in (1, 2, 3)] == [True, True, False]


def test_consecutive_errors_are_bounded():
    policy = PollPolicy(MARKET_POLL, max_consecutive_errors=4)
    assert policy.retryable(ProviderUnavailable("x"), 3) and not policy.retryable(ProviderUnavailable("x"), 4)


def test_session_cap_counts_from_the_session_not_from_the_submit():
    clock = InstantClock(start=10_000)
    policy = PollPolicy(PollSchedule(first_delay=5, steps=((0, 5), (60, 30)), give_up_after=100))
    # Submitted a day ago, resumed now: first poll at once, at the slow cadence, not out of time.
    session = PollSession(policy, clock, submitted_at=10_000 - 86_400, resumed=True)
    assert session.first_delay() == 0
    assert not session.out_of_time()  # never give up before the first poll
    assert session.answered() == 30
    clock.advance(60)
    assert not session.out_of_time(30)
    clock.advance(20)
    assert session.out_of_time(30)  # 80 s in + 30 s more would pass the 100 s cap


def test_session_resets_consecutive_errors_after_an_answer_and_stops_on_fatal_errors():
    clock = InstantClock()
    policy = PollPolicy(MARKET_POLL, rng=random.Random(3), max_consecutive_errors=3)
    session = PollSession(policy, clock, submitted_at=clock(), resumed=False)
    assert session.failed(ProviderUnavailable("502")) is not None
    assert session.failed(ProviderUnavailable("502")) is not None
    session.answered()
    assert session.consecutive_errors == 0
    assert session.failed(AuthError("bad key")) is None
    assert session.polls == 4


def test_schedule_request_count_over_a_long_task():
    """A 10-minute kie task costs the polls its documented schedule implies, no more."""
    clock = InstantClock(start=0)
    policy = PollPolicy(MARKET_POLL)
    session = PollSession(policy, clock, submitted_at=0, resumed=False)
    clock.advance(session.first_delay())
    polls = 0
    while clock() < 600:
        polls += 1
        clock.advance(session.answered())
    # 2.5-27.5 s every 2.5 s (11), 30-112.5 s every 7.5 s (12), 120-580 s every 20 s (24)
    assert polls == 11 + 12 + 24


def test_retry_policy_is_bounded_and_honours_retry_after():
    policy = RetryPolicy(attempts=3, backoff=Backoff(base=1, maximum=8), rng=random.Random(2), longest_wait=60)
    assert 0.5 <= policy.delay(1) <= 1
    assert policy.delay(1, RateLimited("x", retry_after=20)) == 20
    assert policy.delay(2, ProviderUnavailable("x", maintenance=True, retry_after=7)) == 7
    assert policy.delay(3) is None  # three tries in all
    assert policy.delay(1, RateLimited("x", retry_after=3600)) is None  # not worth waiting an hour
