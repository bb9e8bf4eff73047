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
from .task_query import SortColumn, TaskQuery, order_clause, page_clause, where_clause
from .text_search import match_expression, sparse_sort_sql, walk_sql

_SELECT = "SELECT " + ", ".join(TASK_COLUMNS) + " FROM tasks"
_IN_CHUNK = 500  # ids per IN (...): well under SQLite's limit on bound variables


class TaskQueries:
    def _reading(self) -> AbstractContextManager[sqlite3.Connection]:  # provided by TaskStore
        raise NotImplementedError

    def _rows_to_tasks(self, rows: sqlite3.Cursor) -> list[Task]:  # provided by TaskStore
        raise NotImplementedError

    def query_ids(self, query: TaskQuery, *, limit: int | None = None, offset: int = 0) -> list[str]:
        """Ids in the query's order; a view reads them a page at a time (`limit`, `offset`)."""
        with self._reading() as conn:
            walk = walk_sql(conn, query, limit=limit, offset=offset) or sparse_sort_sql(
                conn, query, limit=limit, offset=offset
            )
            if walk is not None:
                return [row[0] for row in conn.execute(*walk)]
            where, params = _where(conn, query)
            page, more = page_clause(limit, offset)
            rows = conn.execute(f"SELECT id FROM tasks{where}{order_clause(query)}{page}", [*params, *more])
            return [row[0] for row in rows]

    def query_tasks(self, query: TaskQuery, *, limit: int | None = None, offset: int = 0) -> list[Task]:
        ids = self.query_ids(query, limit=limit, offset=offset)
        found = self.get_many(ids)
        return [found[i] for i in ids if i in found]

    def query_count(self, query: TaskQuery, *, at_most: int | None = None) -> int:
        """How many tasks `query` finds; with `at_most`, counting stops there (a view shows
        "1,000+" when the figure is `at_most`: reaching it costs a page, not every match)."""
        with self._reading() as conn:
            if at_most is not None:
                in_any_order = query.with_changes(sort=SortColumn.CREATED)  # a count has no order
                walk = walk_sql(conn, in_any_order, limit=int(at_most), offset=0, select="1")
                if walk is not None:
                    return int(conn.execute(f"SELECT count(*) FROM ({walk[0]})", walk[1]).fetchone()[0])
            where, params = _where(conn, query)
            sql = f"SELECT count(*) FROM tasks{where}"
            if at_most is not None:
                sql = f"SELECT count(*) FROM (SELECT 1 FROM tasks{where} LIMIT ?)"
                params = [*params, int(at_most)]
            return int(conn.execute(sql, params).fetchone()[0])

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


def _where(conn: sqlite3.Connection, query: TaskQuery) -> tuple[str, list[object]]:
    """where_clause with the text's prefixes spelled out as indexed words (cheaper for FTS5 to
    collect: it merges no doclists in memory)."""
    words = query.words
    return where_clause(query, expression=match_expression(conn, words) if words else None)
