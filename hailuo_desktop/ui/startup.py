"""What the window does once it is shown: tell about repairs, restore the last choice,
offer help on the first run, and pick up unfinished tasks."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ..domain import catalog
from ..domain.errors import MissingKey
from ..domain.task import Task
from ..services.secrets import KeyStore
from ..services.settings import Settings
from .compose import ComposePanel
from .dialogs import run_dialog
from .engine_link import EngineLink
from .errors import UserMessage
from .first_run import ENTER_KEY, TRY_DEMO, FirstRunDialog
from .slots import ErrorReporter


class StartUp(QObject):
    demo_requested = Signal()  # the user chose the demo on the first-run dialog
    enter_key_requested = Signal()  # the user chose to enter a key: open the settings

    def __init__(
        self,
        link: EngineLink,
        key_store: KeyStore,
        compose: ComposePanel,
        errors: ErrorReporter,
        dialog_parent: QWidget,
        *,
        demo: bool,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.link = link
        self.key_store = key_store
        self.compose = compose
        self.errors = errors
        self._dialog_parent = dialog_parent
        self._demo = demo

    async def run(self, settings: Settings, repaired: list[str]) -> None:
        """`repaired`: what the front end's own files needed (the settings file's warnings)."""
        self._report_repairs(await self.link.ask(lambda e: e.repairs()) + list(repaired))
        self._restore_last_choice(settings)
        if not self._demo and not await self._any_key_stored():
            await self._first_run()
        await self.resume_unfinished()
        # Grid posters for takes saved before they were made at save time (on the poster worker).
        self.link.soon(lambda e: e.posters.catch_up(e.store) if e.posters is not None else None)

    async def resume_unfinished(self) -> None:
        """Pick up every task left unfinished, as soon as its provider's key is known."""
        waiting = await self.link.call(lambda e: e.start_unfinished())
        if waiting:
            self._report_waiting(waiting, await self.link.ask(lambda e: e.missing_key(waiting[0])))

    def _report_repairs(self, notes: list[str]) -> None:
        if notes:
            self.errors.show(
                UserMessage(self.tr("Something was repaired at start-up"), "\n".join(notes), None, "\n".join(notes))
            )

    def _restore_last_choice(self, s: Settings) -> None:
        if s.last_provider in catalog.PROVIDERS and s.last_model:
            self.compose.apply_settings(
                s.last_provider, s.last_model, s.last_mode, s.last_duration, s.last_resolution, "", None
            )

    async def _any_key_stored(self) -> bool:
        for provider_id in catalog.PROVIDERS:
            status = await self.key_store.status(provider_id)
            if status.has_key:
                return True
        return False

    async def _first_run(self) -> None:
        choice = await run_dialog(FirstRunDialog(self._dialog_parent))
        if choice == ENTER_KEY:
            self.enter_key_requested.emit()
        elif choice == TRY_DEMO:
            self.demo_requested.emit()

    def _report_waiting(self, waiting: list[Task], provider_id: str) -> None:
        error = MissingKey(
            self.tr("{count} unfinished task(s) wait for a key; they continue once it is entered.").format(
                count=len(waiting)
            )
        )
        error.provider_id = provider_id
        self.errors.report(error)
