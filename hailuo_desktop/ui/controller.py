"""The controller: owns every async slot of the compose side and the start-up.

Widgets emit intents; the controller reads files off the GUI thread, asks the keyring
(KeyStore, off-thread), submits through the runner and shows results or errors. Task
actions live in task_actions.py, the settings dialog's in settings_flow.py.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from dataclasses import replace

from PySide6.QtCore import QObject, QSize, Signal, Slot
from qasync import asyncSlot

from ..domain import catalog
from ..domain.codes import ErrorCode
from ..domain.errors import HailuoError, MissingKey
from ..domain.request import GenerationRequest
from ..domain.routes import UploadRoute
from ..domain.sources import is_local_image, is_url
from ..domain.states import TaskState
from ..domain.task import Task
from ..providers.registry import build_provider
from ..services.imagecheck import inspect_image
from .balance import format_balance
from .batch_flow import BatchFlow
from .compose import ComposeOrder, ComposePanel
from .compose.pixels import verify_pixels
from .money import guard as spend_guard
from .money.refresh import BalanceRefresher, ChargeMoments
from .money.today import MoneyView
from .context import AppContext
from .demo_menu import DemoMenu
from .dialogs import choose_files, run_dialog
from .errors import NextStep, UserMessage, describe_task
from .first_run import ENTER_KEY, TRY_DEMO, FirstRunDialog
from .intake import expand_paths, fetch_url_image, save_pasted
from .main_window import MainWindow
from .notifications import Notifier
from .settings_flow import SettingsFlow
from .join_flow import JoinFlow
from .prompt_flow import PromptFlow
from .shot_flow import ShotFlow
from .slots import ErrorReporter, SlotTasks, reports_errors
from .task_actions import TaskActions
from .tasks.bridge import StoreBridge
from .thumbnails import load_thumbnail

log = logging.getLogger(__name__)

# Failure codes that are about the key, the money or the machine: every next task would hit them.
ACCOUNT_PROBLEMS = frozenset({ErrorCode.AUTH, ErrorCode.INSUFFICIENT_BALANCE, ErrorCode.MISSING_KEY,
                              ErrorCode.MODEL_FORBIDDEN, ErrorCode.UPLOAD_ROUTE_MISSING, ErrorCode.STORAGE,
                              ErrorCode.DISK_FULL, ErrorCode.KEYRING_UNAVAILABLE})
COMPOSE_THUMB = QSize(128, 128)  # the image list paints 64 px; twice that for HiDPI screens
STATUS_MS = 6000


def _image_filter(tr) -> str:
    return tr("Images (*.jpg *.jpeg *.png *.webp *.gif *.bmp *.tif *.tiff *.avif *.heic);;All files (*)")


class Controller(QObject):
    demo_requested = Signal()  # the user chose the demo: the app restarts on the simulator
    images_checked = Signal(list)  # keys whose verdict is now shown (tests and measurements)
    thumbnails_shown = Signal(list)  # keys whose thumbnails have been read (or found unreadable)
    tasks_submitted = Signal(list)  # the Tasks a Generate click created
    balance_shown = Signal(str, str)  # provider id, the text now shown

    def __init__(self, window: MainWindow, context: AppContext, bridge: StoreBridge, notifier: Notifier,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.compose: ComposePanel = window.compose
        self.context = context
        self.engine = context.engine
        self.bridge = bridge
        self.notifier = notifier
        self.errors = ErrorReporter(window.banner, self.compose.current_provider, self)
        self.slot_tasks = SlotTasks()
        self.settings_flow = SettingsFlow(window, context, self.errors, self)
        self.task_actions = TaskActions(window, context, bridge, self.errors, self)
        self.shots = ShotFlow(window, context, bridge, self.errors, self._add_local_images, self.on_urls_dropped, self)
        self.joins = JoinFlow(window, context, self.errors, self)
        self.money = MoneyView(window, self.engine.store, bridge, parent=self)
        window.tasks_menu.addAction(self.money.ledger_action)
        self.batches = BatchFlow(window, self.engine.store, self.engine.runner, bridge, notifier, self.errors, self)
        self.prompts = PromptFlow(window, context, self.errors, self)
        self.tasks_submitted.connect(self.prompts.on_submitted)
        self.demo_menu = (DemoMenu(window, context.client, context.api_url, self.compose.current_provider,
                                   self.errors, self) if context.demo and context.api_url else None)
        self._balance_request = 0
        self._balance_provider: str | None = None  # whose balance the compose line shows
        self.balances = BalanceRefresher(self._refresh_balance)
        self._charge_moments = ChargeMoments()
        self._quit_confirmed = False
        self.task_actions.follow = self.follow
        self.task_actions.require_keys = self.require_keys
        self._connect()

    # --- wiring ----------------------------------------------------------------------
    def _connect(self) -> None:
        c, a = self.compose, self.window.actions
        c.paths_dropped.connect(self.on_paths_dropped)
        c.urls_dropped.connect(self.on_urls_dropped)
        c.image_pasted.connect(self.on_image_pasted)
        c.open_files_requested.connect(self.on_open_files)
        c.generate_requested.connect(self.on_generate)
        c.provider_changed.connect(self.on_provider_changed)
        a.open_images.triggered.connect(self.on_open_files)
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
        self.settings_flow.keys_changed.connect(self.on_keys_changed)
        self.settings_flow.settings_changed.connect(self._apply_settings)
        self.settings_flow.key_tested.connect(lambda p: p == c.current_provider() and self.balances.request(p))
        self.task_actions.reuse_image.connect(self._reuse_image)
        self.bridge.task_finished.connect(self.notifier.task_finished)
        self.bridge.task_finished.connect(self._on_task_finished)
        self.bridge.event.connect(self._on_store_event_for_balance)

    async def stop_slots(self) -> None:
        """Cancel every slot still running and wait for them: their widgets are going away."""
        owners = (self, self.task_actions, self.settings_flow, self.shots, self.joins, self.batches, self.prompts,
                  *([self.demo_menu] if self.demo_menu else []))
        running = [t for owner in owners for t in owner.slot_tasks.cancel_all()]
        running += self.balances.cancel_all()
        if running:
            await asyncio.gather(*running, return_exceptions=True)

    def close(self) -> None:
        self.task_actions.close()
        if self.settings_flow.dialog is not None:
            self.settings_flow.dialog.close()

    # --- start-up --------------------------------------------------------------------
    async def start(self) -> None:
        """Tell about repaired files, restore the last choice, offer first-run help, resume."""
        self._report_repairs()
        self._restore_last_choice()
        if not self.context.demo and not await self._any_key_stored():
            await self._first_run()
        await self.resume_unfinished()
        await self.prompts.start()  # earlier prompts and presets
        await self.refresh_provider(self.compose.current_provider())

    def _report_repairs(self) -> None:
        notes = list(self.context.settings_store.warnings)
        corruption = getattr(self.engine.store, "corruption", None)
        if corruption is not None:
            notes.insert(0, corruption.message)
        if notes:
            self.errors.show(UserMessage(self.tr("Something was repaired at start-up"), "\n".join(notes), None,
                                         "\n".join(notes)))

    def _restore_last_choice(self) -> None:
        s = self.context.settings
        if s.last_provider in catalog.PROVIDERS and s.last_model:
            self.compose.apply_settings(s.last_provider, s.last_model, s.last_mode, s.last_duration,
                                        s.last_resolution, "", None)

    async def _any_key_stored(self) -> bool:
        for provider_id in catalog.PROVIDERS:
            status = await self.context.key_store.status(provider_id)
            if status.has_key:
                return True
        return False

    async def _first_run(self) -> None:
        choice = await run_dialog(FirstRunDialog(self.window))
        if choice == ENTER_KEY:
            self.settings_flow.open()
        elif choice == TRY_DEMO:
            self.demo_requested.emit()

    async def resume_unfinished(self) -> None:
        """Pick up every task left unfinished, as soon as its provider's key is known."""
        unfinished = self.engine.store.unfinished()
        needed = {p for task in unfinished for p in _providers_for(task)}
        keyed = {p for p in sorted(needed) if await self.has_keys({p})}  # one keyring read per provider
        waiting = [task for task in unfinished if not _providers_for(task) <= keyed]
        for task in unfinished:
            if task not in waiting:
                self.follow(task.id)
        if waiting:
            self._report_waiting(waiting)

    def _report_waiting(self, waiting: list[Task]) -> None:
        provider_id = next((p for p in sorted(_providers_for(waiting[0])) if p not in self.engine.keys.cache),
                           waiting[0].provider)
        error = MissingKey(self.tr("{count} unfinished task(s) wait for a key; they continue once it is entered.")
                           .format(count=len(waiting)))
        error.provider_id = provider_id
        self.errors.report(error)

    # --- images ----------------------------------------------------------------------
    @asyncSlot(list)
    @reports_errors
    async def on_paths_dropped(self, paths: list) -> None:
        files, skipped = await asyncio.to_thread(expand_paths, [str(p) for p in paths])
        if skipped:
            self.window.statusBar().showMessage(
                self.tr("Only the first {n} images were added.").format(n=len(files)), STATUS_MS)
        await self._add_local_images(files)

    async def _add_local_images(self, files: list[str]) -> None:
        for path in files:
            self.compose.add_image(path, None)  # listed at once, as "checking"
        all_facts = await asyncio.gather(*(asyncio.to_thread(inspect_image, path) for path in files))
        for path, facts in zip(files, all_facts):
            self.compose.add_image(path, facts, decoding=not facts.unreadable)  # header verdict, then pixels
        await asyncio.gather(self._verdicts(files, all_facts), self._listed_thumbnails(files))

    async def _verdicts(self, files: list[str], all_facts: list) -> None:
        await verify_pixels(self.compose, [path for path, facts in zip(files, all_facts) if not facts.unreadable])
        self.images_checked.emit(list(files))

    async def _listed_thumbnails(self, files: list[str]) -> None:
        await self._thumbnails({path: path for path in files})
        self.thumbnails_shown.emit(list(files))

    async def _thumbnails(self, sources: dict[str, str]) -> None:
        """key -> local file; each thumbnail is set as soon as it is read."""
        async def one(key: str, path: str) -> None:
            image = await asyncio.to_thread(load_thumbnail, path, COMPOSE_THUMB)
            if image is not None:
                self.compose.set_thumbnail(key, image)

        await asyncio.gather(*(one(key, path) for key, path in sources.items()))

    @asyncSlot(list)
    @reports_errors
    async def on_urls_dropped(self, urls: list) -> None:
        for url in urls:
            self.compose.add_image(url, None)
        folder = self.context.cache_dir / "urls"
        results = await asyncio.gather(*(fetch_url_image(self.context.client, url, folder) for url in urls))
        for url, (facts, _local) in zip(urls, results):
            self.compose.add_image(url, facts)
        self.images_checked.emit(list(urls))
        await self._thumbnails({url: local for url, (_facts, local) in zip(urls, results) if local})

    @Slot(str)
    def _reuse_image(self, key: str) -> None:
        if is_url(key):
            self.on_urls_dropped([key])
        else:
            self.on_paths_dropped([key])

    @asyncSlot(object)
    @reports_errors
    async def on_image_pasted(self, image) -> None:
        path = await asyncio.to_thread(save_pasted, image, self.context.paths.root / "pasted")
        await self._add_local_images([path])

    @asyncSlot()
    @reports_errors
    async def on_open_files(self) -> None:
        files = await choose_files(self.window, self.tr("Choose images to animate"), _image_filter(self.tr))
        if files:
            self.on_paths_dropped(files)

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
        await self.require_keys(self._keys_for(order, route))
        batch_id = uuid.uuid4().hex if len(order.requests) > 1 else None
        created = [task for parent_id, requests in order.parent_groups()  # a continued shot records its parent
                   for task in self.engine.runner.create(requests, base_url=self.context.base_url(provider_id),
                                                         upload_route=route, batch_id=batch_id, parent_id=parent_id)]
        for task in created:
            self.follow(task.id)
        return created

    def _keys_for(self, order: ComposeOrder, route: UploadRoute | None) -> set[str]:
        """The order's provider, and the upload provider whose key a local image borrows."""
        needed = {order.provider}
        if any(is_local_image(r.image) or is_local_image(r.end_image) for r in order.requests):
            borrowed = self.engine.uploads.route_for(order.provider, route).provider
            needed |= {borrowed} if borrowed else set()
        return needed

    def follow(self, task_id: str) -> None:
        """Have the runner drive a task to its end (the runner ignores a second start)."""
        self.engine.runner.start(task_id)

    async def require_keys(self, provider_ids: set[str]) -> None:
        """Read the keys now, so a missing one stops the click before anything is stored."""
        for provider_id in sorted(provider_ids):
            try:
                await self.engine.keys.require(provider_id)
            except MissingKey as error:
                error.provider_id = provider_id
                raise

    async def has_keys(self, provider_ids: set[str]) -> bool:
        try:
            await self.require_keys(provider_ids)
        except MissingKey:
            return False
        return True

    async def _remember_choice(self, request: GenerationRequest) -> None:
        spec = request.spec
        settings = replace(self.context.settings, last_provider=spec.provider, last_model=spec.model,
                           last_mode=spec.mode, last_duration=request.duration, last_resolution=request.resolution)
        await self.settings_flow.save_settings(settings)

    # --- provider, key, balance ------------------------------------------------------
    @asyncSlot(str)
    @reports_errors
    async def on_provider_changed(self, provider_id: str) -> None:
        await self.refresh_provider(provider_id)

    async def refresh_provider(self, provider_id: str) -> None:
        await self._refresh_key_gate(provider_id)
        await self._refresh_balance(provider_id)

    async def _refresh_key_gate(self, provider_id: str) -> None:
        if self.context.demo:
            self.compose.set_generate_enabled_reason(None)
            return
        status = await self.context.key_store.status(provider_id)
        self.compose.set_generate_enabled_reason(
            None if status.has_key else
            self.tr("No {name} key yet: enter one in Settings (Ctrl+,).").format(name=_name(provider_id)))

    async def _refresh_balance(self, provider_id: str) -> None:
        self._balance_request += 1
        ticket = self._balance_request  # a slower answer for an earlier provider must not win
        if self._balance_provider != provider_id:  # never the previous provider's balance under this one's name
            self.compose.set_balance_text("")
            self._balance_provider = None
        text = await self._balance_text(provider_id)
        if ticket == self._balance_request and self.compose.current_provider() == provider_id:
            self.compose.set_balance_text(text)
            self._balance_provider = provider_id
            self.balance_shown.emit(provider_id, text)

    async def _balance_text(self, provider_id: str) -> str:
        spec = catalog.provider(provider_id)
        if spec.balance_unit is None:
            return self.tr("{name} shows no balance through its API.").format(name=spec.name)
        try:
            key = await self.engine.keys.require(provider_id)
            provider = build_provider(provider_id, client=self.context.client, key=key,
                                      base_url=self.context.base_url(provider_id))
            balance = await provider.balance()
        except MissingKey:
            return ""
        except HailuoError as error:
            if error.code is ErrorCode.AUTH:
                self.errors.report(error, provider_id)
            return self.tr("Balance unavailable: {why}").format(why=error.message)
        return format_balance(balance) if balance is not None else ""

    @Slot(object)
    def _on_store_event_for_balance(self, event) -> None:
        """After each submit (charged) and each finished task (confirmed or refunded)."""
        provider_id = self._charge_moments.provider_to_refresh(event)
        if provider_id is not None and provider_id == self.compose.current_provider():
            self.balances.request(provider_id)

    @asyncSlot()
    @reports_errors
    async def on_keys_changed(self) -> None:
        self.window.banner.dismiss()
        await self.refresh_provider(self.compose.current_provider())
        await self.resume_unfinished()  # the tasks that waited for this key; followed ones are skipped

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
        asyncio.ensure_future(self._confirm_quit())
        return False

    async def _confirm_quit(self) -> None:
        if await self.task_actions.confirm_quit(len(self.bridge.active_ids)):
            self.allow_close()
            self.window.close()

    def allow_close(self) -> None:
        self._quit_confirmed = True


def _providers_for(task: Task) -> set[str]:
    """The keys a task needs: its provider's, and the upload route's when it borrows one."""
    extra = task.upload_route.provider if task.upload_route else None
    return {task.provider, extra} if extra else {task.provider}


def _name(provider_id: str) -> str:
    return catalog.provider(provider_id).name
