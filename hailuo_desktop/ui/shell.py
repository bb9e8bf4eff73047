"""Builds the window's Qt side of a session: widgets, the task model, the controller."""

from __future__ import annotations

from dataclasses import dataclass

from .compose import ComposePanel
from .context import AppContext
from .controller import Controller
from .icon import app_icon
from .main_window import MainWindow
from .notifications import Notifier
from .tasks.bridge import StoreBridge
from .tasks.detail import TaskDetail
from .tasks.model import TaskListModel
from .tasks.panel import TaskListPanel
from .tasks.thumbs import ListThumbnails
from .window_settings import window_settings
from .workspace.flow import Workspace


@dataclass
class Shell:
    window: MainWindow
    controller: Controller
    context: AppContext
    bridge: StoreBridge
    model: TaskListModel
    thumbnails: ListThumbnails
    notifier: Notifier
    workspace: Workspace

    def close(self) -> None:
        self.controller.close()
        self.workspace.release()
        self.bridge.close()
        self.thumbnails.close()
        self.window.detail.release()
        self.notifier.close()
        self.window.hide()
        # Every QObject of the session is a child of the window, so this one call deletes
        # them all, on the GUI thread (never from a garbage collection on a worker thread).
        self.window.deleteLater()


def build_shell(session, settings) -> Shell:
    """`session` is an app.AppSession (link, store, options); duck-typed so ui/ never imports app.py."""
    options = session.options
    context = AppContext(
        link=session.link,
        key_store=options.key_store,
        settings_store=session.settings_store,
        settings=settings,
        paths=options.paths,
        api_url=options.api_url,
        demo=options.demo,
    )
    store = session.link.store
    bridge = StoreBridge(store)
    thumbnails = ListThumbnails()
    model = TaskListModel(
        store, bridge, thumbnails=thumbnails, eta_scale=options.eta_scale, history=session.link.history
    )
    window = MainWindow(
        ComposePanel(), TaskListPanel(model, bridge), TaskDetail(), window_settings(options.paths), demo=options.demo
    )
    notifier = Notifier(window.statusBar(), app_icon(), enabled=settings.notifications, use_tray=options.use_tray)
    controller = Controller(window, context, bridge, notifier)
    workspace = Workspace(window, context, bridge, controller.task_actions, window_settings(options.paths))
    for part in (model, bridge, thumbnails, notifier, controller, workspace):
        part.setParent(window)  # one owner, one lifetime: see Shell.close
    return Shell(window, controller, context, bridge, model, thumbnails, notifier, workspace)
