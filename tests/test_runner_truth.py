"""The runner tells the truth in every state: stuck tasks, held providers, money, cancels and
batches, over loopback against the simulator (tests.test_runner_live's Live kit)."""

from __future__ import annotations

import pytest

from hailuo_desktop.domain.activity import Activity
from hailuo_desktop.domain.batches import count_outcomes
from hailuo_desktop.domain.charges import ChargeStatus, charge_of
from hailuo_desktop.domain.codes import ErrorCode
from hailuo_desktop.domain.errors import InvalidRequest
from hailuo_desktop.domain.states import TaskState
from hailuo_desktop.simulator.server import Fault
from tests.fixtures.sim import loopback_client
from tests.test_runner_live import TIMED, Live

pytestmark = pytest.mark.anyio


@pytest.fixture
async def kit(simulator, tmp_path):
    async with loopback_client(timeout=10) as client:
        live = Live(simulator, tmp_path, client)
        yield live
        await live.close()


def watch(store):
    """Every version of every task the store announced, in order."""
    seen = []
    store.subscribe(lambda event: seen.append(event.task) if event.task is not None else None)
    return seen


async def test_unreadable_answers_show_as_activity_then_the_task_needs_a_check(kit: Live, simulator):
    seen = watch(kit.store)
    task_id = kit.create("kie")
    simulator.faults.add(Fault(op="poll", kind="malformed", provider="kie", times=None))
    final = await kit.runner.run(task_id)
    assert final.state is TaskState.NEEDS_CHECK and final.error_code is ErrorCode.NEEDS_CHECK
    assert "5 times" in final.error_message and "Resume" in final.error_message
    retrying = [
        t
        for t in seen
        if t.id == task_id
        and t.activity == Activity.POLL_UNREADABLE
        and t.state is not TaskState.NEEDS_CHECK
        and t.next_attempt_at is not None
    ]
    assert sorted({t.activity_attempt for t in retrying}) == [1, 2, 3, 4]
    assert all(t.next_attempt_at > t.updated_at for t in retrying)
    assert task_id not in kit.runner.active()  # its job ended: the slot is free
    assert kit.store.unfinished() == []  # never picked up again by itself

    simulator.faults.clear()
    resumed = await kit.runner.resume(task_id)
    assert resumed.state is TaskState.SUCCEEDED and resumed.activity is None
    assert simulator.stats.submits["kie"] == 1  # resumed by polling: never sent twice


async def test_a_stuck_task_frees_its_slot_for_the_others(kit: Live, simulator):
    runner = kit.restart(max_concurrent=1)
    stuck, other = kit.create("kie"), kit.create("apixo")
    simulator.faults.add(Fault(op="poll", kind="malformed", provider="kie", times=None))
    first = await runner.run(stuck)
    second = await runner.run(other)
    assert first.state is TaskState.NEEDS_CHECK and second.state is TaskState.SUCCEEDED


async def test_giving_up_a_task_that_needs_a_check_says_the_provider_may_still_charge(kit: Live, simulator):
    task_id = kit.create("kie")
    simulator.faults.add(Fault(op="poll", kind="malformed", provider="kie", times=None))
    await kit.runner.run(task_id)
    given_up = await kit.runner.give_up(task_id)
    assert given_up.state is TaskState.CANCELLED and "may still finish it" in given_up.error_message
    assert charge_of(given_up).status is ChargeStatus.UNKNOWN


async def test_insufficient_balance_holds_every_later_submit_until_the_provider_is_resumed(kit: Live, simulator):
    simulator.set_balance("apixo", 0.0)
    ids = [kit.create("apixo") for _ in range(3)]
    results = [await kit.runner.run(task_id) for task_id in ids]
    assert simulator.stats.submits["apixo"] == 1  # one 402, then nothing more was sent
    assert all(t.state is TaskState.QUEUED and t.error_code is ErrorCode.INSUFFICIENT_BALANCE for t in results)
    assert all(t.activity == Activity.PAUSED_NO_BALANCE and t.submit_started_at is None for t in results)
    assert all(charge_of(t).status is ChargeStatus.NOT_SENT for t in results)
    pause = kit.runner.pauses.get("apixo")
    assert pause is not None and pause.code is ErrorCode.INSUFFICIENT_BALANCE
    assert "paused" in results[0].error_message and "resume" in results[0].error_message

    simulator.set_balance("apixo", 50.0)
    held = kit.runner.resume_provider("apixo")
    assert sorted(held) == sorted(ids) and kit.runner.pauses.get("apixo") is None
    finals = [await kit.runner.run(task_id) for task_id in ids]
    assert all(t.state is TaskState.SUCCEEDED for t in finals)
    assert simulator.stats.submits["apixo"] == 4


async def test_a_cancelled_sent_task_keeps_its_charge_in_doubt_and_can_be_resumed(kit: Live, simulator):
    task_id = kit.create("apixo")
    started = kit.runner.start(task_id)
    while kit.store.get(task_id).remote_id is None:
        await kit.sleep(1)
    cancelled = await kit.runner.cancel(task_id)
    await started
    assert (
        cancelled.state is TaskState.CANCELLED and "may still finish it (and charge for it)" in cancelled.error_message
    )
    assert charge_of(cancelled).status is ChargeStatus.UNKNOWN and cancelled.charge_status == "unknown"
    resumed = await kit.runner.resume(task_id)
    assert resumed.state is TaskState.SUCCEEDED and resumed.charge_status == "confirmed"
    assert resumed.charged_cost == resumed.cost and simulator.stats.submits["apixo"] == 1


async def test_a_task_never_sent_cannot_be_resumed(kit: Live):
    task_id = kit.create("apixo")
    await kit.runner.cancel(task_id)
    with pytest.raises(InvalidRequest, match="never created"):
        kit.runner.resume(task_id)


async def test_a_whole_batch_is_cancelled_and_its_outcomes_counted(kit: Live, simulator):
    ids = [kit.create("kie", prompt=TIMED) for _ in range(3)]
    for task_id in ids:
        kit.store.update(task_id, batch_id="b1")
    done = await kit.runner.run(ids[0])
    assert done.state is TaskState.SUCCEEDED
    for task_id in ids[1:]:
        kit.runner.start(task_id)
    tasks = await kit.runner.cancel_batch("b1")
    outcome = count_outcomes(tasks)
    assert (outcome.total, outcome.finished, outcome.ready, outcome.cancelled, outcome.failed) == (3, 3, 1, 2, 0)
    assert outcome.done and not outcome.all_ready


@pytest.mark.parametrize(
    "provider_id, status, amount", [("kie", ChargeStatus.REFUNDED, 0.0), ("apixo", ChargeStatus.UNKNOWN, None)]
)
async def test_a_failed_task_says_what_its_provider_does_with_the_money(kit: Live, provider_id, status, amount):
    final = await kit.runner.run(kit.create(provider_id, prompt="x {{sim:fail=500;queue=1;run=1}}"))
    assert final.state is TaskState.FAILED
    assert (final.charge_status, final.charged_cost) == (status.value, amount)


async def test_a_task_refused_before_creation_cost_nothing(kit: Live, simulator):
    simulator.faults.add(Fault(op="submit", kind="status", status=401))
    final = await kit.runner.run(kit.create("kie"))
    assert final.state is TaskState.FAILED and final.charge_status == "not_sent" and final.charged_cost == 0.0


async def test_a_download_that_retries_shows_it_then_clears_it(kit: Live, simulator):
    seen = watch(kit.store)
    simulator.faults.add(Fault(op="download", kind="status", status=503, times=2))
    final = await kit.runner.run(kit.create("apixo"))
    assert final.state is TaskState.SUCCEEDED and final.activity is None and final.next_attempt_at is None
    retries = {t.activity_attempt for t in seen if t.activity == Activity.DOWNLOAD_RETRY}
    assert retries == {1, 2}
