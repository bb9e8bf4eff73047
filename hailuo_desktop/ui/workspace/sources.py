"""What a take was made from: its source image and end frame, as small pictures with names.

Thumbnails are read off the GUI thread (ListThumbnails); a URL-only source shows its URL.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QSize, Qt, Slot
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...domain.task import Task
from ..tasks.thumbs import ListThumbnails

SOURCE_THUMB = 80
PICTURE_BOX = QSize(SOURCE_THUMB, 60)  # a fixed box: the facts never reflow when the picture arrives


class SourcePicture(QWidget):
    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picture = QLabel()
        self.picture.setFixedSize(PICTURE_BOX)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.caption = caption
        self.name = QLabel()
        self.name.setWordWrap(True)
        self.name.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name.setMaximumWidth(SOURCE_THUMB + 40)
        lines = self.name.fontMetrics().lineSpacing()
        self.name.setFixedHeight(lines * 2)  # fixed room: the facts below never move or overlap
        self.setFixedHeight(PICTURE_BOX.height() + 4 + lines * 2)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(self.picture)
        column.addWidget(self.name)
        self.path: str | None = None

    def show_source(self, path: str | None, url: str | None) -> None:
        self.path = path
        self.picture.setPixmap(QPixmap())
        self.picture.setText("…" if path else "")
        label = os.path.basename(path) if path else (url or "")
        self.name.setText(f"{self.caption}: {label}")
        self.name.setToolTip(path or url or "")


class SourceStrip(QWidget):
    """Start image and, when the take had one, end frame."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.thumbs = ListThumbnails(SOURCE_THUMB, self)
        self.thumbs.ready.connect(self._on_ready)
        self.start = SourcePicture(self.tr("Start"))
        self.end = SourcePicture(self.tr("End"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.start)
        row.addWidget(self.end)
        row.addStretch(1)
        self._task_id: str | None = None

    def show_task(self, task: Task | None) -> None:
        self._task_id = task.id if task else None
        has_start = task is not None and bool(task.image_path or task.image_url)
        has_end = task is not None and bool(task.end_image_path or task.end_image_url)
        self.start.setVisible(has_start)
        self.end.setVisible(has_end)
        if has_start:
            self.start.show_source(task.image_path, task.image_url)
        if has_end:
            self.end.show_source(task.end_image_path, task.end_image_url)
        for side in (self.start, self.end):
            if side.isVisibleTo(self) and side.path:
                self._paint(side)

    def _paint(self, side: SourcePicture) -> None:
        image = self.thumbs.get(side.path, self._task_id or "")
        if image is not None and not image.isNull():
            side.picture.setPixmap(
                QPixmap.fromImage(image).scaled(
                    PICTURE_BOX, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                )
            )
        elif image is not None or (side.path and not os.path.exists(side.path)):
            side.picture.setText(self.tr("missing"))

    @Slot(str, object)
    def _on_ready(self, path: str, _ids: object) -> None:
        for side in (self.start, self.end):
            if side.path == path:
                self._paint(side)

    def close_threads(self) -> None:
        self.thumbs.close()
