"""Refresh the shown balance after each submit and each finished task, within a budget.

Ten tasks finishing in the same second must not become ten balance requests: per provider
at most one request is in flight, and calls that arrive meanwhile fold into one more
request after it (so the last change is always seen, and the count stays at two).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

log = logging.getLogger(__name__)


class BalanceRefresher:
    def __init__(self, refresh: Callable[[str], Awaitable[None]]) -> None:
        self._refresh = refresh
        self._running: dict[str, asyncio.Task] = {}
        self._again: set[str] = set()

    def request(self, provider_id: str) -> asyncio.Task:
        """Ask for a fresh balance; the task that will show it (an existing one when in flight)."""
        running = self._running.get(provider_id)
        if running is not None and not running.done():
            self._again.add(provider_id)
            return running
        task = asyncio.ensure_future(self._run(provider_id))
        self._running[provider_id] = task
        return task

    async def _run(self, provider_id: str) -> None:
        while True:
            self._again.discard(provider_id)
            try:
                await self._refresh(provider_id)
            except asyncio.CancelledError:
                raise
            except Exception:  # a balance is a hint: it must never break a slot
                log.warning("balance refresh for %s failed", provider_id, exc_info=True)
            if provider_id not in self._again:
                return

    def cancel_all(self) -> list[asyncio.Task]:
        running = [t for t in self._running.values() if not t.done()]
        for task in running:
            task.cancel()
        return running


class ChargeMoments:
    """Tells which store events are moments the provider's balance moves.

    A task's first remote id (the provider accepted the submit and charged it) and a task
    reaching a final state (a charge confirmed or a failure refunded). `seen` is bounded by
    the active tasks: an id leaves it when its task is final or removed.
    """

    def __init__(self) -> None:
        self._sent: set[str] = set()

    def provider_to_refresh(self, event) -> str | None:
        task = event.task
        if task is None:
            self._sent.discard(event.task_id)
            return None
        if task.state.is_final:
            self._sent.discard(task.id)
            return task.provider if event.kind != "added" and task.remote_id else None
        if task.remote_id and task.id not in self._sent:
            self._sent.add(task.id)
            return task.provider
        return None
