"""The window at 1024x640 and with the keyboard only: nothing clipped, sensible splitters,
Tab leaves the list, every take action in a menu with its shortcut, and no two controls
or menu entries sharing a mnemonic or a shortcut."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QLabel,
    QMenu,
    QSplitter,
    QWidget,
)

from hailuo_desktop.domain.states import TaskState

pytestmark = pytest.mark.gui
WAIT_MS = 15_000
SMALL = (1024, 640)
_MNEMONIC = re.compile(r"&([^&])")


def mnemonic(text: str) -> str | None:
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


@pytest.fixture
def small_window(qtbot, ui_session, simulator_thread, make_task, clip_maker, tmp_path):
    session = ui_session(simulator_thread.api_url, home=tmp_path / "home")
    store = session.store
    tasks = [
        make_task(
            TaskState.SUCCEEDED,
            video_path=str(clip_maker(n)),
            prompt="a long prompt about waves rolling in under a pink sky while the camera pushes in slowly [Push in]",
        )
        for n in range(3)
    ]
    tasks.append(make_task(TaskState.FAILED))
    store.add_many(tasks)
    window = session.window
    window.resize(*SMALL)
    qtbot.waitUntil(
        lambda: window.size().width() == SMALL[0] and window.tasks.model.total_count() == 4, timeout=WAIT_MS
    )
    window.tasks.select(tasks[0].id)
    QTest.qWait(50)  # layouts settle (nothing to wait on: the sizes simply follow)
    return session, [t.id for t in tasks]


def _inside_a_scroll_area(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def clipped(window) -> list[str]:
    problems = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window:
            continue
        name = f"{type(widget).__name__} {getattr(widget, 'text', lambda: '')() or widget.objectName()!r}"
        if isinstance(widget, (QAbstractButton, QComboBox)) and widget.width() < widget.minimumSizeHint().width():
            problems.append(f"{name}: {widget.width()} px wide, needs {widget.minimumSizeHint().width()}")
        if isinstance(widget, QAbstractButton) and widget.text() and widget.width() < widget.sizeHint().width() - 2:
            problems.append(f"{name}: text cut ({widget.width()} < {widget.sizeHint().width()})")
        if isinstance(widget, (QAbstractButton, QComboBox)) and widget.height() < widget.minimumSizeHint().height() - 1:
            problems.append(f"{name}: {widget.height()} px high, needs {widget.minimumSizeHint().height()}")
        if isinstance(widget, QAbstractItemView) and widget.height() < widget.minimumHeight():
            problems.append(f"{name}: squeezed to {widget.height()} px, its minimum is {widget.minimumHeight()}")
        if not _inside_a_scroll_area(widget):
            top_left = widget.mapTo(window, widget.rect().topLeft())
            if (
                top_left.x() + widget.width() > window.width() + 1
                or top_left.y() + widget.height() > window.height() + 1
            ):
                problems.append(f"{name}: outside the window")
    return problems


def test_nothing_is_clipped_at_1024_by_640(qtbot, small_window):
    session, _ids = small_window
    window = session.window
    problems = clipped(window)
    assert not problems, "\n".join(problems)
    for splitter in window.findChildren(QSplitter):
        for n in range(splitter.count()):
            child = splitter.widget(n)
            hint = child.minimumSizeHint()
            size = child.width() if splitter.orientation() == Qt.Orientation.Horizontal else child.height()
            need = hint.width() if splitter.orientation() == Qt.Orientation.Horizontal else hint.height()
            assert size >= need, (type(child).__name__, size, need)
    table = window.tasks.table
    assert table.horizontalHeader().sectionSize(0) >= 120  # the prompt stays readable
    assert not table.horizontalScrollBar().isVisible()


def test_the_grid_fits_at_1024_by_640(qtbot, small_window):
    session, _ids = small_window
    session.shell.workspace.show_grid(True)
    QTest.qWait(50)
    problems = clipped(session.window)
    assert not problems, "\n".join(problems)
    grid = session.shell.workspace.grid
    assert not grid.horizontalScrollBar().isVisible()


def test_tab_leaves_the_list_in_one_press(qtbot, small_window):
    session, _ids = small_window
    table = session.window.tasks.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus, timeout=WAIT_MS)
    QTest.keyClick(table, Qt.Key.Key_Tab)
    assert not table.hasFocus()


def _menus(window) -> list[QMenu]:
    menus = []
    for action in window.menuBar().actions():
        menu = action.menu()
        if menu is not None:
            menu.aboutToShow.emit()  # menus filled as they open (the Take menu)
            menus.append(menu)
    return menus


def test_no_two_menu_entries_or_controls_share_a_mnemonic(qtbot, small_window):
    session, _ids = small_window
    window = session.window
    clashes = []
    titles = defaultdict(list)
    for action in window.menuBar().actions():
        titles[mnemonic(action.text())].append(action.text())
    clashes += [names for key, names in titles.items() if key and len(names) > 1]
    for menu in _menus(window):
        keys = defaultdict(list)
        for action in menu.actions():
            if action.text():
                keys[mnemonic(action.text())].append(action.text())
        clashes += [names for key, names in keys.items() if key and len(names) > 1]
        assert None not in keys, (menu.title(), keys[None])  # every entry has a mnemonic
    controls = defaultdict(list)
    for widget in window.findChildren(QWidget):
        if isinstance(widget, (QAbstractButton, QLabel)) and widget.isVisibleTo(window):
            key = mnemonic(widget.text()) if isinstance(widget, QAbstractButton) or widget.buddy() else None
            if key:
                controls[key].append(widget.text())
    clashes += [names for names in controls.values() if len(names) > 1]
    assert not clashes, "\n".join(map(str, clashes))


def test_every_take_action_is_in_a_menu_with_one_shortcut_each(qtbot, small_window):
    session, _ids = small_window
    window = session.window
    in_menus = {a for menu in _menus(window) for a in menu.actions()}
    for action in window.takes.actions():
        assert action in in_menus, action.text()
    shortcuts = defaultdict(set)
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            shortcuts[key.toString(QKeySequence.SequenceFormat.PortableText)].add(action.text())
    clashes = {key: names for key, names in shortcuts.items() if len(names) > 1}
    assert clashes == {}
    workspace = session.shell.workspace
    for action in (
        workspace.star,
        workspace.reject,
        workspace.compare,
        workspace.copy,
        workspace.export,
        workspace.cancel,
        window.actions.remove_task,
    ):
        assert not action.shortcut().isEmpty(), action.text()


def test_a_hint_under_the_images_does_not_move_the_list(qtbot, small_window):
    from PySide6.QtWidgets import QApplication

    session, _ids = small_window
    compose = session.window.compose
    before = compose.image_view.geometry()
    QApplication.clipboard().clear()
    compose.paste_from_clipboard()  # nothing to paste: a one-line hint appears
    assert compose.images_hint.isVisible() and "clipboard" in compose.images_hint.text()
    QTest.qWait(20)
    assert compose.image_view.geometry() == before
