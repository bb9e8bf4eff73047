"""The grid shows a poster the engine made when the video was saved, without decoding it."""

from __future__ import annotations

import pytest
import shiboken6

from hailuo_desktop.domain.states import TaskState
from hailuo_desktop.services.saved_posters import SavedPosters
from hailuo_desktop.ui.workspace.grid import TakeGrid
from hailuo_desktop.ui.workspace.posters import poster_maker

pytestmark = pytest.mark.gui


def _show_every_poster(qtbot, task_store, cache) -> int:
    """Open a grid over the store; once every tile has its poster, how many videos it decoded."""
    make = poster_maker(cache)
    grid = TakeGrid.for_store(task_store, make)
    grid.resize(1000, 460)
    grid.show()
    qtbot.waitExposed(grid)
    try:
        tasks = [grid.model().task_at(row) for row in range(grid.model().rowCount())]
        for task in tasks:
            grid.frame_for(task)
        qtbot.waitUntil(lambda: all(grid.posters.has(task) for task in tasks), timeout=10000)
        return make.decodes
    finally:
        grid.release()
        shiboken6.delete(grid)


def test_the_grid_reads_posters_made_at_save_time_and_decodes_none(qtbot, task_store, make_task, clip_maker, tmp_path):
    saved = SavedPosters(tmp_path / "posters")
    task_store.subscribe(saved.on_store_event)
    try:
        task_store.add_many([make_task(TaskState.SUCCEEDED, video_path=str(clip_maker(n))) for n in range(3)])
        assert saved.wait_idle(30) and (saved.made, saved.failed) == (3, 0)
    finally:
        saved.close()
    assert _show_every_poster(qtbot, task_store, tmp_path / "posters") == 0
    # The same grid over an empty cache decodes each video itself: the count above is real.
    assert _show_every_poster(qtbot, task_store, tmp_path / "elsewhere") == 3
