"""The task list: state filter, prompt search, running batches, and the table itself."""

from __future__ import annotations

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.states import TaskState
from ..viewports import own_viewport
from ..workspace.drag import DragsTakes
from ..workspace.filters import FilterBar
from .bridge import StoreBridge
from .count import TakeCount
from .delegate import ProgressDelegate
from .model import (
    COST,
    MODEL,
    PROGRESS,
    PROMPT,
    SORT_BY_COLUMN,
    STATE,
    TaskIdRole,
    TaskListModel,
    TaskRole,
)
from .thumbs import LIST_THUMB_SIZE

SEARCH_DEBOUNCE_MS = 200  # one store query per pause in typing, not per key
ROW_HEIGHT = LIST_THUMB_SIZE + 8


MODEL_COLUMN_FROM = 640  # narrower than this, the model column gives its room to the prompt


class TakeTable(DragsTakes, QTableView):
    """The list's table; a drag carries the selected takes' video files.

    In a narrow window the model column hides (the detail and the tiles still show it), so
    the prompt stays readable without sideways scrolling.
    """

    def resizeEvent(self, event) -> None:
        narrow = event.size().width() < MODEL_COLUMN_FROM
        if self.isColumnHidden(MODEL) != narrow:
            self.setColumnHidden(MODEL, narrow)
        super().resizeEvent(event)


def _filters(tr) -> list[tuple[str, frozenset[TaskState] | None]]:
    return [
        (tr("All tasks"), None),
        (tr("Active"), frozenset({TaskState.QUEUED, TaskState.RUNNING, TaskState.DOWNLOADING})),
        (tr("Done"), frozenset({TaskState.SUCCEEDED})),
        (tr("Failed"), frozenset({TaskState.FAILED})),
        (tr("Needs a check"), frozenset({TaskState.UNKNOWN})),
        (tr("Cancelled"), frozenset({TaskState.CANCELLED})),
    ]


class TaskListPanel(QWidget):
    task_selected = Signal(object)  # task id (str) or None: the take picked last
    selection_changed = Signal(list)  # every selected task id, in the order the user picked them

    def __init__(self, model: TaskListModel, bridge: StoreBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._bridge = bridge
        self._picked: list[str] = []  # selected ids in pick order (Qt keeps no order)
        self._build_filter_row()
        self._build_table()
        self._build_placeholder()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._filter_row)
        layout.addWidget(self.batch_label)
        layout.addWidget(self._pages, 1)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.state_filter.currentIndexChanged.connect(self.apply_filter)
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset):
            signal.connect(self._show_page)
        bridge.batches_changed.connect(self._show_batches)
        self._show_page()
        self._show_batches()

    def _build_filter_row(self) -> None:
        self.state_filter = QComboBox()
        for label, states in _filters(self.tr):
            self.state_filter.addItem(label, states)
        self.state_filter.setToolTip(self.tr("Show only tasks in this state"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search prompts, file names, task ids (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search tasks"))
        self.search.setToolTip(
            self.tr(
                "Show only the tasks whose prompt or source file name has words starting "
                "with these, or whose id starts with this (Ctrl+F)"
            )
        )
        self.filter_bar = FilterBar(self.model.store)
        self.filter_bar.changed.connect(self.apply_filter)
        self._filter_row = QHBoxLayout()
        self._filter_row.addWidget(self.state_filter)
        self._filter_row.addWidget(self.search, 1)
        self._filter_row.addWidget(self.filter_bar)
        self.count = TakeCount(self.model, self._bridge, self._filtered)
        self._filter_row.addWidget(self.count)
        self.batch_label = QLabel()
        self.batch_label.setObjectName("batchProgress")
        self.batch_label.hide()

    def _build_table(self) -> None:
        table = TakeTable()
        own_viewport(table)  # reading it back must not load every widget class (ui/viewports.py)
        table.setModel(self.model)
        table.setItemDelegateForColumn(PROGRESS, ProgressDelegate(table))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setIconSize(QSize(LIST_THUMB_SIZE, LIST_THUMB_SIZE))
        table.setWordWrap(False)
        table.setTabKeyNavigation(False)  # Tab leaves the list instead of walking every cell
        table.setDragEnabled(True)  # finished takes drag out as files (workspace/drag.py)
        table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        table.setShowGrid(False)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        # Fixed row heights let the view lay out 10,000 rows without measuring any of them.
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = table.horizontalHeader()
        # Prompt and model share what the fixed columns leave, so a 1024 px window still
        # shows both (elided) with no sideways scrolling.
        header.setSectionResizeMode(PROMPT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(MODEL, QHeaderView.ResizeMode.Stretch)
        for column, width in ((STATE, 96), (PROGRESS, 140), (COST, 104)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setHighlightSections(False)
        header.setSectionsClickable(True)
        header.setSortIndicator(PROGRESS, Qt.SortOrder.DescendingOrder)  # newest first, as the store lists
        header.setSortIndicatorShown(True)
        header.sortIndicatorChanged.connect(self._on_header_sort)
        table.selectionModel().selectionChanged.connect(self._on_selection)
        table.setAccessibleName(self.tr("Tasks"))
        table.setAccessibleDescription(
            self.tr(
                "Every task, newest first: its state, progress and prompt. Select one to see its video and details."
            )
        )
        self.table = table

    def _build_placeholder(self) -> None:
        self.placeholder = QLabel(
            self.tr("No tasks yet.\nDrop images on the left, write a prompt and press Generate (Ctrl+Enter).")
        )
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setEnabled(False)  # the palette's muted text colour
        self._pages = QStackedWidget()
        self._pages.addWidget(self.placeholder)
        self._pages.addWidget(self.table)
        self.view: QAbstractItemView = self.table  # the list, or a view added with add_view (the grid)

    @Slot()
    def apply_filter(self) -> None:
        self._search_timer.stop()
        query = self.filter_bar.apply(self.model.query)
        states = self.state_filter.currentData()
        self.model.set_query(
            query.with_changes(
                states=frozenset(states) if states is not None else None, text=self.search.text().strip()
            )
        )
        self._show_sort_indicator()

    def _show_sort_indicator(self) -> None:
        # The header shows the store's order when a column has it; grouping or finish time: none.
        query = self.model.query
        column = next((c for c, s in SORT_BY_COLUMN.items() if s is query.sort and c != PROMPT), None)
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicatorShown(column is not None)
        if column is not None:
            header.setSortIndicator(
                column, Qt.SortOrder.DescendingOrder if query.descending else Qt.SortOrder.AscendingOrder
            )
        header.blockSignals(False)

    def _on_header_sort(self, column: int, order: Qt.SortOrder) -> None:
        """A header click sorts; the Sort box follows when it has that order."""
        self.model.sort(column, order)
        query = self.model.query
        box = self.filter_bar.sort
        for i in range(box.count()):
            if box.itemData(i) == (query.sort, query.descending):
                box.blockSignals(True)
                box.setCurrentIndex(i)
                box.blockSignals(False)
        self.filter_bar.header_sorted(query.sort, query.descending)

    def _filtered(self) -> bool:
        return self.state_filter.currentIndex() > 0 or bool(self.search.text().strip()) or self.filter_bar.active()

    def _show_page(self, *_args) -> None:
        empty = self.model.is_empty()
        if empty and self._filtered():
            self.placeholder.setText(self.tr("No task matches this filter."))
        elif empty:
            self.placeholder.setText(
                self.tr("No tasks yet.\nDrop images on the left, write a prompt and press Generate (Ctrl+Enter).")
            )
        self._pages.setCurrentWidget(self.placeholder if empty else self.view)

    def add_view(self, view: QAbstractItemView) -> None:
        """Another view of the same rows (the grid); it should share the table's selection model."""
        self._pages.addWidget(view)

    def show_view(self, view: QAbstractItemView) -> None:
        had_focus = self.view.hasFocus()
        self.view = view
        self._show_page()
        if had_focus:
            view.setFocus()
        current = self.table.selectionModel().currentIndex()
        if current.isValid():
            view.scrollTo(current)

    def _show_batches(self) -> None:
        batches = self._bridge.running_batches()
        if not batches:
            self.batch_label.hide()
            return
        counts = " · ".join(self.tr("{done}/{total} done").format(done=f, total=t) for f, t in batches.values())
        self.batch_label.setText(
            self.tr("Running batch: {counts}").format(counts=counts)
            if len(batches) == 1
            else self.tr("Running batches: {counts}").format(counts=counts)
        )
        self.batch_label.show()

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        now = [index.data(TaskIdRole) for index in sorted(rows, key=lambda i: i.row(), reverse=True)]
        kept = [task_id for task_id in self._picked if task_id in now]
        self._picked = kept + [task_id for task_id in now if task_id not in kept]
        self.task_selected.emit(self.selected_id())
        self.selection_changed.emit(list(self._picked))
        last = self.selected_id()
        self.filter_bar.set_current_task(self.model.index_of(last).data(TaskRole) if last else None)

    def selected_id(self) -> str | None:
        """The take picked last (the one the detail shows)."""
        return self._picked[-1] if self._picked else None

    def selected_ids(self) -> list[str]:
        """Every selected take, in the order the user picked them (a range: oldest first)."""
        return list(self._picked)

    def selected_tasks(self) -> list:
        """The selected Tasks, in pick order."""
        tasks = (self.model.index_of(task_id).data(TaskRole) for task_id in self._picked)
        return [task for task in tasks if task is not None]

    def select(self, task_id: str) -> None:
        self.select_many([task_id])

    def select_many(self, task_ids: list[str]) -> None:
        """Select exactly these takes, picked in this order (the last one is current)."""
        # Through the selection model, not selectRow(): in extended mode selectRow() reads the
        # keyboard modifiers held right now, and a held Ctrl would toggle the row off.
        indexes = [index for index in map(self.model.index_of, task_ids) if index.isValid()]
        flags = QItemSelectionModel.SelectionFlag
        selection = self.table.selectionModel()
        selection.clearSelection()
        for index in indexes:
            selection.select(index, flags.Select | flags.Rows)
        if indexes:
            selection.setCurrentIndex(indexes[-1], flags.NoUpdate)
            self.table.scrollTo(indexes[-1])

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
