"""Turning what the user dropped, picked or pasted into image files the app can check.

Everything here touches the disk or the network, so the controller calls it off the GUI
thread (`asyncio.to_thread`) or awaits it (the URL fetch uses the app's async client).
"""

from __future__ import annotations

import asyncio
import hashlib
import os
from dataclasses import replace
from pathlib import Path

import httpx
from PySide6.QtGui import QImage

from ..domain.images import ImageFacts
from ..services.imagecheck import inspect_image

# Extensions picked up when walking a dropped folder. A file dropped by itself is always
# checked (by content), whatever its name; a folder's README is not worth a red row.
FOLDER_IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".bmp", ".tif", ".tiff", ".avif", ".heic"}
MAX_FILES_PER_DROP = 1000
URL_IMAGE_MAX_BYTES = 25 * 1024 * 1024  # above every provider's limit, so the verdict can still say "too large"
URL_TIMEOUT = httpx.Timeout(20.0)


def expand_paths(paths: list[str], limit: int = MAX_FILES_PER_DROP) -> tuple[list[str], int]:
    """Files to check: dropped files as they are, folders walked (sorted). (files, skipped)."""
    found: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            found.extend(_images_under(path))
        else:
            found.append(path)
    unique = list(dict.fromkeys(found))
    return unique[:limit], max(0, len(unique) - limit)


def _images_under(folder: str) -> list[str]:
    images = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        images.extend(os.path.join(root, name) for name in sorted(files)
                      if Path(name).suffix.lower() in FOLDER_IMAGE_SUFFIXES and not name.startswith("."))
    return images


def save_pasted(image: QImage, folder: Path) -> str:
    """A pasted picture as a PNG named by its content, so pasting twice adds it once."""
    folder.mkdir(parents=True, exist_ok=True)
    data = image.constBits().tobytes() if image.constBits() is not None else b""
    digest = hashlib.sha256(data + f"{image.width()}x{image.height()}".encode()).hexdigest()[:24]
    path = folder / f"pasted-{digest}.png"
    if not path.exists():
        partial = path.with_suffix(".png.part")
        if not image.save(str(partial), "PNG"):
            raise OSError(f"could not write {partial}")
        os.replace(partial, path)
    return str(path)


async def fetch_url_image(client: httpx.AsyncClient, url: str, folder: Path) -> tuple[ImageFacts, str | None]:
    """Download an image URL to a local cache to check it. (facts keyed by the URL, local copy)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / ("url-" + hashlib.sha256(url.encode()).hexdigest()[:24])
    try:
        await _download(client, url, path)
    except (httpx.HTTPError, OSError, _TooLarge) as error:
        return ImageFacts(url, unreadable=_fetch_problem(error)), None
    facts = await asyncio.to_thread(inspect_image, path)
    return replace(facts, path=url), str(path)


class _TooLarge(Exception):
    pass


async def _download(client: httpx.AsyncClient, url: str, path: Path) -> None:
    # No Authorization header goes with it: the client has none by default, and this is
    # the user's own URL, not a provider's.
    partial = path.with_suffix(".part")
    async with client.stream("GET", url, timeout=URL_TIMEOUT, follow_redirects=True) as response:
        response.raise_for_status()
        received = 0
        with open(partial, "wb") as out:
            async for chunk in response.aiter_bytes():
                received += len(chunk)
                if received > URL_IMAGE_MAX_BYTES:
                    raise _TooLarge()
                out.write(chunk)
    os.replace(partial, path)


def _fetch_problem(error: Exception) -> str:
    if isinstance(error, _TooLarge):
        return f"The image at this URL is over {URL_IMAGE_MAX_BYTES // (1024 * 1024)} MB."
    if isinstance(error, httpx.HTTPStatusError):
        return f"The URL answered HTTP {error.response.status_code}; check that the image is public."
    return f"The image could not be fetched ({type(error).__name__}); check the URL and your connection."
