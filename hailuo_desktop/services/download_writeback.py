"""Start writing a download's bytes to the disk while it is still arriving, so the final fsync has little left.

Why: a finished download is fsynced before its rename (a paid result must survive a power
cut), and with the whole file still in the page cache that fsync waited for all of it: about
0.1 s per 200 MB here, half as long as curl's whole download (benchmarks/RESULTS.md, row 4).
Asking the kernel to start the writeback every few MiB (Linux `sync_file_range` with
SYNC_FILE_RANGE_WRITE: start, do not wait, no metadata) leaves the fsync the last few MiB and
the journal. It is a hint, never a guarantee: the fsync before the rename stays, and where
the call is missing (macOS, Windows, a libc without it) nothing is done.
"""

from __future__ import annotations

import ctypes
import functools
import sys
from collections.abc import Callable

WRITEBACK_BYTES = 8 * 1024 * 1024  # start the writeback each time this much more was written
_SYNC_FILE_RANGE_WRITE = 2


@functools.cache
def _sync_file_range() -> Callable[[int, int, int, int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)  # the process's own symbols, libc's among them (no ldconfig run)
        call = libc.sync_file_range
    except (OSError, AttributeError):
        return None
    call.argtypes = [ctypes.c_int, ctypes.c_longlong, ctypes.c_longlong, ctypes.c_uint]
    call.restype = ctypes.c_int
    return call


class Writeback:
    """Tracks how much of an open file was written since the last start (`wrote`), and starts
    the writeback from there to the end of the file every WRITEBACK_BYTES."""

    def __init__(self, fileno: int, *, every: int = WRITEBACK_BYTES) -> None:
        self._fileno = fileno
        self._every = every
        self._pending = 0
        self._call = _sync_file_range()

    def wrote(self, count: int) -> None:
        self._pending += count
        if self._pending >= self._every:
            self.start()

    def start(self) -> None:
        """Start the writeback of everything written so far (the last piece is in: the fsync
        then waits for less while the hash stage finishes)."""
        self._pending = 0
        if self._call is not None:
            self._call(self._fileno, 0, 0, _SYNC_FILE_RANGE_WRITE)  # offset 0, length 0: the whole file
