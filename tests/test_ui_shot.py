"""Continue a shot in the real window, against the simulator over loopback.

The simulator makes a real H.264 clip per task (its picture changes frame by frame), so the
test can check that the still sent for the next take is the source's last frame, decoded
independently, and not a frame before it.
"""

from __future__ import annotations

import base64
import hashlib
import io
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt

from hailuo_desktop.domain.states import TaskState
from hailuo_desktop.simulator.server import SimConfig
from hailuo_desktop.ui.compose.frames_slots import FrameRole
from tests.fixtures.sim import SIM_EPOCH
from tests.fixtures.videos import decoded_frames, make_clip, mean_difference
from tests.test_ui_flow import (
    LONG_ENOUGH,
    WAIT_MS,
    drop,
    generate,
    wait_sent,
    wait_state,
)

pytestmark = pytest.mark.gui
CLIP_SIZE = (480, 320)  # a short side over 300 px: the last frame is itself a valid input image
MINIMAX_23 = "MiniMax-Hailuo-2.3"


class Clips:
    """The simulator's result factory: a different real clip per task, and what each was asked."""

    def __init__(self) -> None:
        self.calls: list[dict] = []

    def __call__(self, info: dict) -> bytes:
        self.calls.append(dict(info))
        hue = hashlib.sha256(info["task_id"].encode()).digest()[0]
        return make_clip(0.5, size=CLIP_SIZE, hue=hue, keyint=5)


@pytest.fixture
def clips() -> Clips:
    return Clips()


@pytest.fixture
def sim_config(clips) -> SimConfig:
    return SimConfig(seed=3, epoch=SIM_EPOCH, result_factory=clips)


def finished_take(qtbot, session, simulator_thread, image_maker, prompt="a boat drifts"):
    window = session.window
    window.compose.apply_settings("minimax", MINIMAX_23, None, 6, "768P", "", None)
    drop(qtbot, session, image_maker.png(640, 480, name="first.png"))
    (task,) = generate(qtbot, session, prompt)
    wait_sent(qtbot, session.store, task.id)
    simulator_thread.advance(LONG_ENOUGH)
    wait_state(qtbot, session.store, task.id, TaskState.SUCCEEDED)
    return session.store.get(task.id)


def sent_image(call: dict) -> Image.Image:
    url = call["image_url"]
    assert url.startswith("data:image/"), url[:40]
    return Image.open(io.BytesIO(base64.b64decode(url.split(",", 1)[1]))).convert("RGB")


def test_continue_from_the_right_click_menu_sends_the_real_last_frame_and_keeps_the_parent(
    qtbot, ui_session, simulator_thread, image_maker, clips
):
    session = ui_session(simulator_thread.api_url)
    window, store = session.window, session.store
    first = finished_take(qtbot, session, simulator_thread, image_maker)
    window.tasks.select(first.id)
    table = window.tasks.table
    row = window.tasks.model.index_of(first.id)
    table.customContextMenuRequested.emit(table.visualRect(row).center())
    menu = window.takes.last_menu
    entry = next(a for a in menu.actions() if a.text().replace("&", "") == "Continue from last frame")
    assert entry.isEnabled() and entry.shortcut().toString() == "Ctrl+Shift+N"
    with qtbot.waitSignal(session.controller.shots.continued, timeout=WAIT_MS) as continued:
        entry.trigger()
    menu.close()
    parent_id, still = continued.args
    compose = window.compose
    assert parent_id == first.id
    assert compose.image_keys() == [still] and compose.images.accepted_keys() == [still]  # a real, checked entry
    assert compose.prompt.text() == "" and compose.picker.spec().model == MINIMAX_23
    assert (compose.picker.provider(), compose.picker.duration(), compose.picker.resolution()) == ("minimax", 6, "768P")
    assert "Accepted by MiniMax" in compose.images.index(0).data(Qt.ItemDataRole.ToolTipRole)

    frames = decoded_frames(first.video_path)
    with Image.open(still) as picture:
        assert picture.size == CLIP_SIZE
        last = mean_difference(picture, frames[-1])
        assert last < 3 and mean_difference(picture, frames[-2]) > last + 1  # the last frame, not one before

    submits = simulator_thread.stats.submits["minimax"]
    (second,) = generate(qtbot, session, "the boat reaches the shore")
    assert second.parent_id == first.id and store.get(second.id).parent_id == first.id
    wait_sent(qtbot, store, second.id)
    simulator_thread.advance(LONG_ENOUGH)
    wait_state(qtbot, store, second.id, TaskState.SUCCEEDED)
    assert simulator_thread.stats.submits["minimax"] == submits + 1  # exactly one submit
    assert mean_difference(sent_image(clips.calls[-1]), frames[-1]) < 3  # what reached the provider


def test_the_detail_shows_the_chain_and_jumps_along_it(qtbot, ui_session, simulator_thread, image_maker):
    session = ui_session(simulator_thread.api_url)
    window, store = session.window, session.store
    first = finished_take(qtbot, session, simulator_thread, image_maker)
    takes = [first]
    for prompt in ("the boat turns", "the boat sails away"):
        window.tasks.select(takes[-1].id)
        assert window.detail.continue_take.isEnabled()
        with qtbot.waitSignal(session.controller.shots.continued, timeout=WAIT_MS):
            qtbot.keyClick(
                window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
            )
        (task,) = generate(qtbot, session, prompt)
        wait_sent(qtbot, store, task.id)
        simulator_thread.advance(LONG_ENOUGH)
        wait_state(qtbot, store, task.id, TaskState.SUCCEEDED)
        takes.append(store.get(task.id))
    assert [t.parent_id for t in takes] == [None, takes[0].id, takes[1].id]

    window.tasks.select(takes[1].id)
    chain = window.detail.chain
    qtbot.waitUntil(lambda: chain.isVisible() and set(chain.buttons) == {t.id for t in takes}, timeout=WAIT_MS)
    assert [chain.buttons[t.id].text()[:2] for t in takes] == ["1.", "2.", "3."]
    assert chain.buttons[takes[1].id].isChecked() and not chain.buttons[takes[0].id].isChecked()  # the take shown
    qtbot.mouseClick(chain.buttons[takes[0].id], Qt.MouseButton.LeftButton)  # to the parent
    qtbot.waitUntil(lambda: window.tasks.selected_id() == takes[0].id, timeout=WAIT_MS)
    assert window.detail.task.id == takes[0].id
    qtbot.waitUntil(lambda: set(chain.buttons) == {takes[0].id, takes[1].id}, timeout=WAIT_MS)  # one child
    qtbot.mouseClick(chain.buttons[takes[1].id], Qt.MouseButton.LeftButton)  # and to its child
    qtbot.waitUntil(lambda: window.tasks.selected_id() == takes[1].id, timeout=WAIT_MS)


def test_a_takes_last_frame_goes_to_the_start_or_end_slot(qtbot, ui_session, simulator_thread, image_maker, tmp_path):
    session = ui_session(simulator_thread.api_url)
    window = session.window
    first = finished_take(qtbot, session, simulator_thread, image_maker)
    shots = session.controller.shots
    window.tasks.select(first.id)
    assert window.compose.frames_box.isHidden()  # Hailuo 2.3 takes no last frame
    with qtbot.waitSignal(shots.frame_sent, timeout=WAIT_MS) as sent:
        shots.to_end_action.trigger()
    role, still = sent.args
    compose = window.compose
    assert role is FrameRole.END and compose.frames.key(FrameRole.END) == still
    assert compose.picker.spec().model == "MiniMax-Hailuo-02" and not compose.frames_box.isHidden()  # switched
    assert compose.frames.end.name.toolTip() == still
    assert "Accepted by MiniMax" in compose.frames.end.verdict.text()

    compose.frames.paths_dropped.emit(FrameRole.START, [str(tmp_path)])  # a folder: no slot takes it
    qtbot.waitUntil(lambda: "not a folder" in window.statusBar().currentMessage(), timeout=WAIT_MS)
    assert compose.frames.key(FrameRole.START) is None
    start = image_maker.png(640, 480, name="opening.png")
    with qtbot.waitSignal(session.controller.images_checked, timeout=WAIT_MS):
        compose.frames.paths_dropped.emit(FrameRole.START, [str(start)])
    qtbot.waitUntil(lambda: compose.frames.key(FrameRole.START) == str(start), timeout=WAIT_MS)
    compose.prompt.set_text("from the opening to the boat")
    with qtbot.waitSignal(compose.generate_requested, timeout=WAIT_MS) as ordered:
        assert compose.trigger_generate()
    (request,) = ordered.args[0].requests
    assert (request.image, request.end_image) == (str(start), still)
    assert ordered.args[0].parents == [None]  # an end frame continues nothing


def test_a_take_whose_video_is_gone_says_so_and_leaves_compose_alone(qtbot, ui_session, simulator_thread, image_maker):
    session = ui_session(simulator_thread.api_url)
    window = session.window
    first = finished_take(qtbot, session, simulator_thread, image_maker)
    keys = window.compose.image_keys()
    Path(first.video_path).unlink()
    window.tasks.select(first.id)
    session.controller.shots.continue_action.trigger()
    qtbot.waitUntil(window.banner.isVisible, timeout=WAIT_MS)
    assert window.banner.title.text() in ("The video could not be read", "This take has no video yet")
    assert window.compose.image_keys() == keys


def test_a_take_made_from_text_continues_with_its_image_twin(qtbot, ui_session, simulator_thread, make_task, tmp_path):
    from tests.fixtures.videos import write_clip

    clip = write_clip(tmp_path / "text.mp4", 0.5, size=CLIP_SIZE)
    parent = make_task(
        TaskState.SUCCEEDED,
        provider="kie",
        model="hailuo/02-text-to-video-standard",
        kind="t2v",
        prompt="fog rolls over a harbour",
        video_path=str(clip),
        duration=6,
        resolution=None,
    )
    session = ui_session(simulator_thread.api_url)
    session.store.add(parent)
    qtbot.waitUntil(lambda: session.window.tasks.model.index_of(parent.id).isValid(), timeout=WAIT_MS)
    with qtbot.waitSignal(session.controller.shots.continued, timeout=WAIT_MS) as continued:
        session.window.detail.continue_requested.emit(parent)
    spec = session.window.compose.picker.spec()
    assert (spec.provider, spec.model, spec.kind) == ("kie", "hailuo/02-image-to-video-standard", "i2v")
    assert session.window.compose.images.accepted_keys() == [continued.args[1]]
    assert session.window.compose.frames.key(FrameRole.START) == continued.args[1]  # 02 has slots: say it outright
