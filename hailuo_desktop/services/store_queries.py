"""The store's query API (services.task_query compiled to SQL), kept apart from store.py.

TaskStore inherits these methods; they read through its lock and connection
(`_reading`) and turn rows into Tasks with its `_rows_to_tasks`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from contextlib import AbstractContextManager

from ..domain.task import Task
from .store_schema import TASK_COLUMNS
from .task_query import TaskQuery, order_clause, page_clause, where_clause

_SELECT = "SELECT " + ", ".join(TASK_COLUMNS) + " FROM tasks"
_IN_CHUNK = 500  # ids per IN (...): well under SQLite's limit on bound variables


class TaskQueries:
    def _reading(self) -> AbstractContextManager[sqlite3.Connection]:  # provided by TaskStore
        raise NotImplementedError

    def _rows_to_tasks(self, rows: sqlite3.Cursor) -> list[Task]:  # provided by TaskStore
        raise NotImplementedError

    def query_ids(self, query: TaskQuery, *, limit: int | None = None, offset: int = 0) -> list[str]:
        """Ids in the query's order: all a Qt model holds (it loads the Tasks it paints)."""
        where, params = where_clause(query)
        page, more = page_clause(limit, offset)
        with self._reading() as conn:
            rows = conn.execute(f"SELECT id FROM tasks{where}{order_clause(query)}{page}", [*params, *more])
            return [row[0] for row in rows]

    def query_tasks(self, query: TaskQuery, *, limit: int | None = None, offset: int = 0) -> list[Task]:
        where, params = where_clause(query)
        page, more = page_clause(limit, offset)
        with self._reading() as conn:
            return self._rows_to_tasks(conn.execute(f"{_SELECT}{where}{order_clause(query)}{page}", [*params, *more]))

    def query_count(self, query: TaskQuery) -> int:
        where, params = where_clause(query)
        with self._reading() as conn:
            return int(conn.execute(f"SELECT COUNT(*) FROM tasks{where}", params).fetchone()[0])

    def get_many(self, ids: Iterable[str]) -> dict[str, Task]:
        """The stored Tasks of `ids`; ids no longer stored are absent."""
        wanted = list(dict.fromkeys(ids))
        found: dict[str, Task] = {}
        with self._reading() as conn:
            for start in range(0, len(wanted), _IN_CHUNK):
                chunk = wanted[start : start + _IN_CHUNK]
                rows = conn.execute(f"{_SELECT} WHERE id IN ({', '.join('?' for _ in chunk)})", chunk)
                found.update((task.id, task) for task in self._rows_to_tasks(rows))
        return found

    def facets(self, query: TaskQuery | None = None) -> dict[str, dict[str, int]]:
        """Tasks per provider and per model among those `query` finds, ignoring its own provider
        and model filters: what the filter menus offer."""
        where, params = where_clause(query or TaskQuery(), skip=frozenset({"provider", "model"}))
        result: dict[str, dict[str, int]] = {}
        with self._reading() as conn:
            for column in ("provider", "model"):
                rows = conn.execute(f"SELECT {column}, COUNT(*) FROM tasks{where} GROUP BY {column}", params)
                result[column] = dict(rows.fetchall())
        return result
