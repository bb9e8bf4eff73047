"""Thumbnails for the task list: loaded off the GUI thread, only for rows being painted.

A view asks for a thumbnail when it paints a row; the first ask schedules a read on a
worker thread (QImage may be built on any thread) and returns None; `ready` fires when it
is there. Only the most recent few hundred are kept, so 10,000 tasks never means 10,000
images in memory.
"""

from __future__ import annotations

from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from ..thumbnails import load_thumbnail

LIST_THUMB_SIZE = 40
KEEP = 300


class ListThumbnails(QObject):
    ready = Signal(str, object)  # path, the task ids waiting for it

    _loaded = Signal(str, object)  # from the worker thread: path, QImage | None

    def __init__(self, size: int = LIST_THUMB_SIZE, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._size = size
        self._images: OrderedDict[str, QImage | None] = OrderedDict()
        self._waiting: dict[str, set[str]] = {}
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="list-thumbs")
        self._loaded.connect(self._on_loaded)

    def get(self, path: str, task_id: str) -> QImage | None:
        if path in self._images:
            self._images.move_to_end(path)
            return self._images[path]
        if path not in self._waiting:
            self._waiting[path] = set()
            self._pool.submit(self._read, path)
        self._waiting[path].add(task_id)
        return None

    def __len__(self) -> int:
        return len(self._images)

    @property
    def pending(self) -> int:
        """Thumbnails asked for and still being read."""
        return len(self._waiting)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _read(self, path: str) -> None:
        try:
            image = load_thumbnail(path, self._size)
        except Exception:  # a broken file must not kill the worker; it just has no thumbnail
            image = None
        self._loaded.emit(path, image)

    def _on_loaded(self, path: str, image: QImage | None) -> None:
        self._images[path] = image
        while len(self._images) > KEEP:
            self._images.popitem(last=False)
        self.ready.emit(path, self._waiting.pop(path, set()))
