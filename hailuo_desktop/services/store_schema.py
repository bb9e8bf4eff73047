"""The task store's schema: one list of migrations, applied in order, counted by PRAGMA user_version.

A migration is a tuple of SQL statements. Never edit a migration that has shipped: add a new
one at the end. `TASK_COLUMNS` must name every field of `domain.task.Task` (a test checks it),
so a new Task field needs a migration that adds its column.
"""

from __future__ import annotations

import sqlite3

from ..domain.errors import StorageError

_V1 = (
    """
    CREATE TABLE tasks (
        seq INTEGER PRIMARY KEY,          -- insertion order: the tie-break for equal created_at
        id TEXT NOT NULL UNIQUE,
        provider TEXT NOT NULL,
        model TEXT NOT NULL,
        kind TEXT NOT NULL,
        prompt TEXT NOT NULL,
        mode TEXT,
        duration INTEGER,
        resolution TEXT,
        prompt_optimizer INTEGER,
        image_path TEXT,
        image_url TEXT,
        end_image_path TEXT,
        end_image_url TEXT,
        upload_route TEXT,
        base_url TEXT,
        batch_id TEXT,
        cost REAL,
        cost_unit TEXT,
        state TEXT NOT NULL,
        remote_id TEXT,
        raw_state TEXT,
        submit_started_at REAL,
        submitted_at REAL,
        remote_created_ms INTEGER,
        remote_completed_ms INTEGER,
        result_url TEXT,
        result_seen_at REAL,
        video_path TEXT,
        video_bytes INTEGER,
        video_sha256 TEXT,
        error_code TEXT,
        error_message TEXT,
        provider_code TEXT,
        provider_message TEXT,
        polls INTEGER NOT NULL DEFAULT 0,
        created_at REAL NOT NULL,
        updated_at REAL NOT NULL,
        finished_at REAL
    )
    """,
    # The window lists newest first, filters by state and shows "12/50 done" per batch.
    "CREATE INDEX tasks_created ON tasks (created_at)",
    "CREATE INDEX tasks_state_created ON tasks (state, created_at)",
    "CREATE INDEX tasks_batch ON tasks (batch_id) WHERE batch_id IS NOT NULL",
    """
    CREATE TABLE uploads (
        sha256 TEXT NOT NULL,
        route TEXT NOT NULL,
        url TEXT NOT NULL,
        expires_at REAL,
        uploaded_at REAL NOT NULL,
        PRIMARY KEY (sha256, route)
    )
    """,
)

# Version 2: what the results workspace, continued shots, task ownership and truthful money
# need. Booleans are 0/1 with a default so every existing row reads as "not starred".
_V2 = (
    "ALTER TABLE tasks ADD COLUMN parent_id TEXT",  # the take this one continues (its last frame)
    "ALTER TABLE tasks ADD COLUMN starred INTEGER NOT NULL DEFAULT 0",  # the keeper
    "ALTER TABLE tasks ADD COLUMN rejected INTEGER NOT NULL DEFAULT 0",  # hidden from the default view
    "ALTER TABLE tasks ADD COLUMN image_sha256 TEXT",  # the source image as it was sent
    "ALTER TABLE tasks ADD COLUMN charged_cost REAL",  # what the provider confirmed, when it says
    "ALTER TABLE tasks ADD COLUMN charge_status TEXT",  # domain.money.ChargeStatus
    "ALTER TABLE tasks ADD COLUMN lease_owner TEXT",  # the process working this task
    "ALTER TABLE tasks ADD COLUMN lease_expires_at REAL",
    "ALTER TABLE tasks ADD COLUMN activity TEXT",  # what the runner is doing now (an ActivityCode)
    "ALTER TABLE tasks ADD COLUMN activity_attempt INTEGER",
    "ALTER TABLE tasks ADD COLUMN next_attempt_at REAL",
    "CREATE INDEX tasks_parent ON tasks (parent_id) WHERE parent_id IS NOT NULL",
)

# Version 3: finding tasks among 100,000 (services.task_query). A contentless FTS5 index of
# the prompt and the source images' file names (word prefixes, accents folded; prefix
# indexes make one- to three-letter prefixes fast), kept in step by triggers that fire only
# when those columns change, so a poll never touches it; then the filters' and sorts' indexes.
_FILE_NAMES = ("{row}.image_path", "{row}.end_image_path")


def _file_names_sql(row: str) -> str:
    # basename in SQL: strip the trailing run of non-separators to find the folder, keep the rest
    parts = []
    for template in _FILE_NAMES:
        column = template.format(row=row)
        folder = f"rtrim({column}, replace(replace({column}, '/', ''), '\\', ''))"
        parts.append(f"coalesce(substr({column}, length({folder}) + 1), '')")
    return " || ' ' || ".join(parts)


def _fts_row(row: str) -> str:
    return f"{row}.seq, {row}.prompt, {_file_names_sql(row)}"


_V3 = (
    (
        "CREATE VIRTUAL TABLE tasks_fts USING fts5(prompt, file_name, content='', "
        "tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')"
    ),
    f"""
    CREATE TRIGGER tasks_fts_insert AFTER INSERT ON tasks BEGIN
        INSERT INTO tasks_fts (rowid, prompt, file_name) VALUES ({_fts_row("new")});
    END
    """,
    f"""
    CREATE TRIGGER tasks_fts_delete AFTER DELETE ON tasks BEGIN
        INSERT INTO tasks_fts (tasks_fts, rowid, prompt, file_name) VALUES ('delete', {_fts_row("old")});
    END
    """,
    f"""
    CREATE TRIGGER tasks_fts_update AFTER UPDATE OF prompt, image_path, end_image_path ON tasks BEGIN
        INSERT INTO tasks_fts (tasks_fts, rowid, prompt, file_name) VALUES ('delete', {_fts_row("old")});
        INSERT INTO tasks_fts (rowid, prompt, file_name) VALUES ({_fts_row("new")});
    END
    """,
    f"INSERT INTO tasks_fts (rowid, prompt, file_name) SELECT {_fts_row('tasks')} FROM tasks",
    # Most queries hide rejected takes, so every list index starts with `rejected`: the first
    # page and the count of a filter or sort are then read from one index, never the wide rows.
    "CREATE INDEX tasks_list ON tasks (rejected, created_at)",
    *(
        f"CREATE INDEX tasks_by_{column} ON tasks (rejected, {column}, created_at)"
        for column in ("provider", "model", "state", "cost", "duration", "finished_at")
    ),
    "CREATE INDEX tasks_starred ON tasks (rejected, created_at) WHERE starred = 1",
    "CREATE INDEX tasks_image_sha ON tasks (rejected, image_sha256, created_at) WHERE image_sha256 IS NOT NULL",
    "CREATE INDEX tasks_image_path ON tasks (rejected, image_path, created_at) WHERE image_path IS NOT NULL",
)

# Version 4: the grid groups takes by batch or by source image; these orders get their indexes too.
_V4 = (
    "CREATE INDEX tasks_by_batch_id ON tasks (rejected, batch_id, created_at)",
    "CREATE INDEX tasks_by_image_path ON tasks (rejected, image_path, created_at)",
)

# Version 5: a text search walks the FTS index in rowid (= seq, insertion) order, which is
# creation order for every task stored no earlier than the tasks before it. The others (a
# clock set back, tasks stored with an older creation time) are listed here by a trigger,
# so the search merges them in by creation time (services.text_search). A removed task
# leaves the list; the store never changes created_at.
_V5 = (
    "CREATE TABLE task_order_breaks (seq INTEGER PRIMARY KEY)",
    """
    INSERT INTO task_order_breaks (seq)
    SELECT seq FROM (
        SELECT seq, created_at, max(created_at) OVER (ORDER BY seq ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
            AS newest_before
        FROM tasks
    ) WHERE created_at < newest_before
    """,
    """
    CREATE TRIGGER tasks_order_break AFTER INSERT ON tasks
    WHEN new.created_at < (SELECT max(created_at) FROM tasks WHERE seq < new.seq) BEGIN
        INSERT OR IGNORE INTO task_order_breaks (seq) VALUES (new.seq);
    END
    """,
    """
    CREATE TRIGGER tasks_order_break_gone AFTER DELETE ON tasks BEGIN
        DELETE FROM task_order_breaks WHERE seq = old.seq;
    END
    """,
)

MIGRATIONS: tuple[tuple[str, ...], ...] = (_V1, _V2, _V3, _V4, _V5)
SCHEMA_VERSION = len(MIGRATIONS)

TASK_COLUMNS: tuple[str, ...] = (
    "id",
    "provider",
    "model",
    "kind",
    "prompt",
    "mode",
    "duration",
    "resolution",
    "prompt_optimizer",
    "image_path",
    "image_url",
    "end_image_path",
    "end_image_url",
    "upload_route",
    "base_url",
    "batch_id",
    "cost",
    "cost_unit",
    "state",
    "remote_id",
    "raw_state",
    "submit_started_at",
    "submitted_at",
    "remote_created_ms",
    "remote_completed_ms",
    "result_url",
    "result_seen_at",
    "video_path",
    "video_bytes",
    "video_sha256",
    "error_code",
    "error_message",
    "provider_code",
    "provider_message",
    "polls",
    "created_at",
    "updated_at",
    "finished_at",
    "parent_id",
    "starred",
    "rejected",
    "image_sha256",
    "charged_cost",
    "charge_status",
    "lease_owner",
    "lease_expires_at",
    "activity",
    "activity_attempt",
    "next_attempt_at",
)


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database up to SCHEMA_VERSION; each step is one transaction. Returns the version."""
    version = schema_version(conn)
    if version > SCHEMA_VERSION:
        # A newer app wrote this file; touching it could lose data that version relies on.
        raise StorageError(
            f"The task database was written by a newer version of Hailuo Desktop (schema {version}, "
            f"this version knows {SCHEMA_VERSION}). Update the app; the file was left untouched."
        )
    for number in range(version, SCHEMA_VERSION):
        _apply(conn, number + 1, MIGRATIONS[number])
    return SCHEMA_VERSION


def _apply(conn: sqlite3.Connection, target: int, statements: tuple[str, ...]) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in statements:
            conn.execute(statement)
        # user_version lives in the file header and is written inside this transaction.
        conn.execute(f"PRAGMA user_version = {int(target)}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
