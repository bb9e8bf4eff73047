"""How many takes the list finds: "37 takes", "1,000+ takes", "No takes match".

Beside the search box, for the list and the grid alike. It follows the model (a new filter
or search resets it, a task arriving or leaving inserts or removes a row) and the store's
events (a task entering the filter outside the rows shown). The figure costs nothing when the
model holds every id, or holds more than the bound; only a filter whose first page was full
and has since shrunk below the bound asks the store, for a bounded count (a page's cost).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QLabel, QWidget

from .bridge import StoreBridge
from .model import TaskListModel

COUNT_BOUND = 1000  # beyond this the label says "1,000+": counting further costs every match


class TakeCount(QLabel):
    def __init__(
        self, model: TaskListModel, bridge: StoreBridge, filtered: Callable[[], bool], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("takeCount")
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._model = model
        self._filtered = filtered  # is a search or a filter narrowing the list?
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
            signal.connect(self.refresh)
        bridge.event.connect(self.refresh)  # after the model's own handler: it was connected first
        self.refresh()
        # As wide as its longest words from the start, so the search box does not jump while typing.
        widest = (
            self.tr("No takes match"),
            self.tr("No takes yet"),
            self.words(COUNT_BOUND, False),
            self.words(COUNT_BOUND - 1, True),
        )
        self.setMinimumWidth(max(self.fontMetrics().horizontalAdvance(text) for text in widest))

    def refresh(self, *_args: object) -> None:
        found, exact = self._model.bounded_count(COUNT_BOUND)
        text = self.words(found, exact)
        if text != self.text():
            self.setText(text)
            self.setAccessibleName(text)

    def words(self, found: int, exact: bool) -> str:
        if not exact:
            return self.tr("{count}+ takes").format(count=QLocale().toString(found))
        if found == 0:
            return self.tr("No takes match") if self._filtered() else self.tr("No takes yet")
        return self.tr("%Ln takes", "", found) if found != 1 else self.tr("1 take")
