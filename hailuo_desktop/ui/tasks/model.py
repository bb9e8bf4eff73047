"""The task list: a Qt table model over the store that stays fast with 10,000 tasks.

It holds only the ids of the rows (newest first), a bounded cache of Task objects loaded
on demand, and thumbnails for the rows a view actually paints. Rows are exposed to the
view in chunks (canFetchMore/fetchMore). Changes arrive as store events through the
StoreBridge and become rowsInserted/rowsRemoved/dataChanged for exactly the rows that
moved; nothing polls the store. A one-second tick repaints only the elapsed-time column
of active rows (it reads no data, the clock moved).

Ids are kept oldest-first internally so a new task is an append and existing indexes stay
valid; row = len - 1 - index.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Iterable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, QTimer, Slot

from ...domain import catalog
from ...domain.states import TaskState
from ...domain.task import Task
from ...services.completion_history import CompletionHistory
from ...services.store import StoreEvent, TaskStore
from ...services.task_query import SortColumn, TaskQuery
from ..money.words import amount_text, short_amount_text
from .activity import activity_text
from .bridge import StoreBridge
from .eta import EtaEstimator, Progress, format_seconds, prior_for
from .id_pages import CHUNK as CHUNK  # re-exported: the rows handed to the view per fetchMore
from .id_pages import PagedIds
from .thumbs import ListThumbnails
from .words import model_text, prompt_excerpt, state_text

PROMPT, MODEL, STATE, PROGRESS, COST = range(5)
TaskRole = Qt.ItemDataRole.UserRole + 1  # the Task
ProgressRole = Qt.ItemDataRole.UserRole + 2  # eta.Progress
TaskIdRole = Qt.ItemDataRole.UserRole + 3
SORT_BY_COLUMN = {
    MODEL: SortColumn.MODEL,
    STATE: SortColumn.STATE,
    PROGRESS: SortColumn.CREATED,
    COST: SortColumn.COST,
}  # the prompt column has no index to sort by: it sorts by created

_BAR_STATES = frozenset({TaskState.QUEUED, TaskState.RUNNING, TaskState.DOWNLOADING, TaskState.SUCCEEDED})
CACHE_SIZE = 2000  # Task objects kept; the rest are read again when scrolled back to
READ_PAGE = 64  # Task objects read together when a row is painted that is not kept
HISTORY_SEED = 300  # recent successes read at start to seed the ETA medians
TICK_MS = 1000


def catalog_priors(scale: float = 1.0) -> dict[tuple[str, str], float]:
    return {(m.provider, m.model): prior_for(m.family, m.tier) * scale for m in catalog.MODELS}


class TaskListModel(PagedIds, QAbstractTableModel):  # PagedIds: the rows, a page of ids at a time
    def __init__(
        self,
        store: TaskStore,
        bridge: StoreBridge,
        *,
        thumbnails: ListThumbnails | None = None,
        clock: Callable[[], float] = time.time,
        eta_scale: float = 1.0,
        history: CompletionHistory | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._bridge = bridge
        self._thumbs = thumbnails
        self._clock = clock
        self._query = TaskQuery()  # what is listed and in which order (rejected takes hidden)
        self._cache: OrderedDict[str, Task] = OrderedDict()
        self.eta = EtaEstimator(catalog_priors(eta_scale), history)
        if self.eta.learns:
            self._seed_eta()
        self._load_ids()
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._on_tick)
        bridge.event.connect(self._on_event)
        if thumbnails is not None:
            thumbnails.ready.connect(self._on_thumbnail)
        self._update_tick()

    # --- rows ------------------------------------------------------------------------
    def _seed_eta(self) -> None:
        for task in self._store.list([TaskState.SUCCEEDED], limit=HISTORY_SEED):
            self.eta.learn(task)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._exposed

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    def loaded_count(self) -> int:
        """Task objects held in memory (bounded by CACHE_SIZE)."""
        return len(self._cache)

    def row_of(self, task_id: str) -> int | None:
        index = self._index.get(task_id)
        return None if index is None else len(self._ids) - 1 - index

    def id_at(self, row: int) -> str:
        return self._ids[len(self._ids) - 1 - row]

    def task_at(self, row: int) -> Task | None:
        if not 0 <= row < self._exposed:
            return None
        return self._task(self.id_at(row))

    def index_of(self, task_id: str, column: int = PROMPT) -> QModelIndex:
        self._read_until_held(task_id)
        row = self.row_of(task_id)
        while row is not None and row >= self._exposed and self.canFetchMore():
            self.fetchMore()
        return self.index(row, column) if row is not None and row < self._exposed else QModelIndex()

    def _task(self, task_id: str) -> Task | None:
        task = self._cache.get(task_id)
        if task is not None:
            self._cache.move_to_end(task_id)
            return task
        # A view paints rows side by side: read the page around this one in one query, not
        # one query per row (a grid page of tiles, a list screenful).
        at = self._index.get(task_id)
        page = [task_id] if at is None else self._ids[max(0, at - READ_PAGE // 2) : at + READ_PAGE // 2]
        found = self._store.get_many(i for i in page if i not in self._cache)
        for other in found.values():
            if other.id != task_id:
                self._remember(other)
        task = found.get(task_id)
        if task is not None:
            self._remember(task)
        return task

    def _remember(self, task: Task) -> None:
        self._cache[task.id] = task
        self._cache.move_to_end(task.id)
        while len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)

    # --- filter ----------------------------------------------------------------------
    @property
    def store(self) -> TaskStore:
        return self._store

    @property
    def query(self) -> TaskQuery:
        return self._query

    def set_query(self, query: TaskQuery) -> None:
        """List what `query` finds, in its order (the store filters, searches and sorts)."""
        if query == self._query:
            return
        self.beginResetModel()
        self._query = query
        self._load_ids()
        self.endResetModel()

    def set_filter(self, states: Iterable[TaskState] | None = None, search: str | None = None) -> None:
        self.set_query(
            self._query.with_changes(
                states=frozenset(states) if states is not None else None, text=(search or "").strip()
            )
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click: the store sorts (the time column sorts by when the task was created)."""
        self.set_query(
            self._query.with_changes(
                sort=SORT_BY_COLUMN.get(column, SortColumn.CREATED), descending=order == Qt.SortOrder.DescendingOrder
            )
        )

    def _matches(self, task: Task) -> bool:
        return self._query.matches(task)

    # --- data ------------------------------------------------------------------------
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Prompt"), self.tr("Model"), self.tr("State"), self.tr("Time"), self.tr("Cost"))[section]

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
            | Qt.ItemFlag.ItemIsDragEnabled
        )  # the views' drag carries the take's file

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= self._exposed:
            return None
        task = self._task(self.id_at(index.row()))
        if task is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(task, index.column())
        if role == TaskRole:
            return task
        if role == TaskIdRole:
            return task.id
        if role == ProgressRole:
            # A bar only where there is progress to show: active tasks and finished videos.
            return self.progress(task) if task.state in _BAR_STATES else None
        if role == Qt.ItemDataRole.DecorationRole and index.column() == PROMPT:
            return self._thumbnail(task)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(task, index.column())
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._spoken(task)
        return None

    def _spoken(self, task: Task) -> str:
        """What a screen reader says for any cell of the row: state, progress, prompt."""
        return self.tr("{state}, {progress}, {prompt}").format(
            state=state_text(task.state), progress=self._time_text(task), prompt=prompt_excerpt(task.prompt)
        )

    def progress(self, task: Task) -> Progress:
        return self.eta.progress(task, self._clock())

    def _display(self, task: Task, column: int) -> str:
        if column == PROMPT:
            return prompt_excerpt(task.prompt)
        if column == MODEL:
            return model_text(task)
        if column == STATE:
            return state_text(task.state)
        if column == PROGRESS:
            return self._time_text(task)
        return short_amount_text(task)

    def _time_text(self, task: Task) -> str:
        waiting = activity_text(task, self._clock())  # what the runner waits for beats a guessed ETA
        if waiting:
            return waiting
        progress = self.progress(task)
        if task.state is TaskState.QUEUED and not (task.submitted_at or task.submit_started_at):
            return self.tr("waiting")
        if progress.remaining is not None and progress.remaining >= 1:
            return self.tr("{elapsed} · ~{left} left").format(
                elapsed=format_seconds(progress.elapsed), left=format_seconds(progress.remaining)
            )
        if progress.remaining is not None:
            return self.tr("{elapsed} · any moment").format(elapsed=format_seconds(progress.elapsed))
        return format_seconds(progress.elapsed)

    def _tooltip(self, task: Task, column: int) -> str:
        if column == STATE and task.error_message:
            return task.error_message
        if column == COST:
            return amount_text(task)
        return task.prompt

    def _thumbnail(self, task: Task):
        if self._thumbs is None or not task.image_path:
            return None
        return self._thumbs.get(task.image_path, task.id)

    # --- live updates ----------------------------------------------------------------
    @Slot(object)
    def _on_event(self, event: StoreEvent) -> None:
        if event.kind == "removed":
            self._cache.pop(event.task_id, None)
            self._remove_row(event.task_id)
        elif event.task is not None:
            self.eta.learn(event.task)
            self._apply(event.kind, event.task)
        self._update_tick()

    def _apply(self, kind: str, task: Task) -> None:
        present = task.id in self._index
        before = self._cache.get(task.id)
        if present:
            self._remember(task)
        if present and not self._matches(task):
            self._remove_row(task.id)
        elif present and self._moved(before, task):
            self._remove_row(task.id)  # its sort value changed: it goes where the store puts it now
            self._insert_in_order(task)
        elif present:
            self._changed(task.id)
        elif self._matches(task):
            self._remember(task)
            newest_first = self._query.sort is SortColumn.CREATED and self._query.descending
            self._insert(task) if kind == "added" and newest_first else self._insert_in_order(task)

    def _moved(self, before: Task | None, after: Task) -> bool:
        if self._query.sort is SortColumn.CREATED:
            return False  # the creation time never changes
        return before is None or self._query.sort_key(before) != self._query.sort_key(after)

    def _insert(self, task: Task) -> None:
        # A new task is the newest: it goes on top.
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._ids.append(task.id)
        self._index[task.id] = len(self._ids) - 1
        self._exposed += 1
        self.endInsertRows()

    def _insert_in_order(self, task: Task) -> None:
        # An older task entering the filter (its state changed): ask the store where it goes.
        fresh = self._held_ids_in_order()  # beyond them, the next page of ids will read it
        if task.id not in fresh:
            return
        row = fresh.index(task.id)
        if row > self._exposed:
            self._ids.insert(len(self._ids) - row, task.id)
            self._reindex()
            return
        self.beginInsertRows(QModelIndex(), row, row)
        self._ids.insert(len(self._ids) - row, task.id)
        self._reindex()
        self._exposed += 1
        self.endInsertRows()

    def _remove_row(self, task_id: str) -> None:
        row = self.row_of(task_id)
        if row is None:
            return
        visible = row < self._exposed
        if visible:
            self.beginRemoveRows(QModelIndex(), row, row)
        del self._ids[self._index[task_id]]
        self._reindex()
        if visible:
            self._exposed -= 1
            self.endRemoveRows()

    def _changed(self, task_id: str) -> None:
        row = self.row_of(task_id)
        if row is not None and row < self._exposed:
            self.dataChanged.emit(self.index(row, 0), self.index(row, COST))

    @Slot(str, object)
    def _on_thumbnail(self, _path: str, task_ids: object) -> None:
        for task_id in task_ids:
            row = self.row_of(task_id)
            if row is not None and row < self._exposed:
                cell = self.index(row, PROMPT)
                self.dataChanged.emit(cell, cell, [Qt.ItemDataRole.DecorationRole])

    def _update_tick(self) -> None:
        if self._bridge.active_ids:
            if not self._tick.isActive():
                self._tick.start()
        else:
            self._tick.stop()

    @Slot()
    def _on_tick(self) -> None:
        rows = [r for r in (self.row_of(i) for i in self._bridge.active_ids) if r is not None and r < self._exposed]
        if rows:
            roles = [Qt.ItemDataRole.DisplayRole, ProgressRole]
            self.dataChanged.emit(self.index(min(rows), PROGRESS), self.index(max(rows), PROGRESS), roles)
