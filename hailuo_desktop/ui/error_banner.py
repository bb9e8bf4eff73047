"""The one place errors appear: a banner across the top of the window.

It shows what happened, the next step as a button (enter a key, top up, change the
prompt, try later...), and "Copy details" for the technical part. A new error replaces
the old one: the creator sees the latest problem, never a pile of dialogs.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

from .errors import NextStep, UserMessage


def _step_label(step: NextStep, tr) -> str:
    return {
        NextStep.ENTER_KEY: tr("Enter a key…"),
        NextStep.TOP_UP: tr("Top up…"),
        NextStep.EDIT_PROMPT: tr("Edit the prompt"),
        NextStep.OPEN_SETTINGS: tr("Settings…"),
        NextStep.TRY_LATER: tr("Try again"),
        NextStep.RETRY: tr("Retry"),
        NextStep.CHECK_DASHBOARD: tr("Open dashboard…"),
    }[step]


class ErrorBanner(QFrame):
    next_step_requested = Signal(object, object)  # NextStep, UserMessage

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.message: UserMessage | None = None
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.text = QLabel()
        for label in (self.title, self.text):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.step = QPushButton()
        self.step.setToolTip(self.tr("The next step for this problem"))
        self.step.clicked.connect(self._on_step)
        self.copy = QPushButton(self.tr("Copy details"))
        self.copy.setToolTip(self.tr("Copy the technical details (no key is ever included)"))
        self.copy.clicked.connect(self._copy)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setToolTip(self.tr("Dismiss"))
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.dismiss)
        self._lay_out()
        self._tint()
        self.hide()

    def _lay_out(self) -> None:
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(self.title)
        words.addWidget(self.text)
        row = QHBoxLayout(self)
        row.addLayout(words, 1)
        row.addWidget(self.step, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.copy, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)

    def _tint(self) -> None:
        # A warm tint blended from the system palette, so it reads in light and dark themes.
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Window)
        warm = base.toHsl()
        lightness = warm.lightness()
        tinted = warm.fromHsl(8, 160, lightness - 25 if lightness > 128 else lightness + 25)
        palette.setColor(QPalette.ColorRole.Window, tinted)
        self.setPalette(palette)

    def show_message(self, message: UserMessage) -> None:
        self.message = message
        self.title.setText(message.title)
        self.text.setText(message.text)
        self.step.setVisible(message.action is not None)
        if message.action is not None:
            self.step.setText(_step_label(message.action, self.tr))
        self.copy.setVisible(bool(message.details))
        self.show()

    def dismiss(self) -> None:
        self.message = None
        self.hide()

    def _on_step(self) -> None:
        if self.message is not None and self.message.action is not None:
            self.next_step_requested.emit(self.message.action, self.message)

    def _copy(self) -> None:
        if self.message is not None:
            QGuiApplication.clipboard().setText(self.message.details)
