"""The detail's player over a real clip, and the detail around it: what the take was made
from, actions that stay put, and Reuse settings putting the image back into compose."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from hailuo_desktop.domain.states import TaskState
from hailuo_desktop.ui.workspace.player import VideoPlayer

pytestmark = pytest.mark.gui
WAIT_MS = 15_000
FRAME_US = 1_000_000 / 24


@pytest.fixture
def player(qtbot, clip_maker):
    player = VideoPlayer()
    player.resize(480, 320)
    player.show()
    qtbot.waitExposed(player)
    player.load(str(clip_maker(1, seconds=2.0)), autoplay=False)
    qtbot.waitUntil(lambda: player.group.duration() > 0, timeout=WAIT_MS)
    yield player
    player.clear()
    shiboken6.delete(player)


def shown_frame(player) -> int | None:
    frame = player.video.videoSink().videoFrame()
    return frame.startTime() if frame.isValid() else None


def test_keys_play_pause_step_and_loop(qtbot, player):
    player.setFocus()
    QTest.keyClick(player, Qt.Key.Key_Space)
    assert player.group.playing
    qtbot.waitUntil(lambda: player.group.position() > 300, timeout=WAIT_MS)
    QTest.keyClick(player, Qt.Key.Key_Space)
    assert not player.group.playing
    start = player.group.position()
    frame = int(start / (FRAME_US / 1000))
    QTest.keyClick(player, Qt.Key.Key_Right)
    QTest.keyClick(player, Qt.Key.Key_Right)
    qtbot.waitUntil(
        lambda: shown_frame(player) is not None and abs(shown_frame(player) - (frame + 2) * FRAME_US) <= 1,
        timeout=WAIT_MS,
    )
    assert player.transport.scrub.value() == player.group.position()
    assert player.transport.loop.isChecked()
    QTest.keyClick(player, Qt.Key.Key_L)
    assert not player.transport.loop.isChecked() and player.group.loop is False


def test_sound_says_whether_it_is_on(qtbot, player):
    assert player.audio.isMuted() and player.sound.text() == "Sound off" and not player.sound.isChecked()
    player.setFocus()
    QTest.keyClick(player, Qt.Key.Key_M)
    assert not player.audio.isMuted() and player.sound.text() == "Sound on" and player.sound.isChecked()
    player.sound.click()
    assert player.audio.isMuted() and player.sound.text() == "Sound off"


def test_fullscreen_and_back(qtbot, player):
    player.fullscreen.click()
    qtbot.waitUntil(player.video.isFullScreen, timeout=WAIT_MS)
    QTest.keyClick(player.video, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not player.video.isFullScreen(), timeout=WAIT_MS)


def test_the_picture_grows_with_its_pane(qtbot, player):
    small = player.video.size()
    player.resize(900, 640)
    qtbot.waitUntil(lambda: player.video.width() > small.width() + 300, timeout=WAIT_MS)
    assert player.video.height() > small.height() + 200


@pytest.fixture
def session_with_take(qtbot, ui_session, simulator_thread, make_task, clip_maker, image_maker, tmp_path):
    session = ui_session(simulator_thread.api_url, home=tmp_path / "home")
    start = image_maker.png(400, 300, name="harbour-at-dawn.png")
    end = image_maker.png(400, 300, name="harbour-at-noon.png")
    done = make_task(
        TaskState.SUCCEEDED,
        video_path=str(clip_maker(2)),
        image_path=str(start),
        end_image_path=str(end),
        prompt="boats drift across the harbour",
    )
    failed = make_task(TaskState.FAILED, image_path=str(start))
    session.store.add_many([done, failed])
    qtbot.waitUntil(lambda: session.window.tasks.model.total_count() == 2, timeout=WAIT_MS)
    return session, done, failed


def test_the_detail_shows_what_the_take_was_made_from(qtbot, session_with_take):
    session, done, _failed = session_with_take
    detail = session.window.detail
    session.window.tasks.select(done.id)
    assert detail.sources.start.isVisible() and detail.sources.end.isVisible()
    assert "harbour-at-dawn.png" in detail.sources.start.name.text()
    assert "harbour-at-noon.png" in detail.sources.end.name.text()
    qtbot.waitUntil(
        lambda: (
            detail.sources.start.picture.pixmap() is not None and not detail.sources.start.picture.pixmap().isNull()
        ),
        timeout=WAIT_MS,
    )


def test_the_detail_actions_stay_put_as_the_state_changes(qtbot, session_with_take):
    session, done, failed = session_with_take
    detail, tasks = session.window.detail, session.window.tasks
    buttons = (detail.open_file, detail.reuse, detail.retry, detail.remove)

    def places():
        QTest.qWait(0)
        return [b.mapTo(detail, b.rect().topLeft()) for b in buttons]

    tasks.select(done.id)
    qtbot.waitUntil(lambda: not detail.error_box.isVisible(), timeout=WAIT_MS)
    before = places()
    tasks.select(failed.id)
    qtbot.waitUntil(detail.error_box.isVisible, timeout=WAIT_MS)
    assert places() == before


def test_reuse_settings_puts_the_image_and_prompt_back_into_compose(qtbot, session_with_take):
    session, done, _failed = session_with_take
    window = session.window
    window.tasks.select(done.id)
    with qtbot.waitSignal(session.controller.images_checked, timeout=WAIT_MS):
        window.detail.reuse.click()
    compose = window.compose
    assert compose.prompt.text() == done.prompt
    names = [compose.images.index(r, 0).data(Qt.ItemDataRole.DisplayRole) for r in range(compose.images.rowCount())]
    assert "harbour-at-dawn.png" in names
