"""The grid of takes over a real store with real clips: tiles, posters, hover play, keys, drag."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest

from hailuo_desktop.domain.states import TaskState
from hailuo_desktop.ui.tasks.model import TaskIdRole
from hailuo_desktop.ui.workspace.drag import GNOME_FILES, drag_for, selected_tasks
from hailuo_desktop.ui.workspace.grid import TakeGrid
from hailuo_desktop.ui.workspace.posters import poster_maker

pytestmark = pytest.mark.gui


@pytest.fixture
def takes(task_store, make_task, clip_maker, image_maker):
    """Six finished takes with real clips, one running take with only its source image."""
    image = image_maker.png(320, 180, name="source.png")
    tasks = [make_task(TaskState.SUCCEEDED, video_path=str(clip_maker(n)), image_path=str(image)) for n in range(6)]
    tasks.append(make_task(TaskState.RUNNING, image_path=str(image)))
    task_store.add_many(tasks)
    return task_store


@pytest.fixture
def grid(qtbot, takes, tmp_path):
    grid = TakeGrid.for_store(takes, poster_maker(tmp_path / "posters"))
    grid.resize(1000, 460)
    grid.show()
    qtbot.waitExposed(grid)
    yield grid
    grid.release()
    shiboken6.delete(grid)


def wait_posters(qtbot, grid) -> None:
    for row in range(grid.model().rowCount()):
        grid.frame_for(grid.model().task_at(row))
    qtbot.waitUntil(lambda: grid.posters.pending == 0, timeout=10000)


def tile_centre(grid, row: int) -> QPoint:
    return grid.visualRect(grid.model().index(row, 0)).center()


def test_tiles_show_each_takes_own_poster_frame(qtbot, grid, takes):
    wait_posters(qtbot, grid)
    shot = grid.viewport().grab().toImage()
    model = grid.model()
    seen = []
    for row in range(model.rowCount()):
        task = model.task_at(row)
        if task.state is not TaskState.SUCCEEDED:
            continue
        rect = grid.visualRect(model.index(row, 0))
        # Inside the picture area, away from the badges: the clip's own colour.
        colour = QColor(shot.pixel(rect.center().x() - 50, rect.top() + 40))  # left of the moving box
        seen.append((colour.red(), colour.green(), colour.blue()))
    assert len(seen) == 6
    assert len(set(seen)) == 6, seen  # six different clips, six different tiles
    assert all(max(c) - min(c) > 60 for c in seen), seen  # colour, not a black or grey placeholder


def test_the_tile_under_the_pointer_plays_muted_and_stops_when_the_pointer_leaves(qtbot, grid):
    if grid.playback is None:
        pytest.fail("QtMultimedia is installed here: the grid must play in its tiles")
    row = 1
    task_id = grid.model().index(row, 0).data(TaskIdRole)
    QTest.mouseMove(grid.viewport(), tile_centre(grid, row))
    qtbot.waitUntil(lambda: grid.playback.frame_for(task_id) is not None, timeout=10000)
    assert grid.playing_id() == task_id
    assert grid.playback._audio.isMuted()
    QTest.mouseMove(grid.viewport(), QPoint(grid.viewport().width() - 3, grid.viewport().height() - 3))
    qtbot.waitUntil(lambda: grid.playing_id() is None, timeout=5000)


def test_arrow_keys_move_between_tiles_and_space_plays(qtbot, grid):
    grid.setFocus()
    grid.setCurrentIndex(grid.model().index(0, 0))
    QTest.keyClick(grid, Qt.Key.Key_Right)
    assert grid.currentIndex().row() == 1
    per_line = max(1, grid.viewport().width() // grid.gridSize().width())
    QTest.keyClick(grid, Qt.Key.Key_Down)
    assert grid.currentIndex().row() == 1 + per_line
    QTest.keyClick(grid, Qt.Key.Key_Space)
    current = grid.currentIndex().data(TaskIdRole)
    qtbot.waitUntil(lambda: grid.playback.frame_for(current) is not None, timeout=10000)
    QTest.keyClick(grid, Qt.Key.Key_Space)
    assert grid.playing_id() is None


def test_a_drag_of_several_tiles_carries_their_files(qtbot, grid, takes):
    model = grid.model()
    QTest.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, tile_centre(grid, 1))
    for row in (3, 0):  # row 0 is the running take (the newest): it has no file to give
        QTest.mouseClick(
            grid.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, tile_centre(grid, row)
        )
    chosen = selected_tasks(grid)
    assert [t.id for t in chosen] == [model.index(r, 0).data(TaskIdRole) for r in (0, 1, 3)]
    drag = drag_for(grid)
    files = [takes.get(model.index(r, 0).data(TaskIdRole)).video_path for r in (1, 3)]
    assert [u.toLocalFile() for u in drag.mimeData().urls()] == files
    assert all(QUrl(u).isLocalFile() for u in drag.mimeData().urls())
    assert bytes(drag.mimeData().data(GNOME_FILES)).decode().splitlines()[0] == "copy"


def test_the_grid_and_a_table_share_one_selection_by_rows(qtbot, grid):
    from PySide6.QtWidgets import QTableView

    table = QTableView()
    table.setModel(grid.model())
    grid.setSelectionModel(table.selectionModel())
    QTest.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, tile_centre(grid, 2))
    rows = table.selectionModel().selectedRows()
    assert [r.row() for r in rows] == [2]
    shiboken6.delete(table)


def test_grouped_by_source_image_each_group_is_marked(qtbot, grid, takes, image_maker):
    from hailuo_desktop.services.task_query import SortColumn, TaskQuery
    from hailuo_desktop.ui.workspace.tiles import group_colour

    other = image_maker.png(320, 180, name="other.png")
    for task_id in takes.ids()[:2]:
        takes.update(task_id, image_path=str(other))
    model = grid.model()
    model.set_query(TaskQuery(sort=SortColumn.SOURCE))
    groups = [grid.group_of(model.index(r, 0)) for r in range(model.rowCount())]
    keys = [g[0] for g in groups]
    assert keys == sorted(keys, reverse=True)  # takes of one image side by side
    assert {g[1] for g in groups} == {"other.png", "source.png"}
    shot = grid.viewport().grab().toImage()
    for row in range(model.rowCount()):
        rect = grid.visualRect(model.index(row, 0))
        stripe = QColor(shot.pixel(rect.left() + 3, rect.center().y()))
        assert stripe.rgb() == group_colour(keys[row]).rgb(), row
    model.set_query(TaskQuery())
    assert grid.group_of(model.index(0, 0)) is None
