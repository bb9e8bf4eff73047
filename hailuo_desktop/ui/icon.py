"""The app icon, drawn in code until a designed one ships in resources/ (packaging)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QLinearGradient, QPainter, QPixmap, QPolygonF

from importlib import resources


def _drawn(size: int) -> QPixmap:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    gradient = QLinearGradient(0, 0, size, size)
    gradient.setColorAt(0, QColor("#ff7a45"))
    gradient.setColorAt(1, QColor("#c2185b"))
    painter.setBrush(gradient)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(QRectF(0, 0, size, size), size * 0.22, size * 0.22)
    painter.setBrush(QColor("white"))
    s = size
    painter.drawPolygon(QPolygonF([QPointF(s * 0.38, s * 0.28), QPointF(s * 0.38, s * 0.72), QPointF(s * 0.74, s * 0.5)]))
    painter.end()
    return QPixmap.fromImage(image)


def app_icon() -> QIcon:
    shipped = resources.files("hailuo_desktop.resources").joinpath("icon.svg")
    if shipped.is_file():
        return QIcon(str(shipped))
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        icon.addPixmap(_drawn(size))
    return icon
