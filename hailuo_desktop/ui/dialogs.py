"""Dialogs awaited from async slots: opened window-modal, never with a nested exec()."""

from __future__ import annotations

import asyncio

from PySide6.QtWidgets import QDialog, QFileDialog, QLineEdit, QMessageBox, QWidget


async def run_dialog(dialog: QDialog) -> int:
    """Open `dialog` and wait for its result without blocking the event loop."""
    result: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    dialog.finished.connect(lambda code: result.done() or result.set_result(code))
    dialog.open()
    return await result


async def confirm(parent: QWidget, title: str, text: str, accept: str, reject: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    yes = box.addButton(accept, QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(reject, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no)
    for button in (yes, no):  # the question, for a screen reader that lands on a button
        button.setAccessibleDescription(text)
    await run_dialog(box)
    return box.clickedButton() is yes


# --- file dialogs: open() and a signal, instead of the static getters' nested loop ----------
def file_dialog(
    parent: QWidget, title: str, start: str = "", *, folder: bool = False, name_filter: str = ""
) -> QFileDialog:
    """A window-modal QFileDialog for existing files (several) or one folder, not yet open.
    Deleted when it closes."""
    dialog = QFileDialog(parent, title, start, name_filter)
    if folder:
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.finished.connect(dialog.deleteLater)
    return dialog


async def choose_files(parent: QWidget, title: str, name_filter: str) -> list[str]:
    """The files the user chose (none when cancelled), awaited like every other dialog."""
    dialog = file_dialog(parent, title, name_filter=name_filter)
    chosen: list[str] = []
    dialog.filesSelected.connect(chosen.extend)  # read now: the dialog is deleted once it closes
    await run_dialog(dialog)
    return chosen


def choose_folder_into(field: QLineEdit, title: str) -> QFileDialog:
    """For a widget's "Choose…" button: opens a folder dialog at the field's folder and puts
    the chosen one into the field; returns at once (the dialog is open, no loop inside)."""
    dialog = file_dialog(field.window(), title, field.text(), folder=True)
    dialog.fileSelected.connect(lambda folder: folder and field.setText(folder))
    dialog.open()
    return dialog
