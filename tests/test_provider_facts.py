"""Provider facts from the latest review of the docs (providers.md, "Corrections"), each
checked through the real adapter against the simulator over loopback."""

from __future__ import annotations

import logging

import pytest

from hailuo_desktop.domain import catalog
from hailuo_desktop.domain.catalog import find_model
from hailuo_desktop.domain.codes import ErrorCode
from hailuo_desktop.domain.errors import (
    AuthError,
    InvalidRequest,
    ModelForbidden,
    ModelUnavailable,
)
from hailuo_desktop.domain.failcodes import code_for_failure
from hailuo_desktop.domain.request import GenerationRequest, end_frame_reason
from hailuo_desktop.domain.states import RemoteState
from hailuo_desktop.providers.base import SubmitPayload
from hailuo_desktop.providers.registry import build_provider
from hailuo_desktop.simulator.config import SimConfig
from hailuo_desktop.simulator.faults import Fault
from tests.fixtures.sim import KEYS, loopback_client

pytestmark = pytest.mark.anyio
IMAGE = "https://images.example.com/cat.png"


def submit_payload(spec, prompt="a cat turns", **options) -> SubmitPayload:
    image = IMAGE if spec.needs_image else None
    return SubmitPayload(
        GenerationRequest(spec, prompt, image=image, **options), image_url=image, end_image_url=options.get("end_image")
    )


async def provider_for(simulator, client, provider_id: str, **options):
    return build_provider(provider_id, client=client, key=KEYS[provider_id], base_url=simulator.api_url, **options)


@pytest.mark.parametrize("provider_id", ["kie", "apikley"])
async def test_market_422_on_a_poll_means_the_task_failed(simulator, provider_id):
    spec = find_model(provider_id, "hailuo/2-3-image-to-video-standard")
    async with loopback_client() as client:
        provider = await provider_for(simulator, client, provider_id)
        remote_id = await provider.submit(
            submit_payload(spec, prompt="x {{sim:fail=422;msg=image_url is not reachable}}")
        )
        simulator.advance(3600)
        status = await provider.poll(spec, remote_id)
    assert status.state is RemoteState.FAILED
    assert status.fail_code == "422" and "not reachable" in status.fail_message
    assert code_for_failure(status.fail_code) is ErrorCode.INVALID_REQUEST


async def test_minimax_1027_is_a_content_rejection(simulator):
    spec = find_model("minimax", "MiniMax-Hailuo-2.3")
    async with loopback_client() as client:
        provider = await provider_for(simulator, client, "minimax")
        remote_id = await provider.submit(submit_payload(spec, prompt="x {{sim:fail=1027}}"))
        simulator.advance(3600)
        status = await provider.poll(spec, remote_id)
    assert status.state is RemoteState.FAILED and status.fail_code == "1027"
    assert code_for_failure(status.fail_code) is ErrorCode.CONTENT_REJECTED


@pytest.mark.parametrize(
    "provider_id, model", [("minimax", "MiniMax-Hailuo-02"), ("kie", "hailuo/02-image-to-video-standard")]
)
async def test_512p_with_a_last_frame_is_unselectable_and_refused_by_the_simulator(simulator, provider_id, model):
    spec = find_model(provider_id, model)
    assert end_frame_reason(spec, "512P") is not None and end_frame_reason(spec, "768P") is None
    async with loopback_client() as client:
        provider = await provider_for(simulator, client, provider_id)
        with pytest.raises(InvalidRequest):  # our own check refuses before sending
            await provider.submit(submit_payload(spec, end_image=IMAGE, resolution="512P"))
        # and the simulator, on its own terms, refuses the pair when it does arrive
        path, body = (
            (
                "/v1/video_generation",
                {
                    "model": model,
                    "prompt": "x",
                    "first_frame_image": IMAGE,
                    "last_frame_image": IMAGE,
                    "duration": 6,
                    "resolution": "512P",
                },
            )
            if provider_id == "minimax"
            else (
                "/api/v1/jobs/createTask",
                {
                    "model": model,
                    "input": {
                        "prompt": "x",
                        "image_url": IMAGE,
                        "end_image_url": IMAGE,
                        "duration": "6",
                        "resolution": "512P",
                    },
                },
            )
        )
        answer = (
            await client.post(
                simulator.api_url + path, json=body, headers={"Authorization": f"Bearer {KEYS[provider_id]}"}
            )
        ).json()
    code = answer["base_resp"]["status_code"] if provider_id == "minimax" else answer["code"]
    assert code == (2013 if provider_id == "minimax" else 422)
    assert simulator.stats.created[provider_id] == 0


async def test_apixo_403_is_this_model_not_the_key_and_503_is_the_model_unavailable(simulator):
    spec = find_model("apixo", "hailuo-2-3", "standard-image-to-video")
    simulator.config.denied_models["apixo"] = {"hailuo-2-3@official"}
    async with loopback_client() as client:
        official = await provider_for(simulator, client, "apixo", routing="official")
        with pytest.raises(ModelForbidden) as forbidden:
            await official.submit(submit_payload(spec))
        auto = await provider_for(simulator, client, "apixo")
        assert await auto.submit(submit_payload(spec))  # the same key through the auto route may
        simulator.config.unavailable_models["apixo"] = {"hailuo-2-3"}
        with pytest.raises(ModelUnavailable) as unavailable:
            await auto.submit(submit_payload(spec))
    assert forbidden.value.code is ErrorCode.MODEL_FORBIDDEN and "cannot use" in forbidden.value.message
    assert "official" in forbidden.value.message
    assert unavailable.value.code is ErrorCode.MODEL_UNAVAILABLE and unavailable.value.maintenance
    assert simulator.stats.created["apixo"] == 1


@pytest.mark.parametrize("routing", ["auto", "value", "official"])
async def test_apixo_routing_is_sent_in_the_body(simulator, routing):
    spec = find_model("apixo", "hailuo-2-3-fast", "standard-image-to-video")
    async with loopback_client() as client:
        provider = await provider_for(simulator, client, "apixo", routing=routing)
        remote_id = await provider.submit(submit_payload(spec))
    assert simulator.task(remote_id).draft.body["provider"] == routing


def test_minimax_region_chooses_the_host():
    assert catalog.base_url_for("minimax", "china") == "https://api.minimaxi.com"
    assert catalog.base_url_for("minimax", "global") == catalog.base_url_for("minimax") == "https://api.minimax.io"
    assert catalog.base_url_for("apixo", "china") == catalog.provider("apixo").base_url


@pytest.mark.parametrize("raw_state", ["error", "FAILED", "cancelled", "Canceled"])
async def test_api_in_one_final_states_and_the_first_body_at_debug(simulator, caplog, raw_state):
    spec = find_model("apiinone", "hailuo/2-3-image-to-video-standard")
    caplog.set_level(logging.DEBUG, logger="hailuo_desktop.providers.apiinone")
    async with loopback_client() as client:
        provider = await provider_for(simulator, client, "apiinone")
        remote_id = await provider.submit(submit_payload(spec))
        simulator.faults.add(Fault(op="poll", kind="unknown_state", state=raw_state, times=2))
        first = await provider.poll(spec, remote_id)
        await provider.poll(spec, remote_id)
    assert first.state is RemoteState.FAILED
    logged = [r.getMessage() for r in caplog.records if "first answer" in r.getMessage()]
    assert len(logged) == 1 and remote_id in logged[0] and KEYS["apiinone"] not in logged[0]


def test_api_in_one_reads_the_url_from_every_plausible_place():
    from hailuo_desktop.providers.apiinone import _raw_status, _url_candidates
    from hailuo_desktop.providers.fields import http_url

    url = "https://cdn.example.com/v.mp4"
    bodies = [
        {"output": {"video_url": url}},
        {"video_url": url},
        {"output": {"url": url}},
        {"result_urls": [url]},
        {"output": [url]},
        {"output": {"videos": [url]}},
        {"result": {"video_url": url}},
        {"result_url": url},
        {"resultUrls": [url]},
        {"url": url},
        {"output": url},
    ]
    for data in bodies:
        assert [u for u in _url_candidates(data) if http_url(u)] == [url], data
    for body in ({"data": {"status": "x"}}, {"status": "x"}, {"data": {"state": "x"}}, {"state": "x"}):
        assert _raw_status(body) == "x"


async def test_api_in_one_debug_log_redacts_keys(simulator, caplog):
    from hailuo_desktop.providers.redact import redacted_json

    text = redacted_json({"data": {"api_key": "abc", "token": "t", "note": "key sk-123 here"}}, "sk-123")
    assert "abc" not in text and '"t"' not in text and "sk-123" not in text


@pytest.mark.parametrize(
    "sim_config",
    [SimConfig(seed=1, minimax_region="china", minimax_region_keys={"china": {"cn-key"}, "global": {"io-key"}})],
)
async def test_a_minimax_key_works_only_on_its_own_region_s_host(simulator):
    """The simulator playing api.minimaxi.com takes China keys and refuses global ones (1004)."""
    spec = find_model("minimax", "MiniMax-Hailuo-2.3")
    async with loopback_client() as client:
        china = build_provider("minimax", client=client, key="cn-key", base_url=simulator.api_url, region="china")
        assert await china.submit(submit_payload(spec))
        wrong = build_provider("minimax", client=client, key="io-key", base_url=simulator.api_url)
        with pytest.raises(AuthError):
            await wrong.submit(submit_payload(spec))
    assert (
        build_provider("minimax", client=client, key="cn-key", region="china").http.base_url
        == "https://api.minimaxi.com"
    )
