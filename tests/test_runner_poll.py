"""The runner after the submit: polling outcomes and the download, on a scripted provider.

Result videos come from the loopback file server (real sockets), so the download path is
the real one.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from hailuo_desktop.domain.codes import ErrorCode
from hailuo_desktop.domain.errors import (
    AuthError,
    NetworkError,
    ProviderUnavailable,
    RateLimited,
    TaskFailed,
    TaskNotFound,
)
from hailuo_desktop.domain.states import TaskState
from hailuo_desktop.services.download_files import part_path
from hailuo_desktop.services.naming import planned_video_path, video_file_name
from tests.fixtures.services import make_task, status

pytestmark = pytest.mark.anyio

VIDEO = bytes(range(256)) * 400


async def test_happy_path_records_everything_and_names_the_file_safely(runner_kit, file_server):
    url = file_server.add("result.mp4", VIDEO)
    provider = runner_kit.provider(
        "kie",
        submits=["task_hailuo_1"],
        polls=[
            status("waiting", created_ms=1_000),
            status("generating", created_ms=1_000),
            status("success", url=url, created_ms=1_000, completed_ms=61_000),
        ],
    )
    task = runner_kit.create()
    final = await runner_kit.runner.run(task.id)
    assert final.state is TaskState.SUCCEEDED and final.error_code is None
    assert (final.remote_id, final.raw_state, final.polls) == ("task_hailuo_1", "success", 3)
    assert (final.remote_created_ms, final.remote_completed_ms) == (1_000, 61_000)
    assert final.result_url == url and final.result_seen_at is not None
    video = Path(final.video_path)
    assert video.parent == runner_kit.output.resolve()
    assert re.fullmatch(r"\d{8}-\d{6}_[0-9a-f]{8}_hailuo-02-image-to-video-standard\.mp4", video.name)
    assert video.read_bytes() == VIDEO and final.video_bytes == len(VIDEO)
    assert final.video_sha256 == file_server.sha256(VIDEO)
    assert sorted(p.name for p in runner_kit.output.iterdir()) == [video.name]  # no temp files
    assert provider.polled == ["task_hailuo_1"] * 3
    assert runner_kit.clock.sleeps[0] == 2.5  # kie's documented first poll


async def test_the_documented_schedule_or_a_fixed_interval(runner_kit, file_server):
    url = file_server.add("v.mp4", VIDEO)
    runner_kit.provider("apixo", polls=[status("processing"), status("success", url=url)])
    await runner_kit.runner.run(runner_kit.create("apixo").id)
    assert runner_kit.clock.sleeps[:2] == [30, 10]  # APIXO: first poll at 30 s, then every 10 s
    fixed = runner_kit.new_runner(poll_interval=4)
    runner_kit.provider("apixo", polls=[status("processing"), status("success", url=url)])
    runner_kit.clock.sleeps.clear()
    await fixed.run(fixed.create([runner_kit.request("apixo")])[0].id)
    assert runner_kit.clock.sleeps[:2] == [4, 4]  # first poll included


async def test_poll_errors_are_retried_with_backoff_and_retry_after(runner_kit, file_server):
    url = file_server.add("v.mp4", VIDEO)
    provider = runner_kit.provider(
        "kie",
        polls=[
            ProviderUnavailable("502 Bad Gateway", status=502),
            NetworkError("reset", sent=True),
            RateLimited("slow down", retry_after=40),
            status("success", url=url),
        ],
    )
    final = await runner_kit.runner.run(runner_kit.create().id)
    assert final.state is TaskState.SUCCEEDED and final.polls == 4
    assert len(provider.polled) == 4 and 40 in runner_kit.clock.sleeps


async def test_a_failed_task_keeps_the_providers_code_and_message(runner_kit):
    runner_kit.provider(
        "apixo",
        polls=[status("failed", fail_code="SensitiveContent", fail_message="The image contains a person under 18.")],
    )
    final = await runner_kit.runner.run(runner_kit.create("apixo").id)
    assert final.state is TaskState.FAILED and final.error_code == "content_rejected"
    assert "The image contains a person under 18." in final.error_message
    assert (final.provider_code, final.provider_message) == (
        "SensitiveContent",
        "The image contains a person under 18.",
    )
    assert final.raw_state == "failed" and final.video_path is None


async def test_a_failure_raised_by_the_adapter_is_kept_too(runner_kit):
    runner_kit.provider(
        "kie", polls=[TaskFailed("Generation failed.", provider_code="501", provider_message="internal error")]
    )
    final = await runner_kit.runner.run(runner_kit.create().id)
    assert final.state is TaskState.FAILED and final.provider_message == "internal error"


async def test_task_not_found_is_believed_only_when_it_repeats(runner_kit, file_server):
    url = file_server.add("v.mp4", VIDEO)
    runner_kit.provider("kie", polls=[TaskNotFound("404"), status("success", url=url)])
    assert (await runner_kit.runner.run(runner_kit.create().id)).state is TaskState.SUCCEEDED
    runner_kit.provider("kie", submits=["gone-1"], polls=[TaskNotFound("404")])
    final = await runner_kit.runner.run(runner_kit.create().id)
    assert final.state is TaskState.FAILED and final.error_code == "task_not_found"
    assert "gone-1" in final.error_message and final.polls == 3


async def test_polling_gives_up_after_the_cap_and_stays_resumable(runner_kit, file_server):
    provider = runner_kit.provider("kie", submits=["slow-1"], polls=[status("generating")])
    task = runner_kit.create()
    final = await runner_kit.runner.run(task.id)
    assert final.state is TaskState.UNKNOWN and final.error_code == "poll_timeout"
    assert final.remote_id == "slow-1" and "checked again on the next start" in final.error_message
    assert 14 <= sum(runner_kit.clock.sleeps) / 60 <= 15  # kie's documented 15-minute cap
    assert [t.id for t in runner_kit.store.unfinished()] == [task.id]
    url = file_server.add("v.mp4", VIDEO)
    provider.polls = [status("success", url=url)]
    [resumed] = await runner_kit.new_runner().resume_unfinished()
    assert resumed.state is TaskState.SUCCEEDED and resumed.error_code is None and len(provider.submitted) == 1


async def test_a_bad_key_while_polling_leaves_the_task_resumable(runner_kit):
    runner_kit.provider("kie", submits=["r-1"], polls=[AuthError("The key was refused.")])
    final = await runner_kit.runner.run(runner_kit.create().id)
    assert final.state is TaskState.UNKNOWN and final.error_code == "auth" and final.remote_id == "r-1"
    assert "resume" in final.error_message and runner_kit.store.unfinished() == [final]


async def test_success_without_a_link_is_asked_again(runner_kit, file_server):
    url = file_server.add("v.mp4", VIDEO)
    runner_kit.provider("kie", polls=[status("success"), status("success", url=url)])
    final = await runner_kit.runner.run(runner_kit.create().id)
    assert final.state is TaskState.SUCCEEDED and final.polls == 2


async def test_an_expired_link_fails_with_result_expired(runner_kit, file_server):
    url = file_server.add("gone.mp4", VIDEO)
    file_server.state.fail_first, file_server.state.fail_status = 5, 410
    provider = runner_kit.provider("kie", polls=[status("success", url=url)])
    final = await runner_kit.runner.run(runner_kit.create().id)
    assert final.state is TaskState.FAILED and final.error_code == "result_expired"
    assert "link expired" in final.error_message and "410" in final.error_message
    assert len(provider.polled) == 2  # asked once more for a fresh link; it was the same
    assert list(runner_kit.output.iterdir()) == []


async def test_an_expired_link_is_replaced_by_a_fresh_one_when_the_provider_has_it(runner_kit, file_server):
    old = file_server.add("old.mp4", VIDEO)
    fresh = f"{file_server.url}/files/new.mp4"
    file_server.state.files["new.mp4"] = VIDEO
    del file_server.state.files["old.mp4"]  # 404 now
    runner_kit.provider("minimax", polls=[status("Success", url=old), status("Success", url=fresh)])
    final = await runner_kit.runner.run(runner_kit.create("minimax").id)
    assert final.state is TaskState.SUCCEEDED and final.result_url == fresh


async def test_a_full_disk_keeps_the_result_resumable_and_says_what_to_do(runner_kit, file_server):
    url = file_server.add("v.mp4", VIDEO)
    provider = runner_kit.provider("kie", polls=[status("success", url=url)])
    task = runner_kit.create()
    planned = planned_video_path(runner_kit.output, runner_kit.store.get(task.id))
    runner_kit.output.mkdir(parents=True)
    os.symlink("/dev/full", part_path(planned))  # writes there fail with ENOSPC, as on a full disk
    runner_kit.store.update(task.id, video_path=str(planned))
    final = await runner_kit.runner.run(task.id)
    assert final.state is TaskState.UNKNOWN and final.error_code is ErrorCode.DISK_FULL
    assert "full" in final.error_message and "resume" in final.error_message
    assert final.result_url == url and runner_kit.store.unfinished() == [final]
    os.unlink(part_path(planned))  # the user freed some space
    [done] = await runner_kit.new_runner().resume_unfinished()
    assert done.state is TaskState.SUCCEEDED and Path(done.video_path).read_bytes() == VIDEO
    assert len(provider.submitted) == 1


async def test_an_unwritable_output_folder_is_reported(runner_kit, file_server):
    url = file_server.add("v.mp4", VIDEO)
    runner_kit.provider("kie", polls=[status("success", url=url)])
    runner_kit.output.parent.mkdir(exist_ok=True)
    runner_kit.output.write_text("a file where the folder should be")
    final = await runner_kit.runner.run(runner_kit.create().id)
    assert final.state is TaskState.UNKNOWN and final.error_code == "storage" and final.remote_id


def test_file_names_cannot_escape_the_output_folder(tmp_path):
    task = make_task(id="../../etc/passwd", model="../../evil/\\model", mode="x/../y", created_at=0)
    name = video_file_name(task)
    assert "/" not in name and "\\" not in name and ".." not in name
    path = planned_video_path(tmp_path, task)
    assert path.parent == tmp_path.resolve()
    path.write_bytes(b"taken")
    second = planned_video_path(tmp_path, task)
    assert second != path and second.parent == tmp_path.resolve() and second.name.endswith("-2.mp4")
