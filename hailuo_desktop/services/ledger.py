"""The cost ledger: what was spent, per provider and day, from the task store.

Every amount comes from `domain.charges.charge_of`, so the ledger and the task rows agree:
confirmed charges, estimates for tasks still running, amounts in doubt (an answer lost, a
sent task cancelled), and $0 for everything never sent or refunded. A task counts on the
local day it was sent (that is when providers charge). Units stay apart: APIXO bills in
USD, kie, Apikley and API in One in credits.
"""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime

from ..domain.charges import ChargeStatus, charge_of
from ..domain.task import Task

CSV_FIELDS = ("day", "provider", "unit", "tasks", "confirmed", "estimated", "in_doubt", "not_charged")


@dataclass(frozen=True)
class LedgerRow:
    day: date
    provider: str
    unit: str  # "usd" / "credits" / "" when the catalog has no price
    tasks: int = 0  # tasks sent that day
    confirmed: float = 0.0  # charged for sure: videos made, failed tasks the provider charges
    estimated: float = 0.0  # sent and not settled yet: the catalog's price
    in_doubt: float = 0.0  # may have been charged: answer lost, cancelled or stuck after sending
    not_charged: int = 0  # sent tasks that cost nothing (refused, refunded)

    @property
    def spent(self) -> float:
        """Confirmed plus estimated: the best figure for "spent today"."""
        return self.confirmed + self.estimated


def ledger_rows(tasks: Iterable[Task], *, since: date | None = None) -> list[LedgerRow]:
    """One row per (day, provider, unit), oldest first; tasks never sent are left out."""
    rows: dict[tuple[date, str, str], LedgerRow] = {}
    for task in tasks:
        sent_at = task.submitted_at or task.submit_started_at
        if sent_at is None:
            continue
        day = datetime.fromtimestamp(sent_at).date()
        if since is not None and day < since:
            continue
        key = (day, task.provider, task.cost_unit or "")
        rows[key] = _add(rows.get(key) or LedgerRow(*key), task)
    return [rows[key] for key in sorted(rows)]


def _add(row: LedgerRow, task: Task) -> LedgerRow:
    charge = charge_of(task)
    price = charge.estimate or 0.0
    row = replace(row, tasks=row.tasks + 1)
    if charge.status in (ChargeStatus.CONFIRMED, ChargeStatus.CHARGED):
        return replace(row, confirmed=row.confirmed + (charge.amount or 0.0))
    if charge.status is ChargeStatus.ESTIMATE:
        return replace(row, estimated=row.estimated + price)
    if charge.status is ChargeStatus.UNKNOWN:
        return replace(row, in_doubt=row.in_doubt + price)
    return replace(row, not_charged=row.not_charged + 1)


def spent_on(tasks: Iterable[Task], day: date) -> dict[str, LedgerRow]:
    """provider -> its row for `day` (the first unit it billed in, as providers bill in one)."""
    spent: dict[str, LedgerRow] = {}
    for row in ledger_rows(tasks, since=day):
        if row.day == day:
            spent.setdefault(row.provider, row)
    return spent


def as_csv(rows: Iterable[LedgerRow]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for r in rows:
        writer.writerow([r.day.isoformat(), r.provider, r.unit, r.tasks, _number(r.confirmed), _number(r.estimated),
                         _number(r.in_doubt), r.not_charged])
    return buffer.getvalue()


def _number(value: float) -> str:
    return f"{value:.4f}".rstrip("0").rstrip(".") or "0"


class CostLedger:
    """The ledger over a task store, for the window's panel and `hailuo-desktop ledger`."""

    def __init__(self, store, clock: Callable[[], float] = time.time) -> None:
        self._store = store
        self._clock = clock

    def rows(self, since: date | None = None) -> list[LedgerRow]:
        return ledger_rows(self._store.list(), since=since)

    def spent_today(self) -> dict[str, LedgerRow]:
        """provider -> today's row (confirmed, estimated, in doubt) in local time."""
        return spent_on(self._store.list(), datetime.fromtimestamp(self._clock()).date())
