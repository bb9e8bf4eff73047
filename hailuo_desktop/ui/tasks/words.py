"""How a task's fields read in the list and the detail (one place, through tr())."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...domain import catalog
from ...domain.states import TaskState
from ...domain.task import Task

EXCERPT_CHARS = 90


def tr(text: str) -> str:
    return QCoreApplication.translate("TaskWords", text)


def state_text(state: TaskState) -> str:
    return {
        TaskState.QUEUED: tr("Queued"),
        TaskState.RUNNING: tr("Generating"),
        TaskState.DOWNLOADING: tr("Saving video"),
        TaskState.SUCCEEDED: tr("Done"),
        TaskState.FAILED: tr("Failed"),
        TaskState.UNKNOWN: tr("Unknown: check"),
        TaskState.CANCELLED: tr("Cancelled"),
        TaskState.NEEDS_CHECK: tr("Needs a check"),
    }[state]


def prompt_excerpt(prompt: str) -> str:
    line = " ".join(prompt.split())
    return line if len(line) <= EXCERPT_CHARS else line[: EXCERPT_CHARS - 1] + "…"


def provider_name(provider_id: str) -> str:
    spec = catalog.PROVIDERS.get(provider_id)
    return spec.name if spec else provider_id


def model_label(task: Task) -> str:
    try:
        kind = task.kind if task.kind in ("i2v", "t2v") else None
        return catalog.find_model(task.provider, task.model, task.mode, kind).label
    except (catalog.CatalogError, KeyError):
        return task.model


def model_text(task: Task) -> str:
    return f"{provider_name(task.provider)} · {model_label(task)}"


def cost_text(cost: float | None, unit: str | None) -> str:
    if cost is None:
        return "—"
    if unit == "usd":
        return f"${cost:.2f}"
    amount = f"{cost:g}"
    return tr("{amount} credits").format(amount=amount) if unit == "credits" else amount


def settings_text(task: Task) -> str:
    parts = [model_text(task)]
    if task.duration:
        parts.append(tr("{seconds} s").format(seconds=task.duration))
    if task.resolution:
        parts.append(task.resolution)
    if task.prompt_optimizer is not None:
        parts.append(tr("prompt optimizer on") if task.prompt_optimizer else tr("prompt optimizer off"))
    return " · ".join(parts)
