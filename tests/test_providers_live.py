"""The adapters against the real simulator over loopback: happy paths and the main errors.

Time moves only with the simulator's ManualClock (`simulator.advance`); nothing here
waits on the wall clock.
"""

from __future__ import annotations

import socket
from contextlib import asynccontextmanager
from dataclasses import replace

import pytest

from hailuo_desktop.domain.catalog import find_model
from hailuo_desktop.domain.errors import (
    AuthError,
    InsufficientBalance,
    InvalidRequest,
    NetworkError,
    ProviderUnavailable,
    RateLimited,
    TaskNotFound,
    is_provably_not_created,
)
from hailuo_desktop.domain.states import RemoteState
from hailuo_desktop.providers.base import Balance
from hailuo_desktop.providers.registry import build_provider, build_uploader
from hailuo_desktop.simulator.failcodes import FAIL_CODES
from hailuo_desktop.simulator.server import Fault
from tests.fixtures.sim import KEYS, loopback_client
from tests.providers_mock import ALL_PROVIDERS, model_of, payload

pytestmark = pytest.mark.anyio
IMAGE = "https://images.example.com/cat.png"
TIMED = "a cat turns its head {{sim:queue=20;run=40}}"  # a known timeline: queued 20 s, then 40 s running
RAW_STATES = {
    "apixo": ("pending", "processing", "success"),
    "kie": ("waiting", "queuing", "generating", "success"),
    "apikley": ("waiting", "queuing", "generating", "success"),
    "apiinone": ("IN_PROGRESS", "COMPLETED"),
    "minimax": ("Preparing", "Queueing", "Processing", "Success"),
}
ORDER = [RemoteState.QUEUED, RemoteState.RUNNING, RemoteState.SUCCEEDED]
# The status each provider uses to say "maintenance", and how it travels (MiniMax: as an
# HTTP 503 from its gateway; its own base_resp has no maintenance code).
MAINTENANCE = {
    "apixo": (503, None),
    "kie": (455, None),
    "apikley": (455, None),
    "apiinone": (503, None),
    "minimax": (503, True),
}


@asynccontextmanager
async def connected(simulator, provider_id: str, key: str | None = None):
    async with loopback_client() as client:
        yield build_provider(provider_id, client=client, key=key or KEYS[provider_id], base_url=simulator.api_url)


async def run_to_the_end(provider, simulator, model, remote_id: str, step: float = 10.0) -> list:
    statuses = []
    for _ in range(60):
        status = await provider.poll(model, remote_id)
        statuses.append(status)
        if status.state in (RemoteState.SUCCEEDED, RemoteState.FAILED):
            return statuses
        simulator.advance(step)
    raise AssertionError(f"the task never finished: {statuses[-1]}")


@pytest.mark.parametrize("provider_id", ALL_PROVIDERS)
async def test_happy_path_submit_poll_video(simulator, provider_id):
    model = model_of(provider_id)
    async with connected(simulator, provider_id) as provider:
        remote_id = await provider.submit(payload(model, prompt=TIMED, image=IMAGE))
        statuses = await run_to_the_end(provider, simulator, model, remote_id)
    states = [s.state for s in statuses]
    assert states[0] is not RemoteState.SUCCEEDED and RemoteState.RUNNING in states
    assert states == sorted(states, key=ORDER.index) and states[-1] is RemoteState.SUCCEEDED
    assert {s.raw_state for s in statuses} <= set(RAW_STATES[provider_id])
    url = statuses[-1].video_url
    assert url.startswith(simulator.files_url + "/")
    assert simulator.stats.submits[provider_id] == 1 and simulator.stats.created[provider_id] == 1
    await assert_video_downloads_without_auth(simulator, url)
    api_requests = [r for r in simulator.stats.requests if r.origin == "api"]
    assert api_requests and all(r.had_authorization and r.provider == provider_id for r in api_requests)
    assert not any(r.had_authorization for r in simulator.stats.requests if r.origin == "files")


async def assert_video_downloads_without_auth(simulator, url: str) -> None:
    async with loopback_client() as plain:
        response = await plain.get(url)
    assert response.status_code == 200 and response.content[4:8] == b"ftyp"
    assert simulator.stats.downloads == 1


async def test_minimax_success_includes_the_file_lookup(simulator):
    model = model_of("minimax")
    async with connected(simulator, "minimax") as provider:
        remote_id = await provider.submit(payload(model, prompt=TIMED, image="data:image/png;base64,iVBORw0KGgo="))
        statuses = await run_to_the_end(provider, simulator, model, remote_id)
    assert statuses[-1].video_url and simulator.stats.retrieves["minimax"] == 1


@pytest.mark.parametrize("provider_id", ["kie", "apikley"])
async def test_local_image_goes_through_the_upload_api(simulator, provider_id, tmp_path):
    image = tmp_path / "cat.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 2048)
    async with loopback_client() as client:
        uploader = build_uploader(provider_id, client=client, key=KEYS[provider_id], base_url=simulator.api_url)
        uploaded = await uploader.upload(image, "image/png")
        provider = build_provider(provider_id, client=client, key=KEYS[provider_id], base_url=simulator.api_url)
        model = model_of(provider_id)
        remote_id = await provider.submit(payload(model, prompt=TIMED, image=uploaded.url))
        statuses = await run_to_the_end(provider, simulator, model, remote_id)
        stored = await client.get(uploaded.url)
    assert uploaded.url.startswith(simulator.files_url) and stored.content == image.read_bytes()
    assert uploaded.expires_at is not None and simulator.stats.uploads[provider_id] == 1
    assert statuses[-1].state is RemoteState.SUCCEEDED
    assert simulator.task(remote_id).draft.image_url == uploaded.url


@pytest.mark.parametrize(
    "provider_id,expected",
    [
        ("apixo", Balance(100.0, "usd")),
        ("kie", Balance(100_000.0, "credits")),
        ("apikley", Balance(100_000.0, "credits")),
        ("apiinone", None),
        ("minimax", None),
    ],
)
async def test_balance(simulator, provider_id, expected):
    async with connected(simulator, provider_id) as provider:
        assert await provider.balance() == expected


@pytest.mark.parametrize("provider_id", ALL_PROVIDERS)
async def test_a_failed_task_keeps_the_providers_code_and_message(simulator, provider_id):
    code, message = next(iter(FAIL_CODES[provider_id].items()))
    simulator.faults.add(Fault(op="submit", kind="fail", provider=provider_id, fail_code=code))
    model = model_of(provider_id)
    async with connected(simulator, provider_id) as provider:
        remote_id = await provider.submit(payload(model, prompt=TIMED, image=IMAGE))
        last = (await run_to_the_end(provider, simulator, model, remote_id))[-1]
    assert last.state is RemoteState.FAILED and last.video_url is None
    if provider_id != "minimax":  # MiniMax documents no failure reason; the simulator sends none
        assert (last.fail_code, last.fail_message) == (code, message)


@pytest.mark.parametrize("provider_id", ALL_PROVIDERS)
async def test_a_rejected_key(simulator, provider_id):
    bad_key = "bad-apikley-key" if provider_id == "apikley" else "bad-key"
    async with connected(simulator, provider_id, key=bad_key) as provider:
        with pytest.raises(AuthError) as caught:
            await provider.submit(payload(model_of(provider_id), image=IMAGE))
        with pytest.raises(AuthError):
            await provider.poll(model_of(provider_id), "task_1")
    assert bad_key not in str(caught.value) and simulator.stats.created[provider_id] == 0


@pytest.mark.parametrize("provider_id", ALL_PROVIDERS)
async def test_insufficient_balance(simulator, provider_id):
    simulator.faults.add(Fault(op="submit", kind="status", status=402, provider=provider_id))
    async with connected(simulator, provider_id) as provider:
        with pytest.raises(InsufficientBalance):
            await provider.submit(payload(model_of(provider_id), image=IMAGE))
    assert simulator.stats.created[provider_id] == 0


@pytest.mark.parametrize("provider_id", ["apixo", "kie", "apiinone"])
async def test_an_empty_account_is_refused_by_the_ledger(simulator, provider_id):
    simulator.set_balance(provider_id, 0)
    async with connected(simulator, provider_id) as provider:
        with pytest.raises(InsufficientBalance):
            await provider.submit(payload(model_of(provider_id), image=IMAGE))


@pytest.mark.parametrize("op", ["submit", "poll"])
@pytest.mark.parametrize("provider_id", ALL_PROVIDERS)
async def test_rate_limited_with_retry_after(simulator, provider_id, op):
    model = model_of(provider_id)
    async with connected(simulator, provider_id) as provider:
        remote_id = await provider.submit(payload(model, image=IMAGE)) if op == "poll" else None
        simulator.faults.add(Fault(op=op, kind="status", status=429, retry_after=7, provider=provider_id))
        with pytest.raises(RateLimited) as caught:
            if op == "submit":
                await provider.submit(payload(model, image=IMAGE))
            else:
                await provider.poll(model, remote_id)
    assert caught.value.retry_after == 7.0 and is_provably_not_created(caught.value)
    assert simulator.stats.created[provider_id] == (1 if op == "poll" else 0)


@pytest.mark.parametrize("provider_id", ALL_PROVIDERS)
async def test_maintenance(simulator, provider_id):
    status, as_http = MAINTENANCE[provider_id]
    simulator.faults.add(
        Fault(op="submit", kind="status", status=status, as_http=as_http, provider=provider_id, retry_after=120)
    )
    async with connected(simulator, provider_id) as provider:
        with pytest.raises(ProviderUnavailable) as caught:
            await provider.submit(payload(model_of(provider_id), image=IMAGE))
    assert caught.value.maintenance and caught.value.retry_after == 120.0
    assert is_provably_not_created(caught.value) and simulator.stats.created[provider_id] == 0


@pytest.mark.parametrize("provider_id", ALL_PROVIDERS)
async def test_server_error_is_ambiguous(simulator, provider_id):
    simulator.faults.add(Fault(op="submit", kind="status", status=500, provider=provider_id, after_create=True))
    async with connected(simulator, provider_id) as provider:
        with pytest.raises(ProviderUnavailable) as caught:
            await provider.submit(payload(model_of(provider_id), image=IMAGE))
    assert not is_provably_not_created(caught.value) and simulator.stats.created[provider_id] == 1


@pytest.mark.parametrize("provider_id", ALL_PROVIDERS)
async def test_validation_refusal_keeps_the_providers_reason(simulator, provider_id):
    """A duration the catalog was tricked into allowing: the provider's own check refuses it."""
    model = model_of(provider_id)
    lenient = replace(model, durations=(*model.durations, 8), fixed_duration=None, forbidden=())
    async with connected(simulator, provider_id) as provider:
        with pytest.raises(InvalidRequest) as caught:
            await provider.submit(payload(lenient, image=IMAGE, duration=8))
    assert caught.value.provider_message and "8" in caught.value.provider_message
    assert caught.value.provider_message in caught.value.message
    assert simulator.stats.submits[provider_id] == 1 and simulator.stats.created[provider_id] == 0


@pytest.mark.parametrize("provider_id", ALL_PROVIDERS)
async def test_unknown_task(simulator, provider_id):
    async with connected(simulator, provider_id) as provider:
        with pytest.raises((TaskNotFound, InvalidRequest)) as caught:
            await provider.poll(model_of(provider_id), "task_that_never_was")
    # MiniMax has no "not found" code: an unknown id is 2013 "invalid params" there.
    assert isinstance(caught.value, InvalidRequest if provider_id == "minimax" else TaskNotFound)


@pytest.mark.parametrize("provider_id", ALL_PROVIDERS)
async def test_unknown_state_and_unreadable_result(simulator, provider_id):
    model = model_of(provider_id)
    async with connected(simulator, provider_id) as provider:
        remote_id = await provider.submit(payload(model, prompt="{{sim:queue=1;run=1}} go", image=IMAGE))
        simulator.faults.add(Fault(op="poll", kind="unknown_state", state="suspended", provider=provider_id))
        with pytest.raises(ProviderUnavailable) as unknown:
            await provider.poll(model, remote_id)
        simulator.advance(5)
        simulator.faults.add(Fault(op="poll", kind="bad_result_json", provider=provider_id))
        with pytest.raises(ProviderUnavailable) as unreadable:
            await provider.poll(model, remote_id)
        recovered = await provider.poll(model, remote_id)
    assert "suspended" in unknown.value.message.lower()
    assert not unknown.value.maintenance and not unreadable.value.maintenance
    assert recovered.state is RemoteState.SUCCEEDED and recovered.video_url


@pytest.mark.parametrize("kind,sent", [("drop", True), ("reset", True), ("malformed", None), ("html", None)])
@pytest.mark.parametrize("provider_id", ALL_PROVIDERS)
async def test_broken_answers(simulator, provider_id, kind, sent):
    simulator.faults.add(Fault(op="submit", kind=kind, provider=provider_id, after_create=True))
    async with connected(simulator, provider_id) as provider:
        with pytest.raises((NetworkError, ProviderUnavailable)) as caught:
            await provider.submit(payload(model_of(provider_id), image=IMAGE))
    if sent is not None:
        assert isinstance(caught.value, NetworkError) and caught.value.sent is sent
    assert not is_provably_not_created(caught.value)  # the task exists: never re-send blindly


@pytest.mark.parametrize("provider_id", ALL_PROVIDERS)
async def test_connection_refused_provably_sent_nothing(provider_id):
    with socket.socket() as probe:  # a port that was free a moment ago and nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    async with loopback_client() as client:
        provider = build_provider(
            provider_id, client=client, key=KEYS[provider_id], base_url=f"http://127.0.0.1:{port}"
        )
        with pytest.raises(NetworkError) as caught:
            await provider.submit(payload(model_of(provider_id), image=IMAGE))
    assert caught.value.sent is False and is_provably_not_created(caught.value)


async def test_apixo_polls_with_the_model_in_the_path(simulator):
    fast, full = (
        find_model("apixo", "hailuo-2-3-fast", "standard-image-to-video"),
        find_model("apixo", "hailuo-2-3", "standard-image-to-video"),
    )
    async with connected(simulator, "apixo") as provider:
        remote_id = await provider.submit(payload(fast, image=IMAGE))
        assert (await provider.poll(fast, remote_id)).state is RemoteState.QUEUED
        with pytest.raises(TaskNotFound):
            await provider.poll(full, remote_id)  # the same id under another model is not this task
    paths = [r.path for r in simulator.stats.requests]
    assert paths[:2] == ["/api/v1/generateTask/hailuo-2-3-fast", "/api/v1/statusTask/hailuo-2-3-fast"]
