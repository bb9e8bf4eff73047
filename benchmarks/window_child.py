"""Child process for the start-up and memory benchmarks: opens the window on a data home.

    python -m benchmarks.window_child startup --home DIR   -> "FIRST <monotonic> rows=N shown=M" at
        the first paint of the task list with its rows (N in the model, M on screen) plus one idle
        turn of the loop; then "READY <monotonic>" once the engine is built and the window's
        buttons work (plus one idle turn); then closes and exits
    python -m benchmarks.window_child window-alone --home DIR -> "FIRST ..." as startup, for the window
        alone: the same main window (compose, task list, detail) on the same store, after the same
        claim and translations, but no engine (nor its imports), controller, workspace or notifier:
        a bound on what building those after the first paint can reach (not the app)
    python -m benchmarks.window_child memory --home DIR    -> JSON: RSS with every task listed
    python -m benchmarks.window_child bare-window          -> "FIRST <monotonic> rows=0 shown=0" at
        the first paint plus one idle turn of a bare PySide6 window (QApplication + an empty
        QMainWindow shown): the start-up reference
    python -m benchmarks.window_child qt-only              -> JSON: RSS after importing Qt and
        creating the QApplication (the reference)

The window is built as app.py builds it (see qt_session.py); `api_url` points at a closed
loopback port so nothing leaves the machine (the balance check fails quietly after the
measurement). The start-up child also does what app.run_app does before the window: the
single-instance claim on the data home, the translations, the proxy password's read. The bare
window imports nothing but PySide6 (asyncio and json are imported where the others need them).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

NOWHERE = "http://127.0.0.1:9"  # the discard port: connection refused at once


def _claim_and_translate(app, home: Path):
    """What app.run_app does before its loop starts: claim the data home (ui.single_instance),
    install the translations of the chosen language, and set the GIL switch interval it sets
    for the window's sake (engine_host.SWITCH_INTERVAL). Returns the claim's server."""
    from hailuo_desktop.engine_host import SWITCH_INTERVAL
    from hailuo_desktop.services.home import DataPaths
    from hailuo_desktop.services.settings import SettingsStore
    from hailuo_desktop.ui.i18n import install_translations
    from hailuo_desktop.ui.single_instance import claim_or_hand_over

    server = claim_or_hand_over(home, [])
    if server is None:
        raise RuntimeError(f"another window holds {home}")
    install_translations(app, SettingsStore(DataPaths.at(home).settings).load().language)
    sys.setswitchinterval(SWITCH_INTERVAL)
    return server


async def _startup(home: Path) -> None:
    """app._one_session up to the first paint and to the engine's readiness: the proxy password
    read, the session, shown."""
    from hailuo_desktop.app import AppSession, with_proxy_secret

    from .qt_session import ListPainted, engine_ready, session_options

    session = AppSession(await with_proxy_secret(session_options(home, NOWHERE)))
    painted = ListPainted(session.window, session.window.tasks.table, session.shell.model)
    session.show()
    first, shown = await painted.done
    print(f"FIRST {first:.6f} rows={session.shell.model.total_count()} shown={shown}", flush=True)
    print(f"READY {await engine_ready(session):.6f}", flush=True)
    await session.close()


async def _memory(home: Path) -> dict:
    from .qt_session import FirstPaint, open_session
    from .report import process_memory  # here, not at the top: the start-up child must not pay for it

    session = open_session(home, NOWHERE)
    painted = FirstPaint(session.window)
    session.show()
    await painted.done
    await session.started()
    model, table = session.shell.model, session.window.tasks.table
    await _scroll_through(model, table)
    thumbnails = session.shell.thumbnails
    await _thumbnails_read(thumbnails)  # the lazy thumbnails of the rows painted, read off-thread
    figures = {
        **process_memory(),
        "rows": model.rowCount(),
        "total": model.total_count(),
        "loaded_tasks": model.loaded_count(),
        "thumbnails": len(thumbnails),
    }
    await session.close()
    return figures


async def _scroll_through(model, table) -> None:
    """Expose every row (as scrolling to the end does) and paint the list page by page."""
    import asyncio

    from PySide6.QtWidgets import QApplication

    while model.canFetchMore():
        model.fetchMore()
    bar = table.verticalScrollBar()
    for value in range(0, bar.maximum() + 1, max(1, bar.pageStep())):
        bar.setValue(value)
        table.viewport().repaint()
        QApplication.processEvents()
        await asyncio.sleep(0)


async def _thumbnails_read(thumbnails) -> None:
    if not thumbnails.pending:
        return
    import asyncio

    done = asyncio.get_running_loop().create_future()

    def check(*_args) -> None:
        if not thumbnails.pending and not done.done():
            done.set_result(None)

    thumbnails.ready.connect(check)
    await done
    thumbnails.ready.disconnect(check)


def _bare_window() -> None:
    import time

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([sys.argv[0]])
    window = QMainWindow()
    window.resize(1100, 700)

    class FirstPaint(QObject):
        def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint and watched is window:
                window.removeEventFilter(self)
                QTimer.singleShot(0, ready)
            return False

    def ready() -> None:
        print(f"FIRST {time.monotonic():.6f} rows=0 shown=0", flush=True)
        app.quit()

    painted = FirstPaint()
    window.installEventFilter(painted)
    window.show()
    app.exec()


def _window_alone(home: Path) -> None:
    # What the window reads first, before PySide6 (as app.py orders its imports).
    from hailuo_desktop.services.adaptive import AdaptivePlanner
    from hailuo_desktop.services.home import DataPaths
    from hailuo_desktop.services.store import TaskStore

    # isort: split
    import qasync
    from PySide6.QtWidgets import QApplication

    from hailuo_desktop.ui.compose import ComposePanel
    from hailuo_desktop.ui.icon import app_icon
    from hailuo_desktop.ui.main_window import MainWindow
    from hailuo_desktop.ui.tasks.bridge import StoreBridge
    from hailuo_desktop.ui.tasks.detail import TaskDetail
    from hailuo_desktop.ui.tasks.model import TaskListModel
    from hailuo_desktop.ui.tasks.panel import TaskListPanel
    from hailuo_desktop.ui.tasks.thumbs import ListThumbnails
    from hailuo_desktop.ui.window_settings import window_settings

    from .first_paint import ListPainted

    app = QApplication([sys.argv[0]])
    app.setQuitOnLastWindowClosed(False)
    app.setWindowIcon(app_icon())
    server = _claim_and_translate(app, home)
    paths = DataPaths.at(home)

    async def first_paint() -> None:
        store = TaskStore(paths.store)
        bridge, thumbnails = StoreBridge(store), ListThumbnails()
        model = TaskListModel(store, bridge, thumbnails=thumbnails, history=AdaptivePlanner(store).history)
        window = MainWindow(ComposePanel(), TaskListPanel(model, bridge), TaskDetail(), window_settings(paths))
        painted = ListPainted(window, window.tasks.table, model)
        window.show()
        first, shown = await painted.done
        print(f"FIRST {first:.6f} rows={model.total_count()} shown={shown}", flush=True)
        thumbnails.close()
        bridge.close()
        window.detail.release()
        window.hide()
        window.deleteLater()

    try:
        qasync.run(first_paint())
    finally:
        server.close()


def _qt_only() -> dict:
    from PySide6.QtWidgets import QApplication

    from .report import process_memory

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.processEvents()
    return process_memory()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=("startup", "memory", "qt-only", "bare-window", "window-alone"))
    parser.add_argument("--home")
    args = parser.parse_args(argv)
    if args.what == "qt-only":
        import json

        print(json.dumps(_qt_only()), flush=True)
        return 0
    if args.what == "bare-window":
        _bare_window()
        return 0
    if args.what == "window-alone":
        _window_alone(Path(args.home))
        return 0
    from .qt_session import application  # the app's modules first, in the app's order

    # isort: split
    import qasync

    app = application()
    if args.what == "startup":
        server = _claim_and_translate(app, Path(args.home))
        try:
            qasync.run(_startup(Path(args.home)))
        finally:
            server.close()
    else:
        import json

        print(json.dumps(qasync.run(_memory(Path(args.home)))), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
