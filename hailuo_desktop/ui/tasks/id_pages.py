"""The task list's rows read from the store a page of ids at a time, not all at once.

A search for a common word finds most of 100,000 tasks; reading all their ids in order takes
hundreds of milliseconds, a page of them about one (the store walks its index and stops:
services.text_search). So the model holds the first ids in order, `READ_IDS` at a time, and
reads the next page when the view scrolls near the end of what it has. The ids held are
always the store's first ones for the query: the model places every change it hears of
(services.store events) within them, so the next page starts at `len(ids)`; a page that
overlaps what is held (another process added a task) is de-duplicated.

Ids are kept oldest-first internally (a new task is an append); row = len - 1 - index.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex

CHUNK = 500  # rows handed to the view per fetchMore
READ_IDS = 2000  # ids read from the store per page


class PagedIds:
    """Mixed into TaskListModel (a QAbstractTableModel with `_store` and `_query`)."""

    def _load_ids(self) -> None:
        first = self._store.query_ids(self._query, limit=READ_IDS)
        self._ids: list[str] = list(reversed(first))
        self._complete = len(first) < READ_IDS  # every id the query finds is held
        self._reindex()
        self._exposed = min(len(self._ids), CHUNK)

    def _reindex(self) -> None:
        self._index = {task_id: i for i, task_id in enumerate(self._ids)}

    def _read_more_ids(self, limit: int | None = READ_IDS) -> None:
        more = self._store.query_ids(self._query, limit=limit, offset=len(self._ids))
        self._complete = limit is None or len(more) < limit
        fresh = [task_id for task_id in more if task_id not in self._index]
        if fresh:
            self._ids[0:0] = reversed(fresh)  # older rows go below: the front of the list
            self._reindex()

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and (self._exposed < len(self._ids) or not self._complete)

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:
        if parent.isValid():
            return
        if self._exposed + CHUNK > len(self._ids) and not self._complete:
            self._read_more_ids()
        extra = min(CHUNK, len(self._ids) - self._exposed)
        if extra <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._exposed, self._exposed + extra - 1)
        self._exposed += extra
        self.endInsertRows()

    def total_count(self) -> int:
        """Every task matching the filter, exposed to the view yet or not (counted by the
        store when not every id is held)."""
        return len(self._ids) if self._complete else self._store.query_count(self._query)

    def bounded_count(self, at_most: int) -> tuple[int, bool]:
        """How many tasks the filter finds, and whether that is exact: counted up to `at_most`
        when not every id is held (a view says "1,000+"). Free when the ids tell already (a
        full first page holds more than any bound a view shows); else the store counts a page."""
        if self._complete:
            return len(self._ids), True
        if len(self._ids) >= at_most:
            return at_most, False
        found = self._store.query_count(self._query, at_most=at_most)
        return found, found < at_most

    def is_empty(self) -> bool:
        return not self._ids

    def _read_until_held(self, task_id: str) -> None:
        """A task asked for by id that the list shows but does not hold yet: read the rest of
        the ids at once (pages one by one would walk the first ones again for each)."""
        if task_id in self._index or self._complete:
            return
        try:
            task = self._store.get(task_id)
        except KeyError:
            return
        if self._query.matches(task):
            self._read_more_ids(limit=None)

    def _held_ids_in_order(self) -> list[str]:
        """The store's order of the ids held, plus one: where a task entering the list goes."""
        return self._store.query_ids(self._query, limit=len(self._ids) + 1)
