"""The full decode behind each header verdict, off the GUI thread.

The header verdict is instant but cannot see a file cut or corrupted inside its pixel
data; the provider (or the upload) would refuse it only after Generate. Each image stays
"checking" until its decode is done, so Generate never counts an image that has not been
read through.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from pathlib import Path

from ...domain.images import Problem
from ...services.imagecheck import verify_image

DAMAGED = "damaged"


def decode_problem(path: Path | str) -> Problem | None:
    """Blocking: the problem the full decode finds, or None when every pixel is sound."""
    why = verify_image(path)
    return None if why is None else Problem(DAMAGED, why)


async def verify_pixels(compose, paths: Iterable[str]) -> None:
    """Decode each image in its own thread; each verdict is updated as soon as its decode ends."""
    async def one(path: str) -> None:
        compose.set_decoded(path, await asyncio.to_thread(decode_problem, path))

    await asyncio.gather(*(one(path) for path in paths))
