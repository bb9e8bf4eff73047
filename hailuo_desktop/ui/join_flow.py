"""Join into one video: the selected takes in the order they were picked, or the whole shot
of one take (its chain), into one MP4 by stream copy with a sidecar listing the takes.

The file is named like an export (the same folder and name template the Export dialog
remembers), and carries the same tags; the Qt-free core does the work off the GUI thread.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from qasync import asyncSlot

from ..domain.states import TaskState
from ..domain.task import Task
from ..services.lineage import sequence_through
from .context import AppContext
from .dialogs import run_dialog
from .main_window import MainWindow
from .slots import ErrorReporter, SlotTasks, reports_errors
from .take_actions import all_finished
from .window_settings import window_settings

if TYPE_CHECKING:  # the media core and the dialogs are imported on the first join, not at start-up
    from ..services.media import VideoInfo
    from .join_dialog import JoinDialog

STATUS_MS = 8000
JOIN_SHORTCUT = "Ctrl+J"


def _finished(task: Task) -> bool:
    return task.state is TaskState.SUCCEEDED and bool(task.video_path)


def _probe_all(tasks: list[Task]) -> dict[str, VideoInfo]:
    """Each take's video facts; a take whose video cannot be read is left out of the answer."""
    from ..services.media import MediaError, probe, video_of

    infos = {}
    for task in tasks:
        try:
            infos[task.id] = probe(video_of(task))
        except MediaError:
            continue
    return infos


class JoinFlow(QObject):
    dialog_opened = Signal(object)  # the JoinDialog now open (tests drive it)
    joined = Signal(object)  # the ExportedFile written

    def __init__(
        self, window: MainWindow, context: AppContext, errors: ErrorReporter, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.context = context
        self.store = context.store
        self.errors = errors
        self.slot_tasks = SlotTasks()
        self._qsettings = window_settings(context.paths)
        self.dialog: JoinDialog | None = None
        self.action = QAction(self.tr("&Join into one video…"), window)
        self.action.setShortcut(QKeySequence(JOIN_SHORTCUT))
        tip = self.tr("Join the selected takes in the order you picked them, or one take's whole shot, into one video")
        self.action.setToolTip(f"{tip} ({JOIN_SHORTCUT})")
        self.action.setStatusTip(tip)
        window.takes.register(self.action, all_finished, group="shot")
        self.action.triggered.connect(self.join_selected)

    def takes_to_join(self) -> list[Task]:
        """The selection in pick order; one take alone stands for its whole shot."""
        tasks = self.window.takes.tasks()
        if len(tasks) == 1:
            tasks = sequence_through(self.store, tasks[0].id)
        return [t for t in tasks if _finished(t)]

    @asyncSlot()
    @reports_errors
    async def join_selected(self) -> None:
        tasks = self.takes_to_join()
        if not tasks:
            return
        from ..services.media import export_sequence
        from .join_dialog import JoinDialog
        from .workspace.export_dialog import FOLDER_KEY

        infos = await asyncio.to_thread(_probe_all, tasks)
        folder = str(self._qsettings.value(FOLDER_KEY, str(self.context.paths.output)))
        dialog = JoinDialog(tasks, infos, folder, self._file_name(tasks, Path(folder).expanduser()), self.window)
        self.dialog = dialog
        self.dialog_opened.emit(dialog)
        if not await run_dialog(dialog):
            return
        chosen, output = dialog.tasks(), dialog.output()
        self._qsettings.setValue(FOLDER_KEY, str(output.parent))
        exported = await asyncio.to_thread(export_sequence, chosen, output)
        self.window.statusBar().showMessage(
            self.tr("{n} takes joined into {name}.").format(n=len(chosen), name=exported.video.name), STATUS_MS
        )
        self.joined.emit(exported)

    def _file_name(self, tasks: list[Task], folder: Path) -> str:
        """The export template's name for the first take, marked as a joined sequence (a name
        not taken yet in `folder`: nothing is ever overwritten)."""
        from ..services.media import DEFAULT_TEMPLATE, MediaError, render_name
        from .workspace.export_dialog import TEMPLATE_KEY

        template = str(self._qsettings.value(TEMPLATE_KEY, DEFAULT_TEMPLATE))
        try:
            name = render_name(template, tasks[0], 1)
        except MediaError:
            name = render_name(DEFAULT_TEMPLATE, tasks[0], 1)
        stem = f"{Path(name).stem}_joined-{len(tasks)}"
        candidate, number = f"{stem}.mp4", 1
        while (folder / candidate).exists() or (folder / candidate).with_suffix(".json").exists():
            number += 1
            candidate = f"{stem}-{number}.mp4"
        return candidate
