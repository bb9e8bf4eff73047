"""An image URL the user dropped, fetched to a local cache so it can be checked like a file.

The same limits as the app's other downloads: the one shared async client, a timeout, a
size cap, and a partial file renamed into place only when complete. No Authorization
header goes with it: the client has none by default, and this is the user's own URL.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
from dataclasses import replace
from pathlib import Path

import httpx

from ..domain.images import ImageFacts
from .imagecheck import inspect_image

URL_IMAGE_MAX_BYTES = 25 * 1024 * 1024  # above every provider's limit, so the verdict can still say "too large"
URL_TIMEOUT = httpx.Timeout(20.0)


async def fetch_url_image(client: httpx.AsyncClient, url: str, folder: Path) -> tuple[ImageFacts, str | None]:
    """Download an image URL to a local cache to check it. (facts keyed by the URL, local copy)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / ("url-" + hashlib.sha256(url.encode()).hexdigest()[:24])
    try:
        await _download(client, url, path)
    except (httpx.HTTPError, OSError, _TooLarge) as error:
        return ImageFacts(url, unreadable=_fetch_problem(error)), None
    facts = await asyncio.to_thread(inspect_image, path)
    return replace(facts, path=url), str(path)


class _TooLarge(Exception):
    pass


async def _download(client: httpx.AsyncClient, url: str, path: Path) -> None:
    partial = path.with_suffix(".part")
    async with client.stream("GET", url, timeout=URL_TIMEOUT, follow_redirects=True) as response:
        response.raise_for_status()
        received = 0
        with open(partial, "wb") as out:
            async for chunk in response.aiter_bytes():
                received += len(chunk)
                if received > URL_IMAGE_MAX_BYTES:
                    raise _TooLarge()
                out.write(chunk)
    os.replace(partial, path)


def _fetch_problem(error: Exception) -> str:
    if isinstance(error, _TooLarge):
        return f"The image at this URL is over {URL_IMAGE_MAX_BYTES // (1024 * 1024)} MB."
    if isinstance(error, httpx.HTTPStatusError):
        return f"The URL answered HTTP {error.response.status_code}; check that the image is public."
    return f"The image could not be fetched ({type(error).__name__}); check the URL and your connection."
