"""Poster frames for the grid: made off the GUI thread, kept on disk by the core, a few in memory.

`get(task)` answers at once: the image if it is in memory, else None after scheduling a
read on a worker thread (QImage may be built on any thread). The worker asks the core for
the poster file (decoded once per video and cached on disk), or falls back to the source
image for a take that has no video yet. `ready(task_id)` fires when the picture is there.
Only the most recent few hundred are kept, so 10,000 takes never mean 10,000 images.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Signal
from PySide6.QtGui import QImage

from ...domain.states import TaskState
from ...domain.task import Task
from ..thumbnails import load_thumbnail

POSTER_BOX = QSize(440, 248)  # twice the tile's picture, for HiDPI screens
KEEP = 240

PosterMaker = Callable[[str], "str | os.PathLike | None"]  # video file -> poster image file


def _source_of(task: Task) -> str | None:
    if task.state is TaskState.SUCCEEDED and task.video_path and os.path.exists(task.video_path):
        return task.video_path
    return None


class PosterFrames(QObject):
    ready = Signal(str)  # task id

    _loaded = Signal(str, str, object)  # from a worker: task id, key, QImage | None

    def __init__(self, make_poster: PosterMaker, box: QSize = POSTER_BOX, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._make_poster = make_poster
        self._box = QSize(box)
        self._images: OrderedDict[str, QImage | None] = OrderedDict()
        self._waiting: dict[str, set[str]] = {}
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="posters")
        self._loaded.connect(self._on_loaded)
        self._closed = False

    @staticmethod
    def key(task: Task) -> str | None:
        """What the picture comes from: the video when there is one, else the source image."""
        video = _source_of(task)
        if video:
            return "video:" + video
        return "image:" + task.image_path if task.image_path else None

    def get(self, task: Task) -> QImage | None:
        key = self.key(task)
        if key is None:
            return None
        if key in self._images:
            self._images.move_to_end(key)
            return self._images[key]
        if key not in self._waiting and not self._closed:
            self._waiting[key] = set()
            self._pool.submit(self._read, task.id, key)
        self._waiting.setdefault(key, set()).add(task.id)
        return None

    @property
    def pending(self) -> int:
        return len(self._waiting)

    def __len__(self) -> int:
        return len(self._images)

    def close(self) -> None:
        self._closed = True
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _read(self, task_id: str, key: str) -> None:
        kind, _, path = key.partition(":")
        try:
            if kind == "video":
                poster = self._make_poster(path)
                image = load_thumbnail(str(Path(poster)), self._box) if poster else None
            else:
                image = load_thumbnail(path, self._box)
        except Exception:  # noqa: BLE001 - a damaged file must not kill the worker: the tile says "No video"
            image = None
        self._loaded.emit(task_id, key, image)

    def _on_loaded(self, _task_id: str, key: str, image: QImage | None) -> None:
        self._images[key] = image
        while len(self._images) > KEEP:
            self._images.popitem(last=False)
        for task_id in self._waiting.pop(key, set()):
            self.ready.emit(task_id)


def poster_maker(cache_dir: str | os.PathLike) -> PosterMaker:
    """The core's poster frame (the middle of the clip), cached on disk in `cache_dir`."""

    def make(video: str) -> Path:
        from ...services.media import (
            poster_frame,  # PyAV is loaded on the worker, when first needed
        )

        return poster_frame(video, cache_dir)

    return make
