"""Today's spend per provider, in the status bar; a click opens the cost ledger.

It reads the store again at the moments money moves (a submit accepted, a task finished),
never on a timer. A burst of such moments (500 tasks resumed at once) is one read, shortly
after the burst: reading the whole day's tasks once per event froze the window for 15 s.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolButton, QWidget

from ...services.ledger import ledger_rows, spent_today
from ...services.store import TaskStore
from ..tasks.words import provider_name
from .refresh import ChargeMoments
from .words import money

if TYPE_CHECKING:
    from .ledger_dialog import LedgerDialog  # imported when the ledger first opens

COALESCE_MS = 100  # events closer than this share one read of the store


def tr(text: str) -> str:
    return QCoreApplication.translate("Money", text)


def today_text(rows) -> str:
    if not rows:
        return tr("Spent today: nothing")
    return tr("Spent today: {parts}").format(parts=" · ".join(_spent(r) for r in rows))


def _spent(row) -> str:
    """Confirmed charges as they are; money still open or in doubt only as a ceiling, so a
    failure the provider may refund never reads as spent."""
    name, charged, ceiling = provider_name(row.provider), money(row.charged, row.unit), money(row.spent, row.unit)
    if not row.unknown:
        return f"{name} {charged}"
    if not row.charged:
        return tr("{name} up to {ceiling}").format(name=name, ceiling=ceiling)
    return tr("{name} {charged} (up to {ceiling})").format(name=name, charged=charged, ceiling=ceiling)


def today_tooltip(rows) -> str:
    lines = [tr("Sent today, per provider (click for the cost ledger):")]
    for r in rows:
        lines.append(
            tr("{name}: {tasks} task(s); {charged} confirmed, {unknown} not confirmed yet, {refunded} refunded").format(
                name=provider_name(r.provider),
                tasks=r.tasks,
                charged=money(r.charged, r.unit),
                unknown=money(r.unknown, r.unit),
                refunded=money(r.refunded, r.unit),
            )
        )
    return "\n".join(lines)


class MoneyView(QObject):
    """The status bar's "Spent today" and the Cost ledger action (Tasks menu)."""

    ledger_opened = Signal(object)  # the LedgerDialog

    def __init__(
        self, window, store: TaskStore, bridge, *, clock: Callable[[], float] = time.time, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.window, self.store, self.clock = window, store, clock
        self.today = QToolButton(window)
        self.today.setAutoRaise(True)
        self.today.setObjectName("spentToday")
        self.ledger_action = QAction(tr("Cost &ledger…"), window)
        self.ledger_action.setToolTip(tr("What was sent and charged, per day and provider"))
        self.today.clicked.connect(self.open_ledger)
        self.ledger_action.triggered.connect(self.open_ledger)
        window.statusBar().addPermanentWidget(self.today)
        self.dialog: LedgerDialog | None = None
        self._moments = ChargeMoments()
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(COALESCE_MS)
        self._soon.timeout.connect(self.refresh)
        bridge.event.connect(self._on_event)
        self.refresh()

    @Slot(object)
    def _on_event(self, event) -> None:
        if self._moments.provider_to_refresh(event) is not None or event.kind == "removed":
            if not self._soon.isActive():
                self._soon.start()

    def refresh(self) -> None:
        rows = spent_today(self.store, now=self.clock)
        self.today.setText(today_text(rows))
        self.today.setToolTip(today_tooltip(rows))

    def open_ledger(self) -> QWidget:
        if self.dialog is not None:
            self.dialog.close()
        from .ledger_dialog import LedgerDialog

        self.dialog = LedgerDialog(ledger_rows(self.store), self.window)
        self.dialog.open()
        self.ledger_opened.emit(self.dialog)
        return self.dialog
