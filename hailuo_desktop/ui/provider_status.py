"""The chosen provider's key gate and balance line in the compose panel.

The balance is read when the provider changes; after each submit (charged) and each
finished task (confirmed or refunded) the engine reads it again (services/balances.py,
within the request budget) and the line shows that reading. A slower answer for an
earlier provider never replaces the current one's.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot
from qasync import asyncSlot

from ..domain import catalog
from ..domain.codes import ErrorCode
from ..domain.errors import HailuoError, MissingKey
from ..services.secrets import KeyStore
from .balance import format_balance
from .compose import ComposePanel
from .engine_link import EngineLink
from .slots import ErrorReporter, SlotTasks, reports_errors


class ProviderStatus(QObject):
    balance_shown = Signal(str, str)  # provider id, the text now shown

    def __init__(
        self,
        compose: ComposePanel,
        link: EngineLink,
        key_store: KeyStore,
        base_url: Callable[[str], str | None],
        errors: ErrorReporter,
        *,
        demo: bool,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.compose = compose
        self.link = link
        self.key_store = key_store
        self._base_url = base_url
        self._demo = demo
        self.errors = errors
        self.slot_tasks = SlotTasks()
        self._balance_request = 0
        self._balance_provider: str | None = None  # whose balance the compose line shows
        link.balance_read.connect(self._show_reading)  # the engine's readings, queued onto this thread

    def close(self) -> None:
        self.link.balance_read.disconnect(self._show_reading)

    @asyncSlot(str)
    @reports_errors
    async def on_provider_changed(self, provider_id: str) -> None:
        await self.refresh(provider_id)

    async def refresh(self, provider_id: str) -> None:
        await self._refresh_key_gate(provider_id)
        await self.refresh_balance(provider_id)

    @Slot(str)
    def request_balance(self, provider_id: str) -> None:
        """Ask the engine for a fresh reading if the line shows this provider (a key test, a resume)."""
        if provider_id == self.compose.current_provider():
            self.link.soon(lambda e: e.balances.request(provider_id) if e.balances is not None else None)

    @Slot(object)
    def _show_reading(self, reading) -> None:
        """A fresh reading of the provider now shown (a failed read leaves the last good figure)."""
        if reading.provider == self.compose.current_provider() and reading.balance is not None:
            text = format_balance(reading.balance)
            self.compose.set_balance_text(text)
            self._balance_provider = reading.provider
            self.balance_shown.emit(reading.provider, text)

    def cancel_all(self) -> list:
        return self.slot_tasks.cancel_all()

    async def _refresh_key_gate(self, provider_id: str) -> None:
        if self._demo:
            self.compose.set_generate_enabled_reason(None)
            return
        status = await self.key_store.status(provider_id)
        self.compose.set_generate_enabled_reason(
            None
            if status.has_key
            else self.tr("No {name} key yet: enter one in Settings (Ctrl+,).").format(name=_name(provider_id))
        )

    async def refresh_balance(self, provider_id: str) -> None:
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
            base_url = self._base_url(provider_id)
            balance = await self.link.call(lambda e: e.balance(provider_id, base_url))
        except MissingKey:
            return ""
        except HailuoError as error:
            if error.code is ErrorCode.AUTH:
                self.errors.report(error, provider_id)
            return self.tr("Balance unavailable: {why}").format(why=error.message)
        return format_balance(balance) if balance is not None else ""


def _name(provider_id: str) -> str:
    return catalog.provider(provider_id).name
