"""The demo's result: a slow push-in on the creator's own image, encoded locally with Qt.

Qt 6.8+ can encode frames an application draws itself (QVideoFrameInput feeding a
QMediaCaptureSession whose QMediaRecorder writes an MP4), so the demo shows the user's
picture moving without any network or model. The wheels' LGPL FFmpeg has no H.264
encoder; Qt then picks MPEG-4 Part 2, which every player (and QMediaPlayer) plays.

Frames are drawn a few at a time between event-loop turns so the window never stalls.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import logging
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import httpx
from PySide6.QtCore import QObject, QRectF, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtMultimedia import (
    QMediaCaptureSession,
    QMediaFormat,
    QMediaRecorder,
    QVideoFrame,
    QVideoFrameInput,
)

from ..domain.sources import ImageSource

log = logging.getLogger(__name__)

FRAMES_PER_TURN = 4  # drawn per event-loop turn: a few ms, so the GUI stays fluid
ZOOM_END = 1.18
RETRY_MS = 10  # how far the camera pushes in over the clip


def output_size(source: QSize, long_side: int) -> QSize:
    """The clip's size: the source's aspect ratio, the long side given, even dimensions."""
    if source.width() >= source.height():
        width, height = long_side, round(long_side * source.height() / max(1, source.width()))
    else:
        width, height = round(long_side * source.width() / max(1, source.height())), long_side
    return QSize(max(16, width - width % 2), max(16, height - height % 2))


def _ease(t: float) -> float:
    """Smoothstep: the push starts and ends gently, as a dolly would."""
    return t * t * (3 - 2 * t)


class PushInEncoder(QObject):
    """Encodes one clip; emits `finished(path)` or `failed(reason)` exactly once."""

    finished = Signal(str)
    failed = Signal(str)

    def __init__(
        self,
        image: QImage,
        dest: Path,
        *,
        seconds: float = 6.0,
        fps: int = 24,
        long_side: int = 960,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._size = output_size(image.size(), long_side)
        # Scale once to the largest crop we will need; each frame is then a cheap crop.
        self._source = image.convertToFormat(QImage.Format.Format_RGB32).scaled(
            self._size * ZOOM_END, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        self._dest = dest
        self._fps = fps
        self._count = max(2, round(seconds * fps))
        self._next = 0
        self._done = False
        self._build_pipeline()

    def _build_pipeline(self) -> None:
        # No QVideoFrameFormat here: with one, Qt 6.11 never reports the input ready. The
        # frames' own timestamps give the timing.
        self._input = QVideoFrameInput(self)
        self._session = QMediaCaptureSession(self)
        self._recorder = QMediaRecorder(self)
        self._session.setVideoFrameInput(self._input)
        self._session.setRecorder(self._recorder)
        media_format = QMediaFormat(QMediaFormat.FileFormat.MPEG4)
        self._recorder.setMediaFormat(media_format)
        self._recorder.setVideoResolution(self._size)
        self._recorder.setVideoFrameRate(self._fps)
        self._recorder.setQuality(QMediaRecorder.Quality.HighQuality)
        self._recorder.setOutputLocation(QUrl.fromLocalFile(str(self._dest)))
        self._input.readyToSendVideoFrame.connect(self._send_some)
        self._recorder.recorderStateChanged.connect(self._on_state)
        self._recorder.errorOccurred.connect(self._on_error)

    def start(self) -> None:
        self._dest.parent.mkdir(parents=True, exist_ok=True)
        self._recorder.record()
        QTimer.singleShot(0, self._send_some)

    def _send_some(self) -> None:
        for _ in range(FRAMES_PER_TURN):
            if self._done or self._next >= self._count:
                break
            if not self._input.sendVideoFrame(self._frame(self._next)):
                # The encoder is busy: readyToSendVideoFrame calls us again; the timer is a
                # safety net for Qt versions that do not always say so.
                QTimer.singleShot(RETRY_MS, self._send_some)
                return
            self._next += 1
        if self._next >= self._count:
            if self._recorder.recorderState() == QMediaRecorder.RecorderState.RecordingState:
                self._recorder.stop()
        elif not self._done:
            QTimer.singleShot(0, self._send_some)

    def _frame(self, index: int) -> QVideoFrame:
        zoom = 1.0 + (ZOOM_END - 1.0) * _ease(index / (self._count - 1))
        image = QImage(self._size, QImage.Format.Format_RGB32)
        image.fill(QColor("black"))
        crop_w, crop_h = self._source.width() / zoom, self._source.height() / zoom
        crop = QRectF((self._source.width() - crop_w) / 2, (self._source.height() - crop_h) / 2, crop_w, crop_h)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(QRectF(0, 0, self._size.width(), self._size.height()), self._source, crop)
        painter.end()
        frame = QVideoFrame(image)
        frame.setStartTime(round(index * 1_000_000 / self._fps))
        frame.setEndTime(round((index + 1) * 1_000_000 / self._fps))
        return frame

    def _on_state(self, state) -> None:
        if state != QMediaRecorder.RecorderState.StoppedState or self._done:
            return
        self._done = True
        if self._next >= self._count and self._dest.exists() and self._dest.stat().st_size > 0:
            self.finished.emit(str(self._dest))
        else:
            self.failed.emit("the recorder stopped before the clip was complete")

    def _on_error(self, _error, text: str) -> None:
        if not self._done:
            self._done = True
            self.failed.emit(text or "the recorder failed")


async def encode_push_in(
    image: QImage, dest: Path, *, seconds: float = 6.0, fps: int = 24, long_side: int = 960, timeout: float = 60.0
) -> Path:
    """Encode a push-in clip of `image` to `dest` (an .mp4) on the running qasync loop.

    Raises RuntimeError when Qt cannot encode here; the caller falls back to a sample clip.
    """
    if image.isNull():
        raise RuntimeError("the image could not be read")
    done: asyncio.Future[str] = asyncio.get_running_loop().create_future()
    encoder = PushInEncoder(image, dest, seconds=seconds, fps=fps, long_side=long_side)
    encoder.finished.connect(lambda path: done.done() or done.set_result(path))
    encoder.failed.connect(lambda reason: done.done() or done.set_exception(RuntimeError(reason)))
    encoder.start()
    try:
        return Path(await asyncio.wait_for(done, timeout))
    finally:
        encoder.deleteLater()


class DemoResultFactory:
    """The simulator's `result_factory` in the demo: a push-in on the image the task was sent.

    The simulator calls it on a worker thread when a result is first downloaded. It reads
    the task's image (a data: URL, or a file on the simulator's loopback origin), asks the
    GUI loop to encode the clip, and waits. Anything that goes wrong gives the shipped
    sample clip instead: the demo must always end with a video.
    """

    def __init__(
        self, loop: asyncio.AbstractEventLoop, folder: Path, sample: Callable[[], bytes], timeout: float = 90.0
    ) -> None:
        self._loop = loop
        self._folder = folder
        self._sample = sample
        self._timeout = timeout
        self.made: list[Path] = []  # clips encoded from an image (the rest fell back to the sample)

    def __call__(self, info: dict) -> bytes:
        try:
            return self._clip(info)
        except Exception:  # noqa: BLE001 - any failure: the sample clip, never no video
            log.warning("demo: could not animate the image; sending the sample clip", exc_info=True)
            return self._sample()

    def _clip(self, info: dict) -> bytes:
        data = _image_bytes(info.get("image_url"))
        if data is None:
            return self._sample()
        seconds = float(info.get("duration") or 6)
        dest = self._folder / f"push-in-{hashlib.sha256(data).hexdigest()[:20]}-{seconds:g}s.mp4"
        if not dest.exists():
            image = QImage.fromData(data)
            job = asyncio.run_coroutine_threadsafe(encode_push_in(image, dest, seconds=seconds), self._loop)
            job.result(self._timeout)
        self.made.append(dest)
        return dest.read_bytes()


def _image_bytes(url: str | None) -> bytes | None:
    """The task's image: decoded from a data: URL, or fetched from a loopback origin only."""
    if not url:
        return None
    if ImageSource.of(url).is_data:
        return base64.b64decode(url.split(",", 1)[1])
    host = urlsplit(url).hostname or ""
    if host not in ("127.0.0.1", "localhost", "::1"):
        return None  # the demo never reaches out to the internet for a result
    response = httpx.get(url, timeout=10.0)
    response.raise_for_status()
    return response.content
