"""The window's actions with their shortcuts, tooltips and menu texts, declared once.

The main window puts them in menus; the controller connects them. Keeping them here
means a shortcut is changed in one place and the menu shows it automatically.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence


@dataclass(frozen=True)
class Actions:
    open_images: QAction
    paste: QAction
    generate: QAction
    settings: QAction
    remove_task: QAction
    search: QAction
    quit: QAction
    notifications: QAction
    try_demo: QAction

    def all(self) -> list[QAction]:
        return [
            self.open_images,
            self.paste,
            self.generate,
            self.settings,
            self.remove_task,
            self.search,
            self.quit,
            self.notifications,
            self.try_demo,
        ]


def _action(parent: QObject, text: str, tip: str, *shortcuts: QKeySequence | str) -> QAction:
    action = QAction(text, parent)
    keys = [QKeySequence(s) for s in shortcuts]
    if keys:
        action.setShortcuts(keys)
        tip = f"{tip} ({keys[0].toString(QKeySequence.SequenceFormat.NativeText)})"
    action.setToolTip(tip)
    action.setStatusTip(tip)
    return action


def build_actions(parent: QObject) -> Actions:
    tr = parent.tr
    generate = _action(
        parent, tr("&Generate"), tr("Submit the images and prompt to the provider"), "Ctrl+Return", "Ctrl+Enter"
    )
    remove = _action(
        parent,
        tr("&Remove task"),
        tr("Remove the selected task from the list"),
        QKeySequence(QKeySequence.StandardKey.Delete),
    )
    # Delete must not fire while typing in a field or in the image list: the task list
    # panel is its only home (the main window sets the widget).
    remove.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    notifications = _action(
        parent, tr("&Notify when tasks finish"), tr("Show a desktop notification per task or batch")
    )
    notifications.setCheckable(True)
    return Actions(
        open_images=_action(
            parent, tr("&Open images…"), tr("Choose images to animate"), QKeySequence(QKeySequence.StandardKey.Open)
        ),
        paste=_action(
            parent,
            tr("&Paste image"),
            tr("Paste an image, an image file or an image URL"),
            QKeySequence(QKeySequence.StandardKey.Paste),
        ),
        generate=generate,
        settings=_action(parent, tr("&Settings…"), tr("Keys, output folder, proxy, notifications"), "Ctrl+,"),
        remove_task=remove,
        search=_action(
            parent, tr("&Find tasks"), tr("Search the tasks by prompt"), QKeySequence(QKeySequence.StandardKey.Find)
        ),
        quit=_action(parent, tr("&Quit"), tr("Quit Hailuo Desktop"), "Ctrl+Q"),
        notifications=notifications,
        try_demo=_action(parent, tr("Try the &demo"), tr("Restart on the built-in simulator: no key, no charge")),
    )
