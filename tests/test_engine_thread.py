"""The window's engine runs on a thread of its own (engine_host.EngineHost), reached only
through ui.engine_link.EngineLink: calls run on the engine's thread, what the engine tells
comes back on the GUI thread, a call made before the engine is built waits for it, and
quitting in the middle of a download loses nothing."""

from __future__ import annotations

import asyncio
import os
import threading

import pytest

from hailuo_desktop.domain.states import TaskState
from hailuo_desktop.simulator.faults import Fault
from tests.fixtures.ui import close_session
from tests.test_ui_flow import LONG_ENOUGH, WAIT_MS, choose_kie, drop, generate, wait_sent, wait_state

pytestmark = pytest.mark.gui


def run(qtbot, coroutine):
    job = asyncio.ensure_future(coroutine)
    qtbot.waitUntil(job.done, timeout=WAIT_MS)
    return job.result()


def test_calls_through_the_link_run_on_the_engines_thread(qtbot, ui_session, simulator_thread, image_maker):
    session = ui_session(simulator_thread.api_url)
    host_thread = run(qtbot, session.link.ask(lambda e: threading.get_ident()))
    assert host_thread != threading.get_ident() and session.host.on_host_thread() is False
    loop_thread = run(qtbot, session.link.call(lambda e: _thread_of_running_loop()))
    assert loop_thread == host_thread

    writers: set[int] = set()  # the threads that stored the new task's changes
    unsubscribe = session.store.subscribe(lambda event: writers.add(threading.get_ident()))
    try:
        choose_kie(session.window)
        drop(qtbot, session, image_maker.png(640, 480, name="cat.png"))
        (task,) = generate(qtbot, session, "a cat")  # Generate: the controller's submit, via the link
        wait_sent(qtbot, session.store, task.id)  # uploaded and sent by the runner
    finally:
        unsubscribe()
    assert writers == {host_thread}  # stored, uploaded and sent on the engine's thread, none on the GUI's


async def _thread_of_running_loop() -> int:
    await asyncio.sleep(0)
    return threading.get_ident()


def test_what_the_engine_tells_arrives_on_the_gui_thread(qtbot, ui_session, simulator_thread):
    session = ui_session(simulator_thread.api_url)
    choose_kie(session.window)
    qtbot.waitUntil(lambda: session.link.is_ready, timeout=WAIT_MS)
    received: list[tuple[str, bool]] = []
    session.link.balance_read.connect(lambda reading: received.append((reading.provider, _on_gui_thread())))
    with qtbot.waitSignal(session.link.balance_read, timeout=WAIT_MS):
        session.controller.provider_status.request_balance("kie")  # the engine's refresher reads it
    assert received and received[0] == ("kie", True)
    qtbot.waitUntil(lambda: "Balance:" in session.window.compose.cost.balance.text(), timeout=WAIT_MS)


def _on_gui_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def test_a_call_made_before_the_engine_is_built_waits_for_it(qtbot, ui_session, simulator_thread):
    session = ui_session(simulator_thread.api_url, show=False)  # not shown: nothing has started the build
    link = session.link
    assert not link.started and link.engine is None
    gate, entered = threading.Event(), threading.Event()
    building = link._build_engine  # the session's own build, held at the gate until the test opens it

    async def held_build():
        entered.set()
        await asyncio.to_thread(gate.wait)
        return await building()

    link._build_engine = held_build
    try:
        call = asyncio.ensure_future(link.ask(lambda e: (threading.get_ident(), e.store is session.store)))
        qtbot.waitUntil(entered.is_set, timeout=WAIT_MS)  # the call started the build, on the engine's loop
        assert not call.done() and not link.is_ready  # waiting for the engine, not failing without it
        with qtbot.waitSignal(link.ready, timeout=WAIT_MS):
            gate.set()
    finally:
        gate.set()
    qtbot.waitUntil(call.done, timeout=WAIT_MS)
    thread, same_store = call.result()
    assert thread != threading.get_ident() and same_store


def test_quitting_during_a_download_loses_nothing_and_the_next_start_finishes_it(
    qtbot, ui_session, simulator_thread, image_maker, tmp_path
):
    home = tmp_path / "home"
    first = ui_session(simulator_thread.api_url, home=home)
    choose_kie(first.window)
    drop(qtbot, first, image_maker.png(640, 480, name="cat.png"))
    (task,) = generate(qtbot, first, "a cat")
    wait_sent(qtbot, first.store, task.id)
    # The video trickles 4 KiB per second of the simulator's clock: the test never advances it,
    # so the download stays in flight until the app quits.
    simulator_thread.faults.add(Fault(op="download", kind="slow", chunk=4096, delay=1.0))
    simulator_thread.advance(LONG_ENOUGH)
    wait_state(qtbot, first.store, task.id, TaskState.DOWNLOADING)
    qtbot.waitUntil(lambda: simulator_thread.clock.sleepers > 0, timeout=WAIT_MS)  # the body is waiting
    close_session(qtbot, first)  # quits: the engine's clean-up ran on its thread, and it is gone
    assert not first.host._thread.is_alive()

    second = ui_session(simulator_thread.api_url, home=home)
    kept = second.store.get(task.id)
    assert kept.state is TaskState.DOWNLOADING and kept.remote_id is not None
    wait_state(qtbot, second.store, task.id, TaskState.SUCCEEDED)  # resumed at the next start
    done = second.store.get(task.id)
    assert os.path.getsize(done.video_path) == done.video_bytes > 0
    assert simulator_thread.stats.submits["kie"] == 1  # never sent twice


def test_the_windows_downloads_read_on_the_engines_loop_and_the_clis_on_threads(qtbot, ui_session, simulator_thread):
    from hailuo_desktop.services.http_client import blocking_twin, build_http_client
    from hailuo_desktop.services.settings import Settings

    session = ui_session(simulator_thread.api_url)
    assert run(qtbot, session.link.ask(lambda e: blocking_twin(e.client))) is None  # app.DOWNLOAD_THREADS
    assert blocking_twin(build_http_client(Settings())) is not None  # the default, as the CLI builds it


def test_a_balance_wish_from_another_thread_is_read_on_the_engines_loop():
    """The window's own store edits reach the engine's balance refresher on the window's thread:
    the read must still run on the engine's loop (its client lives there), never on the caller's."""
    import time

    from hailuo_desktop.engine_host import EngineHost
    from hailuo_desktop.services.balances import BalanceRefresher
    from hailuo_desktop.services.budget import RequestBudget

    readers: list[int] = []

    async def fetch(provider_id, origin):
        readers.append(threading.get_ident())
        return None

    async def make():
        budget = RequestBudget(clock=time.monotonic, sleep=asyncio.sleep)
        return BalanceRefresher(fetch, budget, time.time, loop=asyncio.get_running_loop()), threading.get_ident()

    host = EngineHost(background_nice=0)
    try:
        refresher, engine_thread = host.run(make())
        heard = threading.Event()
        refresher.subscribe(lambda reading: heard.set())
        refresher.request("kie")  # from this thread, where no loop of the engine's runs
        assert heard.wait(WAIT_MS / 1000)  # an event, not a sleep: returns as soon as the read is done
        assert readers == [engine_thread] and engine_thread != threading.get_ident()
    finally:
        host.close(refresher.close())


def test_an_engine_that_cannot_be_built_is_reported_and_the_window_still_closes(qtbot, ui_session, simulator_thread):
    from hailuo_desktop.domain.errors import StorageError

    session = ui_session(simulator_thread.api_url, show=False)

    async def broken():
        raise StorageError("The output folder cannot be created.")

    session.link._build_engine = broken
    with qtbot.waitSignal(session.link.failed, timeout=WAIT_MS):
        session.show()  # the build starts after the first paint, and fails on the engine's thread
    banner = session.window.banner
    qtbot.waitUntil(lambda: banner.message is not None, timeout=WAIT_MS)
    assert "output folder cannot be created" in banner.message.details
    assert session.link.engine is None and not session.link.is_ready
    close_session(qtbot, session)  # no engine to clean up: the store is closed by the session itself
    assert session.store._conn is None
