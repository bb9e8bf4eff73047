"""Scroll areas and item views whose viewport is made in Python, not by Qt.

PySide6 hands Python a widget that Qt made (a scroll area's default viewport) by searching the
widget classes it knows for the closest match, and with classes loaded lazily that search
loads every class of QtWidgets and creates their Python enums: the first `viewport()` of such
a viewport costs 10-20 ms, once per process. Anything that asks for one before the window's
first paint puts that cost on the start-up. A viewport made here is already known to Python,
so reading it back is a lookup. It is set up as Qt sets up its own (name, background role,
filled background, touch events), so the area looks and behaves the same.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractScrollArea, QScrollArea, QWidget

VIEWPORT_NAME = "qt_scrollarea_viewport"  # the name Qt gives its own


def own_viewport(area: QAbstractScrollArea) -> QWidget:
    """Give `area` a viewport made in Python (call it first thing, before the viewport is set up)."""
    viewport = QWidget()
    viewport.setObjectName(VIEWPORT_NAME)
    # A scroll area's viewport shows its parent's background; an item view's, the base colour.
    viewport.setBackgroundRole(QPalette.ColorRole.NoRole if isinstance(area, QScrollArea) else QPalette.ColorRole.Base)
    viewport.setAutoFillBackground(True)
    viewport.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
    area.setViewport(viewport)
    return viewport
