"""The task list model over a real store: Qt's model tester, live updates, 10,000 tasks."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QModelIndex, Qt

from hailuo_desktop.domain.states import TaskState
from hailuo_desktop.services.completion_history import CompletionHistory, completion_seconds
from hailuo_desktop.ui.errors import NextStep, describe_task
from hailuo_desktop.ui.tasks.bridge import StoreBridge
from hailuo_desktop.ui.tasks.eta import EtaEstimator
from hailuo_desktop.ui.tasks.model import (
    CACHE_SIZE,
    CHUNK,
    PROGRESS,
    PROMPT,
    STATE,
    ProgressRole,
    TaskIdRole,
    TaskListModel,
    TaskRole,
)
from hailuo_desktop.ui.tasks.panel import TaskListPanel
from hailuo_desktop.ui.tasks.thumbs import ListThumbnails

pytestmark = pytest.mark.gui


@pytest.fixture
def bridge(owner, filled_store):
    bridge = StoreBridge(filled_store, owner)
    yield bridge
    bridge.close()


@pytest.fixture
def model(bridge, filled_store, owner):
    return TaskListModel(filled_store, bridge, parent=owner)


class Spy:
    """Records a model's change signals as plain tuples."""

    def __init__(self, model) -> None:
        self.events: list[tuple] = []
        model.rowsInserted.connect(lambda _p, first, last: self.events.append(("inserted", first, last)))
        model.rowsRemoved.connect(lambda _p, first, last: self.events.append(("removed", first, last)))
        model.dataChanged.connect(lambda a, b, _roles=(): self.events.append(("changed", a.row(), b.row())))
        model.modelReset.connect(lambda: self.events.append(("reset",)))


def ids_in_model(model) -> list[str]:
    return [model.index(row, 0).data(TaskIdRole) for row in range(model.rowCount())]


def test_model_passes_qt_model_tester_through_live_changes(qtmodeltester, model, filled_store, make_task):
    qtmodeltester.check(model)  # stays attached: every change below is checked as it happens
    filled_store.add(make_task(TaskState.QUEUED, prompt="a new task"))
    first_id = model.index(0, 0).data(TaskIdRole)
    filled_store.update(first_id, state=TaskState.RUNNING, submitted_at=time.time())
    filled_store.remove(model.index(3, 0).data(TaskIdRole))
    model.set_filter([TaskState.FAILED], "")
    model.set_filter(None, "cat")
    model.set_filter(None, "")
    assert ids_in_model(model) == filled_store.ids()


def test_rows_follow_the_store_newest_first(model, filled_store):
    assert ids_in_model(model) == filled_store.ids()
    assert model.total_count() == filled_store.count() == 40


def test_a_new_task_is_one_row_inserted_on_top(model, filled_store, make_task):
    spy = Spy(model)
    task = filled_store.add(make_task(TaskState.QUEUED, prompt="fresh"))
    assert spy.events == [("inserted", 0, 0)]
    assert model.index(0, PROMPT).data() == "fresh"
    assert model.index(0, 0).data(TaskIdRole) == task.id


def test_an_update_changes_only_that_row(model, filled_store):
    spy = Spy(model)
    target = model.index(7, 0).data(TaskIdRole)
    filled_store.update(target, state=TaskState.FAILED, error_code="task_failed", error_message="boom")
    assert spy.events == [("changed", 7, 7)]
    assert model.index(7, STATE).data() == "Failed"
    assert model.index(7, STATE).data(Qt.ItemDataRole.ToolTipRole) == "boom"


def test_a_removed_task_is_one_row_removed(model, filled_store):
    spy = Spy(model)
    target = model.index(5, 0).data(TaskIdRole)
    filled_store.remove(target)
    assert spy.events == [("removed", 5, 5)]
    assert target not in ids_in_model(model)
    assert model.row_of(target) is None


def test_filter_by_state_matches_the_store_and_follows_changes(model, filled_store):
    model.set_filter([TaskState.FAILED])
    assert ids_in_model(model) == filled_store.ids([TaskState.FAILED])
    spy = Spy(model)
    # A running task that fails enters the filter at its place by age, not on top.
    running = filled_store.ids([TaskState.RUNNING])[-1]  # the oldest running one
    filled_store.update(running, state=TaskState.FAILED)
    expected = filled_store.ids([TaskState.FAILED])
    assert ids_in_model(model) == expected
    assert spy.events == [("inserted", expected.index(running), expected.index(running))]
    # A failed task that is retried out of "failed" leaves it.
    leaving = expected[0]
    filled_store.update(leaving, state=TaskState.CANCELLED)
    assert ids_in_model(model) == filled_store.ids([TaskState.FAILED])


def test_search_by_prompt_matches_the_store_case_insensitively(model, filled_store, make_task):
    model.set_filter(None, "CAT WALKS")
    expected = filled_store.ids(search="cat walks")
    assert expected and ids_in_model(model) == expected
    filled_store.add(make_task(prompt="Another Cat walks by"))
    filled_store.add(make_task(prompt="a dog runs"))
    assert ids_in_model(model) == filled_store.ids(search="cat walks")


def test_columns_say_what_a_creator_needs(model, filled_store):
    failed = filled_store.ids([TaskState.FAILED])[0]
    row = model.row_of(failed)
    texts = [model.index(row, column).data() for column in range(model.columnCount())]
    assert texts[1].startswith("kie.ai · Hailuo")
    assert texts[2] == "Failed"
    assert texts[4] == "0 cr refunded"  # sent and failed: kie.ai's documented policy
    assert (
        model.index(row, 4).data(Qt.ItemDataRole.ToolTipRole)
        == "failed · 0 credits, refunded (kie.ai refunds failed tasks)"
    )
    task = model.index(row, 0).data(TaskRole)
    assert task.id == failed


def test_progress_of_a_running_task_uses_the_median_of_finished_ones(bridge, filled_store, make_task, owner):
    now = 1_000_000.0
    for seconds in (40, 60, 50, 70, 45):
        filled_store.add(
            make_task(
                TaskState.SUCCEEDED,
                provider="apixo",
                created_at=now - 5000,
                submitted_at=now - 5000,
                remote_created_ms=int((now - 5000) * 1000),
                remote_completed_ms=int((now - 5000 + seconds) * 1000),
            )
        )
    running = filled_store.add(
        make_task(
            TaskState.RUNNING, provider="apixo", created_at=now - 30, submit_started_at=now - 26, submitted_at=now - 25
        )
    )
    model = TaskListModel(filled_store, bridge, clock=lambda: now, parent=owner)
    progress = model.index(model.row_of(running.id), PROGRESS).data(ProgressRole)
    assert progress.elapsed == pytest.approx(25)
    assert progress.remaining == pytest.approx(50 - 25)  # median 50 s
    assert progress.fraction == pytest.approx(0.5)
    assert model.index(model.row_of(running.id), PROGRESS).data() == "0:25 · ~0:25 left"


def test_eta_estimator_prefers_history_over_the_prior(make_task):
    eta = EtaEstimator({("kie", "m"): 100.0})
    task = make_task(TaskState.RUNNING, model="m")
    assert eta.expected(task) == 100.0
    for seconds in (10, 20, 30):
        done = make_task(
            TaskState.SUCCEEDED,
            model="m",
            submitted_at=500.0,
            result_seen_at=500.0 + seconds,
            remote_created_ms=None,
            remote_completed_ms=None,
        )
        assert completion_seconds(done) == seconds
        eta.learn(done)
    assert eta.expected(task) == 20.0
    finished = make_task(TaskState.SUCCEEDED)
    assert eta.progress(finished, now=finished.finished_at + 100).fraction == 1.0
    queued = make_task(TaskState.QUEUED)
    assert eta.progress(queued, now=queued.created_at + 5).fraction == 0.0


def test_the_eta_reads_the_history_the_poll_planner_learns(make_task):
    shared = CompletionHistory()
    eta = EtaEstimator({("kie", "m"): 100.0}, shared)
    task = make_task(TaskState.RUNNING, model="m")
    for seconds in (30, 40, 50):
        shared.learn(
            make_task(
                TaskState.SUCCEEDED,
                model="m",
                submitted_at=500.0,
                result_seen_at=500.0 + seconds,
                remote_created_ms=None,
                remote_completed_ms=None,
            )
        )
    eta.learn(
        make_task(
            TaskState.SUCCEEDED,
            model="m",
            submitted_at=0.0,
            result_seen_at=900.0,
            remote_created_ms=None,
            remote_completed_ms=None,
        )
    )  # the owner feeds a shared history
    assert eta.expected(task) == 40.0


def test_the_elapsed_time_ticks_for_active_rows_without_reading_the_store(qtbot, model, filled_store):
    active = filled_store.ids([TaskState.RUNNING, TaskState.QUEUED, TaskState.DOWNLOADING])
    rows = sorted(model.row_of(task_id) for task_id in active)
    reads = []
    original_get = filled_store.get
    filled_store.get = lambda task_id: reads.append(task_id) or original_get(task_id)
    with qtbot.waitSignal(model.dataChanged, timeout=3000) as tick:
        pass
    top_left, bottom_right = tick.args[0], tick.args[1]
    assert (top_left.column(), bottom_right.column()) == (PROGRESS, PROGRESS)
    assert (top_left.row(), bottom_right.row()) == (rows[0], rows[-1])
    assert reads == []


def test_thumbnails_load_off_thread_only_when_asked(qtbot, bridge, filled_store, make_task, image_maker, owner):
    picture = image_maker.png(640, 480, name="cat.png")
    task = filled_store.add(make_task(image_path=str(picture)))
    thumbs = ListThumbnails(parent=owner)
    model = TaskListModel(filled_store, bridge, thumbnails=thumbs, parent=owner)
    assert len(thumbs) == 0  # nothing read until a view asks
    cell = model.index(model.row_of(task.id), PROMPT)
    with qtbot.waitSignal(
        model.dataChanged, timeout=5000, check_params_cb=lambda a, b, roles=(): a.row() == cell.row()
    ):
        assert cell.data(Qt.ItemDataRole.DecorationRole) is None
    image = cell.data(Qt.ItemDataRole.DecorationRole)
    assert image is not None and max(image.width(), image.height()) <= 40
    thumbs.close()


def test_a_running_batch_shows_done_over_total_and_finishes_once(qtbot, task_store, make_task, owner):
    bridge = StoreBridge(task_store, owner)
    model = TaskListModel(task_store, bridge, parent=owner)
    panel = TaskListPanel(model, bridge, owner)
    tasks = task_store.add_many(make_task(TaskState.RUNNING, batch_id="b1") for _ in range(50))
    for task in tasks[:12]:
        task_store.update(task.id, state=TaskState.SUCCEEDED, finished_at=time.time())
    assert bridge.running_batches() == {"b1": (12, 50)}
    assert "12/50 done" in panel.batch_label.text()
    finished = []
    bridge.batch_finished.connect(lambda batch_id, total: finished.append((batch_id, total)))
    for task in tasks[12:]:
        task_store.update(task.id, state=TaskState.FAILED)
    assert finished == [("b1", 50)]
    assert bridge.running_batches() == {}
    assert panel.batch_label.isHidden()
    bridge.close()


def test_ten_thousand_tasks_populate_without_loading_them_all(qtbot, qapp, task_store, make_task, owner):
    task_store.add_many(make_task(TaskState.SUCCEEDED if i % 3 else TaskState.FAILED) for i in range(10_000))
    started = time.perf_counter()
    bridge = StoreBridge(task_store, owner)
    model = TaskListModel(task_store, bridge, parent=owner)
    panel = TaskListPanel(model, bridge, owner)
    owner.resize(900, 600)
    panel.resize(900, 600)
    owner.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: model.loaded_count() > 0)  # the first paint asked for its rows
    built = time.perf_counter() - started
    assert model.total_count() == 10_000
    assert model.rowCount() == CHUNK  # rows are handed to the view a chunk at a time
    assert model.loaded_count() <= 60  # the painted rows, not 10,000
    # Scrolling to the end fetches the rest lazily; memory stays bounded by the cache.
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    panel.table.scrollToBottom()
    qapp.processEvents()
    assert model.rowCount() == 10_000
    assert model.loaded_count() <= CACHE_SIZE
    assert model.index(9_999, 0).data(TaskIdRole) == task_store.ids()[-1]
    # A change at the top of a 10,000-row list is still one row.
    spy = Spy(model)
    newest = model.index(0, 0).data(TaskIdRole)
    task_store.update(newest, state=TaskState.FAILED)
    assert spy.events == [("changed", 0, 0)]
    print(f"\n10,000 tasks: model + view shown in {built * 1000:.0f} ms")
    bridge.close()


def test_a_failed_task_reads_as_words_with_the_providers_own_message(make_task):
    message = describe_task(make_task(TaskState.FAILED))
    assert message.title == "kie.ai could not make this video"
    assert "Content flagged by the safety filter" in message.text
    assert message.action is NextStep.RETRY
    assert '"provider_code": "501"' in message.details
