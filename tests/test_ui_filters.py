"""Finding takes in the list: rejected hidden by default, keepers, provider, model, date,
source image, search over prompt / file name / task id, and sorting — the store does the
work (TaskQuery); the model is checked by Qt's model tester through every change."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from hailuo_desktop.domain.states import TaskState
from hailuo_desktop.services.task_query import RejectedFilter, SortColumn, TaskQuery
from hailuo_desktop.ui.tasks.bridge import StoreBridge
from hailuo_desktop.ui.tasks.model import STATE, TaskIdRole, TaskListModel
from hailuo_desktop.ui.tasks.panel import TaskListPanel

pytestmark = pytest.mark.gui
NOW = time.time()


@pytest.fixture
def store(task_store, make_task):
    tasks = []
    for n in range(12):
        tasks.append(
            make_task(
                (TaskState.SUCCEEDED, TaskState.FAILED, TaskState.RUNNING)[n % 3],
                provider=("kie", "apixo", "minimax")[n % 3],
                image_path=f"/pictures/{'harbour' if n % 2 else 'meadow'}-{n % 4}.png",
                created_at=NOW - (10 if n < 4 else 1) * 86_400 + n,
                prompt=("waves roll onto the harbour wall", "a fox runs through the meadow")[n % 2] + f" take {n}",
            )
        )
    task_store.add_many(tasks)
    return task_store


@pytest.fixture
def panel(owner, store, qtbot):
    bridge = StoreBridge(store, owner)
    panel = TaskListPanel(TaskListModel(store, bridge, parent=owner), bridge, owner)
    owner.resize(900, 500)
    owner.show()
    yield panel
    bridge.close()


def listed(panel) -> list[str]:
    model = panel.model
    while model.canFetchMore():
        model.fetchMore()
    return [model.index(r, 0).data(TaskIdRole) for r in range(model.rowCount())]


def test_the_model_passes_the_tester_through_queries_and_live_changes(qtmodeltester, panel, store):
    model = panel.model
    qtmodeltester.check(model)
    some = listed(panel)[3]
    store.update(some, rejected=True)  # hidden at once
    assert some not in listed(panel)
    model.set_query(TaskQuery(rejected=RejectedFilter.ONLY))
    assert listed(panel) == [some]
    model.set_query(TaskQuery(sort=SortColumn.STATE))
    store.update(listed(panel)[0], state=TaskState.CANCELLED)  # moves to its place in the order
    assert listed(panel) == store.query_ids(TaskQuery(sort=SortColumn.STATE))
    model.set_query(TaskQuery(sort=SortColumn.SOURCE, descending=False))
    assert listed(panel) == store.query_ids(TaskQuery(sort=SortColumn.SOURCE, descending=False))


def test_rejected_takes_are_hidden_until_asked_for(panel, store):
    everyone = listed(panel)
    store.update(everyone[0], rejected=True)
    store.update(everyone[5], rejected=True)
    assert listed(panel) == [i for i in everyone if i not in (everyone[0], everyone[5])]
    panel.filter_bar.rejected[RejectedFilter.ANY].trigger()
    assert listed(panel) == everyone
    panel.filter_bar.rejected[RejectedFilter.ONLY].trigger()
    assert listed(panel) == [everyone[0], everyone[5]]
    assert panel.filter_bar.button.text() == "Filters (on)"


def test_starred_provider_model_and_date_filters(panel, store):
    everyone = listed(panel)
    store.update(everyone[2], starred=True)
    bar = panel.filter_bar
    bar.starred.trigger()
    assert listed(panel) == [everyone[2]]
    bar.clear()
    assert listed(panel) == everyone
    bar.menu.aboutToShow.emit()
    bar.providers_menu.aboutToShow.emit()
    assert set(bar.providers) == {"kie", "apixo", "minimax"}
    assert bar.providers["apixo"].text().startswith("APIXO (")
    bar.providers["apixo"].trigger()
    assert listed(panel) == [t for t in everyone if store.get(t).provider == "apixo"]
    bar.clear()
    last_week = next(a for a in bar.dates if a.data() == 7.0)
    last_week.trigger()
    assert listed(panel) == [t for t in everyone if store.get(t).created_at >= NOW - 7 * 86_400]
    assert len(listed(panel)) == 8


def test_only_takes_of_the_selected_takes_image(panel, store):
    everyone = listed(panel)
    panel.select(everyone[1])
    image = store.get(everyone[1]).image_path
    panel.filter_bar.same_image.trigger()
    assert listed(panel) == [t for t in everyone if store.get(t).image_path == image]
    assert len(listed(panel)) == 3


def test_search_finds_prompt_words_file_names_and_task_ids(qtbot, panel, store):
    everyone = listed(panel)
    qtbot.keyClicks(panel.search, "harb")
    panel.apply_filter()  # the debounce would do it 200 ms later
    harbour = [t for t in everyone if "harbour" in store.get(t).prompt or "harbour" in store.get(t).image_path]
    assert listed(panel) == harbour
    panel.search.setText("meadow-2")
    panel.apply_filter()
    assert listed(panel) == [t for t in everyone if store.get(t).image_path.endswith("meadow-2.png")]
    panel.search.setText(everyone[4][:6])
    panel.apply_filter()
    assert everyone[4] in listed(panel)


def test_a_header_click_sorts_by_that_column_in_the_store(qtbot, panel, store):
    header = panel.table.horizontalHeader()
    QTest.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=header.rect().topLeft() + type(header.rect().topLeft())(header.sectionViewportPosition(STATE) + 10, 5),
    )
    query = panel.model.query
    assert query.sort is SortColumn.STATE
    assert listed(panel) == store.query_ids(query)
    assert panel.filter_bar.sort.currentData() == (SortColumn.STATE, query.descending)
    grouped = next(
        i for i in range(panel.filter_bar.sort.count()) if panel.filter_bar.sort.itemData(i)[0] is SortColumn.SOURCE
    )
    panel.filter_bar.sort.setCurrentIndex(grouped)
    images = [store.get(t).image_path for t in listed(panel)]
    assert images == sorted(images)  # takes of one image side by side
