"""Run only by tests/test_ui_no_multimedia.py, in a child Python whose sitecustomize refuses
QtMultimedia (as a machine without libpulse does). Not collected by the normal run."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices

from hailuo_desktop.domain.states import TaskState
from hailuo_desktop.simulator.media import load_sample
from hailuo_desktop.ui.media_support import NoVideoPanel


class OpenedUrls(QObject):
    opened = Signal(QUrl)

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:  # what the desktop's "open with the default player" gets
        self.opened.emit(url)


def test_the_window_starts_and_the_preview_says_why_and_offers_open_video(
    qtbot, ui_session, simulator_thread, make_task, tmp_path
):
    with pytest.raises(ImportError, match="libpulse"):
        import PySide6.QtMultimedia  # noqa: F401 -- the machine this test pretends to be
    session = ui_session(simulator_thread.api_url)
    window = session.window
    qtbot.waitUntil(window.isVisible)
    video = tmp_path / "take.mp4"
    video.write_bytes(load_sample())
    task = session.store.add(make_task(TaskState.SUCCEEDED, video_path=str(video)))
    window.detail.show_task(task)
    panel = window.detail.no_video
    assert isinstance(panel, NoVideoPanel) and panel.isVisible() and window.detail.player_view is None
    assert "cannot play" in panel.message.text() and "libpulse" in panel.message.text()
    opener = OpenedUrls()
    QDesktopServices.setUrlHandler("file", opener, "open")
    try:
        with qtbot.waitSignal(opener.opened) as opened:
            panel.open_video.click()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert opened.args[0].toLocalFile() == str(video)
