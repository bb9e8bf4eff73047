"""Images into the compose list: dropped files and folders, URLs, pasted pictures, the file dialog.

Each image is listed at once ("checking"), then gets the header verdict, the full-decode
verdict and its thumbnail, all read off the GUI thread. A URL is fetched by the engine
(services/url_images.py) to a cache folder and checked like a file.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Signal, Slot
from PySide6.QtWidgets import QWidget
from qasync import asyncSlot

from ..domain.images import ImageFacts
from ..domain.sources import is_url
from ..services.imagecheck import inspect_image
from .compose import ComposePanel
from .compose.pixels import verify_pixels
from .dialogs import choose_files
from .image_files import expand_paths, save_pasted
from .slots import ErrorReporter, SlotTasks, reports_errors
from .thumbnails import load_thumbnail

COMPOSE_THUMB = QSize(128, 128)  # the image list paints 64 px; twice that for HiDPI screens
# (url, cache folder) -> (facts keyed by the URL, the local copy or None): Engine.fetch_url_image
FetchUrl = Callable[[str, Path], Awaitable[tuple[ImageFacts, "str | None"]]]


def _image_filter(tr) -> str:
    return tr("Images (*.jpg *.jpeg *.png *.webp *.gif *.bmp *.tif *.tiff *.avif *.heic);;All files (*)")


class ImageIntake(QObject):
    images_checked = Signal(list)  # keys whose verdict is now shown (tests and measurements)
    thumbnails_shown = Signal(list)  # keys whose thumbnails have been read (or found unreadable)
    status = Signal(str)  # a short note for the status bar

    def __init__(
        self,
        compose: ComposePanel,
        fetch_url: FetchUrl,
        cache_dir: Path,
        pasted_dir: Path,
        errors: ErrorReporter,
        dialog_parent: QWidget,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.compose = compose
        self._fetch_url = fetch_url
        self._url_cache = cache_dir / "urls"
        self._pasted_dir = pasted_dir
        self._dialog_parent = dialog_parent
        self.errors = errors
        self.slot_tasks = SlotTasks()

    @asyncSlot(list)
    @reports_errors
    async def on_paths_dropped(self, paths: list) -> None:
        files, skipped = await asyncio.to_thread(expand_paths, [str(p) for p in paths])
        if skipped:
            self.status.emit(self.tr("Only the first {n} images were added.").format(n=len(files)))
        await self.add_local_images(files)

    @asyncSlot(list)
    @reports_errors
    async def on_urls_dropped(self, urls: list) -> None:
        for url in urls:
            self.compose.add_image(url, None)
        results = await asyncio.gather(*(self._fetch_url(url, self._url_cache) for url in urls))
        for url, (facts, _local) in zip(urls, results):
            self.compose.add_image(url, facts)
        self.images_checked.emit(list(urls))
        await self._thumbnails({url: local for url, (_facts, local) in zip(urls, results) if local})

    @asyncSlot(object)
    @reports_errors
    async def on_image_pasted(self, image) -> None:
        path = await asyncio.to_thread(save_pasted, image, self._pasted_dir)
        await self.add_local_images([path])

    @Slot(str)
    def reuse(self, key: str) -> None:
        """An image used again from a task: a URL or a local file."""
        if is_url(key):
            self.on_urls_dropped([key])
        else:
            self.on_paths_dropped([key])

    @asyncSlot()
    @reports_errors
    async def on_open_files(self) -> None:
        files = await choose_files(self._dialog_parent, self.tr("Choose images to animate"), _image_filter(self.tr))
        if files:
            self.on_paths_dropped(files)

    async def add_local_images(self, files: list[str]) -> None:
        for path in files:
            self.compose.add_image(path, None)  # listed at once, as "checking"
        all_facts = await asyncio.gather(*(asyncio.to_thread(inspect_image, path) for path in files))
        for path, facts in zip(files, all_facts):
            self.compose.add_image(path, facts, decoding=not facts.unreadable)  # header verdict, then pixels
        await asyncio.gather(self._verdicts(files, all_facts), self._listed_thumbnails(files))

    async def _verdicts(self, files: list[str], all_facts: list) -> None:
        await verify_pixels(self.compose, [path for path, facts in zip(files, all_facts) if not facts.unreadable])
        self.images_checked.emit(list(files))

    async def _listed_thumbnails(self, files: list[str]) -> None:
        await self._thumbnails({path: path for path in files})
        self.thumbnails_shown.emit(list(files))

    async def _thumbnails(self, sources: dict[str, str]) -> None:
        """key -> local file; each thumbnail is set as soon as it is read."""

        async def one(key: str, path: str) -> None:
            image = await asyncio.to_thread(load_thumbnail, path, COMPOSE_THUMB)
            if image is not None:
                self.compose.set_thumbnail(key, image)

        await asyncio.gather(*(one(key, path) for key, path in sources.items()))
