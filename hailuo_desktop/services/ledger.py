"""The cost ledger: what was sent, per day and provider, and what of it was charged.

Qt-free and read-only over the store. Only tasks whose submit left count (a task never
sent costs nothing). Each amount is in the provider's unit (dollars or credits, never
mixed): the estimate from the price table, what the provider confirmed as charged, what
was refunded, and what is still unknown (sent, not confirmed either way).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from ..domain.states import TaskState
from ..domain.task import Task
from .store import TaskStore

CHARGED, REFUNDED, NOT_CHARGED = "charged", "refunded", "not_charged"


@dataclass
class LedgerRow:
    day: str  # local date, YYYY-MM-DD, of the submit
    provider: str
    unit: str  # "usd" or "credits"
    tasks: int = 0
    estimated: float = 0.0  # the price table's amount for every sent task
    charged: float = 0.0  # confirmed by the provider
    refunded: float = 0.0  # the provider said it gave it back (or never took it)
    unknown: float = 0.0  # sent, not confirmed: a finished video or a failure whose charge is unknown
    failed: int = 0
    task_ids: list[str] = field(default_factory=list, repr=False)

    @property
    def spent(self) -> float:
        """What this row most likely cost: confirmed charges plus the unconfirmed estimates."""
        return self.charged + self.unknown


def _day(epoch: float) -> str:
    return datetime.fromtimestamp(epoch).strftime("%Y-%m-%d")


def _add(row: LedgerRow, task: Task) -> None:
    estimate = task.cost or 0.0
    row.tasks += 1
    row.estimated += estimate
    row.failed += task.state is TaskState.FAILED
    row.task_ids.append(task.id)
    if task.charge_status == CHARGED:
        row.charged += task.charged_cost if task.charged_cost is not None else estimate
    elif task.charge_status in (REFUNDED, NOT_CHARGED):
        row.refunded += estimate
    else:
        row.unknown += estimate


def rows_of(tasks: Iterable[Task]) -> list[LedgerRow]:
    """One row per (day, provider, unit), newest day first, providers in name order."""
    rows: dict[tuple[str, str, str], LedgerRow] = {}
    for task in tasks:
        if task.submit_started_at is None:
            continue
        key = (_day(task.submit_started_at), task.provider, task.cost_unit or "usd")
        _add(rows.setdefault(key, LedgerRow(*key)), task)
    return sorted(rows.values(), key=lambda r: (_negated(r.day), r.provider, r.unit))


def _negated(day: str) -> tuple[int, ...]:
    return tuple(-int(part) for part in day.split("-"))


def ledger_rows(store: TaskStore, *, since: date | None = None) -> list[LedgerRow]:
    start = None if since is None else datetime(since.year, since.month, since.day).timestamp()
    return rows_of(store.sent_since(start))


def start_of_today(now: Callable[[], float] = time.time) -> float:
    today = datetime.fromtimestamp(now()).date()
    return datetime(today.year, today.month, today.day).timestamp()


def spent_today(store: TaskStore, *, now: Callable[[], float] = time.time) -> list[LedgerRow]:
    """Today's rows (one per provider and unit)."""
    return rows_of(store.sent_since(start_of_today(now)))


def totals(rows: Iterable[LedgerRow]) -> list[LedgerRow]:
    """One row per (provider, unit) over every day given; `day` is empty."""
    merged: dict[tuple[str, str], LedgerRow] = {}
    for row in rows:
        total = merged.setdefault((row.provider, row.unit), LedgerRow("", row.provider, row.unit))
        for name in ("tasks", "estimated", "charged", "refunded", "unknown", "failed"):
            setattr(total, name, getattr(total, name) + getattr(row, name))
        total.task_ids.extend(row.task_ids)
    return sorted(merged.values(), key=lambda r: (r.provider, r.unit))
