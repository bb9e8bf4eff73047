"""Finished takes leave the app as files: dragged from the grid or the list, or copied.

The mime data carries `file://` URLs (what file managers and editors such as Premiere,
Resolve and CapCut accept), plain text paths, and GNOME's copied-files list so a paste in
a file manager copies the files. Takes without a video on disk are left out.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from PySide6.QtCore import QByteArray, QMimeData, Qt, QUrl
from PySide6.QtGui import QDrag, QGuiApplication
from PySide6.QtWidgets import QAbstractItemView

from ...domain.states import TaskState
from ...domain.task import Task
from ..tasks.model import TaskRole

GNOME_FILES = "x-special/gnome-copied-files"


def take_files(tasks: Iterable[Task]) -> list[str]:
    """The video files of the finished takes, in the order given, each once."""
    files: list[str] = []
    for task in tasks:
        path = task.video_path
        if task.state is TaskState.SUCCEEDED and path and os.path.exists(path) and path not in files:
            files.append(path)
    return files


def files_mime(paths: list[str]) -> QMimeData:
    mime = QMimeData()
    urls = [QUrl.fromLocalFile(os.path.abspath(p)) for p in paths]
    mime.setUrls(urls)
    mime.setText("\n".join(os.path.abspath(p) for p in paths))
    listing = "copy\n" + "\n".join(u.toString(QUrl.ComponentFormattingOption.FullyEncoded) for u in urls)
    mime.setData(GNOME_FILES, QByteArray(listing.encode()))
    return mime


def selected_tasks(view: QAbstractItemView) -> list[Task]:
    """The view's selected takes, top to bottom (one per row, whatever the columns)."""
    selection = view.selectionModel()
    if selection is None:
        return []
    rows = sorted({index.row() for index in selection.selectedIndexes()})
    model = view.model()
    tasks = [model.index(row, 0).data(TaskRole) for row in rows]
    return [t for t in tasks if t is not None]


def drag_for(view: QAbstractItemView) -> QDrag | None:
    """The drag a view starts for its selection, or None when nothing selected has a file."""
    files = take_files(selected_tasks(view))
    if not files:
        return None
    drag = QDrag(view)
    drag.setMimeData(files_mime(files))
    return drag


def copy_files(tasks: Iterable[Task]) -> int:
    """Put the takes' files on the clipboard, as a drag would carry them; how many went."""
    files = take_files(tasks)
    if files:
        QGuiApplication.clipboard().setMimeData(files_mime(files))
    return len(files)


class DragsTakes:
    """Mixed into a QAbstractItemView: a drag carries the selected takes' files."""

    def startDrag(self, supported: Qt.DropAction) -> None:
        drag = drag_for(self)  # type: ignore[arg-type]
        if drag is not None:
            drag.exec(Qt.DropAction.CopyAction, Qt.DropAction.CopyAction)
