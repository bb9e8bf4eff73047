"""Compose's Start/End slots, the 512P + end frame refusal, per-image prompts and parents."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QUrl

from hailuo_desktop.services.imagecheck import inspect_image
from hailuo_desktop.ui.compose import ComposePanel
from hailuo_desktop.ui.compose.frames_slots import FrameRole
from tests.test_ui_compose import drop

pytestmark = pytest.mark.gui
MINIMAX_02 = "MiniMax-Hailuo-02"


@pytest.fixture
def panel(qtbot):
    widget = ComposePanel()
    qtbot.addWidget(widget)
    widget.resize(460, 900)
    widget.show()
    return widget


def add(panel, path) -> str:
    panel.add_image(str(path), inspect_image(path), None)
    return str(path)


def order_of(qtbot, panel):
    with qtbot.waitSignal(panel.generate_requested, timeout=2000) as blocker:
        assert panel.trigger_generate()
    return blocker.args[0]


def resolution_item(panel, text: str):
    box = panel.picker.resolution_box
    return box.model().item(box.findText(text))


def test_an_end_frame_at_512p_is_greyed_out_with_the_reason_both_ways(qtbot, panel, image_maker):
    start = add(panel, image_maker.jpeg(800, 600, name="start.jpg"))
    end = add(panel, image_maker.jpeg(800, 600, name="end.jpg"))
    panel.apply_settings("minimax", MINIMAX_02, None, 6, "512P", "the sun sets", None)
    assert resolution_item(panel, "512P").isEnabled()  # no end frame yet: 512P is fine
    assert panel.generate_reason() is None

    panel.set_frame(FrameRole.END, end)  # 512P chosen first: the End slot is refused
    slot = panel.frames.end
    assert slot.reason.isVisible() and "512P" in slot.reason.text() and "MiniMax" in slot.reason.text()
    assert not slot.picture.isEnabled()
    assert panel.generate_reason() == slot.reason.text()  # nothing is sent that MiniMax refuses

    panel.picker.resolution_box.setCurrentIndex(panel.picker.resolution_box.findText("768P"))
    assert not slot.reason.isVisible() and slot.picture.isEnabled()
    item = resolution_item(panel, "512P")
    assert not item.isEnabled() and "end frame" in item.toolTip()  # now 512P is the greyed one
    assert "end frame" in panel.picker.hint.text()
    order = order_of(qtbot, panel)
    assert [(r.image, r.end_image, r.resolution) for r in order.requests] == [(start, end, "768P")]

    slot.clear_button.click()
    assert resolution_item(panel, "512P").isEnabled() and panel.frames.key(FrameRole.END) is None


def test_the_start_slot_picks_the_one_start_image(qtbot, panel, image_maker):
    images = [add(panel, image_maker.jpeg(800, 600, name=f"{n}.jpg")) for n in range(3)]
    refused = add(panel, image_maker.png(1000, 200, name="strip.png"))
    panel.apply_settings("kie", "hailuo/02-image-to-video-standard", None, 6, "768P", "waves", None)
    assert len(order_of(qtbot, panel).requests) == 3  # empty Start: every listed image
    panel.set_frame(FrameRole.START, images[1])
    panel.set_frame(FrameRole.END, images[2])
    assert panel.frames.start.name.text() == "1.jpg" and "Accepted by kie.ai" in panel.frames.start.verdict.text()
    assert [(r.image, r.end_image) for r in order_of(qtbot, panel).requests] == [(images[1], images[2])]
    panel.set_frame(FrameRole.START, refused)
    assert "Start frame cannot be sent" in panel.generate_reason()
    panel.remove_image(refused)  # gone from the list: gone from the slot
    qtbot.waitUntil(lambda: panel.frames.key(FrameRole.START) is None, timeout=2000)
    assert panel.frames.start.clear_button.isEnabled() is False


def test_a_file_dropped_on_a_slot_is_handed_over_with_its_slot(qtbot, panel, image_maker):
    panel.apply_settings("kie", "hailuo/02-image-to-video-standard", None, 6, "768P", "", None)
    path = image_maker.png(640, 480, name="last.png")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    with qtbot.waitSignal(panel.frames.paths_dropped, timeout=2000) as dropped:
        drop(panel.frames.end, mime)
    assert dropped.args == [FrameRole.END, [str(path)]]
    assert panel.images.rowCount() == 0  # the controller reads the file; the panel only passes it on


def test_per_image_prompts_and_parents_go_with_their_image(qtbot, panel, image_maker):
    a, b = (add(panel, image_maker.jpeg(800, 600, name=f"{n}.jpg")) for n in "ab")
    panel.apply_settings("kie", "hailuo/2-3-image-to-video-standard", None, 6, "768P", "", None)
    panel.image_prompts.update({a: "a cat stretches"})
    panel.image_parents.update({b: "parent-task"})
    assert panel.generate_reason() == "Write a prompt."  # b has no prompt of its own
    panel.prompt.set_text("the default prompt")
    order = order_of(qtbot, panel)
    assert [(r.image, r.prompt) for r in order.requests] == [(a, "a cat stretches"), (b, "the default prompt")]
    assert order.parents == [None, "parent-task"]
    assert [(p, [r.image for r in rs]) for p, rs in order.parent_groups()] == [(None, [a]), ("parent-task", [b])]
    panel.variants.setValue(2)
    assert [r.prompt for r in order_of(qtbot, panel).requests] == ["a cat stretches"] * 2 + ["the default prompt"] * 2


def test_a_listed_image_goes_to_a_slot_by_right_click_or_by_dragging_it(qtbot, panel, image_maker):
    start, end = (add(panel, image_maker.jpeg(800, 600, name=f"{n}.jpg")) for n in ("start", "end"))
    panel.apply_settings("kie", "hailuo/2-3-image-to-video-standard", None, 6, "768P", "", None)
    view = panel.image_view
    row = view.visualRect(panel.images.index(panel.images.row_of(end))).center()
    view.customContextMenuRequested.emit(row)
    assert getattr(panel, "image_menu", None) is None  # no slots for this model: no menu
    panel.apply_settings("kie", "hailuo/02-image-to-video-standard", None, 6, "768P", "", None)
    view.customContextMenuRequested.emit(row)
    use_end = next(a for a in panel.image_menu.actions() if a.text().replace("&", "") == "Use as End frame")
    use_end.trigger()
    panel.image_menu.close()
    assert panel.frames.key(FrameRole.END) == end

    dragged = panel.images.mimeData([panel.images.index(panel.images.row_of(start))])
    assert [u.toLocalFile() for u in dragged.urls()] == [start]
    with qtbot.waitSignal(panel.frames.paths_dropped, timeout=2000) as dropped:
        drop(panel.frames.start, dragged)  # what a drag from the list onto the Start slot delivers
    assert dropped.args == [FrameRole.START, [start]]
