"""The main window. It only lays out: compose on the left, the task list and the task detail
on the right, the one error banner on top, menus from `actions.py`. Geometry and splitter
positions are remembered with QSettings. Colours come from the system palette.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QSplitter, QVBoxLayout, QWidget

from .actions import Actions, build_actions
from .error_banner import ErrorBanner
from .take_actions import TakeActions
from .tasks.detail import TaskDetail
from .tasks.panel import TaskListPanel

MINIMUM_SIZE = (1000, 640)
DEFAULT_SIZE = (1280, 800)


class MainWindow(QMainWindow):
    closed = Signal()  # the window closed for good (the guard agreed)

    def __init__(
        self,
        compose: QWidget,
        tasks: TaskListPanel,
        detail: TaskDetail,
        qsettings: QSettings,
        *,
        demo: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.compose = compose
        self.tasks = tasks
        self.detail = detail
        self.actions: Actions = build_actions(self)
        self.takes = TakeActions(self, self)  # actions on the selected takes: menus of every view
        self.banner = ErrorBanner()
        self._qsettings = qsettings
        self.close_guard: Callable[[], bool] = lambda: True  # the controller may veto a close
        title = self.tr("Hailuo Desktop")
        self.setWindowTitle(
            self.tr("{title} — demo (simulated, nothing is charged)").format(title=title) if demo else title
        )
        self.setMinimumSize(*MINIMUM_SIZE)
        self._lay_out()
        self._build_menus()
        self._bind_scoped_shortcuts()
        self.takes.attach(self.tasks.table, self.tasks.selected_tasks)
        self.tasks.selection_changed.connect(lambda _ids: self.takes.select(self.tasks.selected_tasks()))
        self.statusBar()
        self._restore()

    def _lay_out(self) -> None:
        # The list gets the full width for its columns; the detail sits under it.
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.addWidget(self.tasks)
        self.right.addWidget(self.detail)
        self.right.setStretchFactor(0, 1)
        self.right.setStretchFactor(1, 1)
        self.main = QSplitter(Qt.Orientation.Horizontal)
        # Compose scrolls its own body on a short screen; it is never narrower than its controls need.
        self.compose.setMinimumWidth(max(self.compose.minimumWidth(), self.compose.minimumSizeHint().width()))
        self.main.addWidget(self.compose)
        self.main.addWidget(self.right)
        self.main.setStretchFactor(0, 0)
        self.main.setStretchFactor(1, 1)
        self.main.setChildrenCollapsible(False)
        self.right.setChildrenCollapsible(False)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(6, 6, 6, 6)
        column.addWidget(self.banner)
        column.addWidget(self.main, 1)
        self.setCentralWidget(central)

    def _build_menus(self) -> None:
        a = self.actions
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([a.open_images, a.paste])
        file_menu.addSeparator()
        file_menu.addAction(a.try_demo)
        file_menu.addSeparator()
        file_menu.addAction(a.quit)
        self.tasks_menu = tasks_menu = bar.addMenu(self.tr("&Tasks"))
        tasks_menu.addActions([a.generate, a.search, a.remove_task])
        self.takes_menu = bar.addMenu(self.tr("T&ake"))
        self.takes.keep_filled(self.takes_menu)
        settings_menu = bar.addMenu(self.tr("&Settings"))
        settings_menu.addActions([a.settings, a.notifications])
        for action in (a.open_images, a.generate, a.settings, a.search, a.quit):
            self.addAction(action)  # window-wide shortcuts, menu bar or not

    def _bind_scoped_shortcuts(self) -> None:
        # Delete removes a task only while the task list has focus, and Ctrl+V over the task
        # side pastes into compose (the compose panel handles Ctrl+V over itself).
        self.tasks.addAction(self.actions.remove_task)
        self.actions.paste.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for widget in (self.tasks, self.detail, self.banner):
            widget.addAction(self.actions.paste)

    # --- geometry --------------------------------------------------------------------
    def _restore(self) -> None:
        geometry = self._qsettings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(*DEFAULT_SIZE)
            self.main.setSizes([400, 880])
            self.right.setSizes([430, 350])
        for name, splitter in (("window/main", self.main), ("window/right", self.right)):
            state = self._qsettings.value(name)
            if state is not None:
                splitter.restoreState(state)

    def save_geometry(self) -> None:
        self._qsettings.setValue("window/geometry", self.saveGeometry())
        self._qsettings.setValue("window/main", self.main.saveState())
        self._qsettings.setValue("window/right", self.right.saveState())
        self._qsettings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.close_guard():
            event.ignore()
            return
        self.save_geometry()
        event.accept()
        self.closed.emit()
