"""Each failure the Demo menu shows, armed in the simulator on demand, reaches the real
runner over loopback and ends as that provider's real failure would."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from hailuo_desktop.domain.codes import ErrorCode
from hailuo_desktop.domain.states import TaskState
from hailuo_desktop.simulator.config import SimConfig
from hailuo_desktop.simulator.demo import FAILURES, SLOW_TASK_SECONDS
from tests.fixtures.sim import loopback_client
from tests.test_runner_live import Live

pytestmark = pytest.mark.anyio


@pytest.fixture
async def kit(simulator, tmp_path):
    # a short read timeout: the "timeout" failure holds the answer until the client gives up
    async with loopback_client(timeout=httpx.Timeout(10.0, read=0.5)) as client:
        live = Live(simulator, tmp_path, client)
        yield live
        await live.close()


async def run_with_ticking_clock(kit: Live, task_id: str):
    """Drive the task while the simulator's clock moves on (a trickling answer waits on it)."""
    job = kit.runner.start(task_id)
    while not job.done():
        kit.sim.advance(0.5)
        await asyncio.sleep(0.001)
    return await job


@pytest.mark.parametrize(
    "failure, provider, state, code",
    [
        ("balance", "apixo", TaskState.QUEUED, ErrorCode.INSUFFICIENT_BALANCE),
        ("content", "apixo", TaskState.FAILED, ErrorCode.CONTENT_REJECTED),
        ("content", "kie", TaskState.FAILED, ErrorCode.CONTENT_REJECTED),
        ("content", "minimax", TaskState.FAILED, ErrorCode.CONTENT_REJECTED),
        ("content", "apiinone", TaskState.FAILED, ErrorCode.CONTENT_REJECTED),
        ("timeout", "kie", TaskState.UNKNOWN, ErrorCode.AMBIGUOUS_SUBMIT),
        ("unreadable", "kie", TaskState.NEEDS_CHECK, ErrorCode.NEEDS_CHECK),
        ("expired", "kie", TaskState.FAILED, ErrorCode.RESULT_EXPIRED),
        ("slow", "apixo", TaskState.SUCCEEDED, None),
    ],
)
async def test_each_demo_failure_ends_as_the_provider_would(kit: Live, failure, provider, state, code):
    kit.sim.arm_demo(failure, provider)
    task_id = kit.create(provider)
    final = (
        await run_with_ticking_clock(kit, task_id) if failure in ("slow", "timeout") else await kit.runner.run(task_id)
    )
    assert (final.state, final.error_code) == (state, code), final.error_message


async def test_a_slow_task_takes_minutes_then_arrives(kit: Live):
    kit.sim.arm_demo("slow_task", "kie")
    final = await kit.runner.run(kit.create("kie", prompt="a slow one"))
    assert final.state is TaskState.SUCCEEDED
    [sim_task] = kit.sim.tasks()
    assert sim_task.run_s == SLOW_TASK_SECONDS
    assert (await kit.runner.run(kit.create("kie", prompt="the next"))).state is TaskState.SUCCEEDED
    assert kit.sim.tasks()[-1].run_s < SLOW_TASK_SECONDS  # only the next task was slow


async def test_the_demo_balance_empties_then_tops_up_and_goes_down_as_tasks_are_charged(kit: Live):
    kit.sim.arm_demo("balance", "apixo")
    assert kit.sim.balance("apixo") == 0
    kit.sim.arm_demo("topped_up", "apixo")
    start = SimConfig().balances["apixo"]
    assert kit.sim.balance("apixo") == start
    final = await kit.runner.run(kit.create("apixo"))
    assert final.state is TaskState.SUCCEEDED
    assert kit.sim.balance("apixo") == pytest.approx(start - final.cost)


async def test_the_control_endpoint_arms_and_refuses_nonsense(kit: Live, simulator):
    async with loopback_client() as client:
        armed = await client.post(f"{simulator.api_url}/_sim/demo", json={"failure": "unreadable", "provider": "kie"})
        bad = await client.post(f"{simulator.api_url}/_sim/demo", json={"failure": "meteor", "provider": "kie"})
        cleared = await client.post(f"{simulator.api_url}/_sim/demo", json={"failure": "clear", "provider": "kie"})
    assert armed.status_code == 200 and armed.json()["failure"] == "unreadable"
    assert bad.status_code == 400 and "meteor" in bad.json()["error"]
    assert cleared.status_code == 200 and simulator.faults.pending() == []
    assert set(FAILURES) >= {"balance", "content", "timeout", "slow", "unreadable", "expired"}
