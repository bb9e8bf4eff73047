"""Property tests: whatever a provider answers, only the app's typed errors come out.

Answers are random statuses, headers and bodies: random bytes, random JSON built from the
providers' own field names, and the documented examples with leaves dropped or replaced.
Every operation either returns a well-formed value or raises a HailuoError, and the key
never appears in what comes out.
"""

from __future__ import annotations

import json
import math

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hailuo_desktop.domain.errors import HailuoError
from hailuo_desktop.domain.states import RemoteState
from hailuo_desktop.providers.base import Balance, RemoteStatus, UploadedFile
from hailuo_desktop.providers.registry import build_provider, build_uploader
from tests.conftest import heavy_enabled
from tests.providers_mock import ALL_PROVIDERS, KEY, model_of, payload

pytestmark = pytest.mark.anyio
EXAMPLES = 1000 if heavy_enabled() else 60
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

FIELD_NAMES = [
    "code",
    "msg",
    "message",
    "data",
    "taskId",
    "task_id",
    "state",
    "status",
    "resultJson",
    "resultUrls",
    "failCode",
    "failMsg",
    "createTime",
    "completeTime",
    "base_resp",
    "status_code",
    "status_msg",
    "file_id",
    "file",
    "download_url",
    "error",
    "type",
    "output",
    "video_url",
    "url",
    "result_urls",
    "success",
    "downloadUrl",
    "fileUrl",
    "expiresAt",
]
STATE_WORDS = [
    "waiting",
    "queuing",
    "generating",
    "success",
    "fail",
    "pending",
    "processing",
    "failed",
    "IN_PROGRESS",
    "completed",
    "Preparing",
    "Queueing",
    "Processing",
    "Success",
    "Fail",
    "Failed",
]
CODES = [0, 200, 401, 402, 404, 422, 429, 455, 500, 501, 505, 1002, 1004, 1008, 1026, 2013, 2038, 2049]
STATUSES = [
    200,
    200,
    200,
    201,
    204,
    301,
    400,
    401,
    402,
    403,
    404,
    408,
    418,
    422,
    429,
    455,
    500,
    501,
    502,
    503,
    504,
    505,
]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from(CODES),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.sampled_from(STATE_WORDS),
    st.sampled_from(["https://cdn.example/v.mp4", KEY, ""]),
)
json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=8)), inner, max_size=6),
        inner.map(lambda v: json.dumps(v)),  # JSON inside a string, as resultJson is
    ),
    max_leaves=20,
)

EXAMPLE_BODIES = [
    {"code": 200, "msg": "success", "data": {"taskId": "task_1"}},
    {
        "code": 200,
        "message": "success",
        "data": {
            "taskId": "t",
            "state": "success",
            "failCode": "",
            "failMsg": "",
            "resultJson": json.dumps({"resultUrls": ["https://c/v.mp4"]}),
            "createTime": 1698765400000,
            "completeTime": 1698765432000,
        },
    },
    {
        "code": 200,
        "message": "success",
        "data": {"taskId": "t", "state": "failed", "failCode": "NSFW", "failMsg": "flagged"},
    },
    {"code": 501, "msg": "Playground task failed.", "data": {"state": "fail", "failCode": "500", "failMsg": "x"}},
    {"code": 200, "msg": "success", "data": 100},
    {"code": 200, "message": "success", "data": {"task_id": "n51_hailuo", "status": "IN_PROGRESS"}},
    {"data": {"status": "completed", "output": {"video_url": "https://c/v.mp4"}, "result_urls": ["https://c/2"]}},
    {"error": {"code": 400, "message": "Invalid parameters", "type": "invalid_request"}},
    {"task_id": "106916", "base_resp": {"status_code": 0, "status_msg": "success"}},
    {"task_id": "1", "status": "Success", "file_id": "205", "base_resp": {"status_code": 0, "status_msg": "ok"}},
    {"file": {"file_id": 205, "download_url": "https://c/v.mp4"}, "base_resp": {"status_code": 0}},
    {
        "success": True,
        "code": 200,
        "data": {"downloadUrl": "https://t/x.png", "fileUrl": "https://t/y.png", "expiresAt": "2025-01-04T10:00:00Z"},
    },
]


@st.composite
def mutated(draw, value):
    """The example with some keys dropped and some leaves replaced by random JSON."""
    if isinstance(value, dict):
        out = {}
        for key, inner in value.items():
            action = draw(st.sampled_from(["keep", "keep", "keep", "drop", "replace"]))
            if action != "drop":
                out[key] = draw(mutated(inner)) if action == "keep" else draw(json_values)
        return out
    if isinstance(value, str) and value.startswith("{"):
        return json.dumps(draw(mutated(json.loads(value)))) if draw(st.booleans()) else draw(st.text(max_size=20))
    return draw(st.one_of(st.just(value), json_values))


def as_json_bytes(value) -> bytes:
    return json.dumps(value).encode()  # NaN/Infinity included: json.loads accepts them, so a server may send them


bodies = st.one_of(
    st.sampled_from(EXAMPLE_BODIES).flatmap(mutated).map(as_json_bytes),
    json_values.map(as_json_bytes),
    st.binary(max_size=200),
    st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
)
header_text = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=40)
answers = st.builds(
    lambda status, body, retry_after, content_type: httpx.Response(
        status,
        content=body,
        headers={k: v for k, v in (("Retry-After", retry_after), ("Content-Type", content_type)) if v is not None},
    ),
    st.one_of(st.sampled_from(STATUSES), st.integers(100, 599)),
    bodies,
    st.one_of(st.none(), header_text, st.integers(-5, 10**6).map(str), st.just("Wed, 21 Oct 2015 07:28:00 GMT")),
    st.one_of(st.none(), st.sampled_from(["application/json", "text/html", "text/plain; charset=utf-8"])),
)


def handler_from(data, most_requests: int = 2):
    """Each request gets its own answer (MiniMax's poll makes two requests).

    The answers are drawn before any request is made. Drawing inside the transport, deep in
    httpx's stack on the event loop, let hypothesis stop a test mid-request, and CPython 3.11
    then failed in its compiler ("AST constructor recursion depth mismatch") now and then.
    A request beyond `most_requests` fails the test: the adapter asked more than it should.
    """
    queue = iter(data.draw(st.lists(answers, min_size=most_requests, max_size=most_requests)))

    def answer(request):
        try:
            return next(queue)
        except StopIteration:
            raise AssertionError(f"more than {most_requests} requests for one call") from None

    return answer


async def outcome(operation):
    try:
        return await operation
    except HailuoError as error:
        assert KEY not in str(error) and KEY not in repr(error.details())
        return error


def check_status(result):
    if isinstance(result, RemoteStatus):
        assert isinstance(result.state, RemoteState) and isinstance(result.raw_state, str)
        assert (result.video_url is not None) == (result.state is RemoteState.SUCCEEDED)
        assert result.video_url is None or result.video_url.lower().startswith(("http://", "https://"))
        assert KEY not in repr(result)
    else:
        assert isinstance(result, HailuoError)


@FUZZ
@given(data=st.data())
@pytest.mark.parametrize("provider_id", ALL_PROVIDERS)
async def test_poll_never_raises_anything_but_typed_errors(provider_id, data):
    async with httpx.AsyncClient(transport=httpx.MockTransport(handler_from(data))) as client:
        provider = build_provider(provider_id, client=client, key=KEY)
        check_status(await outcome(provider.poll(model_of(provider_id), "task_1")))


@FUZZ
@given(data=st.data())
@pytest.mark.parametrize("provider_id", ALL_PROVIDERS)
async def test_submit_never_raises_anything_but_typed_errors(provider_id, data):
    async with httpx.AsyncClient(transport=httpx.MockTransport(handler_from(data))) as client:
        provider = build_provider(provider_id, client=client, key=KEY)
        result = await outcome(provider.submit(payload(model_of(provider_id))))
    assert isinstance(result, HailuoError) or (isinstance(result, str) and result.strip() and KEY not in result)


@FUZZ
@given(data=st.data())
@pytest.mark.parametrize("provider_id", ALL_PROVIDERS)
async def test_balance_never_raises_anything_but_typed_errors(provider_id, data):
    async with httpx.AsyncClient(transport=httpx.MockTransport(handler_from(data))) as client:
        provider = build_provider(provider_id, client=client, key=KEY)
        result = await outcome(provider.balance())
    if isinstance(result, Balance):
        assert math.isfinite(result.amount) and result.unit in ("usd", "credits")
    else:
        assert result is None or isinstance(result, HailuoError)


@pytest.fixture(scope="module")
def small_png(tmp_path_factory):
    path = tmp_path_factory.mktemp("upload") / "in.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    return path


@FUZZ
@given(data=st.data())
@pytest.mark.parametrize("provider_id", ["kie", "apikley"])
async def test_upload_never_raises_anything_but_typed_errors(provider_id, data, small_png):
    async with httpx.AsyncClient(transport=httpx.MockTransport(handler_from(data))) as client:
        upload = build_uploader(provider_id, client=client, key=KEY)
        result = await outcome(upload.upload(small_png, "image/png"))
    if isinstance(result, UploadedFile):
        assert result.url.startswith(("http://", "https://"))
        assert result.expires_at is None or math.isfinite(result.expires_at)
    else:
        assert isinstance(result, HailuoError)


@settings(max_examples=EXAMPLES * 2, deadline=None)
@given(value=st.one_of(st.none(), header_text, st.text(max_size=40)), now=st.floats(0, 4e9))
def test_retry_after_is_none_or_a_bounded_delay(value, now):
    from hailuo_desktop.providers.http import MAX_RETRY_AFTER, parse_retry_after

    seconds = parse_retry_after(value, now)
    assert seconds is None or 0.0 <= seconds <= MAX_RETRY_AFTER


@settings(max_examples=EXAMPLES * 2, deadline=None)
@given(url=st.one_of(st.text(max_size=60), st.from_regex(r"https?://[^\s]{0,40}", fullmatch=True)))
def test_base_url_policy_is_typed(url):
    from hailuo_desktop.domain.errors import InvalidRequest
    from hailuo_desktop.providers.registry import checked_base_url

    try:
        checked = checked_base_url(url)
    except InvalidRequest:
        return
    assert checked.lower().startswith(("https://", "http://"))
