"""A scroll area that scrolls compose's body only when it does not fit."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QScrollArea, QWidget

from ..viewports import own_viewport


class VerticalScroll(QScrollArea):
    """Holds compose's body at the viewport's size while it fits, and scrolls it up and down
    only when it does not (a model with start and end frames on a short screen).

    Sized by hand: Qt's own resizing gives a body with word-wrapped labels its preferred
    height, which would scroll even when everything fits at its minimum.
    """

    def __init__(self, body: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        own_viewport(self)  # reading it back must not load every widget class (ui/viewports.py)
        self.setWidgetResizable(False)
        self.setWidget(body)
        body.installEventFilter(self)
        self.viewport().installEventFilter(self)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(max(hint.width(), self.widget().minimumSizeHint().width() + 2 * self.frameWidth()), hint.height())

    def eventFilter(self, watched, event) -> bool:
        body_changed = watched is self.widget() and event.type() == QEvent.Type.LayoutRequest
        viewport_resized = watched is self.viewport() and event.type() == QEvent.Type.Resize
        if body_changed or viewport_resized:
            self.fit()
        return super().eventFilter(watched, event)

    def fit(self) -> None:
        body, width = self.widget(), self.viewport().width()
        layout = body.layout()
        needed = (
            layout.totalMinimumHeightForWidth(width) if layout.hasHeightForWidth() else body.minimumSizeHint().height()
        )
        size = QSize(width, max(self.viewport().height(), needed))
        if body.size() != size:
            body.resize(size)
