"""Every async slot reports the app's errors in the one error place, never to sys.excepthook.

qasync hands an exception that escapes an `@asyncSlot` to `sys.excepthook`, where a
creator never sees it. `reports_errors` catches it and gives it to the window's reporter,
which puts it in words (errors.py) in the banner and in the log.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject

from ..domain.errors import HailuoError
from .error_banner import ErrorBanner
from .errors import UserMessage, describe_error

log = logging.getLogger(__name__)


class ErrorReporter(QObject):
    """Shows errors in the banner; `provider` names the provider a message is about."""

    def __init__(
        self, banner: ErrorBanner, current_provider: Callable[[], str | None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._banner = banner
        self._current_provider = current_provider
        self.last: UserMessage | None = None

    def report(self, error: BaseException, provider: str | None = None) -> UserMessage:
        provider = provider or getattr(error, "provider_id", None) or self._current_provider()
        if isinstance(error, HailuoError):
            log.warning("%s: %s", error.code, error.message)
        else:
            log.error("unexpected error in the window", exc_info=error)
        return self.show(describe_error(error, provider))

    def show(self, message: UserMessage) -> UserMessage:
        self.last = message
        self._banner.show_message(message)
        return message


class SlotTasks:
    """The async slots in flight for one object, so closing the window can cancel them."""

    def __init__(self) -> None:
        self._running: set[asyncio.Task] = set()

    def track(self) -> None:
        task = asyncio.current_task()
        if task is not None:
            self._running.add(task)
            task.add_done_callback(self._running.discard)

    def cancel_all(self) -> list[asyncio.Task]:
        running = list(self._running)
        for task in running:
            task.cancel()
        return running


def reports_errors(method):
    """For methods of objects with an `errors: ErrorReporter` (and, optionally, `slot_tasks`)."""

    @functools.wraps(method)
    async def guarded(self, *args, **kwargs):
        tasks = getattr(self, "slot_tasks", None)
        if tasks is not None:
            tasks.track()
        try:
            return await method(self, *args, **kwargs)
        except asyncio.CancelledError:
            raise
        except Exception as error:  # noqa: BLE001 - the point: nothing escapes unseen
            self.errors.report(error)
            return None

    return guarded
