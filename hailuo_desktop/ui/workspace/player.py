"""The detail's player: play/pause, scrub, frame step, loop, fullscreen, and sound that says
whether it is on. The picture grows with its pane.

Keys while the player has focus: Space play/pause, Left/Right one frame, L loop, M sound,
F fullscreen (Esc leaves it). Imports QtMultimedia; the detail imports this module lazily.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QKeyEvent
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import QSizePolicy, QStyle, QToolButton, QVBoxLayout, QWidget

from .sync import PlayerGroup
from .transport import Transport

VIDEO_MIN = QSize(240, 135)


class FullscreenVideo(QVideoWidget):
    """A video widget that leaves fullscreen on Esc or a double click, and enters it on F."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.isFullScreen() and event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_F):
            self.setFullScreen(False)
            event.accept()
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        self.setFullScreen(not self.isFullScreen())
        event.accept()


class VideoPlayer(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.video = FullscreenVideo()
        self.video.setMinimumSize(VIDEO_MIN)
        self.video.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.audio = QAudioOutput(self)
        self.audio.setMuted(True)  # sound only when asked for
        self.player = QMediaPlayer(self)
        self.player.setAudioOutput(self.audio)
        self.player.setVideoOutput(self.video)
        self.group = PlayerGroup([self.player], self)
        self.transport = Transport(self.group)
        self.sound = self._toggle(self.tr("Sound off"), self.tr("Play the clip's sound (M)"), self._on_sound)
        self.fullscreen = QToolButton()
        self.fullscreen.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarMaxButton))
        self.fullscreen.setToolTip(self.tr("Show the video on the whole screen (F; Esc leaves)"))
        self.fullscreen.setAccessibleName(self.tr("Fullscreen"))
        self.fullscreen.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.fullscreen.clicked.connect(self._on_fullscreen)
        self.transport.row.addWidget(self.sound)
        self.transport.row.addWidget(self.fullscreen)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.video, 1)
        column.addWidget(self.transport)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._on_sound(False)

    def _toggle(self, text: str, tip: str, handler) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setCheckable(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.toggled.connect(handler)
        return button

    # --- media -----------------------------------------------------------------------
    def load(self, path: str, *, autoplay: bool = True) -> None:
        self.player.setSource(QUrl.fromLocalFile(path))
        if autoplay:
            self.group.play()

    def clear(self) -> None:
        self.group.stop()
        self.player.setSource(QUrl())

    # --- controls --------------------------------------------------------------------
    def _on_sound(self, on: bool) -> None:
        self.audio.setMuted(not on)
        self.sound.setText(self.tr("Sound on") if on else self.tr("Sound off"))
        icon = QStyle.StandardPixmap.SP_MediaVolume if on else QStyle.StandardPixmap.SP_MediaVolumeMuted
        self.sound.setIcon(self.style().standardIcon(icon))
        self.sound.setAccessibleName(self.sound.text())

    def _on_fullscreen(self, _checked: bool = True) -> None:
        self.video.setFullScreen(not self.video.isFullScreen())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            super().keyPressEvent(event)
            return
        actions = {
            Qt.Key.Key_Space: self.group.toggle,
            Qt.Key.Key_Left: lambda: self.group.step(-1),
            Qt.Key.Key_Right: lambda: self.group.step(1),
            Qt.Key.Key_L: self.transport.loop.toggle,
            Qt.Key.Key_M: self.sound.toggle,
            Qt.Key.Key_F: self._on_fullscreen,
        }
        action = actions.get(Qt.Key(event.key()))
        if action is None:
            super().keyPressEvent(event)
            return
        action()
        event.accept()
