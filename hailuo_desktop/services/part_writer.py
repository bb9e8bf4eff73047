"""Writing and hashing a download on a thread of its own, while the event loop receives the next bytes.

At loopback speed, hashing (SHA-256) and writing each cost about as much as receiving;
done one after the other on the event loop they made a download three times slower than
curl and held the loop for the whole time. Here the loop only receives: each piece goes
to one worker thread (pieces stay in order) that writes it and then feeds the digest,
so the digest always describes what is on disk. Both calls release the GIL for large
buffers, so the thread runs beside the loop instead of taking turns with it.

Memory stays flat: at most `depth` pieces wait (a few MiB); `put` waits when they do.
A write error (full disk, ...) is raised by the next `put` or by `close`; nothing is
written after it.
"""

from __future__ import annotations

import asyncio
import hashlib
import io
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from typing import BinaryIO

from .download_writeback import Writeback

DEFAULT_DEPTH = 8


class PartWriter:
    def __init__(self, file: BinaryIO, digest: hashlib._Hash, *, depth: int = DEFAULT_DEPTH) -> None:
        self._file = file
        self._digest = digest
        self._depth = depth
        self._writeback = _writeback_for(file)
        self._pending: deque[Future[None]] = deque()
        self._failed: BaseException | None = None
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="download-writer")

    async def put(self, piece: bytes) -> None:
        """Queue `piece`; waits while `depth` pieces are still being written. Raises a write error."""
        self._raise_if_failed()
        self._pending.append(self._executor.submit(self._write, piece))
        while len(self._pending) > self._depth or (self._pending and self._pending[0].done()):
            await asyncio.wrap_future(self._pending.popleft())

    async def close(self) -> None:
        """Wait for every queued piece, stop the thread; raises the first write error."""
        try:
            while self._pending:
                await asyncio.wrap_future(self._pending.popleft())
        finally:
            self._executor.shutdown(wait=True)
        self._raise_if_failed()

    async def abandon(self) -> None:
        """Wait for what is queued (so the file can be closed or removed), ignoring its errors."""
        try:
            await self.close()
        except OSError:
            pass

    def _write(self, piece: bytes) -> None:
        if self._failed is not None:
            return  # nothing after a failed write: the file would have a hole
        try:
            self._file.write(piece)
        except BaseException as exc:
            self._failed = exc
            raise
        if self._writeback is not None:
            self._writeback.wrote(len(piece))
        self._digest.update(piece)

    def _raise_if_failed(self) -> None:
        if self._failed is not None:
            raise self._failed


def _writeback_for(file: BinaryIO) -> Writeback | None:
    """Early writeback for a file on disk (services.download_writeback); None for a stand-in without one."""
    try:
        return Writeback(file.fileno())
    except (AttributeError, OSError, io.UnsupportedOperation):
        return None
