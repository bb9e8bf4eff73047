"""Faults on demand: each kind fires where and as often as it was asked to, in each
provider's own shape, over real sockets."""

from __future__ import annotations

import asyncio
import json

import anyio
import httpx
import pytest

from hailuo_desktop.simulator.server import Fault, Simulator
from tests.fixtures.sim import auth, create_call, loopback_client, poll_path, state_of, task_id_of

pytestmark = pytest.mark.anyio


async def submit(client, sim, provider, **kw) -> httpx.Response:
    path, body = create_call(provider, **kw)
    return await client.post(sim.api_url + path, json=body, headers=auth(provider))


async def poll(client, sim, provider, task_id) -> httpx.Response:
    return await client.get(sim.api_url + poll_path(provider, task_id), headers=auth(provider))


async def created_task(client, sim, provider, **kw) -> str:
    return task_id_of(provider, (await submit(client, sim, provider, **kw)).json())


async def finished_task(client, sim, provider) -> str:
    task_id = await created_task(client, sim, provider)
    sim.advance(3600)
    return task_id


async def wait_for_sleeper(sim: Simulator, request: asyncio.Future | None = None) -> None:
    """Yield to the loop until the simulator waits on its manual clock (or `request` is
    done); a guard, not a wait: it never sleeps on the wall clock."""
    with anyio.fail_after(5):
        while sim.clock.sleepers == 0 and not (request is not None and request.done()):
            await asyncio.sleep(0)


async def drain_slow_answer(sim: Simulator, request: asyncio.Future, step: float):
    """Advance the manual clock each time the trickling answer pauses; (answer, pauses)."""
    pauses = 0
    while True:
        await wait_for_sleeper(sim, request)
        if request.done():
            return await request, pauses
        pauses += 1
        sim.advance(step)


# --- error statuses ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "provider, status, http_status, check",
    [
        ("apixo", 429, 429, lambda b: b["code"] == 429 and "error" in b["data"]),
        ("apixo", 500, 500, lambda b: b["code"] == 500),
        ("apixo", 502, 502, lambda b: b["code"] == 502),
        ("apixo", 503, 503, lambda b: b["code"] == 503),
        ("apixo", 504, 504, lambda b: b["code"] == 504),
        ("apixo", 403, 403, lambda b: b["code"] == 403),
        ("kie", 429, 200, lambda b: b["code"] == 429 and b["message"]),
        ("kie", 455, 200, lambda b: b["code"] == 455 and "maintenance" in b["message"]),
        ("kie", 500, 200, lambda b: b["code"] == 500),
        ("kie", 501, 200, lambda b: b["code"] == 501),
        ("apikley", 503, 200, lambda b: b["code"] == 503),
        ("apiinone", 429, 429, lambda b: b["error"]["type"] == "rate_limit_exceeded"),
        ("apiinone", 404, 404, lambda b: b["error"]["type"] == "not_found"),
        ("apiinone", 502, 502, lambda b: b["error"]["code"] == 502),
        ("minimax", 429, 200, lambda b: b["base_resp"]["status_code"] == 1002),
        ("minimax", 500, 200, lambda b: b["base_resp"]["status_code"] == 1000),
        ("minimax", 504, 200, lambda b: b["base_resp"]["status_code"] == 1001),
    ],
)
async def test_status_faults_come_in_each_providers_error_shape(simulator, provider, status, http_status, check):
    simulator.faults.add(Fault(op="poll", kind="status", status=status, provider=provider))
    async with loopback_client() as client:
        task_id = await created_task(client, simulator, provider)
        faulty = await poll(client, simulator, provider, task_id)
        healthy = await poll(client, simulator, provider, task_id)
    assert faulty.status_code == http_status
    assert check(faulty.json())
    assert healthy.status_code == 200 and state_of(provider, healthy.json())


async def test_429_with_and_without_retry_after(simulator):
    simulator.faults.add(Fault(op="poll", kind="status", status=429, retry_after=7))
    simulator.faults.add(Fault(op="poll", kind="status", status=429))
    async with loopback_client() as client:
        task_id = await created_task(client, simulator, "apixo")
        first = await poll(client, simulator, "apixo", task_id)
        second = await poll(client, simulator, "apixo", task_id)
    assert (first.status_code, first.headers["Retry-After"]) == (429, "7")
    assert second.status_code == 429 and "Retry-After" not in second.headers


async def test_kie_errors_can_be_http_statuses_too(simulator):
    simulator.faults.add(Fault(op="submit", kind="status", status=503, as_http=True, provider="kie"))
    simulator.faults.add(Fault(op="submit", kind="status", status=500, as_http=False, provider="apixo"))
    async with loopback_client() as client:
        kie = await submit(client, simulator, "kie")
        apixo = await submit(client, simulator, "apixo")
    assert kie.status_code == 503 and kie.json() == {"code": 503, "msg": "Service unavailable", "data": None}
    assert apixo.status_code == 200 and apixo.json()["code"] == 500
    assert simulator.stats.created["kie"] == 0 and simulator.stats.submits["kie"] == 1


async def test_times_skip_provider_and_task_filters(simulator):
    async with loopback_client() as client:
        mine = await created_task(client, simulator, "kie")
        other = await created_task(client, simulator, "kie")
        simulator.faults.add(Fault(op="poll", kind="status", status=500, task_id=mine, skip=1, times=2))
        simulator.faults.add(Fault(op="any", kind="status", status=401, provider="apiinone", times=None))
        codes = [(await poll(client, simulator, "kie", mine)).json()["code"] for _ in range(4)]
        other_code = (await poll(client, simulator, "kie", other)).json()["code"]
        apiinone = [(await submit(client, simulator, "apiinone")).status_code for _ in range(3)]
    assert codes == [200, 500, 500, 200]
    assert other_code == 200
    assert apiinone == [401, 401, 401]
    assert len(simulator.faults.pending()) == 1


def test_fault_fields_are_checked():
    with pytest.raises(ValueError, match="kind"):
        Fault(kind="explode")
    with pytest.raises(ValueError, match="op"):
        Fault(op="everything")
    with pytest.raises(ValueError, match="cannot apply"):
        Fault(op="submit", kind="truncated")
    with pytest.raises(ValueError, match="after_create"):
        Fault(op="poll", after_create=True)
    with pytest.raises(ValueError, match="unknown fault fields"):
        Fault.from_json({"kind": "status", "statuss": 500})
    assert Fault.from_json(Fault(kind="slow", delay=2).as_json()) == Fault(kind="slow", delay=2)


# --- transport faults --------------------------------------------------------------------
async def test_reset_mid_body_on_submit_after_create_leaves_a_created_task(simulator):
    simulator.faults.add(Fault(op="submit", kind="reset", after_create=True))
    async with loopback_client() as client:
        with pytest.raises(httpx.RemoteProtocolError, match="incomplete|complete message body"):
            await submit(client, simulator, "kie")
    assert simulator.stats.submits["kie"] == 1
    assert simulator.stats.created["kie"] == 1
    assert simulator.balance("kie") == 100_000 - 30  # charged: the answer was lost, not the task


async def test_reset_before_create_creates_nothing(simulator):
    simulator.faults.add(Fault(op="submit", kind="reset"))
    async with loopback_client() as client:
        with pytest.raises(httpx.RemoteProtocolError):
            await submit(client, simulator, "minimax")
    assert simulator.stats.created["minimax"] == 0


async def test_drop_closes_without_an_answer(simulator):
    simulator.faults.add(Fault(op="balance", kind="drop"))
    async with loopback_client() as client:
        with pytest.raises(httpx.RemoteProtocolError, match="without sending a response"):
            await client.get(simulator.api_url + "/api/v1/chat/credit", headers=auth("kie"))


async def test_slow_body_trickles_as_the_sim_clock_moves(simulator):
    simulator.faults.add(Fault(op="poll", kind="slow", delay=2.0, chunk=40))
    async with loopback_client() as client:
        task_id = await created_task(client, simulator, "apixo")
        request = asyncio.ensure_future(poll(client, simulator, "apixo", task_id))
        answer, pauses = await drain_slow_answer(simulator, request, 2.0)
    assert answer.json()["data"]["taskId"] == task_id
    assert pauses == -(-len(answer.content) // 40) - 1  # a pause between each two chunks


async def test_hang_holds_the_answer_until_the_clock_passes(simulator):
    simulator.faults.add(Fault(op="submit", kind="hang", delay=30, after_create=True))
    async with loopback_client() as client:
        request = asyncio.ensure_future(submit(client, simulator, "apiinone"))
        await wait_for_sleeper(simulator)
        assert simulator.stats.created["apiinone"] == 1 and not request.done()
        simulator.advance(30)
        answer = await request
    assert answer.json()["data"]["status"] == "IN_PROGRESS"


async def test_a_hung_answer_lets_a_client_time_out(simulator):
    simulator.faults.add(Fault(op="poll", kind="hang"))
    async with loopback_client(timeout=httpx.Timeout(5.0, read=0.05)) as client:
        task_id = await created_task(client, simulator, "kie")
        with pytest.raises(httpx.ReadTimeout):
            await poll(client, simulator, "kie", task_id)


async def test_malformed_json_is_a_cut_valid_answer(simulator):
    simulator.faults.add(Fault(op="poll", kind="malformed"))
    async with loopback_client() as client:
        task_id = await created_task(client, simulator, "kie")
        broken = await poll(client, simulator, "kie", task_id)
        whole = await poll(client, simulator, "kie", task_id)
    assert broken.status_code == 200 and broken.headers["content-type"].startswith("application/json")
    with pytest.raises(json.JSONDecodeError):
        json.loads(broken.content)
    assert whole.content.startswith(broken.content)


async def test_html_error_page(simulator):
    simulator.faults.add(Fault(op="submit", kind="html", status=503, retry_after=3))
    async with loopback_client() as client:
        answer = await submit(client, simulator, "apixo")
    assert answer.status_code == 503 and answer.headers["content-type"].startswith("text/html")
    assert "<h1>503 Service Temporarily Unavailable</h1>" in answer.text
    assert answer.headers["Retry-After"] == "3"
    assert simulator.stats.created["apixo"] == 0


# --- answers that lie ----------------------------------------------------------------------
async def test_missing_task_id_before_and_after_create(simulator):
    simulator.faults.add(Fault(op="submit", kind="missing_id"))
    simulator.faults.add(Fault(op="submit", kind="missing_id", after_create=True))
    async with loopback_client() as client:
        before = await submit(client, simulator, "kie")
        after = await submit(client, simulator, "minimax")
    assert before.json() == {"code": 200, "msg": "success", "data": {}}
    assert after.json() == {"task_id": "", "base_resp": {"status_code": 0, "status_msg": "success"}}
    assert simulator.stats.created == {"minimax": 1}


async def test_unknown_state_string(simulator):
    simulator.faults.add(Fault(op="poll", kind="unknown_state", state="paused"))
    async with loopback_client() as client:
        task_id = await created_task(client, simulator, "minimax")
        answer = await poll(client, simulator, "minimax", task_id)
    assert answer.json()["status"] == "paused"


@pytest.mark.parametrize("provider", ["apixo", "kie", "apiinone", "minimax"])
async def test_bad_result_json_at_poll_once_succeeded(simulator, provider):
    simulator.faults.add(Fault(op="poll", kind="bad_result_json", provider=provider))
    async with loopback_client() as client:
        task_id = await created_task(client, simulator, provider)
        early = await poll(client, simulator, provider, task_id)  # not succeeded: the fault waits
        simulator.advance(3600)
        bad = (await poll(client, simulator, provider, task_id)).json()
        good = (await poll(client, simulator, provider, task_id)).json()
    assert early.status_code == 200
    if provider in ("apixo", "kie"):
        with pytest.raises(json.JSONDecodeError):
            json.loads(bad["data"]["resultJson"])
        assert json.loads(good["data"]["resultJson"])["resultUrls"]
    elif provider == "apiinone":
        assert bad["data"]["output"] == {} and good["data"]["output"]["video_url"]
    else:
        assert bad["status"] == "Success" and bad["file_id"] == "" and good["file_id"]


@pytest.mark.parametrize(
    "provider, code, check",
    [
        (
            "apixo",
            "SensitiveContent",
            lambda b: (
                b["data"]["state"] == "failed"
                and b["code"] == 200
                and b["data"]["failCode"] == "SensitiveContent"
                and b["data"]["failMsg"]
            ),
        ),
        (
            "kie",
            "501",
            lambda b: (
                b["data"]["state"] == "fail"
                and b["data"]["failCode"] == "501"
                and b["data"]["failMsg"] == "Generation failed"
                and b["data"]["resultJson"] == ""
            ),
        ),
        (
            "apiinone",
            "content_policy_violation",
            lambda b: (
                b["data"]["status"] == "FAILED"
                and b["data"]["error"]["code"] == "content_policy_violation"
                and b["data"]["output"] is None
            ),
        ),
        (
            "minimax",
            None,
            lambda b: b["status"] == "Fail" and b["file_id"] == "" and b["base_resp"]["status_code"] == 0,
        ),
    ],
)
async def test_failed_task_with_fail_code(simulator, provider, code, check):
    simulator.faults.add(Fault(op="submit", kind="fail", fail_code=code))
    async with loopback_client() as client:
        task_id = await finished_task(client, simulator, provider)
        answer = await poll(client, simulator, provider, task_id)
    assert answer.status_code == 200
    assert check(answer.json())


async def test_fail_fault_at_poll_ends_the_task_now(simulator):
    async with loopback_client() as client:
        task_id = await created_task(client, simulator, "apixo")
        simulator.faults.add(Fault(op="poll", kind="fail", task_id=task_id, fail_code="NSFW", fail_message="no"))
        first = (await poll(client, simulator, "apixo", task_id)).json()["data"]
        again = (await poll(client, simulator, "apixo", task_id)).json()["data"]
    assert (first["state"], first["failCode"], first["failMsg"]) == ("failed", "NSFW", "no")
    assert again["state"] == "failed" and again["completeTime"] == first["completeTime"]


async def test_unknown_task_is_each_providers_404(simulator):
    async with loopback_client() as client:
        apixo = await poll(client, simulator, "apixo", "task_00000000")
        kie = await poll(client, simulator, "kie", "task_hailuo_1")
        minimax = await poll(client, simulator, "minimax", "1")
        kie_task = await created_task(client, simulator, "kie")
        wrong_model = await client.get(
            simulator.api_url + poll_path("apixo", kie_task, model="hailuo-2-3"), headers=auth("apixo")
        )
    assert apixo.status_code == 404 and apixo.json()["code"] == 404
    assert kie.status_code == 200 and kie.json()["code"] == 404 and "message" in kie.json()
    assert minimax.json()["base_resp"]["status_code"] == 2013
    assert wrong_model.status_code == 404  # another provider's id is unknown here


# --- download faults ---------------------------------------------------------------------
async def result_of(client, sim) -> str:
    task_id = await finished_task(client, sim, "kie")
    data = (await poll(client, sim, "kie", task_id)).json()["data"]
    return json.loads(data["resultJson"])["resultUrls"][0]


async def test_truncated_download(simulator):
    simulator.faults.add(Fault(op="download", kind="truncated", after_bytes=1000))
    async with loopback_client() as client:
        url = await result_of(client, simulator)
        received = bytearray()
        with pytest.raises(httpx.RemoteProtocolError):
            async with client.stream("GET", url) as answer:
                promised = int(answer.headers["content-length"])
                async for piece in answer.aiter_raw():
                    received += piece
    assert len(received) == 1000 < promised


async def test_reset_during_download(simulator):
    simulator.faults.add(Fault(op="download", kind="reset"))
    async with loopback_client() as client:
        url = await result_of(client, simulator)
        with pytest.raises(httpx.RemoteProtocolError):
            await client.get(url)
        assert (await client.get(url)).status_code == 200


async def test_download_host_without_range_support(simulator):
    simulator.faults.add(Fault(op="download", kind="no_range"))
    async with loopback_client() as client:
        url = await result_of(client, simulator)
        whole = await client.get(url, headers={"Range": "bytes=100-"})
        ranged = await client.get(url, headers={"Range": "bytes=100-"})
    assert whole.status_code == 200 and "accept-ranges" not in whole.headers
    assert ranged.status_code == 206 and ranged.content == whole.content[100:]


async def test_expired_and_failing_downloads(simulator):
    simulator.faults.add(Fault(op="download", kind="expired"))
    simulator.faults.add(Fault(op="download", kind="status", status=503, retry_after=2))
    async with loopback_client() as client:
        url = await result_of(client, simulator)
        expired = await client.get(url)
        unavailable = await client.get(url)
        fine = await client.get(url)
    assert expired.status_code == 403 and b"Request has expired" in expired.content
    assert unavailable.status_code == 503 and unavailable.headers["Retry-After"] == "2"
    assert fine.status_code == 200 and fine.content[4:8] == b"ftyp"


async def test_slow_download(simulator):
    simulator.faults.add(Fault(op="download", kind="slow", delay=1.0, chunk=64 * 1024))
    async with loopback_client() as client:
        url = await result_of(client, simulator)
        request = asyncio.ensure_future(client.get(url))
        answer, pauses = await drain_slow_answer(simulator, request, 1.0)
    assert pauses == 1  # two chunks of 64 KiB for the 123 KiB sample
    assert answer.status_code == 200 and answer.content[4:8] == b"ftyp"


async def test_upload_and_retrieve_faults(simulator):
    simulator.faults.add(Fault(op="upload", kind="status", status=500, as_http=True))
    simulator.faults.add(Fault(op="retrieve", kind="status", status=429, provider="minimax"))
    async with loopback_client() as client:
        upload = await client.post(
            simulator.api_url + "/api/file-base64-upload",
            headers=auth("kie"),
            json={"base64Data": "aGVsbG8=", "uploadPath": "images"},
        )
        task_id = await finished_task(client, simulator, "minimax")
        file_id = (await poll(client, simulator, "minimax", task_id)).json()["file_id"]
        retrieve = await client.get(
            simulator.api_url + "/v1/files/retrieve", params={"file_id": file_id}, headers=auth("minimax")
        )
    assert upload.status_code == 500 and upload.json()["success"] is False
    assert retrieve.json()["base_resp"]["status_code"] == 1002


async def test_bad_result_as_a_tasks_fate_from_a_fault_or_the_prompt(simulator):
    simulator.faults.add(Fault(op="submit", kind="bad_result_json", provider="kie"))
    async with loopback_client() as client:
        kie = await created_task(client, simulator, "kie")
        apixo = await created_task(client, simulator, "apixo", prompt="{{sim:result=not_json}} a dog")
        healthy = await created_task(client, simulator, "kie")
        simulator.advance(3600)
        results = [
            (await poll(client, simulator, p, t)).json()["data"]["resultJson"]
            for p, t in (("kie", kie), ("kie", kie), ("apixo", apixo), ("kie", healthy))
        ]
    for broken in results[:3]:
        with pytest.raises(json.JSONDecodeError):
            json.loads(broken)
    assert json.loads(results[3])["resultUrls"]


async def test_a_head_request_leaves_body_faults_for_the_get(simulator):
    simulator.faults.add(Fault(op="download", kind="truncated"))
    async with loopback_client() as client:
        url = await result_of(client, simulator)
        head = await client.head(url)
        with pytest.raises(httpx.RemoteProtocolError):
            await client.get(url)
    assert head.status_code == 200 and simulator.faults.pending() == []
