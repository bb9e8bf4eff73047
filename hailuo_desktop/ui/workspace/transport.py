"""The controls under a player or a comparison: play/pause, frame step, scrub bar, time, loop.

It drives a PlayerGroup and follows it; the owner adds sound and fullscreen where they
make sense. Every button has a tooltip naming its key.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSlider,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .sync import PlayerGroup


def clock_text(ms: int) -> str:
    seconds = max(0, ms) / 1000
    return f"{int(seconds // 60)}:{seconds % 60:04.1f}"


class Transport(QWidget):
    def __init__(self, group: PlayerGroup, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = group
        style = self.style()
        self.play = self._button(
            style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay), self.tr("Play or pause (Space)"), group.toggle
        )
        self.back = self._button(
            style.standardIcon(QStyle.StandardPixmap.SP_MediaSeekBackward),
            self.tr("One frame back (Left)"),
            lambda: group.step(-1),
        )
        self.forward = self._button(
            style.standardIcon(QStyle.StandardPixmap.SP_MediaSeekForward),
            self.tr("One frame forward (Right)"),
            lambda: group.step(1),
        )
        self.scrub = QSlider(Qt.Orientation.Horizontal)
        self.scrub.setToolTip(self.tr("Scrub through the clip"))
        self.scrub.setAccessibleName(self.tr("Position"))
        self.scrub.setRange(0, 0)
        self.scrub.sliderMoved.connect(group.seek)
        # A click on the groove or a key on the bar moves the slider without a drag.
        self.scrub.actionTriggered.connect(lambda _action: group.seek(self.scrub.sliderPosition()))
        self.scrub.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys go to the view: Left/Right step frames
        self.time = QLabel(clock_text(0))
        self.time.setMinimumWidth(self.time.fontMetrics().horizontalAdvance("0:00.0 / 0:00.0") + 4)
        self.loop = QToolButton()
        self.loop.setText(self.tr("Loop"))
        self.loop.setCheckable(True)
        self.loop.setChecked(group.loop)
        self.loop.setToolTip(self.tr("Play again from the start at the end (L)"))
        self.loop.toggled.connect(group.set_loop)
        self.loop.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # The scrub bar and the time on one row, the buttons under them: narrow panes keep both.
        bar = QHBoxLayout()
        bar.addWidget(self.scrub, 1)
        bar.addWidget(self.time)
        self.row = QHBoxLayout()  # the owner adds its own buttons (sound, fullscreen) here
        for widget in (self.play, self.back, self.forward):
            self.row.addWidget(widget)
        self.row.addStretch(1)
        self.row.addWidget(self.loop)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(bar)
        column.addLayout(self.row)
        group.position_changed.connect(self._on_position)
        group.duration_changed.connect(self._on_duration)
        group.playing_changed.connect(self._on_playing)

    def _button(self, icon, tip: str, handler) -> QToolButton:
        button = QToolButton()
        button.setIcon(icon)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(handler)
        return button

    @Slot(int)
    def _on_position(self, ms: int) -> None:
        if not self.scrub.isSliderDown():
            self.scrub.setValue(ms)
        self.time.setText(f"{clock_text(ms)} / {clock_text(self.group.duration())}")

    @Slot(int)
    def _on_duration(self, ms: int) -> None:
        self.scrub.setRange(0, ms)
        self.scrub.setPageStep(max(1, ms // 10))
        self._on_position(self.group.position())

    @Slot(bool)
    def _on_playing(self, playing: bool) -> None:
        icon = QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay
        self.play.setIcon(self.style().standardIcon(icon))
