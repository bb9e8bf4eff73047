"""Tell the creator when a task or a whole batch is done, even when the window is hidden.

A tray message where the desktop has a system tray; otherwise a status-bar message. A
task that belongs to a batch is announced once, with its batch, not fifty times.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QStatusBar, QSystemTrayIcon

from ..domain.states import TaskState
from ..domain.task import Task
from .tasks.words import prompt_excerpt

TRAY_MS = 8000
STATUS_MS = 15000


class Notifier(QObject):
    def __init__(
        self,
        status_bar: QStatusBar,
        icon: QIcon,
        *,
        enabled: bool = True,
        use_tray: bool | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._status = status_bar
        self.enabled = enabled
        if use_tray is None:
            use_tray = QSystemTrayIcon.isSystemTrayAvailable()
        self._tray = QSystemTrayIcon(icon, self) if use_tray else None
        if self._tray is not None:
            self._tray.setToolTip(self.tr("Hailuo Desktop"))
            self._tray.show()
        self.last_message: tuple[str, str] | None = None  # for tests and the log

    @property
    def uses_tray(self) -> bool:
        return self._tray is not None

    @Slot(object)
    def task_finished(self, task: Task) -> None:
        if task.batch_id:
            return  # announced with its batch, its outcomes counted (batch_flow.py)
        title = {
            TaskState.SUCCEEDED: self.tr("Video ready"),
            TaskState.FAILED: self.tr("Task failed"),
            TaskState.UNKNOWN: self.tr("Task needs a check"),
            TaskState.CANCELLED: self.tr("Task cancelled"),
        }.get(task.state, self.tr("Task finished"))
        self.notify(title, prompt_excerpt(task.prompt))

    def notify(self, title: str, text: str) -> None:
        if not self.enabled:
            return
        self.last_message = (title, text)
        if self._tray is not None:
            self._tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, TRAY_MS)
        else:
            self._status.showMessage(f"{title}: {text}", STATUS_MS)

    def close(self) -> None:
        if self._tray is not None:
            self._tray.hide()
