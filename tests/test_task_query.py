"""Finding tasks: the FTS5 index kept in step, every filter and sort, paging, and the Python twin."""

from __future__ import annotations

import random
import sqlite3

import pytest

from hailuo_desktop.domain.states import TaskState
from hailuo_desktop.services.store import TaskStore
from hailuo_desktop.services.store_schema import MIGRATIONS, SCHEMA_VERSION
from hailuo_desktop.services.task_query import (
    RejectedFilter,
    SortColumn,
    TaskQuery,
    file_name,
    order_clause,
    tokens,
    where_clause,
)
from tests.fixtures.services import make_task


def ids(store: TaskStore, **fields) -> list[str]:
    return store.query_ids(TaskQuery(**fields))


def test_words_match_as_prefixes_in_prompt_and_file_names_ignoring_case_and_accents(store):
    fox = store.add(make_task(prompt="The quick brown Fox jumps", image_path="/home/ana/Shoot 3/IMG_0042.JPG"))
    cafe = store.add(
        make_task(
            prompt="un café à Paris", image_path=r"C:\Users\bo\Pictures\terrace.png", end_image_path="/tmp/dusk-end.png"
        )
    )
    store.add(make_task(prompt="a paper boat", image_path="/home/ana/Shoot 3/boat.jpg"))
    assert ids(store, text="fox") == [fox.id]
    assert ids(store, text="FOXES") == []  # a prefix of the query must be in the text, not the other way
    assert ids(store, text="ox") == []  # word prefixes, not any substring
    assert ids(store, text="brown qu") == [fox.id]  # every word, each a prefix, in any order
    assert ids(store, text="brown boat") == []
    assert ids(store, text="cafe") == [cafe.id]  # accents folded both ways
    assert ids(store, text="Parï") == [cafe.id]
    assert ids(store, text="img_0042") == [fox.id]  # file name, as a phrase of its words
    assert ids(store, text="terrace") == [cafe.id]  # a Windows path's file name
    assert ids(store, text="dusk") == [cafe.id]  # the end image's file name too
    assert ids(store, text="shoot") == []  # folder names are not searched
    assert ids(store, text='"fox') == [fox.id]  # a quote in the text is text, not syntax
    assert ids(store, text="-- %") == ids(store)  # nothing searchable: no text filter
    assert ids(store, text="quick AND NOT") == []  # FTS operators are words here


def test_one_word_also_matches_a_task_id_prefix(store):
    task = store.add(make_task(id="ab12cd34ef", prompt="waves"))
    store.add(make_task(id="ab99", prompt="ab12 appears in this prompt"))
    other = store.add(make_task(id="zz", prompt="nothing"))
    assert set(ids(store, text="AB12")) == {task.id, "ab99"}
    assert ids(store, text="ab12cd") == [task.id]
    assert other.id not in ids(store, text="ab")


def test_the_index_follows_updates_and_removals_but_not_polls(store):
    task = store.add(make_task(prompt="red kite", image_path="/p/first.png"))
    store.update(task.id, prompt="green heron", image_path="/p/second.png")
    assert ids(store, text="kite") == [] and ids(store, text="first") == []
    assert ids(store, text="heron second") == [task.id]
    store.update(task.id, polls=3, raw_state="generating", state=TaskState.RUNNING)
    assert ids(store, text="heron") == [task.id]
    store.remove(task.id)
    assert ids(store, text="heron") == []
    assert store._conn.execute("INSERT INTO tasks_fts (tasks_fts) VALUES ('integrity-check')") is not None


def test_migrating_a_version_2_store_indexes_its_existing_tasks(tmp_path):
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in MIGRATIONS[0] + MIGRATIONS[1]:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 2")
    v2_columns = [r[1] for r in conn.execute("PRAGMA table_info(tasks)") if r[1] != "seq"]
    old = make_task(prompt="lanterns over a river", image_path="/pics/festival.jpg")
    row = {name: getattr(old, name) for name in v2_columns}
    row.update(state="succeeded", starred=0, rejected=0, created_at=5.0, updated_at=5.0)
    conn.execute(f"INSERT INTO tasks ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})", list(row.values()))
    conn.close()
    store = TaskStore(path)
    try:
        assert store._conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert ids(store, text="lantern") == [old.id] and ids(store, text="festival") == [old.id]
        store.remove(old.id)  # the delete trigger finds the backfilled entry
        store._conn.execute("INSERT INTO tasks_fts (tasks_fts) VALUES ('integrity-check')")
        assert ids(store, text="lantern") == []
    finally:
        store.close()


def test_filters(store, instant_clock):
    a = store.add(
        make_task(
            provider="kie",
            model="m1",
            state=TaskState.SUCCEEDED,
            starred=True,
            image_sha256="s1",
            image_path="/x/a.png",
            batch_id="b",
            created_at=100.0,
        )
    )
    b = store.add(
        make_task(
            provider="apixo",
            model="m2",
            state=TaskState.FAILED,
            rejected=True,
            image_sha256="s1",
            created_at=200.0,
            parent_id=a.id,
        )
    )
    c = store.add(make_task(provider="apixo", model="m1", state=TaskState.RUNNING, created_at=300.0))
    assert ids(store) == [c.id, a.id]  # rejected hidden by default, newest first
    assert ids(store, rejected=RejectedFilter.ONLY) == [b.id]
    assert ids(store, rejected="any") == [c.id, b.id, a.id]
    assert ids(store, starred=True) == [a.id] and ids(store, starred=False) == [c.id]
    assert ids(store, providers={"apixo"}, rejected="any") == [c.id, b.id]
    assert ids(store, models={"m1"}, providers={"apixo"}) == [c.id]
    assert ids(store, states={"failed", TaskState.SUCCEEDED}, rejected="any") == [b.id, a.id]
    assert ids(store, states=frozenset()) == []
    assert ids(store, created_from=200.0, created_before=300.0, rejected="any") == [b.id]
    assert ids(store, image_sha256="s1", rejected="any") == [b.id, a.id]
    assert ids(store, image_path="/x/a.png") == [a.id]
    assert ids(store, batch_id="b") == [a.id] and ids(store, parent_id=a.id, rejected="any") == [b.id]
    assert store.query_count(TaskQuery(rejected=RejectedFilter.ANY)) == 3
    assert store.facets(TaskQuery(providers=frozenset({"kie"}))) == {
        "provider": {"kie": 1, "apixo": 1},
        "model": {"m1": 2},
    }


def test_sorting_paging_and_loading_by_id(store):
    tasks = [
        store.add(make_task(cost=cost, provider=p, created_at=float(n + 1), prompt=f"p{n}"))
        for n, (cost, p) in enumerate([(3.0, "kie"), (None, "apixo"), (1.0, "kie"), (3.0, "minimax")])
    ]
    t0, t1, t2, t3 = (t.id for t in tasks)
    assert ids(store, sort=SortColumn.COST, descending=False) == [t1, t2, t0, t3]  # NULL first, ties by age
    assert ids(store, sort=SortColumn.COST) == [t3, t0, t2, t1]
    assert ids(store, sort=SortColumn.PROVIDER, descending=False) == [t1, t0, t2, t3]
    assert store.query_ids(TaskQuery(), limit=2, offset=1) == [t2, t1]
    assert [t.id for t in store.query_tasks(TaskQuery(descending=False), limit=2)] == [t0, t1]
    got = store.get_many([t2, "missing", t0, t2])
    assert set(got) == {t0, t2} and got[t2] == store.get(t2)
    assert len(store.get_many([t.id for t in tasks] * 300)) == 4  # more ids than one IN (...) takes


WORDS = ["fox", "Foxglove", "café", "cafeteria", "boat", "b", "IMG", "0042", "ocean", "océan", "ab"]


def _random_task(rng: random.Random, n: int):
    prompt = " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 5)))
    path = rng.choice([None, f"/d/{rng.choice(WORDS)}_{rng.choice(WORDS)}.png", r"C:\x\IMG_0042.jpg"])
    return make_task(
        id=f"{rng.choice(['ab', 'cd'])}{n:04d}",
        prompt=prompt,
        image_path=path,
        provider=rng.choice(["kie", "apixo"]),
        state=rng.choice(list(TaskState)),
        starred=rng.random() < 0.3,
        rejected=rng.random() < 0.2,
        created_at=float(rng.randint(1, 50)),
        cost=rng.choice([None, 1.0, 2.5]),
    )


@pytest.mark.parametrize("seed", range(3))
def test_the_python_twin_agrees_with_the_sql(store, seed):
    rng = random.Random(seed)
    tasks = store.add_many(_random_task(rng, n) for n in range(120))
    for _ in range(60):
        query = TaskQuery(
            text=" ".join(rng.choice(WORDS + ["fo", "caf", "img_00", "ab00", "zzz"]) for _ in range(rng.randint(0, 2))),
            starred=rng.choice([None, True, False]),
            rejected=rng.choice(list(RejectedFilter)),
            providers=rng.choice([frozenset(), {"kie"}]),
            states=rng.choice([None, {TaskState.SUCCEEDED}]),
            created_from=rng.choice([None, 10.0]),
            sort=rng.choice(list(SortColumn)),
            descending=rng.random() < 0.5,
        )
        found = store.query_ids(query)
        assert set(found) == {t.id for t in tasks if query.matches(t)}, query
        by_id = {t.id: t for t in tasks}
        keys = [query.sort_key(by_id[i]) for i in found]
        assert keys == sorted(keys, reverse=query.descending), query


def test_file_name_and_tokens():
    assert file_name("/a/b/c.png") == "c.png" and file_name(r"C:\a\b.png") == "b.png" and file_name(None) == ""
    assert tokens("IMG_0042.JPG, Café!") == ["img", "0042", "jpg", "cafe"]


def test_the_common_queries_use_the_indexes(store):
    conn = store._conn

    def plan(query: TaskQuery) -> str:
        where, params = where_clause(query)
        sql = f"EXPLAIN QUERY PLAN SELECT id FROM tasks{where}{order_clause(query)}"
        return " ".join(row[-1] for row in conn.execute(sql, params))

    assert "TEMP B-TREE" not in plan(TaskQuery())
    assert "tasks_list" in plan(TaskQuery()) and "tasks_list" in plan(TaskQuery(created_from=5.0))
    assert "tasks_by_provider" in plan(TaskQuery(providers=frozenset({"kie"})))
    for column in SortColumn:
        assert "TEMP B-TREE" not in plan(TaskQuery(sort=column)), column
        assert "TEMP B-TREE" not in plan(TaskQuery(sort=column, descending=False)), column
    assert "tasks_starred" in plan(TaskQuery(starred=True))
    assert "tasks_image_sha" in plan(TaskQuery(image_sha256="x"))
    assert "VIRTUAL TABLE INDEX" in plan(TaskQuery(text="fox"))
