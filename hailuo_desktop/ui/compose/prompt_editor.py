"""The prompt box: a live count against the model's limit and a camera-movement menu."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QToolButton, QVBoxLayout, QWidget

from hailuo_desktop.domain.request import MAX_CAMERA_COMMANDS

from .camera import CAMERA_COMMANDS, TooManyCommands, insert_command, overfull_brackets
from .colors import PROBLEM_RED, colored
from .history import PromptEdit


class PromptEditor(QWidget):
    changed = Signal()
    history_requested = Signal()
    per_image_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._limit = 2000
        self.edit = PromptEdit(self)
        self.edit.setPlaceholderText(self.tr("Describe the motion: what moves, how the camera moves…"))
        self.edit.setToolTip(self.tr("The prompt sent with every video of this batch."))
        self.edit.setAccessibleName(self.tr("Prompt"))
        self.edit.setTabChangesFocus(True)  # keep Tab for moving between controls
        self.edit.setMinimumHeight(72)
        self.camera_button = self._build_camera_button()
        self.history_button = QToolButton(self)
        self.history_button.setText(self.tr("History…"))
        self.history_button.setToolTip(self.tr("Search your earlier prompts (they are also offered as you type)"))
        self.history_button.clicked.connect(self.history_requested)
        self.per_image_button = QToolButton(self)
        self.per_image_button.setText(self.tr("Per image…"))
        self.per_image_button.setToolTip(self.tr("Give each image its own prompt, by hand or from a CSV file"))
        self.per_image_button.clicked.connect(self.per_image_requested)
        self.counter = QLabel(self)
        self.counter.setToolTip(self.tr("Characters used and the most this model takes."))
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(colored(PROBLEM_RED))
        self.hint.hide()
        self._lay_out()
        self.edit.textChanged.connect(self._on_text_changed)
        self._refresh_counter()

    def _build_camera_button(self) -> QToolButton:
        button = QToolButton(self)
        button.setText(self.tr("Camera move"))
        button.setToolTip(
            self.tr(
                "Insert a camera movement at the cursor. With the cursor in or just after a bracket, "
                "the movement is combined into it (at most %n per bracket).",
                "",
                MAX_CAMERA_COMMANDS,
            )
        )
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.camera_menu = QMenu(button)
        for command in CAMERA_COMMANDS:
            action = self.camera_menu.addAction(f"[{command}]")
            action.triggered.connect(lambda _=False, c=command: self.insert_camera(c))
        button.setMenu(self.camera_menu)
        return button

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.camera_button)
        bar.addWidget(self.history_button)
        bar.addWidget(self.per_image_button)
        bar.addStretch(1)
        bar.addWidget(self.counter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addLayout(bar)
        layout.addWidget(self.hint)

    # --- state -------------------------------------------------------------------------
    def text(self) -> str:
        return self.edit.toPlainText()

    def set_text(self, text: str) -> None:
        self.edit.setPlainText(text)
        self.edit.moveCursor(QTextCursor.MoveOperation.End)

    def limit(self) -> int:
        return self._limit

    def set_limit(self, limit: int) -> None:
        self._limit = limit
        self._refresh_counter()

    def is_over_limit(self) -> bool:
        return len(self.text()) > self._limit

    def problems(self) -> list[str]:
        """Why this prompt cannot be sent as it is (an empty prompt is the panel's call)."""
        problems = []
        if self.is_over_limit():
            over = len(self.text()) - self._limit
            problems.append(
                self.tr("The prompt is %n characters over the limit.", "", over)
                if over > 1
                else self.tr("The prompt is 1 character over the limit.")
            )
        for bracket in overfull_brackets(self.text()):
            problems.append(
                self.tr("%1 combines more than %2 camera movements.")
                .replace("%1", bracket)
                .replace("%2", str(MAX_CAMERA_COMMANDS))
            )
        return problems

    # --- camera ------------------------------------------------------------------------
    def insert_camera(self, command: str) -> bool:
        """Insert a camera command at the cursor; False (with a visible hint) when refused."""
        cursor = self.edit.textCursor()
        try:
            result = insert_command(self.text(), cursor.position(), command)
        except TooManyCommands:
            self._show_hint(
                self.tr(
                    "A bracket combines at most %n camera movements; move the cursor out of it to start a new one.",
                    "",
                    MAX_CAMERA_COMMANDS,
                )
            )
            return False
        # Edit through the cursor (not setPlainText) so Ctrl+Z undoes just this insertion.
        cursor.setPosition(result.start)
        cursor.setPosition(result.end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(result.replacement)
        self.edit.setTextCursor(cursor)
        self.edit.setFocus()
        return True

    def _show_hint(self, text: str) -> None:
        self.hint.setText(text)
        self.hint.show()

    def _on_text_changed(self) -> None:
        self.hint.hide()
        self._refresh_counter()
        self.changed.emit()

    def _refresh_counter(self) -> None:
        used = len(self.text())
        self.counter.setText(self.tr("%1 / %2").replace("%1", f"{used:,}").replace("%2", f"{self._limit:,}"))
        self.counter.setStyleSheet(colored(PROBLEM_RED) if used > self._limit else "")
