"""The task list reads its ids a page at a time: scrolled to the end it holds exactly what the
store finds, in order, while tasks come, change and go."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QWidget

from hailuo_desktop.domain.states import TaskState
from hailuo_desktop.services.store import TaskStore
from hailuo_desktop.services.task_query import SortColumn, TaskQuery
from hailuo_desktop.ui.tasks import id_pages
from hailuo_desktop.ui.tasks.bridge import StoreBridge
from hailuo_desktop.ui.tasks.model import TaskIdRole, TaskListModel
from tests.fixtures.services import make_task

pytestmark = pytest.mark.gui


@pytest.fixture
def paged(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(id_pages, "READ_IDS", 40)  # pages of 40 ids, rows handed out 15 at a time
    monkeypatch.setattr(id_pages, "CHUNK", 15)
    store = TaskStore(tmp_path / "tasks.sqlite3")
    store.add_many(
        make_task(prompt=f"{'lantern' if n % 3 else 'kite'} {n}", cost=float(n % 4), state=TaskState.SUCCEEDED)
        for n in range(130)
    )
    owner = QWidget()
    bridge = StoreBridge(store, owner)
    model = TaskListModel(store, bridge, parent=owner)
    yield store, model
    bridge.close()
    shiboken6.delete(owner)
    store.close()


def scrolled_to_end(model) -> list[str]:
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    return [model.index(row, 0).data(TaskIdRole) for row in range(model.rowCount())]


@pytest.mark.parametrize("query", [TaskQuery(text="lantern"), TaskQuery(text="lant", sort=SortColumn.COST)])
def test_pages_add_up_to_what_the_store_finds_through_changes(paged, query):
    store, model = paged
    model.set_query(query)
    assert model.rowCount() == 15 and model.total_count() == 86 and not model.is_empty()
    newest = store.add(make_task(prompt="lantern festival", cost=2.0))
    gone = store.query_ids(query)[20]
    store.remove(gone)
    beyond = store.query_ids(query)[-1]  # not read yet: no page holds it
    store.update(beyond, cost=3.5)
    store.update(store.query_ids(TaskQuery(text="kite"))[0], prompt="kite and lantern")  # enters the list
    kite = store.query_ids(TaskQuery(text="kite"))[-1]
    assert not model.index_of(kite).isValid() and not model._complete  # not listed: nothing more read
    assert model.index_of(beyond).isValid()  # listed but not held: the rest of the ids are read
    listed = scrolled_to_end(model)
    assert listed == store.query_ids(query) and newest.id in listed and gone not in listed
    assert model.total_count() == len(listed) == 87


def test_an_empty_search_shows_as_empty(paged):
    _store, model = paged
    model.set_query(TaskQuery(text="nothing"))
    assert model.is_empty() and model.total_count() == 0 and not model.canFetchMore(QModelIndex())
