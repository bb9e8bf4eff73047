"""The workspace in the real window: triage keys, multi-select actions, grid toggle, compare,
copy and export, over a real store with real clips (the app's own composition root)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from hailuo_desktop.domain.states import TaskState
from hailuo_desktop.ui.workspace.export_dialog import ExportDialog
from tests.fixtures.ui import close_session

pytestmark = pytest.mark.gui
WAIT_MS = 15_000


@pytest.fixture
def session_with_takes(qtbot, ui_session, simulator_thread, make_task, clip_maker, tmp_path):
    session = ui_session(simulator_thread.api_url, home=tmp_path / "home")
    store = session.store
    tasks = [
        make_task(TaskState.SUCCEEDED, video_path=str(clip_maker(n)), prompt=f"take number {n} [Push in]")
        for n in range(4)
    ]
    tasks.append(make_task(TaskState.FAILED))
    store.add_many(tasks)
    qtbot.waitUntil(lambda: session.window.tasks.model.total_count() == 5, timeout=WAIT_MS)
    session.window.activateWindow()
    return session, [t.id for t in tasks]


def press(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=WAIT_MS)
    QTest.keyClick(widget, key, modifier)


def test_single_keys_star_and_reject_every_selected_take(qtbot, session_with_takes):
    session, ids = session_with_takes
    store, panel = session.store, session.window.tasks
    panel.select_many(ids[:3])
    press(qtbot, panel.table, Qt.Key.Key_S)
    assert [store.get(i).starred for i in ids] == [True, True, True, False, False]
    press(qtbot, panel.table, Qt.Key.Key_S)  # all starred: the key takes the stars off
    assert not any(store.get(i).starred for i in ids)
    panel.select_many([ids[3]])
    press(qtbot, panel.table, Qt.Key.Key_X)
    assert store.get(ids[3]).rejected
    # Typing in the search field never stars anything.
    panel.select_many([ids[0]])
    press(qtbot, panel.search, Qt.Key.Key_S)
    assert panel.search.text() == "s" and not store.get(ids[0]).starred


def test_delete_and_cancel_act_on_the_whole_selection(qtbot, session_with_takes):
    session, ids = session_with_takes
    store, panel = session.store, session.window.tasks
    panel.select_many([ids[1], ids[4]])
    press(qtbot, panel.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: store.count() == 3, timeout=WAIT_MS)
    assert set(store.ids()) == {ids[0], ids[2], ids[3]}


def test_the_grid_toggle_is_remembered_for_the_next_start(
    qtbot, session_with_takes, ui_session, simulator_thread, tmp_path
):
    session, ids = session_with_takes
    workspace, panel = session.shell.workspace, session.window.tasks
    assert panel.view is panel.table
    press(qtbot, panel.table, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert panel.view is workspace.grid and workspace.grid.isVisible()
    panel.select_many([ids[2]])
    assert [i.row() for i in workspace.grid.selectionModel().selectedRows()] == [panel.model.row_of(ids[2])]
    close_session(qtbot, session)
    again = ui_session(simulator_thread.api_url, home=tmp_path / "home")
    assert again.window.tasks.view is again.shell.workspace.grid
    assert again.shell.workspace.grid_toggle.isChecked()


def test_c_compares_the_selection_and_a_number_keeps_one(qtbot, session_with_takes):
    session, ids = session_with_takes
    store, panel, workspace = session.store, session.window.tasks, session.shell.workspace
    panel.select_many([ids[0], ids[1], ids[2]])
    press(qtbot, panel.table, Qt.Key.Key_C)
    view = workspace.compare_view
    assert view is not None and view.isVisible()
    assert [p.task.id for p in view.panes] == [ids[0], ids[1], ids[2]]  # in the order picked
    qtbot.waitUntil(lambda: all(p.player.duration() > 0 for p in view.panes), timeout=WAIT_MS)
    press(qtbot, view, Qt.Key.Key_2)
    assert store.get(ids[1]).starred and not store.get(ids[1]).rejected
    assert store.get(ids[0]).rejected and store.get(ids[2]).rejected
    assert "kept" in view.panes[1].title.text() and "rejected" in view.panes[0].title.text()
    view.close()


def test_ctrl_c_copies_the_selected_videos_as_files(qtbot, session_with_takes):
    session, ids = session_with_takes
    store, panel = session.store, session.window.tasks
    panel.select_many([ids[3], ids[0], ids[4]])  # the failed take has no file and is left out
    press(qtbot, panel.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    urls = QApplication.clipboard().mimeData().urls()
    # Offscreen Qt 6.11 crashes at exit while its clipboard holds mime data (xcb does not).
    QApplication.clipboard().clear()
    assert [u.toLocalFile() for u in urls] == [store.get(ids[3]).video_path, store.get(ids[0]).video_path]


def test_export_dialog_writes_named_tagged_copies_with_sidecars(qtbot, session_with_takes, tmp_path):
    session, ids = session_with_takes
    store, panel = session.store, session.window.tasks
    panel.select_many([ids[0], ids[2]])
    press(qtbot, panel.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(session.window.findChildren(ExportDialog)), timeout=WAIT_MS)
    dialog = session.window.findChildren(ExportDialog)[0]
    out = tmp_path / "exported"
    dialog.folder.setText(str(out))
    dialog.template.setText("{prompt:20}_{n}/x.mp4")
    assert not dialog.export.isEnabled() and "path separator" in dialog.preview.text()
    dialog.template.setText("{n}_{prompt:20}_{provider}.mp4")
    assert dialog.preview.text() == "1_take-number-0-Push_kie.mp4"
    dialog.export.click()
    qtbot.waitUntil(lambda: len(list(out.glob("*.json"))) == 2, timeout=WAIT_MS)
    videos = sorted(out.glob("*.mp4"))
    assert [v.name for v in videos] == ["1_take-number-0-Push_kie.mp4", "2_take-number-2-Push_kie.mp4"]
    tags = json.loads(
        subprocess.run(
            ["ffprobe", "-v", "error", "-show_entries", "format_tags", "-of", "json", str(videos[1])],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    assert tags["format"]["tags"]["comment"] == store.get(ids[2]).prompt
    sidecar = json.loads(Path(videos[1]).with_suffix(".json").read_text())
    assert sidecar["task_id"] == ids[2]


def test_a_drag_from_the_list_names_the_selected_takes_files(qtbot, session_with_takes):
    from hailuo_desktop.ui.workspace.drag import drag_for

    session, ids = session_with_takes
    store, panel = session.store, session.window.tasks
    panel.select_many([ids[1], ids[4], ids[2]])
    drag = drag_for(panel.table)
    files = sorted(u.toLocalFile() for u in drag.mimeData().urls())
    assert files == sorted([store.get(ids[1]).video_path, store.get(ids[2]).video_path])


def test_cancel_stops_every_selected_running_take(qtbot, ui_session, simulator_thread, make_task, tmp_path):
    session = ui_session(simulator_thread.api_url, home=tmp_path / "cancel-home")
    with qtbot.waitSignal(session.controller.balance_shown, timeout=WAIT_MS):
        pass  # start-up has resumed what it found: the tasks added now are not followed
    store, panel = session.store, session.window.tasks
    running = [make_task(TaskState.RUNNING) for _ in range(2)]
    done = make_task(TaskState.SUCCEEDED)
    store.add_many([*running, done])  # added after start-up: nothing follows them yet
    qtbot.waitUntil(lambda: panel.model.total_count() == 3, timeout=WAIT_MS)
    panel.select_many([t.id for t in (*running, done)])
    assert session.shell.workspace.cancel.isEnabled()
    press(qtbot, panel.table, Qt.Key.Key_Period, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: any(isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets()),
        timeout=WAIT_MS,
    )
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
    assert box.windowTitle() == "Stop following 2 takes?"  # one question for the selection
    next(b for b in box.buttons() if b.text() == "Stop following").click()
    qtbot.waitUntil(lambda: all(store.get(t.id).state is TaskState.CANCELLED for t in running), timeout=WAIT_MS)
    assert store.get(done.id).state is TaskState.SUCCEEDED


def test_return_opens_the_video_from_the_list_but_not_from_the_search_field(qtbot, session_with_takes):
    session, ids = session_with_takes
    panel, workspace = session.window.tasks, session.shell.workspace
    opened = []
    workspace.open_video.triggered.connect(lambda: opened.append(1))
    panel.select_many([ids[0]])
    press(qtbot, panel.search, Qt.Key.Key_Return)
    assert opened == []
    press(qtbot, panel.table, Qt.Key.Key_Return)
    assert opened == [1]
