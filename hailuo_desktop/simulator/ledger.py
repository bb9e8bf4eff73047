"""Account balances: charged at submit, refunded when a task fails.

The balance is computed, not kept: the initial amount, plus top-ups, minus the cost of
every task that has not failed by now. So a refund appears the moment the task's
failure does, whether or not anyone polled it.

Refunds: kie's failure callback carries consumeCredits 0 (providers.md 1.3 [S]), and
Apikley is kie's API resold. For APIXO, API in One and MiniMax the docs say nothing about
failed tasks and billing: refunding them too is a SIMULATOR VALUE. Prices: prices.py.
"""

from __future__ import annotations

from collections import Counter

from .tasks import Phase, TaskBook


class Ledger:
    def __init__(self, initial: dict[str, float], tasks: TaskBook) -> None:
        self._initial = dict(initial)
        self._adjust: Counter = Counter()
        self._tasks = tasks

    def balance(self, provider: str, now: float) -> float:
        spent = sum(t.draft.cost for t in self._tasks.of(provider) if t.phase(now) is not Phase.FAILED)
        return self._initial.get(provider, 0.0) + self._adjust[provider] - spent

    def can_pay(self, provider: str, cost: float, now: float) -> bool:
        """An empty account cannot submit even a free task; otherwise the cost must be covered."""
        balance = self.balance(provider, now)
        return balance > 0 and balance >= cost

    def set_balance(self, provider: str, amount: float, now: float) -> None:
        self._adjust[provider] += amount - self.balance(provider, now)
