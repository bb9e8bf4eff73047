"""A provider balance in words (the compose panel and the settings dialog say it alike)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..domain.balance import Balance


def format_balance(balance: Balance) -> str:
    def tr(text: str) -> str:
        return QCoreApplication.translate("Balance", text)

    if balance.unit == "usd":
        return tr("Balance: ${amount}").format(amount=f"{balance.amount:,.2f}")
    return tr("Balance: {amount} credits").format(amount=f"{balance.amount:,.0f}")
