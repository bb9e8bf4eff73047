"""Continuing a shot in the window: continue from a take's last frame, send that frame to
the Start or End slot, drops on the slots, and the chain shown in the detail.

The last frame is taken out by the Qt-free core (services.continuation), off the GUI
thread, and enters compose as an ordinary image: it is checked against the chosen
provider like any dropped file. A frame used as a start remembers the take it came from,
so the task made from it records its parent.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from qasync import asyncSlot

from ..domain import catalog
from ..domain.catalog import ModelSpec
from ..domain.task import Task
from ..services.continuation import (
    continuation_request,
    still_for_continuation,
    stills_dir,
)
from ..services.lineage import lineage
from ..services.store import StoreEvent
from .compose.frames_slots import FrameRole
from .context import AppContext
from .image_files import save_pasted
from .main_window import MainWindow
from .slots import ErrorReporter, SlotTasks, reports_errors
from .take_actions import one_finished
from .tasks.bridge import StoreBridge

STATUS_MS = 6000
CONTINUE_SHORTCUT = "Ctrl+Shift+N"  # "next clip"

AddImages = Callable[[list[str]], Awaitable[None]]


def end_frame_model(provider_id: str, current: ModelSpec) -> ModelSpec | None:
    """A model of this provider that takes a last frame: the current one if it does, else the
    closest (same tier first)."""
    if current.end_frame and current.provider == provider_id:
        return current
    specs = [m for m in catalog.models_for(provider_id) if m.end_frame and m.needs_image]
    specs.sort(key=lambda m: m.tier != current.tier)
    return specs[0] if specs else None


class ShotFlow(QObject):
    continued = Signal(str, str)  # parent task id, the still's path now in compose
    frame_sent = Signal(object, str)  # FrameRole, the still's path now in that slot
    lineage_shown = Signal(str)  # the task id whose chain the detail now shows

    def __init__(
        self,
        window: MainWindow,
        context: AppContext,
        bridge: StoreBridge,
        errors: ErrorReporter,
        add_images: AddImages,
        add_urls: Callable[[list[str]], Awaitable[None]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.compose = window.compose
        self.context = context
        self.store = context.store
        self.errors = errors
        self.slot_tasks = SlotTasks()
        self._add_images = add_images
        self._add_urls = add_urls
        self._build_actions()
        self._connect(bridge)

    # --- wiring ------------------------------------------------------------------------
    def _build_actions(self) -> None:
        tr, takes = self.tr, self.window.takes
        self.continue_action = QAction(tr("&Continue from last frame"), self.window)
        self.continue_action.setShortcut(QKeySequence(CONTINUE_SHORTCUT))
        tip = tr("Start the next clip from this take's last frame: same provider, model and settings")
        self.continue_action.setToolTip(f"{tip} ({CONTINUE_SHORTCUT})")
        self.continue_action.setStatusTip(tip)
        self.to_start_action = QAction(tr("Send last frame to &Start"), self.window)
        self.to_start_action.setToolTip(tr("Put this take's last frame in compose's Start slot"))
        self.to_end_action = QAction(tr("Send last frame to &End"), self.window)
        self.to_end_action.setToolTip(tr("Put this take's last frame in compose's End slot"))
        for action in (self.continue_action, self.to_start_action, self.to_end_action):
            takes.register(action, one_finished, group="shot")

    def _connect(self, bridge: StoreBridge) -> None:
        self.continue_action.triggered.connect(self.continue_selected)
        self.to_start_action.triggered.connect(lambda: self.send_selected_to(FrameRole.START))
        self.to_end_action.triggered.connect(lambda: self.send_selected_to(FrameRole.END))
        detail = self.window.detail
        detail.continue_requested.connect(self.continue_from)
        detail.chain.jump_requested.connect(self.jump_to)
        self.window.tasks.task_selected.connect(self.show_chain)
        bridge.event.connect(self._on_store_event)
        frames = self.compose.frames
        frames.paths_dropped.connect(self.on_slot_paths)
        frames.urls_dropped.connect(self.on_slot_urls)
        frames.image_pasted.connect(self.on_slot_image)

    # --- continue ----------------------------------------------------------------------
    @Slot()
    def continue_selected(self) -> None:
        task = self.window.takes.task()
        if task is not None and one_finished([task]):
            self.continue_from(task)

    @asyncSlot(object)
    @reports_errors
    async def continue_from(self, task: Task) -> None:
        """Compose gets the take's last frame, its provider, model and settings, an empty prompt."""
        still = await self._still(task)
        compose = self.compose
        compose.clear_images()
        compose.image_prompts.clear()
        compose.image_parents.clear()
        for role in FrameRole:
            compose.set_frame(role, None)
        # The same choice the CLI's `continue` makes: the take's model and settings, or the
        # image twin of a model that made it from text.
        request = continuation_request(task, "", still)
        spec = request.spec
        compose.apply_settings(
            spec.provider,
            spec.model,
            spec.mode,
            request.duration,
            request.resolution,
            "",
            request.prompt_optimizer,
            spec.kind,
        )
        compose.variants.setValue(1)
        compose.image_parents[still] = task.id
        await self._add_images([still])
        if compose.picker.spec().end_frame:
            compose.set_frame(FrameRole.START, still)  # say it outright where there are slots
        compose.prompt.setFocus(Qt.FocusReason.OtherFocusReason)
        self._say(
            self.tr("Continuing “{prompt}”: describe the next clip and press Generate.").format(
                prompt=_short(task.prompt)
            )
        )
        self.continued.emit(task.id, still)

    # --- the Start and End slots -------------------------------------------------------
    def send_selected_to(self, role: FrameRole) -> None:
        task = self.window.takes.task()
        if task is not None and one_finished([task]):
            self.send_to_slot(task, role)

    @asyncSlot(object, object)
    @reports_errors
    async def send_to_slot(self, task: Task, role: FrameRole) -> None:
        if not self._offer_slots():
            return
        still = await self._still(task)
        if role is FrameRole.START:
            self.compose.image_parents[still] = task.id  # a start from a take continues it
        await self._add_images([still])
        self.compose.set_frame(role, still)
        self.frame_sent.emit(role, still)

    def _offer_slots(self) -> bool:
        """Switch compose to a model with a last frame (the current provider's), or say why not."""
        picker = self.compose.picker
        provider = picker.provider()
        spec = end_frame_model(provider, picker.spec())
        if spec is None:
            self._say(
                self.tr(
                    "{name} has no model that takes a last frame: choose kie.ai, Apikley or MiniMax (Hailuo 02)."
                ).format(name=catalog.provider(provider).name)
            )
            return False
        if spec != picker.spec():
            self.compose.apply_settings(
                provider,
                spec.model,
                spec.mode,
                picker.duration(),
                picker.resolution(),
                self.compose.prompt.text(),
                picker.prompt_optimizer(),
                spec.kind,
            )
        return True

    @asyncSlot(object, list)
    @reports_errors
    async def on_slot_paths(self, role: FrameRole, paths: list) -> None:
        files = [str(p) for p in paths if not os.path.isdir(p)]
        if not files:
            self._say(self.tr("A slot holds one image file, not a folder: drop the folder on the image list."))
            return
        path = files[0]
        if len(paths) > 1:
            self._say(self.tr("A slot holds one image: {name} was used.").format(name=path))
        await self._add_images([path])
        self.compose.set_frame(role, path)

    @asyncSlot(object, list)
    @reports_errors
    async def on_slot_urls(self, role: FrameRole, urls: list) -> None:
        await self._add_urls([urls[0]])
        self.compose.set_frame(role, urls[0])

    @asyncSlot(object, object)
    @reports_errors
    async def on_slot_image(self, role: FrameRole, image) -> None:
        path = await asyncio.to_thread(save_pasted, image, self.context.paths.root / "pasted")
        await self._add_images([path])
        self.compose.set_frame(role, path)

    # --- the chain ---------------------------------------------------------------------
    @Slot(object)
    def show_chain(self, task_id: str | None) -> None:
        try:
            line = lineage(self.store, task_id) if task_id else None
        except KeyError:
            line = None
        self.window.detail.chain.show_lineage(line)
        if task_id:
            self.lineage_shown.emit(task_id)

    @Slot(str)
    def jump_to(self, task_id: str) -> None:
        tasks = self.window.tasks
        if not tasks.model.index_of(task_id).isValid():  # hidden by the filter or the search
            tasks.state_filter.setCurrentIndex(0)
            tasks.search.clear()
            tasks.apply_filter()
        tasks.select(task_id)

    @Slot(object)
    def _on_store_event(self, event: StoreEvent) -> None:
        """A take joining or leaving the chain shown, or changing state, redraws it."""
        shown = self.window.detail.chain.lineage
        current = self.window.tasks.selected_id()
        if current is None:
            return
        related = shown is not None and event.task_id in {t.id for t in (*shown.ancestors, *shown.children)}
        parent = event.task.parent_id if event.task is not None else None
        if related or parent == current:
            self.show_chain(current)

    # --- helpers -----------------------------------------------------------------------
    async def _still(self, task: Task) -> str:
        """The take's last frame as a PNG in the data home (a media error goes to the banner)."""
        return str(await asyncio.to_thread(still_for_continuation, task, stills_dir(self.context.paths)))

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, STATUS_MS)


def _short(prompt: str, length: int = 40) -> str:
    prompt = " ".join(prompt.split())
    return prompt if len(prompt) <= length else prompt[: length - 1].rstrip() + "…"
