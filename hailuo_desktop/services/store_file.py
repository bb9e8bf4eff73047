"""The task database file: opening and checking it, setting a damaged one aside, and its
failures in words (services/store.py uses these; see its docstring for why)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from ..domain.errors import DiskFull, StorageError
from .store_schema import migrate

BUSY_TIMEOUT_SECONDS = 5.0
FULL_DISK_BYTES = 1024 * 1024  # less free space than this where the database lives: a full disk
_CORRUPT_ERRORS = {"SQLITE_CORRUPT", "SQLITE_NOTADB"}


@dataclass(frozen=True)
class CorruptStore:
    """A database file that could not be read and was set aside."""

    moved_to: Path
    reason: str

    @property
    def message(self) -> str:
        return (
            f"The task database could not be read ({self.reason}). It was moved to {self.moved_to} "
            "and a new, empty one was started. Keep the old file if you need its history."
        )


def safe_rollback(conn: sqlite3.Connection) -> None:
    try:
        conn.execute("ROLLBACK")
    except sqlite3.Error:
        pass


def storage_error(exc: sqlite3.Error) -> StorageError:
    text = str(exc)
    if "full" in text.lower():
        return DiskFull(f"The disk holding the task database is full ({text}).")
    return StorageError(f"The task database failed: {text}")


def full_disk_or(error: StorageError, path: Path) -> StorageError:
    """SQLite says "disk I/O error" when it cannot even create its -shm file on a full disk:
    a failure with (almost) no space left where the database lives is a full disk."""
    if isinstance(error, DiskFull):
        return error
    try:
        free = shutil.disk_usage(path.parent).free
    except OSError:
        return error
    if free >= FULL_DISK_BYTES:
        return error
    return DiskFull(f"The disk holding the task database is full ({free // 1024} KB free; {error.message}).")


# --- opening and setting aside -------------------------------------------------------
class Corrupt(Exception):
    pass


def open_database(path: Path) -> sqlite3.Connection:
    try:
        # The store serialises access with its own lock, so one connection may serve threads.
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_SECONDS)
    except sqlite3.Error as exc:
        raise StorageError(f"Cannot open the task database {path}: {exc}") from exc
    try:
        _configure(conn)
        _check(conn)
        migrate(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def _configure(conn: sqlite3.Connection) -> None:
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")  # see the module docstring
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as exc:
        _raise_corrupt_or_storage(exc)


def _check(conn: sqlite3.Connection) -> None:
    # quick_check reads every page but skips the index cross-checks: milliseconds for
    # thousands of tasks, and it catches a damaged file before we write into it.
    try:
        rows = [row[0] for row in conn.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as exc:
        _raise_corrupt_or_storage(exc)
    if rows != ["ok"]:
        raise Corrupt("; ".join(str(r) for r in rows[:3]))


def _raise_corrupt_or_storage(exc: sqlite3.DatabaseError) -> NoReturn:
    if getattr(exc, "sqlite_errorname", None) in _CORRUPT_ERRORS:
        raise Corrupt(str(exc)) from exc
    raise StorageError(f"Cannot use the task database: {exc}") from exc


def set_aside(path: Path, reason: str, now: float) -> CorruptStore:
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(now))
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    suffix = 1
    while target.exists():
        suffix += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{suffix}")
    try:
        for extra in ("-wal", "-shm"):
            side = path.with_name(path.name + extra)
            if side.exists():
                os.replace(side, target.with_name(target.name + extra))
        os.replace(path, target)
    except OSError as exc:
        raise StorageError(
            f"The task database {path} is damaged ({reason}) and could not be moved aside: {exc}. "
            "Move it away by hand and start again."
        ) from exc
    return CorruptStore(moved_to=target, reason=reason)
