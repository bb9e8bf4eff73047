"""The list says how many takes a search or filter finds: exact up to what the model holds,
"1,000+" beyond the bound, "No takes match" for an empty search; it follows live changes."""

from __future__ import annotations

import pytest

from hailuo_desktop.domain.states import TaskState
from hailuo_desktop.ui.tasks import count as count_module
from hailuo_desktop.ui.tasks import id_pages
from hailuo_desktop.ui.tasks.bridge import StoreBridge
from hailuo_desktop.ui.tasks.model import TaskListModel
from hailuo_desktop.ui.tasks.panel import TaskListPanel

pytestmark = pytest.mark.gui


def open_panel(owner, store) -> tuple[TaskListPanel, StoreBridge]:
    bridge = StoreBridge(store, owner)
    panel = TaskListPanel(TaskListModel(store, bridge, parent=owner), bridge, owner)
    owner.resize(900, 500)
    owner.show()
    return panel, bridge


def takes(make_task, count: int, *, animal: str = "fox", state: TaskState = TaskState.SUCCEEDED):
    return [make_task(state, prompt=f"a {animal} runs, take {n}") for n in range(count)]


def search(panel: TaskListPanel, text: str) -> str:
    panel.search.setText(text)
    panel.apply_filter()  # what the search box's pause timer calls
    return panel.count.text()


def test_the_count_follows_search_filters_and_arriving_tasks(qtbot, owner, task_store, make_task):
    task_store.add_many(takes(make_task, 7) + takes(make_task, 3, animal="heron", state=TaskState.FAILED))
    panel, bridge = open_panel(owner, task_store)
    try:
        assert panel.count.text() == "10 takes" and panel.count.isVisible()
        assert search(panel, "heron") == "3 takes"
        assert search(panel, "zebra") == "No takes match"
        assert search(panel, "") == "10 takes"
        panel.state_filter.setCurrentIndex(3)  # Failed
        assert panel.count.text() == "3 takes"
        panel.state_filter.setCurrentIndex(0)
        task_store.add_many(takes(make_task, 1, animal="owl"))  # a task arrives while the list is open
        qtbot.waitUntil(lambda: panel.count.text() == "11 takes")
        assert search(panel, "owl") == "1 take"
        task_store.remove(panel.model.id_at(0))
        qtbot.waitUntil(lambda: panel.count.text() == "No takes match")
    finally:
        bridge.close()


def test_an_empty_store_says_so(owner, task_store):
    panel, bridge = open_panel(owner, task_store)
    try:
        assert panel.count.text() == "No takes yet"
    finally:
        bridge.close()


def test_beyond_the_bound_it_says_plus(qtbot, owner, task_store, make_task, monkeypatch):
    monkeypatch.setattr(id_pages, "READ_IDS", 20)  # the model holds a page of 20 ids, as it would 2,000
    monkeypatch.setattr(count_module, "COUNT_BOUND", 25)
    task_store.add_many(takes(make_task, 30) + takes(make_task, 12, animal="heron"))
    panel, bridge = open_panel(owner, task_store)
    try:
        assert panel.count.text() == "25+ takes"  # 42 found: the count stops at the bound
        assert search(panel, "heron") == "12 takes"  # one page holds them all: exact, from the model
        assert search(panel, "fox") == "25+ takes"
        # A full first page (20 of 30 held) that then shrinks below the bound: the store counts, up to it.
        for task_id in [panel.model.id_at(row) for row in range(8)]:
            task_store.remove(task_id)
        qtbot.waitUntil(lambda: panel.count.text() == "22 takes")
    finally:
        bridge.close()


def test_the_count_speaks_russian_with_its_plural_forms(qapp, owner, task_store, make_task):
    from pathlib import Path

    from PySide6.QtCore import QLocale

    from hailuo_desktop.ui.i18n import install_translations, remove_translations

    installed = install_translations(qapp, "ru", Path(__file__).resolve().parent.parent / "resources" / "translations")
    try:
        task_store.add_many(takes(make_task, 3) + takes(make_task, 5, animal="heron"))
        panel, bridge = open_panel(owner, task_store)
        try:
            assert search(panel, "fox") == "3 дубля"
            assert search(panel, "heron") == "5 дублей"
            assert search(panel, "zebra") == "Нет подходящих дублей"
        finally:
            bridge.close()
    finally:
        remove_translations(qapp, installed)
        QLocale.setDefault(QLocale.c())
