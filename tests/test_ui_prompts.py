"""Prompt history, presets, per-image prompts from CSV and variants x images, in the real window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
)

from hailuo_desktop.domain.states import TaskState
from hailuo_desktop.services.presets import PresetStore
from hailuo_desktop.ui.compose.history import HistoryDialog
from hailuo_desktop.ui.compose.prompt_table_dialog import PromptTableDialog
from tests.test_ui_flow import WAIT_MS, drop

pytestmark = pytest.mark.gui
EARLIER = ["waves crash on a beach at dusk [Pan left]", "a cat naps on a beach towel", "city lights at night"]


def started(qtbot, ui_session, simulator_thread, make_task, tmp_path):
    home = tmp_path / "home"
    session = ui_session(simulator_thread.api_url, home=home, show=False)
    session.store.add_many(make_task(TaskState.SUCCEEDED, prompt=p) for p in reversed(EARLIER))
    flow = session.controller.prompts
    with qtbot.waitSignal(flow.history_loaded, timeout=WAIT_MS):
        flow.on_submitted([])  # what a submit does: read the history again
    session.window.show()
    qtbot.waitExposed(session.window)
    with qtbot.waitActive(session.window, timeout=WAIT_MS):
        session.window.activateWindow()
    return session, flow


def opened(qtbot, flow, kind, trigger):
    with qtbot.waitSignal(
        flow.dialog_opened, timeout=WAIT_MS, check_params_cb=lambda dialog: isinstance(dialog, kind)
    ) as blocker:
        trigger()
    return blocker.args[0]


def message_box(qtbot) -> QMessageBox:
    qtbot.waitUntil(
        lambda: any(isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets()),
        timeout=WAIT_MS,
    )
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())


def test_earlier_prompts_are_offered_while_typing_and_in_the_history(
    qtbot, ui_session, simulator_thread, make_task, tmp_path
):
    session, flow = started(qtbot, ui_session, simulator_thread, make_task, tmp_path)
    prompt = session.window.compose.prompt
    assert flow.history == EARLIER  # newest first
    prompt.edit.setFocus()
    qtbot.keyClicks(prompt.edit, "beach")
    popup = flow.completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=WAIT_MS)
    offered = [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
    assert offered == EARLIER[:2]  # the ones containing "beach", newest first
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert prompt.text() == EARLIER[0] and not popup.isVisible()

    dialog = opened(qtbot, flow, HistoryDialog, prompt.history_button.click)
    qtbot.keyClicks(dialog.search, "CITY")
    assert dialog.count.text() == "1 of 3 earlier prompts"
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: prompt.text() == "city lights at night", timeout=WAIT_MS)


def test_a_preset_saves_and_restores_prompt_model_settings_and_camera_moves(
    qtbot, ui_session, simulator_thread, make_task, tmp_path
):
    session, flow = started(qtbot, ui_session, simulator_thread, make_task, tmp_path)
    compose = session.window.compose
    bar = compose.presets_bar
    compose.apply_settings("minimax", "MiniMax-Hailuo-02", None, 10, "768P", "slow dusk [Push in,Zoom out]", False)
    name_dialog = opened(qtbot, flow, QInputDialog, bar.save.click)
    name_dialog.setTextValue("Dusk push")
    with qtbot.waitSignal(flow.presets_changed, timeout=WAIT_MS):
        name_dialog.accept()
    (saved,) = PresetStore(tmp_path / "home" / "presets.json").load()  # on disk, for the next start
    assert (
        saved.name,
        saved.provider,
        saved.model,
        saved.duration,
        saved.resolution,
        saved.prompt_optimizer,
        saved.camera,
    ) == ("Dusk push", "minimax", "MiniMax-Hailuo-02", 10, "768P", False, ("[Push in,Zoom out]",))

    compose.apply_settings("kie", "hailuo/2-3-image-to-video-standard", None, 6, "1080P", "something else", None)
    bar.choose("Dusk push")
    picker = compose.picker
    assert (picker.provider(), picker.spec().model, picker.duration(), picker.resolution()) == (
        "minimax",
        "MiniMax-Hailuo-02",
        10,
        "768P",
    )
    assert compose.prompt.text() == "slow dusk [Push in,Zoom out]" and picker.prompt_optimizer() is False

    bar.delete.click()
    box = message_box(qtbot)
    with qtbot.waitSignal(flow.presets_changed, timeout=WAIT_MS) as changed:
        next(b for b in box.buttons() if b.text() == "Delete").click()
    assert changed.args[0] == [] and PresetStore(tmp_path / "home" / "presets.json").load() == []


def test_prompts_per_image_from_a_csv_file_and_variants_for_each_image(
    qtbot, ui_session, simulator_thread, make_task, tmp_path, image_maker
):
    session, flow = started(qtbot, ui_session, simulator_thread, make_task, tmp_path)
    window, compose = session.window, session.window.compose
    compose.apply_settings("kie", "hailuo/2-3-image-to-video-standard", None, 6, "768P", "the main prompt", None)
    first, second = image_maker.png(640, 480, name="one.png"), image_maker.png(640, 480, name="two.png")
    drop(qtbot, session, first, second)
    csv = tmp_path / "prompts.csv"
    csv.write_text("image,prompt\none.png,a fox looks up\nthree.png,nobody\n,empty\n")

    table = opened(qtbot, flow, PromptTableDialog, compose.prompt.per_image_button.click)
    chooser = opened(qtbot, flow, QFileDialog, table.from_csv.click)
    name = chooser.findChild(QLineEdit, "fileNameEdit")  # typed, as a user does
    name.setText(str(csv))
    chooser.accept()
    qtbot.waitUntil(table.problems.isVisible, timeout=WAIT_MS)
    assert table.problems.text().splitlines() == [
        "Line 3: three.png is not in the list of images.",
        "Line 4: no image is named.",
    ]
    assert table.prompts() == {str(first): "a fox looks up"}
    table.accept()
    qtbot.waitUntil(lambda: compose.image_prompts == {str(first): "a fox looks up"}, timeout=WAIT_MS)
    assert "1 with its own prompt" in compose.images_hint.text()

    compose.variants.setValue(2)
    with qtbot.waitSignal(session.controller.tasks_submitted, timeout=WAIT_MS) as submitted:
        assert compose.trigger_generate()
    tasks = submitted.args[0]
    assert [(t.image_path, t.prompt) for t in tasks] == [(str(first), "a fox looks up")] * 2 + [
        (str(second), "the main prompt")
    ] * 2
    assert len({t.batch_id for t in tasks}) == 1 and tasks[0].batch_id is not None
    assert window.tasks.model.total_count() == len(EARLIER) + 4
