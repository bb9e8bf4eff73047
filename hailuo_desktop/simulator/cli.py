"""Running the simulator as a process: `run()` serves until SIGINT or SIGTERM.

It prints exactly one line, flushed, so a parent process can read where it listens:
`Simulator listening on http://HOST:PORT (results on http://HOST:PORT2)`.
"""

from __future__ import annotations

import asyncio
import signal
import sys

from .clock import ManualClock
from .config import SimConfig
from .server import Simulator


def run(
    host: str = "127.0.0.1", port: int = 0, *, time_scale: float = 1.0, seed: int = 0, manual_clock: bool = False
) -> int:
    config = SimConfig(seed=seed, time_scale=time_scale)
    try:
        asyncio.run(_serve(config, host, port, ManualClock() if manual_clock else None))
    except KeyboardInterrupt:  # where signal handlers cannot be installed (Windows)
        pass
    return 0


async def _serve(config: SimConfig, host: str, port: int, clock: ManualClock | None) -> None:
    stop = asyncio.Event()
    _on_signals(stop)
    sim = Simulator(config, clock=clock)
    await sim.start(host, port)
    try:
        print(f"Simulator listening on {sim.api_url} (results on {sim.files_url})", flush=True)
        await stop.wait()
    finally:
        await sim.stop()


def _on_signals(stop: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(signum, stop.set)
        except (NotImplementedError, RuntimeError):  # no loop signal handlers on this platform
            pass


if __name__ == "__main__":
    sys.exit(run())
