"""Issue 8, stuck is a state: the row and the detail say what the runner waits for, counted
down from the injected clock; a task the app stopped following offers Resume and Give up."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from hailuo_desktop.domain.codes import ErrorCode
from hailuo_desktop.domain.states import TaskState
from hailuo_desktop.ui.tasks.activity import activity_text
from hailuo_desktop.ui.tasks.bridge import StoreBridge
from hailuo_desktop.ui.tasks.detail import TaskDetail
from hailuo_desktop.ui.tasks.model import PROGRESS, STATE, TaskListModel
from tests.conftest import heavy_enabled
from tests.test_ui_flow import WAIT_MS, wait_state

pytestmark = pytest.mark.gui
NOW = 1_800_000_000.0


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def stuck_task(make_task, state=TaskState.RUNNING, **fields):
    base = dict(activity="poll_unreadable", activity_attempt=3, next_attempt_at=NOW + 49)
    return make_task(state, **{**base, **fields})


def test_the_words_count_down_from_the_clock(make_task):
    task = stuck_task(make_task)
    assert activity_text(task, NOW) == "answer unreadable, retry 3 in 49 s"
    assert activity_text(task, NOW + 30) == "answer unreadable, retry 3 in 19 s"
    assert activity_text(task, NOW + 49) == "answer unreadable, retry 3 now"
    slow = stuck_task(make_task, activity="poll_rate_limited", activity_attempt=2, next_attempt_at=NOW + 125)
    assert activity_text(slow, NOW) == "kie.ai asked to slow down, retry 2 in 2 min 5 s"
    assert activity_text(stuck_task(make_task, activity=None), NOW) is None
    assert activity_text(stuck_task(make_task, state=TaskState.SUCCEEDED), NOW) is None


def test_the_row_says_what_the_runner_waits_for_instead_of_any_moment(owner, task_store, make_task):
    clock = Clock(NOW)
    task = task_store.add(stuck_task(make_task))
    bridge = StoreBridge(task_store, owner)
    model = TaskListModel(task_store, bridge, clock=clock, parent=owner)
    row = model.row_of(task.id)
    assert model.index(row, PROGRESS).data() == "answer unreadable, retry 3 in 49 s"
    clock.now += 10
    assert model.index(row, PROGRESS).data() == "answer unreadable, retry 3 in 39 s"
    task_store.update(
        task.id, state=TaskState.NEEDS_CHECK, error_code=ErrorCode.NEEDS_CHECK, activity=None, next_attempt_at=None
    )
    assert model.index(row, STATE).data() == "Needs a check"
    bridge.close()


def test_the_detail_counts_down_and_offers_resume_and_give_up(qtbot, make_task):
    detail = TaskDetail()
    qtbot.addWidget(detail)
    detail.show()
    clock = Clock(NOW)
    detail.check_bar.clock = clock
    detail.show_task(stuck_task(make_task))
    bar = detail.check_bar
    assert bar.isVisible() and bar.activity.text() == "answer unreadable, retry 3 in 49 s"
    assert not bar.resume.isVisible()  # the runner is still on it
    clock.now += 48.2
    bar.refresh()  # what the 1 s repaint timer does
    assert bar.activity.text() == "answer unreadable, retry 3 in 1 s"
    checked = make_task(
        TaskState.NEEDS_CHECK,
        error_code=ErrorCode.NEEDS_CHECK,
        error_message="5 status answers in a row could not be read.",
    )
    detail.show_task(checked)
    assert detail.state.text() == "Needs a check · kie.ai"
    assert bar.resume.isVisible() and bar.give_up.isVisible() and not bar.activity.isVisible()
    assert "stopped to free the slot" in bar.explain.text()
    assert detail.error_title.text() == "This task needs a check"
    with qtbot.waitSignal(bar.resume_requested, timeout=2000) as resumed:
        bar.resume.click()
    assert resumed.args == [checked.id]
    detail.show_task(None)
    assert not bar.isVisible()
    detail.release()


def test_resume_polls_the_task_again_and_never_sends_it_again(qtbot, ui_session, simulator_thread, make_task):
    session = ui_session(simulator_thread.api_url, show=False)  # no start-up resume: only the button
    session.window.show()
    store = session.store
    task = store.add(
        make_task(
            TaskState.NEEDS_CHECK,
            remote_id="task-the-simulator-never-made",
            error_code=ErrorCode.NEEDS_CHECK,
            base_url=simulator_thread.api_url,
        )
    )
    session.window.detail.show_task(store.get(task.id))
    with qtbot.waitSignal(session.controller.checks.resumed, timeout=WAIT_MS):
        session.window.detail.check_bar.resume.click()
    wait_state(qtbot, store, task.id, TaskState.FAILED)
    assert store.get(task.id).error_code == ErrorCode.TASK_NOT_FOUND  # it asked about it: a poll
    assert simulator_thread.stats.submits["kie"] == 0  # and never sent it again


def test_give_up_asks_and_stops_for_good(qtbot, ui_session, simulator_thread, make_task):
    session = ui_session(simulator_thread.api_url, show=False)
    window = session.window
    window.show()
    store = session.store
    task = store.add(make_task(TaskState.UNKNOWN, error_code=ErrorCode.POLL_TIMEOUT, base_url=simulator_thread.api_url))
    window.detail.show_task(store.get(task.id))
    window.detail.check_bar.give_up.click()
    qtbot.waitUntil(lambda: any(b.isVisible() for b in window.findChildren(QMessageBox)), timeout=WAIT_MS)
    box = next(b for b in window.findChildren(QMessageBox) if b.isVisible())
    assert "kie.ai may still finish it and charge for it" in box.text()
    next(b for b in box.buttons() if b.text() == "Give up").click()
    wait_state(qtbot, store, task.id, TaskState.CANCELLED)
    assert simulator_thread.stats.submits["kie"] == 0


@pytest.mark.skipif(not heavy_enabled(), reason="the runner's real back-off (2, 4, 8, 16 s): HAILUO_HEAVY=1")
def test_unreadable_answers_lead_the_real_runner_to_needs_a_check_then_resume_saves_the_video(
    qtbot, ui_session, simulator_thread, image_maker
):
    from hailuo_desktop.simulator.faults import Fault
    from tests.test_ui_flow import LONG_ENOUGH, choose_kie, drop, generate, wait_sent

    session = ui_session(simulator_thread.api_url)
    window, store = session.window, session.store
    choose_kie(window)
    drop(qtbot, session, image_maker.png(640, 480, name="cat.png"))
    seen: list[str] = []
    store.subscribe(lambda event: event.task is not None and event.task.activity and seen.append(event.task.activity))
    simulator_thread.faults.add(Fault(op="poll", kind="malformed", provider="kie", times=None))
    (task,) = generate(qtbot, session, "a cat")
    wait_sent(qtbot, store, task.id)
    qtbot.waitUntil(lambda: store.get(task.id).state is TaskState.NEEDS_CHECK, timeout=180_000)
    assert "poll_unreadable" in seen  # the row said "answer unreadable, retry N in …" meanwhile
    window.tasks.select(task.id)
    bar = window.detail.check_bar
    qtbot.waitUntil(lambda: bar.resume.isVisible() and bar.give_up.isVisible(), timeout=WAIT_MS)
    assert window.detail.state.text() == "Needs a check · kie.ai"
    simulator_thread.faults.clear()  # the provider answers properly again
    with qtbot.waitSignal(session.controller.checks.resumed, timeout=WAIT_MS):
        bar.resume.click()
    simulator_thread.advance(LONG_ENOUGH)
    wait_state(qtbot, store, task.id, TaskState.SUCCEEDED)
    assert simulator_thread.stats.submits["kie"] == 1
