"""What Cancel means, said before it happens.

A task not sent yet is simply dropped: nothing was charged. A task the provider already
has keeps running there: it may still be charged, and once we stop following, its video
is not saved. The user hears that, and can keep following.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ..domain.task import Task
from .dialogs import confirm
from .money.words import was_sent
from .tasks.words import provider_name


def tr(text: str) -> str:
    return QCoreApplication.translate("Cancelling", text)


def stop_following_words(task: Task) -> tuple[str, str]:
    name = provider_name(task.provider)
    return (
        tr("Stop following a task {name} already has?").format(name=name),
        tr(
            "{name} has this task and may still charge for it. If you stop following it, its video will "
            "not be saved here. You can resume following it later."
        ).format(name=name),
    )


async def confirm_stop_following(parent: QWidget, task: Task) -> bool:
    """True: go on and cancel. Asks only when the provider may already have (and charge for) the task."""
    if task.state.is_final or not was_sent(task):
        return True
    title, text = stop_following_words(task)
    return await confirm(parent, title, text, tr("Stop following"), tr("Keep following"))
