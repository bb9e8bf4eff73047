"""The settings dialog's async side: keys in the keyring (via KeyStore), "test key", saving.

The dialog itself never touches the keyring or the disk (see settings_dialog.py); it
emits what the user asked for and this object answers with statuses.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from qasync import asyncSlot

from ..domain.catalog import PROVIDERS
from ..domain.errors import HailuoError
from ..services.proxy_secret import split_password, store_password
from ..services.settings import Settings
from .balance import format_balance
from .context import AppContext
from .errors import describe_error
from .main_window import MainWindow
from .slots import ErrorReporter, SlotTasks, reports_errors

if TYPE_CHECKING:
    from .settings_dialog import SettingsDialog  # imported when the dialog first opens

STATUS_MS = 8000
# Options the running engine was built with: they apply from the next start.
_RESTART_OPTIONS = ("output_dir", "max_concurrent", "proxy_mode", "proxy_url", "language")


class SettingsFlow(QObject):
    keys_changed = Signal()  # a key was stored or deleted
    settings_changed = Signal(object)  # the new Settings, saved
    statuses_shown = Signal()  # the open dialog shows every provider's key status
    key_tested = Signal(str)  # a provider's key was tested: the window's balance line asks again too

    def __init__(
        self, window: MainWindow, context: AppContext, errors: ErrorReporter, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.context = context
        self.errors = errors
        self.slot_tasks = SlotTasks()
        self.dialog: SettingsDialog | None = None

    @Slot()
    def open(self) -> SettingsDialog:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            return self.dialog
        from .settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.context.settings, self.window)
        dialog.save_key_requested.connect(self.save_key)
        dialog.delete_key_requested.connect(self.delete_key)
        dialog.test_key_requested.connect(self.test_key)
        dialog.settings_accepted.connect(self.on_accepted)
        dialog.finished.connect(lambda _code: self._closed(dialog))
        self.dialog = dialog
        dialog.open()
        self.show_statuses()
        return dialog

    def _closed(self, dialog: SettingsDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    @asyncSlot()
    @reports_errors
    async def show_statuses(self) -> None:
        for provider_id in PROVIDERS:
            await self._show_status(provider_id)
        self.statuses_shown.emit()

    async def _show_status(self, provider_id: str) -> None:
        status = await self.context.key_store.status(provider_id)
        dialog = self.dialog
        if dialog is None:
            return
        detail = self.tr("(demo: a built-in fake key, in memory only)") if self.context.demo else ""
        dialog.set_key_status(provider_id, status.source, detail)
        available = self.context.key_store.keyring_available
        dialog.set_keyring_available(available is not False, "" if available is not False else status.message)

    # --- keys ------------------------------------------------------------------------
    @asyncSlot(str, str)
    @reports_errors
    async def save_key(self, provider_id: str, key: str) -> None:
        await self._key_change(provider_id, self.context.key_store.set(provider_id, key))

    @asyncSlot(str)
    @reports_errors
    async def delete_key(self, provider_id: str) -> None:
        await self._key_change(provider_id, self.context.key_store.delete(provider_id))

    async def _key_change(self, provider_id: str, change) -> None:
        self._busy(provider_id, True)
        try:
            await change
        except HailuoError as error:
            if self.dialog is not None:
                self.dialog.set_test_result(provider_id, False, error.message)
            return
        finally:
            self._busy(provider_id, False)
        self.context.link.soon(lambda e: e.forget_key(provider_id))  # read again when next needed: the new key, or none
        await self._show_status(provider_id)
        self.keys_changed.emit()

    def _busy(self, provider_id: str, busy: bool) -> None:
        if self.dialog is not None:
            self.dialog.set_key_busy(provider_id, busy)

    @asyncSlot(str, str)
    @reports_errors
    async def test_key(self, provider_id: str, typed: str) -> None:
        self._busy(provider_id, True)
        try:
            ok, text = await self._try_balance(provider_id, typed)
        finally:
            self._busy(provider_id, False)
        if self.dialog is not None:
            self.dialog.set_test_result(provider_id, ok, text)
        self.key_tested.emit(provider_id)

    async def _try_balance(self, provider_id: str, typed: str) -> tuple[bool, str]:
        try:
            key = typed or await self.context.key_store.get(provider_id)
            if not key:
                return False, self.tr("No key to test.")
            base_url = self.context.base_url(provider_id)
            balance = await self.context.link.call(lambda e: e.verify_key(provider_id, key, base_url))
        except HailuoError as error:
            message = describe_error(error, provider_id)
            return False, message.title
        if balance is None:
            return True, self.tr("The key was accepted.")
        return True, self.tr("The key works. {balance}").format(balance=format_balance(balance))

    # --- other settings --------------------------------------------------------------
    @asyncSlot(object)
    @reports_errors
    async def on_accepted(self, settings: Settings) -> None:
        before = self.context.settings
        new_password = split_password(settings.proxy_url)[1] is not None
        settings, in_keyring = await store_password(self.context.key_store, settings)  # never in the file
        await self.save_settings(settings)
        if new_password or any(getattr(before, name) != getattr(settings, name) for name in _RESTART_OPTIONS):
            note = "" if in_keyring else " " + self.tr("No OS keyring: the proxy password is kept until you quit.")
            self.window.statusBar().showMessage(
                self.tr("Saved. The output folder, proxy, concurrency and language apply from the next start.") + note,
                STATUS_MS,
            )

    async def save_settings(self, settings: Settings) -> None:
        await asyncio.to_thread(self.context.settings_store.save, settings)
        self.context.settings = settings
        self.settings_changed.emit(settings)
