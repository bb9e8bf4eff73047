"""An account balance as a provider reports it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Balance:
    amount: float
    unit: str  # "usd" / "credits"
