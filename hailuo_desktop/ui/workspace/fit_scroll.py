"""A scroll area that gives its panel the whole viewport, and scrolls only below the panel's minimum.

QScrollArea's own resizing asks a panel with word-wrapped labels for its *preferred*
height, so a panel that fits would scroll anyway. This one sizes the panel to the
viewport, never below the panel's minimum size: a short window scrolls compose instead
of squeezing its controls over each other, a normal one shows it whole.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QStyle, QWidget


class FitScrollArea(QScrollArea):
    def __init__(self, panel: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # No narrower than the panel's own controls need (its buttons and boxes never clip).
        panel.setMinimumWidth(max(panel.minimumWidth(), panel.minimumSizeHint().width()))
        self.setWidget(panel)
        self.setWidgetResizable(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # focus goes to the panel's controls, never the frame
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.setMinimumWidth(panel.minimumWidth() + bar)
        panel.installEventFilter(self)

    def _fit(self) -> None:
        panel, viewport = self.widget(), self.viewport()
        if panel is not None:
            panel.resize(viewport.width(), max(viewport.height(), panel.minimumSizeHint().height()))

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._fit()
        return super().viewportEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self._fit()  # the panel's contents changed (a hint, a slot): its minimum may have too
        return super().eventFilter(watched, event)
