"""Getting a local image to a provider as a URL it can fetch.

Routes (explicit per task, stored with it):
- `data_url`: the image inline as `data:<mime>;base64,...` (MiniMax takes these).
- `kie_upload` / `apikley_upload`: kie.ai's / Apikley's file-upload API (files kept 3 days).
  The Uploader comes from `uploader_factory(route, base_url)`, so the composition root
  decides which key it uses. `base_url` is the task's origin override; it is passed on
  because "the upload host follows --base-url" (everything on one origin in the simulator).
- `public_url`: the user gave a URL; it is passed through untouched.

Once per file: the same bytes (sha256) on the same route (and origin) give the same URL
while it has the store's safety margin left before expiry; concurrent requests for the
same file share one upload. Hashing and base64 run off the event loop.
"""

from __future__ import annotations

import asyncio
import base64
import inspect
import time
from collections.abc import Awaitable, Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.catalog import provider as provider_spec
from ..domain.errors import ImageRejected, UploadRouteMissing
from ..domain.images import UNREADABLE, UNSUPPORTED_FORMAT, Problem
from ..domain.routes import UploadRoute
from ..domain.sources import is_url
from ..providers.base import Uploader
from .file_hash import sha256_file

if TYPE_CHECKING:
    from .store import TaskStore

# kie.ai's docs say uploads are deleted after 3 days, another copy of them says 24 h: the
# shorter one is believed for an uploader that gives no expiry.
DEFAULT_UPLOAD_LIFETIME = 24 * 3600.0
# Whatever the answer says, an uploaded URL is reused for at most this long after the upload
# (24 h less a margin for the provider to fetch it).
MAX_UPLOAD_REUSE = 20 * 3600.0

UploaderFactory = Callable[[UploadRoute, "str | None"], "Uploader | None | Awaitable[Uploader | None]"]

_MAGIC = ((b"\xff\xd8\xff", "image/jpeg"), (b"\x89PNG\r\n\x1a\n", "image/png"))


def sniff_mime(head: bytes) -> str | None:
    """The image type from the file's first bytes (never from its name)."""
    for magic, mime in _MAGIC:
        if head.startswith(magic):
            return mime
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return None


def default_route(provider_id: str) -> UploadRoute | None:
    spec = provider_spec(provider_id)
    if spec.accepts_data_url:
        return UploadRoute.DATA_URL
    if spec.upload_base_url:
        return UploadRoute.through(provider_id)
    return None


class UploadService:
    def __init__(
        self,
        store: TaskStore,
        uploader_factory: UploaderFactory,
        routes: Mapping[str, UploadRoute] | None = None,
        *,
        clock: Callable[[], float] = time.time,
        lifetime: float = DEFAULT_UPLOAD_LIFETIME,
    ) -> None:
        self._store = store
        self._factory = uploader_factory
        self._routes = dict(routes or {})
        self._clock = clock
        self._lifetime = lifetime
        self._locks: dict[tuple[str, str], asyncio.Lock] = {}

    def route_for(self, provider_id: str, route: UploadRoute | str | None = None) -> UploadRoute:
        """The route a local image takes: the task's, else the configured one, else the provider's own."""
        chosen = route or self._routes.get(provider_id) or default_route(provider_id)
        if chosen is None:
            raise UploadRouteMissing(_missing_route_message(provider_id))
        try:
            chosen = UploadRoute(chosen)
        except ValueError:
            names = ", ".join(UploadRoute)
            raise UploadRouteMissing(f"Unknown upload route {chosen!r}; choose one of {names}.") from None
        if chosen is UploadRoute.DATA_URL and not provider_spec(provider_id).accepts_data_url:
            raise UploadRouteMissing(
                f"{provider_spec(provider_id).name} does not take inline (data:) images. " + _choices_text()
            )
        return chosen

    async def url_for(self, path: str | Path, provider_id: str, route: UploadRoute | None, base_url: str | None) -> str:
        """A URL the provider can fetch for this image (a URL given by the user passes through)."""
        if isinstance(path, str) and is_url(path):
            return path
        chosen = self.route_for(provider_id, route)
        if chosen is UploadRoute.PUBLIC_URL:
            raise UploadRouteMissing(
                f"The route 'public_url' needs an image URL, but {path} is a local file. " + _choices_text()
            )
        if chosen is UploadRoute.DATA_URL:
            return await asyncio.to_thread(_data_url, Path(path))
        return await self._uploaded_url(Path(path), chosen, base_url)

    async def _uploaded_url(self, path: Path, route: UploadRoute, base_url: str | None) -> str:
        sha256, mime = await asyncio.to_thread(_hash_and_sniff, path)
        key = route.value if base_url is None else f"{route.value}@{base_url}"  # a simulator URL is no use to kie.ai
        lock = self._locks.setdefault((sha256, key), asyncio.Lock())
        async with lock:  # N variants of one image share one upload
            cached = self._store.cached_upload(sha256, key)
            if cached is not None:
                return cached.url
            uploaded = await (await self._uploader(route, base_url)).upload(path, mime)
            now = self._clock()
            expires_at = uploaded.expires_at or now + self._lifetime
            # The store stops handing a URL out a safety margin before it expires; the cap
            # above makes that at most MAX_UPLOAD_REUSE after the upload.
            expires_at = min(expires_at, now + MAX_UPLOAD_REUSE + self._store.upload_margin)
            self._store.remember_upload(sha256, key, uploaded.url, expires_at)
            return uploaded.url

    async def _uploader(self, route: UploadRoute, base_url: str | None) -> Uploader:
        uploader = self._factory(route, base_url)
        if inspect.isawaitable(uploader):
            uploader = await uploader
        if uploader is None:
            raise UploadRouteMissing(f"The upload route {route.value!r} is not available. " + _choices_text())
        return uploader


def _choices_text() -> str:
    return (
        "Choose an upload route in Settings: 'kie_upload' (uses your kie.ai key), 'apikley_upload' "
        "(uses your Apikley key), or give a public image URL ('public_url')."
    )


def _missing_route_message(provider_id: str) -> str:
    name = provider_spec(provider_id).name
    return f"{name} has no upload API, so a local image needs a way to reach it. " + _choices_text()


def _read_head(path: Path) -> bytes:
    try:
        with open(path, "rb") as file:
            return file.read(16)
    except OSError as exc:
        raise ImageRejected(
            f"Cannot read the image {path}: {exc.strerror or exc}.",
            problems=[Problem(UNREADABLE, f"Cannot read the file: {exc.strerror or exc}.")],
        ) from exc


def _mime_of(path: Path, head: bytes) -> str:
    mime = sniff_mime(head)
    if mime is None:
        raise ImageRejected(
            f"{path} is not a JPEG, PNG or WebP image.",
            problems=[Problem(UNSUPPORTED_FORMAT, "Not a JPEG, PNG or WebP image.")],
        )
    return mime


def _hash_and_sniff(path: Path) -> tuple[str, str]:
    mime = _mime_of(path, _read_head(path))
    return sha256_file(path), mime


def _data_url(path: Path) -> str:
    mime = _mime_of(path, _read_head(path))
    encoded = base64.b64encode(path.read_bytes()).decode("ascii")
    return f"data:{mime};base64,{encoded}"
