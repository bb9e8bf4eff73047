"""The window's one way to the engine, which lives on a thread of its own (engine_host.py).

    link = EngineLink(host, store, build)  # before the window: the engine need not exist yet
    link.start()                          # later (after the first paint): build() runs ON the host's loop
    await link.call(lambda e: e.submit(requests))   # a coroutine, run on the engine's loop
    await link.ask(lambda e: e.missing_key(task))   # a plain read, on the engine's thread
    link.soon(lambda e: e.follow(task_id))          # work-starting call, nothing awaited

Every function given here runs on the engine's thread, so ui/ never touches the engine's
client, locks or tasks from the window's loop. A call made before the engine is built waits
for it, and starts the build if nobody did yet (`ready` is emitted on the GUI thread once
built: where the start-up benchmark reads "engine ready"). What the engine tells the window
(a provider paused or resumed, a balance read) arrives as this object's signals, queued onto
the GUI thread. The store is shared: the window reads it (and makes its own small edits)
directly, under the store's lock.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
from collections.abc import Awaitable, Callable, Coroutine
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal, Slot

if TYPE_CHECKING:
    from ..engine import Engine
    from ..engine_host import EngineHost
    from ..services.completion_history import CompletionHistory
    from ..services.pauses import Pause
    from ..services.store import TaskStore

T = TypeVar("T")


class EngineLink(QObject):
    ready = Signal()  # the engine is built and listening (GUI thread)
    failed = Signal(object)  # the engine could not be built: the exception
    paused = Signal(str, object)  # provider id, services.pauses.Pause or None when resumed
    balance_read = Signal(object)  # services.balances.BalanceReading
    _built = Signal()  # from the host's thread: the build ended (queued to the GUI thread)

    def __init__(
        self,
        host: EngineHost,
        store: TaskStore,
        build: Callable[[], Coroutine[Any, Any, Engine]],
        history: CompletionHistory | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.host = host
        self._build_engine = build
        self.store = store  # opened before the window; the engine writes the same one
        self.history = history  # the planner's completion history (the list's ETA), or None
        self._building: concurrent.futures.Future[Engine] | None = None
        self._pauses: dict[str, Pause] = {}
        self._unsubscribe: list[Callable[[], object]] = []
        self._built.connect(self._on_built)

    # --- the engine's life -------------------------------------------------------------
    def start(self) -> concurrent.futures.Future[Engine]:
        """Build the engine on the host's loop, once (a second call returns the same build)."""
        if self._building is None:
            self._building = self.host.submit(self._build())
            self._building.add_done_callback(lambda _: self._built.emit())
        return self._building

    @property
    def started(self) -> bool:
        return self._building is not None

    async def _build(self) -> Engine:
        engine = await self._build_engine()
        self._pauses = engine.runner.pauses.paused()
        self._unsubscribe.append(engine.runner.pauses.subscribe(self._on_pause))
        if engine.balances is not None:
            self._unsubscribe.append(engine.balances.subscribe(self.balance_read.emit))
        return engine

    def _on_pause(self, provider_id: str, pause: Pause | None) -> None:  # on the engine's thread
        pauses = dict(self._pauses)
        if pause is None:
            pauses.pop(provider_id, None)
        else:
            pauses[provider_id] = pause
        self._pauses = pauses  # replaced whole, so a reader on the GUI thread sees one or the other
        self.paused.emit(provider_id, pause)

    @Slot()
    def _on_built(self) -> None:
        assert self._building is not None
        if self._building.cancelled():  # the host stopped before the build ran
            return
        error = self._building.exception()
        if error is not None:
            self.failed.emit(error)
            return
        self.ready.emit()

    @property
    def is_ready(self) -> bool:
        building = self._building
        return building is not None and building.done() and not building.cancelled() and building.exception() is None

    @property
    def engine(self) -> Engine | None:
        """The built engine (None before, or if its build failed), for its owner's shut-down and for
        tests: never call into it from ui/."""
        return self._building.result() if self.is_ready and self._building is not None else None

    async def wait_ready(self) -> Engine:
        """The engine once built (raises what its build raised). Cancelling the waiter leaves the
        build going: others wait for it too."""
        return await asyncio.shield(asyncio.wrap_future(self.start()))

    async def close(self, shutdown: Callable[[Engine], Coroutine[Any, Any, object]]) -> None:
        """Stop listening, run `shutdown(engine)` on the engine's loop (if it was built)."""
        if self._building is None:
            return
        try:
            engine = await self.wait_ready()
        except Exception:  # noqa: BLE001 - nothing was built, so nothing to shut down
            return
        unsubscribe, self._unsubscribe = self._unsubscribe, []

        async def stop() -> None:
            for undo in unsubscribe:
                undo()
            await shutdown(engine)

        await self.host.call(stop())

    # --- calling in ------------------------------------------------------------------
    async def call(self, work: Callable[[Engine], Awaitable[T]]) -> T:
        """`await work(engine)` on the engine's loop; the result (or error) comes back here."""
        engine = await self.wait_ready()

        async def run() -> T:
            return await work(engine)

        return await self.host.call(run())

    async def ask(self, read: Callable[[Engine], T]) -> T:
        """`read(engine)` on the engine's thread (a plain method: keys, repairs)."""
        engine = await self.wait_ready()

        async def run() -> T:
            return read(engine)

        return await self.host.call(run())

    def soon(self, work: Callable[[Engine], object]) -> None:
        """`work(engine)` on the engine's thread once it is built; nothing waits here."""
        building = self.start()
        if building.done() and building.exception() is None:
            self.host.call_soon(work, building.result())
            return

        async def later() -> None:
            work(await asyncio.wrap_future(building))

        self.host.submit(later())

    # --- what the engine told ------------------------------------------------------
    def paused_providers(self) -> list[str]:
        """Providers whose new tasks are held after "not enough balance" (sorted)."""
        return sorted(self._pauses)
