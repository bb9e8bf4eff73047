"""The balance, kept fresh: read again after each submit and each finished task.

Each read costs a request, so it goes through the provider's request budget like a poll,
and reads are coalesced: at most one in flight per provider, and at most one every
`min_interval` seconds; a wish that arrives meanwhile becomes one read at the end of it.
Providers without a balance endpoint (API in One, MiniMax) are never asked.
Listeners hear every reading (or the error it ended with); the window shows the last.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..domain import catalog
from ..providers.base import Balance
from .budget import RequestBudget

if TYPE_CHECKING:
    from .store import StoreEvent

log = logging.getLogger(__name__)

# (provider id, origin or None for the configured one) -> its balance (raises HailuoError)
Fetch = Callable[[str, "str | None"], Awaitable["Balance | None"]]


@dataclass(frozen=True)
class BalanceReading:
    provider: str
    balance: Balance | None  # None: the read failed (see `error`)
    at: float
    error: Exception | None = None


class BalanceRefresher:
    def __init__(
        self,
        fetch: Fetch,
        budget: RequestBudget,
        clock: Callable[[], float],
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        *,
        min_interval: float = 15.0,
        loop: asyncio.AbstractEventLoop | None = None,
    ) -> None:
        """`loop`: the engine's loop, where reads run; a request from another thread (a store
        change made by the window) is handed over to it. None: whichever loop asks."""
        self._fetch = fetch
        self._budget = budget
        self._clock = clock
        self._sleep = sleep
        self._min_interval = min_interval
        self._loop = loop
        self._latest: dict[str, BalanceReading] = {}
        self._wanted: set[str] = set()
        self._running: dict[str, asyncio.Task[None]] = {}
        self._listeners: list[Callable[[BalanceReading], None]] = []
        self._seen: dict[str, tuple[bool, bool]] = {}
        self._origins: dict[
            str, str | None
        ] = {}  # provider -> the origin its last moving task used  # task id -> (sent, final) when last seen

    # --- asking ----------------------------------------------------------------------
    def request(self, provider_id: str, base_url: str | None = None) -> None:
        """Refresh soon (coalesced); no-op for a provider without a balance endpoint or loop.

        `base_url`: the origin the task went to (the key's account lives there, e.g. the
        simulator's); the balance is asked from the same one, never from another host."""
        if not has_balance(provider_id):
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            loop = None
        if self._loop is not None and loop is not self._loop:
            try:
                self._loop.call_soon_threadsafe(self.request, provider_id, base_url)
            except RuntimeError:  # the engine's loop is closed: nobody reads balances any more
                pass
            return
        if loop is None:
            return
        self._wanted.add(provider_id)
        self._origins[provider_id] = base_url
        running = self._running.get(provider_id)
        if running is None or running.done():
            self._running[provider_id] = loop.create_task(self._drain(provider_id), name=f"balance {provider_id}")

    async def refresh(self, provider_id: str) -> BalanceReading:
        """Read now, within the budget; the reading is kept and announced."""
        await self._budget.acquire(provider_id)
        try:
            reading = BalanceReading(
                provider_id, await self._fetch(provider_id, self._origins.get(provider_id)), self._clock()
            )
        except asyncio.CancelledError:
            raise
        except Exception as error:  # noqa: BLE001 - a failed read is shown as such, never raised
            log.info("balance of %s not read: %s", provider_id, error)
            reading = BalanceReading(provider_id, None, self._clock(), error)
        else:
            self._budget.on_success(provider_id)
        self._latest[provider_id] = reading
        for listener in list(self._listeners):
            listener(reading)
        return reading

    def latest(self, provider_id: str) -> BalanceReading | None:
        return self._latest.get(provider_id)

    def subscribe(self, listener: Callable[[BalanceReading], None]) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    async def wait_idle(self) -> None:
        """Until no read is pending (tests, shutdown)."""
        while any(not t.done() for t in self._running.values()):
            await asyncio.gather(*self._running.values(), return_exceptions=True)

    async def close(self) -> None:
        for task in self._running.values():
            task.cancel()
        await asyncio.gather(*self._running.values(), return_exceptions=True)

    async def _drain(self, provider_id: str) -> None:
        while provider_id in self._wanted:
            last = self._latest.get(provider_id)
            if last is not None and (wait := last.at + self._min_interval - self._clock()) > 0:
                await self._sleep(wait)
            self._wanted.discard(provider_id)
            await self.refresh(provider_id)

    # --- when ------------------------------------------------------------------------
    def on_store_event(self, event: StoreEvent) -> None:
        """Store listener: a task just sent, or just finished, moves its provider's money."""
        task = event.task
        if task is None:
            self._seen.pop(event.task_id, None)
            return
        now = (task.remote_id is not None, task.state.is_final)
        before = self._seen.setdefault(task.id, now)
        self._seen[task.id] = now
        if (now[0] and not before[0]) or (now[1] and not before[1]):
            self.request(task.provider, task.base_url)


def has_balance(provider_id: str) -> bool:
    spec = catalog.PROVIDERS.get(provider_id)
    return spec is not None and spec.balance_unit is not None
