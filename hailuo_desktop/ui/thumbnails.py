"""Thumbnails that are cheap to make and safe to make off the GUI thread.

QImage (unlike QPixmap) may be built on any thread, so the controller can call
`load_thumbnail` through `asyncio.to_thread`. The reader is told the target size before
it reads, which lets the JPEG plugin decode at 1/2, 1/4 or 1/8 scale instead of
allocating the full picture; Qt's allocation limit refuses decompression bombs.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QImageIOHandler, QImageReader


def _fit(source: QSize, box: QSize) -> QSize:
    """The source size scaled down (never up) to fit the box, keeping the aspect ratio."""
    if source.width() <= box.width() and source.height() <= box.height():
        return QSize(source)
    return source.scaled(box, Qt.AspectRatioMode.KeepAspectRatio)


def _turned(reader: QImageReader) -> bool:
    return bool(reader.transformation() & QImageIOHandler.Transformation.TransformationRotate90)


def load_thumbnail(path: str, size: QSize | int) -> QImage | None:
    """A thumbnail that fits in `size`, or None when the file cannot be read as an image."""
    box = QSize(size, size) if isinstance(size, int) else QSize(size)
    reader = QImageReader(path)
    reader.setAutoTransform(True)  # honour EXIF rotation, as the user sees the photo
    stored = reader.size()  # as stored in the file, before any EXIF rotation
    if not stored.isValid() or stored.isEmpty():
        return None
    # The scaled size applies before the rotation, so fit the box turned the same way.
    turned = _turned(reader)
    target = _fit(stored, box.transposed() if turned else box)
    reader.setScaledSize(target)
    image = reader.read()
    if image.isNull():
        return None
    # Some plugins ignore the scaled size (PNG decodes whole); make the promise hold anyway.
    if image.width() > box.width() or image.height() > box.height():
        image = image.scaled(box, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
    return image


class ThumbnailCache:
    """A small LRU of thumbnails keyed by path, modification time and size; thread-safe."""

    def __init__(self, capacity: int = 256) -> None:
        self._capacity = capacity
        self._items: OrderedDict[tuple, QImage] = OrderedDict()
        self._lock = threading.Lock()

    def load(self, path: str, size: QSize | int) -> QImage | None:
        key = self._key(path, size)
        if key is None:
            return None
        cached = self._get(key)
        if cached is not None:
            return cached
        image = load_thumbnail(path, size)
        if image is not None:
            self._put(key, image)
        return image

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)

    @staticmethod
    def _key(path: str, size: QSize | int) -> tuple | None:
        try:
            mtime = os.stat(path).st_mtime_ns
        except OSError:
            return None
        box = (size, size) if isinstance(size, int) else (size.width(), size.height())
        return (os.path.abspath(path), mtime, box)

    def _get(self, key: tuple) -> QImage | None:
        with self._lock:
            image = self._items.get(key)
            if image is not None:
                self._items.move_to_end(key)
            return image

    def _put(self, key: tuple, image: QImage) -> None:
        with self._lock:
            self._items[key] = image
            self._items.move_to_end(key)
            while len(self._items) > self._capacity:
                self._items.popitem(last=False)
