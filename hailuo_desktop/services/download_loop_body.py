"""A download's body on the event loop, read past h11 when its length is known (the window's path).

Why: the window reads its downloads on the engine's loop (app.DOWNLOAD_THREADS, for the GUI's
lag), and there each 256 KiB asyncio hands over went through h11 (a copy into its buffer, a
copy out), httpcore and httpx's iterators: 0.19-0.24 s of the loop's CPU per 200 MB for the
bytes alone, against 0.08-0.12 s read straight from the connection's stream (benchmarks/
RESULTS.md, row 4). As on the worker-thread path (services.download_blocking): only a body
whose exact length the headers give (identity Content-Length, not chunked) is read that way,
after h11's first Data event has emptied its buffer, for exactly the announced length; h11
never sees the end, so the connection is closed afterwards, never reused. Any other body is
read through httpx as before. A connection that ends early just ends the pieces (the caller
compares what arrived with what was announced).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx

from .download_headers import framed_length

READ_BYTES = 1024 * 1024


async def body_pieces(response: httpx.Response, read_timeout: float | None) -> AsyncIterator[bytes]:
    """The body's bytes as they come; raises httpx.ReadTimeout / httpx.ReadError like httpx."""
    left = framed_length(response)
    stream: Any = response.extensions.get("network_stream") if left else None
    if stream is None or left is None:
        async for chunk in response.aiter_bytes():
            yield chunk
        return
    pieces = response.aiter_raw()  # kept, not closed: closing it would close the connection under us
    first = await anext(pieces, b"")  # h11's buffer is empty after it; the rest comes from the stream
    if first:
        yield first
        left -= len(first)
    while first and left > 0:
        piece = await _read(stream, min(READ_BYTES, left), read_timeout)
        if not piece:
            return  # the connection ended early
        left -= len(piece)
        yield piece


async def _read(stream: Any, count: int, timeout: float | None) -> bytes:
    import httpcore  # imported by then (the answer came through it)

    try:
        data: bytes = await stream.read(count, timeout=timeout)
    except httpcore.TimeoutException as exc:
        raise httpx.ReadTimeout(str(exc) or "read timed out") from exc
    except (OSError, httpcore.NetworkError) as exc:
        raise httpx.ReadError(str(exc) or "read failed") from exc
    return data
