"""The worker threads downloads run their blocking side on, and the blocking client they share.

The event loop hands a thread one step at a time (send the request, read a leg of the
body, close the answer) and waits for it without blocking. Cancelling the waiting task
(the user cancelled, the app quits) ends a leg at once: the connection is shut down under
the thread's read, and the task waits for the thread to let go of the part file before it
goes on (the runner may then remove the file).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import TypeVar

import httpx

from .download_blocking import BlockingBody, send_blocking

T = TypeVar("T")


class BlockingThreads:
    """`usable` when a blocking client can be built (`factory`); it is built on first use."""

    def __init__(self, factory: Callable[[], httpx.Client] | None) -> None:
        self._factory = factory
        self._client: httpx.Client | None = None
        self._lock = threading.Lock()

    @property
    def usable(self) -> bool:
        return self._factory is not None

    async def send(self, url: str, headers: dict[str, str]) -> httpx.Response:
        """The answer's headers (the body not read yet); see download_blocking.send_blocking."""
        future = self._submit(lambda: send_blocking(self._shared_client(), url, headers))
        try:
            return await asyncio.shield(asyncio.wrap_future(future))
        except asyncio.CancelledError:
            future.add_done_callback(_close_answer)  # it arrives later: close it then
            raise

    async def run_leg(self, body: BlockingBody) -> None:
        future = self._submit(body.read_leg)
        try:
            await asyncio.shield(asyncio.wrap_future(future))
        except asyncio.CancelledError:
            body.abort()
            await asyncio.wait([asyncio.wrap_future(future)])  # the part file is free after this
            raise

    async def close(self, response: httpx.Response) -> None:
        await asyncio.wrap_future(self._submit(response.close))

    def _shared_client(self) -> httpx.Client:
        with self._lock:
            if self._client is None:
                assert self._factory is not None
                self._client = self._factory()
            return self._client

    def _submit(self, work: Callable[[], T]) -> Future[T]:
        """Runs `work` on a daemon thread of its own: a read the network stalls must not keep
        the app from quitting (the part stays, as after a crash, and the task resumes)."""
        future: Future[T] = Future()

        def run() -> None:
            if not future.set_running_or_notify_cancel():
                return
            try:
                future.set_result(work())
            except BaseException as exc:
                future.set_exception(exc)

        threading.Thread(target=run, name="download", daemon=True).start()
        return future


def _close_answer(future: Future[httpx.Response]) -> None:
    if not future.cancelled() and future.exception() is None:
        future.result().close()
