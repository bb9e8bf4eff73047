"""An asyncio event loop on a thread of its own, for the engine (network, downloads, polling).

The window's thread then only reads the store and paints. The front end:
- builds the engine ON the host's loop (`host.run(make_engine())`), so its HTTP client,
  locks and tasks belong to that loop;
- calls engine coroutines with `await host.call(coro)` from its own loop (qasync), or
  `host.submit(coro)` for a concurrent.futures.Future, and plain functions that start work
  (`runner.start`) with `host.call_soon(fn, *args)`;
- receives the store's events on the GUI thread through ui.tasks.StoreBridge, which
  re-emits them as a queued Qt signal (the store calls listeners on the engine's thread).

Qt-free, so the CLI and tests can use it too. `close()` stops the loop after running
the given shutdown coroutine (engine.close()) on it.

On Linux the host's thread runs below the window: it raises its own nice value by
`BACKGROUND_NICE` (threads it starts, such as the download writers and to_thread workers,
inherit it). With two cores shared by the window, the engine, the writers and the rest of
the machine, the scheduler then hands a core to the window's thread first; measured in
benchmarks/RESULTS.md (row 2b, "The GUI thread").
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from .services.thread_priority import BACKGROUND_NICE, run_in_background

T = TypeVar("T")

# The GIL switch interval an app running its engine on a host should set once at start-up
# (sys.setswitchinterval; a library must not): a thread that wants the GIL waits up to this
# long for the one running Python, and the window's thread is such a thread. Python's
# default 5 ms roughly doubled row 2b's p99; with the engine on the window's loop the shorter
# slice made row 2 worse (its loop yields to the download writers more often), so the app
# keeps the default until it switches. Figures: benchmarks/RESULTS.md, "The GUI thread".
SWITCH_INTERVAL = 0.001


class EngineHost:
    def __init__(self, name: str = "hailuo-engine", *, background_nice: int = BACKGROUND_NICE) -> None:
        self._background_nice = background_nice
        # A plain asyncio loop, whatever policy the caller's thread has installed (qasync's
        # policy would hand out a Qt loop, which cannot run on another thread).
        self._loop = asyncio.DefaultEventLoopPolicy().new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._serve, name=name, daemon=True)
        self._thread.start()
        while not self._ready.wait(0.05):
            if not self._thread.is_alive():
                raise RuntimeError("the engine's thread ended before its event loop ran")

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        return self._loop

    def on_host_thread(self) -> bool:
        return threading.current_thread() is self._thread

    def _serve(self) -> None:
        run_in_background(self._background_nice)
        asyncio.set_event_loop(self._loop)
        self._loop.call_soon(self._ready.set)
        try:
            self._loop.run_forever()
        finally:
            self._loop.run_until_complete(self._loop.shutdown_asyncgens())
            self._loop.close()

    # --- calling in ------------------------------------------------------------------
    def submit(self, coro: Coroutine[Any, Any, T]) -> concurrent.futures.Future[T]:
        return asyncio.run_coroutine_threadsafe(coro, self._loop)

    async def call(self, coro: Coroutine[Any, Any, T]) -> T:
        """Run `coro` on the host's loop and await its result from the caller's loop."""
        return await asyncio.wrap_future(self.submit(coro))

    def run(self, coro: Coroutine[Any, Any, T], timeout: float | None = None) -> T:
        """Run `coro` on the host's loop and block until it is done (set-up, tests). Never from the host thread."""
        if self.on_host_thread():
            coro.close()
            raise RuntimeError("EngineHost.run called on the host's own thread: it would wait for itself")
        return self.submit(coro).result(timeout)

    def call_soon(self, callback: Callable[..., object], *args: object) -> None:
        self._loop.call_soon_threadsafe(callback, *args)

    # --- stopping ----------------------------------------------------------------------
    def close(self, shutdown: Coroutine[Any, Any, object] | None = None, timeout: float = 30.0) -> None:
        """Run `shutdown` (e.g. engine.close()) on the loop, then stop it and join the thread."""
        if not self._thread.is_alive():
            return
        try:
            if shutdown is not None:
                self.run(shutdown, timeout)
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout)
