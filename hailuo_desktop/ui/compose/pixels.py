"""The full decode behind each header verdict, off the GUI thread.

The header verdict is instant but cannot see a file cut or corrupted inside its pixel
data; the provider (or the upload) would refuse it only after Generate. Each image stays
"checking" until its decode is done, so Generate never counts an image that has not been
read through. The decode itself (bounded in time and pixels) is services.fullcheck's.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

from ...services.fullcheck import decode_problem


async def verify_pixels(compose, paths: Iterable[str]) -> None:
    """Decode each image in its own thread; each verdict is updated as soon as its decode ends."""

    async def one(path: str) -> None:
        compose.set_decoded(path, await asyncio.to_thread(decode_problem, path))

    await asyncio.gather(*(one(path) for path in paths))
