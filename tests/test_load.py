"""Load: hundreds of concurrent tasks against providers that rate-limit, on virtual time (issue 4).

The simulator enforces a per-account limit (`SimConfig.rate_limit`: 20 requests in any
2 s, answered with each provider's own 429), which the app does not know. Every task is
submitted at once (max_concurrent = the number of tasks), polls on its provider's
documented schedule and downloads its video, all through the shipped RequestBudget.

Virtual time: the runner sleeps on the simulator's ManualClock, and a driver jumps the
clock to the next sleeper's deadline only when the event loop is idle and no request is
on the wire (a counting transport), so the simulator sees each request at the virtual
instant the budget let it go.

Checks: every task succeeds with exactly one create; no 429 storm (none at all under the
budget, while the same load without a budget draws a storm); memory stays bounded
(tracemalloc peak). The heavy run (HAILUO_HEAVY=1) uses 500 tasks and prints the figures.
"""

from __future__ import annotations

import asyncio
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from hailuo_desktop.domain.catalog import PROVIDERS, find_model
from hailuo_desktop.domain.errors import HailuoError, RateLimited
from hailuo_desktop.domain.request import GenerationRequest
from hailuo_desktop.domain.states import TaskState
from hailuo_desktop.providers.registry import build_provider
from hailuo_desktop.services.budget import RequestBudget
from hailuo_desktop.services.downloads import Downloader
from hailuo_desktop.services.runner import Runner
from hailuo_desktop.services.store import TaskStore
from hailuo_desktop.services.uploads import UploadService
from hailuo_desktop.simulator.server import SimConfig
from tests.conftest import heavy_enabled
from tests.fixtures.sim import KEYS, SIM_EPOCH, loopback_client
from tests.models import TEST_MODELS

pytestmark = pytest.mark.anyio

TASKS = 500 if heavy_enabled() else 30  # tracemalloc makes every allocation ~5x slower
# Heavy: the simulator's realistic durations (a minute or more each). Default: short tasks, so
# fewer polls per task; the submits alone still far exceed what the providers allow.
TIMING = "" if heavy_enabled() else " {{sim:queue=5;run=15}}"
LIMIT = (20, 2.0)  # the providers' (unknown to the app) limit: requests per window of seconds
IMAGE_URL = "https://images.example.com/cat.png"
MODELS = TEST_MODELS
# Measured: 3-6 MB to start plus ~17 KB per task (client, simulator and store in one process).
PEAK_BYTES_PER_TASK = 64 * 1024
PEAK_BASE_BYTES = 12 * 1024 * 1024
IDLE_TURNS = 20


@pytest.fixture
def sim_config() -> SimConfig:
    return SimConfig(seed=17, epoch=SIM_EPOCH, rate_limit=LIMIT)


class _CountedStream(httpx.AsyncByteStream):
    def __init__(self, inner: httpx.AsyncByteStream, wire: InFlight) -> None:
        self._inner = inner
        self._wire = wire
        self._open = True

    async def __aiter__(self):
        async for chunk in self._inner:
            yield chunk

    async def aclose(self) -> None:
        if self._open:
            self._open = False
            self._wire.count -= 1
        await self._inner.aclose()


class InFlight(httpx.AsyncBaseTransport):
    """httpx's own transport, counting requests whose answer has not been read and closed."""

    def __init__(self) -> None:
        self._inner = httpx.AsyncHTTPTransport()
        self.count = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.count += 1
        try:
            response = await self._inner.handle_async_request(request)
        except BaseException:
            self.count -= 1
            raise
        return httpx.Response(
            response.status_code,
            headers=response.headers,
            stream=_CountedStream(response.stream, self),
            extensions=response.extensions,
        )

    async def aclose(self) -> None:
        await self._inner.aclose()


async def drive_time(clock, wire: InFlight) -> None:
    """Jump the ManualClock to the next deadline whenever nothing else can happen first."""
    while True:
        for _ in range(IDLE_TURNS):
            await asyncio.sleep(0)
        wake = clock.next_wake()
        if wake is not None and wire.count == 0:
            clock.advance(max(0.0, wake - clock.now()))


@dataclass
class LoadRun:
    tasks: list
    wall: float
    virtual: float
    peak: int


async def run_load(
    sim, root: Path, count: int, budget_factory, *, providers=tuple(PROVIDERS), trace: bool = True
) -> LoadRun:
    if trace:
        tracemalloc.start()
    try:
        started, virtual_start = time.perf_counter(), sim.clock.now()
        finished = await _run_all(sim, root, count, budget_factory, providers)
        peak = tracemalloc.get_traced_memory()[1] if trace else 0
    finally:
        tracemalloc.stop()
    return LoadRun(finished, time.perf_counter() - started, sim.clock.now() - virtual_start, peak)


async def _run_all(sim, root: Path, count: int, budget_factory, providers) -> list:
    clock, wire = sim.clock, InFlight()
    async with httpx.AsyncClient(transport=wire, timeout=30.0) as client:
        store = TaskStore(root / "tasks.sqlite3", clock=clock.now)
        runner = Runner(
            store,
            lambda provider, base: build_provider(provider, client=client, key=KEYS[provider], base_url=base),
            UploadService(store, lambda route, base: None, clock=clock.now),
            Downloader(client, clock.now, clock.sleep),
            budget_factory(clock),
            root / "videos",
            clock=clock.now,
            sleep=clock.sleep,
            max_concurrent=count,
        )
        driver = asyncio.ensure_future(drive_time(clock, wire))
        try:
            created = runner.create(requests(count, providers), base_url=sim.api_url)
            return await asyncio.gather(*(runner.run(task.id) for task in created))
        finally:
            driver.cancel()
            await asyncio.gather(driver, return_exceptions=True)
            await runner.close()
            store.close()


def requests(count: int, providers: tuple[str, ...]) -> list[GenerationRequest]:
    return [
        GenerationRequest(find_model(p, *MODELS[p]), f"load task {n}{TIMING}", image=IMAGE_URL)
        for n, p in ((n, providers[n % len(providers)]) for n in range(count))
    ]


def api_requests(sim) -> int:
    return sum(1 for r in sim.stats.requests if r.origin == "api")


async def test_hundreds_of_concurrent_tasks_finish_without_a_429_storm(simulator, tmp_path, capsys):
    run = await run_load(simulator, tmp_path, TASKS, lambda clock: RequestBudget(clock=clock.now, sleep=clock.sleep))
    states = {task.state for task in run.tasks}
    assert states == {TaskState.SUCCEEDED}, [
        (t.state.value, t.error_message) for t in run.tasks if t.state is not TaskState.SUCCEEDED
    ][:5]
    assert all(Path(t.video_path).is_file() for t in run.tasks)
    stats = simulator.stats
    assert sum(stats.created.values()) == sum(stats.submits.values()) == TASKS
    assert sum(stats.rate_limited.values()) == 0, dict(stats.rate_limited)
    assert run.peak < PEAK_BASE_BYTES + PEAK_BYTES_PER_TASK * TASKS, run.peak
    with capsys.disabled():
        print(
            f"\n[issue 4] load: {TASKS} concurrent tasks over {len(PROVIDERS)} providers, all succeeded; "
            f"{api_requests(simulator)} api requests ({api_requests(simulator) / TASKS:.1f} per task), "
            f"429s: {sum(stats.rate_limited.values())} (limit {LIMIT[0]} per {LIMIT[1]:.0f} s per provider); "
            f"{run.virtual / 60:.1f} min of virtual time in {run.wall:.1f} s; "
            f"tracemalloc peak {run.peak / 2**20:.1f} MB ({run.peak / TASKS / 1024:.0f} KB per task)"
        )


async def test_without_the_budget_the_same_load_draws_a_429_storm(simulator, tmp_path):
    """The control: proves the limit is real and that the test above could fail."""
    count = 60
    await run_load(
        simulator,
        tmp_path,
        count,
        lambda clock: RequestBudget(per_provider_rate=10_000, burst=10_000, clock=clock.now, sleep=clock.sleep),
        providers=("kie",),
        trace=False,
    )
    storm = simulator.stats.rate_limited["kie"]
    assert storm >= count - LIMIT[0], storm
    assert simulator.stats.created["kie"] <= count  # a 429 is sent again, never creates a second task


@pytest.mark.parametrize("provider_id", list(PROVIDERS))
async def test_the_simulated_limit_answers_each_providers_own_429(simulator, provider_id):
    model = find_model(provider_id, *MODELS[provider_id])
    async with loopback_client() as client:
        provider = build_provider(provider_id, client=client, key=KEYS[provider_id], base_url=simulator.api_url)

        async def ask() -> HailuoError | None:
            try:
                await provider.poll(model, "task_that_never_was")  # any answer but a 429 will do
            except HailuoError as error:
                return error
            return None

        answers = [await ask() for _ in range(LIMIT[0])]
        refused = await ask()
        simulator.advance(LIMIT[1])
        again = await ask()
    assert not any(isinstance(a, RateLimited) for a in answers)
    assert isinstance(refused, RateLimited) and 1 <= refused.retry_after <= LIMIT[1]
    assert not isinstance(again, RateLimited) and simulator.stats.rate_limited[provider_id] == 1
