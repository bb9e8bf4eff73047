"""Turning what the user dropped, picked or pasted into image files the app can check.

Everything here touches the disk, so the image intake calls it off the GUI thread
(`asyncio.to_thread`). A dropped URL is fetched by services/url_images.py.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PySide6.QtGui import QImage

# Extensions picked up when walking a dropped folder. A file dropped by itself is always
# checked (by content), whatever its name; a folder's README is not worth a red row.
FOLDER_IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".bmp", ".tif", ".tiff", ".avif", ".heic"}
MAX_FILES_PER_DROP = 1000


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
        images.extend(
            os.path.join(root, name)
            for name in sorted(files)
            if Path(name).suffix.lower() in FOLDER_IMAGE_SUFFIXES and not name.startswith(".")
        )
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
