"""What the task detail's buttons and the task list's shortcuts do.

Open the video, show its folder, reuse its settings, retry (a new task), cancel (stop
following), remove from the list. Each async slot reports errors in the one error place.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from qasync import asyncSlot

from ..domain.states import TaskState
from ..domain.task import Task
from ..services.store import StoreEvent
from .cancelling import confirm_stop_following
from .context import AppContext
from .dialogs import confirm
from .main_window import MainWindow
from .slots import ErrorReporter, SlotTasks, reports_errors
from .tasks.bridge import StoreBridge

STATUS_MS = 6000


class TaskActions(QObject):
    reuse_image = Signal(str)  # a local path or a public URL to put back in the compose list

    def __init__(
        self,
        window: MainWindow,
        context: AppContext,
        bridge: StoreBridge,
        errors: ErrorReporter,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.detail = window.detail
        self.context = context
        self.store = context.store
        self.link = context.link
        self.errors = errors
        self.slot_tasks = SlotTasks()
        self._bridge = bridge
        self._connect()

    def _connect(self) -> None:
        d = self.detail
        d.open_file_requested.connect(self.open_file)
        d.show_in_folder_requested.connect(self.show_in_folder)
        d.reuse_requested.connect(self.reuse)
        d.retry_requested.connect(self.retry)
        d.cancel_requested.connect(self.cancel)
        d.remove_requested.connect(self.remove)
        self.window.tasks.task_selected.connect(self.on_selected)
        self.window.actions.remove_task.triggered.connect(self.remove_selected)
        self._bridge.event.connect(self._on_store_event)

    def close(self) -> None:
        self._bridge.event.disconnect(self._on_store_event)
        self.detail.stop()

    # --- showing ---------------------------------------------------------------------
    @Slot(object)
    def on_selected(self, task_id: str | None) -> None:
        self.detail.show_task(self._get(task_id) if task_id else None)

    @Slot(object)
    def _on_store_event(self, event: StoreEvent) -> None:
        self.window.takes.update_task(event.task, event.task_id)
        shown = self.detail.task
        if shown is None or event.task_id != shown.id:
            return
        self.detail.show_task(event.task)  # None when removed

    def _get(self, task_id: str) -> Task | None:
        try:
            return self.store.get(task_id)
        except KeyError:
            return None

    # --- files -----------------------------------------------------------------------
    @Slot(str)
    def open_file(self, path: str) -> None:
        self._open(QUrl.fromLocalFile(path))

    @Slot(str)
    def show_in_folder(self, path: str) -> None:
        self._open(QUrl.fromLocalFile(os.path.dirname(path)))

    def open_link(self, link: str) -> None:
        self._open(QUrl(link))

    def _open(self, url: QUrl) -> None:
        if not QDesktopServices.openUrl(url):
            self.window.statusBar().showMessage(
                self.tr("No application could open {target}.").format(target=url.toDisplayString()), STATUS_MS
            )

    # --- reuse, retry, cancel, remove ------------------------------------------------
    @Slot(object)
    def reuse(self, task: Task) -> None:
        self.window.compose.apply_settings(
            task.provider,
            task.model,
            task.mode,
            task.duration,
            task.resolution,
            task.prompt,
            task.prompt_optimizer,
            task.kind,
        )
        if task.image_path and os.path.exists(task.image_path):
            self.reuse_image.emit(task.image_path)
        elif task.image_url and not task.image_path:  # a URL the user gave (uploads keep their path)
            self.reuse_image.emit(task.image_url)

    def retry_selected(self) -> None:
        task_id = self.window.tasks.selected_id()
        if task_id:
            self.retry(task_id)

    @asyncSlot(str)
    @reports_errors
    async def retry(self, task_id: str) -> None:
        task = self.store.get(task_id)
        if task.state is TaskState.UNKNOWN and not await confirm(
            self.window,
            self.tr("Retry a task that may have been charged?"),
            self.tr(
                "The provider may already have created this task. Check its dashboard first: "
                "a retry is a new task and is charged again."
            ),
            self.tr("Retry anyway"),
            self.tr("Keep"),
        ):
            return
        fresh = await self.link.call(lambda e: e.retry(task_id))
        self.window.tasks.select(fresh.id)

    @asyncSlot(str)
    @reports_errors
    async def cancel(self, task_id: str) -> None:
        if await confirm_stop_following(self.window, self.store.get(task_id)):
            await self.link.call(lambda e: e.runner.cancel(task_id))

    def remove_selected(self) -> None:
        for task_id in self.window.tasks.selected_ids():  # every selected take, not just the last
            self.remove(task_id)

    @asyncSlot(str)
    @reports_errors
    async def remove(self, task_id: str) -> None:
        task = self._get(task_id)
        if task is None:
            return
        if not task.state.is_final:
            if not await confirm(
                self.window,
                self.tr("Remove a running task?"),
                self.tr(
                    "This task is still running: removing it stops following it, and a "
                    "video the provider makes will not be saved."
                ),
                self.tr("Stop and remove"),
                self.tr("Keep"),
            ):
                return
            await self.link.call(lambda e: e.runner.cancel(task_id))
        self.store.remove(task_id)

    async def confirm_quit(self, active: int) -> bool:
        return await confirm(
            self.window,
            self.tr("Quit while tasks are running?"),
            self.tr(
                "{n} task(s) are still running or saving their video. They continue when you open the app "
                "again, as long as the provider still holds the results."
            ).format(n=active),
            self.tr("Quit"),
            self.tr("Keep running"),
        )
