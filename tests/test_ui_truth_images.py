"""Issue 8, images: the instant header verdict, then "checking every pixel…", then the full
verdict; Generate counts an image only once its pixels were read through."""

from __future__ import annotations

import pytest

from hailuo_desktop.domain.images import DAMAGED, Problem
from hailuo_desktop.services.imagecheck import inspect_image
from hailuo_desktop.ui.compose import ComposePanel
from hailuo_desktop.ui.compose.image_list import PROBLEMS_ROLE, STATE_ROLE, VERDICT_ROLE
from tests.fixtures.images import encode

pytestmark = pytest.mark.gui
KIE_MODEL = "hailuo/2-3-image-to-video-standard"
WAIT_MS = 20_000


@pytest.fixture
def panel(qtbot):
    widget = ComposePanel()
    qtbot.addWidget(widget)
    widget.apply_settings("kie", KIE_MODEL, None, 6, "768P", "a slow push in", None)
    return widget


def row(panel: ComposePanel, key: str) -> tuple[str, str, list[str]]:
    index = panel.images.index(panel.images.row_of(key))
    return index.data(STATE_ROLE), index.data(VERDICT_ROLE), index.data(PROBLEMS_ROLE)


def test_the_header_verdict_shows_at_once_and_generate_waits_for_the_pixels(panel, image_maker):
    path = str(image_maker.png(640, 480, name="photo.png"))
    panel.add_image(path, inspect_image(path), decoding=True)
    state, verdict, _ = row(panel, path)
    assert state == "checking" and verdict == "✓ Fits kie.ai · checking every pixel…"
    assert panel.images.accepted_keys() == []
    assert panel.generate_reason() == "Checking the images…"
    panel.set_decoded(path, None)
    assert row(panel, path)[:2] == ("ok", "✓ Accepted by kie.ai")
    assert panel.generate_reason() is None


def test_damage_found_by_the_decode_refuses_the_image_for_every_provider(panel, image_maker):
    path = str(image_maker.png(640, 480, name="photo.png"))
    panel.add_image(path, inspect_image(path), decoding=True)
    panel.set_decoded(path, Problem(DAMAGED, "The image data is damaged or incomplete (OSError: cut)."))
    state, verdict, problems = row(panel, path)
    assert state == "bad" and verdict.startswith("✗ The image data is damaged")
    assert problems == ["The image data is damaged or incomplete (OSError: cut)."]
    panel.apply_settings("apixo", "hailuo-2-3-fast", None, 6, "768P", "a slow push in", None)
    assert row(panel, path)[0] == "bad"  # the damage is the file's, not the provider's
    assert "No image here can be sent to APIXO" in panel.generate_reason()


def test_a_header_refusal_stays_refused_while_the_pixels_are_read(panel, image_maker):
    path = str(image_maker.png(1500, 300, name="too-wide.png"))
    panel.add_image(path, inspect_image(path), decoding=True)
    assert row(panel, path)[0] == "bad"  # no need to wait: the header already says no


def test_dropped_images_get_header_then_full_verdicts_before_generate_counts_them(
    qtbot, ui_session, simulator_thread, image_maker
):
    session = ui_session(simulator_thread.api_url)
    compose = session.window.compose
    compose.apply_settings("kie", KIE_MODEL, None, 6, "768P", "", None)
    good = str(image_maker.png(800, 600, name="good.png"))
    jpeg = encode(800, 600, "JPEG")
    cut = str(image_maker.raw(jpeg[: len(jpeg) // 2], "cut.jpg"))
    seen: dict[str, list[tuple[str, str]]] = {good: [], cut: []}

    def record(top, bottom, _roles=()):
        for r in range(top.row(), bottom.row() + 1):
            index = compose.images.index(r)
            key = compose.images.entry(r).key
            seen.setdefault(key, []).append((index.data(STATE_ROLE), index.data(VERDICT_ROLE)))

    compose.images.dataChanged.connect(record)
    with qtbot.waitSignal(session.controller.images_checked, timeout=WAIT_MS):
        compose.paths_dropped.emit([good, cut])
    for key in (good, cut):  # the header verdict was shown first, as "checking every pixel"
        assert ("checking", "✓ Fits kie.ai · checking every pixel…") in seen[key]
    assert row(compose, good)[0] == "ok"
    state, _verdict, problems = row(compose, cut)
    assert state == "bad" and any("damaged or incomplete" in p for p in problems)
    assert compose.images.accepted_keys() == [good]
    compose.prompt.set_text("a slow push in")
    with qtbot.waitSignal(session.controller.tasks_submitted, timeout=WAIT_MS) as submitted:
        assert compose.trigger_generate()
    assert [t.image_path for t in submitted.args[0]] == [good]
