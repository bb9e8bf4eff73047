"""The chain of a take in the detail: the takes it continues, itself, and the takes that
continue it, as a row of buttons (take → next → next). A click jumps to that take.

Only shows: the lineage comes from services.lineage, read by whoever shows the detail.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.states import TaskState
from ..domain.task import Task
from ..services.lineage import Lineage
from .tasks.words import state_text

EXCERPT = 10  # characters of the prompt on a button: three takes fit the detail's width


def _excerpt(task: Task) -> str:
    prompt = " ".join(task.prompt.split())
    return prompt if len(prompt) <= EXCERPT else prompt[: EXCERPT - 1].rstrip() + "…"


class ChainStrip(QWidget):
    """Hidden for a take that continues nothing and that nothing continues."""

    jump_requested = Signal(str)  # a task id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lineage: Lineage | None = None
        self.title = QLabel(self.tr("Shot"), self)
        bold = QFont(self.title.font())
        bold.setBold(True)
        self.title.setFont(bold)
        strip = QWidget(self)
        self.row = QHBoxLayout(strip)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(4)
        scroll = QScrollArea(self)  # a long shot scrolls sideways instead of widening the detail
        scroll.setWidget(strip)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.scroll = scroll
        self.branches = QLabel(self)  # "continued 2 ways": the other continuations
        self.branches.setWordWrap(True)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 4, 0, 4)
        column.addWidget(self.title)
        column.addWidget(scroll)
        column.addWidget(self.branches)
        self.buttons: dict[str, QToolButton] = {}
        self.hide()

    def show_lineage(self, lineage: Lineage | None) -> None:
        self.lineage = lineage
        self._clear()
        if lineage is None or not (lineage.ancestors or lineage.children or lineage.missing_parent):
            self.hide()
            return
        if lineage.missing_parent:
            self._arrow(self.tr("(removed take) →"))
        for number, take in enumerate(lineage.ancestors, start=1):
            self._take(take, str(number), current=False)
            self._arrow("→")
        here = len(lineage.ancestors) + 1
        self._take(lineage.task, str(here), current=True)
        if lineage.children:
            self._arrow("→")
            branches = len(lineage.children) > 1  # alternatives for the next take: 3a, 3b, ...
            for index, child in enumerate(lineage.children):
                letter = chr(ord("a") + index) if branches and index < 26 else ""
                self._take(child, f"{here + 1}{letter}", current=False)
        self.row.addStretch(1)
        self.title.setText(self.tr("Shot · this is take {n}").format(n=len(lineage.ancestors) + 1))
        self.scroll.setFixedHeight(self.row.sizeHint().height() + self.scroll.horizontalScrollBar().sizeHint().height())
        many = len(lineage.children) > 1
        self.branches.setText(
            self.tr("Continued %n ways: each button is one continuation.", "", len(lineage.children)) if many else ""
        )
        self.branches.setVisible(many)
        self.show()

    def _take(self, task: Task, number: str, *, current: bool) -> None:
        button = QToolButton(self)
        button.setText(f"{number}. {_excerpt(task)}")
        button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        button.setToolTip(
            self.tr("{state} · {prompt}\nTask {id}").format(
                state=state_text(task.state), prompt=task.prompt, id=task.id
            )
        )
        if current:
            button.setCheckable(True)
            button.setChecked(True)  # drawn pressed: the take shown (a click keeps it so)
            button.clicked.connect(lambda _=False, b=button: b.setChecked(True))
            font = button.font()
            font.setBold(True)
            button.setFont(font)
            button.setAccessibleDescription(self.tr("the take shown"))
        else:
            button.clicked.connect(lambda _=False, tid=task.id: self.jump_requested.emit(tid))
        if task.state is not TaskState.SUCCEEDED:
            font = button.font()
            font.setItalic(True)
            button.setFont(font)
        self.buttons[task.id] = button
        self.row.addWidget(button)

    def _arrow(self, text: str) -> None:
        arrow = QLabel(text, self)
        arrow.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.row.addWidget(arrow)

    def _clear(self) -> None:
        while self.row.count():
            item = self.row.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()
                item.widget().deleteLater()
        self.buttons = {}
