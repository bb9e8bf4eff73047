"""Poster frames for the grid: made off the GUI thread, kept on disk by the core, a few in memory.

`get(task)` answers at once: the picture if it is in memory, else None after asking a worker
thread for it (QImage may be built on any thread). The worker asks the core for the poster
file (decoded once per video and cached on disk), or falls back to the source image for a
take that has no video yet, and scales it to the size the tile draws it, in device pixels.
`ready(task_id)` fires when the picture is there.

What is kept is bounded by bytes, not by count: at the size drawn, a poster is about 100 KB,
so 10,000 takes never mean 10,000 pictures, and a poster is never kept at four times the
size it is shown. The work list holds what the grid shows (and the line after it): when the
grid scrolls it calls `want(tasks)`, which drops the requests for tiles scrolled away, so the
workers never decode a page the user has already left.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Signal
from PySide6.QtGui import QImage, QPixmap

from ...domain.states import TaskState
from ...domain.task import Task
from ...services.thread_priority import run_in_background
from ..thumbnails import load_thumbnail

POSTER_BOX = QSize(440, 248)  # until the grid says the size it draws (twice a small tile's picture)
BUDGET = 24 * 2**20  # bytes of pictures kept: about 250 posters at 208×117 px, 60 at twice that
WORKERS = max(1, min(2, (os.cpu_count() or 2) - 1))  # a core is left to the GUI thread

PosterMaker = Callable[[str], "str | os.PathLike | None"]  # video file -> poster image file
PosterKey = tuple[str, str]  # (video file or "", source image or ""): what the picture comes from


def _pixmap_bytes(pixmap: QPixmap) -> int:
    return pixmap.width() * pixmap.height() * max(1, pixmap.depth() // 8)


class _WorkList:
    """The keys still to read, oldest first, shared by the GUI thread and the workers."""

    def __init__(self) -> None:
        self._keys: OrderedDict[PosterKey, None] = OrderedDict()
        self._changed = threading.Condition()
        self.closed = False

    def add(self, key: PosterKey) -> None:
        with self._changed:
            self._keys[key] = None
            self._changed.notify()

    def keep(self, wanted: list[PosterKey]) -> list[PosterKey]:
        """Keep only `wanted` (in that order, those still to read); answers the keys dropped."""
        with self._changed:
            keep = set(wanted)
            dropped = [key for key in self._keys if key not in keep]
            waiting = self._keys
            self._keys = OrderedDict((key, None) for key in wanted if key in waiting)
            return dropped

    def take(self) -> PosterKey | None:
        """The next key to read (blocks while there is none); None once closed."""
        with self._changed:
            while not self._keys and not self.closed:
                self._changed.wait()
            if self.closed:
                return None
            return self._keys.popitem(last=False)[0]

    def close(self) -> None:
        with self._changed:
            self.closed = True
            self._keys.clear()
            self._changed.notify_all()


class PosterFrames(QObject):
    ready = Signal(str)  # task id

    _loaded = Signal(object, object, float)  # from a worker: key, QImage | None, device pixel ratio

    def __init__(
        self,
        make_poster: PosterMaker,
        box: QSize = POSTER_BOX,
        parent: QObject | None = None,
        *,
        workers: int = WORKERS,
    ) -> None:
        super().__init__(parent)
        self._make_poster = make_poster
        self._target = (QSize(box), 1.0)  # one attribute: the workers read it whole
        self._pictures: OrderedDict[PosterKey, QPixmap | None] = OrderedDict()
        self._bytes = 0
        self.read_count = 0  # pictures read so far; and asked for, in memory or not (the benchmark reports them)
        self.hits = self.misses = 0
        self._waiting: dict[PosterKey, set[str]] = {}
        self._work = _WorkList()
        self._loaded.connect(self._on_loaded)
        self._workers = [threading.Thread(target=self._serve, name=f"posters-{n}", daemon=True) for n in range(workers)]
        for worker in self._workers:
            worker.start()

    @staticmethod
    def key(task: Task) -> PosterKey | None:
        """What the picture comes from: the video when there is one, else the source image.
        No file is looked at here (this runs for every tile painted): the worker falls back to
        the source image when the video is not there."""
        video = task.video_path if task.state is TaskState.SUCCEEDED and task.video_path else ""
        image = task.image_path or ""
        return (video, image) if video or image else None

    def set_box(self, box: QSize, ratio: float = 1.0) -> None:
        """The picture's size in the tile (logical pixels) and the screen's pixel ratio: posters
        read from now on are scaled to it. Those in memory stay until they age out."""
        self._target = (QSize(box), ratio)

    def get(self, task: Task) -> QPixmap | None:
        key = self.key(task)
        if key is None:
            return None
        if key in self._pictures:
            self.hits += 1
            self._pictures.move_to_end(key)
            return self._pictures[key]
        self.misses += 1
        self._request(key).add(task.id)
        return None

    def want(self, tasks: Iterable[Task]) -> None:
        """The tiles on screen (and just below), in order: read theirs first, forget the rest."""
        keys = []
        for task in tasks:
            key = self.key(task)
            if key is not None and key not in self._pictures:
                keys.append(key)
                self._request(key).add(task.id)
        for key in self._work.keep(keys):
            self._waiting.pop(key, None)  # a tile that shows it again asks again

    def has(self, task: Task) -> bool:
        """Is this take's picture in memory (without asking for it)?"""
        key = self.key(task)
        return key is not None and self._pictures.get(key) is not None

    @property
    def pending(self) -> int:
        return len(self._waiting)

    @property
    def kept_bytes(self) -> int:
        return self._bytes

    def __len__(self) -> int:
        return len(self._pictures)

    def close(self) -> None:
        self._work.close()
        for worker in self._workers:
            worker.join()

    # --- the workers -------------------------------------------------------------------
    def _request(self, key: PosterKey) -> set[str]:
        if key not in self._waiting:
            self._waiting[key] = set()
            if not self._work.closed:
                self._work.add(key)
        return self._waiting[key]

    def _serve(self) -> None:
        run_in_background()  # below the window: a scroll keeps its core while a poster decodes
        while (key := self._work.take()) is not None:
            box, ratio = self._target
            pixels = QSize(round(box.width() * ratio), round(box.height() * ratio))
            picture = self._read(key, pixels)
            try:
                self._loaded.emit(key, picture, ratio)
            except RuntimeError:  # the grid went away without close(): nobody is left to show it
                return

    def _read(self, key: PosterKey, box: QSize) -> QImage | None:
        video, image = key
        try:
            if video and os.path.exists(video):
                poster = self._make_poster(video)
                picture = load_thumbnail(str(Path(poster)), box) if poster else None
            else:
                picture = load_thumbnail(image, box) if image else None
        except Exception:  # noqa: BLE001 - a damaged file must not kill the worker: the tile says "No video"
            return None
        return picture  # at most the size drawn (the reader decodes JPEG at ½, ¼… then scales)

    def _on_loaded(self, key: PosterKey, image: QImage | None, ratio: float) -> None:
        self.read_count += 1
        pixmap = None
        if image is not None:
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
        old = self._pictures.pop(key, None)
        if old is not None:
            self._bytes -= _pixmap_bytes(old)
        self._pictures[key] = pixmap
        self._bytes += _pixmap_bytes(pixmap) if pixmap is not None else 0
        while self._bytes > BUDGET and len(self._pictures) > 1:
            _, dropped = self._pictures.popitem(last=False)
            self._bytes -= _pixmap_bytes(dropped) if dropped is not None else 0
        for task_id in self._waiting.pop(key, set()):
            self.ready.emit(task_id)


class DiskPosters:
    """The core's poster frame (the middle of the clip), cached on disk in `cache_dir`, where the
    engine puts each video's poster when it saves it (services.saved_posters): most calls
    find the file. `decodes` counts the videos this maker had to decode itself."""

    def __init__(self, cache_dir: str | os.PathLike) -> None:
        self.cache_dir = Path(cache_dir)
        self.decodes = 0

    def __call__(self, video: str) -> Path:
        from ...services.media import poster_frame, poster_path  # PyAV is loaded on the worker, when first needed

        cached = poster_path(video, self.cache_dir)
        if cached.is_file():
            return cached
        self.decodes += 1
        return poster_frame(video, self.cache_dir)


def poster_maker(cache_dir: str | os.PathLike) -> DiskPosters:
    return DiskPosters(cache_dir)
