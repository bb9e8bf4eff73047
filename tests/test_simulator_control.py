"""Driving the simulator: control API, prompt directives, time, the thread and the CLI."""

from __future__ import annotations

import asyncio
import random
import re
import statistics
import subprocess
import sys

import httpx
import pytest

from hailuo_desktop.simulator.clock import ManualClock
from hailuo_desktop.simulator.directives import Directives, parse_directives
from hailuo_desktop.simulator.models import find
from hailuo_desktop.simulator.server import SimConfig, Simulator
from hailuo_desktop.simulator.timing import draw_timing
from tests.fixtures.sim import auth, create_call, loopback_client, poll_path, state_of, task_id_of

LISTENING = re.compile(r"^Simulator listening on (http://127\.0\.0\.1:\d+) \(results on (http://127\.0\.0\.1:\d+)\)$")


async def submit(client, sim, provider, **kw) -> httpx.Response:
    path, body = create_call(provider, **kw)
    return await client.post(sim.api_url + path, json=body, headers=auth(provider))


# --- control API -------------------------------------------------------------------------
@pytest.mark.anyio
async def test_control_api_scripts_faults_time_and_balance(simulator):
    async with loopback_client() as client:
        control = simulator.api_url + "/_sim"
        added = await client.post(
            control + "/faults",
            json={"op": "poll", "kind": "status", "status": 429, "retry_after": 4, "provider": "kie"},
        )
        refused = await client.post(control + "/faults", json={"op": "poll", "kind": "bogus"})
        listed = (await client.get(control + "/faults")).json()
        task_id = task_id_of("kie", (await submit(client, simulator, "kie")).json())
        limited = await client.get(simulator.api_url + poll_path("kie", task_id), headers=auth("kie"))
        await client.post(control + "/faults", json={"kind": "status", "status": 500})
        cleared = await client.delete(control + "/faults")
        moved = await client.post(control + "/advance", json={"seconds": 3600})
        done = await client.get(simulator.api_url + poll_path("kie", task_id), headers=auth("kie"))
        balance = await client.post(control + "/balance", json={"provider": "apixo", "amount": 5})
        tasks = (await client.get(control + "/tasks")).json()
        stats = (await client.get(control + "/stats")).json()
    assert added.status_code == 201 and added.json()["retry_after"] == 4
    assert refused.status_code == 400 and "bogus" in refused.json()["error"]
    assert [f["kind"] for f in listed] == ["status"]
    assert limited.json()["code"] == 429 and limited.headers["Retry-After"] == "4"
    assert cleared.status_code == 200 and simulator.faults.pending() == []
    assert moved.json()["now"] == simulator.now()
    assert state_of("kie", done.json()) == "success"
    assert balance.status_code == 200 and simulator.balance("apixo") == 5
    assert tasks[0]["task_id"] == task_id and tasks[0]["phase"] == "succeeded"
    assert stats["submits"] == {"kie": 1} and stats["polls"] == {"kie": 2} and stats["created"] == {"kie": 1}
    assert all(not r["path"].startswith("/_sim") for r in stats["requests"])


@pytest.mark.anyio
async def test_advance_needs_a_manual_clock():
    async with Simulator(SimConfig()) as sim, loopback_client() as client:
        answer = await client.post(sim.api_url + "/_sim/advance", json={"seconds": 1})
    assert answer.status_code == 409
    with pytest.raises(RuntimeError, match="ManualClock"):
        sim.advance(1)


# --- prompt directives ---------------------------------------------------------------------
def test_directive_syntax():
    assert parse_directives("a cat {{sim:fail=SensitiveContent}}") == Directives(fail="SensitiveContent")
    assert parse_directives("{{sim:fail=501;msg=no luck}} {{sim:queue=2;run=3.5;result=not_json}}") == Directives(
        fail="501", message="no luck", queue=2.0, run=3.5, bad_result=True
    )
    assert parse_directives("{{sim:queue=soon;typo}} plain") == Directives()


@pytest.mark.anyio
async def test_a_prompt_directive_fails_that_task_only(simulator):
    async with loopback_client() as client:
        doomed = task_id_of(
            "apixo",
            (
                await submit(client, simulator, "apixo", prompt="a cat {{sim:fail=SensitiveContent;queue=1;run=2}}")
            ).json(),
        )
        fine = task_id_of("apixo", (await submit(client, simulator, "apixo")).json())
        simulator.advance(2.5)
        early = (await client.get(simulator.api_url + poll_path("apixo", doomed), headers=auth("apixo"))).json()
        simulator.advance(3600)
        other = (await client.get(simulator.api_url + poll_path("apixo", fine), headers=auth("apixo"))).json()
    assert early["data"]["state"] == "processing"
    assert simulator.task(doomed).phase(simulator.now()).value == "failed"
    assert simulator.task(doomed).fail == ("SensitiveContent", "The input was flagged as sensitive content.")
    assert other["data"]["state"] == "success"


# --- time ------------------------------------------------------------------------------------
@pytest.mark.anyio
async def test_manual_clock_sleep_ends_when_advanced_past_the_deadline():
    clock = ManualClock(start=5)
    sleeper = asyncio.ensure_future(clock.sleep(10))
    await asyncio.sleep(0)
    clock.advance(9.5)
    await asyncio.sleep(0)
    assert not sleeper.done() and clock.sleepers == 1
    clock.advance(0.5)
    await sleeper
    assert clock.now() == 15 and clock.sleepers == 0
    with pytest.raises(ValueError):
        clock.advance(-1)


def test_durations_are_seeded_realistic_and_scaled():
    spec = find("kie", "hailuo/2-3-image-to-video-standard")
    totals = [sum(draw_timing(random.Random(seed), spec, 6, 1.0)) for seed in range(400)]
    assert 60 <= statistics.median(totals) <= 120
    assert max(totals) > 2 * statistics.median(totals)  # a long tail, as real queues have
    assert draw_timing(random.Random(9), spec, 6, 1.0) == draw_timing(random.Random(9), spec, 6, 1.0)
    fast = draw_timing(random.Random(9), spec, 6, 0.01)
    slow = draw_timing(random.Random(9), spec, 6, 1.0)
    assert fast == pytest.approx((slow[0] * 0.01, slow[1] * 0.01))
    pro = find("kie", "hailuo/2-3-image-to-video-pro")
    pro_totals = [sum(draw_timing(random.Random(seed), pro, 10, 1.0)) for seed in range(400)]
    assert statistics.median(pro_totals) > 1.5 * statistics.median(totals)


@pytest.mark.anyio
async def test_nothing_moves_until_the_manual_clock_does(simulator):
    async with loopback_client() as client:
        task_id = task_id_of("minimax", (await submit(client, simulator, "minimax")).json())
        states = [
            state_of(
                "minimax",
                (await client.get(simulator.api_url + poll_path("minimax", task_id), headers=auth("minimax"))).json(),
            )
            for _ in range(3)
        ]
    assert states == ["Preparing"] * 3


# --- the thread and the process ------------------------------------------------------------
def test_simulator_thread_serves_sync_clients_and_stops(simulator_thread):
    sim = simulator_thread
    path, body = create_call("kie")
    with httpx.Client() as client:
        task_id = client.post(sim.api_url + path, json=body, headers=auth("kie")).json()["data"]["taskId"]
        sim.advance(3600)
        state = client.get(sim.api_url + poll_path("kie", task_id), headers=auth("kie")).json()["data"]["state"]
    assert state == "success" and sim.stats.submits["kie"] == 1
    sim.stop()
    with pytest.raises(httpx.ConnectError):
        httpx.get(sim.api_url + "/_sim/stats")


def test_cli_run_prints_one_line_and_stops_on_sigterm():
    code = "from hailuo_desktop.simulator.cli import run; raise SystemExit(run('127.0.0.1', 0, time_scale=0.01, seed=4, manual_clock=True))"
    process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline().rstrip("\n")
        match = LISTENING.match(line)
        assert match, line
        api_url, files_url = match.groups()
        with httpx.Client() as client:
            path, body = create_call("apiinone")
            task_id = client.post(api_url + path, json=body, headers=auth("apiinone")).json()["data"]["task_id"]
            client.post(api_url + "/_sim/advance", json={"seconds": 60})
            status = client.get(api_url + poll_path("apiinone", task_id), headers=auth("apiinone")).json()
            video = client.get(status["data"]["output"]["video_url"])
            stats = client.get(api_url + "/_sim/stats").json()
    finally:
        process.terminate()
        out, err = process.communicate(timeout=10)
    assert status["data"]["status"] == "COMPLETED" and video.content[4:8] == b"ftyp"
    assert status["data"]["output"]["video_url"].startswith(files_url)
    assert stats["submits"] == {"apiinone": 1} and stats["downloads"] == 1
    assert process.returncode == 0, err
    assert out == ""  # exactly the one line
