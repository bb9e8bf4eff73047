"""Putting a finished file in place without ever overwriting one that is already there."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import TargetExists


@contextmanager
def temporary_beside(target: Path, suffix: str) -> Iterator[Path]:
    """A temporary path in the target's folder (same file system, so placing it is cheap);
    removed afterwards whatever happened."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{target.stem[:40]}.", suffix=f".part{suffix}", dir=target.parent)
    os.close(handle)
    try:
        yield Path(name)
    finally:
        Path(name).unlink(missing_ok=True)


def place_new(temporary: Path, target: Path) -> Path:
    """Give `temporary` the name `target`, or TargetExists; never replaces a file.

    A hard link is atomic and refuses an existing name; file systems without hard links
    (FAT and exFAT drives, some network shares) get an exclusive create and a copy.
    """
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise TargetExists(f"{target} already exists; nothing was overwritten.", path=str(target)) from None
    except OSError:
        try:
            with open(target, "xb") as out, open(temporary, "rb") as source:
                shutil.copyfileobj(source, out, 1024 * 1024)
        except FileExistsError:
            raise TargetExists(f"{target} already exists; nothing was overwritten.", path=str(target)) from None
    os.chmod(target, 0o644)  # mkstemp made the temporary private; this is the user's file
    return target


def numbered(target: Path, number: int) -> Path:
    """`name.mp4`, `name-2.mp4`, `name-3.mp4`, ..."""
    return target if number == 1 else target.with_name(f"{target.stem}-{number}{target.suffix}")


def write_new_text(path: Path, text: str) -> Path:
    """Create `path` with `text` (UTF-8), or TargetExists."""
    try:
        with open(path, "x", encoding="utf-8") as out:
            out.write(text)
    except FileExistsError:
        raise TargetExists(f"{path} already exists; nothing was overwritten.", path=str(path)) from None
    return path
