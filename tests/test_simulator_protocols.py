"""The simulator speaks each provider's protocol: envelopes, states, keys, validation, money.

Real loopback sockets, httpx as the client, a ManualClock for time.
"""

from __future__ import annotations

import json

import httpx
import pytest

from hailuo_desktop.simulator.media import load_sample
from hailuo_desktop.simulator.server import SimConfig, Simulator
from tests.fixtures.sim import (
    IMAGE_URL,
    PROVIDER_IDS,
    SIM_EPOCH,
    auth,
    create_call,
    loopback_client,
    poll_path,
    state_of,
    task_id_of,
)

pytestmark = pytest.mark.anyio

EXPECTED_STATES = {
    "apixo": ["pending", "pending", "processing", "success"],
    "kie": ["waiting", "queuing", "generating", "success"],
    "apikley": ["waiting", "queuing", "generating", "success"],
    "apiinone": ["IN_PROGRESS", "IN_PROGRESS", "IN_PROGRESS", "COMPLETED"],
    "minimax": ["Preparing", "Queueing", "Processing", "Success"],
}


async def submit(
    client: httpx.AsyncClient, sim: Simulator, provider: str, key: str | None = None, **kw
) -> httpx.Response:
    path, body = create_call(provider, **kw)
    return await client.post(sim.api_url + path, json=body, headers=auth(provider, key))


async def poll(client: httpx.AsyncClient, sim: Simulator, provider: str, task_id: str, **kw) -> httpx.Response:
    return await client.get(sim.api_url + poll_path(provider, task_id, **kw), headers=auth(provider))


async def result_url(client: httpx.AsyncClient, sim: Simulator, provider: str, status: dict) -> str:
    if provider in ("apixo", "kie", "apikley"):
        return json.loads(status["data"]["resultJson"])["resultUrls"][0]
    if provider == "apiinone":
        return status["data"]["output"]["video_url"]
    answer = await client.get(
        f"{sim.api_url}/v1/files/retrieve", params={"file_id": status["file_id"]}, headers=auth("minimax")
    )
    body = answer.json()
    assert body["base_resp"]["status_code"] == 0
    assert body["file"]["purpose"] == "video_generation"
    assert body["file"]["bytes"] == len(load_sample())
    return body["file"]["download_url"]


def advance_to(sim: Simulator, moment: float) -> None:
    sim.advance(max(0.0, moment - sim.now()))


@pytest.mark.parametrize("provider", PROVIDER_IDS)
async def test_happy_path_walks_the_real_states_and_serves_a_playable_mp4(simulator, provider):
    async with loopback_client() as client:
        created = await submit(client, simulator, provider)
        assert created.status_code == 200
        task_id = task_id_of(provider, created.json())
        assert task_id
        task = simulator.task(task_id)
        moments = [
            task.created_at,
            task.created_at + task.queue_s * 0.6,
            task.started_at + task.run_s / 2,
            task.done_at,
        ]
        states, last = [], None
        for moment in moments:
            advance_to(simulator, moment)
            answer = await poll(client, simulator, provider, task_id)
            assert answer.status_code == 200
            last = answer.json()
            states.append(state_of(provider, last))
        assert states == EXPECTED_STATES[provider]
        url = await result_url(client, simulator, provider, last)
        assert url.startswith(simulator.files_url + "/")
        video = await client.get(url)
    assert video.status_code == 200
    assert video.headers["content-type"] == "video/mp4"
    assert video.content[4:8] == b"ftyp"
    assert video.content == load_sample()
    assert simulator.stats.submits[provider] == 1
    assert simulator.stats.polls[provider] == 4
    assert simulator.stats.downloads == 1


async def test_envelopes_carry_each_providers_fields_and_types(simulator):
    async with loopback_client() as client:
        ids = {p: task_id_of(p, (await submit(client, simulator, p)).json()) for p in PROVIDER_IDS}
        created_apiinone = (await submit(client, simulator, "apiinone")).json()
        simulator.advance(3600)
        answers = {p: (await poll(client, simulator, p, ids[p])).json() for p in PROVIDER_IDS}
    assert created_apiinone["data"]["status"] == "IN_PROGRESS"
    assert ids["kie"].startswith("task_hailuo_") and ids["apixo"].startswith("task_")
    assert ids["apiinone"].endswith("_hailuo") and ids["minimax"].isdigit()
    kie = answers["kie"]["data"]
    assert answers["kie"]["message"] == "success" and isinstance(kie["resultJson"], str)
    assert json.loads(kie["param"])["input"]["duration"] == "6"
    assert kie["failCode"] == "" and kie["failMsg"] == ""
    task = simulator.task(ids["kie"])
    assert kie["createTime"] == round((SIM_EPOCH + task.created_at - 1000.0) * 1000)
    assert kie["completeTime"] - kie["createTime"] == round((task.done_at - task.created_at) * 1000)
    assert isinstance(kie["costTime"], int)
    apixo = answers["apixo"]["data"]
    assert apixo["costTime"] == apixo["completeTime"] - apixo["createTime"]
    minimax = answers["minimax"]
    assert minimax["file_id"] and minimax["base_resp"] == {"status_code": 0, "status_msg": "success"}
    assert (minimax["video_width"], minimax["video_height"]) == (1366, 768)
    assert answers["apiinone"]["data"]["error"] is None


async def test_minimax_file_id_only_on_success(simulator):
    async with loopback_client() as client:
        task_id = task_id_of("minimax", (await submit(client, simulator, "minimax")).json())
        running = (await poll(client, simulator, "minimax", task_id)).json()
    assert running["status"] == "Preparing" and running["file_id"] == ""
    assert "video_width" not in running


# --- keys ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "provider, http_status, shape",
    [
        ("apixo", 401, {"code": 401, "message": "Invalid or missing API key"}),
        ("kie", 200, {"code": 401}),
        ("apikley", 200, {"code": 401}),
        ("apiinone", 401, {"error": {"code": 401, "type": "authentication_error"}}),
        ("minimax", 200, {"task_id": "", "base_resp": {"status_code": 1004}}),
    ],
)
async def test_a_bad_key_gets_each_providers_401(simulator, provider, http_status, shape):
    async with loopback_client() as client:
        bad = await submit(client, simulator, provider, key=f"bad-{provider}")
        missing = await client.post(simulator.api_url + create_call(provider)[0], json=create_call(provider)[1])
    for answer in (bad, missing):
        assert answer.status_code == http_status
        assert _contains(answer.json(), shape)
    assert simulator.stats.created[provider] == 0
    # Without a key nothing tells Apikley from kie on the shared paths: it counts as kie.
    assert simulator.stats.submits[provider] == (1 if provider == "apikley" else 2)


def _contains(actual, expected) -> bool:
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(k in actual and _contains(actual[k], v) for k, v in expected.items())
    return actual == expected


@pytest.fixture
def keyed_config():
    return SimConfig(seed=2, keys={"kie": "k-kie", "apikley": "k-apikley", "apixo": "k-apixo"})


async def test_configured_keys_decide_access_and_tell_kie_from_apikley(keyed_config):
    async with Simulator(keyed_config) as sim, loopback_client() as client:
        good_kie = await submit(client, sim, "kie", key="k-kie")
        good_apikley = await submit(client, sim, "apikley", key="k-apikley")
        wrong = await submit(client, sim, "apixo", key="k-kie")
        credit = await client.get(sim.api_url + "/api/v1/chat/credit", headers=auth("kie", "nope"))
    assert good_kie.json()["code"] == 200 and good_apikley.json()["code"] == 200
    assert wrong.status_code == 401
    assert credit.json()["code"] == 401
    assert sim.stats.created == {"kie": 1, "apikley": 1}


async def test_market_errors_can_travel_as_http_status():
    async with Simulator(SimConfig(market_errors_as_http=True)) as sim, loopback_client() as client:
        answer = await submit(client, sim, "kie", key="bad")
    assert answer.status_code == 401 and answer.json()["code"] == 401 and "msg" in answer.json()


# --- validation --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "provider, http_status, code_path, code",
    [
        ("kie", 200, ("code",), 422),
        ("apikley", 200, ("code",), 422),
        ("apiinone", 400, ("error", "code"), 400),
        ("minimax", 200, ("base_resp", "status_code"), 2013),
    ],
)
async def test_ten_seconds_at_1080p_is_refused_in_each_providers_shape(
    simulator, provider, http_status, code_path, code
):
    async with loopback_client() as client:
        answer = await submit(client, simulator, provider, duration=10, resolution="1080P")
    assert answer.status_code == http_status
    value = answer.json()
    for key in code_path:
        value = value[key]
    assert value == code
    assert "1080P" in answer.text
    assert simulator.stats.created[provider] == 0


@pytest.mark.parametrize(
    "provider, overrides, fragment",
    [
        ("apixo", {"image": None}, "image"),
        ("apixo", {"duration": None}, "input.duration"),
        ("apixo", {"mode": "standard-text-to-video"}, "Invalid mode type"),
        ("apixo", {"duration": 8}, "6 or 10"),
        ("apixo", {"image": "data:image/png;base64,AAAA"}, "file URL"),
        ("kie", {"image": "data:image/png;base64,AAAA"}, "file URL"),
        ("kie", {"prompt": ""}, "prompt"),
        ("kie", {"prompt": "x" * 5001}, "5000"),
        ("kie", {"resolution": "768p"}, "768P"),
        ("kie", {"model": "hailuo/9-image-to-video"}, "not supported"),
        ("apiinone", {"image": "data:image/png;base64,AAAA"}, "file URL"),
        ("apiinone", {"prompt": "x" * 2501}, "2500"),
        ("minimax", {"model": "MiniMax-Hailuo-2.3-Fast", "image": None}, "image"),
        ("minimax", {"resolution": "512P"}, "512P"),
    ],
)
async def test_requests_the_service_would_refuse_are_refused(simulator, provider, overrides, fragment):
    async with loopback_client() as client:
        answer = await submit(client, simulator, provider, **overrides)
    assert task_id_of(provider, answer.json()) is None
    assert fragment in answer.text
    assert simulator.stats.created[provider] == 0


async def test_each_provider_types_duration_its_own_way(simulator):
    async with loopback_client() as client:
        kie_int = await client.post(
            simulator.api_url + "/api/v1/jobs/createTask",
            headers=auth("kie"),
            json={
                "model": "hailuo/2-3-image-to-video-standard",
                "input": {"prompt": "p", "image_url": IMAGE_URL, "duration": 6},
            },
        )
        minimax_text = await client.post(
            simulator.api_url + "/v1/video_generation",
            headers=auth("minimax"),
            json={"model": "MiniMax-Hailuo-2.3", "prompt": "p", "duration": "6"},
        )
        apixo_text = await client.post(
            simulator.api_url + "/api/v1/generateTask/hailuo-2-3-fast",
            headers=auth("apixo"),
            json={
                "input": {"mode": "standard-image-to-video", "prompt": "p", "image_urls": [IMAGE_URL], "duration": "10"}
            },
        )
    assert kie_int.json()["code"] == 422
    assert minimax_text.json()["base_resp"]["status_code"] == 2013
    assert apixo_text.json()["code"] == 200


async def test_apixo_refuses_two_images_and_ignores_duration_on_pro(simulator):
    async with loopback_client() as client:
        two = await client.post(
            simulator.api_url + "/api/v1/generateTask/hailuo-2-3-fast",
            headers=auth("apixo"),
            json={
                "input": {
                    "mode": "standard-image-to-video",
                    "prompt": "p",
                    "image_urls": [IMAGE_URL, IMAGE_URL],
                    "duration": 6,
                }
            },
        )
        pro = await submit(client, simulator, "apixo", mode="pro-image-to-video", duration=10)
        unknown_model = await submit(client, simulator, "apixo", model="hailuo-9")
    assert two.status_code == 400 and two.json()["data"]["error"] == "input.image_urls must hold exactly 1 image URL"
    assert pro.status_code == 200
    assert simulator.task(task_id_of("apixo", pro.json())).draft.duration == 6
    assert unknown_model.status_code == 404


async def test_minimax_accepts_a_data_url_image(simulator):
    async with loopback_client() as client:
        answer = await submit(client, simulator, "minimax", image="data:image/jpeg;base64,/9j/4AAQ")
    assert answer.json()["base_resp"]["status_code"] == 0


async def test_malformed_body_is_a_validation_error(simulator):
    async with loopback_client() as client:
        answer = await client.post(
            simulator.api_url + "/api/v1/jobs/createTask", headers=auth("kie"), content=b"{not json"
        )
    assert answer.json()["code"] == 422


# --- money --------------------------------------------------------------------------------
async def test_balances_are_reported_and_charged_with_the_catalog_price(simulator):
    async with loopback_client() as client:
        credit_url, balance_url = "/api/v1/chat/credit", "/api/v1/apikeys/current-balance"
        kie_before = (await client.get(simulator.api_url + credit_url, headers=auth("kie"))).json()
        usd_before = (await client.get(simulator.api_url + balance_url, headers=auth("apixo"))).json()
        await submit(client, simulator, "kie")  # 2.3 standard 6 s 768P: 30 credits
        await submit(client, simulator, "apixo")  # 2.3-fast standard: $0.032 x 6 s
        await submit(client, simulator, "apikley")  # Apikley's prices are unknown: free
        kie_after = (await client.get(simulator.api_url + credit_url, headers=auth("kie"))).json()
        usd_after = (await client.get(simulator.api_url + balance_url, headers=auth("apixo"))).json()
        apikley = (await client.get(simulator.api_url + credit_url, headers=auth("apikley"))).json()
    assert kie_before == {"code": 200, "msg": "success", "data": 100_000}
    assert kie_after["data"] == 100_000 - 30 and isinstance(kie_after["data"], int)
    assert usd_before == {"code": 200, "message": "success", "data": 100.0}
    assert usd_after["data"] == pytest.approx(100.0 - 0.192)
    assert apikley["data"] == 100_000
    assert simulator.stats.balance["kie"] == 2


async def test_a_failed_task_is_refunded(simulator):
    async with loopback_client() as client:
        await submit(client, simulator, "kie", prompt="{{sim:fail=501;queue=1;run=1}}")
        charged = simulator.balance("kie")
        simulator.advance(5)
        refunded = simulator.balance("kie")
    assert (charged, refunded) == (100_000 - 30, 100_000)


@pytest.mark.parametrize(
    "provider, http_status, shape",
    [
        ("apixo", 402, {"code": 402}),
        ("kie", 200, {"code": 402, "msg": "Credits insufficient"}),
        ("apiinone", 402, {"error": {"code": 402, "type": "insufficient_quota"}}),
        ("minimax", 200, {"task_id": "", "base_resp": {"status_code": 1008}}),
    ],
)
async def test_insufficient_balance_gets_each_providers_402(simulator, provider, http_status, shape):
    simulator.set_balance(provider, 0.1 if provider == "apixo" else 0)
    async with loopback_client() as client:
        answer = await submit(client, simulator, provider)
    assert answer.status_code == http_status
    assert _contains(answer.json(), shape)
    assert simulator.stats.created[provider] == 0
