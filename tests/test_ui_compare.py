"""Compare takes side by side over real clips: one transport, every clip on the same frame."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QSlider

from hailuo_desktop.domain.states import TaskState
from hailuo_desktop.ui.workspace.compare import CompareView

pytestmark = pytest.mark.gui

FRAME_US = 1_000_000 / 24
FRAME_US_CEIL = 41_667  # one frame at the sinks' microsecond resolution


@pytest.fixture
def three_takes(task_store, make_task, clip_maker):
    tasks = [make_task(TaskState.SUCCEEDED, video_path=str(clip_maker(n, seconds=2.0))) for n in range(3)]
    return task_store.add_many(tasks)


@pytest.fixture
def view(qtbot, three_takes):
    view = CompareView(three_takes)
    view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    view.show()
    qtbot.waitExposed(view)
    yield view
    view.close()
    view.deleteLater()


class Frames:
    """The start time (µs) of the frame each pane shows now, read from its video sink."""

    def __init__(self, view) -> None:
        self.times: list[int | None] = [None] * len(view.panes)
        for n, pane in enumerate(view.panes):
            pane.video.videoSink().videoFrameChanged.connect(lambda frame, n=n: self._seen(n, frame))

    def _seen(self, n: int, frame) -> None:
        if frame.isValid():
            self.times[n] = frame.startTime()

    def together(self, near_us: float | None = None) -> bool:
        if any(t is None for t in self.times):
            return False
        if max(self.times) - min(self.times) > FRAME_US:
            return False
        return near_us is None or abs(min(self.times) - near_us) <= FRAME_US


def loaded(view) -> bool:
    return all(p.player.duration() > 0 for p in view.panes)


def test_one_transport_keeps_every_clip_on_the_same_frame(qtbot, view):
    frames = Frames(view)
    qtbot.waitUntil(lambda: loaded(view), timeout=10000)
    assert view.group.duration() == pytest.approx(2000, abs=50)

    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Space)
    assert view.group.playing
    qtbot.waitUntil(lambda: view.group.position() > 700, timeout=10000)
    QTest.keyClick(view, Qt.Key.Key_Space)
    assert not view.group.playing
    stopped_at = view.group.position()
    qtbot.waitUntil(lambda: frames.together(stopped_at * 1000), timeout=5000)

    for _ in range(3):
        QTest.keyClick(view, Qt.Key.Key_Right)
    expected = (int(stopped_at / (FRAME_US / 1000)) + 3) * FRAME_US
    qtbot.waitUntil(lambda: frames.together(expected), timeout=5000)
    QTest.keyClick(view, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: frames.together(expected - FRAME_US), timeout=5000)

    view.transport.scrub.triggerAction(QSlider.SliderAction.SliderToMinimum)
    qtbot.waitUntil(lambda: frames.together(0), timeout=5000)
    assert view.transport.scrub.value() == 0


def test_playing_clips_stay_within_a_frame_of_each_other(qtbot, view):
    frames = Frames(view)
    qtbot.waitUntil(lambda: loaded(view), timeout=10000)
    view.group.play()
    spreads = []

    def sample() -> None:
        if all(t is not None for t in frames.times):
            spreads.append(max(frames.times) - min(frames.times))

    sampler = QTimer(interval=13)  # out of step with the 24 fps frames
    sampler.timeout.connect(sample)
    sampler.start()
    qtbot.waitUntil(lambda: len(spreads) >= 100, timeout=15000)  # over a loop of the 2 s clips
    sampler.stop()
    view.group.pause()
    # A sample may fall between two panes showing the same instant's new frame: one frame
    # apart is "in sync". Nearly every sample must be; none may be two frames apart for long.
    within = sum(s <= FRAME_US_CEIL for s in spreads)
    assert within >= 0.9 * len(spreads), str(sorted(spreads))


def test_number_keys_keep_one_take_and_reject_the_others(qtbot, view, three_takes):
    asked = []
    view.keep_requested.connect(lambda kept, rejected: asked.append((kept, rejected)))
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_2)
    ids = [t.id for t in three_takes]
    assert asked == [(ids[1], [ids[0], ids[2]])]
    QTest.keyClick(view, Qt.Key.Key_L)
    assert view.group.loop is False


def test_compare_refuses_one_or_five_takes(three_takes):
    with pytest.raises(ValueError):
        CompareView(three_takes[:1])
