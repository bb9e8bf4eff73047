"""Join into one video: the takes in playing order, whether they can be joined, where to.

The takes are joined by stream copy (no re-encoding): it keeps every frame exactly as the
provider made it, and is possible when the takes share codec, picture size, frame rate and
pixel format, the usual case for one model. When they do not, the dialog says which take
differs and how, and why re-encoding is not offered. The dialog only asks; the flow joins.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.task import Task
from ..services.media import VideoInfo
from .accessibility import Standard, describe_buttons
from .compose.colors import PROBLEM_RED, colored
from .dialogs import choose_folder_into

TaskRole = Qt.ItemDataRole.UserRole + 1

# Whether re-encoding may be offered. No: the app only demuxes, decodes and stream-copies
# (packaging/README.md, "Video libraries and the licence of what we ship"): opening an H.264
# encoder would tie every bundle to GPL encoder libraries (x264), and the LGPL bundle recipe
# carries no encoder at all. tests/test_media_licence.py keeps encoders out of the app.
CAN_REENCODE = False


def mismatch(infos: Sequence[VideoInfo]) -> tuple[int, str, str, str] | None:
    """(take number from 1, property, first take's value, this take's value) of the first
    take that cannot be joined to the first by stream copy; None when all can."""
    if not infos:
        return None
    first = infos[0]
    for number, info in enumerate(infos[1:], start=2):
        for name, expected, found in (
            ("codec", first.codec, info.codec),
            ("size", f"{first.width}×{first.height}", f"{info.width}×{info.height}"),
            ("frame_rate", _fps(first), _fps(info)),
            ("pix_fmt", first.pix_fmt or "?", info.pix_fmt or "?"),
        ):
            if expected != found:
                return number, name, expected, found
    return None


def _fps(info: VideoInfo) -> str:
    value = float(info.fps)
    return f"{value:.3f}".rstrip("0").rstrip(".")


class JoinDialog(QDialog):
    def __init__(
        self,
        tasks: Sequence[Task],
        infos: dict[str, VideoInfo],
        folder: str,
        file_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.infos = infos
        self.setWindowTitle(self.tr("Join into one video"))
        self.takes = QListWidget(self)
        self.takes.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)  # drag to reorder
        self.takes.setToolTip(self.tr("The takes in playing order: drag one, or use Up and Down"))
        self.takes.setAccessibleName(self.tr("Takes to join"))
        for task in tasks:
            self._add_row(task)
        self.up = self._button(self.tr("&Up"), lambda: self._move(-1))
        self.down = self._button(self.tr("&Down"), lambda: self._move(1))
        self.leave_out = self._button(self.tr("&Leave out"), self._remove)
        self.summary = QLabel(self)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(colored(PROBLEM_RED))
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder = QLineEdit(folder, self)
        self.browse = self._button(self.tr("&Browse…"), self._choose_folder)
        self.file_name = QLineEdit(file_name, self)
        note = QLabel(
            self.tr(
                "The takes are copied without re-encoding, one after the other, with their prompts in "
                "the file's tags and a .json file beside it that lists every take."
            ),
            self,
        )
        note.setWordWrap(True)
        note.setEnabled(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.join = self.buttons.addButton(self.tr("&Join"), QDialogButtonBox.ButtonRole.AcceptRole)
        self._describe()
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out(note)
        self.takes.model().rowsMoved.connect(self._refresh)
        self.takes.currentRowChanged.connect(self._refresh)
        for edit in (self.folder, self.file_name):
            edit.textChanged.connect(self._refresh)
        self.takes.setCurrentRow(0)
        self._refresh()
        self.resize(640, self.sizeHint().height())

    # --- building ----------------------------------------------------------------------
    def _describe(self) -> None:
        """Names and descriptions for screen readers (tests/test_accessibility.py)."""
        for widget, tip in (
            (self.up, self.tr("Play the selected take earlier")),
            (self.down, self.tr("Play the selected take later")),
            (self.leave_out, self.tr("Leave the selected take out of the joined video")),
            (self.folder, self.tr("The folder the joined video is saved in")),
            (self.browse, self.tr("Choose the folder the joined video is saved in")),
            (self.file_name, self.tr("The joined video's file name")),
            (self.join, self.tr("Join the takes into one video file")),
        ):
            widget.setToolTip(tip)
        self.folder.setAccessibleName(self.tr("Folder"))
        describe_buttons(self.buttons, {Standard.Cancel: self.tr("Close without joining")})

    def _button(self, text: str, handler) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(handler)
        return button

    def _add_row(self, task: Task) -> None:
        info = self.infos.get(task.id)
        facts = (
            f"{info.seconds:.1f} s · {info.width}×{info.height} · {info.codec} · {_fps(info)} fps"
            if info
            else self.tr("video not read")
        )
        prompt = " ".join(task.prompt.split())
        item = QListWidgetItem(f"{prompt[:60]}{'…' if len(prompt) > 60 else ''}\n{facts}")
        item.setData(TaskRole, task)
        item.setToolTip(task.prompt)
        self.takes.addItem(item)

    def _lay_out(self, note: QLabel) -> None:
        side = QVBoxLayout()
        for button in (self.up, self.down, self.leave_out):
            side.addWidget(button)
        side.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.takes, 1)
        top.addLayout(side)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(self.tr("&Folder"), folder_row)
        form.addRow(self.tr("File &name"), self.file_name)
        column = QVBoxLayout(self)
        column.addLayout(top, 1)
        column.addWidget(self.summary)
        column.addWidget(self.problem)
        column.addLayout(form)
        column.addWidget(note)
        column.addWidget(self.buttons)

    # --- what is chosen ----------------------------------------------------------------
    def tasks(self) -> list[Task]:
        return [self.takes.item(row).data(TaskRole) for row in range(self.takes.count())]

    def output(self) -> Path:
        name = self.file_name.text().strip()
        return Path(self.folder.text().strip()).expanduser() / (
            name if name.lower().endswith(".mp4") else name + ".mp4"
        )

    def reason(self) -> str | None:
        """Why Join is disabled now (None: it is enabled)."""
        tasks = self.tasks()
        if len(tasks) < 2:
            return self.tr(
                "Choose at least two takes: select them in order in the list or the grid, or "
                "join a take that continues or is continued."
            )
        missing = [n for n, t in enumerate(tasks, start=1) if t.id not in self.infos]
        if missing:
            return self.tr("Take {n}'s video cannot be read.").format(n=missing[0])
        found = mismatch([self.infos[t.id] for t in tasks])
        if found is not None:
            return self._mismatch_text(*found)
        if not self.folder.text().strip() or not self.file_name.text().strip():
            return self.tr("Choose a folder and a file name.")
        return None

    def _mismatch_text(self, number: int, name: str, expected: str, found: str) -> str:
        what = {
            "codec": self.tr("codec"),
            "size": self.tr("picture size"),
            "frame_rate": self.tr("frame rate"),
            "pix_fmt": self.tr("pixel format"),
        }[name]
        why = self.tr(
            "Take {n} cannot be joined to take 1 by copying: its {what} is {found}, take 1's is {expected}."
        ).format(n=number, what=what, found=found, expected=expected)
        if CAN_REENCODE:
            return why
        return (
            why
            + " "
            + self.tr(
                "Re-encoding is not offered: Hailuo Desktop only copies video and never encodes "
                "it, so that it can ship without GPL-licensed encoders. Join takes made with "
                "the same model and settings, or re-encode them in a video editor."
            )
        )

    # --- reacting ----------------------------------------------------------------------
    def _refresh(self, *args) -> None:
        tasks = self.tasks()
        seconds = sum(self.infos[t.id].seconds for t in tasks if t.id in self.infos)
        self.summary.setText(self.tr("{n} takes · {seconds:.1f} s in all").format(n=len(tasks), seconds=seconds))
        reason = self.reason()
        self.problem.setText(reason or "")
        self.problem.setVisible(bool(reason))
        self.join.setEnabled(reason is None)
        row = self.takes.currentRow()
        self.up.setEnabled(row > 0)
        self.down.setEnabled(0 <= row < self.takes.count() - 1)
        self.leave_out.setEnabled(row >= 0 and self.takes.count() > 0)

    def _move(self, step: int) -> None:
        row = self.takes.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.takes.count():
            return
        item = self.takes.takeItem(row)
        self.takes.insertItem(target, item)
        self.takes.setCurrentRow(target)
        self._refresh()

    def _remove(self) -> None:
        row = self.takes.currentRow()
        if row >= 0:
            self.takes.takeItem(row)
            self._refresh()

    def _choose_folder(self) -> None:
        choose_folder_into(self.folder, self.tr("Save the joined video in"))
