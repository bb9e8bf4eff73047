"""Scroll areas and item views whose viewport is made in Python, not by Qt.

PySide6 hands Python a widget that Qt made (a scroll area's default viewport) by searching the
widget classes it knows for the closest match, and with classes loaded lazily that search
loads every class of QtWidgets and creates their Python enums: the first `viewport()` of such
a viewport costs 10-20 ms, once per process. Anything that asks for one before the window's
first paint puts that cost on the start-up. A viewport made here is already known to Python,
so reading it back is a lookup. Qt makes a plain QWidget viewport itself: nothing else changes.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractScrollArea, QWidget


def own_viewport(area: QAbstractScrollArea) -> QWidget:
    """Give `area` a viewport made in Python (call it first thing, before the viewport is set up)."""
    viewport = QWidget()
    area.setViewport(viewport)
    return viewport
