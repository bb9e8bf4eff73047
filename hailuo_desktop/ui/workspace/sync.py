"""One clock for 1–4 QMediaPlayers: play, pause, scrub, frame step and loop together.

The longest clip leads; the others follow it. While playing, a follower that drifts more
than a frame and a half from the leader is put back on the leader's position (checked a
few times a second, so a slow decoder never lets them slide apart). A player's reported
position trails its picture by up to a frame, so a tighter bound would make followers
jump back and forth for nothing. Pausing, stepping and
scrubbing set every player to the same frame-aligned position, so they stop on the same
frame. A clip shorter than the leader holds its last frame until the leader loops.
This module imports QtMultimedia (it is only imported by the player and compare views).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtMultimedia import QMediaMetaData, QMediaPlayer

DEFAULT_FPS = 24.0
DRIFT_CHECK_MS = 250


def frame_ms(player: QMediaPlayer) -> float:
    rate = player.metaData().value(QMediaMetaData.Key.VideoFrameRate)
    try:
        fps = float(rate)
    except (TypeError, ValueError):
        fps = 0.0
    return 1000.0 / (fps if fps > 1 else DEFAULT_FPS)


class PlayerGroup(QObject):
    position_changed = Signal(int)  # the leader's position, ms
    duration_changed = Signal(int)  # the longest clip's duration, ms
    playing_changed = Signal(bool)

    def __init__(self, players: list[QMediaPlayer], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.players = list(players)
        self.loop = True
        self._playing = False
        self._drift = QTimer(self, interval=DRIFT_CHECK_MS)
        self._drift.timeout.connect(self.resync)
        for player in self.players:
            player.setLoops(1)  # several: the group loops them together, not each on its own
            player.durationChanged.connect(self._on_duration)
            player.mediaStatusChanged.connect(lambda status, p=player: self._on_status(p, status))
        self._leader = self.players[0]
        self._leader.positionChanged.connect(self._on_position)
        self.set_loop(True)

    # --- facts -----------------------------------------------------------------------
    @property
    def leader(self) -> QMediaPlayer:
        return self._leader

    @property
    def playing(self) -> bool:
        return self._playing

    def duration(self) -> int:
        return max((p.duration() for p in self.players), default=0)

    def position(self) -> int:
        return self._leader.position()

    def frame_ms(self) -> float:
        return frame_ms(self._leader)

    # --- commands --------------------------------------------------------------------
    def play(self) -> None:
        if self._leader.mediaStatus() == QMediaPlayer.MediaStatus.EndOfMedia:
            self.seek(0)
        for player in self.players:
            if player.position() < max(0, player.duration() - 1) or player is self._leader:
                player.play()
        self._set_playing(True)
        self._drift.start()

    def pause(self) -> None:
        self._drift.stop()
        for player in self.players:
            player.pause()
        self._set_playing(False)
        self.seek(self._snap(self._leader.position()))  # all stop on the same frame

    def toggle(self) -> None:
        self.pause() if self._playing else self.play()

    def seek(self, ms: int) -> None:
        ms = max(0, min(int(ms), self.duration()))
        for player in self.players:
            player.setPosition(self._clamp(player, ms))
        self.position_changed.emit(ms)

    def step(self, frames: int) -> None:
        """Pause and move every clip `frames` frames (negative: back)."""
        if self._playing:
            self._drift.stop()
            for player in self.players:
                player.pause()
            self._set_playing(False)
        length = self.frame_ms()
        current = int(self._leader.position() / length)  # the frame on screen (positions sit mid-frame)
        self.seek(round((current + frames) * length + length / 2))  # mid-frame: no rounding onto a neighbour

    def set_loop(self, on: bool) -> None:
        self.loop = on
        if len(self.players) == 1:  # alone, the player loops seamlessly by itself
            self.players[0].setLoops(QMediaPlayer.Loops.Infinite if on else 1)

    def stop(self) -> None:
        self._drift.stop()
        for player in self.players:
            player.stop()
        self._set_playing(False)

    # --- keeping together ------------------------------------------------------------
    @Slot()
    def resync(self) -> None:
        target = self._leader.position()
        tolerance = self.frame_ms() * 1.5
        for player in self.players:
            if player is self._leader:
                continue
            wanted = self._clamp(player, target)
            if abs(player.position() - wanted) > tolerance and wanted < player.duration():
                player.setPosition(wanted)
                if self._playing and player.playbackState() != QMediaPlayer.PlaybackState.PlayingState:
                    player.play()

    def _snap(self, ms: int) -> int:
        length = self.frame_ms()
        return round(int(ms / length) * length + length / 2)

    @staticmethod
    def _clamp(player: QMediaPlayer, ms: int) -> int:
        duration = player.duration()
        return min(ms, max(0, duration - 1)) if duration > 0 else ms

    def _set_playing(self, on: bool) -> None:
        if on != self._playing:
            self._playing = on
            self.playing_changed.emit(on)

    @Slot(int)
    def _on_position(self, ms: int) -> None:
        self.position_changed.emit(ms)

    @Slot(int)
    def _on_duration(self, _ms: int) -> None:
        longest = max(self.players, key=lambda p: p.duration())
        if longest is not self._leader:
            self._leader.positionChanged.disconnect(self._on_position)
            self._leader = longest
            self._leader.positionChanged.connect(self._on_position)
        self.duration_changed.emit(self.duration())

    def _on_status(self, ended: QMediaPlayer, status: QMediaPlayer.MediaStatus) -> None:
        if status != QMediaPlayer.MediaStatus.EndOfMedia or ended is not self._leader:
            return
        if len(self.players) == 1 and self.loop:
            return  # the player loops by itself
        if self.loop and self._playing:
            self.seek(0)
            for player in self.players:
                player.play()
        else:
            self._drift.stop()
            self._set_playing(False)
