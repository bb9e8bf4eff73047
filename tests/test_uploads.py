"""Upload routes and the once-per-file cache.

The Uploader here is a small stand-in for the adapters' (the Protocol in providers/base.py);
the real kie/Apikley uploaders are exercised against the simulator in test_runner_live.py.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import io
from pathlib import Path

import pytest
from PIL import Image

from hailuo_desktop.domain.errors import ImageRejected, UploadRouteMissing
from hailuo_desktop.providers.base import UploadedFile
from hailuo_desktop.services.store import TaskStore
from hailuo_desktop.services.uploads import (
    DEFAULT_UPLOAD_LIFETIME,
    MAX_UPLOAD_REUSE,
    UploadService,
    default_route,
    sniff_mime,
)
from tests.fixtures.services import InstantClock

pytestmark = pytest.mark.anyio


def write_image(path: Path, fmt: str, colour=(200, 30, 30), size=(400, 500)) -> Path:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format=fmt)
    path.write_bytes(buffer.getvalue())
    return path


class RecordingUploader:
    def __init__(self, route: str, base_url: str | None, calls: list, expires_at: float | None) -> None:
        self.route, self.base_url, self.calls, self.expires_at = route, base_url, calls, expires_at

    async def upload(self, path: Path, mime: str) -> UploadedFile:
        self.calls.append((self.route, self.base_url, Path(path).name, mime))
        await asyncio.sleep(0)  # let concurrent callers interleave
        return UploadedFile(url=f"https://files.example/{self.route}/{len(self.calls)}", expires_at=self.expires_at)


@pytest.fixture
def clock():
    return InstantClock()


@pytest.fixture
def calls():
    return []


@pytest.fixture
def service_factory(tmp_path, clock, calls):
    stores = []

    def build(routes=None, expires_in: float | None = 3 * 86400):
        store = TaskStore(tmp_path / "s.sqlite3", clock=clock)
        stores.append(store)

        def factory(route, base_url):
            expires = None if expires_in is None else clock() + expires_in
            return RecordingUploader(route, base_url, calls, expires)

        return UploadService(store, factory, routes, clock=clock)

    yield build
    for s in stores:
        s.close()


def test_default_routes_follow_the_catalog():
    assert default_route("minimax") == "data_url"
    assert default_route("kie") == "kie_upload"
    assert default_route("apikley") == "apikley_upload"
    assert default_route("apixo") is None and default_route("apiinone") is None


def test_mime_is_sniffed_from_content():
    assert sniff_mime(b"\x89PNG\r\n\x1a\n....") == "image/png"
    assert sniff_mime(b"\xff\xd8\xff\xe0") == "image/jpeg"
    assert sniff_mime(b"RIFF\x00\x00\x00\x00WEBPVP8 ") == "image/webp"
    assert sniff_mime(b"GIF89a") is None


async def test_data_url_carries_the_bytes_and_the_sniffed_type(service_factory, tmp_path, calls):
    service = service_factory()
    image = write_image(tmp_path / "looks-like.jpg", "PNG")  # the name lies; the content decides
    url = await service.url_for(image, "minimax", None, None)
    header, payload = url.split(",", 1)
    assert header == "data:image/png;base64"
    assert base64.b64decode(payload) == image.read_bytes()
    webp = write_image(tmp_path / "w.webp", "WEBP")
    assert (await service.url_for(webp, "minimax", None, None)).startswith("data:image/webp;base64,")
    assert calls == []


async def test_the_same_file_is_uploaded_once_per_route(service_factory, tmp_path, calls):
    service = service_factory()
    image = write_image(tmp_path / "a.png", "PNG")
    copy = tmp_path / "copy-of-a.png"
    copy.write_bytes(image.read_bytes())
    first = await service.url_for(image, "kie", None, None)
    assert await service.url_for(copy, "kie", None, None) == first  # same bytes, other name
    assert calls == [("kie_upload", None, "a.png", "image/png")]
    other = write_image(tmp_path / "b.jpg", "JPEG", colour=(0, 0, 255))
    assert await service.url_for(other, "kie", None, None) != first
    await service.url_for(image, "apikley", None, None)  # another route: its own upload
    assert [c[0] for c in calls] == ["kie_upload", "kie_upload", "apikley_upload"]


async def test_the_cache_survives_a_restart(service_factory, tmp_path, calls):
    image = write_image(tmp_path / "a.png", "PNG")
    first = await service_factory().url_for(image, "kie", None, None)
    assert await service_factory().url_for(image, "kie", None, None) == first
    assert len(calls) == 1


async def test_concurrent_requests_for_one_file_share_one_upload(service_factory, tmp_path, calls):
    service = service_factory()
    image = write_image(tmp_path / "a.png", "PNG")
    urls = await asyncio.gather(*(service.url_for(image, "kie", None, None) for _ in range(8)))
    assert len(set(urls)) == 1 and len(calls) == 1


async def test_an_upload_is_redone_when_its_url_is_about_to_expire(service_factory, tmp_path, calls, clock):
    service = service_factory()
    image = write_image(tmp_path / "a.png", "PNG")
    first = await service.url_for(image, "kie", None, None)  # the answer says 3 days
    clock.advance(20 * 3600 - 60)  # reused for up to 20 h after the upload, whatever the answer says
    assert await service.url_for(image, "kie", None, None) == first
    clock.advance(120)
    assert await service.url_for(image, "kie", None, None) != first
    assert len(calls) == 2


async def test_an_unknown_expiry_is_taken_as_a_day(service_factory, tmp_path, calls, clock):
    service = service_factory(expires_in=None)
    image = write_image(tmp_path / "a.png", "PNG")
    await service.url_for(image, "kie", None, None)
    sha = hashlib.sha256(image.read_bytes()).hexdigest()
    # a day (the shorter of the docs' two lifetimes), capped so reuse stops 20 h after the upload
    stored = service._store.cached_upload(sha, "kie_upload").expires_at
    assert stored == clock() + min(DEFAULT_UPLOAD_LIFETIME, MAX_UPLOAD_REUSE + service._store.upload_margin)


async def test_the_origin_is_part_of_the_cache_key(service_factory, tmp_path, calls):
    service = service_factory()
    image = write_image(tmp_path / "a.png", "PNG")
    sim = await service.url_for(image, "kie", None, "http://127.0.0.1:1234")
    real = await service.url_for(image, "kie", None, None)
    assert sim != real and [c[1] for c in calls] == ["http://127.0.0.1:1234", None]


async def test_a_provider_without_upload_api_needs_a_route(service_factory, tmp_path, calls):
    image = write_image(tmp_path / "a.png", "PNG")
    with pytest.raises(UploadRouteMissing) as caught:
        await service_factory().url_for(image, "apixo", None, None)
    for choice in ("APIXO", "kie_upload", "apikley_upload", "public_url", "Settings"):
        assert choice in caught.value.message
    configured = service_factory(routes={"apixo": "kie_upload"})
    assert (await configured.url_for(image, "apixo", None, None)).startswith("https://files.example/kie_upload/")
    explicit = await service_factory().url_for(image, "apiinone", "apikley_upload", None)
    assert explicit.startswith("https://files.example/apikley_upload/")


async def test_public_urls_pass_through_and_need_a_url(service_factory, tmp_path, calls):
    service = service_factory()
    assert await service.url_for("https://cdn.example/cat.png", "apixo", None, None) == "https://cdn.example/cat.png"
    assert (
        await service.url_for("https://cdn.example/cat.png", "apixo", "public_url", None)
        == "https://cdn.example/cat.png"
    )
    with pytest.raises(UploadRouteMissing, match="needs an image URL"):
        await service.url_for(write_image(tmp_path / "a.png", "PNG"), "apixo", "public_url", None)
    assert calls == []


async def test_refused_routes_and_bad_files(service_factory, tmp_path):
    service = service_factory()
    image = write_image(tmp_path / "a.png", "PNG")
    with pytest.raises(UploadRouteMissing, match="data:"):
        await service.url_for(image, "kie", "data_url", None)
    with pytest.raises(UploadRouteMissing, match="Unknown upload route"):
        await service.url_for(image, "kie", "ftp_upload", None)
    with pytest.raises(ImageRejected) as missing:
        await service.url_for(tmp_path / "gone.png", "kie", None, None)
    assert missing.value.problems[0].code == "unreadable"
    gif = tmp_path / "x.gif"
    gif.write_bytes(b"GIF89a" + b"\0" * 100)
    with pytest.raises(ImageRejected) as wrong:
        await service.url_for(gif, "minimax", None, None)
    assert wrong.value.problems[0].code == "unsupported_format"
