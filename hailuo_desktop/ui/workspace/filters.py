"""Finding takes: keepers only, rejected hidden/shown/only, provider, model, date, one source
image, and the order (or grouping) — a Filters menu and a Sort box beside the search field.

The bar only builds a TaskQuery; the store filters, searches and sorts (services.task_query),
so 100,000 takes cost a query, not a Python loop.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QMenu, QToolButton, QWidget

from ...domain.task import Task
from ...services.task_query import RejectedFilter, SortColumn, TaskQuery
from ..tasks.words import provider_name

DAY = 86_400.0


def _sorts(tr) -> list[tuple[str, SortColumn, bool]]:
    return [
        (tr("Newest first"), SortColumn.CREATED, True),
        (tr("Oldest first"), SortColumn.CREATED, False),
        (tr("Recently finished"), SortColumn.FINISHED, True),
        (tr("Provider"), SortColumn.PROVIDER, False),
        (tr("Model"), SortColumn.MODEL, False),
        (tr("State"), SortColumn.STATE, False),
        (tr("Cost, highest first"), SortColumn.COST, True),
        (tr("Duration"), SortColumn.DURATION, False),
        (tr("Grouped by batch"), SortColumn.BATCH, True),
        (tr("Grouped by source image"), SortColumn.SOURCE, False),
    ]


def _dates(tr) -> list[tuple[str, float | None]]:
    return [(tr("Any time"), None), (tr("Today"), 0.0), (tr("Last 7 days"), 7.0), (tr("Last 30 days"), 30.0)]


def _midnight(now: float) -> float:
    local = time.localtime(now)
    return time.mktime((local.tm_year, local.tm_mon, local.tm_mday, 0, 0, 0, 0, 0, -1))


class FilterBar(QWidget):
    changed = Signal()  # a filter or the order changed: ask `apply(query)` for the new query

    def __init__(self, store, clock: Callable[[], float] = time.time, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._clock = clock
        self._image: tuple[str, str] | None = None  # ("sha256" | "path", value) of the current take
        self.menu = QMenu(self)
        self.button = QToolButton()
        self.button.setText(self.tr("Filters"))
        self.button.setToolTip(self.tr("Keepers, rejected takes, provider, model, date, source image"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setMenu(self.menu)
        self.sort = QComboBox()
        self.sort.setToolTip(self.tr("Order of the takes, or group them by batch or by source image"))
        self.sort.setAccessibleName(self.tr("Sort"))
        for label, column, descending in _sorts(self.tr):
            self.sort.addItem(label, (column, descending))
        self._header_sort: tuple[SortColumn, bool] | None = None
        self.sort.currentIndexChanged.connect(self._on_sort_box)
        self._build_menu()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.button)
        row.addWidget(self.sort)

    # --- the menu --------------------------------------------------------------------
    def _check(
        self, menu: QMenu, text: str, group: QActionGroup | None = None, data=None, checked: bool = False
    ) -> QAction:
        action = menu.addAction(text)
        action.setCheckable(True)
        action.setChecked(checked)
        action.setData(data)
        if group is not None:
            group.addAction(action)
        action.toggled.connect(lambda _on: self._changed())
        return action

    def _build_menu(self) -> None:
        tr, menu = self.tr, self.menu
        self.starred = self._check(menu, tr("&Starred only"))
        self.same_image = self._check(menu, tr("Only takes of the selected take's &image"))
        rejected = menu.addMenu(tr("&Rejected takes"))
        group = QActionGroup(self)
        self.rejected = {
            mode: self._check(rejected, text, group, mode, mode is RejectedFilter.HIDE)
            for mode, text in (
                (RejectedFilter.HIDE, tr("Hidden")),
                (RejectedFilter.ANY, tr("Shown too")),
                (RejectedFilter.ONLY, tr("Only rejected")),
            )
        }
        dates = menu.addMenu(tr("&Date"))
        group = QActionGroup(self)
        self.dates = [self._check(dates, text, group, days, days is None) for text, days in _dates(tr)]
        self.providers_menu = menu.addMenu(tr("&Provider"))
        self.models_menu = menu.addMenu(tr("&Model"))
        self.providers: dict[str, QAction] = {}
        self.models: dict[str, QAction] = {}
        self.providers_menu.aboutToShow.connect(self.refresh_facets)
        self.models_menu.aboutToShow.connect(self.refresh_facets)
        menu.addSeparator()
        menu.addAction(tr("&Clear filters"), self.clear)
        self.refresh_facets()

    def refresh_facets(self) -> None:
        """Every provider and model the store holds, with how many takes each."""
        facets = self._store.facets()
        for kind, menu, actions, name in (
            ("provider", self.providers_menu, self.providers, provider_name),
            ("model", self.models_menu, self.models, str),
        ):
            for value, count in sorted(facets.get(kind, {}).items()):
                text = f"{name(value)} ({count})"
                if value in actions:
                    actions[value].setText(text)
                else:
                    actions[value] = self._check(menu, text, None, value)

    # --- the query -------------------------------------------------------------------
    def set_current_task(self, task: Task | None) -> None:
        """The take "same source image" refers to (the one picked last)."""
        image = None
        if task is not None and task.image_sha256:
            image = ("sha256", task.image_sha256)
        elif task is not None and task.image_path:
            image = ("path", task.image_path)
        if image == self._image:
            return
        self._image = image
        self.same_image.setEnabled(image is not None or self.same_image.isChecked())
        if self.same_image.isChecked() and image is not None:
            self._changed()

    def apply(self, query: TaskQuery) -> TaskQuery:
        column, descending = self._header_sort or self.sort.currentData()
        days = next(a.data() for a in self.dates if a.isChecked())
        now = self._clock()
        created_from = None if days is None else (_midnight(now) if days == 0 else now - days * DAY)
        image = self._image if self.same_image.isChecked() else None
        return query.with_changes(
            starred=True if self.starred.isChecked() else None,
            rejected=next(mode for mode, a in self.rejected.items() if a.isChecked()),
            providers=frozenset(v for v, a in self.providers.items() if a.isChecked()),
            models=frozenset(v for v, a in self.models.items() if a.isChecked()),
            created_from=created_from,
            image_sha256=image[1] if image and image[0] == "sha256" else None,
            image_path=image[1] if image and image[0] == "path" else None,
            sort=column,
            descending=descending,
        )

    def header_sorted(self, column: SortColumn, descending: bool) -> None:
        """The list's header sorted: remember it so the next filter change keeps that order."""
        self._header_sort = (column, descending)

    def active(self) -> bool:
        return self.apply(TaskQuery()).with_changes(sort=SortColumn.CREATED, descending=True) != TaskQuery()

    def clear(self) -> None:
        for action in [self.starred, self.same_image, *self.providers.values(), *self.models.values()]:
            action.blockSignals(True)
            action.setChecked(False)
            action.blockSignals(False)
        self.rejected[RejectedFilter.HIDE].setChecked(True)
        self.dates[0].setChecked(True)
        self._changed()

    def _on_sort_box(self, _index: int) -> None:
        self._header_sort = None  # the box's choice wins over an earlier header click
        self.changed.emit()

    def _changed(self) -> None:
        self.button.setText(self.tr("Filters (on)") if self.active() else self.tr("Filters"))
        self.changed.emit()
