"""Fetch a finished video from its result host to disk, without ever losing or leaking.

- Streams in chunks to `<dest>.part` (memory stays flat for any size), then fsyncs and
  renames it over `dest` in one step, so `dest` is either absent or complete.
- Resumes: when a `.part` exists, asks for the rest with Range; a host that answers 200
  (no Range support) gets a fresh download instead, and a 206 that starts elsewhere too.
- Retries network errors, 429 and 5xx with backoff (Retry-After honoured); 403/404/410 mean
  the result link expired (ResultExpired), which no retry fixes.
- Checks the size against Content-Length / Content-Range, enforces a size cap and refuses
  a web page (text/html) where a video should be.
- Never sends an Authorization header: each request is built and stripped by hand, sent
  with the client's auth disabled, and redirects are followed here, hop by hop, so a
  redirect to another origin cannot carry one either.

The `.part` file (`<dest>.<tag>.part` with a `part_tag`: a name only this process writes;
a part another process left is copied to it and continued): kept when the download fails in a way a later try can continue (network
errors after the retries, a full disk, an unwritable folder), because the task stays
resumable; removed when its bytes are useless (wrong type, over the cap, longer than
announced, expired link) and after success. The runner removes it (`discard_partial`)
when a task ends failed or cancelled.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import signal
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import httpx

from ..domain.errors import DownloadError, ResultExpired
from .download_blocking import BlockingBody
from .download_files import (
    CrashPoint,
    adopt_partial,
    digest_of_prefix,
    discard_partial,
    ensure_folder,
    finish,
    open_part,
    part_path,
    size_or_zero,
    storage_error,
)
from .download_headers import (
    MAX_REDIRECTS,
    content_length,
    describe_transport,
    hop_request,
    host_of,
    parse_content_range,
    retry_after,
    too_many_redirects,
)
from .download_loop_body import body_pieces
from .download_threads import BlockingThreads
from .http_client import blocking_twin
from .part_writer import PartWriter
from .polling import Backoff, RetryPolicy

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 2 * 1024**3
_EXPIRED_STATUSES = {403, 404, 410}
CRASHPOINT_ENV = "HAILUO_CRASHPOINT"
# Called before each chunk is written (False) and before the rename (True: must be sure);
# it raises to stop the download (services.lease: another process took the task over).
Guard = Callable[[bool], None]


def crash_point_from(env: Mapping[str, str]) -> CrashPoint:
    """TEST HOOK for the crash harness (tests/crash_harness.py), harmless when unset.

    The downloader calls the returned function at its named points ("before_rename",
    "after_rename"); it kills this very process with SIGKILL at the point that
    `HAILUO_CRASHPOINT` names, as a power cut or `kill -9` would, and does nothing
    otherwise. Read once, when the app composes its downloader.
    """
    wanted = env.get(CRASHPOINT_ENV, "").strip()

    def crash_point(name: str) -> None:
        if wanted and name == wanted:
            os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))

    return crash_point


def _no_crash(name: str) -> None:
    return None


def _no_guard(strict: bool) -> None:
    return None


def allowed_content_type(value: str | None) -> bool:
    if not value:
        return True  # some CDNs send none; the size check still applies
    kind = value.split(";")[0].strip().lower()
    return kind.startswith("video/") or kind in {"application/octet-stream", "binary/octet-stream"}


class _TryAgain(Exception):
    """A failure a later attempt may get past; `cause` carries Retry-After when there was one."""

    def __init__(self, reason: str, cause: BaseException | None = None, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.cause = cause
        self.retry_after = retry_after


@dataclass
class _Plan:
    """What one response promises: where its bytes start and how long the whole file is."""

    offset: int
    total: int | None


NETWORK_READ_BYTES = 1024 * 1024


def use_large_network_reads() -> None:
    """Read HTTP/1.1 bodies up to 1 MiB at a time instead of httpcore's 64 KiB.

    Every read costs a pass through httpcore, h11 and the event loop, and at loopback speed
    that per-read work, not the bytes, was the limit (benchmarks/RESULTS.md, row 4). httpcore
    offers no setting for it, only the class attribute READ_NUM_BYTES, set here for the async
    HTTP/1.1 connection; asyncio hands over at most 256 KiB per read anyway, and a small
    answer still arrives in one small read. tests/test_downloads.py checks the attribute is
    still there, so an httpcore upgrade that renames it fails a test instead of slowing down.
    """
    from httpcore._async.http11 import AsyncHTTP11Connection

    AsyncHTTP11Connection.READ_NUM_BYTES = max(AsyncHTTP11Connection.READ_NUM_BYTES, NETWORK_READ_BYTES)


class Downloader:
    def __init__(
        self,
        client: httpx.AsyncClient,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        *,
        retry: RetryPolicy | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
        crash_point: CrashPoint = _no_crash,
        part_tag: str = "",
        blocking: Callable[[], httpx.Client] | None = None,
    ) -> None:
        self._client = client
        # The body is fetched on a worker thread (services.download_blocking) through a blocking
        # client set up like `client`; a client whose set-up cannot be copied keeps the loop path.
        self._threads = BlockingThreads(blocking or blocking_twin(client))
        self._part_tag = part_tag  # this process's own temporary file names (services.lease)
        self._crash_point = crash_point
        self._clock = clock
        self._sleep = sleep
        self._retry = retry or RetryPolicy(attempts=6, backoff=Backoff(base=1.0, maximum=30.0))
        self.max_bytes = max_bytes

    async def fetch(
        self, url: str, dest: Path, *, guard: Guard | None = None, on_retry: Callable[[int, float], None] | None = None
    ) -> tuple[int, str]:
        """Download `url` to `dest`; returns (bytes, sha256 hex). `guard`: see Guard.
        `on_retry(attempt, delay)`: told before each wait, so the task can show it."""
        use_large_network_reads()  # here, not when built: httpcore is imported on the first request
        dest = Path(dest)
        ensure_folder(dest.parent)
        guard = guard or _no_guard
        started = self._clock()
        attempt = 0
        while True:
            attempt += 1
            try:
                size, digest = await self._attempt(url, dest, guard)
            except _TryAgain as exc:
                delay = self._retry.delay(attempt, exc)
                if delay is None:
                    raise DownloadError(
                        f"The video could not be downloaded from {host_of(url)} after {attempt} tries "
                        f"({exc.reason}). The partial file is kept; try again later."
                    ) from exc
                log.info("download from %s: %s; retrying in %.1f s", host_of(url), exc.reason, delay)
                if on_retry is not None:
                    on_retry(attempt, delay)
                await self._sleep(delay)
                continue
            log.info("downloaded %d bytes from %s in %.1f s", size, host_of(url), self._clock() - started)
            return size, digest

    # --- one attempt -----------------------------------------------------------------
    async def _attempt(self, url: str, dest: Path, guard: Guard) -> tuple[int, str]:
        part = part_path(dest, self._part_tag)
        guard(True)  # only the task's owner may take over another's part
        try:
            await asyncio.to_thread(adopt_partial, dest, part)
        except OSError as exc:
            raise storage_error(exc, dest.parent) from exc
        have = size_or_zero(part)
        headers = {"Accept-Encoding": "identity"}
        if have:
            headers["Range"] = f"bytes={have}-"
        threads = self._threads if self._threads.usable else None
        try:
            response = await (threads.send(url, headers) if threads else self._open(url, headers))
        except httpx.TransportError as exc:
            raise _TryAgain(describe_transport(exc), exc) from exc
        try:
            plan = self._plan(response, have, dest)
            if plan is None:  # the .part already holds the whole file (a 416 that says so)
                guard(True)
                return await finish(part, dest, self._crash_point)
            digest = await digest_of_prefix(part, plan.offset)
            receive = self._receive_on_thread if threads else self._receive
            received = await receive(response, part, plan, guard, digest)
        finally:
            await (threads.close(response) if threads else response.aclose())
        guard(True)
        return await finish(part, dest, self._crash_point, known=(received, digest))

    async def _open(self, url: str, headers: dict[str, str]) -> httpx.Response:
        current = httpx.URL(url)
        for _ in range(MAX_REDIRECTS + 1):
            request = hop_request(self._client, current, headers)
            response = await self._client.send(request, stream=True, follow_redirects=False, auth=None)
            if not response.is_redirect:
                return response
            location = response.headers.get("location", "")
            await response.aclose()
            current = current.join(location)
        raise too_many_redirects(url)

    def _plan(self, response: httpx.Response, have: int, dest: Path) -> _Plan | None:
        status = response.status_code
        if status == 416 and have:
            self._plan_unsatisfiable(response, have, dest)  # raises unless the part is already whole
            return None
        if status in _EXPIRED_STATUSES:
            discard_partial(dest)
            raise ResultExpired(
                f"The result host {host_of(str(response.url))} answered {status}: the video link "
                "has expired or the file was removed.",
                status=status,
            )
        if status == 429 or status >= 500:
            raise _TryAgain(f"the result host answered {status}", retry_after=retry_after(response))
        if status not in (200, 206):
            discard_partial(dest)
            raise DownloadError(f"The result host {host_of(str(response.url))} answered {status}.", status=status)
        self._check_type(response, dest)
        plan = self._plan_body(response, have, dest)
        if plan.total is not None and plan.total > self.max_bytes:
            discard_partial(dest)
            raise DownloadError(
                f"The result is {plan.total} bytes, over the {self.max_bytes}-byte limit; it was not downloaded."
            )
        return plan

    def _plan_unsatisfiable(self, response: httpx.Response, have: int, dest: Path) -> None:
        total = parse_content_range(response.headers.get("content-range"))[2]
        if total == have:
            return None
        discard_partial(dest)  # our partial file does not match the file on the host
        raise _TryAgain("the partial download did not match the file on the host; starting over")

    def _plan_body(self, response: httpx.Response, have: int, dest: Path) -> _Plan:
        if response.status_code == 206:
            start, _, total = parse_content_range(response.headers.get("content-range"))
            if start != have:
                discard_partial(dest)
                raise _TryAgain("the host resumed from the wrong place; starting over")
            return _Plan(offset=have, total=total)
        length = content_length(response)
        return _Plan(offset=0, total=length)  # 200: the whole file, whatever we had

    def _check_type(self, response: httpx.Response, dest: Path) -> None:
        content_type = response.headers.get("content-type")
        if allowed_content_type(content_type):
            return
        discard_partial(dest)
        what = "a web page" if "html" in (content_type or "") else f"{content_type!r}"
        raise DownloadError(
            f"The result host {host_of(str(response.url))} sent {what} instead of a video; "
            "the link may have expired or need a login."
        )

    async def _receive_on_thread(
        self, response: httpx.Response, part: Path, plan: _Plan, guard: Guard, digest: hashlib._Hash
    ) -> int:
        """The body a leg at a time on a worker thread (services.download_blocking); the guard
        and cancellation are checked here, on the loop, between legs."""
        with open_part(part, append=plan.offset > 0) as file:
            timeout = self._client.timeout.read
            body = BlockingBody(response, file, digest, plan.offset, plan.total, self.max_bytes, timeout)
            try:
                while not body.done:
                    guard(False)
                    await self._threads.run_leg(body)
            except OSError as exc:
                raise storage_error(exc, part.parent) from exc
            except httpx.TransportError as exc:  # what arrived is kept: a later try resumes after it
                raise _TryAgain(describe_transport(exc), exc) from exc
            except DownloadError:
                file.close()
                part.unlink(missing_ok=True)
                raise
            finally:
                body.close()
        if plan.total is not None and body.received < plan.total:
            raise _TryAgain(f"the connection ended after {body.received} of {plan.total} bytes")
        return body.received

    async def _receive(
        self, response: httpx.Response, part: Path, plan: _Plan, guard: Guard, digest: hashlib._Hash
    ) -> int:
        """Write the body to the part as it comes, hashing each piece written (no second read).

        The writing and hashing run on a thread of their own (services.part_writer) while
        this loop receives the next piece."""
        received = plan.offset
        with open_part(part, append=plan.offset > 0) as file:
            writer = PartWriter(file, digest)
            try:
                # No chunk_size: httpx would hold bytes back until a chunk fills, and lose
                # them if the connection drops; each network read is written as it comes.
                async for chunk in body_pieces(response, self._client.timeout.read):
                    received += len(chunk)
                    if received > self.max_bytes:
                        raise DownloadError(f"The result is over the {self.max_bytes}-byte limit; it was not kept.")
                    if plan.total is not None and received > plan.total:
                        raise DownloadError("The result host sent more bytes than it announced.")
                    guard(False)
                    await writer.put(chunk)
                await writer.close()
            except OSError as exc:
                await writer.abandon()
                raise storage_error(exc, part.parent) from exc
            except httpx.TransportError as exc:
                await writer.abandon()  # what arrived is kept: a later try resumes after it
                raise _TryAgain(describe_transport(exc), exc) from exc
            except DownloadError:
                await writer.abandon()
                file.close()
                part.unlink(missing_ok=True)
                raise
            except BaseException:
                await writer.abandon()
                raise
        if plan.total is not None and received < plan.total:
            raise _TryAgain(f"the connection ended after {received} of {plan.total} bytes")
        return received
