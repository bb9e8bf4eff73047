"""Paints one take as a tile: poster frame (or the frame playing), state badge, duration,
provider · model, cost and star. A rejected take is drawn faded with its badge.

The delegate reads only the Task (TaskRole) and asks `frame_for(task)` for the picture, so
the view decides what plays and the delegate never touches the disk.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ...domain.states import TaskState
from ...domain.task import Task
from ..money.words import short_amount_text
from ..tasks.model import TaskRole
from ..tasks.words import model_text, state_text, tr

TILE = QSize(232, 190)  # the smallest tile; the grid widens tiles to fill its rows
MARGIN = 6
WORDS_HEIGHT = 52  # two lines of text under the picture, and room around them
STAR_ON, STAR_OFF = "★", "☆"

_BADGE_COLOURS = {
    TaskState.QUEUED: QColor(110, 110, 120),
    TaskState.RUNNING: QColor(40, 110, 200),
    TaskState.DOWNLOADING: QColor(40, 140, 170),
    TaskState.SUCCEEDED: QColor(40, 140, 70),
    TaskState.FAILED: QColor(190, 50, 50),
    TaskState.UNKNOWN: QColor(200, 130, 20),
    TaskState.CANCELLED: QColor(100, 100, 100),
}
STAR_COLOUR = QColor(240, 180, 20)


def tile_size(width: int) -> QSize:
    """A tile `width` wide: a 16:9 picture plus the words under it."""
    picture = round((width - 4 - 2 * MARGIN) * 9 / 16)
    return QSize(width, picture + 2 + MARGIN + WORDS_HEIGHT)


def duration_text(task: Task) -> str:
    return tr("{seconds} s").format(seconds=task.duration) if task.duration else ""


GroupOf = Callable[[QModelIndex], "tuple[str, str] | None"]  # (group key, caption) when grouped


def group_colour(key: str) -> QColor:
    return QColor.fromHsl(sum(key.encode()) * 47 % 360, 150, 120)


class TileDelegate(QStyledItemDelegate):
    def __init__(self, frame_for: Callable[[Task], QImage | None], parent=None) -> None:
        super().__init__(parent)
        self._frame_for = frame_for
        self.tile = tile_size(TILE.width())
        self.group_of: GroupOf = lambda _index: None  # the grid sets it while takes are grouped

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        return QSize(self.tile)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        task = index.data(TaskRole)
        if task is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect.adjusted(2, 2, -2, -2)
        self._background(painter, option, rect)
        if task.rejected:
            painter.setOpacity(0.45)
        inner = rect.width() - 2 * MARGIN
        picture = QRect(rect.left() + MARGIN, rect.top() + MARGIN, inner, round(inner * 9 / 16))
        self._picture(painter, option, picture, task)
        self._badges(painter, option, picture, task)
        self._group(painter, option, rect, picture, index)
        self._words(
            painter,
            option,
            QRect(picture.left(), picture.bottom() + 4, picture.width(), rect.bottom() - picture.bottom() - 4),
            task,
        )
        painter.restore()

    # --- parts -----------------------------------------------------------------------
    def _background(self, painter: QPainter, option: QStyleOptionViewItem, rect: QRect) -> None:
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        fill = (
            palette.color(QPalette.ColorRole.Highlight)
            if selected
            else (palette.color(QPalette.ColorRole.Midlight) if hovered else palette.color(QPalette.ColorRole.Base))
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(QRectF(rect), 6, 6)
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(palette.color(QPalette.ColorRole.Highlight).darker(140))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)

    def _picture(self, painter: QPainter, option: QStyleOptionViewItem, box: QRect, task: Task) -> None:
        painter.fillRect(box, QColor(18, 18, 22))
        image = self._frame_for(task)
        if image is None or image.isNull():
            painter.setPen(QColor(170, 170, 180))
            text = tr("No video") if task.state.is_final else tr("Not ready yet")
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
            return
        size = image.size().scaled(box.size(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRect(0, 0, size.width(), size.height())
        target.moveCenter(box.center())
        painter.drawImage(target, image)

    def _badges(self, painter: QPainter, option: QStyleOptionViewItem, box: QRect, task: Task) -> None:
        small = QFont(option.font)
        small.setPointSizeF(max(6.0, option.font.pointSizeF() * 0.85))
        small.setBold(True)
        painter.setFont(small)
        metrics = QFontMetrics(small)
        left = box.left() + 4
        labels = [(state_text(task.state), _BADGE_COLOURS[task.state])]
        if task.rejected:
            labels.append((tr("Rejected"), QColor(60, 60, 60)))
        for text, colour in labels:
            width = metrics.horizontalAdvance(text) + 10
            pill = QRect(left, box.top() + 4, width, metrics.height() + 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(QRectF(pill), 4, 4)
            painter.setPen(QColor(255, 255, 255))
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
            left = pill.right() + 4
        duration = duration_text(task)
        if duration:
            width = metrics.horizontalAdvance(duration) + 10
            pill = QRect(box.right() - width - 3, box.bottom() - metrics.height() - 5, width, metrics.height() + 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(0, 0, 0, 170))
            painter.drawRoundedRect(QRectF(pill), 4, 4)
            painter.setPen(QColor(255, 255, 255))
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, duration)

    def _group(
        self, painter: QPainter, option: QStyleOptionViewItem, rect: QRect, picture: QRect, index: QModelIndex
    ) -> None:
        """A stripe in the group's colour on every tile; the group's name on its first tile."""
        group = self.group_of(index)
        if group is None:
            return
        key, caption = group
        colour = group_colour(key)
        painter.setOpacity(1.0)
        painter.fillRect(QRect(rect.left(), rect.top() + 4, 4, rect.height() - 8), colour)
        previous = self.group_of(index.siblingAtRow(index.row() - 1)) if index.row() > 0 else None
        if previous is not None and previous[0] == key:
            return
        metrics = QFontMetrics(option.font)
        text = metrics.elidedText(caption, Qt.TextElideMode.ElideMiddle, picture.width() - 60)
        pill = QRect(
            picture.left() + 4,
            picture.bottom() - metrics.height() - 5,
            metrics.horizontalAdvance(text) + 10,
            metrics.height() + 2,
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(QRectF(pill), 4, 4)
        painter.setPen(QColor(255, 255, 255))
        painter.setFont(option.font)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)

    def _words(self, painter: QPainter, option: QStyleOptionViewItem, box: QRect, task: Task) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setFont(option.font)
        metrics = QFontMetrics(option.font)
        line = metrics.height()
        star_width = metrics.horizontalAdvance(STAR_ON) + 6
        star = QRect(box.right() - star_width, box.top(), star_width, line)
        painter.setPen(STAR_COLOUR if task.starred else option.palette.color(role))
        painter.drawText(
            star, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, STAR_ON if task.starred else STAR_OFF
        )
        painter.setPen(option.palette.color(role))
        first = QRect(box.left(), box.top(), box.width() - star_width, line)
        painter.drawText(
            first,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(model_text(task), Qt.TextElideMode.ElideRight, first.width()),
        )
        second = QRect(box.left(), box.top() + line, box.width(), line)
        cost = short_amount_text(task)  # what the amount is: est., charged, refunded, up to …?
        text = f"{cost} · {' '.join(task.prompt.split())}"
        painter.drawText(
            second,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(text, Qt.TextElideMode.ElideRight, second.width()),
        )
