"""The simulator on its own event loop in a background thread (sync code, Qt tests).

    with SimulatorThread(SimConfig(seed=1), clock=ManualClock().now) as sim:
        sim.api_url; sim.faults.add(...); sim.advance(60); sim.stats.polls["apixo"]

Attributes and plain methods are the Simulator's own (faults, stats and the manual
clock are thread-safe for this use); the server itself only ever runs on its loop.
"""

from __future__ import annotations

import asyncio
import threading

from .clock import Clock, ManualClock
from .config import SimConfig
from .server import Simulator

START_TIMEOUT = 30.0


class SimulatorThread:
    def __init__(
        self,
        config: SimConfig | None = None,
        *,
        clock: Clock | ManualClock | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self.simulator = Simulator(config, clock=clock)
        self._address = (host, port)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._error: BaseException | None = None

    def start(self) -> SimulatorThread:
        self._thread = threading.Thread(target=self._run, name="hailuo-simulator", daemon=True)
        self._thread.start()
        if not self._ready.wait(START_TIMEOUT):
            raise RuntimeError("the simulator did not start in time")
        if self._error is not None:
            raise RuntimeError(f"the simulator could not start: {self._error}") from self._error
        return self

    def stop(self) -> None:
        if self._loop is not None and self._thread is not None and self._thread.is_alive():
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(START_TIMEOUT)

    def __enter__(self) -> SimulatorThread:
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def __getattr__(self, name: str):
        # Only reached for names this wrapper lacks: api_url, faults, stats, advance, ...
        return getattr(self.__dict__["simulator"], name)

    def _run(self) -> None:
        # A plain asyncio loop even where the caller installed qasync's policy (the demo window).
        loop = self._loop = asyncio.DefaultEventLoopPolicy().new_event_loop()
        try:
            loop.run_until_complete(self.simulator.start(*self._address))
        except BaseException as exc:  # reported to start(), which raises it in the caller
            self._error = exc
            self._ready.set()
            loop.close()
            return
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            loop.run_until_complete(self.simulator.stop())
            loop.close()
