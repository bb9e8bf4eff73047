"""kie.ai / Apikley: request bodies, every documented answer shape, the body `code`, uploads."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from hailuo_desktop.domain.catalog import find_model
from hailuo_desktop.domain.errors import (
    AuthError,
    ImageRejected,
    InsufficientBalance,
    InvalidRequest,
    ProviderUnavailable,
    RateLimited,
    TaskNotFound,
)
from hailuo_desktop.domain.states import RemoteState
from tests.providers_mock import END_IMAGE, IMAGE, NOW, adapter, payload, reply, result_json, uploader

pytestmark = pytest.mark.anyio
MARKET = ("kie", "apikley")
HOSTS = {"kie": "api.kie.ai", "apikley": "api.apikley.ru"}
CREATED = {"code": 200, "msg": "success", "data": {"taskId": "task_hailuo_1765182986510"}}

# (model, options, expected input{}) straight from providers.md 1.1/1.4: only the fields the model takes.
BODY_TABLE = [
    (
        "hailuo/2-3-image-to-video-standard",
        {},
        {"prompt": "a cat walks", "image_url": IMAGE, "duration": "6", "resolution": "768P"},
    ),
    (
        "hailuo/2-3-image-to-video-standard",
        {"duration": 10, "resolution": "768P"},
        {"prompt": "a cat walks", "image_url": IMAGE, "duration": "10", "resolution": "768P"},
    ),
    (
        "hailuo/2-3-image-to-video-pro",
        {"duration": 6, "resolution": "1080P"},
        {"prompt": "a cat walks", "image_url": IMAGE, "duration": "6", "resolution": "1080P"},
    ),
    (
        "hailuo/02-image-to-video-standard",
        {"duration": 6, "resolution": "512P", "prompt_optimizer": False},
        {"prompt": "a cat walks", "image_url": IMAGE, "duration": "6", "resolution": "512P", "prompt_optimizer": False},
    ),
    (
        "hailuo/02-image-to-video-standard",
        {"end_image": END_IMAGE},
        {
            "prompt": "a cat walks",
            "image_url": IMAGE,
            "end_image_url": END_IMAGE,
            "duration": "10",
            "resolution": "768P",
        },
    ),
    (
        "hailuo/02-image-to-video-pro",
        {"prompt_optimizer": True},
        {"prompt": "a cat walks", "image_url": IMAGE, "prompt_optimizer": True},
    ),
    ("hailuo/02-text-to-video-standard", {"duration": 10}, {"prompt": "a cat walks", "duration": "10"}),
    ("hailuo/02-text-to-video-pro", {}, {"prompt": "a cat walks"}),
]


@pytest.mark.parametrize("provider_id", MARKET)
@pytest.mark.parametrize("model,options,expected", BODY_TABLE)
async def test_create_task_body_is_exactly_as_documented(provider_id, model, options, expected):
    spec = find_model(provider_id, model)
    async with adapter(provider_id, reply(200, CREATED)) as (provider, script):
        task_id = await provider.submit(payload(spec, **options))
    assert task_id == "task_hailuo_1765182986510"
    request = script.seen[0]
    assert (request.method, request.url.host, request.url.path) == (
        "POST",
        HOSTS[provider_id],
        "/api/v1/jobs/createTask",
    )
    assert request.headers["Content-Type"] == "application/json"
    assert script.last_json == {"model": model, "input": expected}


@pytest.mark.parametrize(
    "bad",
    [
        dict(image=None),
        dict(prompt=""),
        dict(prompt="x" * 5001),
        dict(duration=10, resolution="1080P"),
        dict(image="data:image/png;base64,AAAA"),
        dict(image="/home/me/cat.png"),
        dict(end_image=END_IMAGE),
    ],
)
async def test_known_bad_requests_are_refused_before_sending(bad):
    spec = find_model("kie", "hailuo/2-3-image-to-video-standard")
    async with adapter("kie", reply(200, CREATED)) as (provider, script):
        with pytest.raises(InvalidRequest):
            await provider.submit(payload(spec, **bad))
    assert script.seen == []


async def test_a_model_of_another_provider_is_refused():
    async with adapter("kie", reply(200, CREATED)) as (provider, script):
        with pytest.raises(InvalidRequest):
            await provider.submit(payload(find_model("apikley", "hailuo/2-3-image-to-video-standard")))
    assert script.seen == []


def record(**data) -> dict:
    return {"code": 200, "message": "success", "data": {"taskId": "task_1", "model": "m", **data}}


# (answer, expected RemoteStatus fields)
POLL_TABLE = [
    (record(state="waiting", failCode="", failMsg=""), dict(state=RemoteState.QUEUED, raw_state="waiting")),
    (record(state="queuing"), dict(state=RemoteState.QUEUED, raw_state="queuing")),
    (record(state="generating", failCode=None, failMsg=None), dict(state=RemoteState.RUNNING)),
    (
        record(
            state="success",
            resultJson=result_json("https://cdn.example/v.mp4", "https://cdn.example/2.mp4"),
            failCode="",
            failMsg="",
            createTime=1698765400000,
            completeTime=1698765432000,
            costTime=8,
        ),
        dict(
            state=RemoteState.SUCCEEDED,
            video_url="https://cdn.example/v.mp4",
            fail_code=None,
            created_ms=1698765400000,
            completed_ms=1698765432000,
        ),
    ),
    (
        {"code": 200, "msg": "ok", "data": {"state": "SUCCESS", "resultJson": {"resultUrls": ["https://c/v.mp4"]}}},
        dict(state=RemoteState.SUCCEEDED, raw_state="SUCCESS", video_url="https://c/v.mp4"),
    ),
    (
        record(state="fail", failCode="500", failMsg="Internal server error"),
        dict(state=RemoteState.FAILED, fail_code="500", fail_message="Internal server error"),
    ),
    (
        record(state="fail", failCode=500, failMsg=None),
        dict(state=RemoteState.FAILED, fail_code="500", fail_message=None),
    ),
    (record(state="fail", failCode="", failMsg=""), dict(state=RemoteState.FAILED, fail_code=None, fail_message=None)),
    (record(state="fail"), dict(state=RemoteState.FAILED, fail_code=None, fail_message=None)),
    # Body code 501 "generation failed" (callback example shape): a failed task, not an API error.
    (
        {
            "code": 501,
            "msg": "Playground task failed.",
            "data": {"state": "fail", "failCode": "500", "failMsg": "Internal server error", "consumeCredits": 0},
        },
        dict(state=RemoteState.FAILED, raw_state="fail", fail_code="500", fail_message="Internal server error"),
    ),
    (
        {"code": 501, "msg": "Generation failed: sensitive content"},
        dict(
            state=RemoteState.FAILED,
            raw_state="501",
            fail_code="501",
            fail_message="Generation failed: sensitive content",
        ),
    ),
]


@pytest.mark.parametrize("provider_id", MARKET)
@pytest.mark.parametrize("body,expected", POLL_TABLE)
async def test_record_info_shapes(provider_id, body, expected):
    async with adapter(provider_id, reply(200, body)) as (provider, script):
        status = await provider.poll(find_model(provider_id, "hailuo/2-3-image-to-video-standard"), "task_1")
    request = script.seen[0]
    assert (request.method, request.url.path, dict(request.url.params)) == (
        "GET",
        "/api/v1/jobs/recordInfo",
        {"taskId": "task_1"},
    )
    for name, value in expected.items():
        assert getattr(status, name) == value, name


BAD_RECORDS = [
    (record(state="success", resultJson="{not json"), "resultJson is not JSON"),
    (record(state="success"), "no resultJson"),
    (record(state="success", resultJson=json.dumps({"resultUrls": []})), "no usable video URL"),
    (record(state="success", resultJson=json.dumps({"resultObject": {}})), "no usable video URL"),
    (record(state="success", resultJson=result_json("file:///etc/passwd")), "no usable video URL"),
    (record(state="exploded"), "'exploded'"),
    (record(state=7), "no state"),
    (record(), "no state"),
    ({"code": 200, "msg": "success"}, "has no data"),
    ({"code": 200, "msg": "success", "data": "task_1"}, "has no data"),
]


@pytest.mark.parametrize("body,words", BAD_RECORDS)
async def test_malformed_records_are_typed_errors(body, words):
    async with adapter("kie", reply(200, body)) as (provider, _):
        with pytest.raises(ProviderUnavailable) as caught:
            await provider.poll(find_model("kie", "hailuo/2-3-image-to-video-standard"), "task_1")
    assert words in caught.value.message
    assert not caught.value.maintenance


# The body `code` counts even on HTTP 200 (providers.md 1.1); `msg` and `message` both carry the reason.
BODY_CODE_TABLE = [
    ({"code": 401, "msg": "Unauthorized"}, AuthError, {}),
    ({"code": 402, "message": "Insufficient credits"}, InsufficientBalance, {}),
    ({"code": 422, "msg": "duration 10 is not supported for 1080P"}, InvalidRequest, {}),
    ({"code": 429, "msg": "Rate limited"}, RateLimited, {}),
    ({"code": 455, "msg": "System maintenance"}, ProviderUnavailable, {"maintenance": True}),
    ({"code": 500, "msg": "retry later"}, ProviderUnavailable, {"maintenance": False}),
    ({"code": 505, "msg": "Feature disabled"}, ProviderUnavailable, {"maintenance": False}),
    ({"code": "422", "msg": "string code"}, InvalidRequest, {}),
]


@pytest.mark.parametrize("body,error,attrs", BODY_CODE_TABLE)
async def test_body_code_on_http_200(body, error, attrs):
    async with adapter("apikley", reply(200, body)) as (provider, _):
        with pytest.raises(error) as caught:
            await provider.submit(payload(find_model("apikley", "hailuo/2-3-image-to-video-standard")))
    reason = body.get("msg") or body.get("message")
    assert caught.value.provider_message == reason and reason in caught.value.message
    assert caught.value.provider_code == str(int(body["code"]))
    for name, value in attrs.items():
        assert getattr(caught.value, name) == value


async def test_404_body_code_on_poll_is_task_not_found():
    async with adapter("kie", reply(200, {"code": 404, "msg": "task not found"})) as (provider, _):
        with pytest.raises(TaskNotFound):
            await provider.poll(find_model("kie", "hailuo/2-3-image-to-video-standard"), "task_1")


@pytest.mark.parametrize(
    "data", [None, "", {"taskId": ""}, {"taskId": None}, {"taskId": "has space"}, {"task_id": "snake"}]
)
async def test_submit_without_a_task_id_is_ambiguous(data):
    async with adapter("kie", reply(200, {"code": 200, "msg": "success", "data": data})) as (provider, _):
        with pytest.raises(ProviderUnavailable) as caught:
            await provider.submit(payload(find_model("kie", "hailuo/2-3-image-to-video-standard")))
    assert not caught.value.maintenance  # the task may exist: the runner must not re-send


@pytest.mark.parametrize("bad_id", ["", "a b", "x" * 300, "ünï", None])
async def test_unusable_remote_ids_are_refused_before_polling(bad_id):
    async with adapter("kie", reply(200, record(state="waiting"))) as (provider, script):
        with pytest.raises(InvalidRequest):
            await provider.poll(find_model("kie", "hailuo/2-3-image-to-video-standard"), bad_id)
    assert script.seen == []


@pytest.mark.parametrize("data,expected", [(100, 100.0), (0, 0.0), (2510330, 2510330.0)])
@pytest.mark.parametrize("provider_id", MARKET)
async def test_credit_balance(provider_id, data, expected):
    async with adapter(provider_id, reply(200, {"code": 200, "msg": "success", "data": data})) as (provider, script):
        balance = await provider.balance()
    assert (balance.amount, balance.unit) == (expected, "credits")
    assert script.seen[0].url.path == "/api/v1/chat/credit"


@pytest.mark.parametrize("data", [None, "lots", True, {"credits": 5}])
async def test_credit_balance_that_is_not_a_number(data):
    async with adapter("kie", reply(200, {"code": 200, "msg": "success", "data": data})) as (provider, _):
        with pytest.raises(ProviderUnavailable):
            await provider.balance()


# --- uploads -----------------------------------------------------------------------

UPLOADED = {
    "success": True,
    "code": 200,
    "msg": "File uploaded successfully",
    "data": {
        "fileName": "x.png",
        "filePath": "images/x.png",
        "downloadUrl": "https://tempfile.redpandaai.co/xxx/x.png",
        "fileSize": 154832,
        "mimeType": "image/png",
        "uploadedAt": "2025-01-01T10:00:00.000Z",
    },
}


@pytest.fixture
def image_file(tmp_path) -> Path:
    path = tmp_path / "My Cat.PNG"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 400)
    return path


@pytest.mark.parametrize(
    "provider_id,base_url,url",
    [
        ("kie", None, "https://kieai.redpandaai.co/api/file-stream-upload"),
        ("apikley", None, "https://api.apikley.ru/file-upload/api/file-stream-upload"),
        ("kie", "http://127.0.0.1:8123", "http://127.0.0.1:8123/api/file-stream-upload"),
        ("apikley", "http://127.0.0.1:8123", "http://127.0.0.1:8123/file-upload/api/file-stream-upload"),
    ],
)
async def test_stream_upload_sends_multipart_with_a_unique_name(provider_id, base_url, url, image_file):
    async with uploader(provider_id, reply(200, UPLOADED), reply(200, UPLOADED), base_url=base_url) as (upload, script):
        first = await upload.upload(image_file, "image/png")
        await upload.upload(image_file, "image/png")
    assert first.url == "https://tempfile.redpandaai.co/xxx/x.png"
    assert first.expires_at == NOW + 24 * 3600
    names = []
    for request in script.seen:
        assert str(request.url) == url and request.headers["Authorization"].startswith("Bearer ")
        assert request.headers["Content-Type"].startswith("multipart/form-data; boundary=")
        body = request.content
        assert image_file.read_bytes() in body
        assert b'name="uploadPath"\r\n\r\nimages/hailuo-desktop\r\n' in body
        names.append(re.search(rb'name="fileName"\r\n\r\n([^\r]+)\r\n', body).group(1).decode())
        assert re.search(rb'name="file"; filename="[0-9a-f]{32}\.png"', body)
    assert all(re.fullmatch(r"[0-9a-f]{32}\.png", n) for n in names) and names[0] != names[1]


@pytest.mark.parametrize(
    "data,url,expires",
    [
        ({"fileUrl": "https://files.example/f.png"}, "https://files.example/f.png", NOW + 86400),
        (
            {
                "downloadUrl": "https://d.example/a.png",
                "fileUrl": "https://f.example/a.png",
                "expiresAt": "2023-11-16T00:00:00Z",
            },
            "https://d.example/a.png",
            1700092800.0,
        ),
        (
            {"downloadUrl": "https://d.example/a.png", "expiresAt": 1700092800000},
            "https://d.example/a.png",
            1700092800.0,
        ),
        ({"downloadUrl": "https://d.example/a.png", "expiresAt": 1700092800}, "https://d.example/a.png", 1700092800.0),
        ({"downloadUrl": "https://d.example/a.png", "expiresAt": "whenever"}, "https://d.example/a.png", NOW + 86400),
    ],
)
async def test_upload_answer_variants(data, url, expires, image_file):
    async with uploader("kie", reply(200, {"success": True, "code": 200, "data": data})) as (upload, _):
        uploaded = await upload.upload(image_file, "image/png")
    assert (uploaded.url, uploaded.expires_at) == (url, expires)


@pytest.mark.parametrize(
    "answer,error",
    [
        (reply(200, {"success": True, "code": 200, "data": {}}), ProviderUnavailable),
        (reply(200, {"success": False, "code": 200, "msg": "upload path invalid"}), ProviderUnavailable),
        (reply(200, {"code": 401, "msg": "Unauthorized"}), AuthError),
        (reply(413, raw=b"too large"), InvalidRequest),
        (reply(200, raw=b"<html></html>"), ProviderUnavailable),
    ],
)
async def test_upload_errors(answer, error, image_file):
    async with uploader("kie", answer) as (upload, _):
        with pytest.raises(error):
            await upload.upload(image_file, "image/png")


async def test_upload_of_a_missing_file_is_an_image_problem(tmp_path):
    async with uploader("kie", reply(200, UPLOADED)) as (upload, script):
        with pytest.raises(ImageRejected) as caught:
            await upload.upload(tmp_path / "gone.png", "image/png")
    assert caught.value.problems[0].code == "unreadable" and script.seen == []


async def test_file_name_extension_falls_back_to_the_mime_type(tmp_path):
    path = tmp_path / "no-extension"
    path.write_bytes(b"\xff\xd8\xff" + b"0" * 100)
    async with uploader("apikley", reply(200, UPLOADED)) as (upload, script):
        await upload.upload(path, "image/jpeg")
    assert re.search(rb'name="fileName"\r\n\r\n[0-9a-f]{32}\.jpg\r\n', script.seen[0].content)
