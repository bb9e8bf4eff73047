"""A download's hash on a thread of its own: the digest stays exact, failures surface, nothing is left running.

(The download rules themselves run both ways in tests/test_downloads.py; here the stage
between the receiving thread and the SHA-256, and the early writeback.)
"""

from __future__ import annotations

import asyncio
import hashlib
import itertools
import os
import random
import ssl
import sys
import threading

import httpx
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from hailuo_desktop.services import download_writeback
from hailuo_desktop.services.download_blocking import BlockingBody, send_blocking
from hailuo_desktop.services.download_files import part_path
from hailuo_desktop.services.download_hashing import HashStage
from hailuo_desktop.services.downloads import Downloader
from hailuo_desktop.services.http_client import build_http_client
from hailuo_desktop.services.settings import Settings
from tests.fixtures.services import InstantClock
from tests.test_tls_context import authority  # noqa: F401

pytestmark = pytest.mark.anyio
MiB = 1024 * 1024
ODD_SIZES = (1, 65_536, 4_099, 65_535, 17, 30_011, 2, 7_919)


class RecordingDigest:
    """SHA-256 that also counts the pieces it has hashed and keeps a copy of the bytes it saw."""

    def __init__(self) -> None:
        self.sha = hashlib.sha256()
        self.hashed = 0
        self.seen = bytearray()

    def update(self, piece: bytes | memoryview) -> None:
        self.seen += piece
        self.sha.update(piece)
        self.hashed += 1


class BrokenDigest:
    """Fails as a hash implementation might, after `after` bytes."""

    def __init__(self, after: int) -> None:
        self.after, self.fed = after, 0

    def update(self, piece: bytes | memoryview) -> None:
        self.fed += len(piece)
        if self.fed > self.after:
            raise ValueError("the hash stage broke")


def hash_stage_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "download-hash"]


def test_the_digest_is_exact_for_odd_pieces_read_into_the_reused_buffers():
    data = random.Random(2).randbytes(3 * MiB + 11)
    digest = RecordingDigest()
    stage = HashStage(digest, depth=2, buffer_bytes=64 * 1024)
    last_use: dict[int, int] = {}  # buffer -> index of the last piece read into it
    offset = 0
    for index, size in enumerate(itertools.cycle(ODD_SIZES)):
        if offset >= len(data):
            break
        if index % 5 == 0:  # pieces that arrive as bytes (h11's first Data, TLS reads), first and between
            piece: bytes | memoryview = data[offset : offset + size]
        else:
            buffer = stage.buffer()
            # the buffer handed out is never one whose piece still waits to be hashed
            assert digest.hashed > last_use.get(id(buffer.obj), -1)
            last_use[id(buffer.obj)] = index
            count = min(size, len(buffer), len(data) - offset)
            buffer[:count] = data[offset : offset + count]
            piece = buffer[:count]
        stage.put(piece)
        offset += len(piece)
    stage.finish()
    assert bytes(digest.seen) == data
    assert digest.sha.hexdigest() == hashlib.sha256(data).hexdigest()
    assert not hash_stage_threads()  # `finish` waited for the thread


def test_a_hashing_failure_surfaces_unchanged_and_never_blocks_the_receiving_side():
    stage = HashStage(BrokenDigest(after=10_000), depth=2, buffer_bytes=4096)
    with pytest.raises(ValueError, match="the hash stage broke"):
        for _ in range(1000):  # far more pieces than slots: a stage that stopped consuming would hang here
            buffer = stage.buffer()
            stage.put(buffer[:4000])
        stage.finish()
    with pytest.raises(ValueError, match="the hash stage broke"):
        stage.finish()  # and again, for whoever asks last
    assert not hash_stage_threads()


def test_a_stopped_stage_ends_its_thread_after_what_it_holds():
    digest = RecordingDigest()
    stage = HashStage(digest, depth=3)
    for n in range(3):
        stage.put(bytes([n]) * 1000)
    stage.stop()
    for thread in hash_stage_threads():
        thread.join(timeout=30)  # a guard against a hang, not a measured wait
    assert not hash_stage_threads()
    assert digest.hashed == 3


@pytest.fixture
async def odd_server():
    """Serves `data` in odd-sized writes, each flushed, so the client reads odd-sized pieces."""
    data = random.Random(4).randbytes(12 * MiB + 7)
    ranges: list[str | None] = []

    async def handle(request: web.Request) -> web.StreamResponse:
        ranges.append(request.headers.get("Range"))
        start = int(request.headers.get("Range", "bytes=0-").removeprefix("bytes=").split("-")[0])
        status = 206 if start else 200
        response = web.StreamResponse(status=status, headers={"Content-Type": "video/mp4"})
        if start:
            response.headers["Content-Range"] = f"bytes {start}-{len(data) - 1}/{len(data)}"
        response.content_length = len(data) - start
        await response.prepare(request)
        offset = start
        for size in itertools.cycle(ODD_SIZES):
            if offset >= len(data):
                break
            await response.write(data[offset : offset + size * 3])
            offset += size * 3
        return response

    app = web.Application()
    app.router.add_get("/v.mp4", handle)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    server.data, server.ranges = data, ranges
    yield server
    await server.close()


@pytest.mark.parametrize("threads", [True, False], ids=["thread", "loop"])
async def test_a_body_arriving_in_odd_pieces_is_hashed_exactly(odd_server, tmp_path, threads):
    clock = InstantClock()
    async with build_http_client(Settings(proxy_mode="none"), download_threads=threads) as client:
        size, sha = await Downloader(client, clock, clock.sleep).fetch(
            f"http://127.0.0.1:{odd_server.port}/v.mp4", tmp_path / "v.mp4"
        )
    assert (size, sha) == (len(odd_server.data), hashlib.sha256(odd_server.data).hexdigest())
    assert (tmp_path / "v.mp4").read_bytes() == odd_server.data
    assert not hash_stage_threads()


async def test_a_hashing_failure_keeps_the_part_and_a_later_try_resumes_it_exactly(odd_server, tmp_path):
    url = f"http://127.0.0.1:{odd_server.port}/v.mp4"
    dest = tmp_path / "v.mp4"
    part = part_path(dest)

    def first_try() -> None:
        with httpx.Client(timeout=30) as client, open(part, "wb") as file:
            response = send_blocking(client, url, {"Accept-Encoding": "identity"})
            body = BlockingBody(response, file, BrokenDigest(after=2 * MiB), 0, len(odd_server.data), 1 << 40, 30)
            try:
                while not body.done:
                    body.read_leg()
            finally:
                body.close()
                response.close()

    with pytest.raises(ValueError, match="the hash stage broke"):
        await asyncio.to_thread(first_try)
    kept = part.read_bytes()
    assert 2 * MiB < len(kept) < len(odd_server.data)  # what was written stays
    assert kept == odd_server.data[: len(kept)]

    clock = InstantClock()
    async with build_http_client(Settings(proxy_mode="none")) as client:
        size, sha = await Downloader(client, clock, clock.sleep).fetch(url, dest)
    assert (size, sha) == (len(odd_server.data), hashlib.sha256(odd_server.data).hexdigest())
    assert odd_server.ranges == [None, f"bytes={len(kept)}-"]  # resumed after what was kept
    assert not part.exists()
    assert not hash_stage_threads()


@pytest.fixture
async def stalling_server():
    """Announces 16 MiB, sends 6 MiB at once, then nothing more until the test ends."""
    release = asyncio.Event()

    async def handle(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "video/mp4"})
        response.content_length = 16 * MiB
        await response.prepare(request)
        for _ in range(6):
            await response.write(bytes(MiB))
        await release.wait()
        return response

    app = web.Application()
    app.router.add_get("/v.mp4", handle)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    yield server
    release.set()
    await server.close()


@pytest.mark.parametrize("threads", [True, False], ids=["thread", "loop"])
async def test_cancelling_mid_body_ends_every_stage_and_keeps_what_was_written(stalling_server, tmp_path, threads):
    dest = tmp_path / "v.mp4"
    clock = InstantClock()
    async with build_http_client(Settings(proxy_mode="none"), timeout=600, download_threads=threads) as client:
        downloader = Downloader(client, clock, clock.sleep)
        task = asyncio.create_task(downloader.fetch(f"http://127.0.0.1:{stalling_server.port}/v.mp4", dest))
        while not task.done() and (not part_path(dest).exists() or part_path(dest).stat().st_size < 6 * MiB):
            await asyncio.sleep(0.01)  # then the receiving thread is blocked on the next bytes
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await asyncio.wait_for(task, timeout=30)  # a guard against a hang, not a measured wait
    for thread in hash_stage_threads():
        thread.join(timeout=30)
    assert not hash_stage_threads()
    assert not [t for t in threading.enumerate() if t.name.startswith("download-writer")]  # the loop path's
    assert part_path(dest).read_bytes() == bytes(6 * MiB)
    assert not dest.exists()


def test_the_early_writeback_is_found_on_linux_and_leaves_the_bytes_alone(tmp_path):
    call = download_writeback._sync_file_range()
    # on Linux a libc without it would quietly make every final fsync long again; elsewhere it is not asked for
    assert (call is not None) == sys.platform.startswith("linux")
    data = random.Random(6).randbytes(3 * MiB)
    with open(tmp_path / "part", "wb") as file:
        writeback = download_writeback.Writeback(file.fileno(), every=MiB)
        for offset in range(0, len(data), 100_000):
            file.write(data[offset : offset + 100_000])
            writeback.wrote(len(data[offset : offset + 100_000]))
        assert call is None or call(file.fileno(), 0, 0, 2) == 0
        os.fsync(file.fileno())
    assert (tmp_path / "part").read_bytes() == data


@pytest.mark.parametrize("threads", [True, False], ids=["thread", "loop"])
async def test_a_body_over_tls_is_hashed_exactly(monkeypatch, authority, tmp_path, threads):  # noqa: F811
    """Under TLS both paths read decrypted bytes from httpcore's stream (the thread path without its ring)."""
    data = random.Random(8).randbytes(3 * MiB + 5)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(authority / "server.pem", authority / "server.key")

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        head = f"HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: {len(data)}\r\n\r\n"
        writer.write(head.encode())
        offset = 0
        for size in itertools.cycle(ODD_SIZES):
            if offset >= len(data):
                break
            writer.write(data[offset : offset + size * 5])
            await writer.drain()
            offset += size * 5
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0, ssl=context)
    port = server.sockets[0].getsockname()[1]
    monkeypatch.setenv("SSL_CERT_FILE", str(authority / "ca.pem"))
    clock = InstantClock()
    try:
        async with build_http_client(Settings(proxy_mode="system"), download_threads=threads) as client:
            size, sha = await Downloader(client, clock, clock.sleep).fetch(
                f"https://127.0.0.1:{port}/v.mp4", tmp_path / "v.mp4"
            )
    finally:
        server.close()
        await server.wait_closed()
    assert (size, sha) == (len(data), hashlib.sha256(data).hexdigest())
    assert (tmp_path / "v.mp4").read_bytes() == data
    assert not hash_stage_threads()
