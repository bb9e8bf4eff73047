"""The task store: SQLite, the single source of truth for every task and upload.

Durability: WAL journal with synchronous=NORMAL. In WAL mode NORMAL means a commit is in
the write-ahead log before `commit` returns, so a crashed or killed *process* loses nothing
that was committed; only a power cut or OS crash can lose the last few commits (the WAL is
fsynced at checkpoints, not per commit). That is the trade the app wants: a poll commits
often, and a fsync per poll would cost far more than the rare power cut. The one write
that must survive everything, `submit_started_at`, still errs on the safe side: if it is
lost, the task looks never sent, and a provider that did create it shows it in its dashboard.

Corruption: a file SQLite cannot read is never discarded. It is renamed to
`<name>.corrupt-<timestamp>` (with its -wal/-shm), a fresh store is started, and
`store.corruption` says what happened and where the old file went, so the app can tell the
user at once (the choice: the app keeps working and keeps the evidence, instead of refusing
to start). Any other SQLite failure (locked, disk full, unwritable folder) raises
StorageError with words a user can act on.

Listeners (`subscribe`) are called synchronously on the calling thread, after the change is
committed, so anything a listener shows is already on disk. A listener that raises is
logged and skipped: the change has happened and the caller must not think otherwise.
Listeners see changes made through this TaskStore object only, not other processes.
"""

from __future__ import annotations

import builtins
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..domain.charges import charge_changes
from ..domain.errors import StorageError
from ..domain.outcome import Outcome
from ..domain.states import FINAL_STATES, RESUMABLE_STATES, TaskState
from ..domain.task import Task
from ..providers.base import UploadedFile
from .store_file import BUSY_TIMEOUT_SECONDS, FULL_DISK_BYTES, CorruptStore
from .store_file import Corrupt as _Corrupt
from .store_file import full_disk_or as _full_disk_or
from .store_file import open_database as _open
from .store_file import set_aside as _set_aside
from .store_locking import Reading, Transaction
from .store_queries import TaskQueries
from .store_rows import column_value as _column_value
from .store_rows import task_from_row as _task
from .store_rows import values as _values
from .store_rows import where as _where
from .store_schema import TASK_COLUMNS

__all__ = ["BUSY_TIMEOUT_SECONDS", "FULL_DISK_BYTES", "CorruptStore", "StoreEvent", "TaskStore"]

log = logging.getLogger(__name__)

# Reuse an uploaded file only while it has this long left: the provider fetches the image
# after the submit, and a queued task may wait a while before it is submitted.
UPLOAD_SAFETY_MARGIN = 6 * 3600.0
_SELECT = "SELECT " + ", ".join(TASK_COLUMNS) + " FROM tasks"
_UNCHANGEABLE = {"id", "created_at"}


@dataclass(frozen=True)
class StoreEvent:
    kind: str  # "added" | "updated" | "removed"
    task_id: str
    task: Task | None  # None for "removed"


Listener = Callable[[StoreEvent], None]


class TaskStore(TaskQueries):  # query_ids, query_tasks, query_count, get_many, facets
    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        clock: Callable[[], float] = time.time,
        upload_margin: float = UPLOAD_SAFETY_MARGIN,
    ) -> None:
        self.path = Path(path)
        self._clock = clock
        self._upload_margin = upload_margin
        self._lock = threading.RLock()
        self._listeners: list[Listener] = []
        self.corruption: CorruptStore | None = None
        self._conn: sqlite3.Connection | None = self._open_or_set_aside()

    # --- opening ---------------------------------------------------------------------
    def _open_or_set_aside(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(f"Cannot create the folder for the task database {self.path.parent}: {exc}") from exc
        try:
            return _open(self.path)
        except StorageError as exc:
            raise _full_disk_or(exc, self.path) from exc
        except _Corrupt as exc:
            self.corruption = _set_aside(self.path, str(exc), self._clock())
            log.warning("%s", self.corruption.message)
            return _open(self.path)

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    # --- listeners -------------------------------------------------------------------
    def subscribe(self, callback: Listener) -> Callable[[], None]:
        with self._lock:
            self._listeners.append(callback)

        def unsubscribe() -> None:
            with self._lock:
                if callback in self._listeners:
                    self._listeners.remove(callback)

        return unsubscribe

    def _emit(self, events: Iterable[StoreEvent]) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for event in events:
            for listener in listeners:
                try:
                    listener(event)
                except Exception:  # the change is committed; one bad listener must not undo the caller
                    log.exception("store listener failed on %s %s", event.kind, event.task_id)

    # --- writes ----------------------------------------------------------------------
    def add(self, task: Task) -> Task:
        return self.add_many([task])[0]

    def add_many(self, tasks: Iterable[Task]) -> list[Task]:
        """Add several tasks in one transaction: all are stored, or none."""
        now = self._clock()
        stored = [t.with_changes(created_at=t.created_at or now, updated_at=now) for t in tasks]
        placeholders = ", ".join("?" for _ in TASK_COLUMNS)
        sql = f"INSERT INTO tasks ({', '.join(TASK_COLUMNS)}) VALUES ({placeholders})"
        with self._transaction() as conn:
            for task in stored:
                try:
                    conn.execute(sql, _values(task))
                except sqlite3.IntegrityError as exc:
                    raise ValueError(f"a task with id {task.id!r} is already stored") from exc
        self._emit(StoreEvent("added", t.id, t) for t in stored)
        return stored

    def update(self, task_id: str, **changes: Any) -> Task:
        """Apply `changes`, commit, then tell the listeners. KeyError when the task is gone."""
        bad = set(changes) - (set(TASK_COLUMNS) - _UNCHANGEABLE)
        if bad:
            raise TypeError(f"cannot update task field(s) {', '.join(sorted(bad))}")
        if "state" in changes:
            changes["state"] = TaskState(changes["state"])
        changes["updated_at"] = self._clock()
        with self._transaction() as conn:
            task = self._get(conn, task_id).with_changes(**changes)
            money = charge_changes(task)  # what the task costs follows its state, in the same commit
            changes.update(money)
            task = task.with_changes(**money)
            assignments = ", ".join(f"{name} = ?" for name in changes)
            values = [_column_value(getattr(task, name)) for name in changes]
            conn.execute(f"UPDATE tasks SET {assignments} WHERE id = ?", (*values, task_id))
        self._emit([StoreEvent("updated", task_id, task)])
        return task

    def settle(self, task_id: str, outcome: Outcome, **progress: Any) -> Task:
        """Apply a runner step's outcome (and what else it saw, e.g. the poll count) in one commit."""
        return self.update(task_id, **progress, **outcome.changes())

    def remove(self, task_id: str) -> None:
        with self._transaction() as conn:
            gone = conn.execute("DELETE FROM tasks WHERE id = ?", (task_id,)).rowcount
        if gone:
            self._emit([StoreEvent("removed", task_id, None)])

    # --- reads -----------------------------------------------------------------------
    def get(self, task_id: str) -> Task:
        with self._reading() as conn:
            return self._get(conn, task_id)

    def list(
        self,
        states: Iterable[TaskState | str] | None = None,
        *,
        search: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Task]:
        where, params = _where(states, search)
        page = ""
        if limit is not None or offset:
            page = " LIMIT ? OFFSET ?"
            params = [*params, -1 if limit is None else int(limit), int(offset)]
        with self._reading() as conn:
            rows = conn.execute(f"{_SELECT}{where} ORDER BY created_at DESC, seq DESC{page}", params)
            return [_task(row) for row in rows]

    def count(self, states: Iterable[TaskState | str] | None = None, *, search: str | None = None) -> int:
        where, params = _where(states, search)
        with self._reading() as conn:
            return int(conn.execute(f"SELECT COUNT(*) FROM tasks{where}", params).fetchone()[0])

    def ids(self, states: Iterable[TaskState | str] | None = None, *, search: str | None = None) -> builtins.list[str]:
        """Task ids, newest first: all the Qt model needs to know its rows (it loads them lazily)."""
        where, params = _where(states, search)
        with self._reading() as conn:
            rows = conn.execute(f"SELECT id FROM tasks{where} ORDER BY created_at DESC, seq DESC", params)
            return [row[0] for row in rows]

    def unfinished(self) -> builtins.list[Task]:
        """Tasks a restart picks up, oldest first (their result URLs expire first)."""
        resumable = ", ".join("?" for _ in RESUMABLE_STATES)
        sql = (
            f"{_SELECT} WHERE state IN ({resumable}) OR (state = ? AND remote_id IS NOT NULL) ORDER BY created_at, seq"
        )
        params = [s.value for s in RESUMABLE_STATES] + [TaskState.UNKNOWN.value]
        with self._reading() as conn:
            return [_task(row) for row in conn.execute(sql, params)]

    def sent_since(self, since: float | None = None) -> builtins.list[Task]:
        """Tasks whose submit left at or after `since` (every sent task when None), oldest first."""
        where, params = ("submit_started_at IS NOT NULL", []) if since is None else ("submit_started_at >= ?", [since])
        with self._reading() as conn:
            rows = conn.execute(f"{_SELECT} WHERE {where} ORDER BY submit_started_at, seq", params)
            return [_task(row) for row in rows]

    def batch_tasks(self, batch_id: str) -> builtins.list[Task]:
        """Every task of one Generate click, oldest first (outcome counts, cancelling a batch)."""
        with self._reading() as conn:
            rows = conn.execute(f"{_SELECT} WHERE batch_id = ? ORDER BY created_at, seq", (batch_id,))
            return [_task(row) for row in rows]

    def children(self, parent_id: str) -> builtins.list[Task]:
        """The takes that continue `parent_id` (from its last frame), oldest first."""
        with self._reading() as conn:
            rows = conn.execute(f"{_SELECT} WHERE parent_id = ? ORDER BY created_at, seq", (parent_id,))
            return [_task(row) for row in rows]

    def recent_prompts(self, limit: int = 500) -> builtins.list[str]:
        """Distinct prompts, the most recently used first (the prompt history)."""
        sql = "SELECT prompt FROM tasks WHERE TRIM(prompt) != '' GROUP BY prompt ORDER BY MAX(created_at) DESC LIMIT ?"
        with self._reading() as conn:
            return [row[0] for row in conn.execute(sql, (int(limit),))]

    def batch_progress(self, batch_id: str) -> tuple[int, int]:
        finals = ", ".join("?" for _ in FINAL_STATES)
        sql = f"SELECT COALESCE(SUM(state IN ({finals})), 0), COUNT(*) FROM tasks WHERE batch_id = ?"
        with self._reading() as conn:
            final, total = conn.execute(sql, [*(s.value for s in FINAL_STATES), batch_id]).fetchone()
        return int(final), int(total)

    # --- leases (services.lease): one owner per task; not store events -----------------
    def take_lease(
        self, task_id: str, owner: str, now: float, expires_at: float, *, from_owner: str | None = None
    ) -> bool:
        """One UPDATE: the lease is ours if it was free, expired or ours (or `from_owner`'s)."""
        taken = (
            "lease_owner = ?"
            if from_owner
            else "(lease_owner IS NULL OR lease_owner = ? OR lease_expires_at IS NULL OR lease_expires_at <= ?)"
        )
        params = [from_owner] if from_owner else [owner, now]
        with self._transaction() as conn:
            cursor = conn.execute(
                f"UPDATE tasks SET lease_owner = ?, lease_expires_at = ? WHERE id = ? AND {taken}",
                (owner, expires_at, task_id, *params),
            )
        return cursor.rowcount == 1

    def renew_leases(self, owner: str, expires_at: float, task_ids: builtins.list[str]) -> set[str]:
        """Push the expiry of those of `task_ids` this owner still holds; returns their ids."""
        marks = ", ".join("?" for _ in task_ids)
        with self._transaction() as conn:
            conn.execute(
                f"UPDATE tasks SET lease_expires_at = ? WHERE lease_owner = ? AND id IN ({marks})",
                (expires_at, owner, *task_ids),
            )
            rows = conn.execute(f"SELECT id FROM tasks WHERE lease_owner = ? AND id IN ({marks})", (owner, *task_ids))
            return {row[0] for row in rows}

    def release_lease(self, task_id: str, owner: str) -> None:
        with self._transaction() as conn:
            conn.execute(
                "UPDATE tasks SET lease_owner = NULL, lease_expires_at = NULL WHERE id = ? AND lease_owner = ?",
                (task_id, owner),
            )

    def lease_of(self, task_id: str) -> tuple[str | None, float | None]:
        with self._reading() as conn:
            row = conn.execute("SELECT lease_owner, lease_expires_at FROM tasks WHERE id = ?", (task_id,)).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def reload(self, task_id: str) -> Task:
        """The task as another process left it, told to the listeners (they see only this
        object's own changes otherwise)."""
        task = self.get(task_id)
        self._emit([StoreEvent("updated", task_id, task)])
        return task

    # --- upload cache ----------------------------------------------------------------
    @property
    def upload_margin(self) -> float:
        """How long before its expiry an uploaded URL stops being reused."""
        return self._upload_margin

    def cached_upload(self, sha256: str, route: str) -> UploadedFile | None:
        """The URL an earlier upload of the same bytes gave, while it has the safety margin left."""
        with self._reading() as conn:
            row = conn.execute(
                "SELECT url, expires_at FROM uploads WHERE sha256 = ? AND route = ?", (sha256, route)
            ).fetchone()
        if row is None:
            return None
        url, expires_at = row
        if expires_at is not None and expires_at - self._upload_margin <= self._clock():
            return None
        return UploadedFile(url=url, expires_at=expires_at)

    def remember_upload(self, sha256: str, route: str, url: str, expires_at: float | None) -> None:
        with self._transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO uploads (sha256, route, url, expires_at, uploaded_at) VALUES (?, ?, ?, ?, ?)",
                (sha256, route, url, expires_at, self._clock()),
            )

    # --- plumbing --------------------------------------------------------------------
    def _get(self, conn: sqlite3.Connection, task_id: str) -> Task:
        row = conn.execute(f"{_SELECT} WHERE id = ?", (task_id,)).fetchone()
        if row is None:
            raise KeyError(task_id)
        return _task(row)

    def _rows_to_tasks(self, rows: sqlite3.Cursor) -> builtins.list[Task]:
        return [_task(row) for row in rows]

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StorageError("The task store is closed.")
        return self._conn

    def _transaction(self) -> Transaction:
        return Transaction(self._lock, self._connection, self.path)

    def _reading(self) -> Reading:
        return Reading(self._lock, self._connection, self.path)
