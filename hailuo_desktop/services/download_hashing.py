"""A download's SHA-256 fed on a thread of its own, while the receiving thread reads and writes the next piece.

Why: at loopback speed SHA-256 costs more than receiving and writing together (about 0.16 s
per 200 MB with SHA-NI, against 0.08 s), and one after the other they added up. hashlib
releases the GIL for large pieces, so with the hash on a second thread a download takes
about as long as its slowest stage instead of the sum (benchmarks/RESULTS.md, row 4).

The receiving thread writes a piece to the part file, then hands it here (`put`): the
digest is fed in the order the pieces were written, so once `finish` returns it describes
exactly what is on disk. Memory stays flat: at most `depth` pieces wait or are being hashed,
and `put` waits for a slot. The receiving thread reads into the ring of buffers that
`buffer()` hands out; the ring has one buffer more than there are slots, so the buffer
handed out is never one still waiting to be hashed.

A failure while hashing is kept and raised, unchanged, by the next `put` or by `finish`;
the pieces after it are let through unhashed, so the receiving side never waits for a stage
that has stopped. The part file is not touched here: what was written stays, and a later
try resumes after it (the digest of that prefix is read again from the disk).
"""

from __future__ import annotations

import queue
import threading
from typing import Protocol

DEFAULT_DEPTH = 4
BUFFER_BYTES = 1024 * 1024


class Digest(Protocol):
    def update(self, data: bytes | memoryview, /) -> None: ...


class HashStage:
    def __init__(self, digest: Digest, *, depth: int = DEFAULT_DEPTH, buffer_bytes: int = BUFFER_BYTES) -> None:
        self._digest = digest
        self._slots = threading.Semaphore(depth)
        self._buffer_bytes = buffer_bytes
        self._ring: list[memoryview] = []  # grows to depth + 1 buffers as they are first needed
        self._ring_size = depth + 1
        self._count = 0  # pieces put so far
        self._pieces: queue.SimpleQueue[bytes | memoryview | None] = queue.SimpleQueue()
        self._failure: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="download-hash", daemon=True)
        self._thread.start()
        self._closed = False

    def buffer(self) -> memoryview:
        """A buffer to read the next piece into (hand the filled part of it to `put`)."""
        index = self._count % self._ring_size
        while len(self._ring) <= index:  # made when first needed: a short download never pays for the rest
            self._ring.append(memoryview(bytearray(self._buffer_bytes)))
        return self._ring[index]

    def put(self, piece: bytes | memoryview) -> None:
        """Hash `piece` after those put before it; waits while `depth` pieces are in hand.
        Raises the hashing failure, if there was one."""
        self._raise_failure()
        self._slots.acquire()
        self._count += 1
        self._pieces.put(piece)

    def finish(self) -> None:
        """Waits until every piece put is hashed; raises the hashing failure, if there was one."""
        self.stop()
        self._thread.join()
        self._raise_failure()

    def stop(self) -> None:
        """No more pieces (the download failed or was cancelled): the thread ends after what it holds."""
        if not self._closed:
            self._closed = True
            self._pieces.put(None)

    def _run(self) -> None:
        while (piece := self._pieces.get()) is not None:
            try:
                if self._failure is None:
                    self._digest.update(piece)
            except BaseException as exc:  # kept for the receiving thread: raised there, not lost here
                self._failure = exc
            finally:
                self._slots.release()

    def _raise_failure(self) -> None:
        if self._failure is not None:
            raise self._failure
