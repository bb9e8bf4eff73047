"""One owner per task (services.lease): two processes on one data home never work the same
task, and a crashed or hung owner's tasks are taken over.

The processes are real: `hailuo-desktop wait` in a subprocess beside an engine built the way
the window builds it, both on one data home, against the simulator with slow downloads.
The simulator's clock moves only when the test pumps it, so a download is exactly as far
along as the test needs; the second process's lease clock is injected.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

import httpx
import pytest

from hailuo_desktop.domain.states import TaskState
from hailuo_desktop.domain.task import Task
from hailuo_desktop.engine import build_engine
from hailuo_desktop.services.download_files import partials
from hailuo_desktop.services.home import DataPaths
from hailuo_desktop.services.lease import (
    HeldPolicy,
    LeaseLost,
    Leases,
    LeaseTerms,
    new_owner_id,
    owner_is_gone,
)
from hailuo_desktop.services.secrets import KeyStore
from hailuo_desktop.services.settings import Settings
from hailuo_desktop.services.store import TaskStore
from hailuo_desktop.simulator.server import (
    Fault,
    ManualClock,
    SimConfig,
)
from hailuo_desktop.simulator.thread import SimulatorThread
from tests.fixtures.sim import (
    DEFAULT_MODELS,
    IMAGE_URL,
    auth,
    create_call,
    loopback_client,
    task_id_of,
)

pytestmark = pytest.mark.anyio

KEY = "sk-lease-test-4Fq9Lm2"
RESULT_BYTES = 600_000
SLOW_CHUNK = 64 * 1024  # bigger than Python's file buffer: each chunk reaches the part file at once
TIMEOUT = 60.0


# --- the lease itself, on one store file opened twice -------------------------------------
class Clock:
    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def stored_task(store: TaskStore, **fields) -> Task:
    fields = {"remote_id": "r-1", "prompt": "a cat", **fields}
    return store.add(
        Task(
            id=uuid.uuid4().hex,
            provider="kie",
            model=DEFAULT_MODELS["kie"],
            kind="i2v",
            state=TaskState.RUNNING,
            **fields,
        )
    )


def test_one_owner_at_a_time_and_an_expired_lease_is_taken_over(tmp_path):
    clock = Clock()
    first_store, second_store = TaskStore(tmp_path / "t.sqlite3"), TaskStore(tmp_path / "t.sqlite3")
    task = stored_task(first_store)
    terms = LeaseTerms(ttl=90, renew_after=30)
    first = Leases(first_store, clock, owner=new_owner_id(), terms=terms)
    second = Leases(second_store, clock, owner=new_owner_id(), terms=terms)

    assert first.take(task.id) and not second.take(task.id)
    clock.now += 60
    assert first.renew_all() == set()  # renewed: now good until 1150
    clock.now += 20
    first.keep(task.id)  # renewed 20 s ago: not due, no store write
    clock.now += 69
    assert not second.take(task.id)
    clock.now += 2  # 1151: expired, nobody renewed it (a hung process)
    assert second.take(task.id)
    with pytest.raises(LeaseLost):
        first.keep(task.id, strict=True)
    assert first_store.lease_of(task.id)[0] == second.owner
    first.release(task.id)  # not ours any more: must not free the new owner's lease
    assert first_store.lease_of(task.id)[0] == second.owner
    second.release(task.id)
    assert first_store.lease_of(task.id) == (None, None) and first.take(task.id)


def test_a_lost_lease_shows_at_the_next_heartbeat(tmp_path):
    clock = Clock()
    store = TaskStore(tmp_path / "t.sqlite3")
    task = stored_task(store)
    first, second = Leases(store, clock), Leases(store, clock)
    assert first.take(task.id)
    clock.now += 200
    assert second.take(task.id)
    assert first.renew_all() == {task.id} and not first.holding()


def test_an_owner_on_this_machine_that_no_longer_runs_is_gone():
    ended = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=False
    )
    dead_pid = int(ended.stdout)
    assert owner_is_gone(new_owner_id(pid=dead_pid))
    assert not owner_is_gone(new_owner_id())  # this process
    assert not owner_is_gone(new_owner_id(pid=1))  # alive
    assert not owner_is_gone(new_owner_id(host="another-machine", pid=dead_pid))  # cannot know: wait for expiry


# --- two processes against the simulator -----------------------------------------------------
class Lab:
    """A simulator on a manual clock, one data home, the CLI in subprocesses, and an
    engine built as the window builds it."""

    def __init__(self, root: Path) -> None:
        self.home = root / "home"
        self.sim = SimulatorThread(
            SimConfig(seed=11, result_bytes=RESULT_BYTES, result_ttl=30 * 24 * 3600.0), clock=ManualClock()
        )
        self._pump_stop = threading.Event()
        self._pump: threading.Thread | None = None

    def __enter__(self) -> Lab:
        self.sim.start()
        self.store = TaskStore(DataPaths.at(self.home).store)
        return self

    def __exit__(self, *exc) -> None:
        self.stop_pump()
        self.store.close()
        self.sim.stop()

    def submitted(self, count: int) -> list[str]:
        """Tasks the provider has, done at once, stored as a crash would have left them."""
        ids = []
        for n in range(count):
            path, body = create_call("kie", prompt=f"lease task {n} {{{{sim:queue=0;run=0}}}}", image=IMAGE_URL)
            answer = httpx.post(self.sim.api_url + path, json=body, headers=auth("kie", KEY)).json()
            ids.append(
                stored_task(
                    self.store,
                    base_url=self.sim.api_url,
                    remote_id=task_id_of("kie", answer),
                    image_url=IMAGE_URL,
                    submit_started_at=time.time(),
                    submitted_at=time.time(),
                ).id
            )
        return ids

    def slow_downloads(self) -> None:
        self.sim.faults.add(Fault(op="download", kind="slow", chunk=SLOW_CHUNK, delay=1.0, times=None))

    def start_pump(self) -> None:
        """Move the simulator's clock, so the slow downloads go on."""

        def pump() -> None:
            while not self._pump_stop.wait(0.005):
                self.sim.advance(1.0)

        self._pump = threading.Thread(target=pump, daemon=True)
        self._pump.start()

    def stop_pump(self) -> None:
        self._pump_stop.set()
        if self._pump is not None:
            self._pump.join()

    def spawn_wait(self) -> subprocess.Popen:
        env = {k: v for k, v in os.environ.items() if not k.endswith("_API_KEY")}
        env.update(HAILUO_DESKTOP_HOME=str(self.home), KIE_API_KEY=KEY)
        return subprocess.Popen(
            [sys.executable, "-m", "hailuo_desktop", "wait", "--poll-interval", "0.05", "--json"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def engine(self, client: httpx.AsyncClient, clock=time.time):
        """The window's engine: WAIT for tasks another process holds."""
        return build_engine(
            DataPaths.at(self.home),
            Settings(),
            KeyStore(env={"KIE_API_KEY": KEY}),
            client,
            clock=clock,
            sleep=_brief_sleep,
            poll_interval=0.05,
            held=HeldPolicy.WAIT,
        )

    def owner_of(self, task_id: str) -> str | None:
        return self.store.lease_of(task_id)[0]

    def result_gets(self) -> Counter:
        return Counter(r.path for r in self.sim.stats.requests if r.origin == "files" and r.method == "GET")

    def part_bytes(self) -> int:
        videos = self.home / "videos"
        return sum(p.stat().st_size for p in videos.glob("*.part")) if videos.is_dir() else 0


async def _brief_sleep(seconds: float) -> None:
    await asyncio.sleep(min(seconds, 0.02))  # paces the loops; nothing here waits on the wall clock to decide


async def eventually(condition, timeout: float = TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.01)


def assert_complete_video(task: Task) -> None:
    probe = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "stream=codec_type", "-of", "csv=p=0", task.video_path],
        capture_output=True,
        text=True,
        check=False,
    )
    assert probe.returncode == 0 and "video" in probe.stdout, probe.stderr
    assert Path(task.video_path).stat().st_size == RESULT_BYTES == task.video_bytes


async def test_the_window_and_the_cli_share_the_tasks_and_fetch_each_result_once(tmp_path):
    with Lab(tmp_path) as lab:
        ids = lab.submitted(4)
        lab.slow_downloads()
        async with loopback_client() as client:
            engine = lab.engine(client)
            window_jobs = [engine.runner.start(task_id) for task_id in ids[:2]]
            await eventually(lambda: all(lab.owner_of(i) for i in ids[:2]) and lab.part_bytes() > 0)
            cli = lab.spawn_wait()
            await eventually(lambda: all(lab.owner_of(i) for i in ids[2:]) or cli.poll() is not None)
            assert {lab.owner_of(i) for i in ids[2:]}.isdisjoint({lab.owner_of(i) for i in ids[:2]})
            lab.start_pump()
            followed = await engine.runner.resume_unfinished()  # the window's start: follows the CLI's two
            await asyncio.gather(*window_jobs)
            _, err = await asyncio.to_thread(cli.communicate, timeout=TIMEOUT)
            await engine.close()

        assert cli.returncode == 0, err
        assert "2 unfinished task(s) are being worked by another Hailuo Desktop process" in err
        assert sorted(t.id for t in followed) == sorted(ids)
        tasks = [lab.store.get(i) for i in ids]
        assert [t.state for t in tasks] == [TaskState.SUCCEEDED] * 4, [t.error_message for t in tasks]
        for task in tasks:
            assert_complete_video(task)
        gets = lab.result_gets()
        assert len(gets) == 4 and set(gets.values()) == {1}, gets  # each result fetched once, by one process
        assert lab.part_bytes() == 0 and all(lab.owner_of(i) is None for i in ids)


async def test_a_killed_owner_mid_download_is_taken_over_and_the_download_continues(tmp_path):
    with Lab(tmp_path) as lab:
        [task_id] = lab.submitted(1)
        lab.slow_downloads()
        cli = lab.spawn_wait()
        await eventually(lambda: lab.part_bytes() > 0)
        killed_owner = lab.owner_of(task_id)
        assert killed_owner is not None and str(cli.pid) in killed_owner
        async with loopback_client() as client:
            engine = lab.engine(client)
            assert not Leases(lab.store, time.time).take(task_id)  # alive: it keeps its task
            cli.send_signal(signal.SIGKILL)
            cli.wait(TIMEOUT)
            left_by_the_dead = lab.part_bytes()
            lab.start_pump()
            final = await engine.runner.run(task_id)
            await engine.close()

        assert final.state is TaskState.SUCCEEDED, final.error_message
        assert_complete_video(final)
        assert 0 < left_by_the_dead < RESULT_BYTES
        assert sum(lab.result_gets().values()) == 2  # the dead one's, then the rest of it
        assert not partials(Path(final.video_path)) and lab.owner_of(task_id) is None


async def test_a_hung_owner_loses_its_task_when_the_lease_expires_and_harms_nothing_after(tmp_path):
    with Lab(tmp_path) as lab:
        [task_id] = lab.submitted(1)
        lab.slow_downloads()
        cli = lab.spawn_wait()
        await eventually(lambda: lab.part_bytes() > 0)
        cli.send_signal(signal.SIGSTOP)  # hangs mid-download (a frozen process, a stuck disk)
        later = Clock(time.time())
        try:
            async with loopback_client() as client:
                engine = lab.engine(client, clock=later)
                assert not Leases(lab.store, later).take(task_id)  # alive and within its lease
                later.now += LeaseTerms().ttl + 1  # the hung owner's lease has run out
                lab.start_pump()
                final = await engine.runner.run(task_id)
                await engine.close()
        finally:
            cli.send_signal(signal.SIGCONT)
        _, err = await asyncio.to_thread(cli.communicate, timeout=TIMEOUT)

        assert final.state is TaskState.SUCCEEDED, final.error_message
        after = lab.store.get(task_id)
        assert after == final  # the woken owner wrote nothing over it
        assert_complete_video(after)
        assert "Traceback" not in err
        assert not partials(Path(final.video_path))
