"""SHA-256 of a file on disk: the one helper for source images, uploads and sidecars."""

from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path


def sha256_file(path: Path | str) -> str:
    """Hex SHA-256 of a file, streamed. Raises OSError if the file cannot be read."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def sha256_or_none(path: Path | str) -> str | None:
    """The file's SHA-256, or None when it cannot be read (a missing or unreadable source is
    reported by the step that needs it, not here)."""
    try:
        stat = os.stat(path)
        return _sha256_of_version(str(Path(path).resolve()), stat.st_size, stat.st_mtime_ns)
    except OSError:
        return None


@functools.lru_cache(maxsize=256)
def _sha256_of_version(path: str, size: int, mtime_ns: int) -> str:
    # Keyed by size and mtime: N variants of one image in a batch read the file once, and a
    # file changed since is read again.
    return sha256_file(path)
