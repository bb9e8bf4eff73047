"""The files origin: result videos (Range, HEAD, padding, expiry), uploads, temporary links."""

from __future__ import annotations

import base64
import json
import struct
import tracemalloc

import pytest

from hailuo_desktop.simulator.media import VirtualFile, free_box_header, load_sample, padded, parse_range
from hailuo_desktop.simulator.server import ManualClock, SimConfig, Simulator
from tests.fixtures.sim import auth, create_call, loopback_client, poll_path, task_id_of

pytestmark = pytest.mark.anyio

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


def top_level_boxes(data: bytes) -> list[tuple[bytes, int]]:
    """(type, size) of each top-level MP4 box; fails on a file that is not a box sequence."""
    boxes, offset = [], 0
    while offset < len(data):
        size, kind = struct.unpack(">I4s", data[offset : offset + 8])
        if size == 1:
            size = struct.unpack(">Q", data[offset + 8 : offset + 16])[0]
        assert size >= 8 and offset + size <= len(data), (kind, size)
        boxes.append((kind, size))
        offset += size
    return boxes


async def finished_result(client, sim: Simulator, provider: str = "kie", **kw) -> tuple[str, str]:
    path, body = create_call(provider, **kw)
    task_id = task_id_of(provider, (await client.post(sim.api_url + path, json=body, headers=auth(provider))).json())
    sim.advance(3600)
    data = (await client.get(sim.api_url + poll_path(provider, task_id), headers=auth(provider))).json()["data"]
    return task_id, json.loads(data["resultJson"])["resultUrls"][0]


def test_the_sample_is_a_small_real_mp4():
    sample = load_sample()
    kinds = [kind for kind, _ in top_level_boxes(sample)]
    assert kinds[0] == b"ftyp" and b"moov" in kinds and b"mdat" in kinds
    assert kinds.index(b"moov") < kinds.index(b"mdat")  # faststart: playable while streaming
    assert b"avc1" in sample  # H.264
    assert 20_000 < len(sample) < 400_000


async def test_range_and_head(simulator):
    sample = load_sample()
    async with loopback_client() as client:
        _, url = await finished_result(client, simulator)
        head = await client.head(url)
        first = await client.get(url, headers={"Range": "bytes=0-99"})
        tail = await client.get(url, headers={"Range": "bytes=-10"})
        rest = await client.get(url, headers={"Range": "bytes=125000-"})
        beyond = await client.get(url, headers={"Range": f"bytes={len(sample)}-"})
    assert head.status_code == 200 and head.content == b""
    assert int(head.headers["content-length"]) == len(sample) and head.headers["accept-ranges"] == "bytes"
    assert first.status_code == 206 and first.content == sample[:100]
    assert first.headers["content-range"] == f"bytes 0-99/{len(sample)}"
    assert tail.content == sample[-10:]
    assert rest.content == sample[125000:]
    assert beyond.status_code == 416 and beyond.headers["content-range"] == f"bytes */{len(sample)}"
    assert simulator.stats.downloads == 4  # GETs only


def test_parse_range_edge_cases():
    assert parse_range(None, 100) is None
    assert parse_range("bytes=0-0", 100) == (0, 1)
    assert parse_range("bytes=90-200", 100) == (90, 100)
    assert parse_range("bytes=-500", 100) == (0, 100)
    assert parse_range("bytes=0-1,5-6", 100) is None  # multi-range: the whole file instead


async def test_results_pad_to_n_bytes_as_a_valid_mp4_without_holding_them():
    target = 48 * 1024 * 1024
    sample = load_sample()
    async with Simulator(SimConfig(result_bytes=target), clock=ManualClock()) as simulator, loopback_client() as client:
        _, url = await finished_result(client, simulator)
        head = await client.head(url)
        start = await client.get(url, headers={"Range": f"bytes=0-{len(sample) + 15}"})
        tracemalloc.start()
        received = 0
        async with client.stream("GET", url) as answer:
            async for piece in answer.aiter_raw():
                received += len(piece)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert int(head.headers["content-length"]) == received == target
    assert peak < target // 8  # streamed in chunks, never the whole padding at once
    head_bytes = start.content
    assert head_bytes[: len(sample)] == sample
    assert head_bytes[len(sample) + 4 : len(sample) + 8] == b"free"
    assert struct.unpack(">I", head_bytes[len(sample) : len(sample) + 4])[0] == target - len(sample)


def test_padding_units():
    assert padded(b"x" * 20, None) == VirtualFile(b"x" * 20)
    assert padded(b"x" * 20, 10).size == 20
    assert padded(b"x" * 20, 23).size == 28  # too close for a box header: the smallest box
    five_gb = padded(b"x" * 20, 5 * 2**30)
    assert five_gb.size == 5 * 2**30 and len(five_gb.head) == 36  # 64-bit box header, zeros virtual
    assert five_gb.head[20:36] == free_box_header(5 * 2**30 - 20)
    assert b"".join(padded(b"abc", 40).chunks(0, None, chunk=7)) == b"abc" + free_box_header(37) + bytes(29)
    assert [kind for kind, _ in top_level_boxes(b"".join(padded(load_sample(), 300_000).chunks()))][-1] == b"free"


async def test_result_urls_expire_after_the_ttl(simulator):
    async with loopback_client() as client:
        task_id, url = await finished_result(client, simulator)
        task = simulator.task(task_id)
        # providers.md 1.2: kie's result URLs "typically expire after 24 hours".
        simulator.advance(task.done_at + 24 * 3600 - simulator.now() - 1)
        still = await client.head(url)
        simulator.advance(1)
        expired = await client.get(url)
    assert still.status_code == 200
    assert expired.status_code == 403 and b"<Code>AccessDenied</Code>" in expired.content


async def test_a_result_is_not_served_before_it_exists(simulator):
    async with loopback_client() as client:
        path, body = create_call("kie")
        task_id = task_id_of(
            "kie", (await client.post(simulator.api_url + path, json=body, headers=auth("kie"))).json()
        )
        token = simulator.task(task_id).result_token
        early = await client.get(f"{simulator.files_url}/f/{token}/{task_id}.mp4")
        unknown = await client.get(f"{simulator.files_url}/f/nothing/x.mp4")
    assert early.status_code == 404 and unknown.status_code == 404


async def test_kie_download_url_gives_a_twenty_minute_link(simulator):
    async with loopback_client() as client:
        _, url = await finished_result(client, simulator)
        helper = simulator.api_url + "/api/v1/common/download-url"
        answer = await client.post(helper, json={"url": url}, headers=auth("kie"))
        foreign = await client.post(helper, json={"url": "https://elsewhere.example/v.mp4"}, headers=auth("kie"))
        link = answer.json()["data"]
        fresh = await client.get(link)
        simulator.advance(20 * 60)
        stale = await client.get(link)
        original = await client.get(url)
    assert answer.json()["code"] == 200 and link != url
    assert foreign.json()["code"] == 422
    assert fresh.content[4:8] == b"ftyp" and stale.status_code == 403 and original.status_code == 200
    assert simulator.stats.retrieves["kie"] == 2


async def test_files_origin_records_whether_a_key_was_sent(simulator):
    async with loopback_client() as client:
        _, url = await finished_result(client, simulator)
        await client.get(url)
        await client.get(url, headers={"Authorization": "Bearer leaked"})
    files = [r for r in simulator.stats.requests if r.origin == "files"]
    assert [r.had_authorization for r in files] == [False, True]
    assert {r.provider for r in files} == {"kie"}
    api = [r for r in simulator.stats.requests if r.origin == "api"]
    assert api and all(r.had_authorization for r in api)


async def test_result_factory_supplies_each_tasks_video():
    seen = []

    def factory(info: dict) -> bytes:
        seen.append(info)
        return load_sample()[:-1] + b"!"

    async with Simulator(SimConfig(result_factory=factory)) as sim:  # real clock: run=0 ends at once
        async with loopback_client() as client:
            path, body = create_call("apiinone", prompt="{{sim:queue=0;run=0}} zoom in")
            task_id = task_id_of(
                "apiinone", (await client.post(sim.api_url + path, json=body, headers=auth("apiinone"))).json()
            )
            status = (await client.get(sim.api_url + poll_path("apiinone", task_id), headers=auth("apiinone"))).json()
            video = await client.get(status["data"]["output"]["video_url"])
            again = await client.get(status["data"]["output"]["video_url"])
    assert status["data"]["status"] == "COMPLETED"
    assert video.content.endswith(b"!") and again.content == video.content
    assert len(seen) == 1
    assert seen[0]["prompt"].endswith("zoom in") and seen[0]["model"] == "hailuo/2-3-image-to-video-standard"
    assert seen[0]["image_url"] == "https://images.example.com/cat.png" and seen[0]["task_id"] == task_id


# --- uploads ----------------------------------------------------------------------------
async def test_kie_stream_upload_gives_a_fetchable_download_url(simulator):
    async with loopback_client() as client:
        answer = await client.post(
            simulator.api_url + "/api/file-stream-upload",
            headers=auth("kie"),
            files={"file": ("cat.png", PNG, "image/png")},
            data={"uploadPath": "images/user-uploads", "fileName": "cat-1.png"},
        )
        body = answer.json()
        fetched = await client.get(body["data"]["downloadUrl"])
    assert answer.status_code == 200 and body["success"] is True and body["code"] == 200
    data = body["data"]
    assert data["fileName"] == "cat-1.png" and data["filePath"] == "images/user-uploads/cat-1.png"
    assert data["fileSize"] == len(PNG) and data["mimeType"] == "image/png"
    assert data["downloadUrl"].startswith(simulator.files_url)
    # the simulator keeps uploads 24 h, the shorter of the two lifetimes kie's docs state
    assert data["uploadedAt"] == "2026-01-01T00:00:00.000Z" and data["expiresAt"] == "2026-01-02T00:00:00.000Z"
    assert fetched.content == PNG and fetched.headers["content-type"] == "image/png"
    assert simulator.stats.uploads["kie"] == 1


async def test_base64_and_url_uploads_and_apikley_route(simulator):
    async with loopback_client() as client:
        b64 = await client.post(
            simulator.api_url + "/api/file-base64-upload",
            headers=auth("kie"),
            json={"base64Data": "data:image/png;base64," + base64.b64encode(PNG).decode(), "uploadPath": "images"},
        )
        source = b64.json()["data"]["downloadUrl"]
        by_url = await client.post(
            simulator.api_url + "/file-upload/api/file-url-upload",
            headers=auth("apikley"),
            json={"fileUrl": source, "uploadPath": "/copies/", "fileName": "copy.png"},
        )
        copy = await client.get(by_url.json()["data"]["downloadUrl"])
        bad = await client.post(
            simulator.api_url + "/api/file-base64-upload",
            headers=auth("kie"),
            json={"base64Data": "***", "uploadPath": "images"},
        )
        no_file = await client.post(
            simulator.api_url + "/api/file-stream-upload", headers=auth("kie"), files={"other": ("x", b"1")}
        )
    assert b64.json()["data"]["mimeType"] == "image/png" and b64.json()["data"]["fileName"].endswith(".png")
    assert by_url.json()["data"]["filePath"] == "copies/copy.png" and copy.content == PNG
    assert simulator.stats.uploads == {"kie": 3, "apikley": 1}
    assert bad.json()["success"] is False and no_file.json()["code"] == 400


async def test_same_upload_name_overwrites_and_uploads_expire_after_three_days(simulator):
    async with loopback_client() as client:

        async def upload(content: bytes):
            return (
                await client.post(
                    simulator.api_url + "/api/file-base64-upload",
                    headers=auth("kie"),
                    json={"base64Data": base64.b64encode(content).decode(), "uploadPath": "i", "fileName": "a.png"},
                )
            ).json()

        first, second = await upload(PNG), await upload(PNG + b"2")
        url = second["data"]["downloadUrl"]
        now = await client.get(url)
        simulator.advance(3 * 24 * 3600)
        later = await client.get(url)
        refused = await client.post(
            simulator.api_url + "/api/file-stream-upload", headers=auth("kie", "bad"), files={"file": ("a.png", PNG)}
        )
    assert first["data"]["downloadUrl"] == url and now.content == PNG + b"2"
    assert later.status_code == 403
    assert refused.json() == {"success": False, "code": 401, "msg": "You do not have access permissions", "data": None}


async def test_minimax_data_flow_through_retrieve(simulator):
    async with loopback_client() as client:
        path, body = create_call("minimax")
        task_id = (await client.post(simulator.api_url + path, json=body, headers=auth("minimax"))).json()["task_id"]
        simulator.advance(3600)
        file_id = (await client.get(simulator.api_url + poll_path("minimax", task_id), headers=auth("minimax"))).json()[
            "file_id"
        ]
        retrieved = (
            await client.get(
                simulator.api_url + "/v1/files/retrieve", params={"file_id": file_id}, headers=auth("minimax")
            )
        ).json()
        unknown = (
            await client.get(
                simulator.api_url + "/v1/files/retrieve", params={"file_id": "42"}, headers=auth("minimax")
            )
        ).json()
        video = await client.get(retrieved["file"]["download_url"])
    assert retrieved["file"]["file_id"] == int(file_id) and retrieved["file"]["bytes"] == len(video.content)
    assert unknown["base_resp"]["status_code"] == 2013
    assert video.content[4:8] == b"ftyp"


async def test_a_failing_result_factory_falls_back_to_the_sample():
    def broken(info: dict) -> bytes:
        raise RuntimeError("encoder crashed")

    async with Simulator(SimConfig(result_factory=broken), clock=ManualClock()) as sim, loopback_client() as client:
        _, url = await finished_result(client, sim)
        video = await client.get(url)
    assert video.content == load_sample()
