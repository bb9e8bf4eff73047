"""What each amount is, in words: the one place the task list, the detail and the buttons ask.

An amount is an estimate (from the app's price table) until the provider confirms a charge;
a task that never left costs nothing; a failed or cancelled task that was sent may or may
not be charged, and the words say which, as far as the provider lets us know.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...domain import catalog
from ...domain.charges import ChargeStatus, charge_of, failed_task_policy
from ...domain.states import TaskState
from ...domain.task import Task
from ..tasks.words import provider_name


def tr(text: str) -> str:
    return QCoreApplication.translate("Money", text)


def money(amount: float, unit: str | None) -> str:
    if unit == "usd":
        return f"${amount:,.2f}"
    shown = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.1f}"
    return tr("{amount} credits").format(amount=shown) if unit == "credits" else shown


def short_money(amount: float, unit: str | None) -> str:
    """The list's narrow column: "$0.19", "30 cr"."""
    if unit == "credits":
        shown = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.1f}"
        return tr("{amount} cr").format(amount=shown)
    return money(amount, unit)


def zero(unit: str | None) -> str:
    return money(0, unit or "usd")


def _estimate(task: Task) -> str:
    return money(task.cost, task.cost_unit) if task.cost is not None else "?"


def _policy_note(task: Task) -> str:
    status, _source = failed_task_policy(task.provider)
    name = provider_name(task.provider)
    return {
        ChargeStatus.REFUNDED: tr("{name} refunds failed tasks").format(name=name),
        ChargeStatus.CHARGED: tr("{name} charges failed tasks").format(name=name),
    }.get(status, tr("{name} does not say whether it charges failed tasks").format(name=name))


def amount_text(task: Task) -> str:
    """The detail's Cost line and the list's tooltip: the amount and what it is."""
    if task.cost is None:
        return "—"
    status, estimate, unit = charge_of(task).status, _estimate(task), task.cost_unit
    S = ChargeStatus
    if status is S.NOT_SENT:
        if task.state.is_final:
            return tr("{zero} · never sent").format(zero=zero(unit))
        if was_sent(task):  # the request has left and its answer is awaited: it may be charged
            return tr("{amount} estimate · being sent").format(amount=estimate)
        return tr("{amount} estimate · not sent yet").format(amount=estimate)
    if status is S.ESTIMATE:
        return tr("{amount} estimate").format(amount=estimate)
    if status is S.CONFIRMED:
        return tr("{amount} charged (video made)").format(amount=estimate)
    if status is S.CHARGED:
        return tr("failed · {amount} charged ({policy})").format(amount=estimate, policy=_policy_note(task))
    if status is S.REFUNDED:
        return tr("failed · {zero}, refunded ({policy})").format(zero=zero(unit), policy=_policy_note(task))
    return _unknown_text(task, estimate)


def _unknown_text(task: Task, estimate: str) -> str:
    if task.state is TaskState.FAILED:
        return tr("failed · charge unknown, up to {amount} ({policy})").format(
            amount=estimate, policy=_policy_note(task)
        )
    if task.state is TaskState.CANCELLED:
        return tr("cancelled · may be charged (up to {amount})").format(amount=estimate)
    return tr("may be charged (up to {amount})").format(amount=estimate)


def short_amount_text(task: Task) -> str:
    """The task list's narrow cost column; its tooltip holds `amount_text`."""
    if task.cost is None:
        return "—"
    status, estimate, unit = charge_of(task).status, short_money(task.cost, task.cost_unit), task.cost_unit
    S = ChargeStatus
    if status is S.NOT_SENT:
        return (
            tr("est. {amount}").format(amount=estimate)
            if not task.state.is_final
            else tr("{zero} not sent").format(zero=short_money(0, unit or "usd"))
        )
    if status is S.ESTIMATE:
        return tr("est. {amount}").format(amount=estimate)
    if status in (S.CONFIRMED, S.CHARGED):
        return tr("{amount} charged").format(amount=estimate)
    if status is S.REFUNDED:
        return tr("{zero} refunded").format(zero=short_money(0, unit or "usd"))
    return tr("up to {amount}?").format(amount=estimate)


def was_sent(task: Task) -> bool:
    """The submit left (or may have left) the machine: only then can anything be charged."""
    return task.submit_started_at is not None or task.remote_id is not None


def price_now(task: Task) -> tuple[float, str] | None:
    """What the same settings cost today (the catalog's price), for a new task like this one."""
    try:
        spec = catalog.find_model(
            task.provider, task.model, task.mode, task.kind if task.kind in ("i2v", "t2v") else None
        )
    except (catalog.CatalogError, KeyError):
        spec = None
    amount = spec.cost(task.duration, task.resolution) if spec is not None else None
    if amount is not None and spec.price is not None:
        return amount, spec.price.unit
    return (task.cost, task.cost_unit or "usd") if task.cost is not None else None


def retry_label(task: Task) -> str:
    """The detail's retry button: a retry is a new, paid task, and says what it costs."""
    verb = tr("Generate again") if task.state is TaskState.SUCCEEDED else tr("Retry")
    price = price_now(task)
    if price is None:
        return tr("{verb} (+ price unknown)").format(verb=verb)
    return tr("{verb} (+{amount})").format(verb=verb, amount=money(*price))
