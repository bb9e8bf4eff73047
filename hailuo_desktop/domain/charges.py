"""What a task costs, and how sure that is: every amount on screen says what it is.

- ESTIMATE: sent, not settled yet; the catalog's price (`Task.cost`).
- CONFIRMED: the provider reported the video done, so the charge happened (the amount is
  the catalog's price: no provider reports the amount per task in its status answer).
- NOT_SENT: $0; never sent, or refused outright at submit (nothing was created).
- CHARGED / REFUNDED / UNKNOWN: a created task that failed, per the provider's documented
  policy (catalog.FAILED_TASK_CHARGES, with its source); UNKNOWN also for a submit whose
  answer was lost, and for a sent task the app stopped following (cancelled, needs a
  check), which the provider may still finish and charge.
The store keeps `charge_status` and `charged_cost` in step with the state in the same
commit (`charge_changes`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .catalog import FAILED_TASK_CHARGES
from .states import TaskState
from .task import Task


class ChargeStatus(StrEnum):
    ESTIMATE = "estimate"
    CONFIRMED = "confirmed"
    NOT_SENT = "not_sent"
    CHARGED = "charged"
    REFUNDED = "refunded"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Charge:
    status: ChargeStatus
    amount: float | None  # None: unknown (or the estimate not settled: see `estimate`)
    estimate: float | None  # the catalog's price for the task
    unit: str | None  # "usd" / "credits"


def failed_task_policy(provider_id: str) -> tuple[ChargeStatus, str]:
    """(what happens to a failed task's money at this provider, where the docs say so)."""
    policy, source = FAILED_TASK_CHARGES.get(provider_id, ("unknown", "not documented"))
    return ChargeStatus(policy), source


def charge_of(task: Task) -> Charge:
    status = _status(task)
    # An amount the provider reported (kept with the same status) wins over the catalog's price.
    reported = task.charged_cost if task.charge_status == status.value else None
    return Charge(status, _amount(status, task.cost, reported), task.cost, task.cost_unit)


def charge_changes(task: Task) -> dict[str, object]:
    """The charge columns that differ from what the task's state now implies."""
    charge = charge_of(task)
    changes: dict[str, object] = {}
    if task.charge_status != charge.status.value:
        changes["charge_status"] = charge.status.value
    if task.charged_cost != charge.amount:
        changes["charged_cost"] = charge.amount
    return changes


def _status(task: Task) -> ChargeStatus:
    sent = task.remote_id is not None
    if task.state is TaskState.SUCCEEDED or task.state is TaskState.DOWNLOADING:
        return ChargeStatus.CONFIRMED
    if task.state is TaskState.FAILED:
        return failed_task_policy(task.provider)[0] if sent else ChargeStatus.NOT_SENT
    if sent:
        return (
            ChargeStatus.UNKNOWN
            if task.state in (TaskState.CANCELLED, TaskState.UNKNOWN, TaskState.NEEDS_CHECK)
            else ChargeStatus.ESTIMATE
        )
    if task.submit_started_at is not None and task.state in (TaskState.UNKNOWN, TaskState.CANCELLED):
        return ChargeStatus.UNKNOWN  # the POST may have created it: the answer was lost
    return ChargeStatus.NOT_SENT


def _amount(status: ChargeStatus, estimate: float | None, reported: float | None) -> float | None:
    if status in (ChargeStatus.NOT_SENT, ChargeStatus.REFUNDED):
        return 0.0
    if status in (ChargeStatus.CONFIRMED, ChargeStatus.CHARGED):
        return reported if reported is not None else estimate
    return None
