"""The window's composition root: builds everything once and passes it in.

    run_app(argv, demo=False) -> exit code

One session = data paths, settings, logging, the KeyStore, the task store, the window and
its controller, and the engine (runner, one httpx.AsyncClient) on a thread of its own
(engine_host.EngineHost), built there after the window's first paint; the window reaches it
only through ui/engine_link.EngineLink. "Try the demo" ends the session
and opens a new one on the built-in simulator (demo.py), with its own data folder, so
demo tasks never mix with real ones.
"""

from __future__ import annotations

# The Qt-free core before anything imports PySide6: PySide6 reads the source of every module
# imported after it (its __feature__ check), a few hundred files at start-up.
from .demo import DemoBackend, demo_options, rehome_demo_tasks
from .engine import Engine, build_engine
from .engine_host import SWITCH_INTERVAL, EngineHost
from .services.adaptive import AdaptivePlanner
from .services.store import TaskStore

# isort: split
import asyncio
import logging
import os
import sys
from dataclasses import replace

import httpx
import qasync
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from .domain.errors import HailuoError
from .services.downloads import crash_point_from
from .services.home import DataPaths, data_home
from .services.http_client import build_http_client
from .services.logs import setup_logging
from .services.proxy_secret import client_settings
from .services.secrets import KeyStore
from .services.settings import Settings, SettingsStore
from .session_options import SessionOptions
from .ui.window_settings import window_settings

__all__ = [
    "AppSession",
    "DemoBackend",
    "SessionOptions",
    "demo_options",
    "make_application",
    "run_app",
    "window_settings",
    "with_proxy_secret",
]

log = logging.getLogger(__name__)

APP_NAME = "Hailuo Desktop"
QUIT, DEMO = "quit", "demo"
# The engine is built once the window has painted; should no paint come (a window never
# exposed, e.g. minimised at start), it is built after this long anyway.
BUILD_WITHOUT_PAINT_MS = 1000
# With the engine on its own thread, the window keeps to its frame better when downloads read
# on the engine's loop than on worker threads of their own (ten downloads: ten more threads
# wanting the GIL and the two cores): benchmarks/RESULTS.md, "The GUI thread". The CLI keeps threads.
DOWNLOAD_THREADS = False


class AppSession:
    """One window and everything behind it; `close()` releases it all."""

    def __init__(self, options: SessionOptions, host: EngineHost | None = None) -> None:
        from .ui.engine_link import EngineLink
        from .ui.shell import build_shell  # Qt widgets only once a QApplication exists

        self.options = options
        self.settings_store = SettingsStore(options.paths.settings)
        settings = self._settings()
        self.log_handler = setup_logging(options.paths, logging.INFO, secrets=options.key_store.known_keys)
        self.host = host or EngineHost()
        self._own_host = host is None
        # The store and the planner's history are the window's to read: opened here, on this
        # thread, before the window; the engine built on the host's thread uses the same ones.
        self.store = TaskStore(options.paths.store)
        self.planner = AdaptivePlanner(self.store)
        self.link = EngineLink(self.host, self.store, lambda: self._build_engine(settings), self.planner.history)
        self.shell = build_shell(self, settings)
        self.window = self.shell.window
        self.controller = self.shell.controller
        self._outcome: asyncio.Future[str] = asyncio.get_event_loop().create_future()
        self.window.closed.connect(lambda: self._finish(QUIT))
        self.controller.demo_requested.connect(self._switch_to_demo)
        self.link.failed.connect(self.controller.errors.report)  # e.g. the engine could not be built
        self._starting: asyncio.Task | None = None
        self._closed = False

    async def _build_engine(self, settings: Settings) -> Engine:
        """On the host's loop: the client and the engine belong to it."""
        client = _client(replace(settings, proxy_url=self.options.client_proxy_url or settings.proxy_url))
        try:
            return build_engine(
                self.options.paths,
                settings,
                self.options.key_store,
                client,
                poll_interval=self.options.poll_interval,
                api_url=self.options.api_url,
                crash_point=crash_point_from(os.environ),
                store=self.store,
                planner=self.planner,
            )
        except BaseException:
            await client.aclose()
            raise

    def _settings(self) -> Settings:
        settings = self.settings_store.load()
        routes = {**self.options.extra_upload_routes, **settings.upload_routes}
        return replace(settings, upload_routes=routes)

    def show(self) -> None:
        self.window.show()
        _FirstPaint(self.window, self.link.start)  # the engine is built once the window is on screen
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
        if self.link.started:  # the engine's clean-up, on its own loop: downloads stop resumable
            await self.link.close(_close_engine)
        if self.link.engine is None:  # never built (or its build failed): the store is still ours
            self.planner.close()
            self.store.close()
        if self._own_host:
            await asyncio.to_thread(self.host.close)
        logging.getLogger().removeHandler(self.log_handler)
        self.log_handler.close()


async def with_proxy_secret(options: SessionOptions) -> SessionOptions:
    """The options with the manual proxy's password read from the keyring (services.proxy_secret)."""
    store = SettingsStore(options.paths.settings)
    settings = await client_settings(options.key_store, store, store.load())
    return replace(options, client_proxy_url=settings.proxy_url)


async def _close_engine(engine: Engine) -> None:
    await engine.close()
    await engine.client.aclose()


class _FirstPaint(QObject):
    """Calls `then` once `widget` has painted (or BUILD_WITHOUT_PAINT_MS after, if it never does)."""

    def __init__(self, widget: QWidget, then) -> None:
        super().__init__(widget)
        self._widget, self._then = widget, then
        widget.installEventFilter(self)
        QTimer.singleShot(BUILD_WITHOUT_PAINT_MS, self, self._fire)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self, self._fire)  # after this paint has reached the screen
        return False

    def _fire(self) -> None:
        if self._then is not None:
            then, self._then = self._then, None
            self._widget.removeEventFilter(self)
            then()


def _client(settings: Settings) -> httpx.AsyncClient:
    try:
        return build_http_client(settings, download_threads=DOWNLOAD_THREADS)
    except HailuoError as error:  # a broken manual proxy must not keep the window from opening
        log.warning("proxy settings not usable (%s); using the system proxy", error.message)
        return build_http_client(
            replace(settings, proxy_mode="system", proxy_url=None), download_threads=DOWNLOAD_THREADS
        )


# --- running -------------------------------------------------------------------------
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
            rehome_demo_tasks(session.store, options.api_url)
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
    # The window's thread waits at most this long for the GIL while the engine's thread runs Python.
    sys.setswitchinterval(SWITCH_INTERVAL)
    try:
        return qasync.run(_main(demo, images, server))
    finally:
        server.close()
