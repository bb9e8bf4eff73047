"""Issue 8, the demo shows itself: a marker inside the window, a demo balance that goes down
as tasks are charged, and a Demo menu whose entries make the next task fail in each way."""

from __future__ import annotations

import asyncio

import pytest

from hailuo_desktop.domain.codes import ErrorCode
from hailuo_desktop.domain.states import TaskState
from tests.fixtures.ui import close_session
from tests.test_ui_flow import LONG_ENOUGH, WAIT_MS, drop, generate, wait_sent, wait_state

pytestmark = pytest.mark.gui


@pytest.fixture
def demo(qtbot, qasync_running_loop, tmp_path):
    from hailuo_desktop.app import AppSession, DemoBackend, demo_options
    from hailuo_desktop.simulator.server import ManualClock

    backend = DemoBackend(tmp_path / "demo", clock=ManualClock(start=0.0))
    starting = asyncio.ensure_future(backend.start())
    qtbot.waitUntil(starting.done, timeout=WAIT_MS)
    session = AppSession(demo_options(tmp_path / "demo", starting.result()))
    session.show()
    yield session, backend
    close_session(qtbot, session)
    stopping = asyncio.ensure_future(backend.stop())
    qtbot.waitUntil(stopping.done, timeout=WAIT_MS)


def arm(qtbot, session, key: str) -> None:
    menu = session.controller.demo_menu
    with qtbot.waitSignal(menu.armed, timeout=WAIT_MS):
        menu.actions[key].trigger()


def balance_text(session) -> str:
    return session.window.compose.cost.balance.text()


def test_the_demo_is_marked_inside_the_window_and_offers_each_failure(qtbot, demo):
    session, _backend = demo
    window = session.window
    marker = window.menuBar().cornerWidget()
    assert marker is session.controller.demo_menu.marker and marker.isVisible()
    assert marker.text() == "DEMO · simulated providers, nothing is charged"
    menu = session.controller.demo_menu.menu
    assert menu.menuAction() in window.menuBar().actions()
    assert [a.text() for a in menu.actions() if a.text()] == [
        "Empty the &balance",
        "Next task: refused by the &content filter",
        "Next submit: &times out",
        "Next tasks: &slow answers",
        "Next task: takes &three minutes",
        "Next task: &unreadable answers",
        "Next task: video link &expired",
        "&Top up the demo balance",
        "&Clear planned failures",
    ]


def test_a_real_session_has_no_demo_marker_or_menu(ui_session, simulator_thread):
    session = ui_session(simulator_thread.api_url)
    assert session.controller.demo_menu is None and session.window.menuBar().cornerWidget() is None


def test_the_demo_balance_goes_down_as_tasks_are_charged(qtbot, demo, image_maker):
    session, backend = demo
    store = session.store
    start = backend.simulator.balance("apixo")
    qtbot.waitUntil(lambda: balance_text(session) == f"Balance: ${start:,.2f}", timeout=WAIT_MS)
    drop(qtbot, session, image_maker.png(900, 600, name="photo.png"))
    (task,) = generate(qtbot, session, "slow push in")
    wait_sent(qtbot, store, task.id)
    after = backend.simulator.balance("apixo")
    assert after < start
    qtbot.waitUntil(lambda: balance_text(session) == f"Balance: ${after:,.2f}", timeout=WAIT_MS)


def test_empty_balance_holds_the_next_task_until_topped_up_and_resumed(qtbot, demo, image_maker):
    session, backend = demo
    store = session.store
    arm(qtbot, session, "balance")
    assert backend.simulator.balance("apixo") == 0
    drop(qtbot, session, image_maker.png(900, 600, name="photo.png"))
    (task,) = generate(qtbot, session, "slow push in")
    bar = session.controller.pauses.bar
    qtbot.waitUntil(bar.isVisible, timeout=WAIT_MS)
    assert bar.rows["apixo"].text.text().startswith("Not enough balance on APIXO")
    # The engine's thread announces the pause, then records it on the task: wait for the record.
    qtbot.waitUntil(lambda: store.get(task.id).error_code is not None, timeout=WAIT_MS)
    assert store.get(task.id).error_code == ErrorCode.INSUFFICIENT_BALANCE and store.get(task.id).remote_id is None
    with qtbot.waitSignal(session.controller.demo_menu.armed, timeout=WAIT_MS):
        session.controller.demo_menu.top_up.trigger()
    assert backend.simulator.balance("apixo") > 0
    bar.rows["apixo"].resume.click()
    wait_sent(qtbot, store, task.id)
    qtbot.waitUntil(bar.isHidden, timeout=WAIT_MS)  # the resume reaches the window queued from the engine


def test_content_filter_from_the_demo_menu(qtbot, demo, image_maker):
    session, backend = demo
    store, detail = session.store, session.window.detail
    arm(qtbot, session, "content")
    drop(qtbot, session, image_maker.png(900, 600, name="photo.png"))
    (task,) = generate(qtbot, session, "slow push in")
    wait_sent(qtbot, store, task.id)
    backend.simulator.advance(LONG_ENOUGH)
    wait_state(qtbot, store, task.id, TaskState.FAILED)
    assert store.get(task.id).error_code == ErrorCode.CONTENT_REJECTED
    qtbot.waitUntil(detail.error_box.isVisible, timeout=WAIT_MS)
    assert detail.error_title.text() == "APIXO's content filter refused the prompt or the image"


def test_expired_link_from_the_demo_menu(qtbot, demo, image_maker):
    session, backend = demo
    store = session.store
    arm(qtbot, session, "expired")
    drop(qtbot, session, image_maker.png(900, 600, name="photo.png"))
    (task,) = generate(qtbot, session, "slow push in")
    wait_sent(qtbot, store, task.id)
    backend.simulator.advance(LONG_ENOUGH)
    wait_state(qtbot, store, task.id, TaskState.FAILED)
    assert store.get(task.id).error_code == ErrorCode.RESULT_EXPIRED


@pytest.mark.parametrize(
    "key, op, kind", [("timeout", "submit", "hang"), ("slow", "poll", "slow"), ("unreadable", "poll", "malformed")]
)
def test_the_other_failures_are_armed_in_the_simulator(qtbot, demo, key, op, kind):
    session, backend = demo
    arm(qtbot, session, key)
    (fault,) = backend.simulator.faults.pending()
    assert (fault.op, fault.kind, fault.provider) == (op, kind, "apixo")
    with qtbot.waitSignal(session.controller.demo_menu.armed, timeout=WAIT_MS):
        session.controller.demo_menu.clear.trigger()
    assert backend.simulator.faults.pending() == []


def test_a_slow_task_from_the_demo_menu_takes_three_minutes_at_the_simulator(qtbot, demo, image_maker):
    session, backend = demo
    store = session.store
    arm(qtbot, session, "slow_task")
    drop(qtbot, session, image_maker.png(900, 600, name="photo.png"))
    (task,) = generate(qtbot, session, "slow push in")
    wait_sent(qtbot, store, task.id)
    assert backend.simulator.task(store.get(task.id).remote_id).run_s == 180.0
