"""The controller: wires the window's intents to small flows and owns the compose side's slots.

The flows take their dependencies in: image intake (image_intake.py), the provider's key
gate and balance (provider_status.py), start-up (startup.py), task actions
(task_actions.py), the settings dialog's side (settings_flow.py). What is left here:
Generate, the banner's next step, notifications and quitting. Everything it asks of the
core goes through the Engine façade, on the engine's own thread, by way of EngineLink.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from dataclasses import replace

from PySide6.QtCore import QObject, Signal, Slot
from qasync import asyncSlot

from ..domain import catalog
from ..domain.codes import ErrorCode
from ..domain.request import GenerationRequest
from ..domain.states import TaskState
from ..domain.task import Task
from .batch_flow import BatchFlow
from .check_flow import CheckFlow
from .compose import ComposeOrder, ComposePanel
from .context import AppContext
from .demo_menu import DemoMenu
from .errors import NextStep, UserMessage, describe_task
from .image_intake import ImageIntake
from .join_flow import JoinFlow
from .main_window import MainWindow
from .money import guard as spend_guard
from .money.pause_bar import PauseBar, PauseFlow
from .money.today import MoneyView
from .notifications import Notifier
from .prompt_flow import PromptFlow
from .provider_status import ProviderStatus
from .settings_flow import SettingsFlow
from .shot_flow import ShotFlow
from .slots import ErrorReporter, SlotTasks, reports_errors
from .startup import StartUp
from .task_actions import TaskActions
from .tasks.bridge import StoreBridge

log = logging.getLogger(__name__)

# Failure codes that are about the key, the money or the machine: every next task would hit them.
ACCOUNT_PROBLEMS = frozenset(
    {
        ErrorCode.AUTH,
        ErrorCode.INSUFFICIENT_BALANCE,
        ErrorCode.MISSING_KEY,
        ErrorCode.MODEL_FORBIDDEN,
        ErrorCode.UPLOAD_ROUTE_MISSING,
        ErrorCode.STORAGE,
        ErrorCode.DISK_FULL,
        ErrorCode.KEYRING_UNAVAILABLE,
    }
)
STATUS_MS = 6000


class Controller(QObject):
    demo_requested = Signal()  # the user chose the demo: the app restarts on the simulator
    images_checked = Signal(list)  # keys whose verdict is now shown (tests and measurements)
    thumbnails_shown = Signal(list)  # keys whose thumbnails have been read (or found unreadable)
    tasks_submitted = Signal(list)  # the Tasks a Generate click created
    balance_shown = Signal(str, str)  # provider id, the text now shown

    def __init__(
        self,
        window: MainWindow,
        context: AppContext,
        bridge: StoreBridge,
        notifier: Notifier,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.compose: ComposePanel = window.compose
        self.context = context
        self.link = context.link
        self.bridge = bridge
        self.notifier = notifier
        self.errors = ErrorReporter(window.banner, self.compose.current_provider, self)
        self.slot_tasks = SlotTasks()
        self.settings_flow = SettingsFlow(window, context, self.errors, self)
        self.task_actions = TaskActions(window, context, bridge, self.errors, self)
        self.images = ImageIntake(
            self.compose,
            lambda url, folder: self.link.call(lambda e: e.fetch_url_image(url, folder)),
            context.cache_dir,
            context.paths.root / "pasted",
            self.errors,
            window,
            self,
        )
        self.shots = ShotFlow(
            window, context, bridge, self.errors, self.images.add_local_images, self.images.on_urls_dropped, self
        )
        self.joins = JoinFlow(window, context, self.errors, self)
        self.money = MoneyView(window, context.store, bridge, parent=self)
        window.tasks_menu.addAction(self.money.ledger_action)
        self.pauses = PauseFlow(_pause_bar_in(self.compose), self.link, self.task_actions.open_link, self)
        self.checks = CheckFlow(window, self.link, context.store, self.errors, self)
        self.batches = BatchFlow(window, context.store, self.link, bridge, notifier, self.errors, self)
        self.prompts = PromptFlow(window, context, self.errors, self)
        self.tasks_submitted.connect(self.prompts.on_submitted)
        self.demo_menu = (
            DemoMenu(window, self.link, context.api_url, self.compose.current_provider, self.errors, self)
            if context.demo and context.api_url
            else None
        )
        self.provider_status = ProviderStatus(
            self.compose, self.link, context.key_store, context.base_url, self.errors, demo=context.demo, parent=self
        )
        self.startup = StartUp(
            self.link, context.key_store, self.compose, self.errors, window, demo=context.demo, parent=self
        )
        self._quit_confirmed = False
        self._connect()

    # --- wiring ----------------------------------------------------------------------
    def _connect(self) -> None:
        c, a, images = self.compose, self.window.actions, self.images
        c.paths_dropped.connect(images.on_paths_dropped)
        c.urls_dropped.connect(images.on_urls_dropped)
        c.image_pasted.connect(images.on_image_pasted)
        c.open_files_requested.connect(images.on_open_files)
        c.generate_requested.connect(self.on_generate)
        c.provider_changed.connect(self.provider_status.on_provider_changed)
        a.open_images.triggered.connect(images.on_open_files)
        a.paste.triggered.connect(c.paste_from_clipboard)
        a.generate.triggered.connect(self._generate_shortcut)
        a.settings.triggered.connect(self.settings_flow.open)
        a.search.triggered.connect(self.window.tasks.focus_search)
        a.quit.triggered.connect(self.window.close)
        a.try_demo.triggered.connect(self.demo_requested)
        a.try_demo.setEnabled(not self.context.demo)
        a.notifications.setChecked(self.context.settings.notifications)
        a.notifications.toggled.connect(self.on_notifications_toggled)
        self.window.banner.next_step_requested.connect(self.on_next_step)
        self.window.close_guard = self.close_guard
        self._connect_flows()
        self.bridge.task_finished.connect(self.notifier.task_finished)
        self.bridge.task_finished.connect(self._on_task_finished)

    def _connect_flows(self) -> None:
        self.images.images_checked.connect(self.images_checked)
        self.images.thumbnails_shown.connect(self.thumbnails_shown)
        self.images.status.connect(lambda text: self.window.statusBar().showMessage(text, STATUS_MS))
        self.provider_status.balance_shown.connect(self.balance_shown)
        self.startup.demo_requested.connect(self.demo_requested)
        self.startup.enter_key_requested.connect(self.settings_flow.open)
        self.settings_flow.keys_changed.connect(self.on_keys_changed)
        self.settings_flow.settings_changed.connect(self._apply_settings)
        self.settings_flow.key_tested.connect(self.provider_status.request_balance)
        self.pauses.resumed.connect(self.provider_status.request_balance)
        self.pauses.paused.connect(self.provider_status.request_balance)
        self.task_actions.reuse_image.connect(self.images.reuse)

    async def stop_slots(self) -> None:
        """Cancel every slot still running and wait for them: their widgets are going away."""
        owners = (
            self,
            self.task_actions,
            self.settings_flow,
            self.images,
            self.shots,
            self.joins,
            self.batches,
            self.prompts,
            self.checks,
            *([self.demo_menu] if self.demo_menu else []),
        )
        running = [t for owner in owners for t in owner.slot_tasks.cancel_all()]
        running += self.provider_status.cancel_all()
        if running:
            await asyncio.gather(*running, return_exceptions=True)

    def close(self) -> None:
        self.provider_status.close()
        self.pauses.close()
        self.task_actions.close()
        if self.settings_flow.dialog is not None:
            self.settings_flow.dialog.close()

    async def start(self) -> None:
        """Tell about repaired files, restore the last choice, offer first-run help, resume."""
        await self.startup.run(self.context.settings, self.context.settings_store.warnings)
        await self.prompts.start()  # earlier prompts and presets
        await self.provider_status.refresh(self.compose.current_provider())

    # --- generate --------------------------------------------------------------------
    @Slot()
    def _generate_shortcut(self) -> None:
        if not self.compose.trigger_generate():
            reason = self.compose.generate_reason() if hasattr(self.compose, "generate_reason") else None
            if reason:
                self.window.statusBar().showMessage(reason, STATUS_MS)

    @asyncSlot(object)
    @reports_errors
    async def on_generate(self, order: ComposeOrder) -> None:
        self.compose.set_busy(True)  # also while the spend guard asks: no second click meanwhile
        try:
            if not await spend_guard.allow(self.window, order, self.context.settings.spend_guard_usd):
                return  # the user chose not to send an order above the Settings threshold
            tasks = await self._submit(order)
        finally:
            self.compose.set_busy(False)
        if tasks:
            self.window.tasks.select(tasks[-1].id)
            sent = self.tr("1 task sent to {name}.") if len(tasks) == 1 else self.tr("{n} tasks sent to {name}.")
            self.window.statusBar().showMessage(sent.format(n=len(tasks), name=_name(order.provider)), STATUS_MS)
            self.tasks_submitted.emit(tasks)
            self.compose.variants.setValue(1)  # ten variants are never re-sent by the next Ctrl+Enter
            await self._remember_choice(order.requests[0])

    async def _submit(self, order: ComposeOrder) -> list[Task]:
        provider_id = order.provider
        # The route chosen in Settings now, not the one the engine started with; URLs pass through.
        route = self.context.settings.upload_routes.get(provider_id)
        batch_id = uuid.uuid4().hex if len(order.requests) > 1 else None
        # Every key the whole order needs is read first, so nothing is stored if one is missing.
        await self.link.call(lambda e: e.require_keys(e.keys_for_order(provider_id, order.requests, route)))
        base_url = self.context.base_url(provider_id)
        created: list[Task] = []
        for parent_id, requests in order.parent_groups():  # a continued shot records its parent
            created += await self.link.call(
                lambda e, requests=requests, parent_id=parent_id: e.submit(
                    requests, base_url=base_url, upload_route=route, batch_id=batch_id, parent_id=parent_id
                )
            )
        return created

    def follow(self, task_id: str) -> None:
        """Have the engine drive a task to its end (a second start changes nothing)."""
        self.link.soon(lambda e: e.follow(task_id))

    async def _remember_choice(self, request: GenerationRequest) -> None:
        spec = request.spec
        settings = replace(
            self.context.settings,
            last_provider=spec.provider,
            last_model=spec.model,
            last_mode=spec.mode,
            last_duration=request.duration,
            last_resolution=request.resolution,
        )
        await self.settings_flow.save_settings(settings)

    # --- keys, failures ----------------------------------------------------------------
    @asyncSlot()
    @reports_errors
    async def on_keys_changed(self) -> None:
        self.window.banner.dismiss()
        await self.provider_status.refresh(self.compose.current_provider())
        await self.startup.resume_unfinished()  # the tasks that waited for this key; followed ones are skipped

    @Slot(object)
    def _on_task_finished(self, task: Task) -> None:
        """Problems with the account, not the clip, go to the banner: they stop every next task too."""
        if task.state is TaskState.FAILED and task.error_code in ACCOUNT_PROBLEMS:
            message = describe_task(task)
            if message is not None:
                self.errors.show(message)

    # --- settings, notifications, banner ---------------------------------------------
    def _apply_settings(self, settings) -> None:
        self.notifier.enabled = settings.notifications
        self.window.actions.notifications.setChecked(settings.notifications)

    @asyncSlot(bool)
    @reports_errors
    async def on_notifications_toggled(self, on: bool) -> None:
        self.notifier.enabled = on
        if on != self.context.settings.notifications:
            await self.settings_flow.save_settings(replace(self.context.settings, notifications=on))

    @Slot(object, object)
    def on_next_step(self, step: NextStep, message: UserMessage) -> None:
        if step in (NextStep.ENTER_KEY, NextStep.OPEN_SETTINGS):
            self.settings_flow.open()
        elif step in (NextStep.TOP_UP, NextStep.CHECK_DASHBOARD) and message.link:
            self.task_actions.open_link(message.link)
        elif step == NextStep.EDIT_PROMPT:
            self.compose.prompt.setFocus()
        elif step == NextStep.RETRY:
            self.task_actions.retry_selected()
        self.window.banner.dismiss()

    # --- quitting --------------------------------------------------------------------
    def close_guard(self) -> bool:
        """True lets the window close. With work in flight, ask first (asynchronously)."""
        if self._quit_confirmed or not self.bridge.active_ids:
            return True
        self._confirm_quit()
        return False

    @asyncSlot()
    @reports_errors
    async def _confirm_quit(self) -> None:
        # A slot like the others: tracked, so closing the window cancels a question left open.
        if await self.task_actions.confirm_quit(len(self.bridge.active_ids)):
            self.allow_close()
            self.window.close()

    def allow_close(self) -> None:
        self._quit_confirmed = True


def _pause_bar_in(compose: ComposePanel) -> PauseBar:
    """The held-submits bar sits just above the cost line, where Generate is."""
    bar = PauseBar(compose)
    compose.layout().insertWidget(compose.layout().indexOf(compose.cost), bar)
    return bar


def _name(provider_id: str) -> str:
    return catalog.provider(provider_id).name
