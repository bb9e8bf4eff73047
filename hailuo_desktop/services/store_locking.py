"""How the task store holds its lock and turns sqlite errors into StorageError (reads and
BEGIN IMMEDIATE ... COMMIT transactions); split from store.py."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Literal

from .store_file import full_disk_or as _full_disk_or
from .store_file import safe_rollback as _safe_rollback
from .store_file import storage_error as _storage_error


class Reading:
    """The store's lock held around a connection; sqlite errors become StorageError."""

    def __init__(self, lock: threading.RLock, connect: Callable[[], sqlite3.Connection], path: Path) -> None:
        self._lock, self._connect, self._path = lock, connect, path

    def __enter__(self) -> sqlite3.Connection:
        self._lock.acquire()
        try:
            return self._connect()
        except BaseException:
            self._lock.release()
            raise

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> Literal[False]:
        self._lock.release()
        if isinstance(exc, sqlite3.Error):
            raise _full_disk_or(_storage_error(exc), self._path) from exc
        return False


class Transaction(Reading):
    """BEGIN IMMEDIATE ... COMMIT under the store's lock; sqlite errors become StorageError."""

    def __enter__(self) -> sqlite3.Connection:
        conn = super().__enter__()
        try:
            conn.execute("BEGIN IMMEDIATE")
        except BaseException as exc:
            self._lock.release()
            if isinstance(exc, sqlite3.Error):
                raise _full_disk_or(_storage_error(exc), self._path) from exc
            raise
        return conn

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> Literal[False]:
        conn = self._connect()
        try:
            if exc is None:
                conn.execute("COMMIT")
            else:
                conn.execute("ROLLBACK")
        except sqlite3.Error as commit_error:
            if exc is None:
                _safe_rollback(conn)
                self._lock.release()
                raise _full_disk_or(_storage_error(commit_error), self._path) from commit_error
        return super().__exit__(exc_type, exc, tb)
