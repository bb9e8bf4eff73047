"""What the next click will cost, from the catalog, and the balance the controller reports."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from hailuo_desktop.domain.catalog import ModelSpec


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("Cost", text, None, n)


def format_amount(amount: float, unit: str) -> str:
    if unit == "usd":
        return f"${amount:,.2f}"
    shown = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.1f}"
    return _tr("%1 credits").replace("%1", shown)


def cost_text(spec: ModelSpec, duration: int | None, resolution: str | None, count: int) -> str:
    """'$0.32 per video · $0.96 for 3 videos', or 'price unknown' where the catalog has none."""
    each = spec.cost(duration, resolution)
    if each is None or spec.price is None:
        return _tr("Price unknown for this choice; see the provider's pricing page.")
    mark = "≈ " if spec.price.approximate else ""
    text = _tr("%1 per video").replace("%1", mark + format_amount(each, spec.price.unit))
    if count > 1:
        total = mark + format_amount(each * count, spec.price.unit)
        text += " · " + _tr("%1 for %n videos", count).replace("%1", total)
    return text


class CostBar(QWidget):
    """One line: the estimate on the left, the provider's balance on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.estimate = QLabel(self)
        self.estimate.setWordWrap(True)
        self.estimate.setToolTip(
            self.tr("From the app's price table, before anything is sent. The provider's own bill is final.")
        )
        self.balance = QLabel(self)
        self.balance.setToolTip(self.tr("Your balance with the selected provider, where it reports one."))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.estimate, 1)
        layout.addWidget(self.balance)

    def set_estimate(self, spec: ModelSpec, duration: int | None, resolution: str | None, count: int) -> None:
        self.estimate.setText(cost_text(spec, duration, resolution, count))

    def set_balance_text(self, text: str) -> None:
        self.balance.setText(text)
        self.balance.setVisible(bool(text))
