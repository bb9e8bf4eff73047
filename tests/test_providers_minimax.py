"""MiniMax: flat body with int duration, base_resp on HTTP 200, Success -> files/retrieve -> URL."""

from __future__ import annotations

import pytest

from hailuo_desktop.domain.catalog import find_model
from hailuo_desktop.domain.errors import (
    AuthError,
    ContentRejected,
    InsufficientBalance,
    InvalidRequest,
    ProviderUnavailable,
    RateLimited,
    is_provably_not_created,
)
from hailuo_desktop.domain.states import RemoteState
from tests.providers_mock import END_IMAGE, IMAGE, adapter, payload, reply

pytestmark = pytest.mark.anyio
OK = {"status_code": 0, "status_msg": "success"}
CREATED = {"task_id": "106916112212032", "base_resp": OK}
DATA_URL = "data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ=="
VIDEO = "https://public-cdn-video-data-algeng.oss-cn-wulanchabu.aliyuncs.com/out.mp4?Expires=1&Signature=x"


def spec(model="MiniMax-Hailuo-2.3", kind="i2v"):
    return find_model("minimax", model, kind=kind)


@pytest.mark.parametrize(
    "model,kind,options,expected",
    [
        (
            "MiniMax-Hailuo-2.3",
            "i2v",
            {},
            {"first_frame_image": IMAGE, "duration": 6, "resolution": "768P", "prompt_optimizer": True},
        ),
        (
            "MiniMax-Hailuo-2.3-Fast",
            "i2v",
            {"duration": 10, "prompt_optimizer": False},
            {"first_frame_image": IMAGE, "duration": 10, "resolution": "768P", "prompt_optimizer": False},
        ),
        (
            "MiniMax-Hailuo-2.3",
            "i2v",
            {"image": DATA_URL, "resolution": "1080P"},
            {"first_frame_image": DATA_URL, "duration": 6, "resolution": "1080P", "prompt_optimizer": True},
        ),
        (
            "MiniMax-Hailuo-02",
            "i2v",
            {"end_image": END_IMAGE, "resolution": "768P"},
            {
                "first_frame_image": IMAGE,
                "last_frame_image": END_IMAGE,
                "duration": 6,
                "resolution": "768P",
                "prompt_optimizer": True,
            },
        ),
        ("MiniMax-Hailuo-2.3", "t2v", {}, {"duration": 6, "resolution": "768P", "prompt_optimizer": True}),
    ],
)
async def test_video_generation_body(model, kind, options, expected):
    async with adapter("minimax", reply(200, CREATED)) as (provider, script):
        task_id = await provider.submit(payload(spec(model, kind), **options))
    assert task_id == "106916112212032"
    assert str(script.seen[0].url) == "https://api.minimax.io/v1/video_generation"
    assert script.last_json == {"model": model, "prompt": "a cat walks", **expected}


def query(status: str, **extra) -> dict:
    return {"task_id": "106916112212032", "status": status, "base_resp": OK, **extra}


@pytest.mark.parametrize(
    "status,state",
    [("Preparing", RemoteState.QUEUED), ("Queueing", RemoteState.QUEUED), ("Processing", RemoteState.RUNNING)],
)
async def test_in_flight_states(status, state):
    async with adapter("minimax", reply(200, query(status))) as (provider, script):
        remote = await provider.poll(spec(), "106916112212032")
    assert (remote.state, remote.raw_state, remote.video_url) == (state, status, None)
    assert str(script.seen[0].url) == "https://api.minimax.io/v1/query/video_generation?task_id=106916112212032"
    assert len(script.seen) == 1


async def test_success_looks_up_the_file_inside_poll():
    retrieved = {
        "file": {
            "file_id": 205258526306433,
            "bytes": 5896337,
            "created_at": 1700469398,
            "filename": "output_aigc.mp4",
            "purpose": "video_generation",
            "download_url": VIDEO,
        },
        "base_resp": OK,
    }
    answers = [
        reply(200, query("Success", file_id="205258526306433", video_width=1366, video_height=768)),
        reply(200, retrieved),
    ]
    async with adapter("minimax", *answers) as (provider, script):
        remote = await provider.poll(spec(), "106916112212032")
    assert (remote.state, remote.raw_state, remote.video_url) == (RemoteState.SUCCEEDED, "Success", VIDEO)
    assert str(script.seen[1].url) == "https://api.minimax.io/v1/files/retrieve?file_id=205258526306433"
    assert all(r.headers["Authorization"].startswith("Bearer ") for r in script.seen)


@pytest.mark.parametrize(
    "answers,words",
    [
        ([reply(200, query("Success"))], "no file_id"),
        ([reply(200, query("Success", file_id="1")), reply(200, {"file": {}, "base_resp": OK})], "no usable video URL"),
        ([reply(200, query("Success", file_id="1")), reply(200, {"base_resp": {"status_code": 1000}})], "code 1000"),
        ([reply(200, query("Stalled"))], "'Stalled'"),
    ],
)
async def test_success_without_a_video(answers, words):
    async with adapter("minimax", *answers) as (provider, _):
        with pytest.raises(ProviderUnavailable) as caught:
            await provider.poll(spec(), "1")
    assert words in caught.value.message


@pytest.mark.parametrize(
    "body,fail_code,fail_message",
    [
        (query("Fail"), None, None),
        (query("Failed"), None, None),  # the official CLI's spelling
        (
            {"task_id": "1", "status": "Fail", "base_resp": {"status_code": 1026, "status_msg": "input sensitive"}},
            "1026",
            "input sensitive",
        ),
    ],
)
async def test_failed_task(body, fail_code, fail_message):
    async with adapter("minimax", reply(200, body)) as (provider, _):
        remote = await provider.poll(spec(), "1")
    assert (remote.state, remote.fail_code, remote.fail_message) == (RemoteState.FAILED, fail_code, fail_message)


BASE_RESP_TABLE = [
    (1002, RateLimited, {}),
    (1004, AuthError, {}),
    (2049, AuthError, {}),
    (1008, InsufficientBalance, {}),
    (1026, ContentRejected, {}),
    (1039, ContentRejected, {}),
    (2013, InvalidRequest, {}),
    (1000, ProviderUnavailable, {"maintenance": False}),
    (1001, ProviderUnavailable, {"maintenance": False}),
    (1024, ProviderUnavailable, {"maintenance": False}),
    (2038, AuthError, {}),
    (1028, ProviderUnavailable, {}),
    (99999, ProviderUnavailable, {}),
]


@pytest.mark.parametrize("code,error,attrs", BASE_RESP_TABLE)
async def test_base_resp_on_http_200(code, error, attrs):
    body = {"task_id": "", "base_resp": {"status_code": code, "status_msg": f"message {code}"}}
    async with adapter("minimax", reply(200, body, headers={"Retry-After": "3"})) as (provider, _):
        with pytest.raises(error) as caught:
            await provider.submit(payload(spec()))
    assert caught.value.provider_code == str(code)
    assert caught.value.provider_message == f"message {code}" and f"message {code}" in caught.value.message
    assert caught.value.status == 200
    for name, value in attrs.items():
        assert getattr(caught.value, name) == value
    if error is RateLimited:
        assert caught.value.retry_after == 3.0 and is_provably_not_created(caught.value)


async def test_real_name_verification_says_so():
    body = {"base_resp": {"status_code": 2038, "status_msg": "need real-name"}}
    async with adapter("minimax", reply(200, body)) as (provider, _):
        with pytest.raises(AuthError) as caught:
            await provider.submit(payload(spec()))
    assert "real-name verification" in caught.value.message


async def test_base_resp_during_a_poll():
    body = {"base_resp": {"status_code": 1004, "status_msg": "login fail"}}
    async with adapter("minimax", reply(200, body)) as (provider, _):
        with pytest.raises(AuthError):
            await provider.poll(spec(), "1")


async def test_a_local_path_is_not_an_image_url():
    async with adapter("minimax", reply(200, CREATED)) as (provider, script):
        with pytest.raises(InvalidRequest):
            await provider.submit(payload(spec(), image="C:/Users/me/cat.png"))
    assert script.seen == []


async def test_no_balance_endpoint():
    async with adapter("minimax") as (provider, script):
        assert await provider.balance() is None
    assert script.seen == []


@pytest.mark.parametrize(
    "http_status,code,error,maintenance",
    [
        (503, 1024, ProviderUnavailable, True),  # HTTP 503 says maintenance; 1024 only "internal error"
        (500, 1000, ProviderUnavailable, False),
        (429, 1002, RateLimited, None),
        (401, 1004, AuthError, None),
        (400, 1026, ContentRejected, None),  # the specific base_resp code wins over a generic 400
    ],
)
async def test_http_error_with_base_resp(http_status, code, error, maintenance):
    body = {"base_resp": {"status_code": code, "status_msg": "m"}}
    async with adapter("minimax", reply(http_status, body)) as (provider, _):
        with pytest.raises(error) as caught:
            await provider.submit(payload(spec()))
    assert caught.value.provider_code == str(code) and caught.value.status == http_status
    if maintenance is not None:
        assert caught.value.maintenance is maintenance
