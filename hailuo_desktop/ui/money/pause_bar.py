"""Submits held after "not enough balance": said where Generate is, with Top up and Resume.

The runner holds every new task for a provider that answered "insufficient balance"
(nothing is sent, so nothing is charged) until the user says the account is topped up.
This bar names the provider, opens its top-up page, and resumes it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...domain import catalog
from ...services.pauses import Pause
from ..tasks.words import provider_name


def tr(text: str) -> str:
    return QCoreApplication.translate("PauseBar", text)


def held_text(provider_id: str) -> str:
    name = provider_name(provider_id)
    return tr(
        "Not enough balance on {name}: new tasks for {name} are held, and nothing is charged for them. "
        "Top up your {name} account, then press Resume. Tasks {name} already has are still followed."
    ).format(name=name)


class _Row(QWidget):
    def __init__(self, provider_id: str, bar: PauseBar) -> None:
        super().__init__(bar)
        self.provider_id = provider_id
        self.text = QLabel(held_text(provider_id), self)
        self.text.setWordWrap(True)
        self.top_up = QPushButton(tr("Top up…"), self)
        self.top_up.setToolTip(tr("Open {name}'s page to add money").format(name=provider_name(provider_id)))
        self.top_up.setVisible(bool(catalog.provider(provider_id).top_up_url))
        self.resume = QPushButton(tr("Resume"), self)
        self.resume.setToolTip(tr("The account is topped up: send the held tasks"))
        self.top_up.clicked.connect(lambda: bar.top_up_requested.emit(provider_id))
        self.resume.clicked.connect(lambda: bar.resume_requested.emit(provider_id))
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.top_up)
        buttons.addWidget(self.resume)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.text)
        column.addLayout(buttons)


class PauseBar(QFrame):
    top_up_requested = Signal(str)
    resume_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pauseBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("QFrame#pauseBar { background: palette(alternate-base); border: 1px solid #b35900; }")
        self.rows: dict[str, _Row] = {}
        self._column = QVBoxLayout(self)
        self.hide()

    def show_pauses(self, providers: list[str]) -> None:
        for provider_id in [p for p in self.rows if p not in providers]:
            self.rows.pop(provider_id).deleteLater()
        for provider_id in providers:
            if provider_id not in self.rows:
                self.rows[provider_id] = _Row(provider_id, self)
                self._column.addWidget(self.rows[provider_id])
        self.setVisible(bool(providers))


class PauseFlow(QObject):
    """Keeps the bar in step with the runner's pauses; Top up opens the page, Resume resumes."""

    resumed = Signal(str)  # provider id: its held tasks were started again
    paused = Signal(str)  # provider id: it just answered "not enough balance"

    def __init__(self, bar: PauseBar, link, open_link, parent: QObject | None = None) -> None:
        """`link`: ui.engine_link.EngineLink; its `paused` signal arrives on the GUI thread."""
        super().__init__(parent)
        self.bar, self.link, self.open_link = bar, link, open_link
        link.paused.connect(self._show)
        bar.top_up_requested.connect(self._top_up)
        bar.resume_requested.connect(self.resume)
        self._show("", None)

    def close(self) -> None:
        self.link.paused.disconnect(self._show)

    @Slot(str, object)
    def _show(self, provider_id: str, pause: Pause | None) -> None:
        self.bar.show_pauses(self.link.paused_providers())
        if pause is not None:
            self.paused.emit(provider_id)  # the balance line reads it again: it said "not enough"

    @Slot(str)
    def _top_up(self, provider_id: str) -> None:
        self.open_link(catalog.provider(provider_id).top_up_url)

    @Slot(str)
    def resume(self, provider_id: str) -> None:
        self.link.soon(lambda e: e.runner.resume_provider(provider_id))
        self.resumed.emit(provider_id)
