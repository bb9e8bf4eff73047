"""A batch as one thing: its outcome counted when it ends, and cancelled at once.

"All 10 tasks are done" after ten failures is a lie; the message counts what happened
("10 finished: 7 ready, 3 failed"). Cancelling a batch stops following every task of it
that is still running, after saying how many the provider already has (and may charge).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtGui import QAction
from qasync import asyncSlot

from ..domain.batches import BatchOutcome, count_outcomes
from ..domain.task import Task
from .dialogs import confirm
from .money.words import was_sent
from .slots import SlotTasks, reports_errors
from .tasks.words import provider_name


def tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("Batches", text, None, n)


def outcome_text(outcome: BatchOutcome) -> tuple[str, str]:
    """(title, text) for a finished batch: every outcome counted, never "all done" after failures."""
    parts = [tr("%n ready", outcome.ready)]
    for count, words in (
        (outcome.failed, "%n failed"),
        (outcome.needs_check, "%n need a check"),
        (outcome.cancelled, "%n cancelled"),
        (outcome.running, "%n still running"),
    ):
        if count:
            parts.append(tr(words, count))
    text = tr("%n finished: ", outcome.finished) + ", ".join(parts)
    if outcome.all_ready:
        title = tr("Batch ready")
    elif outcome.failed or outcome.needs_check:
        title = tr("Batch finished with problems")
    else:
        title = tr("Batch finished")
    return title, text


def _cancellable(task: Task | None) -> bool:
    return task is not None and bool(task.batch_id) and not task.state.is_final


class BatchFlow(QObject):
    def __init__(self, window, store, link, bridge, notifier, errors, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window, self.store, self.link, self.notifier = window, store, link, notifier
        self.errors = errors  # the ErrorReporter of the window's one error place
        self.slot_tasks = SlotTasks()
        self.cancel_action = QAction(tr("Cancel the whole &batch…"), window)
        self.cancel_action.setToolTip(tr("Stop following every unfinished task of this Generate click"))
        self.cancel_action.triggered.connect(self._cancel_selected_batch)
        window.takes.register(
            self.cancel_action, lambda tasks: len(tasks) == 1 and _cancellable(tasks[0]), group="batch"
        )
        bridge.batch_finished.connect(self.on_batch_finished)

    @Slot(str, int)
    def on_batch_finished(self, batch_id: str, _total: int) -> None:
        self.notifier.notify(*outcome_text(count_outcomes(self.store.batch_tasks(batch_id))))

    def _cancel_selected_batch(self) -> None:
        task = self.window.takes.task()
        if task is not None and task.batch_id:
            self.cancel_batch(task.batch_id)

    @asyncSlot(str)
    @reports_errors
    async def cancel_batch(self, batch_id: str) -> None:
        open_tasks = [t for t in self.store.batch_tasks(batch_id) if not t.state.is_final]
        if not open_tasks or not await self._confirm(open_tasks):
            return
        await self.link.call(lambda e: e.runner.cancel_batch(batch_id))
        self.window.statusBar().showMessage(tr("%n task(s) of the batch cancelled.", len(open_tasks)), 6000)

    async def _confirm(self, open_tasks: list[Task]) -> bool:
        sent = sum(1 for t in open_tasks if was_sent(t))
        text = tr("%n unfinished task(s) of this batch will no longer be followed.", len(open_tasks))
        if sent:
            name = provider_name(open_tasks[0].provider)
            text += "\n" + tr(
                "%n of them were already sent: {name} may still charge for them, and their "
                "videos will not be saved unless you resume them.",
                sent,
            ).format(name=name)
        return await confirm(
            self.window, tr("Cancel the whole batch?"), text, tr("Cancel the batch"), tr("Keep following")
        )
