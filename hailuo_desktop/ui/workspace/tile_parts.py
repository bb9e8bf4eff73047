"""What a tile is drawn with, made once rather than at every paint.

Scrolling the grid a page brings a page of tiles never painted before, so what costs is what
every tile repeats: laying out text (10–30 µs a line), antialiased rounded rectangles (up to
45 µs for the card) and eliding a long prompt (100 µs for 400 characters). So:
- `Lettering`: the fonts and their measures, once per view font;
- `Stamps`: the card, the badges, the star and the "provider · model" line (a handful of
  different ones across 10,000 takes) drawn once into pixmaps, then copied (3–12 µs);
- `elided`: a prompt cut to what can fit before eliding it.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPixmap

STAR_ON, STAR_OFF = "★", "☆"
STAMPS_KEPT = 256
_NARROW = "il.,:;'|!"  # the narrowest glyphs, to bound how many characters fit in a width


class Lettering:
    """The fonts a tile is drawn with and their measures, made once per view font."""

    def __init__(self, font: QFont) -> None:
        self.font = QFont(font)
        self.metrics = QFontMetrics(font)
        self.line = self.metrics.height()
        self.star_width = self.metrics.horizontalAdvance(STAR_ON) + 6
        self.narrowest = max(1, min(self.metrics.horizontalAdvance(c) for c in _NARROW))
        self.small = QFont(font)
        self.small.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
        self.small.setBold(True)
        self.small_metrics = QFontMetrics(self.small)
        self._widths: dict[str, int] = {}

    def badge_width(self, text: str) -> int:
        width = self._widths.get(text)
        if width is None:
            if len(self._widths) > STAMPS_KEPT:
                self._widths.clear()
            width = self._widths[text] = self.small_metrics.horizontalAdvance(text) + 10
        return width

    def elided(self, text: str, width: int) -> str:
        """`text` elided on the right to `width`: only as many characters as could fit are laid
        out (a prompt can be 1.5 KB). When the cut text fits whole (zero-width marks), the
        whole text is elided instead, so a cut never passes for the end."""
        fit = width // self.narrowest + 2
        if len(text) <= fit:
            return self.metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
        cut = text[:fit]
        shown = self.metrics.elidedText(cut, Qt.TextElideMode.ElideRight, width)
        return shown if shown != cut else self.metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)


Draw = Callable[[QPainter, QRect], None]


class Stamps:
    """Pixmaps of parts many tiles share, keyed by what they show; the least used go first."""

    def __init__(self, kept: int = STAMPS_KEPT) -> None:
        self._kept = kept
        self._made: OrderedDict[tuple, QPixmap] = OrderedDict()

    def get(self, key: Hashable, size: QSize, ratio: float, draw: Draw) -> QPixmap:
        full = (key, size.width(), size.height(), ratio)
        stamp = self._made.get(full)
        if stamp is not None:
            self._made.move_to_end(full)
            return stamp
        stamp = QPixmap(round(size.width() * ratio), round(size.height() * ratio))
        stamp.setDevicePixelRatio(ratio)
        stamp.fill(Qt.GlobalColor.transparent)
        painter = QPainter(stamp)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        draw(painter, QRect(0, 0, size.width(), size.height()))
        painter.end()
        self._made[full] = stamp
        while len(self._made) > self._kept:
            self._made.popitem(last=False)
        return stamp

    def clear(self) -> None:
        self._made.clear()

    def __len__(self) -> int:
        return len(self._made)
