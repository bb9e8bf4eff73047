"""The demo's wiring: the built-in simulator on a thread of its own, a fixed fake key held in
memory only, and every provider's origin pointed at the simulator.

Kept out of app.py so the window's composition root does not import the simulator; the
simulator is imported only here, by the CLI and by tests.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from .domain.catalog import PROVIDERS
from .domain.routes import UploadRoute
from .services.home import DataPaths
from .services.secrets import KeyStore, MemoryKeyringBackend
from .services.store import TaskStore
from .session_options import SessionOptions

DEMO_KEY = "demo-key-for-the-built-in-simulator"  # not a secret: only the loopback simulator sees it
DEMO_TIME_SCALE = 0.12  # a realistic one-to-two-minute task finishes in about 10-20 s
DEMO_POLL_INTERVAL = 1.0
DEMO_UPLOAD_ROUTES = {"apixo": UploadRoute.KIE_UPLOAD, "apiinone": UploadRoute.KIE_UPLOAD}


def demo_key_store() -> KeyStore:
    return KeyStore(env={}, backend=MemoryKeyringBackend({provider_id: DEMO_KEY for provider_id in PROVIDERS}))


class DemoBackend:
    """The simulator on its own thread and loop (never the window's), making push-in clips of the
    user's images (encoded on the window's loop, which the factory is given)."""

    def __init__(self, folder: Path, *, clock=None) -> None:
        self.folder = folder
        self.clock = clock  # None: real time (scaled); a test passes a ManualClock
        self.simulator = None
        self.factory = None

    async def start(self) -> str:
        from .simulator.config import SimConfig
        from .simulator.media import load_sample
        from .simulator.thread import SimulatorThread
        from .ui.media_support import media_support

        if media_support().available:  # the push-in clips are made with QtMultimedia; else the sample clip
            from .ui.demo_video import DemoResultFactory

            self.factory = DemoResultFactory(asyncio.get_running_loop(), self.folder / "clips", load_sample)
        config = SimConfig(
            seed=int.from_bytes(os.urandom(4), "big"), time_scale=DEMO_TIME_SCALE, result_factory=self.factory
        )
        simulator = SimulatorThread(config, clock=self.clock)
        await asyncio.to_thread(simulator.start)  # the window's loop keeps turning while it binds
        self.simulator = simulator
        return simulator.api_url

    async def stop(self) -> None:
        if self.simulator is not None:
            await asyncio.to_thread(self.simulator.stop)


def demo_options(root: Path, api_url: str) -> SessionOptions:
    return SessionOptions(
        paths=DataPaths.at(root),
        key_store=demo_key_store(),
        api_url=api_url,
        poll_interval=DEMO_POLL_INTERVAL,
        eta_scale=DEMO_TIME_SCALE,
        demo=True,
        extra_upload_routes=DEMO_UPLOAD_ROUTES,
    )


def rehome_demo_tasks(store: TaskStore, api_url: str) -> None:
    """Unfinished demo tasks from an earlier run follow the simulator to its new port.

    The new simulator does not know them, so they end as "not found" instead of waiting
    on a port nobody listens on.
    """
    for task in store.unfinished():
        if task.base_url and task.base_url != api_url:
            store.update(task.id, base_url=api_url)
