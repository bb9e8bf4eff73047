"""The engine's own thread and loop: calls in from another loop, errors back, store events onto the GUI thread."""

from __future__ import annotations

import asyncio
import os
import sys
import threading

import pytest

from hailuo_desktop.domain.states import TaskState
from hailuo_desktop.engine_host import EngineHost
from tests.fixtures.services import make_task


@pytest.fixture
def host():
    h = EngineHost()
    yield h
    h.close()


async def where_am_i() -> tuple[str, asyncio.AbstractEventLoop]:
    return threading.current_thread().name, asyncio.get_running_loop()


def test_coroutines_run_on_the_hosts_thread_and_loop(host):
    name, loop = host.run(where_am_i(), timeout=10)
    assert name == "hailuo-engine" and loop is host.loop and threading.current_thread().name != name


def test_a_caller_on_another_loop_awaits_results_and_errors(host):
    async def fails() -> None:
        raise ValueError("the provider said no")

    async def caller() -> tuple[str, str]:
        name, _ = await host.call(where_am_i())
        with pytest.raises(ValueError, match="the provider said no"):
            await host.call(fails())
        return name, threading.current_thread().name

    engine_thread, caller_thread = asyncio.run(caller())
    assert engine_thread == "hailuo-engine" and caller_thread != engine_thread


def test_call_soon_runs_a_plain_function_there_and_close_runs_the_shutdown_first():
    host = EngineHost()
    seen: list[str] = []
    done = threading.Event()
    host.call_soon(lambda: (seen.append(threading.current_thread().name), done.set()))
    assert done.wait(10) and seen == ["hailuo-engine"]

    async def shutdown() -> None:
        seen.append("closed on " + threading.current_thread().name)

    host.close(shutdown())
    assert seen[-1] == "closed on hailuo-engine"
    assert not host._thread.is_alive() and host.loop.is_closed()
    with pytest.raises(RuntimeError, match="own thread"):
        inner = EngineHost()
        try:
            inner.run(_run_on_host(inner), timeout=10)
        finally:
            inner.close()


async def _run_on_host(host: EngineHost) -> None:
    host.run(where_am_i())  # refused: it would wait for itself forever


@pytest.mark.gui
def test_store_changes_made_on_the_engine_thread_reach_the_gui_thread(qtbot, task_store, host):
    from hailuo_desktop.ui.tasks.bridge import StoreBridge

    bridge = StoreBridge(task_store)
    received: list[tuple[str, str]] = []
    bridge.event.connect(lambda event: received.append((event.task_id, threading.current_thread().name)))
    task = task_store.add(make_task())

    async def engine_work() -> None:
        task_store.update(task.id, state=TaskState.RUNNING)

    with qtbot.waitSignal(bridge.event, timeout=5000):
        host.submit(engine_work())
    bridge.close()
    assert received[-1] == (task.id, threading.current_thread().name)  # delivered on the GUI thread


def test_a_host_started_under_the_qt_loop_policy_gets_a_plain_asyncio_loop(qasync_running_loop):
    host = EngineHost()
    try:
        name, loop = host.run(where_am_i(), timeout=10)
        assert name == "hailuo-engine" and type(loop).__module__.startswith("asyncio")
    finally:
        host.close()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a thread's own nice value is Linux's")
def test_the_hosts_thread_runs_below_its_caller_and_its_worker_threads_inherit_it():
    def nice() -> int:
        return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

    async def engine_and_worker_nice() -> tuple[int, int]:
        return nice(), await asyncio.to_thread(nice)

    mine = nice()
    host = EngineHost(background_nice=3)
    try:
        engine_nice, worker_nice = host.run(engine_and_worker_nice(), timeout=10)
    finally:
        host.close()
    assert engine_nice == min(19, mine + 3) and worker_nice == engine_nice
    assert nice() == mine  # the caller's thread is untouched


@pytest.mark.gui
def test_a_burst_from_the_engine_thread_arrives_whole_in_order_and_before_a_later_gui_change(qtbot, task_store, host):
    from PySide6.QtCore import QCoreApplication

    from hailuo_desktop.ui.tasks.bridge import StoreBridge

    bridge = StoreBridge(task_store)
    tasks = task_store.add_many([make_task() for _ in range(30)])
    received: list[tuple[str, str]] = []
    bridge.event.connect(lambda event: received.append((event.task_id, threading.current_thread().name)))
    wakeups: list[int] = []
    bridge._arrived.connect(lambda: wakeups.append(1))

    async def engine_burst() -> None:
        for task in tasks:
            task_store.update(task.id, state=TaskState.RUNNING)

    host.run(engine_burst(), timeout=10)  # all 30 are waiting before the GUI thread runs again
    task_store.update(tasks[0].id, state=TaskState.SUCCEEDED)  # on the GUI thread: after the burst
    qtbot.waitUntil(lambda: len(received) == 31 and len(wakeups) > 0, timeout=5000)
    QCoreApplication.processEvents()  # anything else queued would run now
    bridge.close()
    gui = threading.current_thread().name
    assert received == [(t.id, gui) for t in tasks] + [(tasks[0].id, gui)]
    assert len(wakeups) == 1  # one queued call for the whole burst
    assert tasks[0].id not in bridge.active_ids  # the last change wins: it finished
