"""The actions that apply to selected takes, in one place shared by every view of the takes.

The task list, the results grid and the detail each tell this registry which takes are
selected, in the order the user picked them (a join follows that order). Every feature
registers its QAction once with a rule saying for which selections it applies; the
registry enables the actions for the current selection and fills the context menu of
any view with them, so a new entry shows in the list, the grid and the menu bar at once.

An action's handler reads `take_actions.tasks()` when it is triggered.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QMenu, QWidget

from ..domain.states import TaskState
from ..domain.task import Task

Rule = Callable[[Sequence[Task]], bool]


def one_finished(tasks: Sequence[Task]) -> bool:
    """Exactly one take, finished with its video saved."""
    return len(tasks) == 1 and tasks[0].state is TaskState.SUCCEEDED and bool(tasks[0].video_path)


def any_selected(tasks: Sequence[Task]) -> bool:
    return bool(tasks)


def all_finished(tasks: Sequence[Task]) -> bool:
    return bool(tasks) and all(t.state is TaskState.SUCCEEDED and t.video_path for t in tasks)


@dataclass
class _Entry:
    action: QAction
    applies: Rule
    group: str


class TakeActions(QObject):
    """The selection of takes and the actions registered for it."""

    selection_changed = Signal()

    def __init__(self, host: QWidget | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._host = host  # the window: a registered action's shortcut works anywhere in it
        self._entries: list[_Entry] = []
        self._tasks: list[Task] = []
        self.last_menu: QMenu | None = None  # the menu shown last (tests drive it)

    # --- registering -------------------------------------------------------------------
    def register(self, action: QAction, applies: Rule = any_selected, *, group: str = "") -> QAction:
        """Add an action to every take menu; `group` names the section it is listed in."""
        self._entries.append(_Entry(action, applies, group))
        if self._host is not None:
            self._host.addAction(action)
        action.setEnabled(self._applies(applies))
        return action

    def actions(self) -> list[QAction]:
        return [entry.action for entry in self._entries]

    # --- the selection -----------------------------------------------------------------
    def select(self, tasks: Sequence[Task]) -> None:
        """The takes now selected, in the user's order (a view calls this on every change)."""
        self._tasks = list(tasks)
        self._refresh()
        self.selection_changed.emit()

    def update_task(self, task: Task | None, task_id: str) -> None:
        """A selected take changed in the store (None: it was removed)."""
        if not any(t.id == task_id for t in self._tasks):
            return
        self.select([task if t.id == task_id else t for t in self._tasks if task is not None or t.id != task_id])

    def tasks(self) -> list[Task]:
        return list(self._tasks)

    def task(self) -> Task | None:
        """The one selected take, or None when none or several are selected."""
        return self._tasks[0] if len(self._tasks) == 1 else None

    # --- menus -------------------------------------------------------------------------
    def fill(self, menu: QMenu) -> None:
        """Add every registered action, sections separated, enabled for the selection."""
        self._refresh()
        group = None
        for entry in self._entries:
            if group is not None and entry.group != group:
                menu.addSeparator()
            group = entry.group
            menu.addAction(entry.action)

    def attach(self, view: QAbstractItemView, selected: Callable[[], Sequence[Task]]) -> None:
        """Give `view` the take menu on right-click; `selected` reads its selection then."""
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(lambda pos, v=view: self._popup(v, selected, pos))

    def keep_filled(self, menu: QMenu) -> None:
        """A menu-bar menu that lists the take actions each time it opens."""
        menu.aboutToShow.connect(lambda m=menu: (m.clear(), self.fill(m)))

    def menu_for(self, parent: QWidget) -> QMenu:
        menu = QMenu(parent)
        self.fill(menu)
        return menu

    def _popup(self, view: QAbstractItemView, selected: Callable[[], Sequence[Task]], pos: QPoint) -> None:
        self.select(selected())
        if not self._tasks:
            return
        menu = self.menu_for(view)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_menu = menu
        menu.popup(view.viewport().mapToGlobal(pos))

    # --- helpers -----------------------------------------------------------------------
    def _applies(self, rule: Rule) -> bool:
        return bool(rule(self._tasks))

    def _refresh(self) -> None:
        for entry in self._entries:
            entry.action.setEnabled(self._applies(entry.applies))
