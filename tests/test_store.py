"""The task store: durability, ordering, listeners, corruption, migrations, scale."""

from __future__ import annotations

import dataclasses
import sqlite3
import threading

import pytest

from hailuo_desktop.domain.errors import StorageError
from hailuo_desktop.domain.states import TaskState
from hailuo_desktop.domain.task import Task
from hailuo_desktop.services.store import TaskStore
from hailuo_desktop.services.store_schema import SCHEMA_VERSION, TASK_COLUMNS
from tests.fixtures.services import make_task


def read_state_with_another_connection(path, task_id):
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT state FROM tasks WHERE id = ?", (task_id,)).fetchone()[0]
    finally:
        conn.close()


def test_every_task_field_has_a_column():
    assert set(TASK_COLUMNS) == {f.name for f in dataclasses.fields(Task)}


def test_round_trip_keeps_every_field(store, instant_clock):
    task = make_task(
        prompt_optimizer=False,
        duration=10,
        cost=30.0,
        cost_unit="credits",
        polls=3,
        state=TaskState.RUNNING,
        remote_id="r1",
        remote_created_ms=123,
    )
    added = store.add(task)
    assert added.created_at == instant_clock() and added.updated_at == instant_clock()
    got = store.get(task.id)
    assert got == added
    assert got.prompt_optimizer is False and got.state is TaskState.RUNNING


def test_update_commits_before_listeners_see_it(store):
    task = store.add(make_task())
    seen_on_disk = []
    store.subscribe(lambda e: seen_on_disk.append(read_state_with_another_connection(store.path, e.task_id)))
    store.update(task.id, state=TaskState.RUNNING)
    assert seen_on_disk == ["running"]


def test_events_for_add_update_remove_and_unsubscribe(store):
    events = []
    unsubscribe = store.subscribe(events.append)
    task = store.add(make_task())
    updated = store.update(task.id, raw_state="generating", polls=1)
    store.remove(task.id)
    unsubscribe()
    store.add(make_task())
    assert [(e.kind, e.task_id) for e in events] == [("added", task.id), ("updated", task.id), ("removed", task.id)]
    assert events[1].task == updated and events[1].task.raw_state == "generating"
    assert events[2].task is None


def test_a_failing_listener_neither_undoes_nor_blocks_the_change(store):
    task = store.add(make_task())
    later = []
    store.subscribe(lambda e: 1 / 0)
    store.subscribe(later.append)
    store.update(task.id, state="failed")
    assert store.get(task.id).state is TaskState.FAILED
    assert len(later) == 1


def test_update_refuses_unknown_fields_and_missing_tasks(store):
    task = store.add(make_task())
    with pytest.raises(TypeError):
        store.update(task.id, colour="red")
    with pytest.raises(TypeError):
        store.update(task.id, id="other")
    with pytest.raises(KeyError):
        store.update("nope", state="failed")
    with pytest.raises(KeyError):
        store.get("nope")


def test_adding_the_same_id_twice_is_refused_and_nothing_is_half_added(store):
    first = make_task()
    with pytest.raises(ValueError):
        store.add_many([make_task(), first, first])
    assert store.count() == 0


def test_list_is_newest_first_with_filters_search_and_paging(store, instant_clock):
    a = store.add(make_task(prompt="a red fox"))
    instant_clock.advance(1)
    b = store.add(make_task(prompt="100% blue_sky", state=TaskState.FAILED))
    instant_clock.advance(1)
    c = store.add(make_task(prompt="A RED car"))
    assert [t.id for t in store.list()] == [c.id, b.id, a.id]
    assert store.ids() == [c.id, b.id, a.id]
    assert store.ids(search="red") == [c.id, a.id]  # case-insensitive
    assert store.ids(search="0% b") == [b.id]  # % and _ are literal text
    assert store.ids(search="blue_") == [b.id]
    assert store.ids(search="d_f") == []  # would match "red fox" if _ were a wildcard
    assert store.ids([TaskState.FAILED]) == [b.id]
    assert store.ids(["queued"], search="car") == [c.id]
    assert store.ids([]) == []
    assert [t.id for t in store.list(limit=1, offset=1)] == [b.id]
    assert [t.id for t in store.list(offset=2)] == [a.id]
    assert store.count() == 3 and store.count(["queued"]) == 2 and store.count(search="red") == 2


def test_equal_creation_times_keep_insertion_order(store):
    tasks = store.add_many([make_task() for _ in range(5)])
    assert store.ids() == [t.id for t in reversed(tasks)]


def test_unfinished_is_resumable_states_plus_repollable_unknown(store):
    keep = {
        store.add(make_task(state=TaskState.QUEUED)).id,
        store.add(make_task(state=TaskState.RUNNING, remote_id="r")).id,
        store.add(make_task(state=TaskState.DOWNLOADING, remote_id="r")).id,
        store.add(make_task(state=TaskState.UNKNOWN, remote_id="r")).id,
    }
    for state in (TaskState.SUCCEEDED, TaskState.FAILED, TaskState.CANCELLED, TaskState.UNKNOWN):
        store.add(make_task(state=state))  # UNKNOWN without a remote id: never re-sent, never resumed
    assert {t.id for t in store.unfinished()} == keep


def test_batch_progress_counts_final_states(store):
    states = [TaskState.SUCCEEDED, TaskState.FAILED, TaskState.UNKNOWN, TaskState.RUNNING, TaskState.QUEUED]
    store.add_many([make_task(batch_id="b1", state=s) for s in states])
    store.add(make_task(batch_id="b2", state=TaskState.SUCCEEDED))
    assert store.batch_progress("b1") == (3, 5)
    assert store.batch_progress("none") == (0, 0)


def test_pragmas_and_schema_version(store):
    conn = store._conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_data_survives_reopening_and_is_visible_to_a_second_store(tmp_path):
    path = tmp_path / "s.sqlite3"
    first = TaskStore(path)
    task = first.add(make_task())
    second = TaskStore(path)  # like the CLI running next to the window
    assert second.get(task.id) == task
    first.update(task.id, state="running")
    assert second.get(task.id).state is TaskState.RUNNING
    first.close()
    second.close()
    assert TaskStore(path).get(task.id).state is TaskState.RUNNING


def test_a_corrupt_file_is_set_aside_and_reported(tmp_path):
    path = tmp_path / "tasks.sqlite3"
    garbage = b"this is not a database at all" * 200
    path.write_bytes(garbage)
    store = TaskStore(path)
    assert store.corruption is not None
    assert store.corruption.moved_to.read_bytes() == garbage
    assert store.corruption.moved_to.name.startswith("tasks.sqlite3.corrupt-")
    assert str(store.corruption.moved_to) in store.corruption.message
    assert store.count() == 0
    store.add(make_task())  # the fresh store works


def test_a_damaged_page_is_detected(tmp_path):
    path = tmp_path / "tasks.sqlite3"
    store = TaskStore(path)
    store.add_many([make_task(prompt="x" * 2000) for _ in range(50)])
    store.close()
    raw = bytearray(path.read_bytes())
    page_size = 4096
    raw[2 * page_size : 4 * page_size] = b"\xff" * (2 * page_size)  # smash pages after the header
    path.write_bytes(bytes(raw))
    reopened = TaskStore(path)
    assert reopened.corruption is not None
    assert reopened.corruption.moved_to.read_bytes() == bytes(raw)


def test_a_newer_schema_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "tasks.sqlite3"
    TaskStore(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StorageError, match="newer version"):
        TaskStore(path)
    assert path.read_bytes() == before


def test_an_unwritable_folder_is_a_storage_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StorageError):
        TaskStore(blocker / "sub" / "tasks.sqlite3")


def test_a_closed_store_says_so(tmp_path):
    store = TaskStore(tmp_path / "s.sqlite3")
    store.close()
    with pytest.raises(StorageError):
        store.count()


def test_updates_from_another_thread(store):
    task = store.add(make_task())
    errors = []

    def work():
        try:
            for n in range(50):
                store.update(task.id, polls=n + 1)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and store.get(task.id).polls == 50


def test_upload_cache_honours_expiry_with_margin(tmp_path, instant_clock):
    store = TaskStore(tmp_path / "s.sqlite3", clock=instant_clock, upload_margin=3600)
    now = instant_clock()
    store.remember_upload("abc", "kie_upload", "https://f/1.png", now + 7200)
    store.remember_upload("def", "kie_upload", "https://f/2.png", None)
    assert store.cached_upload("abc", "kie_upload").url == "https://f/1.png"
    assert store.cached_upload("abc", "apikley_upload") is None  # routes do not share
    assert store.cached_upload("def", "kie_upload").expires_at is None
    instant_clock.advance(3601)  # still valid, but inside the margin
    assert store.cached_upload("abc", "kie_upload") is None
    store.remember_upload("abc", "kie_upload", "https://f/3.png", instant_clock() + 86400)
    assert store.cached_upload("abc", "kie_upload").url == "https://f/3.png"


def test_ten_thousand_tasks_use_the_indexes(store):
    store.add_many(
        [
            make_task(state=TaskState.SUCCEEDED if n % 3 else TaskState.FAILED, batch_id=f"b{n % 7}")
            for n in range(10_000)
        ]
    )
    ids = store.ids()
    assert len(ids) == 10_000 and len(set(ids)) == 10_000
    conn = store._conn

    def plan(sql, params=()):
        return " ".join(row[-1] for row in conn.execute("EXPLAIN QUERY PLAN " + sql, params))

    newest = plan("SELECT id FROM tasks ORDER BY created_at DESC, seq DESC")
    assert "tasks_created" in newest and "TEMP B-TREE" not in newest
    by_state = plan("SELECT id FROM tasks WHERE state IN (?) ORDER BY created_at DESC, seq DESC", ("failed",))
    assert "tasks_state_created" in by_state
    assert "tasks_batch" in plan("SELECT COUNT(*) FROM tasks WHERE batch_id = ?", ("b1",))
    assert store.count(["failed"]) == 3334
    assert store.batch_progress("b1")[1] == len([n for n in range(10_000) if n % 7 == 1])
