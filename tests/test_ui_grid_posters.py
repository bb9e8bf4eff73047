"""The grid's posters over real clips: read at the size drawn, bounded by bytes, and never read
for tiles the user has scrolled away from; tile text elided as Qt would elide the whole line."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics

from hailuo_desktop.domain.states import TaskState
from hailuo_desktop.ui.workspace import posters as posters_module
from hailuo_desktop.ui.workspace.grid import TakeGrid
from hailuo_desktop.ui.workspace.posters import PosterFrames, poster_maker
from hailuo_desktop.ui.workspace.tile_parts import Lettering

pytestmark = pytest.mark.gui


@pytest.fixture
def clips(task_store, make_task, clip_maker):
    tasks = [make_task(TaskState.SUCCEEDED, video_path=str(clip_maker(n))) for n in range(4)]
    task_store.add_many(tasks)
    return tasks


def test_posters_are_read_at_the_size_the_tile_draws_them(qtbot, task_store, clips, tmp_path):
    grid = TakeGrid.for_store(task_store, poster_maker(tmp_path / "posters"))
    grid.resize(1000, 460)
    grid.show()
    qtbot.waitExposed(grid)
    try:
        for row in range(grid.model().rowCount()):
            grid.frame_for(grid.model().task_at(row))
        qtbot.waitUntil(lambda: grid.posters.pending == 0, timeout=10000)
        box = grid.tiles.picture_size()
        ratio = grid.devicePixelRatioF()
        for row in range(grid.model().rowCount()):
            poster = grid.posters.get(grid.model().task_at(row))
            assert poster is not None
            shown = poster.deviceIndependentSize().toSize()
            # The 4:3 clip fits the 16:9 picture box by its height, at the screen's pixel ratio.
            assert shown == QSize(320, 240).scaled(box, Qt.AspectRatioMode.KeepAspectRatio), (shown, box)
            assert poster.width() == round(shown.width() * ratio)
        assert grid.posters.kept_bytes == sum(
            p.width() * p.height() * p.depth() // 8 for p in (grid.posters.get(t) for t in clips) if p is not None
        )
    finally:
        grid.release()
        shiboken6.delete(grid)


def test_what_is_kept_is_bounded_by_bytes(qtbot, clips, tmp_path, monkeypatch):
    frames = PosterFrames(poster_maker(tmp_path / "posters"), QSize(160, 90), workers=1)
    one_poster = 120 * 90 * 4  # the 4:3 clip at 90 px high, 32 bits a pixel
    monkeypatch.setattr(posters_module, "BUDGET", 2 * one_poster)
    try:
        for task in clips:
            frames.get(task)
        qtbot.waitUntil(lambda: frames.pending == 0, timeout=10000)
        assert len(frames) == 2 and frames.kept_bytes == 2 * one_poster
        assert frames.get(clips[0]) is None  # the first read went first
    finally:
        frames.close()


def test_requests_for_tiles_scrolled_away_are_dropped(qtbot, clips, tmp_path):
    go_on = threading.Event()
    asked = []
    make = poster_maker(tmp_path / "posters")

    def slow_poster(video: str):
        asked.append(video)
        go_on.wait(10)
        return make(video)

    frames = PosterFrames(slow_poster, QSize(160, 90), workers=1)
    try:
        first, scrolled_past, also_past, now_shown = clips
        frames.get(first)
        qtbot.waitUntil(lambda: asked == [first.video_path])  # the worker is busy with it
        frames.get(scrolled_past)
        frames.get(also_past)
        assert frames.pending == 3
        frames.want([now_shown, first])  # the grid scrolled: these are on screen now
        assert frames.pending == 2  # the two tiles scrolled past are forgotten
        ready = []
        frames.ready.connect(ready.append)
        go_on.set()
        qtbot.waitUntil(lambda: frames.pending == 0, timeout=10000)
        assert asked == [first.video_path, now_shown.video_path]  # never read the ones scrolled past
        assert sorted(ready) == sorted([first.id, now_shown.id])
        assert frames.get(scrolled_past) is None  # painted again: asked again
        qtbot.waitUntil(lambda: frames.get(scrolled_past) is not None, timeout=10000)
    finally:
        go_on.set()
        frames.close()


@pytest.mark.parametrize(
    "text",
    [
        "short",
        "Slow push-in on the lighthouse, waves breaking, " * 40,  # 2,000 characters: cut before eliding
        "e" + "\u0301" * 600 + " and then the words at the end",  # zero-width marks: the cut fits whole
        "iiiiiiiiii" * 30,
    ],
)
def test_a_long_line_is_elided_as_qt_elides_the_whole_of_it(qapp, text):
    font = QFont(qapp.font())
    lettering = Lettering(font)
    for width in (60, 200, 480):
        assert lettering.elided(text, width) == QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, width)
