"""The task list's first paint, for the start-up children: imports Qt only (not the app), so a child
timing the window alone (window_child window-alone) does not import the engine through it."""

from __future__ import annotations

import asyncio
import time

from PySide6.QtCore import QEvent, QObject, QTimer


class ListPainted(QObject):
    """Resolves `done` with (monotonic time, rows on screen) at the first paint of the task list's
    viewport showing rows (for an empty store, which shows no list, the window's first paint),
    followed by one idle turn of the event loop: the window and its list are on screen and the
    loop is free for a click."""

    def __init__(self, window, table, model) -> None:
        super().__init__()
        self.done: asyncio.Future = asyncio.get_event_loop().create_future()
        self._table, self._model = table, model
        self._viewport = table.viewport()
        self._watched = window if model.total_count() == 0 else self._viewport
        self._watched.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and watched is self._watched:
            if self._model.rowCount() > 0 or self._model.total_count() == 0:
                self._watched.removeEventFilter(self)
                QTimer.singleShot(0, self._idle)
        return False

    def _idle(self) -> None:
        if not self.done.done():
            self.done.set_result((time.monotonic(), self._rows_on_screen()))

    def _rows_on_screen(self) -> int:
        rows = self._model.rowCount()
        if rows == 0:
            return 0
        top = self._table.rowAt(0)
        bottom = self._table.rowAt(self._viewport.height() - 1)
        return (rows - 1 if bottom < 0 else bottom) - max(0, top) + 1
