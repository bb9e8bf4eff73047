"""The spend guard: an order above the amount set in Settings asks before anything is sent.

People send ten variants by accident and notice on the bill. The threshold is in US
dollars (Settings › General, default $2); a credit-priced order is compared at about
$0.005 a credit (kie.ai / Apikley; shared/providers.md cites a third party for that rate),
and the question shows the amount in the provider's own unit.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDoubleSpinBox, QWidget

from ..compose.order import ComposeOrder
from ..dialogs import confirm
from .words import money

USD_PER_CREDIT = 0.005  # approximate; only decides whether to ask, never shown as a price


def tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("SpendGuard", text, None, n)


def order_total(order: ComposeOrder) -> tuple[float, str] | None:
    """What the order costs by the catalog (amount, unit), or None when a price is unknown."""
    amounts = [r.spec.cost(r.duration, r.resolution) for r in order.requests]
    units = {r.spec.price.unit for r in order.requests if r.spec.price is not None}
    if not amounts or None in amounts or len(units) != 1:
        return None
    return sum(amounts), units.pop()


def in_usd(amount: float, unit: str) -> float:
    return amount if unit == "usd" else amount * USD_PER_CREDIT


def needs_asking(order: ComposeOrder, threshold_usd: float) -> bool:
    total = order_total(order)
    return threshold_usd > 0 and total is not None and in_usd(*total) > threshold_usd


def question(order: ComposeOrder, threshold_usd: float) -> tuple[str, str, str]:
    """(title, text, send button) for an order above the threshold."""
    amount, unit = order_total(order)
    count = len(order.requests)
    title = tr("Send %n videos for {amount}?", count).format(amount=money(amount, unit))
    text = tr("This order makes %n paid videos, {amount} in all by the app's price table.", count).format(
        amount=money(amount, unit)
    )
    text += "\n" + tr("You asked to be asked above ${limit:.2f} (Settings › General).").format(limit=threshold_usd)
    return title, text, tr("Send %n videos", count)


async def allow(parent: QWidget, order: ComposeOrder, threshold_usd: float) -> bool:
    """True when the order may be sent: under the threshold, or the user said so."""
    if not needs_asking(order, threshold_usd):
        return True
    title, text, send = question(order, threshold_usd)
    return await confirm(parent, title, text, send, tr("Don't send"))


def threshold_field(parent: QWidget) -> QDoubleSpinBox:
    """The Settings field for the threshold (0 turns the question off)."""
    field = QDoubleSpinBox(parent)
    field.setRange(0.0, 10_000.0)
    field.setDecimals(2)
    field.setSingleStep(1.0)
    field.setPrefix("$")
    field.setSpecialValueText(tr("never ask"))
    field.setToolTip(tr("Generate asks first when one click would cost more than this (0: never ask)."))
    return field
