"""The files of a download: partial parts (one per owner), writing, hashing, fsync, the rename.

Split from downloads.py, which drives the HTTP side; see its docstring for when a part is
kept and when it is removed.
"""

from __future__ import annotations

import asyncio
import errno
import glob
import hashlib
import logging
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from ..domain.errors import DiskFull, StorageError

log = logging.getLogger(__name__)
HASH_BLOCK = 1024 * 1024
# Called with the name of a point a crash test may kill the process at (tests/crash_harness.py).
CrashPoint = Callable[[str], None]


def part_path(dest: Path, tag: str = "") -> Path:
    """`<dest>.part`, or `<dest>.<tag>.part`: a name only the owner tagged `tag` writes."""
    return dest.with_name(f"{dest.name}.{tag}.part" if tag else dest.name + ".part")


def partials(dest: Path) -> list[Path]:
    """Every partial download of `dest`, whoever wrote it, largest first."""
    dest = Path(dest)
    found = [
        p
        for p in dest.parent.glob(glob.escape(dest.name) + "*.part")
        if p.name == dest.name + ".part" or p.name.count(".") == dest.name.count(".") + 2
    ]
    return sorted(found, key=size_or_zero, reverse=True)


def discard_partial(dest: Path) -> None:
    """Remove the partial downloads of `dest`, if any (the task will not resume this download)."""
    for part in partials(Path(dest)):
        try:
            part.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("could not remove %s: %s", part, exc)


def adopt_partial(dest: Path, mine: Path) -> None:
    """Continue from the largest part another owner left (the task's lease is ours now).
    Copied, not renamed: an old owner that hung and wakes up may write a chunk more into
    its own file before it sees the lease is gone, and that must not land in ours."""
    if os.path.lexists(mine):
        return
    others = partials(dest)
    if not others:
        return
    if others[0].is_symlink():  # not a download's bytes (a test's stand-in for a full disk): keep the link
        os.replace(others[0], mine)
    else:
        shutil.copyfile(others[0], mine)
    for old in others:
        old.unlink(missing_ok=True)


# --- files ---------------------------------------------------------------------------
def ensure_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise storage_error(exc, folder) from exc
    if not os.access(folder, os.W_OK):
        raise StorageError(
            f"Cannot write to the output folder {folder}. Choose another output folder "
            "in Settings (or fix its permissions), then resume the task."
        )


def size_or_zero(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


def open_part(part: Path, *, append: bool) -> BinaryIO:
    try:
        return open(part, "ab" if append else "wb")
    except OSError as exc:
        raise storage_error(exc, part.parent) from exc


async def digest_of_prefix(part: Path, length: int) -> hashlib._Hash:
    """A SHA-256 fed with the first `length` bytes of the part (what a resumed download keeps)."""
    if not length:
        return hashlib.sha256()  # nothing to read: no trip to a thread

    def read() -> hashlib._Hash:
        digest = hashlib.sha256()
        with open(part, "rb") as file:
            while (left := length - file.tell()) > 0 and (block := file.read(min(HASH_BLOCK, left))):
                digest.update(block)
        return digest

    try:
        return await asyncio.to_thread(read)
    except OSError as exc:
        raise storage_error(exc, part.parent) from exc


async def finish(
    part: Path, dest: Path, crash_point: CrashPoint, known: tuple[int, hashlib._Hash] | None = None
) -> tuple[int, str]:
    """fsync the part, rename it over dest (atomic), fsync the folder. The hash comes from `known`
    (size, sha256 object fed while streaming) when there is one, else from reading the part."""
    try:
        return await asyncio.to_thread(finish_sync, part, dest, crash_point, known)
    except OSError as exc:
        raise storage_error(exc, dest.parent) from exc


def finish_sync(
    part: Path, dest: Path, crash_point: CrashPoint, known: tuple[int, hashlib._Hash] | None
) -> tuple[int, str]:
    with open(part, "rb+") as file:
        if known is None:
            size, digest = hash_open_file(file)
        else:
            size, digest = known[0], known[1].hexdigest()
            on_disk = os.fstat(file.fileno()).st_size
            if on_disk != size:  # the streamed digest would not describe this file
                raise OSError(errno.EIO, f"the partial file holds {on_disk} bytes, {size} were written")
        os.fsync(file.fileno())
    crash_point("before_rename")
    os.replace(part, dest)
    fsync_folder(dest.parent)
    crash_point("after_rename")
    return size, digest


async def hash_file(path: Path) -> tuple[int, str]:
    """(bytes, sha256 hex) of a file already on disk, read off the event loop."""

    def read() -> tuple[int, str]:
        with open(path, "rb") as file:
            return hash_open_file(file)

    try:
        return await asyncio.to_thread(read)
    except OSError as exc:
        raise storage_error(exc, Path(path).parent) from exc


def hash_open_file(file: BinaryIO) -> tuple[int, str]:
    digest = hashlib.sha256()
    size = 0
    while block := file.read(HASH_BLOCK):
        digest.update(block)
        size += len(block)
    return size, digest.hexdigest()


def fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable on POSIX; Windows cannot open a folder, and needs not.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def storage_error(exc: OSError, folder: Path) -> StorageError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFull(
            f"The disk holding {folder} is full. Free some space (or choose another output "
            "folder in Settings), then resume the task: the provider still has the video."
        )
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return StorageError(
            f"Cannot write to the output folder {folder}. Choose another output folder in "
            "Settings (or fix its permissions), then resume the task."
        )
    return StorageError(
        f"Could not save the video in {folder}: {exc.strerror or exc}. Fix the problem, then resume the task."
    )
