"""A download's request and body on a worker thread, through a blocking httpx client.

Why: streaming the body through the async client cost about 1 µs of Python per KiB on the
event loop (the window's): a pass through httpcore, h11 and anyio per 256 KiB read, each read
a fresh allocation and three copies, then a hand-over to the writer thread. Here one worker
thread does a whole leg (up to LEG_BYTES or LEG_SECONDS) at a time: it reads the body into
reused buffers (`recv_into`, no allocation per read), writes each piece, starts the disk's
writeback every few MiB (services.download_writeback) and hands the piece to the hash stage, a
second thread that feeds the SHA-256 meanwhile (services.download_hashing). Reading, writing and
hashing release the GIL, so the two threads run side by side and the loop only waits for the
leg (benchmarks/RESULTS.md, row 4). Legs are long (64 MiB or 0.5 s): each costs a round trip
through the loop, which under load waited for a core for several ms each time.

What is kept: the request goes through httpx with a client set up like the app's (the same
proxy settings, TLS verification and timeouts: services.http_client.blocking_twin), redirects
are followed here hop by hop with every request stripped of credentials, and h11 parses the
answer's headers. Only a body whose exact length the headers give (identity Content-Length,
not chunked) is then read past h11: first what h11 already buffered (its first Data event
empties its buffer), then straight from the connection's stream for exactly the announced
length (the socket itself when the connection is plain TCP, else httpcore's stream `read`,
which decrypts TLS). h11 never sees that body end, so the connection is closed afterwards,
never reused. Any other body (chunked, no length) is read through httpx as before.
"""

from __future__ import annotations

import hashlib
import socket
import time
from collections.abc import Iterator
from typing import Any, BinaryIO

import httpx

from ..domain.errors import DownloadError
from .download_hashing import BUFFER_BYTES, HashStage
from .download_headers import MAX_REDIRECTS, framed_length, hop_request, too_many_redirects
from .download_writeback import Writeback

LEG_BYTES = 64 * 1024 * 1024  # between legs the loop checks the lease (the guard)
LEG_SECONDS = 0.5  # a slow link ends its leg early for the same reason


def send_blocking(client: httpx.Client, url: str, headers: dict[str, str]) -> httpx.Response:
    """GET `url` without credentials, following redirects hop by hop (each hop stripped again)."""
    current = httpx.URL(url)
    for _ in range(MAX_REDIRECTS + 1):
        response = client.send(hop_request(client, current, headers), stream=True, follow_redirects=False, auth=None)
        if not response.is_redirect:
            return response
        location = response.headers.get("location", "")
        response.close()
        current = current.join(location)
    raise too_many_redirects(url)


class BlockingBody:
    """One answer's body into an open part file, a leg at a time (`read_leg`, on a worker thread).

    `received` starts at the bytes the part already holds; `total` is the whole file's announced
    size (None when unknown). Raises DownloadError past `max_bytes` or past `total`, OSError
    for the disk, httpx.TransportError for the network; a connection that ends early just ends
    the body (`done`), and the caller compares `received` with `total`."""

    def __init__(
        self,
        response: httpx.Response,
        file: BinaryIO,
        digest: hashlib._Hash,
        received: int,
        total: int | None,
        max_bytes: int,
        read_timeout: float | None,
    ) -> None:
        self._file = file
        self._writeback = Writeback(file.fileno())
        self.received = received
        self._total = total
        self._max_bytes = max_bytes
        self._timeout = read_timeout
        self._left = framed_length(response)  # body bytes still on the wire, when known
        self._stream: Any = response.extensions.get("network_stream") if self._left is not None else None
        self._pieces: Iterator[bytes] = response.iter_raw()
        self._direct = False
        self._hashing = HashStage(digest)  # the digest is fed on a second thread, in write order
        self.done = self._left == 0

    def read_leg(self) -> None:
        """Reads, writes and hands to the hash up to a leg's worth; after the last leg (`done`)
        the digest holds every byte written. On an error the hash stage is stopped."""
        try:
            self._read_leg()
            if self.done:
                self._writeback.start()  # the disk writes the last MiB while the hash catches up
                self._hashing.finish()
        except BaseException:
            self._hashing.stop()
            raise

    def close(self) -> None:
        """The body will not be read further (an error or the guard stopped the download)."""
        self._hashing.stop()

    def _read_leg(self) -> None:
        end, deadline = self.received + LEG_BYTES, time.monotonic() + LEG_SECONDS
        while not self.done and self.received < end and time.monotonic() < deadline:
            piece = self._read_direct() if self._direct else next(self._pieces, None)
            if not piece:
                self.done = True  # the end (or a connection that ended early: see `received`)
                return
            self._keep(piece)
            if self._left is not None:
                self._left -= len(piece)
                self.done = self._left <= 0
                self._direct = self._stream is not None  # h11's buffer is empty after its first Data

    def abort(self) -> None:
        """From another thread: end a read in progress now (the download is cancelled)."""
        sock = self._stream.get_extra_info("socket") if self._stream is not None else None
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def _read_direct(self) -> bytes | memoryview:
        import httpcore  # imported by then (the answer came through it); not at start-up

        assert self._left is not None
        want = min(BUFFER_BYTES, self._left)
        try:
            sock = self._plain_socket()
            if sock is None:
                data: bytes = self._stream.read(want, timeout=self._timeout)  # TLS: httpcore decrypts
                return data
            buffer = self._hashing.buffer()  # free: its piece was hashed
            sock.settimeout(self._timeout)
            count = sock.recv_into(buffer, want)
        except (TimeoutError, httpcore.TimeoutException) as exc:
            raise httpx.ReadTimeout(str(exc) or "read timed out") from exc
        except (OSError, httpcore.NetworkError) as exc:
            raise httpx.ReadError(str(exc) or "read failed") from exc
        return buffer[:count]

    def _plain_socket(self) -> socket.socket | None:
        if self._stream.get_extra_info("ssl_object") is not None:
            return None
        sock = self._stream.get_extra_info("socket")
        return sock if isinstance(sock, socket.socket) else None

    def _keep(self, piece: bytes | memoryview) -> None:
        size = len(piece)
        if self.received + size > self._max_bytes:
            raise DownloadError(f"The result is over the {self._max_bytes}-byte limit; it was not kept.")
        if self._total is not None and self.received + size > self._total:
            raise DownloadError("The result host sent more bytes than it announced.")
        self._file.write(piece)  # written before hashed: the digest describes what is on disk
        self._writeback.wrote(size)
        self._hashing.put(piece)
        self.received += size
