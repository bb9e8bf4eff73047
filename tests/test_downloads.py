"""Downloads over real loopback sockets against the file server in tests/fixtures/services.py."""

from __future__ import annotations

import os
import random
import tracemalloc

import httpx
import pytest

from hailuo_desktop.domain.errors import DownloadError, ResultExpired, StorageError
from hailuo_desktop.services.download_files import part_path
from hailuo_desktop.services.downloads import Downloader, allowed_content_type
from hailuo_desktop.services.polling import Backoff, RetryPolicy
from tests.fixtures.services import InstantClock

pytestmark = pytest.mark.anyio

SECRET = "sk-provider-secret-0123456789"


def video_bytes(size: int, seed: int = 1) -> bytes:
    return random.Random(seed).randbytes(size)


@pytest.fixture
async def client():
    # A client that WOULD leak: a default Authorization header and client-level auth.
    async with httpx.AsyncClient(headers={"Authorization": f"Bearer {SECRET}"}, auth=("user", SECRET), timeout=10) as c:
        yield c


@pytest.fixture
def clock():
    return InstantClock()


def leaking_blocking_client() -> httpx.Client:
    # The worker thread's client, set up to leak the same way as `client`.
    return httpx.Client(headers={"Authorization": f"Bearer {SECRET}"}, auth=("user", SECRET), timeout=10)


@pytest.fixture(params=["loop", "thread"])
def downloader(request, client, clock):
    """Every test runs both ways: the body read on the event loop, and on a worker thread."""
    retry = RetryPolicy(attempts=4, backoff=Backoff(base=1, maximum=8), rng=random.Random(5))
    blocking = leaking_blocking_client if request.param == "thread" else None
    return Downloader(client, clock, clock.sleep, retry=retry, blocking=blocking)


def assert_no_credentials(server):
    assert server.state.seen, "the server saw no request"
    for seen in server.state.seen:
        lowered = {k.lower(): v for k, v in seen.headers.items()}
        assert "authorization" not in lowered, seen
        assert SECRET not in " ".join(lowered.values())


def only_file_in(folder, name):
    assert sorted(p.name for p in folder.iterdir()) == [name]


async def test_happy_path_streams_to_disk_with_size_and_hash(file_server, downloader, tmp_path):
    data = video_bytes(3 * 1024 * 1024 + 17)
    url = file_server.add("v.mp4", data)
    dest = tmp_path / "out" / "v.mp4"
    size, sha = await downloader.fetch(url, dest)
    assert (size, sha) == (len(data), file_server.sha256(data))
    assert dest.read_bytes() == data
    only_file_in(dest.parent, "v.mp4")
    assert_no_credentials(file_server)


async def test_a_dropped_connection_is_resumed_with_range(file_server, downloader, tmp_path):
    data = video_bytes(2 * 1024 * 1024)
    url = file_server.add("v.mp4", data)
    file_server.state.truncate_first = 1
    dest = tmp_path / "v.mp4"
    size, sha = await downloader.fetch(url, dest)
    assert dest.read_bytes() == data and sha == file_server.sha256(data)
    first, second = file_server.state.seen
    assert "Range" not in first.headers
    start = int(second.headers["Range"].removeprefix("bytes=").rstrip("-"))
    assert 0 < start < len(data)
    only_file_in(tmp_path, "v.mp4")


async def test_a_host_without_range_support_gets_a_fresh_download(file_server, downloader, tmp_path):
    data = video_bytes(1024 * 1024, seed=2)
    url = file_server.add("v.mp4", data)
    file_server.state.ranges = False
    file_server.state.truncate_first = 2
    dest = tmp_path / "v.mp4"
    size, _ = await downloader.fetch(url, dest)
    assert size == len(data) and dest.read_bytes() == data
    assert len(file_server.state.seen) == 3
    only_file_in(tmp_path, "v.mp4")


async def test_a_part_left_by_a_crash_is_continued(file_server, downloader, tmp_path):
    data = video_bytes(1024 * 1024, seed=3)
    url = file_server.add("v.mp4", data)
    dest = tmp_path / "v.mp4"
    part_path(dest).write_bytes(data[:300_000])
    size, sha = await downloader.fetch(url, dest)
    assert dest.read_bytes() == data and sha == file_server.sha256(data)  # hash covers the old part too
    assert file_server.state.seen[0].headers["Range"] == "bytes=300000-"
    only_file_in(tmp_path, "v.mp4")


async def test_a_complete_part_is_recognised_from_a_416(file_server, downloader, tmp_path):
    data = video_bytes(100_000, seed=4)
    url = file_server.add("v.mp4", data)
    dest = tmp_path / "v.mp4"
    part_path(dest).write_bytes(data)  # crashed between the last byte and the rename
    assert await downloader.fetch(url, dest) == (len(data), file_server.sha256(data))
    assert len(file_server.state.seen) == 1
    only_file_in(tmp_path, "v.mp4")


async def test_a_part_that_does_not_match_is_thrown_away(file_server, downloader, tmp_path):
    data = video_bytes(100_000, seed=5)
    url = file_server.add("v.mp4", data)
    dest = tmp_path / "v.mp4"
    part_path(dest).write_bytes(b"x" * 150_000)  # longer than the file: not ours
    assert await downloader.fetch(url, dest) == (len(data), file_server.sha256(data))
    assert dest.read_bytes() == data


async def test_an_html_page_is_refused(file_server, downloader, tmp_path):
    dest = tmp_path / "v.mp4"
    with pytest.raises(DownloadError, match="web page"):
        await downloader.fetch(f"{file_server.url}/error-page", dest)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "content_type, ok",
    [
        ("video/mp4", True),
        ("video/quicktime; charset=binary", True),
        ("application/octet-stream", True),
        ("binary/octet-stream", True),
        (None, True),
        ("text/html; charset=utf-8", False),
        ("application/json", False),
        ("text/plain", False),
        ("image/png", False),
    ],
)
def test_content_types(content_type, ok):
    assert allowed_content_type(content_type) is ok


async def test_a_json_error_body_is_refused(file_server, downloader, tmp_path):
    url = file_server.add("v.mp4", b'{"error": "expired"}')
    file_server.state.content_type = "application/json"
    with pytest.raises(DownloadError, match="instead of a video"):
        await downloader.fetch(url, tmp_path / "v.mp4")


@pytest.mark.parametrize("status", [403, 404, 410])
async def test_expired_links_are_reported_as_such_and_not_retried(file_server, downloader, tmp_path, status):
    url = file_server.add("v.mp4", b"x")
    file_server.state.fail_first, file_server.state.fail_status = 1, status
    dest = tmp_path / "v.mp4"
    part_path(dest).write_bytes(b"old")
    with pytest.raises(ResultExpired):
        await downloader.fetch(url, dest)
    assert len(file_server.state.seen) == 1
    assert list(tmp_path.iterdir()) == []  # the useless part is gone


async def test_5xx_and_429_are_retried_honouring_retry_after(file_server, downloader, clock, tmp_path):
    data = video_bytes(50_000)
    url = file_server.add("v.mp4", data)
    file_server.state.fail_first, file_server.state.fail_status, file_server.state.retry_after = 2, 503, "7"
    assert (await downloader.fetch(url, tmp_path / "v.mp4"))[0] == len(data)
    assert clock.sleeps == [7, 7]
    file_server.state.fail_first, file_server.state.fail_status, file_server.state.retry_after = 1, 429, None
    assert (await downloader.fetch(url, tmp_path / "w.mp4"))[0] == len(data)
    assert 0.5 <= clock.sleeps[-1] <= 1  # the backoff's first step, jittered


async def test_retries_are_bounded_and_a_useful_part_is_kept(file_server, downloader, tmp_path):
    data = video_bytes(400_000)
    url = file_server.add("v.mp4", data)
    file_server.state.truncate_first = 100
    dest = tmp_path / "v.mp4"
    with pytest.raises(DownloadError, match="4 tries"):
        await downloader.fetch(url, dest)
    assert len(file_server.state.seen) == 4
    assert not dest.exists()
    kept = part_path(dest).read_bytes()
    assert 0 < len(kept) < len(data) and data.startswith(kept)


async def test_a_body_shorter_than_announced_is_never_accepted(file_server, downloader, tmp_path):
    data = video_bytes(10_000)
    url = file_server.add("v.mp4", data)
    file_server.state.lie_about_length = 20_000
    file_server.state.ranges = False
    dest = tmp_path / "v.mp4"
    with pytest.raises(DownloadError):
        await downloader.fetch(url, dest)
    assert not dest.exists()


@pytest.mark.parametrize("blocking", [None, leaking_blocking_client])
async def test_the_size_cap_is_enforced_with_and_without_a_length(file_server, client, clock, tmp_path, blocking):
    small = Downloader(client, clock, clock.sleep, max_bytes=100_000, blocking=blocking)
    url = file_server.add("v.mp4", video_bytes(300_000))
    with pytest.raises(DownloadError, match="limit"):
        await small.fetch(url, tmp_path / "a.mp4")
    file_server.state.chunked = True
    with pytest.raises(DownloadError, match="limit"):
        await small.fetch(url, tmp_path / "b.mp4")
    assert list(tmp_path.iterdir()) == []


async def test_redirects_to_another_origin_never_carry_authorization(file_server, downloader, tmp_path):
    data = video_bytes(70_000)
    file_server.add("v.mp4", data)
    url = f"{file_server.url}/redirect/2/other/v.mp4"
    assert (await downloader.fetch(url, tmp_path / "v.mp4"))[0] == len(data)
    origins = [seen.origin for seen in file_server.state.seen]
    assert origins == ["result", "other", "other"]
    assert_no_credentials(file_server)


async def test_too_many_redirects_and_odd_schemes_are_refused(file_server, downloader, tmp_path):
    file_server.add("v.mp4", b"x")
    with pytest.raises(DownloadError, match="redirected"):
        await downloader.fetch(f"{file_server.url}/redirect/9/result/v.mp4", tmp_path / "v.mp4")
    with pytest.raises(DownloadError, match="http"):
        await downloader.fetch("file:///etc/passwd", tmp_path / "p.mp4")


async def test_a_full_disk_is_a_storage_error_that_keeps_the_task_resumable(file_server, downloader, tmp_path):
    url = file_server.add("v.mp4", video_bytes(600_000))
    dest = tmp_path / "v.mp4"
    os.symlink("/dev/full", part_path(dest))  # every write there fails with ENOSPC, as a full disk does
    with pytest.raises(StorageError, match="full"):
        await downloader.fetch(url, dest)
    assert not dest.exists()


async def test_an_unusable_output_folder_is_a_storage_error(file_server, downloader, tmp_path):
    url = file_server.add("v.mp4", b"x")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(StorageError, match="output folder|Could not save"):
        await downloader.fetch(url, blocker / "v.mp4")
    assert file_server.state.seen == []  # nothing was fetched that could not be kept


async def test_memory_stays_flat_for_a_large_download(file_server, downloader, tmp_path):
    data = video_bytes(48 * 1024 * 1024, seed=9)
    url = file_server.add("big.mp4", data)
    tracemalloc.start()
    try:
        size, sha = await downloader.fetch(url, tmp_path / "big.mp4")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert size == len(data) and sha == file_server.sha256(data)
    assert peak < 8 * 1024 * 1024, f"peak {peak} bytes while streaming {len(data)}"


async def test_a_downloader_reads_the_network_in_large_pieces(file_server, downloader, tmp_path):
    from httpcore._async.http11 import AsyncHTTP11Connection

    from hailuo_desktop.services.downloads import NETWORK_READ_BYTES

    url = file_server.add("small.mp4", video_bytes(4096, seed=3))
    assert (await downloader.fetch(url, tmp_path / "small.mp4"))[0] == 4096
    assert AsyncHTTP11Connection.READ_NUM_BYTES == NETWORK_READ_BYTES
