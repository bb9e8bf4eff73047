"""Restarts, cancel, shutdown, concurrency and uploads in the runner (scripted provider)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from hailuo_desktop.domain.states import TaskState
from hailuo_desktop.services.download_files import part_path
from hailuo_desktop.services.naming import planned_video_path
from tests.fixtures.services import status


def real_png(path: Path) -> Path:
    """A small, whole PNG: the runner decodes every local image before it is sent."""
    from PIL import Image

    Image.new("RGB", (400, 320), (90, 140, 60)).save(path, "PNG")
    return path


pytestmark = pytest.mark.anyio

VIDEO = bytes(range(256)) * 1000


async def test_a_restart_polls_submitted_tasks_at_once_and_never_resends(runner_kit, file_server):
    url = file_server.add("v.mp4", VIDEO)
    provider = runner_kit.provider("apixo", polls=[status("success", url=url)])
    task = runner_kit.create("apixo")
    runner_kit.store.update(
        task.id,
        submit_started_at=runner_kit.clock() - 7200,
        remote_id="apixo-77",
        submitted_at=runner_kit.clock() - 7200,
        state=TaskState.RUNNING,
    )
    runner_kit.clock.sleeps.clear()
    [final] = await runner_kit.new_runner().resume_unfinished()
    assert final.state is TaskState.SUCCEEDED and provider.submitted == []
    assert provider.polled == ["apixo-77"] and runner_kit.clock.sleeps[0] == 0  # no 30 s wait on resume


async def test_a_restart_mid_download_continues_the_part_with_range(runner_kit, file_server):
    url = file_server.add("v.mp4", VIDEO)
    provider = runner_kit.provider("kie", polls=[status("success", url=url)])
    task = runner_kit.create()
    dest = planned_video_path(runner_kit.output, runner_kit.store.get(task.id))
    runner_kit.output.mkdir()
    part_path(dest).write_bytes(VIDEO[:100_000])
    runner_kit.store.update(
        task.id,
        submit_started_at=1.0,
        remote_id="r-5",
        state=TaskState.DOWNLOADING,
        result_url=url,
        video_path=str(dest),
    )
    [final] = await runner_kit.new_runner().resume_unfinished()
    assert final.state is TaskState.SUCCEEDED and Path(final.video_path).read_bytes() == VIDEO
    assert final.video_sha256 == file_server.sha256(VIDEO)
    assert file_server.state.seen[0].headers.get("Range") == "bytes=100000-"
    assert provider.polled == [] and provider.submitted == []  # straight to the download
    assert sorted(p.name for p in runner_kit.output.iterdir()) == [dest.name]


async def test_never_sent_tasks_are_sent_on_resume_and_finished_ones_are_left_alone(runner_kit, file_server):
    url = file_server.add("v.mp4", VIDEO)
    provider = runner_kit.provider("kie", polls=[status("success", url=url)])
    queued = runner_kit.create(prompt="never sent")
    old = runner_kit.create(prompt="done long ago")
    runner_kit.store.update(old.id, state=TaskState.SUCCEEDED)
    finals = await runner_kit.new_runner().resume_unfinished()
    assert [t.id for t in finals] == [queued.id] and finals[0].state is TaskState.SUCCEEDED
    assert [p.request.prompt for p in provider.submitted] == ["never sent"]


async def test_cancel_stops_one_task_and_leaves_the_others_running(runner_kit, file_server):
    url = file_server.add("v.mp4", VIDEO)
    provider = runner_kit.provider("kie", polls=[status("generating")])
    runner = runner_kit.runner
    keep, stop = runner_kit.create(prompt="keep"), runner_kit.create(prompt="stop")
    handles = [runner.start(keep.id), runner.start(stop.id)]
    while len(provider.polled) < 4:
        await asyncio.sleep(0)
    cancelled = await runner.cancel(stop.id)
    assert cancelled.state is TaskState.CANCELLED and cancelled.remote_id == "remote-1"
    assert "stopped checking" in cancelled.error_message and "may still finish" in cancelled.error_message
    provider.polls = [status("success", url=url)]
    results = await asyncio.gather(*handles)
    assert results[0].state is TaskState.SUCCEEDED and results[1].state is TaskState.CANCELLED
    assert runner_kit.store.get(stop.id).state is TaskState.CANCELLED
    assert runner_kit.store.unfinished() == []


async def test_cancel_waits_for_a_post_in_flight_and_keeps_its_task_id(runner_kit):
    provider = runner_kit.provider("kie", submits=["created-anyway"])
    provider.gate = asyncio.Event()
    task = runner_kit.create()
    handle = runner_kit.runner.start(task.id)
    while not provider.submitted:
        await asyncio.sleep(0)
    cancelling = asyncio.create_task(runner_kit.runner.cancel(task.id))
    await asyncio.sleep(0)
    assert not cancelling.done()  # the POST is not cut off mid-flight
    provider.gate.set()
    final = await cancelling
    assert final.state is TaskState.CANCELLED and final.remote_id == "created-anyway"
    assert (await handle).state is TaskState.CANCELLED and provider.polled == []


async def test_cancel_of_a_queued_task_that_never_ran(runner_kit):
    task = runner_kit.create()
    final = await runner_kit.runner.cancel(task.id)
    assert final.state is TaskState.CANCELLED and "nothing was charged" in final.error_message


async def test_cancel_mid_download_removes_the_part(runner_kit, file_server):
    url = file_server.add("v.mp4", VIDEO)
    file_server.state.truncate_first = 100  # the download keeps failing, so it is mid-way when cancelled
    runner_kit.provider("kie", polls=[status("success", url=url)])
    task = runner_kit.create()
    handle = runner_kit.runner.start(task.id)
    while not file_server.state.seen:
        await asyncio.sleep(0)
    final = await runner_kit.runner.cancel(task.id)
    await asyncio.gather(handle, return_exceptions=True)
    assert final.state is TaskState.CANCELLED
    assert not part_path(Path(final.video_path)).exists() and not Path(final.video_path).exists()


async def test_close_lets_posts_in_flight_finish_and_leaves_every_task_resumable(runner_kit, file_server):
    provider = runner_kit.provider("kie", submits=["posted-1", "posted-2", "posted-3"], polls=[status("generating")])
    polling = runner_kit.create(prompt="polling")
    runner_kit.runner.start(polling.id)
    while not provider.polled:
        await asyncio.sleep(0)
    provider.gate = asyncio.Event()
    posting = runner_kit.create(prompt="posting")
    runner_kit.runner.start(posting.id)
    while len(provider.submitted) < 2:
        await asyncio.sleep(0)
    closing = asyncio.create_task(runner_kit.runner.close())
    for _ in range(20):
        await asyncio.sleep(0)
    assert not closing.done()  # waiting for the POST in flight
    provider.gate.set()
    await closing
    by_prompt = {t.prompt: t for t in runner_kit.store.list()}
    assert by_prompt["posting"].remote_id == "posted-2" and by_prompt["posting"].state is TaskState.QUEUED
    assert by_prompt["polling"].state is TaskState.RUNNING and by_prompt["polling"].remote_id == "posted-1"
    assert {t.id for t in runner_kit.store.unfinished()} == {polling.id, posting.id}
    assert provider.polled.count("posted-2") == 0
    with pytest.raises(RuntimeError):
        runner_kit.runner.start(polling.id)


async def test_new_submissions_are_bounded_by_max_concurrent(runner_kit, file_server):
    url = file_server.add("v.mp4", VIDEO)
    provider = runner_kit.provider("kie", polls=[status("success", url=url)])
    provider.gate = asyncio.Event()
    runner = runner_kit.new_runner(max_concurrent=2)
    tasks = runner.create([runner_kit.request(prompt=f"n{n}") for n in range(5)])
    handles = [runner.start(t.id) for t in tasks]
    for _ in range(50):
        await asyncio.sleep(0)
    assert len(provider.submitted) == 2
    provider.gate.set()
    finals = await asyncio.gather(*handles)
    assert [t.state for t in finals] == [TaskState.SUCCEEDED] * 5 and len(provider.submitted) == 5


async def test_start_twice_is_one_job(runner_kit, file_server):
    url = file_server.add("v.mp4", VIDEO)
    provider = runner_kit.provider("kie", polls=[status("success", url=url)])
    task = runner_kit.create()
    assert runner_kit.runner.start(task.id) is runner_kit.runner.start(task.id)
    await asyncio.gather(runner_kit.runner.run(task.id), runner_kit.runner.run(task.id))
    assert len(provider.submitted) == 1


async def test_a_local_image_is_uploaded_once_and_its_url_kept(runner_kit, file_server, tmp_path):
    url = file_server.add("v.mp4", VIDEO)
    provider = runner_kit.provider("kie", polls=[status("success", url=url)])
    image = real_png(tmp_path / "cat.png")
    tasks = runner_kit.runner.create([runner_kit.request(image=str(image), prompt=f"v{n}") for n in range(3)])
    finals = await asyncio.gather(*(runner_kit.runner.run(t.id) for t in tasks))
    assert [t.state for t in finals] == [TaskState.SUCCEEDED] * 3
    assert runner_kit.upload_calls == [("kie_upload", str(image.resolve()), "image/png")]
    assert {p.image_url for p in provider.submitted} == {"https://uploads.example/kie_upload/1.png"}
    assert {t.image_url for t in finals} == {"https://uploads.example/kie_upload/1.png"}


async def test_minimax_gets_a_data_url_that_is_not_stored(runner_kit, file_server, tmp_path):
    url = file_server.add("v.mp4", VIDEO)
    provider = runner_kit.provider("minimax", polls=[status("Success", url=url)])
    image = real_png(tmp_path / "cat.png")
    final = await runner_kit.runner.run(runner_kit.create("minimax", image=str(image)).id)
    assert final.state is TaskState.SUCCEEDED
    assert provider.submitted[0].image_url.startswith("data:image/png;base64,")
    assert final.image_url is None and runner_kit.upload_calls == []


async def test_an_upload_failure_fails_the_task_before_anything_is_sent(runner_kit, tmp_path):
    provider = runner_kit.provider("kie")
    image = tmp_path / "cat.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n")
    task = runner_kit.create(image=str(image))
    image.unlink()  # gone before the run
    final = await runner_kit.runner.run(task.id)
    assert final.state is TaskState.FAILED and final.error_code == "image_rejected"
    assert "Nothing was sent" in final.error_message and provider.submitted == []
