"""APIXO: model in the path, mode in the body, the same record shape as kie, USD balance."""

from __future__ import annotations

import pytest

from hailuo_desktop.domain.catalog import find_model
from hailuo_desktop.domain.errors import (
    AuthError,
    InsufficientBalance,
    InvalidRequest,
    ModelForbidden,
    ProviderUnavailable,
    RateLimited,
    TaskNotFound,
)
from hailuo_desktop.domain.states import RemoteState
from tests.providers_mock import IMAGE, adapter, payload, reply, result_json

pytestmark = pytest.mark.anyio
CREATED = {"code": 200, "message": "success", "data": {"taskId": "task_12345678"}}

# (model, mode, options, expected input{}) from providers.md 2.1/2.2 and the seed page.
BODY_TABLE = [
    (
        "hailuo-2-3-fast",
        "standard-image-to-video",
        {},
        {"mode": "standard-image-to-video", "prompt": "a cat walks", "image_urls": [IMAGE], "duration": 6},
    ),
    (
        "hailuo-2-3-fast",
        "standard-image-to-video",
        {"duration": 10},
        {"mode": "standard-image-to-video", "prompt": "a cat walks", "image_urls": [IMAGE], "duration": 10},
    ),
    (
        "hailuo-2-3-fast",
        "pro-image-to-video",
        {},
        {"mode": "pro-image-to-video", "prompt": "a cat walks", "image_urls": [IMAGE]},
    ),
    (
        "hailuo-2-3",
        "standard-image-to-video",
        {"duration": 10},
        {"mode": "standard-image-to-video", "prompt": "a cat walks", "image_urls": [IMAGE], "duration": 10},
    ),
    (
        "hailuo-2-3",
        "standard-text-to-video",
        {},
        {"mode": "standard-text-to-video", "prompt": "a cat walks", "duration": 6},
    ),
    (
        "hailuo-2-3",
        "pro-image-to-video",
        {},
        {"mode": "pro-image-to-video", "prompt": "a cat walks", "image_urls": [IMAGE]},
    ),
    ("hailuo-2-3", "pro-text-to-video", {}, {"mode": "pro-text-to-video", "prompt": "a cat walks"}),
]


@pytest.mark.parametrize("model,mode,options,expected", BODY_TABLE)
async def test_generate_task_body_is_exactly_as_documented(model, mode, options, expected):
    spec = find_model("apixo", model, mode)
    async with adapter("apixo", reply(200, CREATED)) as (provider, script):
        task_id = await provider.submit(payload(spec, **options))
    assert task_id == "task_12345678"
    request = script.seen[0]
    assert str(request.url) == f"https://api.apixo.ai/api/v1/generateTask/{model}"
    assert script.last_json == {"request_type": "async", "provider": "auto", "input": expected}


async def test_a_data_url_is_refused_before_sending():
    spec = find_model("apixo", "hailuo-2-3-fast", "standard-image-to-video")
    async with adapter("apixo", reply(200, CREATED)) as (provider, script):
        with pytest.raises(InvalidRequest) as caught:
            await provider.submit(payload(spec, image="data:image/png;base64,AAAA"))
    assert "upload route" in caught.value.message and script.seen == []


def status(**data) -> dict:
    return {"code": 200, "message": "success", "data": {"taskId": "task_12345678", **data}}


POLL_TABLE = [
    (status(state="pending"), dict(state=RemoteState.QUEUED, raw_state="pending")),
    (
        status(state="processing", createTime=1767965610929),
        dict(state=RemoteState.RUNNING, created_ms=1767965610929, completed_ms=None),
    ),
    (
        status(
            state="success",
            resultJson=result_json("https://file.apixo.ai/video.mp4"),
            createTime=1767965610929,
            completeTime=1767965730929,
            costTime=120000,
        ),
        dict(state=RemoteState.SUCCEEDED, video_url="https://file.apixo.ai/video.mp4", completed_ms=1767965730929),
    ),
    # A failed task is HTTP 200 + code 200 + state "failed"; failCode is opaque, failMsg is shown.
    (
        status(
            state="failed",
            failCode="SensitiveContent",
            failMsg="Content violates provider policy, please adjust the prompt",
        ),
        dict(
            state=RemoteState.FAILED,
            fail_code="SensitiveContent",
            fail_message="Content violates provider policy, please adjust the prompt",
        ),
    ),
    (
        status(state="failed", failCode="CONTENT_VIOLATION", failMsg=""),
        dict(state=RemoteState.FAILED, fail_code="CONTENT_VIOLATION", fail_message=None),
    ),
    (status(state="Failed", failCode="Unknown error"), dict(state=RemoteState.FAILED, fail_code="Unknown error")),
]


@pytest.mark.parametrize("body,expected", POLL_TABLE)
async def test_status_task_shapes(body, expected):
    spec = find_model("apixo", "hailuo-2-3", "standard-image-to-video")
    async with adapter("apixo", reply(200, body)) as (provider, script):
        remote = await provider.poll(spec, "task_12345678")
    assert str(script.seen[0].url) == "https://api.apixo.ai/api/v1/statusTask/hailuo-2-3?taskId=task_12345678"
    for name, value in expected.items():
        assert getattr(remote, name) == value, name


ERROR_TABLE = [
    (
        400,
        {"code": 400, "message": "Invalid request", "data": {"error": "Missing required field: input.prompt"}},
        InvalidRequest,
        "Invalid request — Missing required field: input.prompt",
    ),
    (400, {"code": 400, "message": "Invalid mode type"}, InvalidRequest, "Invalid mode type"),
    (401, {"code": 401, "message": "Invalid or missing API key"}, AuthError, "Invalid or missing API key"),
    (402, {"code": 402, "message": "Insufficient balance"}, InsufficientBalance, "Insufficient balance"),
    (403, {"code": 403, "message": "Route not allowed"}, ModelForbidden, "Route not allowed"),
    (429, {"code": 429, "message": "Too many requests"}, RateLimited, "Too many requests"),
    (502, {"code": 502, "message": "Upstream provider error"}, ProviderUnavailable, "Upstream provider error"),
]


@pytest.mark.parametrize("http_status,body,error,message", ERROR_TABLE)
async def test_error_envelope(http_status, body, error, message):
    spec = find_model("apixo", "hailuo-2-3-fast", "standard-image-to-video")
    async with adapter("apixo", reply(http_status, body)) as (provider, _):
        with pytest.raises(error) as caught:
            await provider.submit(payload(spec))
    assert caught.value.provider_message == message


async def test_unknown_task_is_task_not_found():
    spec = find_model("apixo", "hailuo-2-3-fast", "standard-image-to-video")
    async with adapter("apixo", reply(404, {"code": 404, "message": "Task not found"})) as (provider, _):
        with pytest.raises(TaskNotFound):
            await provider.poll(spec, "task_x")


async def test_balance_is_usd():
    async with adapter("apixo", reply(200, {"code": 200, "message": "success", "data": 74.8700})) as (provider, script):
        balance = await provider.balance()
    assert (balance.amount, balance.unit) == (74.87, "usd")
    assert str(script.seen[0].url) == "https://api.apixo.ai/api/v1/apikeys/current-balance"


async def test_balance_rejected_key():
    async with adapter("apixo", reply(401, {"code": 401, "message": "Invalid or missing API key"})) as (provider, _):
        with pytest.raises(AuthError):
            await provider.balance()
