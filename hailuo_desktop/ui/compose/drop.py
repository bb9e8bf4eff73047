"""Turning a drop or the clipboard into what the controller acts on.

One kind per drop, in this order: local files and folders (the controller walks folders
and sniffs contents), then image data (what the user sees, no download needed), then
http(s) URLs (a browser drag of a picture). Nothing here reads a file or the network.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QMimeData, QObject, QUrl, Signal
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QWidget

_IMG_SRC = re.compile(r"""<img\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_WEB_URL = re.compile(r"https?://\S+", re.IGNORECASE)


@dataclass(frozen=True)
class Dropped:
    paths: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    image: QImage | None = None

    @property
    def empty(self) -> bool:
        return not self.paths and not self.urls and self.image is None


def _web_url(text: str) -> str | None:
    url = QUrl(text.strip())
    ok = url.isValid() and url.scheme().lower() in ("http", "https") and bool(url.host())
    return url.toString() if ok else None


def _unique(items) -> list[str]:
    return list(dict.fromkeys(item for item in items if item))


def _local_paths(mime: QMimeData) -> list[str]:
    return _unique(url.toLocalFile() for url in mime.urls() if url.isLocalFile()) if mime.hasUrls() else []


def _web_urls(mime: QMimeData) -> list[str]:
    """A page's <img src> beats the link a picture sits in; then the URL list; then plain text."""
    candidates = _IMG_SRC.findall(mime.html()) if mime.hasHtml() else []
    if not any(_web_url(c) for c in candidates) and mime.hasUrls():
        candidates = [url.toString() for url in mime.urls()]
    if not any(_web_url(c) for c in candidates) and mime.hasText():
        candidates = _WEB_URL.findall(mime.text())
    return _unique(_web_url(c) for c in candidates)


def _image(mime: QMimeData) -> QImage | None:
    if not mime.hasImage():
        return None
    image = QImage(mime.imageData())
    return None if image.isNull() else image


def read_mime(mime: QMimeData | None) -> Dropped:
    if mime is None:
        return Dropped()
    paths = _local_paths(mime)
    if paths:
        return Dropped(paths=paths)
    image = _image(mime)
    if image is not None:
        return Dropped(image=image)
    return Dropped(urls=_web_urls(mime))


def could_hold_images(mime: QMimeData | None) -> bool:
    """Cheap check for drag-enter: no image decoding while the cursor moves."""
    if mime is None:
        return False
    if mime.hasImage() or (mime.hasUrls() and any(u.isLocalFile() or _web_url(u.toString()) for u in mime.urls())):
        return True
    return bool(_web_urls(mime))


class DropHandler(QObject):
    """Makes a widget a drop target and turns drops and pastes into intent signals."""

    paths_dropped = Signal(list)
    urls_dropped = Signal(list)
    image_pasted = Signal(object)

    def __init__(self, target: QWidget) -> None:
        super().__init__(target)
        target.setAcceptDrops(True)
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if could_hold_images(event.mimeData()):
                event.acceptProposedAction()
                return True
            event.ignore()
            return True
        if kind == QEvent.Type.Drop:
            delivered = self.deliver(event.mimeData())
            event.setAccepted(delivered)
            if delivered:
                event.acceptProposedAction()
            return True
        return False

    def paste(self, mime: QMimeData | None = None) -> bool:
        """Paste from the clipboard (or the given data); False when it holds no image."""
        return self.deliver(mime if mime is not None else QGuiApplication.clipboard().mimeData())

    def deliver(self, mime: QMimeData | None) -> bool:
        dropped = read_mime(mime)
        if dropped.paths:
            self.paths_dropped.emit(dropped.paths)
        elif dropped.image is not None:
            self.image_pasted.emit(dropped.image)
        elif dropped.urls:
            self.urls_dropped.emit(dropped.urls)
        return not dropped.empty
