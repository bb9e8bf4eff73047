"""Plays one take muted inside its tile: one QMediaPlayer feeding a QVideoSink.

Each decoded frame becomes a QImage the tile delegate paints; only the tile that plays is
repainted. This module imports QtMultimedia; the grid imports it lazily and simply does
not play in tiles where QtMultimedia is missing.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QUrl, Signal, Slot
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer, QVideoFrame, QVideoSink


class TilePlayback(QObject):
    frame_ready = Signal(str)  # the id of the task whose tile shows a new frame

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sink = QVideoSink(self)
        self._audio = QAudioOutput(self)
        self._audio.setMuted(True)  # tiles never make a sound
        self._player = QMediaPlayer(self)
        self._player.setAudioOutput(self._audio)
        self._player.setVideoSink(self._sink)
        self._player.setLoops(QMediaPlayer.Loops.Infinite)
        self._sink.videoFrameChanged.connect(self._on_frame)
        self.task_id: str | None = None
        self._frame: QImage | None = None

    @property
    def player(self) -> QMediaPlayer:
        return self._player

    def play(self, task_id: str, video_path: str) -> None:
        if task_id == self.task_id and self._player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            return
        if task_id != self.task_id:
            self._frame = None
            self.task_id = task_id
            self._player.setSource(QUrl.fromLocalFile(video_path))
        self._player.play()

    def stop(self) -> None:
        previous = self.task_id
        self._player.stop()
        self._player.setSource(QUrl())
        self.task_id = None
        self._frame = None
        if previous is not None:
            self.frame_ready.emit(previous)  # the tile goes back to its poster

    def is_playing(self, task_id: str) -> bool:
        return task_id == self.task_id and self._player.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def frame_for(self, task_id: str) -> QImage | None:
        return self._frame if task_id == self.task_id else None

    @Slot(QVideoFrame)
    def _on_frame(self, frame: QVideoFrame) -> None:
        if self.task_id is None or not frame.isValid():
            return
        self._frame = frame.toImage()
        self.frame_ready.emit(self.task_id)
