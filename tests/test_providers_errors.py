"""Every adapter maps statuses, envelopes and transport failures to the same typed errors."""

from __future__ import annotations

import httpx
import pytest

from hailuo_desktop.domain.errors import (
    AuthError,
    HailuoError,
    InsufficientBalance,
    InvalidRequest,
    ModelForbidden,
    NetworkError,
    ProviderUnavailable,
    RateLimited,
    TaskNotFound,
    is_provably_not_created,
)
from hailuo_desktop.domain.states import RemoteState
from tests.providers_mock import (
    ALL_PROVIDERS,
    KEY,
    NOW,
    adapter,
    model_of,
    payload,
    reply,
)

pytestmark = pytest.mark.anyio


def error_body(provider_id: str, code: int, message: str) -> dict:
    """Each provider's own error envelope (providers.md section 6, "Error envelope")."""
    if provider_id in ("kie", "apikley"):
        return {"code": code, "msg": message}
    if provider_id == "apixo":
        return {"code": code, "message": message, "data": {"error": "detail from data.error"}}
    if provider_id == "apiinone":
        return {"error": {"code": code, "message": message, "type": "some_type"}}
    return {"base_resp": {"status_code": 0, "status_msg": message}}  # MiniMax: HTTP-level error


async def run(provider_id: str, operation: str, *answers):
    async with adapter(provider_id, *answers) as (provider, script):
        model = model_of(provider_id)
        if operation == "submit":
            return await provider.submit(payload(model)), script
        return await provider.poll(model, "task_1"), script


# (HTTP status, expected error, extra checks) for statuses every provider may answer with.
STATUS_TABLE = [
    (400, InvalidRequest, {}),
    (401, AuthError, {}),
    (402, InsufficientBalance, {}),
    (403, AuthError, {}),
    (422, InvalidRequest, {}),
    (429, RateLimited, {"retry_after": None}),
    (500, ProviderUnavailable, {"maintenance": False}),
    (502, ProviderUnavailable, {"maintenance": False}),
    (503, ProviderUnavailable, {"maintenance": True}),
    (504, ProviderUnavailable, {"maintenance": False}),
]


@pytest.mark.parametrize("operation", ["submit", "poll"])
@pytest.mark.parametrize("status,error,attrs", STATUS_TABLE)
@pytest.mark.parametrize("provider_id", ALL_PROVIDERS)
async def test_http_status_maps_to_typed_error(provider_id, operation, status, error, attrs):
    if provider_id in ("kie", "apikley") and operation == "poll" and status == 422:
        # kie's recordInfo says 422 when the original request failed validation: a failed task
        status_, _ = await run(
            provider_id, operation, reply(status, error_body(provider_id, status, "the provider's words"))
        )
        assert status_.state is RemoteState.FAILED and status_.fail_code == "422"
        return
    if provider_id == "apixo" and status == 403:
        error = ModelForbidden  # APIXO: this key or route cannot use the model (not a bad key)
    with pytest.raises(error) as caught:
        await run(provider_id, operation, reply(status, error_body(provider_id, status, "the provider's words")))
    assert caught.value.status == status
    assert "the provider's words" in caught.value.message  # the user needs the provider's reason
    for name, value in attrs.items():
        assert getattr(caught.value, name) == value


@pytest.mark.parametrize(
    "status,error",
    [
        (401, AuthError),
        (429, RateLimited),
        (500, ProviderUnavailable),
        (502, ProviderUnavailable),
        (503, ProviderUnavailable),
    ],
)
@pytest.mark.parametrize("provider_id", ALL_PROVIDERS)
async def test_html_error_pages_map_by_status(provider_id, status, error):
    page = b"<html><body><h1>Bad Gateway</h1></body></html>"
    with pytest.raises(error) as caught:
        await run(provider_id, "poll", reply(status, raw=page, headers={"Content-Type": "text/html"}))
    assert "<html>" not in caught.value.message


@pytest.mark.parametrize("provider_id", ALL_PROVIDERS)
async def test_404_is_task_not_found_on_poll_but_invalid_request_on_submit(provider_id):
    body = error_body(provider_id, 404, "not found")
    with pytest.raises(TaskNotFound):
        await run(provider_id, "poll", reply(404, body))
    with pytest.raises(InvalidRequest):
        await run(provider_id, "submit", reply(404, body))


@pytest.mark.parametrize(
    "header,expected", [("7", 7.0), ("0", 0.0), ("2.5", 2.5), ("Tue, 14 Nov 2023 22:13:40 GMT", 20.0), ("soon", None)]
)
@pytest.mark.parametrize("provider_id", ALL_PROVIDERS)
async def test_429_keeps_retry_after(provider_id, header, expected):
    assert NOW == 1_700_000_000.0  # the HTTP date above is NOW + 20 s
    answer = reply(429, error_body(provider_id, 429, "slow down"), headers={"Retry-After": header})
    with pytest.raises(RateLimited) as caught:
        await run(provider_id, "submit", answer)
    assert caught.value.retry_after == expected
    assert is_provably_not_created(caught.value)


@pytest.mark.parametrize("provider_id", ALL_PROVIDERS)
async def test_503_maintenance_provably_created_nothing_but_500_is_ambiguous(provider_id):
    with pytest.raises(ProviderUnavailable) as maintenance:
        await run(provider_id, "submit", reply(503, raw=b"down for maintenance", headers={"Retry-After": "60"}))
    assert maintenance.value.maintenance and maintenance.value.retry_after == 60.0
    assert is_provably_not_created(maintenance.value)
    with pytest.raises(ProviderUnavailable) as server_error:
        await run(provider_id, "submit", reply(500, raw=b"oops"))
    assert not is_provably_not_created(server_error.value)


@pytest.mark.parametrize("provider_id", ALL_PROVIDERS)
@pytest.mark.parametrize(
    "raw,kind",
    [
        (b"<html>ok</html>", "text/html"),
        (b"", "application/json"),
        (b"[1, 2]", "application/json"),
        (b"null", "application/json"),
        (b'{"truncated": ', "application/json"),
        (b"\xff\xfe\x00", ""),
    ],
)
async def test_unparseable_200_is_provider_unavailable(provider_id, raw, kind):
    with pytest.raises(ProviderUnavailable):
        await run(provider_id, "poll", reply(200, raw=raw, headers={"Content-Type": kind} if kind else {}))


@pytest.mark.parametrize("provider_id", ALL_PROVIDERS)
async def test_redirects_are_not_followed(provider_id):
    """A redirect could carry the request (and key) elsewhere; it is an unexpected answer instead."""
    async with adapter(provider_id, reply(302, raw=b"", headers={"Location": "https://elsewhere.example/x"})) as (
        provider,
        script,
    ):
        with pytest.raises(ProviderUnavailable):
            await provider.poll(model_of(provider_id), "task_1")
    assert [r.url.host for r in script.seen] == [httpx.URL(provider.http.base_url).host]


TRANSPORT_TABLE = [
    (httpx.ConnectError("refused"), False),
    (httpx.ConnectTimeout("connect timed out"), False),
    (httpx.PoolTimeout("no free connection"), False),
    (httpx.ReadTimeout("read timed out"), True),
    (httpx.WriteTimeout("write timed out"), True),
    (httpx.ReadError("connection reset"), True),
    (httpx.WriteError("broken pipe"), True),
    (httpx.RemoteProtocolError("peer closed connection without sending complete message body"), True),
]


@pytest.mark.parametrize(
    "exc,sent", TRANSPORT_TABLE, ids=lambda v: type(v).__name__ if isinstance(v, Exception) else str(v)
)
@pytest.mark.parametrize("provider_id", ALL_PROVIDERS)
async def test_transport_failures_say_whether_the_request_left(provider_id, exc, sent):
    with pytest.raises(NetworkError) as caught:
        await run(provider_id, "submit", exc)
    assert caught.value.sent is sent
    assert is_provably_not_created(caught.value) is (not sent)


@pytest.mark.parametrize("provider_id", ALL_PROVIDERS)
async def test_key_goes_only_as_bearer_to_the_provider_origin(provider_id):
    async with adapter(provider_id, reply(401, error_body(provider_id, 401, f"bad key {KEY}"))) as (provider, script):
        with pytest.raises(AuthError) as caught:
            await provider.submit(payload(model_of(provider_id)))
    request = script.seen[0]
    assert request.headers["Authorization"] == f"Bearer {KEY}"
    assert request.url.scheme == "https" and request.url.host == httpx.URL(provider.spec.base_url).host
    assert KEY not in str(request.url) and KEY.encode() not in request.content
    # The provider echoed the key back: it is masked before it reaches any message.
    assert KEY not in str(caught.value) and KEY not in repr(caught.value.details())
    assert KEY not in repr(provider) and KEY not in repr(provider.http)


@pytest.mark.parametrize("provider_id", ALL_PROVIDERS)
async def test_every_error_is_a_hailuo_error_with_details(provider_id):
    with pytest.raises(HailuoError) as caught:
        await run(provider_id, "poll", reply(418, {"code": 418}))
    details = caught.value.details()
    assert details["http_status"] == 418 and details["code"] == "invalid_request"
