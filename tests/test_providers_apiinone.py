"""API in One: flat body, data.task_id, `{"error": {...}}`, and a defensively read status."""

from __future__ import annotations

import pytest

from hailuo_desktop.domain.catalog import find_model
from hailuo_desktop.domain.errors import (
    AuthError,
    InsufficientBalance,
    InvalidRequest,
    ProviderUnavailable,
    RateLimited,
    TaskNotFound,
)
from hailuo_desktop.domain.states import RemoteState
from tests.providers_mock import IMAGE, adapter, payload, reply

pytestmark = pytest.mark.anyio
STANDARD = "hailuo/2-3-image-to-video-standard"
CREATED = {"code": 200, "message": "success", "data": {"task_id": "n51xxxx_hailuo", "status": "IN_PROGRESS"}}
VIDEO = "https://cdn.apiin.one/out/v.mp4"


@pytest.mark.parametrize(
    "model,options,expected",
    [
        (STANDARD, {}, {"duration": "6", "resolution": "768P"}),
        (STANDARD, {"duration": 10, "resolution": "768P"}, {"duration": "10", "resolution": "768P"}),
        ("hailuo/2-3-image-to-video-pro", {"resolution": "1080P"}, {"duration": "6", "resolution": "1080P"}),
    ],
)
async def test_generation_body_is_flat_with_string_duration(model, options, expected):
    async with adapter("apiinone", reply(200, CREATED)) as (provider, script):
        task_id = await provider.submit(payload(find_model("apiinone", model), **options))
    assert task_id == "n51xxxx_hailuo"
    assert str(script.seen[0].url) == "https://apiin.one/api/v1/videos/generations"
    assert script.last_json == {"model": model, "prompt": "a cat walks", "image": IMAGE, **expected}


async def test_top_level_task_id_is_accepted():
    async with adapter("apiinone", reply(200, {"task_id": "t_top", "status": "queued"})) as (provider, _):
        assert await provider.submit(payload(find_model("apiinone", STANDARD))) == "t_top"


POLL_TABLE = [
    (
        {"code": 200, "data": {"task_id": "t", "status": "IN_PROGRESS"}},
        dict(state=RemoteState.RUNNING, raw_state="IN_PROGRESS"),
    ),
    ({"status": "queued"}, dict(state=RemoteState.QUEUED)),
    ({"data": {"status": "in_progress"}, "status": "completed"}, dict(state=RemoteState.RUNNING)),  # data first
    ({"data": {"status": "completed", "output": {"video_url": VIDEO}}}, dict(video_url=VIDEO)),
    ({"data": {"status": "COMPLETED", "video_url": VIDEO}}, dict(video_url=VIDEO, raw_state="COMPLETED")),
    ({"data": {"status": "completed", "output": {"url": VIDEO}}}, dict(video_url=VIDEO)),
    ({"data": {"status": "completed", "result_urls": [VIDEO, "https://x/2.mp4"]}}, dict(video_url=VIDEO)),
    ({"data": {"status": "completed", "output": [VIDEO]}}, dict(video_url=VIDEO)),
    ({"data": {"status": "completed", "output": {"video_url": None, "url": VIDEO}}}, dict(video_url=VIDEO)),
    ({"status": "completed", "output": {"video_url": VIDEO}}, dict(video_url=VIDEO)),  # no data at all
    (
        {"data": {"status": "failed", "error": "NSFW content detected"}},
        dict(state=RemoteState.FAILED, fail_message="NSFW content detected", fail_code=None),
    ),
    (
        {"data": {"status": "failed", "error": {"code": "content_policy", "message": "Blocked"}}},
        dict(state=RemoteState.FAILED, fail_code="content_policy", fail_message="Blocked"),
    ),
    (
        {"data": {"status": "failed"}, "error": {"code": 500, "message": "upstream failed", "type": "server_error"}},
        dict(state=RemoteState.FAILED, fail_code="500", fail_message="upstream failed"),
    ),
    ({"data": {"status": "FAILED"}}, dict(state=RemoteState.FAILED, fail_message=None)),
]


@pytest.mark.parametrize("body,expected", POLL_TABLE)
async def test_status_is_read_defensively(body, expected):
    async with adapter("apiinone", reply(200, body)) as (provider, script):
        remote = await provider.poll(find_model("apiinone", STANDARD), "n51xxxx_hailuo")
    assert str(script.seen[0].url) == "https://apiin.one/api/v1/tasks/n51xxxx_hailuo"
    for name, value in expected.items():
        assert getattr(remote, name) == value, name


@pytest.mark.parametrize(
    "body,words",
    [
        ({"data": {"status": "completed"}}, "no usable video URL"),
        ({"data": {"status": "completed", "output": {"video_url": "javascript:alert(1)"}}}, "no usable video URL"),
        ({"data": {"status": "CANCELLED_BY_MOON"}}, "'CANCELLED_BY_MOON'"),
        ({"data": {"task_id": "t"}}, "no state"),
    ],
)
async def test_malformed_status(body, words):
    async with adapter("apiinone", reply(200, body)) as (provider, _):
        with pytest.raises(ProviderUnavailable) as caught:
            await provider.poll(find_model("apiinone", STANDARD), "t")
    assert words in caught.value.message


ERROR_TABLE = [
    (400, {"error": {"code": 400, "message": "Invalid parameters", "type": "invalid_request"}}, InvalidRequest),
    (200, {"error": {"code": 400, "message": "Invalid parameters", "type": "invalid_request"}}, InvalidRequest),
    (401, {"error": {"message": "Invalid API key", "type": "authentication_error"}}, AuthError),
    (200, {"error": {"message": "Invalid API key", "type": "authentication_error"}}, AuthError),
    (200, {"error": {"message": "Not enough credits", "type": "insufficient_credits"}}, InsufficientBalance),
    (200, {"error": {"message": "Slow down", "type": "rate_limit_exceeded"}}, RateLimited),
    (200, {"error": {"message": "Something broke"}}, ProviderUnavailable),
    (402, {"error": {"code": "402", "message": "Insufficient credits"}}, InsufficientBalance),
    (200, {"code": 401, "message": "Unauthorized"}, AuthError),
]


@pytest.mark.parametrize("http_status,body,error", ERROR_TABLE)
async def test_error_envelope(http_status, body, error):
    async with adapter("apiinone", reply(http_status, body)) as (provider, script):
        with pytest.raises(error) as caught:
            await provider.submit(payload(find_model("apiinone", STANDARD)))
    expected_message = body["error"]["message"] if "error" in body else body["message"]
    assert caught.value.provider_message == expected_message


async def test_unknown_task_id_is_task_not_found_and_ids_are_path_safe():
    body = {"error": {"code": 404, "message": "Task not found", "type": "not_found"}}
    async with adapter("apiinone", reply(404, body)) as (provider, script):
        with pytest.raises(TaskNotFound):
            await provider.poll(find_model("apiinone", STANDARD), "../../v1/x?y=1")
    assert script.seen[0].url.raw_path == b"/api/v1/tasks/..%2F..%2Fv1%2Fx%3Fy%3D1"


async def test_no_balance_endpoint():
    async with adapter("apiinone") as (provider, script):
        assert await provider.balance() is None
    assert script.seen == []
