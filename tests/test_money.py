"""Money on screen is true: the balance is read again as money moves (within the request
budget), the simulator's balance goes down as tasks are charged, and the ledger adds up
what each task's charge status says."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from datetime import date, datetime

import pytest

from hailuo_desktop.domain.catalog import PROVIDERS, find_model
from hailuo_desktop.domain.request import GenerationRequest
from hailuo_desktop.domain.states import TaskState
from hailuo_desktop.engine import build_engine
from hailuo_desktop.services.home import DataPaths
from hailuo_desktop.services.http_client import build_http_client
from hailuo_desktop.services.ledger import as_csv, ledger_rows, spent_today
from hailuo_desktop.services.secrets import KeyStore
from hailuo_desktop.services.settings import Settings
from hailuo_desktop.simulator.server import ManualClock, SimConfig, Simulator
from tests.fixtures.sim import KEYS

pytestmark = pytest.mark.anyio
NOON = datetime(2026, 11, 30, 12, 0).timestamp()  # local noon: every task lands on one local day
IMAGE_URL = "https://images.example.com/cat.png"
QUICK = "a cat turns its head {{sim:queue=5;run=20}}"


@pytest.fixture
async def sim():
    simulator = Simulator(SimConfig(seed=2, epoch=NOON), clock=ManualClock(start=NOON))
    await simulator.start()
    yield simulator
    await simulator.stop()


@pytest.fixture
async def engine(sim, tmp_path):
    async def sleep(seconds: float) -> None:
        if seconds > 0:
            sim.advance(seconds)
        await asyncio.sleep(0)

    env = {PROVIDERS[p].env_var: KEYS[p] for p in PROVIDERS}
    settings = Settings(
        output_dir=str(tmp_path / "videos"), proxy_mode="none", base_urls={p: sim.api_url for p in PROVIDERS}
    )
    async with build_http_client(settings) as client:
        built = build_engine(
            DataPaths.at(tmp_path / "home"),
            settings,
            KeyStore(env=env),
            client,
            clock=sim.clock.now,
            sleep=sleep,
            poll_interval=5,
        )
        yield built
        await built.close()


def order(engine, provider: str, model: str, mode: str | None = None, prompt: str = QUICK, count: int = 1):
    spec = find_model(provider, model, mode)
    requests = [GenerationRequest(spec, prompt, image=IMAGE_URL) for _ in range(count)]
    return engine.runner.create(requests, upload_route="public_url" if provider != "minimax" else None)


async def test_the_balance_is_read_after_each_submit_and_finish_and_goes_down(engine, sim):
    readings = []
    engine.balances.subscribe(readings.append)
    tasks = order(engine, "apixo", "hailuo-2-3-fast", "standard-image-to-video", count=3)
    finals = [await engine.runner.run(t.id) for t in tasks]
    await engine.balances.wait_idle()
    assert all(t.state is TaskState.SUCCEEDED for t in finals)
    price = finals[0].cost
    assert price == pytest.approx(0.192)
    amounts = [r.balance.amount for r in readings if r.provider == "apixo"]
    assert amounts and amounts == sorted(amounts, reverse=True)  # it only goes down
    assert amounts[-1] == pytest.approx(100.0 - 3 * price) == pytest.approx(sim.balance("apixo"))
    # six money moves (3 submits, 3 finishes), coalesced: never more reads than moves
    assert 1 <= sim.stats.balance["apixo"] <= 6
    assert engine.balances.latest("apixo").balance.amount == pytest.approx(amounts[-1])


async def test_providers_without_a_balance_endpoint_are_never_asked(engine, sim):
    [task] = order(engine, "minimax", "MiniMax-Hailuo-2.3")
    assert (await engine.runner.run(task.id)).state is TaskState.SUCCEEDED
    await engine.balances.wait_idle()
    assert sim.stats.balance["minimax"] == 0 and engine.balances.latest("minimax") is None


async def test_the_ledger_adds_up_confirmed_refunded_and_never_sent(engine, sim):
    made = order(engine, "apixo", "hailuo-2-3-fast", "standard-image-to-video", count=2)
    failed = order(engine, "kie", "hailuo/2-3-image-to-video-standard", prompt="x {{sim:fail=501;queue=1;run=1}}")
    never_sent = order(engine, "apixo", "hailuo-2-3-fast", "standard-image-to-video")  # left queued
    for task in made + failed:
        await engine.runner.run(task.id)
    rows = {r.provider: r for r in ledger_rows(engine.store)}
    today = datetime.fromtimestamp(NOON).date().isoformat()
    assert rows["apixo"].day == today and rows["apixo"].unit == "usd"
    assert (rows["apixo"].tasks, rows["apixo"].charged) == (2, pytest.approx(2 * made[0].cost))
    assert rows["kie"].unit == "credits" and rows["kie"].charged == 0 and rows["kie"].failed == 1
    assert rows["kie"].refunded == failed[0].cost  # kie gives failed tasks' credits back (catalog policy)
    assert never_sent[0].id not in rows["apixo"].task_ids
    (apixo_today, _) = sorted(spent_today(engine.store, now=sim.clock.now), key=lambda r: r.provider)
    assert apixo_today.spent == pytest.approx(2 * made[0].cost)
    assert ledger_rows(engine.store, since=date(2027, 1, 1)) == []
    csv_text = as_csv(rows.values())
    assert csv_text.splitlines()[0] == "day,provider,unit,tasks,estimated,charged,refunded,unknown,failed"
    assert f"{today},apixo,usd,2,0.384,0.384,0,0,0" in csv_text


def run_cli(home, *args) -> subprocess.CompletedProcess:
    import os

    env = dict(os.environ, HAILUO_DESKTOP_HOME=str(home))
    return subprocess.run(
        [sys.executable, "-m", "hailuo_desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def test_cli_ledger(tmp_path):
    from hailuo_desktop.domain.task import Task
    from hailuo_desktop.services.store import TaskStore

    home = tmp_path / "home"
    store = TaskStore(DataPaths.at(home).store)
    task = store.add(
        Task(id="t1", provider="apixo", model="hailuo-2-3-fast", kind="i2v", prompt="p", cost=0.192, cost_unit="usd")
    )
    store.update(task.id, remote_id="r1", submit_started_at=NOON, submitted_at=NOON, state=TaskState.SUCCEEDED)
    store.close()
    table = run_cli(home, "ledger")
    assert table.returncode == 0 and "apixo" in table.stdout and "$0.19" in table.stdout
    csv_out = run_cli(home, "ledger", "--csv", "--since", "2026-11-01")
    assert csv_out.returncode == 0 and ",apixo,usd,1,0.192,0.192,0,0,0" in csv_out.stdout
    later = run_cli(home, "ledger", "--since", "2099-01-01")
    assert later.returncode == 0 and "Nothing was sent" in later.stdout
    bad = run_cli(home, "ledger", "--since", "yesterday")
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1 and "YYYY-MM-DD" in bad.stderr


async def test_the_balance_is_read_where_the_task_went_never_from_another_host(sim, tmp_path):
    """A task sent to a chosen origin (the CLI's --base-url) has its balance read there too."""
    env = {PROVIDERS[p].env_var: KEYS[p] for p in PROVIDERS}
    settings = Settings(output_dir=str(tmp_path / "videos"), proxy_mode="none")  # no origin configured

    async def sleep(seconds: float) -> None:
        if seconds > 0:
            sim.advance(seconds)
        await asyncio.sleep(0)

    async with build_http_client(settings) as client:
        engine = build_engine(
            DataPaths.at(tmp_path / "home"),
            settings,
            KeyStore(env=env),
            client,
            clock=sim.clock.now,
            sleep=sleep,
            poll_interval=5,
        )
        try:
            spec = find_model("apixo", "hailuo-2-3-fast", "standard-image-to-video")
            [task] = engine.runner.create([GenerationRequest(spec, QUICK, image=IMAGE_URL)], base_url=sim.api_url)
            assert (await engine.runner.run(task.id)).state is TaskState.SUCCEEDED
            await engine.balances.wait_idle()
            reading = engine.balances.latest("apixo")
        finally:
            await engine.close()
    assert reading.error is None and reading.balance.amount == pytest.approx(sim.balance("apixo"))
    assert sim.stats.balance["apixo"] >= 1
