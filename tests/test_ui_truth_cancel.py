"""Issue 8, cancel and batches: cancelling a sent task says the provider may still charge
and offers to keep following; a batch is cancelled at once; a finished batch counts its
outcomes instead of saying "all done"."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from hailuo_desktop.domain.batches import BatchOutcome
from hailuo_desktop.domain.states import TaskState
from hailuo_desktop.ui.batch_flow import outcome_text
from tests.test_ui_flow import LONG_ENOUGH, WAIT_MS, choose_kie, drop, generate, wait_sent, wait_state

pytestmark = pytest.mark.gui


def question(window) -> QMessageBox | None:
    return next((b for b in window.findChildren(QMessageBox) if b.isVisible()), None)


def answer(qtbot, window, button_text: str) -> str:
    qtbot.waitUntil(lambda: question(window) is not None, timeout=WAIT_MS)
    box = question(window)
    text = box.text()
    next(b for b in box.buttons() if b.text() == button_text).click()
    qtbot.waitUntil(lambda: question(window) is None, timeout=WAIT_MS)
    return text


def test_batch_words_count_every_outcome():
    O = BatchOutcome  # noqa: E741 - short, for the table of cases below
    assert outcome_text(O(total=10, ready=7, failed=3)) == (
        "Batch finished with problems",
        "10 finished: 7 ready, 3 failed",
    )
    assert outcome_text(O(total=10, failed=10)) == ("Batch finished with problems", "10 finished: 0 ready, 10 failed")
    assert outcome_text(O(total=10, cancelled=10)) == ("Batch finished", "10 finished: 0 ready, 10 cancelled")
    assert outcome_text(O(total=4, ready=4)) == ("Batch ready", "4 finished: 4 ready")
    assert outcome_text(O(total=3, ready=1, needs_check=1, cancelled=1)) == (
        "Batch finished with problems",
        "3 finished: 1 ready, 1 need a check, 1 cancelled",
    )


def test_cancel_of_a_sent_task_warns_and_can_keep_following(qtbot, ui_session, simulator_thread, image_maker):
    session = ui_session(simulator_thread.api_url)
    window, store = session.window, session.store
    choose_kie(window)
    drop(qtbot, session, image_maker.png(640, 480, name="cat.png"))
    (task,) = generate(qtbot, session, "a cat")
    wait_sent(qtbot, store, task.id)
    window.detail.cancel.click()
    text = answer(qtbot, window, "Keep following")
    assert "kie.ai has this task and may still charge for it" in text and "video will not be saved" in text
    assert not store.get(task.id).state.is_final
    window.detail.cancel.click()
    answer(qtbot, window, "Stop following")
    wait_state(qtbot, store, task.id, TaskState.CANCELLED)
    qtbot.waitUntil(
        lambda: window.detail.cost.text() == "cancelled · may be charged (up to 30 credits)", timeout=WAIT_MS
    )


def test_a_batch_is_cancelled_at_once_and_its_end_counts_the_outcomes(qtbot, ui_session, simulator_thread, image_maker):
    session = ui_session(simulator_thread.api_url)
    window, store, notifier = session.window, session.store, session.shell.notifier
    choose_kie(window)
    drop(qtbot, session, *(image_maker.png(640, 480, name=f"shot{n}.png") for n in range(3)))
    tasks = generate(qtbot, session, "three shots")
    for task in tasks:
        wait_sent(qtbot, store, task.id)
    window.takes.select([store.get(tasks[0].id)])
    assert session.controller.batches.cancel_action.isEnabled()
    session.controller.batches.cancel_action.trigger()
    text = answer(qtbot, window, "Cancel the batch")
    assert text.startswith("3 unfinished task(s) of this batch will no longer be followed.")
    assert "3 of them were already sent: kie.ai may still charge for them" in text
    for task in tasks:
        wait_state(qtbot, store, task.id, TaskState.CANCELLED)
    qtbot.waitUntil(
        lambda: notifier.last_message == ("Batch finished", "3 finished: 0 ready, 3 cancelled"), timeout=WAIT_MS
    )


def test_a_batch_with_failures_never_says_all_done(qtbot, ui_session, simulator_thread, image_maker):
    session = ui_session(simulator_thread.api_url)
    window, store, notifier = session.window, session.store, session.shell.notifier
    choose_kie(window)
    drop(qtbot, session, image_maker.png(640, 480, name="cat.png"))
    window.compose.variants.setValue(2)
    tasks = generate(qtbot, session, "a cat {{sim:fail=501;msg=flagged}}")
    for task in tasks:
        wait_sent(qtbot, store, task.id)
    simulator_thread.advance(LONG_ENOUGH)
    for task in tasks:
        wait_state(qtbot, store, task.id, TaskState.FAILED)
    qtbot.waitUntil(
        lambda: notifier.last_message is not None and notifier.last_message[0].startswith("Batch"), timeout=WAIT_MS
    )
    assert notifier.last_message == ("Batch finished with problems", "2 finished: 0 ready, 2 failed")


def test_a_cancelled_sent_task_can_be_resumed_and_its_video_saved(qtbot, ui_session, simulator_thread, image_maker):
    session = ui_session(simulator_thread.api_url)
    window, store = session.window, session.store
    choose_kie(window)
    drop(qtbot, session, image_maker.png(640, 480, name="cat.png"))
    (task,) = generate(qtbot, session, "a cat")
    wait_sent(qtbot, store, task.id)
    window.detail.cancel.click()
    answer(qtbot, window, "Stop following")
    wait_state(qtbot, store, task.id, TaskState.CANCELLED)
    bar = window.detail.check_bar
    qtbot.waitUntil(lambda: bar.resume.isVisible(), timeout=WAIT_MS)
    assert not bar.give_up.isVisible()  # it is already given up: only Resume makes sense
    assert "may still finish it (and charge for it)" in bar.explain.text()
    with qtbot.waitSignal(session.controller.checks.resumed, timeout=WAIT_MS):
        bar.resume.click()
    simulator_thread.advance(LONG_ENOUGH)
    wait_state(qtbot, store, task.id, TaskState.SUCCEEDED)
    assert simulator_thread.stats.submits["kie"] == 1  # followed again, never sent again
