"""Start and End: the two frames of a video for models that take a last frame (the 02 models).

Each slot holds one image of the compose list (its key): the same entry, with the same
verdict for the chosen provider and the same thumbnail, shown large enough to see which
frame the clip starts and ends on. An image dropped on a slot is added to the list and put
in that slot; a finished take's last frame can be sent to either slot. An empty Start slot
means "every image in the list" (a batch, each ending on the End frame).

A slot can be refused as a whole (e.g. MiniMax takes no end frame at 512P): it is then
greyed out with the reason under it, and whatever it held is not sent.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPalette, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .colors import OK_GREEN, PROBLEM_RED, colored
from .drop import DropHandler
from .image_list import STATE_ROLE, VERDICT_ROLE, ImageListModel

SLOT_PICTURE = QSize(128, 72)  # 16:9, large enough to tell two frames apart


class FrameRole(Enum):
    START = "start"
    END = "end"


class FrameSlot(QFrame):
    """One slot: title, picture, file name, verdict, a clear button. A drop target."""

    cleared = Signal()

    def __init__(self, title: str, empty_hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(title)
        self.key: str | None = None
        self._empty_hint = empty_hint
        self.title = QLabel(f"<b>{title}</b>", self)
        self.clear_button = QToolButton(self)
        self.clear_button.setText("×")
        self.clear_button.setToolTip(self.tr("Empty this slot (the image stays in the list)"))
        self.clear_button.clicked.connect(self.cleared)
        self.picture = QLabel(self)
        self.picture.setFixedSize(SLOT_PICTURE)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setWordWrap(True)
        self.picture.setFrameShape(QFrame.Shape.Box)
        self.picture.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.name = QLabel(self)
        self.name.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # long names elide
        self.verdict = QLabel(self)
        self.verdict.setWordWrap(True)
        self.reason = QLabel(self)  # why the whole slot is refused
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet(colored(PROBLEM_RED))
        self.drops = DropHandler(self)
        self._lay_out()
        self.show_empty()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.clear_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(6, 4, 6, 6)
        column.addLayout(top)
        column.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.name)
        column.addWidget(self.verdict)
        column.addWidget(self.reason)

    def show_empty(self) -> None:
        self.key = None
        self.picture.setPixmap(QPixmap())
        self.picture.setText(self._empty_hint)
        self.name.clear()
        self.verdict.clear()
        self.verdict.hide()
        self.clear_button.setEnabled(False)

    def show_entry(self, key: str, name: str, pixmap: QPixmap | None, verdict: str, state: str) -> None:
        self.key = key
        if pixmap is not None and not pixmap.isNull():
            self.picture.setPixmap(
                pixmap.scaled(
                    SLOT_PICTURE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                )
            )
        else:
            self.picture.setPixmap(QPixmap())
            self.picture.setText(name)
        self.name.setText(
            self.name.fontMetrics().elidedText(name, Qt.TextElideMode.ElideMiddle, SLOT_PICTURE.width() + 24)
        )
        self.name.setToolTip(key)
        self.verdict.setText(verdict)
        self.verdict.setStyleSheet(
            colored({"ok": OK_GREEN, "bad": PROBLEM_RED}[state]) if state in ("ok", "bad") else ""
        )
        self.verdict.show()
        self.clear_button.setEnabled(True)

    def set_refused(self, reason: str | None) -> None:
        """Grey the slot out with the reason (None: usable)."""
        self.picture.setEnabled(reason is None)
        self.name.setEnabled(reason is None)
        self.verdict.setEnabled(reason is None)
        self.setAcceptDrops(reason is None)
        self.reason.setText(reason or "")
        self.reason.setVisible(reason is not None)
        self.setToolTip(reason or "")


class FramesSlots(QWidget):
    """The Start and End slots side by side. Drops are intents (the controller reads the files);
    what each slot holds is an image key of the compose list, set with `assign`."""

    changed = Signal()  # a slot was assigned or emptied
    paths_dropped = Signal(object, list)  # FrameRole, local paths
    urls_dropped = Signal(object, list)  # FrameRole, URLs
    image_pasted = Signal(object, object)  # FrameRole, QImage
    cleared = Signal(object)  # FrameRole

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start = FrameSlot(
            self.tr("Start"), self.tr("Drop the first frame here\n(empty: every listed image)"), self
        )
        self.end = FrameSlot(self.tr("End"), self.tr("Drop the last frame here"), self)
        self.start.setToolTip(self.tr("The frame the video starts on"))
        self._keys: dict[FrameRole, str | None] = {FrameRole.START: None, FrameRole.END: None}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for role, slot in self.slots().items():
            row.addWidget(slot, 1)
            slot.drops.paths_dropped.connect(lambda paths, r=role: self.paths_dropped.emit(r, paths))
            slot.drops.urls_dropped.connect(lambda urls, r=role: self.urls_dropped.emit(r, urls))
            slot.drops.image_pasted.connect(lambda image, r=role: self.image_pasted.emit(r, image))
            slot.cleared.connect(lambda r=role: self._on_cleared(r))

    def slots(self) -> dict[FrameRole, FrameSlot]:
        return {FrameRole.START: self.start, FrameRole.END: self.end}

    def slot(self, role: FrameRole) -> FrameSlot:
        return self.slots()[role]

    # --- what the slots hold -----------------------------------------------------------
    def assign(self, role: FrameRole, key: str | None) -> None:
        self._keys[role] = key
        self.changed.emit()

    def key(self, role: FrameRole) -> str | None:
        return self._keys[role]

    def _on_cleared(self, role: FrameRole) -> None:
        self.assign(role, None)
        self.cleared.emit(role)

    def sync(
        self, images: ImageListModel, end_refusal: str | None, provider_name: str
    ) -> tuple[str | None, str | None, str | None]:
        """Show what each slot holds, as the list has it now; forget images no longer listed.

        Returns (start key, end key, problem): the end key only when it may be sent, and the
        problem (worded) that keeps Generate disabled while a slot holds what cannot be sent.
        """
        for role, slot in self.slots().items():
            key = self._keys[role]
            row = images.row_of(key) if key is not None else None
            if row is None:
                self._keys[role] = None
                slot.show_empty()
                continue
            index = images.index(row)
            slot.show_entry(
                key,
                index.data(Qt.ItemDataRole.DisplayRole),
                index.data(Qt.ItemDataRole.DecorationRole),
                index.data(VERDICT_ROLE),
                index.data(STATE_ROLE),
            )
        end = self._keys[FrameRole.END]
        self.end.set_refused(end_refusal)
        problem = None
        if end is not None and end_refusal is not None:
            problem = end_refusal
        elif end is not None and end not in images.accepted_keys():
            problem = self.tr("The End frame cannot be sent to %1; see its problems.").replace("%1", provider_name)
        return self._keys[FrameRole.START], end if problem is None else None, problem
