"""The grid of takes: one tile per task over the same model (and selection) as the list.

A QListView in icon mode with uniform tile sizes: Qt lays out and paints only what is on
screen, and the model hands rows over in chunks, so 10,000 takes scroll like 100. Poster
frames come from PosterFrames (decoded off the GUI thread, cached on disk by the core).
The tile under the pointer plays muted; arrow keys move; Space plays or stops the
current tile. Without QtMultimedia the tiles simply stay still.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from ...domain.states import TaskState
from ...domain.task import Task
from ...services.task_query import SortColumn
from ..media_support import media_support
from ..tasks.model import TaskListModel, TaskRole
from ..viewports import own_viewport
from .drag import DragsTakes
from .posters import PosterFrames
from .tiles import TILE, Picture, TileDelegate, tile_size

if TYPE_CHECKING:
    from .hover import TilePlayback  # imports QtMultimedia: at run time only when a tile first plays

SPACING = 6
PREFETCH_LINES = 1  # posters are read for one line of tiles below the screen


def _tile_playback(parent: QObject) -> TilePlayback | None:
    if not media_support().available:  # QtMultimedia missing on this machine: tiles show posters only
        return None
    from .hover import TilePlayback

    return TilePlayback(parent)


def playable(task: Task | None) -> bool:
    return (
        task is not None
        and task.state is TaskState.SUCCEEDED
        and bool(task.video_path)
        and os.path.exists(task.video_path)
    )


class TakeGrid(DragsTakes, QListView):
    """The grid widget. `TakeGrid.for_store(store, make_poster)` builds one from a store alone."""

    playing_changed = Signal(object)  # the id of the task playing in its tile, or None

    def __init__(self, model: TaskListModel, posters: PosterFrames, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        own_viewport(self)  # reading it back must not load every widget class (ui/viewports.py)
        self.posters = posters
        self._playback: TilePlayback | None = None  # made when a tile first plays (QtMultimedia loads then)
        self._playback_tried = False
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setUniformItemSizes(True)  # one size for all: no measuring 10,000 tiles
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(200)
        self.setSpacing(SPACING)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # Always there, so the tiles' width never changes as rows come and go.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.verticalScrollBar().setSingleStep(24)
        self.setTabKeyNavigation(False)
        self.setMouseTracking(True)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.tiles = TileDelegate(self.frame_for, self)
        self.tiles.group_of = self.group_of
        self.setItemDelegate(self.tiles)
        self._fit_tiles()
        self.setModel(model)
        self.setAccessibleName(self.tr("Takes"))
        self.setAccessibleDescription(self.tr("Every take as a tile with its first frame; select one to see it"))
        posters.ready.connect(self._repaint_task)

    @property
    def playback(self) -> TilePlayback | None:
        """The tiles' player, made on first use; None where QtMultimedia is missing."""
        if not self._playback_tried:
            self._playback_tried = True
            self._playback = _tile_playback(self)
            if self._playback is not None:
                self._playback.frame_ready.connect(self._repaint_task)
        return self._playback

    @classmethod
    def for_store(cls, store, make_poster, parent: QWidget | None = None) -> TakeGrid:
        """A grid over a store alone (benchmarks, tests): its own bridge, model and posters."""
        from ..tasks.bridge import StoreBridge

        bridge = StoreBridge(store)
        model = TaskListModel(store, bridge)
        posters = PosterFrames(make_poster)
        grid = cls(model, posters, parent)
        for part in (bridge, model, posters):
            part.setParent(grid)
        grid._owned_bridge = bridge
        return grid

    def release(self) -> None:
        """Stop playing and the poster workers (the window is going away)."""
        if self._playback is not None:
            self._playback.stop()
        self.posters.close()
        bridge = getattr(self, "_owned_bridge", None)
        if bridge is not None:
            bridge.close()

    # --- tiles fill the row -------------------------------------------------------------
    def _fit_tiles(self) -> None:
        width = max(TILE.width(), self.viewport().width() - 2)
        columns = max(1, width // (TILE.width() + SPACING))
        tile = tile_size(width // columns - SPACING)
        if tile != self.tiles.tile:
            self.tiles.tile = tile
            self.setGridSize(QSize(tile.width() + SPACING, tile.height() + SPACING))
        self.posters.set_box(self.tiles.picture_size(), self.devicePixelRatioF())

    def resizeEvent(self, event) -> None:
        self._fit_tiles()
        super().resizeEvent(event)
        self._want_shown()

    # --- posters for the tiles on screen, and the line below ----------------------------
    def shown_rows(self, after: int = 0) -> range:
        """The rows of the tiles on screen, and of `after` lines of tiles below them."""
        model = self.model()
        count = model.rowCount() if model is not None else 0
        line = self.gridSize().height()
        if count == 0 or line <= 0:
            return range(0)
        per_line = max(1, self.viewport().width() // self.gridSize().width())
        top = -self.visualRect(model.index(0, 0)).top()  # how far the first line is scrolled up
        first = max(0, top // line)
        last = (top + self.viewport().height()) // line + after
        return range(first * per_line, min(count, (last + 1) * per_line))

    def _want_shown(self) -> None:
        """Posters are read for what is on screen first; requests for tiles scrolled away go."""
        model = self.model()
        if model is None or not self.isVisible():
            return
        self.posters.want(task for row in self.shown_rows(PREFETCH_LINES) if (task := model.task_at(row)) is not None)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self._want_shown()

    # --- groups: takes of one batch or one source image, marked as such -----------------
    def group_of(self, index: QModelIndex) -> tuple[str, str] | None:
        model = self.model()
        query = getattr(model, "query", None)
        if query is None or query.sort not in (SortColumn.BATCH, SortColumn.SOURCE) or not index.isValid():
            return None
        task = index.data(TaskRole)
        if task is None:
            return None
        if query.sort is SortColumn.BATCH:
            return (
                (task.batch_id, self.tr("Batch {id}").format(id=task.batch_id[:6]))
                if task.batch_id
                else ("", self.tr("Single takes"))
            )
        if task.image_path:
            return task.image_path, os.path.basename(task.image_path)
        return "", self.tr("No source image")

    # --- pictures --------------------------------------------------------------------
    def frame_for(self, task: Task) -> Picture | None:
        if self._playback is not None:
            frame = self._playback.frame_for(task.id)
            if frame is not None:
                return frame
        return self.posters.get(task)

    @Slot(str)
    def _repaint_task(self, task_id: str) -> None:
        model = self.model()
        row = model.row_of(task_id) if model is not None else None
        if row is not None and row < model.rowCount():
            self.update(model.index(row, 0))

    # --- selection: whole rows, so the list (sharing the selection) agrees ------------
    def selectionCommand(self, index: QModelIndex, event: QEvent | None = None):
        command = super().selectionCommand(index, event)
        if command == QItemSelectionModel.SelectionFlag.NoUpdate:
            return command
        return command | QItemSelectionModel.SelectionFlag.Rows

    # --- playing ---------------------------------------------------------------------
    def play_index(self, index: QModelIndex) -> bool:
        task = index.data(TaskRole) if index.isValid() else None
        if not playable(task) or self.playback is None:
            return False
        self.playback.play(task.id, task.video_path)
        self.playing_changed.emit(task.id)
        return True

    def stop_playing(self) -> None:
        if self._playback is not None and self._playback.task_id is not None:
            self._playback.stop()
            self.playing_changed.emit(None)

    def playing_id(self) -> str | None:
        return self._playback.task_id if self._playback is not None else None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if event.buttons() == Qt.MouseButton.NoButton:
            self._hover(event.position().toPoint())

    def _hover(self, point: QPoint) -> None:
        index = self.indexAt(point)
        task = index.data(TaskRole) if index.isValid() else None
        if task is not None and task.id == self.playing_id():
            return
        if not self.play_index(index):
            self.stop_playing()

    def leaveEvent(self, event: QEvent) -> None:
        self.stop_playing()
        super().leaveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.modifiers():
            current = self.currentIndex()
            task = current.data(TaskRole) if current.isValid() else None
            if task is not None and task.id == self.playing_id():
                self.stop_playing()
            else:
                self.play_index(current)
            event.accept()
            return
        super().keyPressEvent(event)
