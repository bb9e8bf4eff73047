"""Under a task the app stopped following: what the runner was doing, Resume and Give up.

Shown for a task the provider has (it has a remote id) that is not being followed now:
"needs a check" after the runner's retry budget, a cancelled task, a polling time-out, a
stopped check or a download that failed. While a task waits between retries, the line says what for and
counts down (the countdown reads the injected clock; the 1 s timer only repaints).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...domain.states import TaskState
from ...domain.task import Task
from .activity import activity_text, needs_check, resumable
from .words import provider_name

TICK_MS = 1000


def tr(text: str) -> str:
    return QCoreApplication.translate("CheckBar", text)


class CheckBar(QWidget):
    resume_requested = Signal(str)
    give_up_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, clock: Callable[[], float] = time.time) -> None:
        super().__init__(parent)
        self.clock = clock
        self.task: Task | None = None
        self.activity = QLabel(self)
        self.activity.setObjectName("taskActivity")
        self.activity.setWordWrap(True)
        self.explain = QLabel(self)
        self.explain.setWordWrap(True)
        self.resume = QPushButton(tr("Resume"), self)
        self.resume.setToolTip(tr("Check this task at the provider again, and save its video when it is ready"))
        self.give_up = QPushButton(tr("Give up"), self)
        self.give_up.setToolTip(tr("Stop checking this task for good (it stays in the list)"))
        self.resume.clicked.connect(lambda: self.task and self.resume_requested.emit(self.task.id))
        self.give_up.clicked.connect(lambda: self.task and self.give_up_requested.emit(self.task.id))
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.resume)
        buttons.addWidget(self.give_up)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.activity)
        column.addWidget(self.explain)
        column.addLayout(buttons)
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self.refresh)
        self.show_task(None)

    def show_task(self, task: Task | None) -> None:
        self.task = task
        self.refresh()

    def refresh(self) -> None:
        task = self.task
        waiting = activity_text(task, self.clock()) if task is not None else None
        stopped = task is not None and resumable(task)
        self.activity.setText(waiting or "")
        self.activity.setVisible(bool(waiting))
        self.explain.setText(self._explain(task) if stopped else "")
        self.explain.setVisible(stopped)
        self.resume.setVisible(stopped)
        self.give_up.setVisible(stopped and task.state is not TaskState.CANCELLED)
        self.setVisible(bool(waiting) or stopped)
        self._tick.start() if waiting else self._tick.stop()

    def _explain(self, task: Task) -> str:
        name = provider_name(task.provider)
        if needs_check(task):
            return tr(
                "The app kept retrying and stopped to free the slot for other tasks. {name} still has "
                "this task. Resume checks it again; Give up stops for good (a video {name} makes later "
                "is not saved)."
            ).format(name=name)
        if task.state is TaskState.CANCELLED:
            return tr(
                "You stopped following this task, but {name} has it and may still finish it (and charge "
                "for it). Resume checks it again and saves its video if it is ready."
            ).format(name=name)
        return tr(
            "{name} still has this task; the app is not checking it now. Resume checks it again; Give "
            "up stops for good."
        ).format(name=name)
