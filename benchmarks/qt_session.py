"""Qt helpers for the child processes: the window built the way app.py builds it, a lag probe,
the first paint. Imported only in children (offscreen Qt), never by the runner itself.

app.py has no "start, then quit after the first show" switch, so the children build the
same `AppSession` that `app._one_session` builds (same options type, same shell, same
engine) with a key for every provider held in memory, show it, and measure.
"""

from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The app's modules first, as the app imports them (app.py: its Qt-free core before PySide6).
from hailuo_desktop.app import AppSession, SessionOptions, make_application  # noqa: E402
from hailuo_desktop.services.home import DataPaths  # noqa: E402

# isort: split
from PySide6.QtCore import QEvent, QObject, Qt, QTimer  # noqa: E402

from .first_paint import ListPainted  # noqa: E402, F401 - re-exported for the children
from .keys import bench_key_store  # noqa: E402 - not seeding.py: it imports httpx and the providers


def application():
    return make_application([])


def session_options(home: Path, api_url: str | None) -> SessionOptions:
    return SessionOptions(paths=DataPaths.at(home), key_store=bench_key_store(), api_url=api_url, use_tray=False)


def open_session(home: Path, api_url: str | None) -> AppSession:
    """The window and everything behind it, as a normal start builds it (keys in memory)."""
    return AppSession(session_options(home, api_url))


class FirstPaint(QObject):
    """Resolves `done` at the first paint of `widget` followed by one idle turn of the event loop:
    the window is on screen and the loop is free to handle the user's first click."""

    def __init__(self, widget) -> None:
        super().__init__()
        self.done: asyncio.Future = asyncio.get_event_loop().create_future()
        self._widget = widget
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and watched is self._widget:
            self._widget.removeEventFilter(self)
            QTimer.singleShot(0, self._idle)
        return False

    def _idle(self) -> None:
        if not self.done.done():
            self.done.set_result(time.monotonic())


async def engine_ready(session) -> float:
    """When the engine is built and the window's buttons work, plus one idle turn of the loop.
    A session that builds its engine on a thread of its own after the first paint has a link to
    wait on (ui.engine_link.EngineLink); one that builds it before its window is ready now."""
    link = getattr(session, "link", None)
    if link is not None:
        await link.wait_ready()
    idle = asyncio.get_event_loop().create_future()
    QTimer.singleShot(0, lambda: idle.done() or idle.set_result(time.monotonic()))
    return await idle


class LagProbe(QObject):
    """A timer that re-arms itself every `interval_ms` and records how late each tick came."""

    def __init__(self, interval_ms: int = 10) -> None:
        super().__init__()
        self.interval = interval_ms / 1000
        self.samples: list[float] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)
        self._due = 0.0
        self._interval_ms = interval_ms
        self._waiters: list[tuple[int, asyncio.Future]] = []

    def start(self) -> None:
        self._arm()

    def stop(self) -> None:
        self._timer.stop()

    def mark(self) -> int:
        return len(self.samples)

    def after(self, ticks: int) -> asyncio.Future:
        """A future resolved once `ticks` more samples are in."""
        future = asyncio.get_event_loop().create_future()
        self._waiters.append((len(self.samples) + ticks, future))
        return future

    def _arm(self) -> None:
        self._due = time.perf_counter() + self.interval
        self._timer.start(self._interval_ms)

    def _tick(self) -> None:
        self.samples.append(max(0.0, time.perf_counter() - self._due))
        self._arm()
        for goal, future in list(self._waiters):
            if len(self.samples) >= goal and not future.done():
                future.set_result(None)
                self._waiters.remove((goal, future))
