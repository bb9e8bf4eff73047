"""The search that walks the FTS index in creation order: the same tasks in the same order as
the general query, page by page, whatever order the tasks were stored in."""

from __future__ import annotations

import random
import sqlite3

import pytest

from hailuo_desktop.services import text_search
from hailuo_desktop.services.store import TaskStore
from hailuo_desktop.services.store_schema import MIGRATIONS
from hailuo_desktop.services.task_query import RejectedFilter, SortColumn, TaskQuery
from tests.fixtures.services import make_task


def general_ids(store: TaskStore, query: TaskQuery) -> list[str]:
    """The same query the general way (every match, sorted): the reference."""
    from hailuo_desktop.services.task_query import order_clause, where_clause

    where, params = where_clause(query)
    return [row[0] for row in store._conn.execute(f"SELECT id FROM tasks{where}{order_clause(query)}", params)]


def breaks(store: TaskStore) -> set[int]:
    return {row[0] for row in store._conn.execute("SELECT seq FROM task_order_breaks")}


def paged(store: TaskStore, query: TaskQuery, size: int) -> list[str]:
    found: list[str] = []
    while True:
        page = store.query_ids(query, limit=size, offset=len(found))
        found += page
        if len(page) < size:
            return found


def test_tasks_stored_out_of_creation_order_are_recorded_and_searched_in_order(store):
    first = store.add(make_task(prompt="harbour at dawn", created_at=100.0))
    second = store.add(make_task(prompt="harbour at noon", created_at=300.0))
    older = store.add(make_task(prompt="harbour at night", created_at=200.0))  # the clock was set back
    same = store.add(make_task(prompt="harbour in rain", created_at=300.0))  # ties keep insertion order
    assert breaks(store) == {3}
    query = TaskQuery(text="harbo")
    assert store.query_ids(query) == [same.id, second.id, older.id, first.id] == general_ids(store, query)
    assert store.query_ids(query.with_changes(descending=False)) == [first.id, older.id, second.id, same.id]
    assert store.query_ids(query, limit=2, offset=1) == [second.id, older.id]
    store.remove(older.id)
    assert breaks(store) == set()


def test_migrating_a_version_4_store_records_its_order_breaks(tmp_path):
    path = tmp_path / "v4.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    for migration in MIGRATIONS[:4]:
        for statement in migration:
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 4")
    for seq, created in enumerate([10.0, 30.0, 20.0, 40.0, 5.0], start=1):
        conn.execute(
            "INSERT INTO tasks (seq, id, provider, model, kind, prompt, state, created_at, updated_at) "
            "VALUES (?, ?, 'kie', 'm', 'i2v', 'lighthouse', 'succeeded', ?, ?)",
            (seq, f"t{seq}", created, created),
        )
    conn.close()
    store = TaskStore(path)
    try:
        assert breaks(store) == {3, 5}
        assert store.query_ids(TaskQuery(text="light")) == ["t4", "t2", "t3", "t1", "t5"]
    finally:
        store.close()


def test_a_prefix_with_many_words_and_words_the_index_lacks(store, monkeypatch):
    monkeypatch.setattr(text_search, "MAX_TERMS", 3)
    tasks = store.add_many(make_task(prompt=f"storm{suffix} sea") for suffix in ("", "er", "est", "ish", "ly"))
    newest_first = [t.id for t in reversed(tasks)]
    assert store.query_ids(TaskQuery(text="storm")) == newest_first  # five words: left to FTS5's prefix
    assert store.query_ids(TaskQuery(text="stormie")) == []
    assert store.query_ids(TaskQuery(text="storme sea")) == [tasks[2].id, tasks[1].id]
    conn = store._conn
    assert text_search.match_expression(conn, ["storme", "sea"]) == '("stormer" OR "stormest") AND "sea"*'
    assert text_search.match_expression(conn, ["storm"]) == '"storm"*'
    assert text_search.match_expression(conn, ["sto"]) == '"sto"*'  # a prefix index serves it
    assert store.query_ids(TaskQuery(text=tasks[2].id)) == [tasks[2].id]  # no such word: the id still finds it


def test_counting_stops_at_the_bound(store):
    store.add_many(make_task(prompt=f"meadow {n}", rejected=n % 4 == 0) for n in range(12))
    query = TaskQuery(text="meadow")
    assert store.query_count(query) == 9
    assert store.query_count(query, at_most=5) == 5
    assert store.query_count(query, at_most=50) == 9
    assert store.query_count(TaskQuery(), at_most=3) == 3 and store.query_count(TaskQuery(), at_most=30) == 9


@pytest.mark.parametrize("seed", range(3))
def test_pages_of_the_walk_agree_with_the_general_query(store, seed, monkeypatch):
    rng = random.Random(seed)
    if seed == 1:
        monkeypatch.setattr(text_search, "SPARSE", 20)  # other orders: sorted matches or the general query
    if seed == 2:
        monkeypatch.setattr(text_search, "MAX_ORDER_BREAKS", 0)  # many breaks: the general query
    words = ["river", "rivet", "riverbank", "stone", "ab", "abc"]
    store.add_many(
        make_task(
            id=f"{rng.choice(['ab', 'cd'])}{n:04d}",
            prompt=" ".join(rng.choices(words, k=rng.randint(1, 4))),
            rejected=rng.random() < 0.2,
            created_at=float(rng.randint(1, 40) if rng.random() < 0.3 else 40 + n),
        )
        for n in range(150)
    )
    assert breaks(store)
    for text in ("riv", "river", "rivet stone", "ab", "abc", "ab00", "zzz"):
        for query in (
            TaskQuery(text=text),
            TaskQuery(text=text, descending=False, rejected=RejectedFilter.ANY),
            TaskQuery(text=text, sort=SortColumn.COST),
            TaskQuery(text=text, sort=SortColumn.PROVIDER, descending=False, rejected=RejectedFilter.ONLY),
        ):
            expected = general_ids(store, query)
            assert store.query_ids(query) == expected, query
            assert paged(store, query, 7) == expected, query
            assert store.query_count(query, at_most=10) == min(10, len(expected)), query
