"""The compose panel driven as a user would: real widgets, real files, real Qt events."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QImage,
    QImageIOHandler,
    QImageReader,
)
from PySide6.QtWidgets import QApplication

from hailuo_desktop.services.imagecheck import inspect_image
from hailuo_desktop.ui.compose import ComposeOrder, ComposePanel
from hailuo_desktop.ui.compose.camera import (
    TooManyCommands,
    insert_command,
    overfull_brackets,
)
from hailuo_desktop.ui.compose.frames_slots import FrameRole
from hailuo_desktop.ui.compose.image_list import (
    STATE_ROLE,
    VERDICT_ROLE,
    ImageListModel,
)
from hailuo_desktop.ui.thumbnails import ThumbnailCache, load_thumbnail
from tests.fixtures.images import png_header_bytes

pytestmark = pytest.mark.gui
SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots"


@pytest.fixture
def panel(qtbot):
    widget = ComposePanel()
    qtbot.addWidget(widget)
    widget.resize(460, 860)
    widget.show()
    return widget


def choose(
    panel: ComposePanel,
    provider: str,
    model: str,
    mode: str | None = None,
    kind: str | None = None,
    duration: int | None = None,
    resolution: str | None = None,
) -> None:
    panel.apply_settings(provider, model, mode, duration, resolution, panel.prompt.text(), None, kind=kind)


def add_file(panel: ComposePanel, path: Path) -> str:
    key = str(path)
    panel.add_image(key, inspect_image(path), None)
    return key


def row_state(panel: ComposePanel, key: str) -> tuple[str, str]:
    index = panel.images.index(panel.images.row_of(key))
    return index.data(STATE_ROLE), index.data(VERDICT_ROLE)


def combo_item(box, text: str):
    index = box.findText(text)
    assert index >= 0, f"{text!r} not offered"
    return index, box.model().item(index)


def expect_order(qtbot, panel: ComposePanel) -> ComposeOrder:
    with qtbot.waitSignal(panel.generate_requested, timeout=2000) as blocker:
        assert panel.trigger_generate()
    return blocker.args[0]


# --- verdicts follow the provider ---------------------------------------------------------


def test_changing_provider_rechecks_verdicts_at_once(qtbot, panel, image_maker):
    key = add_file(panel, image_maker.image(600, 800, "WEBP", name="photo.webp"))
    choose(panel, "kie", "hailuo/2-3-image-to-video-standard")
    assert row_state(panel, key)[0] == "ok"

    with qtbot.waitSignal(panel.provider_changed, timeout=2000) as blocker:
        panel.picker.provider_box.setCurrentIndex(panel.picker.provider_box.findData("apixo"))
    assert blocker.args == ["apixo"]
    state, verdict = row_state(panel, key)
    assert state == "bad"
    assert "WEBP" in verdict and "not accepted" in verdict
    assert panel.generate_reason() and "APIXO" in panel.generate_reason()


def test_url_images_are_left_to_the_provider(panel):
    url = "https://cdn.example.com/pics/cat.png"
    panel.add_image(url, None, None)
    assert row_state(panel, url) == ("url", "Checked by the provider")
    assert panel.images.accepted_keys() == [url]


def test_local_images_wait_for_their_facts(panel, image_maker):
    path = image_maker.png(400, 500)
    panel.prompt.set_text("go")
    panel.add_image(str(path), None)  # listed at once; the controller reads the header off-thread
    assert row_state(panel, str(path)) == ("checking", "Checking…")
    assert panel.generate_reason() == "Checking the images…"
    panel.add_image(str(path), inspect_image(path))
    assert row_state(panel, str(path))[0] == "ok" and panel.generate_reason() is None
    assert panel.images.rowCount() == 1


def test_image_list_model_passes_the_model_tester(qtmodeltester, image_maker):
    from hailuo_desktop.domain.catalog import PROVIDERS

    model = ImageListModel()
    model.set_rules(PROVIDERS["kie"].image_rules, "kie.ai")
    model.add(str(image_maker.png(400, 500)), inspect_image(image_maker.png(400, 500)))
    model.add("https://example.com/a.jpg", None)
    model.add(str(image_maker.folder / "pending.png"), None)
    qtmodeltester.check(model)


# --- model, mode, duration, resolution ----------------------------------------------------


def test_ten_seconds_at_1080p_cannot_be_chosen_for_2_3_on_kie(panel):
    choose(panel, "kie", "hailuo/2-3-image-to-video-standard", duration=10)
    picker = panel.picker
    index, item = combo_item(picker.resolution_box, "1080P")
    assert not item.isEnabled()
    reason = picker.resolution_box.itemData(index, Qt.ItemDataRole.ToolTipRole)
    assert "10 s" in reason and "1080P" in reason
    assert not picker.hint.isHidden() and reason in picker.hint.text()

    picker.duration_box.setCurrentIndex(picker.duration_box.findData(6))
    picker.resolution_box.setCurrentIndex(picker.resolution_box.findData("1080P"))
    assert combo_item(picker.resolution_box, "1080P")[1].isEnabled()
    assert not combo_item(picker.duration_box, "10 s")[1].isEnabled()


def test_reused_settings_never_land_on_a_refused_pair(panel):
    choose(panel, "kie", "hailuo/2-3-image-to-video-pro", duration=10, resolution="1080P")
    assert (panel.picker.duration(), panel.picker.resolution()) == (10, "768P")


def test_fixed_duration_mode_disables_the_duration(qtbot, panel, image_maker):
    choose(panel, "apixo", "hailuo-2-3-fast", mode="pro-image-to-video")
    box = panel.picker.duration_box
    assert not box.isEnabled()
    assert box.currentText().startswith("6 s") and "always" in box.toolTip()
    add_file(panel, image_maker.jpeg(800, 600))
    panel.prompt.set_text("waves roll in")
    request = expect_order(qtbot, panel).requests[0]
    assert request.duration is None and request.effective_duration == 6


def test_image_only_model_shows_text_mode_refused_with_reason(panel):
    choose(panel, "minimax", "MiniMax-Hailuo-2.3-Fast")
    index, item = combo_item(panel.picker.mode_box, "Text to video")
    assert not item.isEnabled()
    assert "only animates images" in panel.picker.mode_box.itemData(index, Qt.ItemDataRole.ToolTipRole)


def test_text_to_video_needs_no_image(qtbot, panel, image_maker):
    add_file(panel, image_maker.png(400, 500))
    choose(panel, "kie", "hailuo/02-text-to-video-standard", kind="t2v")
    assert not panel.image_view.isEnabled()
    assert "not used" in panel.images_hint.text()
    panel.prompt.set_text("a fox runs through snow")
    panel.variants.setValue(2)
    order = expect_order(qtbot, panel)
    assert [r.image for r in order.requests] == [None, None]
    assert order.requests[0].spec.kind == "t2v" and order.variants == 2


def test_switching_provider_keeps_text_to_video(panel):
    choose(panel, "kie", "hailuo/02-text-to-video-standard", kind="t2v")
    panel.picker.provider_box.setCurrentIndex(panel.picker.provider_box.findData("apixo"))
    assert panel.picker.spec().kind == "t2v" and panel.picker.spec().provider == "apixo"


def test_start_and_end_slots_are_offered_for_02_models_only(qtbot, panel, image_maker):
    start = add_file(panel, image_maker.jpeg(800, 600, name="start.jpg"))
    end = add_file(panel, image_maker.jpeg(800, 600, name="end.jpg"))
    choose(panel, "kie", "hailuo/2-3-image-to-video-standard")
    assert panel.frames_box.isHidden()
    choose(panel, "kie", "hailuo/02-image-to-video-standard", resolution="768P")
    assert not panel.frames_box.isHidden()
    panel.set_frame(FrameRole.END, end)
    panel.prompt.set_text("day turns to night")
    order = expect_order(qtbot, panel)
    assert [(r.image, r.end_image) for r in order.requests] == [(start, end)]


# --- prompt -------------------------------------------------------------------------------


def test_prompt_counter_turns_red_over_the_models_limit(panel, image_maker):
    add_file(panel, image_maker.png(400, 500))
    choose(panel, "kie", "hailuo/02-image-to-video-standard")
    panel.prompt.set_text("x" * 1500)
    assert panel.prompt.counter.text() == "1,500 / 1,500"
    assert "color" not in panel.prompt.counter.styleSheet()
    assert panel.generate_reason() is None

    panel.prompt.set_text("x" * 1501)
    assert "color" in panel.prompt.counter.styleSheet()
    assert "1 character" in panel.generate_reason()
    choose(panel, "minimax", "MiniMax-Hailuo-02")  # 2000 there: the same text fits
    assert panel.prompt.counter.text() == "1,501 / 2,000" and panel.generate_reason() is None


def test_camera_menu_combines_up_to_three_and_refuses_a_fourth(panel):
    actions = {a.text(): a for a in panel.prompt.camera_menu.actions()}
    panel.prompt.set_text("A castle at dusk")
    for name in ("[Pan left]", "[Pedestal up]", "[Zoom in]"):
        actions[name].trigger()
    assert panel.prompt.text() == "A castle at dusk [Pan left,Pedestal up,Zoom in]"
    assert panel.prompt.hint.isHidden()

    actions["[Shake]"].trigger()
    assert panel.prompt.text() == "A castle at dusk [Pan left,Pedestal up,Zoom in]"
    assert not panel.prompt.hint.isHidden() and "at most 3" in panel.prompt.hint.text()


def test_camera_commands_start_a_new_bracket_away_from_one():
    text = "[Push in] then calm"
    assert insert_command(text, len(text), "Static shot").text == "[Push in] then calm [Static shot]"
    assert insert_command(text, 4, "Tilt up").text == "[Push in,Tilt up] then calm"
    with pytest.raises(TooManyCommands):
        insert_command("[Pan left,Pan right,Shake]", 3, "Zoom out")
    assert overfull_brackets("[Pan left,Pan right,Shake,Zoom in] and [a note]") == [
        "[Pan left,Pan right,Shake,Zoom in]"
    ]


def test_a_hand_typed_bracket_of_four_moves_blocks_generate(panel, image_maker):
    add_file(panel, image_maker.png(400, 500))
    panel.prompt.set_text("go [Pan left,Pan right,Shake,Zoom in]")
    assert "camera" in panel.generate_reason()


# --- generate -----------------------------------------------------------------------------


def test_batch_makes_one_request_per_accepted_image(qtbot, panel, image_maker):
    choose(panel, "kie", "hailuo/2-3-image-to-video-standard", duration=6, resolution="768P")
    good = [add_file(panel, image_maker.jpeg(800 + i, 600, name=f"ok{i}.jpg")) for i in range(3)]
    bad = add_file(panel, image_maker.png(1000, 200, name="strip.png"))  # 5:1 and a 200 px short side
    panel.prompt.set_text("leaves sway [Push in]")
    assert panel.generate_button.text().replace("&", "") == "Generate 3 videos"

    order = expect_order(qtbot, panel)
    assert order.provider == "kie" and order.variants == 1
    assert [r.image for r in order.requests] == good and bad not in [r.image for r in order.requests]
    assert {(r.duration, r.resolution, r.prompt) for r in order.requests} == {(6, "768P", "leaves sway [Push in]")}


def test_variants_are_made_of_each_selected_image_or_of_every_image(qtbot, panel, image_maker):
    first = add_file(panel, image_maker.jpeg(800, 600, name="a.jpg"))
    second = add_file(panel, image_maker.jpeg(800, 600, name="b.jpg"))
    panel.prompt.set_text("slow zoom")
    panel.variants.setValue(3)
    assert panel.generate_button.text().replace("&", "") == "Generate 6 videos"
    order = expect_order(qtbot, panel)
    assert [r.image for r in order.requests] == [first] * 3 + [second] * 3 and order.variants == 3

    with qtbot.waitSignal(panel.selection_changed, timeout=2000):
        panel.image_view.setCurrentIndex(panel.images.index(panel.images.row_of(second)))
    order = expect_order(qtbot, panel)
    assert [r.image for r in order.requests] == [second] * 3


def test_a_folder_of_a_thousand_images_is_listed_and_counted(qtbot, panel):
    from hailuo_desktop.domain.images import ImageFacts

    panel.prompt.set_text("go")
    for number in range(1000):
        key = f"/shoot/img{number:04}.jpg"
        panel.add_image(key, ImageFacts(key, 200_000, "JPEG", 1200, 800), None)
    qtbot.waitUntil(lambda: panel.generate_button.text().replace("&", "") == "Generate 1000 videos", timeout=5000)
    assert panel.images.row_of("/shoot/img0999.jpg") == 999


def test_generate_is_disabled_with_a_reason(panel, image_maker):
    assert "Add an image" in panel.generate_reason()
    add_file(panel, image_maker.png(400, 500))
    assert panel.generate_reason() == "Write a prompt."
    panel.prompt.set_text("go")
    assert panel.generate_reason() is None and panel.generate_button.isEnabled()
    panel.set_generate_enabled_reason("Enter a key for APIXO")
    assert panel.generate_reason() == "Enter a key for APIXO" and not panel.trigger_generate()
    panel.set_generate_enabled_reason(None)
    panel.set_busy(True)
    assert not panel.generate_button.isEnabled()
    panel.set_busy(False)
    assert panel.generate_button.isEnabled()


def test_only_refused_images_block_generate(panel, image_maker):
    add_file(panel, image_maker.png(300, 300, name="tiny.png"))
    panel.prompt.set_text("go")
    assert "No image here can be sent" in panel.generate_reason()


def test_delete_key_removes_the_selected_images(qtbot, panel, image_maker):
    key = add_file(panel, image_maker.png(400, 500))
    panel.image_view.setCurrentIndex(panel.images.index(0))
    panel.image_view.setFocus()
    with qtbot.waitSignal(panel.images_removed, timeout=2000) as blocker:
        qtbot.keyClick(panel.image_view, Qt.Key.Key_Delete)
    assert blocker.args == [[key]] and panel.images.rowCount() == 0


def test_apply_settings_falls_back_when_the_catalog_dropped_a_model(panel):
    panel.apply_settings("kie", "hailuo/retired-model", None, 6, None, "old prompt", None)
    assert panel.current_provider() == "kie" and panel.picker.spec().model == "hailuo/02-image-to-video-standard"
    assert panel.prompt.text() == "old prompt"


def test_apply_settings_restores_a_tasks_choices(panel):
    panel.apply_settings("kie", "hailuo/02-text-to-video-standard", None, 10, None, "a storm", False, kind="t2v")
    picker = panel.picker
    assert (panel.current_provider(), picker.spec().model, picker.duration()) == (
        "kie",
        "hailuo/02-text-to-video-standard",
        10,
    )
    assert picker.prompt_optimizer() is False and panel.prompt.text() == "a storm"


# --- cost ---------------------------------------------------------------------------------


def test_cost_follows_the_choice_and_the_batch(qtbot, panel, image_maker):
    choose(panel, "apixo", "hailuo-2-3-fast", mode="standard-image-to-video", duration=10)
    assert panel.cost.estimate.text() == "$0.32 per video"
    add_file(panel, image_maker.jpeg(800, 600, name="a.jpg"))
    add_file(panel, image_maker.jpeg(800, 600, name="b.jpg"))
    # Image changes are coalesced into one refresh per burst, on the next event-loop turn.
    qtbot.waitUntil(lambda: panel.cost.estimate.text() == "$0.32 per video · $0.64 for 2 videos", timeout=2000)
    choose(panel, "kie", "hailuo/2-3-image-to-video-standard", duration=6, resolution="768P")
    assert panel.cost.estimate.text().startswith("30 credits per video")
    choose(panel, "apikley", "hailuo/2-3-image-to-video-standard")
    assert "Price unknown" in panel.cost.estimate.text()
    panel.set_balance_text("Balance: 1,200 credits")
    assert panel.cost.balance.text() == "Balance: 1,200 credits" and not panel.cost.balance.isHidden()


# --- drop and paste -----------------------------------------------------------------------


def mime_with_urls(*urls: QUrl) -> QMimeData:
    mime = QMimeData()
    mime.setUrls(list(urls))
    return mime


def drag_enter(widget, mime: QMimeData) -> QDragEnterEvent:
    at = widget.rect().center()
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    try:
        enter = QDragEnterEvent(QPointF(at), *args)
    except TypeError:  # PySide6 before 6.12 takes a QPoint only
        enter = QDragEnterEvent(at, *args)
    QApplication.sendEvent(widget, enter)
    return enter


def drop(widget, mime: QMimeData) -> QDropEvent:
    assert drag_enter(widget, mime).isAccepted()
    event = QDropEvent(
        QPointF(widget.rect().center()),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)
    return event


def test_dropping_files_and_a_folder_hands_over_the_paths(qtbot, panel, image_maker, tmp_path):
    image = image_maker.png(400, 500)
    folder = tmp_path / "shoot"
    folder.mkdir()
    mime = mime_with_urls(QUrl.fromLocalFile(str(image)), QUrl.fromLocalFile(str(folder)))
    with qtbot.waitSignal(panel.paths_dropped, timeout=2000) as blocker:
        event = drop(panel, mime)
    assert event.isAccepted()
    assert blocker.args == [[str(image), str(folder)]]


def test_dropping_a_browser_image_hands_over_its_url(qtbot, panel):
    mime = mime_with_urls(QUrl("https://example.com/gallery/page"))
    mime.setHtml('<a href="https://example.com/gallery/page"><img src="https://cdn.example.com/cat.webp"></a>')
    with qtbot.waitSignal(panel.urls_dropped, timeout=2000) as blocker:
        drop(panel, mime)
    assert blocker.args == [["https://cdn.example.com/cat.webp"]]


def test_ctrl_v_on_the_image_list_pastes(qtbot, panel):
    QGuiApplication.clipboard().setText("https://example.com/owl.png")
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow, timeout=2000)
    panel.image_view.setFocus()
    with qtbot.waitSignal(panel.urls_dropped, timeout=2000) as blocker:
        qtbot.keyClick(panel.image_view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == [["https://example.com/owl.png"]]


def test_ctrl_v_in_the_prompt_pastes_text_there(qtbot, panel):
    QGuiApplication.clipboard().setText("https://example.com/owl.png")
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow, timeout=2000)
    panel.prompt.edit.setFocus()
    with qtbot.assertNotEmitted(panel.urls_dropped):
        qtbot.keyClick(panel.prompt.edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert panel.prompt.text() == "https://example.com/owl.png"


def test_plain_text_drags_are_refused(panel):
    mime = QMimeData()
    mime.setText("just words")
    assert not drag_enter(panel, mime).isAccepted()


def test_pasting_image_data_and_an_image_url(qtbot, panel):
    picture = QImage(320, 240, QImage.Format.Format_RGB32)
    picture.fill(QColor("#336699"))
    QGuiApplication.clipboard().setImage(picture)
    with qtbot.waitSignal(panel.image_pasted, timeout=2000) as blocker:
        assert panel.paste_from_clipboard()
    assert blocker.args[0].size() == picture.size()

    QGuiApplication.clipboard().setText("look: https://example.com/dog.jpg")
    with qtbot.waitSignal(panel.urls_dropped, timeout=2000) as blocker:
        panel.paste_button.click()
    assert blocker.args == [["https://example.com/dog.jpg"]]

    QGuiApplication.clipboard().setText("no picture here")
    assert not panel.paste_from_clipboard()
    assert "no image" in panel.images_hint.text()


# --- thumbnails ---------------------------------------------------------------------------


def test_thumbnails_are_decoded_at_the_small_size(image_maker):
    big = str(image_maker.jpeg(6000, 4000, name="big.jpg"))
    assert QImageReader(big).supportsOption(QImageIOHandler.ImageOption.ScaledSize)  # JPEG scales while decoding
    thumb = load_thumbnail(big, 256)
    assert thumb.width() == 256 and thumb.height() in (170, 171)  # 6000x4000 kept at 3:2
    assert load_thumbnail(str(image_maker.png(100, 200)), 256).size().toTuple() == (100, 200)  # never enlarged
    assert load_thumbnail(str(image_maker.png(100, 400)), 256).size().toTuple() == (64, 256)


def test_thumbnails_follow_the_exif_rotation(image_maker):
    from PIL import Image

    path = image_maker.folder / "portrait.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6  # stored landscape, shown turned 90 degrees: a phone portrait
    Image.new("RGB", (600, 300), (10, 120, 200)).save(path, "JPEG", exif=exif)
    assert load_thumbnail(str(path), 100).size().toTuple() == (50, 100)


def test_thumbnails_refuse_junk_and_bomb_headers(image_maker):
    bomb = image_maker.raw(png_header_bytes(100_000, 100_000), "bomb.png")
    junk = image_maker.raw(b"not an image at all", "junk.jpg")
    assert load_thumbnail(str(bomb), 128) is None
    assert load_thumbnail(str(junk), 128) is None
    assert load_thumbnail(str(image_maker.folder / "missing.png"), 128) is None


def test_thumbnail_cache_is_keyed_by_modification_time(image_maker):
    import os

    path = image_maker.png(400, 500)
    cache = ThumbnailCache(capacity=2)
    first = cache.load(str(path), 64)
    assert cache.load(str(path), 64) is first
    stat = os.stat(path)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert cache.load(str(path), 64) is not first
    for size in (32, 48, 96):
        cache.load(str(path), size)
    assert len(cache) == 2


# --- screenshots --------------------------------------------------------------------------


def test_screenshots_of_the_panel(qtbot, panel, image_maker):
    SCREENSHOTS.mkdir(exist_ok=True)
    empty = SCREENSHOTS / "compose_empty.png"
    assert panel.grab().save(str(empty))
    choose(panel, "apixo", "hailuo-2-3-fast", mode="standard-image-to-video")
    for path in (image_maker.jpeg(1600, 900, name="harbour.jpg"), image_maker.image(1200, 300, "WEBP", "banner.webp")):
        key = add_file(panel, path)
        panel.set_thumbnail(key, load_thumbnail(key, 128))
    panel.image_view.setCurrentIndex(panel.images.index(1))
    panel.prompt.set_text("Boats rock gently as the tide comes in [Push in,Pedestal up]")
    panel.set_balance_text("Balance: $12.40")
    composing = SCREENSHOTS / "compose_images.png"
    assert panel.grab().save(str(composing))
    assert empty.stat().st_size > 0 and composing.stat().st_size > 0
