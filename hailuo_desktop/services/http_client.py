"""The app's one HTTP client: explicit timeouts, no automatic redirects, the user's proxy."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx

from .. import __version__ as APP_VERSION
from ..domain.errors import InvalidRequest
from .settings import PROXY_SCHEMES, Settings
from .tls import client_tls_context

# Generation results take minutes, but each single request should not: a minute without a
# byte means the connection is dead, and the runner decides what to do about it.
DEFAULT_TIMEOUT = httpx.Timeout(connect=10.0, read=60.0, write=60.0, pool=10.0)
USER_AGENT = f"hailuo-desktop/{APP_VERSION}"


def build_http_client(
    settings: Settings, *, timeout: httpx.Timeout | float | None = None, download_threads: bool = True
) -> httpx.AsyncClient:
    """One client for provider calls, uploads and downloads.

    Redirects are not followed: a redirect could carry the provider's Authorization header
    to another origin, so the downloader follows them itself, without that header. The TLS
    context loads its certificate authorities on a thread (services/tls.py): the client and
    the window that holds it do not wait for them, only the first handshake might.
    `download_threads`: downloads read their bodies on worker threads through the client's
    blocking twin (False: on the client's own loop; the window's choice, see app.py).
    """
    proxy = proxy_options(settings)
    return AppClient(
        download_threads=download_threads,
        timeout=DEFAULT_TIMEOUT if timeout is None else timeout,
        follow_redirects=False,
        headers={"User-Agent": USER_AGENT},
        verify=client_tls_context(proxy["trust_env"]),
        **proxy,
    )


def blocking_twin(client: httpx.AsyncClient) -> Callable[[], httpx.Client] | None:
    """Builds a blocking client set up exactly like `client` (proxy, TLS context, timeouts,
    headers), for work done on a worker thread (services.download_blocking); None for a client
    not built by build_http_client, whose set-up cannot be copied."""
    return client.blocking_twin if isinstance(client, AppClient) and client.download_threads else None


class AppClient(httpx.AsyncClient):
    """httpx's client whose direct transport is made on the first request, not with the client:
    making it imports httpcore, h11 and anyio, which the window does not need to open. (Passing
    `transport=` instead would turn off the environment's proxies.) tests/test_tls_context.py
    fails if an httpx release stops calling this hook."""

    def __init__(self, *, download_threads: bool = True, **options: Any) -> None:
        self.download_threads = download_threads
        self._options = options  # for its blocking twin
        super().__init__(**options)

    def blocking_twin(self) -> httpx.Client:
        """A blocking client with this one's options: the same proxy, TLS context (shared), timeouts."""
        return httpx.Client(**self._options)

    def _init_transport(self, *args: Any, transport: httpx.AsyncBaseTransport | None = None, **options: Any) -> Any:
        return transport or TransportOnFirstRequest(*args, **options)


class TransportOnFirstRequest(httpx.AsyncBaseTransport):
    """An httpx.AsyncHTTPTransport made with these arguments when it is first needed."""

    def __init__(self, *args: Any, **options: Any) -> None:
        self._arguments = args, options
        self._transport: httpx.AsyncHTTPTransport | None = None

    def _made(self) -> httpx.AsyncHTTPTransport:
        if self._transport is None:
            args, options = self._arguments
            self._transport = httpx.AsyncHTTPTransport(*args, **options)
        return self._transport

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self._made().handle_async_request(request)

    async def aclose(self) -> None:
        if self._transport is not None:
            await self._transport.aclose()


def proxy_options(settings: Settings) -> dict[str, Any]:
    """httpx options for the proxy mode: system (environment), none, or a manual URL."""
    if settings.proxy_mode == "system":
        return {"trust_env": True}
    if settings.proxy_mode == "none":
        return {"trust_env": False}
    if settings.proxy_mode == "manual":
        # trust_env off: NO_PROXY and friends must not quietly bypass the proxy the user set.
        return {"trust_env": False, "proxy": manual_proxy_url(settings.proxy_url)}
    raise InvalidRequest(f"Unknown proxy mode {settings.proxy_mode!r}; use system, none or manual.")


def manual_proxy_url(url: str | None) -> str:
    if not url:
        raise InvalidRequest("A manual proxy needs a URL, such as http://host:3128 or socks5://host:1080.")
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL:
        raise InvalidRequest("The proxy URL is not valid.") from None
    if parsed.scheme not in PROXY_SCHEMES or not parsed.host:
        raise InvalidRequest(
            f"The proxy URL must start with {', '.join(s + '://' for s in PROXY_SCHEMES)} and name a host."
        )
    return url
