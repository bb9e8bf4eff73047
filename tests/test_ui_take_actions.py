"""The shared take menu: one registry, the list's right-click, selection in pick order."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QAction

from hailuo_desktop.domain.states import TaskState
from hailuo_desktop.ui.take_actions import TakeActions, all_finished, one_finished
from hailuo_desktop.ui.tasks.bridge import StoreBridge
from hailuo_desktop.ui.tasks.model import TaskListModel
from hailuo_desktop.ui.tasks.panel import TaskListPanel

pytestmark = pytest.mark.gui


@pytest.fixture
def panel(owner, task_store, make_task, qtbot):
    task_store.add_many(
        [make_task(TaskState.SUCCEEDED, video_path=f"/videos/{n}.mp4") for n in range(3)]
        + [make_task(TaskState.RUNNING)]
    )
    bridge = StoreBridge(task_store, owner)
    panel = TaskListPanel(TaskListModel(task_store, bridge, parent=owner), bridge, owner)
    owner.show()
    yield panel
    bridge.close()


def row_id(panel, row: int) -> str:
    return panel.model.id_at(row)


def test_selection_keeps_the_order_the_user_picked(panel, qtbot):
    table, select = panel.table, panel.table.selectionModel()
    picks = [row_id(panel, r) for r in (2, 0, 1)]
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for task_id in picks:
        select.select(panel.model.index_of(task_id), flags)
    assert panel.selected_ids() == picks
    assert panel.selected_id() == picks[-1]  # the detail shows the take picked last
    select.select(
        panel.model.index_of(picks[0]),
        QItemSelectionModel.SelectionFlag.Deselect | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert panel.selected_ids() == picks[1:]
    table.clearSelection()
    assert panel.selected_ids() == [] and panel.selected_id() is None


def test_actions_follow_the_selection_and_fill_the_right_click_menu(panel, owner, qtbot):
    takes = TakeActions(owner, owner)
    one = takes.register(QAction("One finished", owner), one_finished, group="a")
    every = takes.register(QAction("All finished", owner), all_finished, group="b")
    takes.attach(panel.table, panel.selected_tasks)
    panel.selection_changed.connect(lambda _ids: takes.select(panel.selected_tasks()))
    assert not one.isEnabled() and not every.isEnabled()

    running = next(r for r in range(4) if panel.model.task_at(r).state is TaskState.RUNNING)
    done = [r for r in range(4) if r != running]
    panel.select(row_id(panel, done[0]))
    assert one.isEnabled() and every.isEnabled()
    panel.table.selectionModel().select(
        panel.model.index(done[1], 0), QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    )
    assert not one.isEnabled() and every.isEnabled()  # two takes: a join, not a continue
    assert [t.id for t in takes.tasks()] == [row_id(panel, done[0]), row_id(panel, done[1])]

    panel.select(row_id(panel, running))
    rect = panel.table.visualRect(panel.model.index(running, 0))
    panel.table.customContextMenuRequested.emit(rect.center())
    menu = takes.last_menu
    assert menu is not None and menu.isVisible()
    texts = [a.text() for a in menu.actions()]
    assert texts == ["One finished", "", "All finished"]  # sections separated
    assert not any(a.isEnabled() for a in menu.actions() if a.text())  # a running take: nothing applies
    menu.close()


def test_a_selected_take_that_finishes_enables_its_actions(panel, owner, task_store):
    takes = TakeActions(owner, owner)
    one = takes.register(QAction("One finished", owner), one_finished)
    running = next(t for t in task_store.list() if t.state is TaskState.RUNNING)
    takes.select([running])
    assert not one.isEnabled()
    done = task_store.update(running.id, state=TaskState.SUCCEEDED, video_path="/videos/x.mp4")
    takes.update_task(done, done.id)
    assert one.isEnabled() and takes.task() == done
    takes.update_task(None, done.id)  # removed from the list
    assert takes.tasks() == [] and not one.isEnabled()
