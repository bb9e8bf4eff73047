"""The cost ledger in the window: per day and provider, and the totals per provider.

Every amount is in the provider's own unit, split into what the provider confirmed as
charged, what it refunded, and what is still an estimate (sent, not confirmed).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services.ledger import LedgerRow, totals
from ..accessibility import Standard, describe_buttons
from ..tasks.words import provider_name
from .words import money


def tr(text: str) -> str:
    return QCoreApplication.translate("Ledger", text)


def headers() -> list[str]:
    return [
        tr("Day"),
        tr("Provider"),
        tr("Tasks sent"),
        tr("Estimated"),
        tr("Charged"),
        tr("Refunded"),
        tr("Not confirmed"),
        tr("Failed"),
    ]


def cells(row: LedgerRow) -> list[str]:
    return [
        row.day or tr("All days"),
        provider_name(row.provider),
        str(row.tasks),
        money(row.estimated, row.unit),
        money(row.charged, row.unit),
        money(row.refunded, row.unit),
        money(row.unknown, row.unit),
        str(row.failed),
    ]


def csv_text(rows: list[LedgerRow]) -> str:
    lines = [",".join(["day", "provider", "unit", "tasks", "estimated", "charged", "refunded", "unknown", "failed"])]
    lines += [
        ",".join(
            [
                r.day,
                r.provider,
                r.unit,
                str(r.tasks),
                f"{r.estimated:g}",
                f"{r.charged:g}",
                f"{r.refunded:g}",
                f"{r.unknown:g}",
                str(r.failed),
            ]
        )
        for r in rows
    ]
    return "\n".join(lines) + "\n"


class LedgerDialog(QDialog):
    def __init__(self, rows: list[LedgerRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Cost ledger"))
        self.rows = rows
        self.days = self._table(rows)
        self.totals = self._table(totals(rows))
        self.days.setAccessibleName(tr("Per day and provider"))
        self.totals.setAccessibleName(tr("Totals per provider"))
        for table in (self.days, self.totals):
            table.setAccessibleDescription(tr("Tasks sent, estimated, charged, refunded and not confirmed"))
        note = QLabel(
            tr(
                'Sent tasks only (a task never sent costs nothing). "Not confirmed": the provider has '
                "not said whether it charged; the app's price table gives the amount."
            ),
            self,
        )
        note.setWordWrap(True)
        self.copy_csv = QPushButton(tr("Copy as CSV"), self)
        self.copy_csv.clicked.connect(lambda: QGuiApplication.clipboard().setText(csv_text(self.rows)))
        self.copy_csv.setToolTip(tr("Copy the ledger as CSV, to paste in a spreadsheet"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        describe_buttons(buttons, {Standard.Close: tr("Close the ledger")})
        buttons.addButton(self.copy_csv, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Per day and provider"), self))
        layout.addWidget(self.days, 3)
        layout.addWidget(QLabel(tr("Totals per provider"), self))
        layout.addWidget(self.totals, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(860, 460)

    def _table(self, rows: list[LedgerRow]) -> QTableWidget:
        table = QTableWidget(len(rows), len(headers()), self)
        table.setHorizontalHeaderLabels(headers())
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        for r, row in enumerate(rows):
            for c, text in enumerate(cells(row)):
                item = QTableWidgetItem(text)
                if c >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, item)
        if not rows:
            table.setRowCount(1)
            table.setItem(0, 0, QTableWidgetItem(tr("Nothing sent yet.")))
        return table
