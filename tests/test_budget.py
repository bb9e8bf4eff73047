"""The request budget on virtual time: burst, steady rate, fairness, and the 429 slowdown."""

from __future__ import annotations

import asyncio
from collections import deque

import pytest

from hailuo_desktop.services.budget import RequestBudget
from tests.fixtures.services import VirtualClock

pytestmark = pytest.mark.anyio


async def grant_times(budget: RequestBudget, clock: VirtualClock, provider: str, n: int) -> list[float]:
    times: list[float] = []

    async def one():
        await budget.acquire(provider)
        times.append(clock())

    await asyncio.gather(*(one() for _ in range(n)))
    return times


def most_in_any_window(times: list[float], width: float) -> int:
    times = sorted(times)
    best, start = 0, 0
    for end, t in enumerate(times):
        while t - times[start] >= width - 1e-9:
            start += 1
        best = max(best, end - start + 1)
    return best


async def test_burst_then_steady_rate_for_hundreds_of_concurrent_tasks(virtual_clock):
    budget = RequestBudget(5.0, 10, clock=virtual_clock, sleep=virtual_clock.sleep)
    async with virtual_clock.driving():
        times = await grant_times(budget, virtual_clock, "kie", 300)
    assert times[:10] == [0.0] * 10  # the burst
    assert times[-1] == pytest.approx((300 - 10) / 5.0)
    assert most_in_any_window(times[10:], 1.0) <= 5  # the steady rate, once the burst is spent
    assert most_in_any_window(times, 1.0) <= 10 + 5


async def test_waiters_are_served_in_arrival_order(virtual_clock):
    budget = RequestBudget(1.0, 1, clock=virtual_clock, sleep=virtual_clock.sleep)
    order: list[int] = []

    async def one(n):
        await budget.acquire("apixo")
        order.append(n)

    async with virtual_clock.driving():
        tasks = []
        for n in range(20):
            tasks.append(asyncio.create_task(one(n)))
            await asyncio.sleep(0)
        await asyncio.gather(*tasks)
    assert order == list(range(20))


async def test_providers_have_separate_buckets(virtual_clock):
    budget = RequestBudget(1.0, 2, clock=virtual_clock, sleep=virtual_clock.sleep)
    async with virtual_clock.driving():
        slow = asyncio.create_task(grant_times(budget, virtual_clock, "kie", 50))
        fast = await grant_times(budget, virtual_clock, "apixo", 2)
        assert fast == [0.0, 0.0]  # not stuck behind kie's queue
        await slow


async def test_a_429_pauses_for_retry_after_and_halves_the_rate(virtual_clock):
    budget = RequestBudget(4.0, 4, clock=virtual_clock, sleep=virtual_clock.sleep)
    async with virtual_clock.driving():
        await grant_times(budget, virtual_clock, "kie", 4)
        budget.on_rate_limited("kie", retry_after=10)
        assert budget.rate("kie") == 2.0
        times = await grant_times(budget, virtual_clock, "kie", 5)
    assert times[0] >= 10.0
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert all(g == pytest.approx(0.5) for g in gaps)  # 2 per second now, burst emptied


async def test_successes_win_the_rate_back_but_never_above_nominal(virtual_clock):
    budget = RequestBudget(8.0, 4, clock=virtual_clock, sleep=virtual_clock.sleep, recovery_fraction=0.25)
    budget.on_rate_limited("kie")
    budget.on_rate_limited("kie")
    assert budget.rate("kie") == 2.0
    for _ in range(3):
        budget.on_success("kie")
    assert budget.rate("kie") == 8.0
    budget.on_success("kie")
    assert budget.rate("kie") == 8.0


async def test_the_rate_has_a_floor(virtual_clock):
    budget = RequestBudget(8.0, 4, clock=virtual_clock, sleep=virtual_clock.sleep, floor_fraction=1 / 8)
    for _ in range(20):
        budget.on_rate_limited("kie", retry_after=1)
    assert budget.rate("kie") == 1.0


async def test_a_cancelled_waiter_does_not_block_the_others(virtual_clock):
    budget = RequestBudget(1.0, 1, clock=virtual_clock, sleep=virtual_clock.sleep)
    async with virtual_clock.driving():
        await budget.acquire("kie")  # the burst is gone
        doomed = asyncio.create_task(budget.acquire("kie"))
        await asyncio.sleep(0)
        doomed.cancel()
        with pytest.raises(asyncio.CancelledError):
            await doomed
        await budget.acquire("kie")
    assert virtual_clock() == pytest.approx(1.0)


async def test_per_provider_overrides():
    clock = VirtualClock()
    budget = RequestBudget(4.0, 8, clock=clock, sleep=clock.sleep, overrides={"minimax": (1.0, 1)})
    assert budget.rate("minimax") == 1.0 and budget.rate("kie") == 4.0
    with pytest.raises(ValueError):
        RequestBudget(0, 1)


class LimitedServer:
    """A provider that allows `limit` requests per second and answers 429 beyond it."""

    def __init__(self, clock: VirtualClock, limit: int) -> None:
        self.clock = clock
        self.limit = limit
        self.recent: deque[float] = deque()
        self.ok = 0
        self.limited = 0

    def request(self) -> bool:
        now = self.clock()
        while self.recent and now - self.recent[0] >= 1.0:
            self.recent.popleft()
        if len(self.recent) >= self.limit:
            self.limited += 1
            return False
        self.recent.append(now)
        self.ok += 1
        return True


async def run_tasks(budget: RequestBudget | None, clock: VirtualClock, server: LimitedServer, tasks: int):
    async def task():
        while True:
            if budget is not None:
                await budget.acquire("kie")
            if server.request():
                if budget is not None:
                    budget.on_success("kie")
                return
            if budget is not None:
                budget.on_rate_limited("kie", retry_after=1.0)
            await clock.sleep(1.0)

    async with clock.driving():
        await asyncio.gather(*(task() for _ in range(tasks)))


async def test_no_429_at_all_when_burst_plus_rate_is_within_the_providers_limit():
    clock = VirtualClock()
    server = LimitedServer(clock, limit=5)
    await run_tasks(RequestBudget(3.0, 2, clock=clock, sleep=clock.sleep), clock, server, 300)
    assert server.ok == 300 and server.limited == 0


async def test_an_unknown_lower_limit_costs_few_429s_thanks_to_the_slowdown():
    clock = VirtualClock()
    unbudgeted = LimitedServer(clock, limit=2)
    await run_tasks(None, clock, unbudgeted, 200)
    clock = VirtualClock()
    budgeted = LimitedServer(clock, limit=2)
    await run_tasks(RequestBudget(8.0, 8, clock=clock, sleep=clock.sleep), clock, budgeted, 200)
    assert budgeted.ok == unbudgeted.ok == 200
    assert unbudgeted.limited > 2000  # the storm: everyone retries every second
    assert budgeted.limited < 0.2 * budgeted.ok
