"""The workspace's behaviour: the grid beside the list, triage keys, compare, copy, export.

Built once per window (shell.py). Its actions are registered with the window's take
registry (so they are in the Take menu, the right-click menus of the list and the grid,
with their shortcuts), and scoped to the takes' side of the window so a single key such
as S never fires while the user works in compose.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from PySide6.QtCore import QObject, QSettings, Qt, Slot
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMenu
from qasync import asyncSlot

from ...domain.task import Task
from ...services.saved_posters import posters_dir
from ...services.store import StoreEvent
from ..errors import UserMessage
from ..media_support import media_support, unavailable_text
from ..slots import SlotTasks, reports_errors
from ..take_actions import all_finished, any_selected, one_finished
from .drag import copy_files, take_files
from .grid import TakeGrid
from .posters import PosterFrames, poster_maker

VIEW_KEY = "workspace/view"
STATUS_MS = 6000


def comparable(tasks: Sequence[Task]) -> bool:
    return 2 <= len(tasks) <= 4 and all_finished(tasks)


def some_finished(tasks: Sequence[Task]) -> bool:
    """At least one take with its video saved (the others are left out of a copy or export)."""
    return any(all_finished([t]) for t in tasks)


def unfinished(tasks: Sequence[Task]) -> bool:
    return any(not t.state.is_final for t in tasks)


class Workspace(QObject):
    def __init__(
        self, window, context, bridge, task_actions, qsettings: QSettings, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.context = context
        self.store = context.store
        self.task_actions = task_actions
        self.errors = task_actions.errors
        self.slot_tasks = SlotTasks()
        self._qsettings = qsettings
        self.compare_view = None
        panel = window.tasks
        self.grid = TakeGrid(panel.model, PosterFrames(poster_maker(posters_dir(context.paths))))
        self.grid.setSelectionModel(panel.table.selectionModel())
        panel.add_view(self.grid)
        window.takes.attach(self.grid, panel.selected_tasks)
        self._build_actions()
        bridge.event.connect(self.on_store_event)
        self.show_grid(self._qsettings.value(VIEW_KEY, "list") == "grid")

    # --- actions -----------------------------------------------------------------------
    def _action(
        self,
        text: str,
        tip: str,
        shortcut: str | QKeySequence | None,
        handler,
        rule,
        group: str,
        *,
        scoped: bool = True,
        over: tuple | None = None,
    ) -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            keys = QKeySequence(shortcut)
            action.setShortcut(keys)
            tip = f"{tip} ({keys.toString(QKeySequence.SequenceFormat.NativeText)})"
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(handler)
        self.window.takes.register(action, rule, group=group)
        if scoped:
            # Only over the takes (list, grid, detail): never while working in compose.
            self.window.removeAction(action)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            for widget in over or (self.window.tasks, self.window.detail):
                widget.addAction(action)
        return action

    def _build_actions(self) -> None:
        tr = self.tr
        self.star = self._action(
            tr("S&tar (keep)"),
            tr("Mark the selected takes as keepers, or unmark them"),
            "S",
            self.toggle_star,
            any_selected,
            "triage",
        )
        self.reject = self._action(
            tr("Reject (&hide)"),
            tr("Hide the selected takes from the default view, or bring them back"),
            "X",
            self.toggle_reject,
            any_selected,
            "triage",
        )
        self.compare = self._action(
            tr("Co&mpare side by side"),
            tr("Play 2 to 4 finished takes in sync"),
            "C",
            self.open_compare,
            comparable,
            "look",
        )
        self.copy = self._action(
            tr("C&opy video files"),
            tr("Copy the videos, to paste in a file manager or editor"),
            QKeySequence.StandardKey.Copy,
            self.copy_selected,
            some_finished,
            "out",
        )
        self.export = self._action(
            tr("E&xport…"),
            tr("Copy the videos to a folder with readable names, their prompts inside"),
            "Ctrl+E",
            self.export_selected,
            some_finished,
            "out",
            scoped=False,
        )
        self.cancel = self._action(
            tr("Ca&ncel"),
            tr("Stop following the selected running takes"),
            "Ctrl+.",
            self.cancel_selected,
            unfinished,
            "manage",
        )
        self.reuse = self._action(
            tr("Re&use settings"),
            tr("Put this take's image, prompt and settings in compose"),
            "Ctrl+Shift+U",
            self.reuse_selected,
            lambda t: len(t) == 1,
            "manage",
        )
        self.open_video = self._action(
            tr("Open &video"),
            tr("Open the video in your player"),
            "Return",
            self._with_one(lambda t: self.task_actions.open_file(t.video_path)),
            one_finished,
            "look",
            over=(self.window.tasks.table, self.grid),
        )
        self.show_folder = self._action(
            tr("Show in &folder"),
            tr("Open the folder that holds the video"),
            "Ctrl+Shift+F",
            self._with_one(lambda t: self.task_actions.show_in_folder(t.video_path)),
            one_finished,
            "look",
        )
        self.copy_prompt = self._action(
            tr("Copy &prompt"),
            tr("Copy the full prompt"),
            "Ctrl+Shift+C",
            self._with_one(lambda t: QGuiApplication.clipboard().setText(t.prompt)),
            lambda t: len(t) == 1,
            "out",
        )
        self.again = self._action(
            tr("&Generate again"),
            tr("Start a new task with the same settings (charged again)"),
            "Ctrl+R",
            self._with_one(lambda t: self.task_actions.retry(t.id)),
            lambda t: len(t) == 1 and t[0].state.is_final,
            "manage",
        )
        self.window.takes.register(self.window.actions.remove_task, any_selected, group="manage")
        self.grid_toggle = QAction(tr("&Grid of takes"), self.window)
        self.grid_toggle.setCheckable(True)
        self.grid_toggle.setShortcut(QKeySequence("Ctrl+G"))
        self.grid_toggle.setToolTip(tr("Show the takes as tiles instead of a list (Ctrl+G)"))
        self.grid_toggle.toggled.connect(self.show_grid)
        self.window.addAction(self.grid_toggle)
        bar = self.window.menuBar()
        self.view_menu = QMenu(tr("&View"), self.window)
        self.view_menu.addActions(self.view_actions())
        menus = bar.actions()
        bar.insertMenu(menus[-1], self.view_menu) if menus else bar.addMenu(self.view_menu)  # before Settings

    def view_actions(self) -> list[QAction]:
        return [self.grid_toggle]

    # --- the grid ----------------------------------------------------------------------
    @Slot(bool)
    def show_grid(self, on: bool) -> None:
        panel = self.window.tasks
        panel.show_view(self.grid if on else panel.table)
        if not on:
            self.grid.stop_playing()
        if self.grid_toggle.isChecked() != on:
            self.grid_toggle.setChecked(on)
        self._qsettings.setValue(VIEW_KEY, "grid" if on else "list")

    def release(self) -> None:
        if self.compare_view is not None:
            self.compare_view.close()
        self.grid.release()

    # --- triage ------------------------------------------------------------------------
    def _selected(self) -> list[Task]:
        return self.window.takes.tasks()

    @Slot()
    def toggle_star(self) -> None:
        tasks = self._selected()
        on = not all(t.starred for t in tasks)
        for task in tasks:
            # A keeper is not rejected; unstarring leaves rejection alone.
            self.store.update(task.id, starred=on, **({"rejected": False} if on else {}))
        self._say(tr_count(self.tr, len(tasks), on, self.tr("starred"), self.tr("unstarred")))

    @Slot()
    def toggle_reject(self) -> None:
        tasks = self._selected()
        on = not all(t.rejected for t in tasks)
        for task in tasks:
            self.store.update(task.id, rejected=on, **({"starred": False} if on else {}))
        self._say(tr_count(self.tr, len(tasks), on, self.tr("rejected (hidden)"), self.tr("back in view")))

    def keep(self, kept: str, rejected: list[str]) -> None:
        """Star one take and reject the others (compare's number keys)."""
        self.store.update(kept, starred=True, rejected=False)
        for task_id in rejected:
            self.store.update(task_id, rejected=True, starred=False)

    # --- compare -----------------------------------------------------------------------
    @Slot()
    def open_compare(self) -> None:
        tasks = self._selected()
        if not comparable(tasks):
            self._say(self.tr("Select 2 to 4 finished takes to compare them."))
            return
        support = media_support()
        if not support.available:
            self._say(unavailable_text(support))
            return
        from .compare import CompareView

        if self.compare_view is not None:
            self.compare_view.close()
        view = CompareView(tasks, self.window)
        view.keep_requested.connect(self.keep)
        self.compare_view = view
        view.destroyed.connect(lambda *_: setattr(self, "compare_view", None))
        view.show()
        view.group.play()

    @Slot(object)
    def on_store_event(self, event: StoreEvent) -> None:
        if self.compare_view is not None and event.task is not None:
            self.compare_view.show_task(event.task)

    # --- out ---------------------------------------------------------------------------
    @Slot()
    def copy_selected(self) -> None:
        count = copy_files(self._selected())
        self._say(
            self.tr("{n} video file(s) copied: paste them in a file manager or an editor.").format(n=count)
            if count
            else self.tr("No finished video among the selected takes.")
        )

    @asyncSlot()
    @reports_errors
    async def export_selected(self) -> None:
        tasks = [t for t in self._selected() if take_files([t])]
        if not tasks:
            self._say(self.tr("No finished video among the selected takes."))
            return
        from ..dialogs import run_dialog
        from .export_dialog import ExportDialog

        dialog = ExportDialog(tasks, self._qsettings, str(self.context.paths.output), self.window)
        if not await run_dialog(dialog):
            return
        folder, template = dialog.choice()
        await self.export_to(tasks, folder, template)

    async def export_to(self, tasks: Sequence[Task], folder: str, template: str) -> list:
        from ...services.media import MediaError, export_takes
        from .export_dialog import media_error_text

        try:
            written = await asyncio.to_thread(export_takes, list(tasks), folder, template)
        except MediaError as error:
            self.errors.show(
                UserMessage(self.tr("Export stopped"), media_error_text(error, self.tr), None, error.message)
            )
            return []
        except OSError as error:
            self.errors.show(
                UserMessage(
                    self.tr("Export stopped"),
                    self.tr("The folder {folder} cannot be written: {why}").format(
                        folder=folder, why=error.strerror or str(error)
                    ),
                    None,
                    str(error),
                )
            )
            return []
        self._say(self.tr("{n} take(s) exported to {folder}.").format(n=len(written), folder=folder))
        return written

    # --- manage ------------------------------------------------------------------------
    @asyncSlot()
    @reports_errors
    async def cancel_selected(self) -> None:
        """One question for the whole selection (only when a provider may already charge), then stop each."""
        from ..cancelling import stop_following_words
        from ..dialogs import confirm
        from ..money.words import was_sent

        tasks = [t for t in self._selected() if not t.state.is_final]
        sent = [t for t in tasks if was_sent(t)]
        if sent:
            title, text = stop_following_words(sent[0])
            if len(sent) > 1:
                title = self.tr("Stop following {n} takes?").format(n=len(sent))
            if not await confirm(self.window, title, text, self.tr("Stop following"), self.tr("Keep following")):
                return
        ids = [t.id for t in tasks]
        await self.context.link.call(lambda e: _cancel_all(e.runner, ids))

    @Slot()
    def reuse_selected(self) -> None:
        task = self.window.takes.task()
        if task is not None:
            self.task_actions.reuse(task)

    def _with_one(self, handler):
        def run() -> None:
            task = self.window.takes.task()
            if task is not None:
                handler(task)

        return run

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, STATUS_MS)


def tr_count(tr, n: int, on: bool, on_word: str, off_word: str) -> str:
    return tr("{n} take(s) {what}.").format(n=n, what=on_word if on else off_word)


async def _cancel_all(runner, task_ids: list[str]) -> None:
    """On the engine's loop: stop following every one of them at once."""
    await asyncio.gather(*(runner.cancel(task_id) for task_id in task_ids))
