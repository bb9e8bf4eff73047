"""Resume or give up a task the app stopped following (needs a check, cancelled, timed out).

Resume drives it again through the runner, which polls the task the provider already has
(it is never sent again); Give up stops for good after saying what that means.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from qasync import asyncSlot

from .dialogs import confirm
from .slots import SlotTasks, reports_errors
from .tasks.activity import resumable
from .tasks.words import provider_name


def tr(text: str) -> str:
    return QCoreApplication.translate("CheckFlow", text)


class CheckFlow(QObject):
    resumed = Signal(str)  # a task id the runner follows again

    def __init__(self, window, link, store, errors, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window, self.link, self.store, self.errors = window, link, store, errors
        self.slot_tasks = SlotTasks()
        bar = window.detail.check_bar
        bar.resume_requested.connect(self.resume)
        bar.give_up_requested.connect(self.give_up)

    @asyncSlot(str)
    @reports_errors
    async def resume(self, task_id: str) -> None:
        if resumable(self.store.get(task_id)):
            # Polls the task the provider has (never sends it again); done on the engine's thread before `resumed`.
            await self.link.ask(lambda e: e.runner.resume(task_id))
            self.resumed.emit(task_id)

    @asyncSlot(str)
    @reports_errors
    async def give_up(self, task_id: str) -> None:
        task = self.store.get(task_id)
        name = provider_name(task.provider)
        if await confirm(
            self.window,
            tr("Give up this task?"),
            tr(
                "The app stops checking it for good. {name} may still finish it and charge for it; "
                "its video would then not be saved here."
            ).format(name=name),
            tr("Give up"),
            tr("Keep it"),
        ):
            await self.link.call(lambda e: e.runner.give_up(task_id))
