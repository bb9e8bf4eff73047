"""The cost ledger: what was sent, per day and provider, and what of it was charged.

Qt-free and read-only over the store. Only tasks whose submit left count (a task never
sent costs nothing). Each amount is in the provider's unit (dollars or credits, never
mixed). Which bucket a task's money goes in comes from `domain.charges.charge_of`, the
same truth the task rows show:
- charged: the provider made the video (CONFIRMED), or charges its failures (CHARGED);
- refunded: refused before creation, or a failure the provider gives back (REFUNDED, NOT_SENT);
- unknown: sent and not settled, or in doubt (ESTIMATE, UNKNOWN: an answer lost, a sent
  task cancelled or stuck, a failure whose policy the docs do not state).
"""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from ..domain.charges import ChargeStatus, charge_of
from ..domain.states import TaskState
from ..domain.task import Task
from .store import TaskStore

CSV_FIELDS = ("day", "provider", "unit", "tasks", "estimated", "charged", "refunded", "unknown", "failed")
_CHARGED = (ChargeStatus.CONFIRMED, ChargeStatus.CHARGED)
_REFUNDED = (ChargeStatus.REFUNDED, ChargeStatus.NOT_SENT)


@dataclass
class LedgerRow:
    day: str  # local date, YYYY-MM-DD, of the submit
    provider: str
    unit: str  # "usd" or "credits"
    tasks: int = 0
    estimated: float = 0.0  # the price table's amount for every sent task
    charged: float = 0.0  # the video was made (or the provider charges failures)
    refunded: float = 0.0  # the provider gave it back, or never created the task
    unknown: float = 0.0  # sent and not settled, or in doubt
    failed: int = 0
    task_ids: list[str] = field(default_factory=list, repr=False)

    @property
    def spent(self) -> float:
        """What this row most likely cost: charges plus what is still open or in doubt."""
        return self.charged + self.unknown


def _day(epoch: float) -> str:
    return datetime.fromtimestamp(epoch).strftime("%Y-%m-%d")


def _add(row: LedgerRow, task: Task) -> None:
    charge = charge_of(task)
    estimate = task.cost or 0.0
    row.tasks += 1
    row.estimated += estimate
    row.failed += task.state is TaskState.FAILED
    row.task_ids.append(task.id)
    if charge.status in _CHARGED:
        row.charged += charge.amount if charge.amount is not None else estimate
    elif charge.status in _REFUNDED:
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


def as_csv(rows: Iterable[LedgerRow]) -> str:
    """The rows as CSV (the CLI's --csv; the same columns as the window's copy)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for r in rows:
        writer.writerow(
            [
                r.day,
                r.provider,
                r.unit,
                r.tasks,
                _number(r.estimated),
                _number(r.charged),
                _number(r.refunded),
                _number(r.unknown),
                r.failed,
            ]
        )
    return buffer.getvalue()


def _number(value: float) -> str:
    return f"{value:.4f}".rstrip("0").rstrip(".") or "0"
