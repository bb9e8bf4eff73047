"""Grid posters made when a take's video is saved, so the grid finds them on disk and never
decodes while the user scrolls.

A store listener: when a task is committed as SUCCEEDED with its video file (the download
renames the checked file into place before that commit, so the file is final), its poster
(`media.poster_frame`: the same file, name and size the grid's poster cache reads) is made
on one background thread at a low priority, decoding on that thread alone. The listener
only puts the path in a queue: it is called on whatever thread commits the change (the
window's loop, or an engine thread with a loop of its own), and it never waits.

A poster is a convenience: a damaged video or a failed write is logged and counted, never
an error of the task, which is already SUCCEEDED when the listener hears of it.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import OrderedDict
from pathlib import Path

from ..domain.states import TaskState
from .home import DataPaths
from .store import StoreEvent, TaskStore
from .task_query import TaskQuery
from .thread_priority import run_in_background

log = logging.getLogger(__name__)

CATCH_UP = 300  # newest finished takes looked at on start-up: the grid's first screens, and then some
REMEMBERED = 4096  # videos already seen (so a starred or renamed take is not stat'ed again)


def posters_dir(paths: DataPaths) -> Path:
    """The one poster cache: the grid reads it, the engine fills it."""
    return paths.root / "cache" / "posters"


class SavedPosters:
    """Makes the grid poster of each saved video, one at a time, on a thread of its own."""

    def __init__(self, cache_dir: str | os.PathLike[str]) -> None:
        self.cache_dir = Path(cache_dir)
        self.made = 0  # posters written (a poster already on disk is not counted)
        self.failed = 0  # videos that gave no poster (damaged, gone): logged
        self._queue: OrderedDict[str, None] = OrderedDict()
        self._seen: OrderedDict[str, None] = OrderedDict()
        self._changed = threading.Condition()
        self._busy = False
        self._closed = False
        self._thread: threading.Thread | None = None
        self._catch_up: tuple[TaskStore, int] | None = None

    def on_store_event(self, event: StoreEvent) -> None:
        task = event.task
        if task is not None and task.state is TaskState.SUCCEEDED and task.video_path:
            self.add(task.video_path)

    def add(self, video: str, *, first: bool = True) -> None:
        """Make this video's poster soon (once per video; any thread; never blocks on work).
        A video just saved goes `first`, before what start-up's catch-up queued: it is the
        one the user is about to see."""
        with self._changed:
            if self._closed or video in self._seen:
                return
            self._seen[video] = None
            if len(self._seen) > REMEMBERED:
                self._seen.popitem(last=False)
            self._queue[video] = None
            if first:
                self._queue.move_to_end(video, last=False)
            self._wake()

    def catch_up(self, store: TaskStore, limit: int = CATCH_UP) -> None:
        """On start-up: the newest `limit` finished takes get their posters too (takes saved
        before posters were made at save time, or by another process). The store is read on
        the worker; a poster already there costs a stat."""
        with self._changed:
            if not self._closed:
                self._catch_up = (store, limit)
                self._wake()

    def _wake(self) -> None:  # with the lock held
        if self._thread is None:
            self._thread = threading.Thread(target=self._serve, name="saved-posters", daemon=True)
            self._thread.start()
        self._changed.notify_all()

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Until every poster asked for is made (or failed); False if `timeout` came first."""
        with self._changed:
            return self._changed.wait_for(lambda: not (self._queue or self._busy or self._catch_up), timeout)

    def close(self) -> None:
        """Drop what is queued and wait for the poster being made (a fraction of a second)."""
        with self._changed:
            self._closed = True
            self._queue.clear()
            self._changed.notify_all()
            thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join()

    def _serve(self) -> None:
        run_in_background()  # below the thread that started it (the engine's, in the app)
        while (job := self._next()) is not None:
            try:
                if isinstance(job, str):
                    self._make(job)
                else:
                    self._read_newest(*job)
            finally:
                with self._changed:
                    self._busy = False
                    self._changed.notify_all()

    def _next(self) -> str | tuple[TaskStore, int] | None:
        with self._changed:
            while not self._queue and not self._catch_up and not self._closed:
                self._changed.wait()
            if self._closed:
                return None
            self._busy = True
            if self._catch_up is not None:
                job, self._catch_up = self._catch_up, None
                return job
            return self._queue.popitem(last=False)[0]

    def _read_newest(self, store: TaskStore, limit: int) -> None:
        try:
            tasks = store.query_tasks(TaskQuery(states=frozenset({TaskState.SUCCEEDED})), limit=limit)
        except Exception as error:  # noqa: BLE001 - the store closing or failing: no catching up, nothing else
            log.warning("no poster catch-up: %s", error)
            return
        for task in tasks:  # newest first
            if task.video_path:
                self.add(task.video_path, first=False)

    def _make(self, video: str) -> None:
        from .media import poster_frame, poster_path  # PyAV is loaded here, off the loop, when first needed

        if not os.path.isfile(video):  # moved or deleted since: nothing to show, nothing to say
            return
        try:
            if poster_path(video, self.cache_dir).is_file():
                return
            poster_frame(video, self.cache_dir)
        except Exception as error:  # noqa: BLE001 - a damaged video or a full disk: the take stays done
            self.failed += 1
            log.warning("no grid poster for %s: %s", Path(video).name, error)
            return
        self.made += 1
