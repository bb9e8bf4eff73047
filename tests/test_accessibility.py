"""Every control of the main window, the settings and the dialogs has an accessible name and
description (what a screen reader says), and a task row reads as state, progress, prompt.

The walk asks Qt's accessibility layer itself (QAccessible), so a name derived from a
button's text or a field's buddy label counts, as it does for a screen reader."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from hailuo_desktop.domain.states import TaskState
from hailuo_desktop.ui.errors import UserMessage
from hailuo_desktop.ui.first_run import FirstRunDialog
from hailuo_desktop.ui.workspace.export_dialog import ExportDialog

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QAbstractSlider,
    QPlainTextEdit,
    QTextEdit,
)
WAIT_MS = 10000


def is_qt_inside(widget: QWidget) -> bool:
    """Parts Qt builds inside a control (a spin box's field, a combo's popup, a header, a
    line edit's clear button): the control speaks for them."""
    if isinstance(widget, (QScrollBar, QHeaderView)) or widget.objectName().startswith("qt_"):
        return True
    parent = widget.parent()
    while parent is not None:
        if isinstance(parent, (QAbstractSpinBox, QComboBox, QLineEdit, QScrollBar)):
            return True
        parent = parent.parent()
    return False


def unspoken(root: QWidget) -> list[str]:
    """Visible controls under `root` with no accessible name or no description."""
    problems = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, CONTROLS) or not widget.isVisible() or is_qt_inside(widget):
            continue
        face = QAccessible.queryAccessibleInterface(widget)
        name, description = face.text(QAccessible.Text.Name), face.text(QAccessible.Text.Description)
        if not name.strip() or not description.strip():
            problems.append(
                f"{type(widget).__name__} in {type(widget.parent()).__name__}: "
                f"name={name!r} description={description!r}"
            )
    return problems


def every_tab(root: QWidget) -> list[str]:
    problems = unspoken(root)
    for tabs in root.findChildren(QTabWidget):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            problems += unspoken(tabs.widget(index))
    return problems


def test_the_main_window_in_its_states_speaks_for_every_control(
    qtbot, ui_session, simulator_thread, make_task, tmp_path
):
    session = ui_session(simulator_thread.api_url)
    window = session.window
    qtbot.waitUntil(window.isVisible)
    store = session.store
    store.add(make_task(TaskState.FAILED))
    store.add(make_task(TaskState.SUCCEEDED, video_path=str(tmp_path / "missing.mp4")))
    qtbot.waitUntil(lambda: window.tasks.table.model().rowCount() == 2, timeout=WAIT_MS)
    window.tasks.table.selectRow(0)
    window.banner.show_message(UserMessage("The key was refused", "Enter a new key.", None, "details"))
    problems = unspoken(window)
    session.shell.workspace.grid_toggle.trigger()  # the grid of takes instead of the list
    problems += unspoken(window)
    assert problems == [], "\n".join(problems)


def test_settings_and_dialogs_speak_for_every_control(qtbot, ui_session, simulator_thread, make_task, tmp_path):
    session = ui_session(simulator_thread.api_url)
    settings = session.controller.settings_flow.open()
    qtbot.waitUntil(settings.isVisible)
    problems = every_tab(settings)
    settings.reject()
    first_run = FirstRunDialog(session.window)
    first_run.show()
    problems += unspoken(first_run)
    first_run.reject()
    export = ExportDialog(
        [make_task(TaskState.SUCCEEDED)],
        QSettings(str(tmp_path / "x.ini"), QSettings.Format.IniFormat),
        str(tmp_path),
        session.window,
    )
    export.show()
    problems += unspoken(export)
    export.reject()
    problems += other_dialogs(session.window, make_task)
    assert problems == [], "\n".join(problems)


def other_dialogs(window, make_task) -> list[str]:
    """Join (two takes), per-image prompts, the cost ledger: each shown, walked, closed."""
    from fractions import Fraction

    from hailuo_desktop.services.media.probe import VideoInfo
    from hailuo_desktop.ui.compose.prompt_table_dialog import PromptTableDialog
    from hailuo_desktop.ui.join_dialog import JoinDialog
    from hailuo_desktop.ui.money.ledger_dialog import LedgerDialog

    takes = [make_task(TaskState.SUCCEEDED, video_path=f"/videos/take{n}.mp4") for n in (1, 2)]
    info = VideoInfo("h264", 1280, 720, Fraction(24), 144, 6.0, False, "yuv420p")
    dialogs = [
        JoinDialog(takes, {t.id: info for t in takes}, "/videos", "joined.mp4", window),
        PromptTableDialog(["/images/a.png", "/images/b.png"], {"/images/a.png": "a cat"}, window),
        LedgerDialog([], window),
    ]
    problems = []
    for dialog in dialogs:
        dialog.show()
        problems += unspoken(dialog)
        dialog.reject()
    return problems


def test_a_task_row_reads_state_progress_and_prompt(qtbot, ui_session, simulator_thread, make_task):
    session = ui_session(simulator_thread.api_url)
    session.store.add(make_task(TaskState.FAILED, prompt="a red kite over the dunes"))
    table = session.window.tasks.table
    qtbot.waitUntil(lambda: table.model().rowCount() == 1, timeout=WAIT_MS)
    spoken = {
        table.model().index(0, column).data(Qt.ItemDataRole.AccessibleTextRole)
        for column in range(table.model().columnCount())
    }
    assert len(spoken) == 1  # the same sentence whichever cell has focus
    [sentence] = spoken
    assert sentence.startswith("Failed, ") and sentence.endswith("a red kite over the dunes")
