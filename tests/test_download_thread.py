"""Downloads on a worker thread with the app's client set-up: proxies kept, cancellation prompt.

(tests/test_downloads.py runs every download rule both ways, on the loop and on the thread.)
"""

from __future__ import annotations

import asyncio
import hashlib
import random

import httpx
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from hailuo_desktop.domain.errors import DownloadError
from hailuo_desktop.services.download_files import part_path
from hailuo_desktop.services.downloads import Downloader
from hailuo_desktop.services.http_client import blocking_twin, build_http_client
from hailuo_desktop.services.settings import Settings
from tests.fixtures.services import InstantClock
from tests.test_http_client import clean_proxy_environment, closed_port, http_proxy, socks5_proxy  # noqa: F401

pytestmark = pytest.mark.anyio


def manual(url: str) -> Settings:
    return Settings(proxy_mode="manual", proxy_url=url)


async def test_only_our_clients_have_a_blocking_twin_set_up_alike():
    async with httpx.AsyncClient() as foreign:
        assert blocking_twin(foreign) is None
    async with build_http_client(Settings(proxy_mode="none"), timeout=7.0) as ours:
        make = blocking_twin(ours)
        assert make is not None
        with make() as twin:
            assert twin.timeout == ours.timeout == httpx.Timeout(7.0)
            assert twin.headers["User-Agent"] == ours.headers["User-Agent"]
            assert twin.trust_env is ours.trust_env is False
            assert twin.follow_redirects is False


async def test_a_download_through_a_socks5_proxy_arrives_whole(socks5_proxy, file_server, tmp_path):  # noqa: F811
    data = random.Random(1).randbytes(3 * 1024 * 1024 + 5)
    url = file_server.add("v.mp4", data)
    clock = InstantClock()
    async with build_http_client(manual(f"socks5://127.0.0.1:{socks5_proxy.port}")) as client:
        size, sha = await Downloader(client, clock, clock.sleep).fetch(url, tmp_path / "v.mp4")
    assert (size, sha) == (len(data), hashlib.sha256(data).hexdigest())
    assert (tmp_path / "v.mp4").read_bytes() == data
    assert socks5_proxy.connects == [("127.0.0.1", int(url.split(":")[2].split("/")[0]))]


async def test_a_download_asks_the_manual_http_proxy(http_proxy, tmp_path):  # noqa: F811
    url = f"http://127.0.0.1:{closed_port()}/v.mp4"
    clock = InstantClock()
    async with build_http_client(manual(f"http://127.0.0.1:{http_proxy.port}")) as client:
        with pytest.raises(DownloadError, match="instead of a video"):  # the stand-in answers text itself
            await Downloader(client, clock, clock.sleep).fetch(url, tmp_path / "v.mp4")
    assert http_proxy.targets == [f"GET {url}"]


@pytest.fixture
async def stalling_server():
    """Announces 4 MiB, sends 1 MiB, then sends nothing more until the test ends."""
    half_sent, release = asyncio.Event(), asyncio.Event()

    async def handle(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "video/mp4"})
        response.content_length = 4 * 1024 * 1024
        await response.prepare(request)
        await response.write(bytes(1024 * 1024))
        half_sent.set()
        await release.wait()
        return response

    app = web.Application()
    app.router.add_get("/v.mp4", handle)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    server.half_sent = half_sent
    yield server
    release.set()
    await server.close()


async def test_cancelling_a_stalled_download_ends_its_thread_read_at_once(stalling_server, tmp_path):
    dest = tmp_path / "v.mp4"
    clock = InstantClock()
    # A read timeout far longer than the test: only the cancellation can end the read.
    async with build_http_client(Settings(proxy_mode="none"), timeout=600) as client:
        downloader = Downloader(client, clock, clock.sleep)
        task = asyncio.create_task(downloader.fetch(f"http://127.0.0.1:{stalling_server.port}/v.mp4", dest))
        await stalling_server.half_sent.wait()
        while not part_path(dest).exists() or part_path(dest).stat().st_size < 1024 * 1024:
            await asyncio.sleep(0.01)  # the thread is now blocked reading the next bytes
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await asyncio.wait_for(task, timeout=30)  # a guard against a hang, not a measured wait
    assert part_path(dest).stat().st_size == 1024 * 1024  # what arrived is kept for a resume
    assert not dest.exists()
