"""Atomic file writes: a reader sees the old file or the new one, never half of either.

The temp file lives in the target's folder because os.replace is only atomic within one
file system. The folder is fsynced after the rename so the new name survives a power cut.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..domain.errors import StorageError


def atomic_write_bytes(path: Path | str, data: bytes, *, mode: int | None = None) -> None:
    """Replace `path` with `data` atomically. Raises StorageError (never a bare OSError)."""
    path = Path(path)
    try:
        _write_and_replace(path, data, mode)
    except OSError as err:
        raise StorageError(f"Could not write {path}: {err.strerror or err}") from err


def atomic_write_text(path: Path | str, text: str, *, mode: int | None = None) -> None:
    atomic_write_bytes(path, text.encode("utf-8"), mode=mode)


def _write_and_replace(path: Path, data: bytes, mode: int | None) -> None:
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temp_name, mode)
        os.replace(temp_name, path)
    except BaseException:
        _remove_quietly(temp_name)
        raise
    fsync_folder(path.parent)


def fsync_folder(folder: Path | str) -> None:
    """Make a rename in `folder` durable. A no-op where folders cannot be opened (Windows)."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove_quietly(name: str) -> None:
    try:
        os.unlink(name)
    except FileNotFoundError:
        pass
