"""The runner's intake and its exactly-once submit, on a scripted provider and a real store file.

The scripted provider reads the store file through its own SQLite connection at the moment
of the POST: that is how these tests prove what was committed before the request left.
The same rules are proven against the simulator with the real adapters in test_runner_live.py.
"""

from __future__ import annotations

import sqlite3

import pytest

from hailuo_desktop.domain.catalog import find_model
from hailuo_desktop.domain.errors import (
    AuthError,
    ContentRejected,
    ImageRejected,
    InvalidRequest,
    MissingKey,
    NetworkError,
    ProviderUnavailable,
    RateLimited,
    UploadRouteMissing,
)
from hailuo_desktop.domain.images import ImageFacts, ImageVerdict, Problem
from hailuo_desktop.domain.request import GenerationRequest
from hailuo_desktop.domain.states import TaskState
from tests.fixtures.services import status

pytestmark = pytest.mark.anyio


def done(url="https://files.invalid/none.mp4"):
    return status("success", url=url)


# --- intake --------------------------------------------------------------------------
async def test_create_stores_queued_tasks_with_their_settings(runner_kit):
    spec = find_model("kie", "hailuo/02-image-to-video-standard")
    requests = [
        GenerationRequest(
            spec, f"take {n}", image="https://img.example/a.png", duration=6, resolution="512P", prompt_optimizer=False
        )
        for n in range(3)
    ]
    tasks = runner_kit.runner.create(requests, batch_id="b1", base_url="http://127.0.0.1:9")
    assert [t.state for t in tasks] == [TaskState.QUEUED] * 3
    stored = runner_kit.store.get(tasks[0].id)
    assert (stored.provider, stored.model, stored.kind, stored.duration, stored.resolution) == (
        "kie",
        spec.model,
        "i2v",
        6,
        "512P",
    )
    assert stored.prompt_optimizer is False and stored.image_url == "https://img.example/a.png"
    assert stored.cost == 12 and stored.cost_unit == "credits"
    assert stored.batch_id == "b1" and stored.base_url == "http://127.0.0.1:9"
    assert stored.submit_started_at is None and stored.remote_id is None
    assert runner_kit.store.batch_progress("b1") == (0, 3)


async def test_create_refuses_a_bad_request_before_storing_anything(runner_kit):
    good = runner_kit.request(prompt="fine")
    bad = runner_kit.request(prompt="   ")
    with pytest.raises(InvalidRequest, match="prompt is empty"):
        runner_kit.runner.create([good, bad])
    too_long = GenerationRequest(
        find_model("kie", "hailuo/2-3-image-to-video-standard"),
        "x",
        image="https://i/a.png",
        duration=10,
        resolution="1080P",
    )
    with pytest.raises(InvalidRequest, match="10 s"):
        runner_kit.runner.create([too_long])
    assert runner_kit.store.count() == 0


async def test_create_refuses_a_rejected_local_image_with_every_problem(runner_kit, tmp_path):
    def tiny(path, rules):
        return ImageVerdict(
            ImageFacts(str(path), bytes=10, format="GIF", width=100, height=100),
            (
                Problem("unsupported_format", "GIF images are not accepted."),
                Problem("short_side", "The short side is 100 px."),
            ),
        )

    runner = runner_kit.new_runner(image_check=tiny)
    image = tmp_path / "small.gif"
    image.write_bytes(b"GIF89a")
    with pytest.raises(ImageRejected) as caught:
        runner.create([runner_kit.request(image=str(image))])
    assert [p.code for p in caught.value.problems] == ["unsupported_format", "short_side"]
    assert "small.gif" in caught.value.message
    assert runner_kit.store.count() == 0


async def test_create_refuses_a_local_image_with_no_way_to_the_provider(runner_kit, tmp_path):
    image = tmp_path / "a.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n")
    with pytest.raises(UploadRouteMissing, match="kie_upload"):
        runner_kit.create("apixo", image=str(image))
    with pytest.raises(UploadRouteMissing, match="needs an image URL"):
        runner_kit.runner.create([runner_kit.request("apixo", image=str(image))], upload_route="public_url")
    task = runner_kit.runner.create([runner_kit.request("apixo", image=str(image))], upload_route="kie_upload")[0]
    assert task.upload_route == "kie_upload" and task.image_path == str(image.resolve())
    assert runner_kit.store.count() == 1


async def test_retry_is_a_new_queued_task_with_the_same_settings(runner_kit):
    runner_kit.provider("kie", submits=[AuthError("bad key")])
    first = runner_kit.create(prompt="again please", resolution="768P")
    await runner_kit.runner.run(first.id)
    fresh = runner_kit.runner.retry(first.id)
    assert fresh.id != first.id and fresh.state is TaskState.QUEUED
    assert (fresh.prompt, fresh.model, fresh.resolution, fresh.image_url) == (
        "again please",
        first.model,
        "768P",
        first.image_url,
    )
    assert fresh.submit_started_at is None and fresh.error_code is None
    assert runner_kit.store.get(first.id).state is TaskState.FAILED


# --- exactly once --------------------------------------------------------------------
async def test_the_row_and_the_intent_are_committed_before_the_post(runner_kit, file_server):
    url = file_server.add("v.mp4", b"\0" * 1000)
    provider = runner_kit.provider("kie", polls=[done(url)])
    task = runner_kit.create(prompt="ordering")
    await runner_kit.runner.run(task.id)
    [seen] = provider.seen_at_submit
    assert seen.task_row_exists and seen.submit_started_at is not None and seen.remote_id is None


async def test_every_state_change_is_on_disk_before_listeners_hear_of_it(runner_kit, file_server):
    url = file_server.add("v.mp4", b"\1" * 5000)
    runner_kit.provider("kie", polls=[status("waiting"), status("generating"), done(url)])
    task = runner_kit.create()
    mismatches, states = [], []

    def check(event):
        conn = sqlite3.connect(runner_kit.store_path)
        on_disk = conn.execute("SELECT state, polls FROM tasks WHERE id = ?", (event.task_id,)).fetchone()
        conn.close()
        states.append(event.task.state)
        if on_disk != (event.task.state.value, event.task.polls):
            mismatches.append((on_disk, event.task))

    runner_kit.store.subscribe(check)
    final = await runner_kit.runner.run(task.id)
    assert final.state is TaskState.SUCCEEDED and mismatches == []
    distinct = [s for n, s in enumerate(states) if n == 0 or states[n - 1] is not s]
    assert distinct == [TaskState.QUEUED, TaskState.RUNNING, TaskState.DOWNLOADING, TaskState.SUCCEEDED]


async def test_a_429_at_submit_is_sent_again_after_retry_after_and_the_task_stays_queued(runner_kit, file_server):
    url = file_server.add("v.mp4", b"\2" * 100)
    provider = runner_kit.provider(
        "kie", submits=[RateLimited("slow down", retry_after=30), "remote-9"], polls=[done(url)]
    )
    task = runner_kit.create()
    seen = []
    runner_kit.store.subscribe(lambda e: seen.append(e.task))
    final = await runner_kit.runner.run(task.id)
    assert final.state is TaskState.SUCCEEDED and final.remote_id == "remote-9"
    assert len(provider.submitted) == 2
    waiting = [t for t in seen if t.error_code == "rate_limited"]
    assert waiting and all(t.state is TaskState.QUEUED and t.submit_started_at is None for t in waiting)
    assert 30 in runner_kit.clock.sleeps
    assert provider.seen_at_submit[1].submit_started_at is not None  # re-committed before the re-send


@pytest.mark.parametrize(
    "error",
    [
        NetworkError("connection refused", sent=False),
        ProviderUnavailable("down for maintenance", maintenance=True, retry_after=5),
    ],
)
async def test_other_provably_unsent_failures_are_retried_a_bounded_number_of_times(runner_kit, error):
    provider = runner_kit.provider("kie", submits=[error])
    task = runner_kit.create()
    final = await runner_kit.runner.run(task.id)
    assert len(provider.submitted) == 5  # the default: five tries in all
    assert final.state is TaskState.FAILED and final.error_code == error.code
    assert "Nothing was created or charged" in final.error_message and "5 tries" in final.error_message
    assert final.submit_started_at is None and final.remote_id is None


@pytest.mark.parametrize(
    "error",
    [
        AuthError("The key was refused.", provider_code="401"),
        InvalidRequest("duration must be 6 or 10", provider_code="422"),
        ContentRejected("The prompt was flagged.", provider_code="1026", provider_message="sensitive input"),
    ],
)
async def test_refusals_fail_at_once_with_the_typed_error(runner_kit, error):
    provider = runner_kit.provider("kie", submits=[error])
    final = await runner_kit.runner.run(runner_kit.create().id)
    assert len(provider.submitted) == 1
    assert final.state is TaskState.FAILED
    assert (final.error_code, final.error_message) == (error.code, error.message)
    assert final.provider_code == error.provider_code and final.provider_message == error.provider_message


@pytest.mark.parametrize(
    "outcome",
    [
        NetworkError("read timed out", sent=True),
        ProviderUnavailable("502 Bad Gateway", status=502),
        ProviderUnavailable("the answer was not JSON"),
        RuntimeError("an adapter bug"),
        "",  # no task id in the answer
    ],
)
async def test_ambiguous_outcomes_become_unknown_and_are_never_resent(runner_kit, outcome):
    provider = runner_kit.provider("kie", submits=[outcome])
    task = runner_kit.create()
    final = await runner_kit.runner.run(task.id)
    assert final.state is TaskState.UNKNOWN and final.error_code == "ambiguous_submit"
    assert "may have created this task and charged" in final.error_message
    assert "dashboard" in final.error_message and "Retry" in final.error_message
    assert final.submit_started_at is not None and final.remote_id is None
    assert await runner_kit.runner.run(task.id) == final  # asked again: still not re-sent
    assert await runner_kit.new_runner().resume_unfinished() == []
    assert len(provider.submitted) == 1


async def test_a_task_caught_mid_submit_by_a_crash_becomes_unknown(runner_kit):
    provider = runner_kit.provider("kie")
    task = runner_kit.create()
    runner_kit.store.update(task.id, submit_started_at=runner_kit.clock())  # the crash came right after
    restarted = runner_kit.new_runner()
    [final] = await restarted.resume_unfinished()
    assert final.state is TaskState.UNKNOWN and "app stopped while this task was being sent" in final.error_message
    assert provider.submitted == []


async def test_a_missing_key_fails_before_anything_is_sent(runner_kit):
    task = runner_kit.create("minimax")

    def no_key(provider_id, base_url):
        raise MissingKey("No key for MiniMax: run `hailuo-desktop key set minimax`.")

    runner = runner_kit.new_runner()
    runner._factory = no_key
    final = await runner.run(task.id)
    assert final.state is TaskState.FAILED and final.error_code == "missing_key"
    assert "Nothing was sent or charged" in final.error_message
