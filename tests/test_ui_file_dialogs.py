"""File dialogs open and return at once (no nested event loop, like every other dialog);
what the user picks arrives through a signal or an awaited result."""

from __future__ import annotations

from PIL import Image
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QPushButton

WAIT_MS = 10000


def open_file_dialog() -> QFileDialog | None:
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()]
    dialogs += [d for w in QApplication.topLevelWidgets() for d in w.findChildren(QFileDialog) if d.isVisible()]
    return dialogs[0] if dialogs else None


def pick(dialog: QFileDialog, path) -> None:
    """What a user does: type the path into the file name field and press Open."""
    dialog.findChild(QLineEdit, "fileNameEdit").setText(str(path))
    dialog.accept()


def test_open_images_is_awaited_and_adds_the_chosen_images(qtbot, ui_session, simulator_thread, tmp_path):
    session = ui_session(simulator_thread.api_url)
    chosen = tmp_path / "picked.png"
    Image.new("RGB", (640, 480), (10, 200, 90)).save(chosen)
    session.window.actions.open_images.trigger()  # a nested loop would not return until the dialog closed
    qtbot.waitUntil(lambda: open_file_dialog() is not None, timeout=WAIT_MS)
    dialog = open_file_dialog()
    assert dialog.fileMode() is QFileDialog.FileMode.ExistingFiles and dialog.isModal()
    pick(dialog, chosen)
    qtbot.waitUntil(lambda: str(chosen) in session.window.compose.image_keys(), timeout=WAIT_MS)


def test_cancelled_open_images_adds_nothing(qtbot, ui_session, simulator_thread):
    session = ui_session(simulator_thread.api_url)
    session.window.actions.open_images.trigger()
    qtbot.waitUntil(lambda: open_file_dialog() is not None, timeout=WAIT_MS)
    open_file_dialog().reject()
    qtbot.waitUntil(lambda: open_file_dialog() is None, timeout=WAIT_MS)
    assert session.window.compose.image_keys() == []


def test_settings_folder_choice_returns_at_once_and_fills_the_field(qtbot, ui_session, simulator_thread, tmp_path):
    session = ui_session(simulator_thread.api_url)
    settings = session.controller.settings_flow.open()
    [choose] = [b for b in settings.findChildren(QPushButton) if b.text() == "Choose…"]
    choose.click()
    qtbot.waitUntil(lambda: open_file_dialog() is not None, timeout=WAIT_MS)
    dialog = open_file_dialog()
    assert dialog.fileMode() is QFileDialog.FileMode.Directory
    folder = tmp_path / "finished videos"
    folder.mkdir()
    pick(dialog, folder)
    qtbot.waitUntil(lambda: settings.output_dir.text() == str(folder), timeout=WAIT_MS)
    settings.reject()
