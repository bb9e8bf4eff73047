"""Paints one take as a tile: poster frame (or the frame playing), state badge, duration,
provider · model, cost and star. A rejected take is drawn faded with its badge.

The delegate reads only the Task (TaskRole) and asks `frame_for(task)` for the picture, so
the view decides what plays and the delegate never touches the disk. What many tiles share
(the card, badges, star, "provider · model") is drawn once and copied (tile_parts.py): a
scroll step brings a page of tiles never painted before.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ...domain.states import TaskState
from ...domain.task import Task
from ..money.words import short_amount_text
from ..tasks.model import TaskRole
from ..tasks.words import model_text, state_text, tr
from .tile_parts import STAR_OFF, STAR_ON, Lettering, Stamps

TILE = QSize(232, 190)  # the smallest tile; the grid widens tiles to fill its rows
MARGIN = 6
WORDS_HEIGHT = 52  # two lines of text under the picture, and room around them

_BADGE_COLOURS = {
    TaskState.QUEUED: QColor(110, 110, 120),
    TaskState.RUNNING: QColor(40, 110, 200),
    TaskState.DOWNLOADING: QColor(40, 140, 170),
    TaskState.SUCCEEDED: QColor(40, 140, 70),
    TaskState.FAILED: QColor(190, 50, 50),
    TaskState.UNKNOWN: QColor(200, 130, 20),
    TaskState.CANCELLED: QColor(100, 100, 100),
    TaskState.NEEDS_CHECK: QColor(200, 130, 20),
}
STAR_COLOUR = QColor(240, 180, 20)


def tile_size(width: int) -> QSize:
    """A tile `width` wide: a 16:9 picture plus the words under it."""
    picture = round((width - 4 - 2 * MARGIN) * 9 / 16)
    return QSize(width, picture + 2 + MARGIN + WORDS_HEIGHT)


def duration_text(task: Task) -> str:
    return tr("{seconds} s").format(seconds=task.duration) if task.duration else ""


Picture = QPixmap | QImage  # a poster, or a frame of the take playing in its tile
GroupOf = Callable[[QModelIndex], "tuple[str, str] | None"]  # (group key, caption) when grouped


def group_colour(key: str) -> QColor:
    return QColor.fromHsl(sum(key.encode()) * 47 % 360, 150, 120)


class _Words:
    """A tile's prompt line, elided to its width: kept per take while the Task is the same."""

    __slots__ = ("task", "width", "second")

    def __init__(self, task: Task, width: int, lettering: Lettering) -> None:
        self.task, self.width = task, width
        cost = short_amount_text(task)  # what the amount is: est., charged, refunded, up to …?
        self.second = lettering.elided(f"{cost} · {' '.join(task.prompt[:PROMPT_CHARS].split())}", width)


_SELECTED = QStyle.StateFlag.State_Selected.value
_HOVERED = QStyle.StateFlag.State_MouseOver.value
_FOCUSED = QStyle.StateFlag.State_HasFocus.value
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CENTRE = Qt.AlignmentFlag.AlignCenter
_HIGHLIGHT, _MIDLIGHT, _BASE = (QPalette.ColorRole.Highlight, QPalette.ColorRole.Midlight, QPalette.ColorRole.Base)
_TEXT, _HIGHLIGHTED_TEXT = QPalette.ColorRole.Text, QPalette.ColorRole.HighlightedText
_WHITE = QColor(255, 255, 255)
_PICTURE_BACK = QColor(18, 18, 22)
_PILL_BACK = QColor(0, 0, 0, 170)
_REJECTED_BACK = QColor(60, 60, 60)
PROMPT_CHARS = 2000  # more than any tile shows; a longer prompt is cut before its spaces are folded
WORDS_KEPT = 2000


class TileDelegate(QStyledItemDelegate):
    def __init__(self, frame_for: Callable[[Task], Picture | None], parent=None) -> None:
        super().__init__(parent)
        self._frame_for = frame_for
        self.tile = tile_size(TILE.width())
        self.group_of: GroupOf = lambda _index: None  # the grid sets it while takes are grouped
        self._lettering: Lettering | None = None
        self._words_of: OrderedDict[str, _Words] = OrderedDict()
        self._models: dict[tuple, str] = {}  # "provider · model" by what it is made from
        self.stamps = Stamps()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        return QSize(self.tile)

    def picture_size(self) -> QSize:
        """The picture's box in a tile of the current size (what posters are scaled to)."""
        inner = self.tile.width() - 4 - 2 * MARGIN
        return QSize(inner, round(inner * 9 / 16))

    def _letters(self, font: QFont) -> Lettering:
        if self._lettering is None or self._lettering.font != font:
            self._lettering = Lettering(font)
            self._words_of.clear()
            self.stamps.clear()
        return self._lettering

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        task = index.data(TaskRole)
        if task is None:
            return
        lettering = self._letters(option.font)
        state = option.state.value
        ratio = painter.device().devicePixelRatioF()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect.adjusted(2, 2, -2, -2)
        self._card(painter, option.palette, state, rect, ratio)
        if task.rejected:
            painter.setOpacity(0.45)
        inner = rect.width() - 2 * MARGIN
        picture = QRect(rect.left() + MARGIN, rect.top() + MARGIN, inner, round(inner * 9 / 16))
        self._picture(painter, picture, task)
        self._badges(painter, lettering, picture, task, ratio)
        self._group(painter, option, rect, picture, index)
        words = QRect(picture.left(), picture.bottom() + 4, picture.width(), rect.bottom() - picture.bottom() - 4)
        self._words(painter, option.palette, state, lettering, words, task, ratio)
        painter.restore()

    # --- parts -----------------------------------------------------------------------
    def _card(self, painter: QPainter, palette: QPalette, state: int, rect: QRect, ratio: float) -> None:
        fill = palette.color(_HIGHLIGHT if state & _SELECTED else (_MIDLIGHT if state & _HOVERED else _BASE))
        edge = palette.color(_HIGHLIGHT).darker(140) if state & _FOCUSED else None

        def draw(card: QPainter, box: QRect) -> None:
            card.setPen(Qt.PenStyle.NoPen)
            card.setBrush(fill)
            card.drawRoundedRect(QRectF(box), 6, 6)
            if edge is not None:
                card.setPen(edge)
                card.setBrush(Qt.BrushStyle.NoBrush)
                card.drawRoundedRect(QRectF(box).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)

        key = ("card", fill.rgba(), edge.rgba() if edge is not None else None)
        painter.drawPixmap(rect.topLeft(), self.stamps.get(key, rect.size(), ratio, draw))

    def _picture(self, painter: QPainter, box: QRect, task: Task) -> None:
        image = self._frame_for(task)
        if image is None or image.isNull():
            painter.fillRect(box, _PICTURE_BACK)
            painter.setPen(QColor(170, 170, 180))
            text = tr("No video") if task.state.is_final else tr("Not ready yet")
            painter.drawText(box, _CENTRE, text)
            return
        size = image.deviceIndependentSize().toSize()
        if size != box.size():
            painter.fillRect(box, _PICTURE_BACK)
            size = size.scaled(box.size(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRect(0, 0, size.width(), size.height())
        target.moveCenter(box.center())
        if isinstance(image, QPixmap):
            if target.size() == image.deviceIndependentSize().toSize():
                painter.drawPixmap(target.topLeft(), image)  # the poster is made at this size: a copy
            else:
                painter.drawPixmap(target, image)
        else:
            painter.drawImage(target, image)  # a frame of the take playing in its tile

    def _badges(self, painter: QPainter, lettering: Lettering, box: QRect, task: Task, ratio: float) -> None:
        height = lettering.small_metrics.height() + 2
        left = box.left() + 4
        labels = [(state_text(task.state), _BADGE_COLOURS.get(task.state, _REJECTED_BACK))]
        if task.rejected:
            labels.append((tr("Rejected"), _REJECTED_BACK))
        for text, colour in labels:
            width = lettering.badge_width(text)
            painter.drawPixmap(QPoint(left, box.top() + 4), self._pill(lettering, text, colour, width, height, ratio))
            left += width + 4
        duration = duration_text(task)
        if duration:
            width = lettering.badge_width(duration)
            pill = self._pill(lettering, duration, _PILL_BACK, width, height, ratio)
            painter.drawPixmap(QPoint(box.right() - width - 3, box.bottom() - height - 3), pill)

    def _pill(self, lettering: Lettering, text: str, colour: QColor, width: int, height: int, ratio: float) -> QPixmap:
        def draw(pill: QPainter, box: QRect) -> None:
            pill.setPen(Qt.PenStyle.NoPen)
            pill.setBrush(colour)
            pill.drawRoundedRect(QRectF(box), 4, 4)
            pill.setPen(_WHITE)
            pill.setFont(lettering.small)
            pill.drawText(box, _CENTRE, text)

        return self.stamps.get(("pill", text, colour.rgba()), QSize(width, height), ratio, draw)

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
        metrics = self._letters(option.font).metrics
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

    def _words(
        self,
        painter: QPainter,
        palette: QPalette,
        state: int,
        lettering: Lettering,
        box: QRect,
        task: Task,
        ratio: float,
    ) -> None:
        colour = palette.color(_HIGHLIGHTED_TEXT if state & _SELECTED else _TEXT)
        line, star_width = lettering.line, lettering.star_width
        star_colour = STAR_COLOUR if task.starred else colour
        star_text = STAR_ON if task.starred else STAR_OFF

        def draw_star(star: QPainter, at: QRect) -> None:
            star.setFont(lettering.font)
            star.setPen(star_colour)
            star.drawText(at, _RIGHT, star_text)

        star = self.stamps.get(("star", star_text, star_colour.rgba()), QSize(star_width, line), ratio, draw_star)
        painter.drawPixmap(QPoint(box.right() - star_width, box.top()), star)
        model = self._model_text(task)
        first_width = box.width() - star_width

        def draw_model(first: QPainter, at: QRect) -> None:
            first.setFont(lettering.font)
            first.setPen(colour)
            first.drawText(at, _LEFT, lettering.elided(model, first_width))

        first = self.stamps.get(("model", model, colour.rgba()), QSize(first_width, line), ratio, draw_model)
        painter.drawPixmap(box.topLeft(), first)
        words = self._words_of.get(task.id)
        if words is None or words.task is not task or words.width != box.width():
            words = self._words_of[task.id] = _Words(task, box.width(), lettering)
            while len(self._words_of) > WORDS_KEPT:
                self._words_of.popitem(last=False)
        painter.setFont(lettering.font)
        painter.setPen(colour)
        painter.drawText(QRect(box.left(), box.top() + line, box.width(), line), _LEFT, words.second)

    def _model_text(self, task: Task) -> str:
        made_of = (task.provider, task.model, task.mode, task.kind)
        text = self._models.get(made_of)
        if text is None:
            text = self._models[made_of] = model_text(task)
        return text
