"""Grid posters made when a take's video is saved: through the real engine, a real clip
downloaded from the simulator over loopback, the poster read back by Pillow; a damaged video
gives no poster and the take is still done."""

from __future__ import annotations

import asyncio
import os
import sys
import threading

import pytest
from PIL import Image

from hailuo_desktop.domain.catalog import PROVIDERS, find_model
from hailuo_desktop.domain.request import GenerationRequest
from hailuo_desktop.domain.states import TaskState
from hailuo_desktop.engine import build_engine
from hailuo_desktop.services.home import DataPaths
from hailuo_desktop.services.http_client import build_http_client
from hailuo_desktop.services.media import poster_path
from hailuo_desktop.services.saved_posters import posters_dir
from hailuo_desktop.services.secrets import KeyStore
from hailuo_desktop.services.settings import Settings
from hailuo_desktop.simulator.server import ManualClock, SimConfig, Simulator
from tests.fixtures.sim import KEYS
from tests.fixtures.videos import make_clip

pytestmark = pytest.mark.anyio
START = 1_767_225_600.0
QUICK = "a fox looks up {{sim:queue=5;run=20}}"
WIDE = (960, 540)  # larger than the grid's poster (480 px on its long side)
DAMAGED = b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 64  # an MP4 header, then nothing a decoder can read


async def _finish_one(tmp_path, result: bytes):
    simulator = Simulator(
        SimConfig(seed=3, epoch=START, result_factory=lambda info: result), clock=ManualClock(START).now
    )
    await simulator.start()

    async def sleep(seconds: float) -> None:
        if seconds > 0:
            simulator.advance(seconds)
        await asyncio.sleep(0)

    settings = Settings(
        output_dir=str(tmp_path / "videos"), proxy_mode="none", base_urls={p: simulator.api_url for p in PROVIDERS}
    )
    paths = DataPaths.at(tmp_path / "home")
    try:
        async with build_http_client(settings) as client:
            engine = build_engine(
                paths, settings, KeyStore(env={PROVIDERS["apixo"].env_var: KEYS["apixo"]}), client,
                clock=simulator.clock.now, sleep=sleep, poll_interval=5,
            )  # fmt: skip
            try:
                spec = find_model("apixo", "hailuo-2-3-fast", "standard-image-to-video")
                [task] = engine.runner.create(
                    [GenerationRequest(spec, QUICK, image="https://images.example.com/fox.png")],
                    upload_route="public_url",
                )
                done = await engine.runner.run(task.id)
                posters = engine.posters
                assert posters is not None
                assert await asyncio.to_thread(posters.wait_idle, 30)
                return done, posters.made, posters.failed, posters_dir(paths)
            finally:
                await engine.close()
    finally:
        await simulator.stop()


async def test_a_saved_video_gets_the_grids_poster_readable_by_pillow(tmp_path):
    done, made, failed, folder = await _finish_one(tmp_path, make_clip(1.0, size=WIDE))
    assert done.state is TaskState.SUCCEEDED and done.video_path
    poster = poster_path(done.video_path, folder)  # the grid's cache key: path, size, mtime, 480 px
    assert (made, failed) == (1, 0)
    assert poster.is_file() and os.listdir(folder) == [poster.name]  # no temporary file left beside it
    with Image.open(poster) as image:
        image.load()
        assert (image.format, image.size) == ("JPEG", (480, 270))


async def test_a_damaged_video_gives_no_poster_and_the_task_still_succeeds(tmp_path, caplog):
    done, made, failed, folder = await _finish_one(tmp_path, DAMAGED)
    assert done.state is TaskState.SUCCEEDED and done.video_path and os.path.getsize(done.video_path) == len(DAMAGED)
    assert (made, failed) == (0, 1)
    assert not folder.exists() or not any(folder.iterdir())
    assert any("no grid poster" in r.getMessage() for r in caplog.records)


def test_start_up_catches_up_the_newest_takes_without_a_poster(tmp_path):
    from hailuo_desktop.services.saved_posters import SavedPosters
    from hailuo_desktop.services.store import TaskStore
    from tests.fixtures.services import make_task
    from tests.fixtures.videos import write_clip

    clips = [write_clip(tmp_path / f"take-{n}.mp4", 0.5, hue=40 * n) for n in range(3)]
    store = TaskStore(tmp_path / "tasks.sqlite3")
    try:
        older, newer, newest = (
            make_task(state=TaskState.SUCCEEDED, video_path=str(clip), created_at=1000.0 + n)
            for n, clip in enumerate(clips)
        )
        store.add_many([older, newer, newest, make_task(state=TaskState.FAILED)])  # stored with no listener
        posters = SavedPosters(tmp_path / "posters")
        try:
            posters.catch_up(store, limit=2)  # the two newest
            assert posters.wait_idle(30) and (posters.made, posters.failed) == (2, 0)
            made = {poster_path(video, tmp_path / "posters").is_file() for video in clips[1:]}
            assert made == {True} and not poster_path(clips[0], tmp_path / "posters").exists()
            posters.catch_up(store, limit=3)  # again at the next start: only the one still missing is made
            assert posters.wait_idle(30) and posters.made == 3
        finally:
            posters.close()
    finally:
        store.close()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a thread's own nice value is Linux's")
def test_the_poster_thread_runs_below_the_thread_that_started_it(tmp_path):
    from hailuo_desktop.services.saved_posters import SavedPosters
    from hailuo_desktop.services.thread_priority import BACKGROUND_NICE

    posters = SavedPosters(tmp_path / "posters")
    try:
        posters.add(str(tmp_path / "gone.mp4"))  # starts the thread; a missing video is skipped
        assert posters.wait_idle(timeout=10)
        (thread,) = [t for t in threading.enumerate() if t.name == "saved-posters"]
        mine = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
        assert os.getpriority(os.PRIO_PROCESS, thread.native_id) == min(19, mine + BACKGROUND_NICE)
        assert posters.made == 0 and posters.failed == 0
    finally:
        posters.close()
