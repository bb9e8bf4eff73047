"""The app's HTTP client, over real loopback sockets: timeouts, redirects, proxies."""

from __future__ import annotations

import asyncio
import ipaddress
import socket

import httpx
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from hailuo_desktop.domain.errors import InvalidRequest
from hailuo_desktop.services.http_client import DEFAULT_TIMEOUT, USER_AGENT, build_http_client
from hailuo_desktop.services.settings import Settings

pytestmark = pytest.mark.anyio
PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")


@pytest.fixture(autouse=True)
def clean_proxy_environment(monkeypatch):
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


@pytest.fixture
async def target():
    """An origin server that records what reached it."""
    seen: list[str] = []

    async def handle(request: web.Request) -> web.Response:
        seen.append(request.path)
        if request.path == "/moved":
            raise web.HTTPFound("/final")
        return web.Response(text=f"direct {request.path} ua={request.headers.get('User-Agent')}")

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", handle)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    server.seen = seen
    yield server
    await server.close()


@pytest.fixture
async def http_proxy():
    """A forward proxy stand-in: it answers itself and records the request target it was sent."""
    targets: list[str] = []

    async def handle(request: web.Request) -> web.Response:
        targets.append(f"{request.method} {request.raw_path}")
        return web.Response(text="via proxy")

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", handle)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    server.targets = targets
    yield server
    await server.close()


@pytest.fixture
async def socks5_proxy():
    """A minimal SOCKS5 relay (no auth, CONNECT only) that records where it connected."""
    connects: list[tuple[str, int]] = []

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        _, method_count = await reader.readexactly(2)
        await reader.readexactly(method_count)
        writer.write(b"\x05\x00")  # version 5, no authentication
        _, command, _, address_type = await reader.readexactly(4)
        host = await read_socks_host(reader, address_type)
        port = int.from_bytes(await reader.readexactly(2), "big")
        connects.append((host, port))
        upstream_reader, upstream_writer = await asyncio.open_connection(host, port)
        writer.write(b"\x05\x00\x00\x01" + bytes(6))  # succeeded; bound address unused
        await asyncio.gather(pipe(reader, upstream_writer), pipe(upstream_reader, writer))

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    server.port = server.sockets[0].getsockname()[1]
    server.connects = connects
    yield server
    server.close()
    await server.wait_closed()


async def read_socks_host(reader: asyncio.StreamReader, address_type: int) -> str:
    if address_type == 1:
        return str(ipaddress.IPv4Address(await reader.readexactly(4)))
    if address_type == 4:
        return str(ipaddress.IPv6Address(await reader.readexactly(16)))
    (length,) = await reader.readexactly(1)
    return (await reader.readexactly(length)).decode()


async def pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    finally:
        writer.close()


def closed_port() -> int:
    """A loopback port with nothing listening: reaching it directly would fail."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manual(url: str) -> Settings:
    return Settings(proxy_mode="manual", proxy_url=url)


# --- timeouts and redirects --------------------------------------------------------------


async def test_explicit_timeouts_and_no_redirects():
    async with build_http_client(Settings()) as client:
        assert client.timeout == httpx.Timeout(connect=10.0, read=60.0, write=60.0, pool=10.0) == DEFAULT_TIMEOUT
        assert client.follow_redirects is False
    async with build_http_client(Settings(), timeout=3.5) as client:
        assert client.timeout == httpx.Timeout(3.5)


async def test_a_redirect_is_returned_not_followed(target):
    async with build_http_client(Settings(proxy_mode="none")) as client:
        response = await client.get(f"http://127.0.0.1:{target.port}/moved")
    assert response.status_code == 302 and response.headers["Location"] == "/final"
    assert target.seen == ["/moved"]


async def test_the_app_names_itself(target):
    async with build_http_client(Settings(proxy_mode="none")) as client:
        response = await client.get(f"http://127.0.0.1:{target.port}/ua")
    assert f"ua={USER_AGENT}" in response.text


# --- proxies -----------------------------------------------------------------------------


async def test_a_manual_http_proxy_carries_the_request(http_proxy):
    url = f"http://127.0.0.1:{closed_port()}/x?y=1"
    async with build_http_client(manual(f"http://127.0.0.1:{http_proxy.port}")) as client:
        response = await client.get(url)
    assert response.text == "via proxy"
    assert http_proxy.targets == [f"GET {url}"]  # absolute-form: the proxy was asked for the URL


async def test_a_manual_proxy_ignores_no_proxy(http_proxy, monkeypatch):
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    async with build_http_client(manual(f"http://127.0.0.1:{http_proxy.port}")) as client:
        assert (await client.get(f"http://127.0.0.1:{closed_port()}/y")).text == "via proxy"
    assert len(http_proxy.targets) == 1


async def test_a_manual_socks5_proxy_carries_the_request(socks5_proxy, target):
    async with build_http_client(manual(f"socks5://127.0.0.1:{socks5_proxy.port}")) as client:
        response = await client.get(f"http://127.0.0.1:{target.port}/through-socks")
    assert response.text.startswith("direct /through-socks")
    assert socks5_proxy.connects == [("127.0.0.1", target.port)]


async def test_system_mode_uses_the_environment_proxy(http_proxy, monkeypatch):
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{http_proxy.port}")
    async with build_http_client(Settings(proxy_mode="system")) as client:
        assert (await client.get(f"http://127.0.0.1:{closed_port()}/env")).text == "via proxy"
    assert len(http_proxy.targets) == 1


async def test_none_mode_ignores_the_environment_proxy(http_proxy, target, monkeypatch):
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{http_proxy.port}")
    async with build_http_client(Settings(proxy_mode="none")) as client:
        response = await client.get(f"http://127.0.0.1:{target.port}/direct")
    assert response.text.startswith("direct /direct")
    assert http_proxy.targets == [] and target.seen == ["/direct"]


@pytest.mark.parametrize("url", [None, "", "ftp://proxy:21", "proxy-without-scheme:3128", "http://"])
async def test_a_bad_manual_proxy_is_a_clear_error(url):
    with pytest.raises(InvalidRequest, match="proxy"):
        build_http_client(manual(url))


async def test_an_unknown_proxy_mode_is_a_clear_error():
    with pytest.raises(InvalidRequest, match="proxy mode"):
        build_http_client(Settings(proxy_mode="carrier-pigeon"))
