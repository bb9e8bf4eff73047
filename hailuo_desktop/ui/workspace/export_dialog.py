"""Export…: choose a folder and a naming template, see the first file's name as you type.

The dialog only asks; the workspace flow runs the core's export off the GUI thread.
The folder and template are remembered (QSettings) for the next export.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.task import Task
from ...services.media import DEFAULT_TEMPLATE, MediaError, render_name
from ..accessibility import Standard, describe_buttons
from ..dialogs import choose_folder_into

FOLDER_KEY, TEMPLATE_KEY = "export/folder", "export/template"


def media_error_text(error: MediaError, tr) -> str:
    """A media error in the user's words (the core gives a code and its parameters)."""
    p = error.params
    if error.code == "bad_template":
        return tr("This name template cannot be used: {reason}.").format(reason=p.get("reason", ""))
    if error.code == "no_video":
        return tr("Take {task} has no video on disk (it is {state}); leave it out of the selection.").format(
            task=str(p.get("task_id", ""))[:8], state=p.get("state", "")
        )
    if error.code == "video_unreadable":
        return tr("The video {path} cannot be read ({reason}).").format(
            path=p.get("path", ""), reason=p.get("reason", "")
        )
    if error.code == "target_exists":
        return tr("A file of that name is already there; nothing was overwritten.")
    return error.message


class ExportDialog(QDialog):
    def __init__(
        self, tasks: Sequence[Task], qsettings: QSettings, default_folder: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.tasks = list(tasks)
        self._qsettings = qsettings
        self.setWindowTitle(self.tr("Export {n} take(s)").format(n=len(self.tasks)))
        self.folder = QLineEdit(str(qsettings.value(FOLDER_KEY, default_folder)))
        self.browse = QPushButton(self.tr("&Browse…"))
        self.browse.clicked.connect(self._choose_folder)
        self.folder.setAccessibleName(self.tr("Export folder"))
        self.folder.setToolTip(self.tr("The folder the videos are copied into"))
        self.browse.setToolTip(self.tr("Choose the folder the videos are copied into"))
        self.template = QLineEdit(str(qsettings.value(TEMPLATE_KEY, DEFAULT_TEMPLATE)))
        self.template.setToolTip(
            self.tr(
                "Fields: {date} {prompt:40} {provider} {model} {mode} {duration} "
                "{resolution} {id} {task_id} {remote_id} {n}"
            )
        )
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        note = QLabel(
            self.tr(
                "Each video is copied without re-encoding, with its prompt in the file's tags and a "
                ".json file beside it that records how it was made."
            )
        )
        note.setWordWrap(True)
        note.setEnabled(False)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(self.tr("&Folder"), folder_row)
        form.addRow(self.tr("&Names"), self.template)
        form.addRow(self.tr("First file"), self.preview)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export = self.buttons.addButton(self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export.setToolTip(self.tr("Copy the videos into the folder under these names"))
        describe_buttons(self.buttons, {Standard.Cancel: self.tr("Close without exporting")})
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(note)
        column.addWidget(self.buttons)
        self.template.textChanged.connect(self._preview)
        self.folder.textChanged.connect(self._preview)
        self._preview()
        self.resize(620, self.sizeHint().height())

    def _choose_folder(self) -> None:
        choose_folder_into(self.folder, self.tr("Export to folder"))

    def _preview(self) -> None:
        try:
            name = render_name(self.template.text(), self.tasks[0], 1) if self.tasks else ""
        except MediaError as error:
            self.preview.setText(media_error_text(error, self.tr))
            self.export.setEnabled(False)
            return
        self.preview.setText(name)
        self.export.setEnabled(bool(self.folder.text().strip()) and bool(self.tasks))

    def _accept(self) -> None:
        self._qsettings.setValue(FOLDER_KEY, self.folder.text().strip())
        self._qsettings.setValue(TEMPLATE_KEY, self.template.text())
        self.accept()

    def choice(self) -> tuple[str, str]:
        return self.folder.text().strip(), self.template.text()
