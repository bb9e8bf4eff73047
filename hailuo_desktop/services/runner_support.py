"""Small parts of the runner: whether a task still needs work, its model, its provider's name,
and the heartbeat that keeps this process's task leases."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from ..domain.catalog import CatalogError, ModelSpec, find_model
from ..domain.catalog import provider as provider_spec
from ..domain.states import TaskState
from ..domain.task import Task
from .intake import ImageCheck
from .lease import Leases

log = logging.getLogger("hailuo_desktop.services.runner")

DONE_STATES = {TaskState.SUCCEEDED, TaskState.FAILED, TaskState.CANCELLED}


def needs_work(task: Task) -> bool:
    if task.state in DONE_STATES:
        return False
    # UNKNOWN without a remote id may exist at the provider: never sent again by itself.
    return not (task.state is TaskState.UNKNOWN and task.remote_id is None)


def provider_name(provider_id: str) -> str:
    try:
        return provider_spec(provider_id).name
    except CatalogError:
        return provider_id


def model_of(task: Task) -> ModelSpec:
    return find_model(task.provider, task.model, task.mode, task.kind)


def default_image_check() -> ImageCheck:
    from .imagecheck import check_image  # the platform's reader (Pillow, header only)

    return check_image


async def keep_leases(
    leases: Leases, sleep: Callable[[float], Awaitable[None]], stop_lost: Callable[[str], None]
) -> None:
    """Renew this process's leases while it holds any; stop a job whose lease was lost."""
    while leases.holding():
        await sleep(leases.terms.renew_after)
        try:
            lost = leases.renew_all()
        except Exception:  # a busy database now and then: the next beat tries again
            log.exception("could not renew the task leases")
            continue
        for task_id in lost:
            stop_lost(task_id)
