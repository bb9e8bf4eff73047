"""What each amount is, in words: the one place the task list, the detail and the buttons ask.

An amount is an estimate (from the app's price table) until the provider confirms a charge;
a task that never left costs nothing; a failed or cancelled task that was sent may or may
not be charged, and the words say which, as far as the provider lets us know.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...domain import catalog
from ...domain.states import TaskState
from ...domain.task import Task

# Values of Task.charge_status the window words (the runner writes them).
CHARGED, REFUNDED, NOT_CHARGED, UNKNOWN = "charged", "refunded", "not_charged", "unknown"


def tr(text: str) -> str:
    return QCoreApplication.translate("Money", text)


def money(amount: float, unit: str | None) -> str:
    if unit == "usd":
        return f"${amount:,.2f}"
    shown = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.1f}"
    return tr("{amount} credits").format(amount=shown) if unit == "credits" else shown


def zero(unit: str | None) -> str:
    return money(0, unit or "usd")


def was_sent(task: Task) -> bool:
    """The submit left (or may have left) the machine: only then can anything be charged."""
    return task.submit_started_at is not None or task.remote_id is not None


def amount_text(task: Task) -> str:
    """The cost column and the detail's Cost line."""
    if task.cost is None and task.charged_cost is None:
        return "—"
    estimate = money(task.cost, task.cost_unit) if task.cost is not None else "?"
    if not was_sent(task):
        return (tr("{amount} estimate · not sent yet").format(amount=estimate) if not task.state.is_final
                else tr("{zero} · never sent").format(zero=zero(task.cost_unit)))
    status = task.charge_status
    if status == CHARGED and task.charged_cost is not None:
        return tr("{amount} charged").format(amount=money(task.charged_cost, task.cost_unit))
    if status in (REFUNDED, NOT_CHARGED):
        word = tr("refunded") if status == REFUNDED else tr("not charged")
        return tr("{zero} · {word}").format(zero=zero(task.cost_unit), word=word)
    return _unsettled(task, estimate)


def _unsettled(task: Task, estimate: str) -> str:
    if task.state is TaskState.SUCCEEDED or not task.state.is_final:
        return tr("{amount} estimate").format(amount=estimate)
    if task.state is TaskState.FAILED and task.charge_status == CHARGED:
        return tr("failed · {amount} charged").format(amount=estimate)
    if task.state is TaskState.FAILED:
        return tr("failed · charge unknown (up to {amount})").format(amount=estimate)
    if task.state is TaskState.CANCELLED:
        return tr("cancelled · may be charged (up to {amount})").format(amount=estimate)
    return tr("may be charged (up to {amount})").format(amount=estimate)


def short_amount_text(task: Task) -> str:
    """The task list's narrow cost column; its tooltip holds `amount_text`."""
    if task.cost is None and task.charged_cost is None:
        return "—"
    estimate = money(task.cost, task.cost_unit) if task.cost is not None else "?"
    if not was_sent(task):
        return tr("est. {amount}").format(amount=estimate) if not task.state.is_final else \
            tr("{zero} not sent").format(zero=zero(task.cost_unit))
    if task.charge_status == CHARGED and task.charged_cost is not None:
        return tr("{amount} charged").format(amount=money(task.charged_cost, task.cost_unit))
    if task.charge_status in (REFUNDED, NOT_CHARGED):
        return tr("{zero} refunded").format(zero=zero(task.cost_unit)) if task.charge_status == REFUNDED else \
            tr("{zero} not charged").format(zero=zero(task.cost_unit))
    if task.state is TaskState.SUCCEEDED or not task.state.is_final:
        return tr("est. {amount}").format(amount=estimate)
    return tr("up to {amount}?").format(amount=estimate)


def price_now(task: Task) -> tuple[float, str] | None:
    """What the same settings cost today (the catalog's price), for a new task like this one."""
    try:
        spec = catalog.find_model(task.provider, task.model, task.mode, task.kind if task.kind in ("i2v", "t2v")
                                  else None)
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
