"""The window's composition root: builds everything once and passes it in.

    run_app(argv, demo=False) -> exit code

One session = data paths, settings, logging, the KeyStore, one httpx.AsyncClient, the
engine (store + runner), the window and its controller. "Try the demo" ends the session
and opens a new one on the built-in simulator, with its own data folder, so demo tasks
never mix with real ones. In the demo the simulator runs in-process on the qasync loop,
every provider's base URL points at it, and a fixed fake key is held in memory only.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

import httpx
import qasync
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from .domain.catalog import PROVIDERS
from .domain.errors import HailuoError
from .domain.routes import UploadRoute
from .engine import Engine, build_engine
from .services.downloads import crash_point_from
from .services.home import DataPaths, data_home
from .services.http_client import build_http_client
from .services.logs import setup_logging
from .services.proxy_secret import client_settings
from .services.secrets import KeyStore, MemoryKeyringBackend
from .services.settings import Settings, SettingsStore

log = logging.getLogger(__name__)

APP_NAME = "Hailuo Desktop"
DEMO_KEY = "demo-key-for-the-built-in-simulator"  # not a secret: only the loopback simulator sees it
DEMO_TIME_SCALE = 0.12  # a realistic one-to-two-minute task finishes in about 10-20 s
DEMO_POLL_INTERVAL = 1.0
DEMO_UPLOAD_ROUTES = {"apixo": UploadRoute.KIE_UPLOAD, "apiinone": UploadRoute.KIE_UPLOAD}
QUIT, DEMO = "quit", "demo"


def demo_key_store() -> KeyStore:
    return KeyStore(env={}, backend=MemoryKeyringBackend({provider_id: DEMO_KEY for provider_id in PROVIDERS}))


@dataclass
class SessionOptions:
    """What differs between a normal start, the demo, and a test."""

    paths: DataPaths
    key_store: KeyStore
    api_url: str | None = None  # every provider's origin (the simulator's), or None for the real ones
    poll_interval: float | None = None
    eta_scale: float = 1.0  # the demo's tasks are quicker than real ones; so is their ETA
    use_tray: bool | None = None
    demo: bool = False
    extra_upload_routes: dict[str, UploadRoute] = field(default_factory=dict)
    client_proxy_url: str | None = None  # the manual proxy with its password (memory only): with_proxy_secret


class AppSession:
    """One window and everything behind it; `close()` releases it all."""

    def __init__(self, options: SessionOptions) -> None:
        from .ui.shell import build_shell  # Qt widgets only once a QApplication exists

        self.options = options
        self.settings_store = SettingsStore(options.paths.settings)
        settings = self._settings()
        self.log_handler = setup_logging(options.paths, logging.INFO, secrets=options.key_store.known_keys)
        self.client = _client(replace(settings, proxy_url=options.client_proxy_url or settings.proxy_url))
        self.engine: Engine = build_engine(options.paths, settings, options.key_store, self.client,
                                           poll_interval=options.poll_interval, api_url=options.api_url,
                                           crash_point=crash_point_from(os.environ))
        self.shell = build_shell(self, settings)
        self.window = self.shell.window
        self.controller = self.shell.controller
        self._outcome: asyncio.Future[str] = asyncio.get_event_loop().create_future()
        self.window.closed.connect(lambda: self._finish(QUIT))
        self.controller.demo_requested.connect(self._switch_to_demo)
        self._starting: asyncio.Task | None = None
        self._closed = False

    def _settings(self) -> Settings:
        settings = self.settings_store.load()
        routes = {**self.options.extra_upload_routes, **settings.upload_routes}
        return replace(settings, upload_routes=routes)

    def show(self) -> None:
        self.window.show()
        self._starting = asyncio.ensure_future(self.controller.start())
        self._starting.add_done_callback(self._started)

    async def started(self) -> None:
        """Wait until the start-up work (first run, resuming tasks, balance) is done."""
        if self._starting is not None:
            await asyncio.shield(self._starting)

    def _started(self, task: asyncio.Task) -> None:
        if not task.cancelled() and task.exception() is not None:
            self.controller.errors.report(task.exception())

    async def wait(self) -> str:
        return await self._outcome

    def _finish(self, outcome: str) -> None:
        if not self._outcome.done():
            self._outcome.set_result(outcome)

    def open_images(self, paths: list) -> None:
        """Images from open-with or from a second launch: into compose, the window to the front."""
        if self.window.isMinimized():
            self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()
        if paths:
            self.controller.images.on_paths_dropped(list(paths))

    def _switch_to_demo(self) -> None:
        self.controller.allow_close()
        self._finish(DEMO)
        self.window.close()

    async def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self._starting is not None and not self._starting.done():
            self._starting.cancel()
            await asyncio.gather(self._starting, return_exceptions=True)
        await self.controller.stop_slots()
        self.shell.close()
        await self.engine.close()
        await self.client.aclose()
        logging.getLogger().removeHandler(self.log_handler)
        self.log_handler.close()


async def with_proxy_secret(options: SessionOptions) -> SessionOptions:
    """The options with the manual proxy's password read from the keyring (services.proxy_secret)."""
    store = SettingsStore(options.paths.settings)
    settings = await client_settings(options.key_store, store, store.load())
    return replace(options, client_proxy_url=settings.proxy_url)


def _client(settings: Settings) -> httpx.AsyncClient:
    try:
        return build_http_client(settings)
    except HailuoError as error:  # a broken manual proxy must not keep the window from opening
        log.warning("proxy settings not usable (%s); using the system proxy", error.message)
        return build_http_client(replace(settings, proxy_mode="system", proxy_url=None))


# --- the demo ------------------------------------------------------------------------
class DemoBackend:
    """The simulator on the qasync loop, making push-in clips of the user's images."""

    def __init__(self, folder: Path, *, clock=None) -> None:
        self.folder = folder
        self.clock = clock  # None: real time (scaled); a test passes a ManualClock
        self.simulator = None
        self.factory = None

    async def start(self) -> str:
        from .simulator.config import SimConfig
        from .simulator.media import load_sample
        from .simulator.server import Simulator
        from .ui.media_support import media_support

        if media_support().available:  # the push-in clips are made with QtMultimedia; else the sample clip
            from .ui.demo_video import DemoResultFactory

            self.factory = DemoResultFactory(asyncio.get_running_loop(), self.folder / "clips", load_sample)
        config = SimConfig(seed=int.from_bytes(os.urandom(4), "big"), time_scale=DEMO_TIME_SCALE,
                           result_factory=self.factory)
        self.simulator = Simulator(config, clock=self.clock)
        await self.simulator.start("127.0.0.1", 0)
        return self.simulator.api_url

    async def stop(self) -> None:
        if self.simulator is not None:
            await self.simulator.stop()


def demo_options(root: Path, api_url: str) -> SessionOptions:
    return SessionOptions(paths=DataPaths.at(root), key_store=demo_key_store(), api_url=api_url,
                          poll_interval=DEMO_POLL_INTERVAL, eta_scale=DEMO_TIME_SCALE, demo=True,
                          extra_upload_routes=DEMO_UPLOAD_ROUTES)


def _rehome_demo_tasks(engine: Engine, api_url: str) -> None:
    """Unfinished demo tasks from an earlier run follow the simulator to its new port.

    The new simulator does not know them, so they end as "not found" instead of waiting
    on a port nobody listens on.
    """
    for task in engine.store.unfinished():
        if task.base_url and task.base_url != api_url:
            engine.store.update(task.id, base_url=api_url)


# --- running -------------------------------------------------------------------------
def window_settings(paths: DataPaths) -> QSettings:
    """Window geometry lives in the data home, beside the rest (and per test, per demo)."""
    return QSettings(str(paths.root / "window.ini"), QSettings.Format.IniFormat)


async def _one_session(demo: bool, images: list[str], server) -> str:
    home = data_home()
    backend = DemoBackend(home / "demo") if demo else None
    try:
        if backend is not None:
            api_url = await backend.start()
            options = demo_options(home / "demo", api_url)
        else:
            options = SessionOptions(paths=DataPaths.at(home), key_store=KeyStore())
        session = AppSession(await with_proxy_secret(options))
        if backend is not None:
            _rehome_demo_tasks(session.engine, options.api_url)
        session.show()
        session.open_images(images)
        server.images_received.connect(session.open_images)  # later launches (ui.single_instance)
        try:
            return await session.wait()
        finally:
            server.images_received.disconnect(session.open_images)
            await session.close()
    finally:
        if backend is not None:
            await backend.stop()


async def _main(demo: bool, images: list[str], server) -> int:
    while True:
        try:
            outcome = await _one_session(demo, images, server)
        except HailuoError as error:  # e.g. the data folder cannot be created
            QMessageBox.critical(None, APP_NAME, f"{APP_NAME} cannot start.\n\n{error.message}")
            return 1
        if outcome != DEMO:
            return 0
        demo, images = True, []


def make_application(argv: list[str]) -> QApplication:
    from .ui.icon import app_icon

    QApplication.setApplicationName(APP_NAME)
    QApplication.setOrganizationName("hailuo-desktop")
    QApplication.setDesktopFileName("hailuo-desktop")
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "hailuo-desktop", *argv])
    app.setQuitOnLastWindowClosed(False)  # the session decides when to quit, after cleaning up
    app.setWindowIcon(app_icon())
    return app


def run_app(argv: list[str], demo: bool = False, images: list[str] | None = None) -> int:
    """Open the window (on the simulator with `demo`) with `images` in compose, and return
    the exit code; when a window already runs on this data home, hand it the images instead."""
    from .ui.i18n import install_translations
    from .ui.single_instance import claim_or_hand_over

    images = list(images or [])
    qt_args = [arg for arg in argv if arg != "--demo" and arg not in images]
    app = make_application(qt_args)
    server = claim_or_hand_over(data_home() / "demo" if demo else data_home(), images)
    if server is None:
        print("hailuo-desktop: handed to the window already open on this data folder.", file=sys.stderr)
        return 0
    install_translations(app, SettingsStore(DataPaths.at(data_home()).settings).load().language)
    try:
        return qasync.run(_main(demo, images, server))
    finally:
        server.close()
