"""The runner end to end: real adapters, real uploads and downloads, the simulator on loopback.

Time is the simulator's ManualClock: the runner's sleep advances it, so a task's whole
life (queue, generation, polls, backoff) passes without waiting on the wall clock. The
simulator counts POSTs (`stats.submits`) and created tasks (`stats.created`), which is how
"exactly once" is checked from the server's side.
"""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

import pytest
from PIL import Image

from hailuo_desktop.domain.catalog import find_model
from hailuo_desktop.domain.request import GenerationRequest
from hailuo_desktop.domain.states import TaskState
from hailuo_desktop.providers.registry import build_provider, build_uploader
from hailuo_desktop.services.budget import RequestBudget
from hailuo_desktop.services.download_files import part_path
from hailuo_desktop.services.downloads import Downloader
from hailuo_desktop.services.polling import Backoff, RetryPolicy
from hailuo_desktop.services.runner import Runner
from hailuo_desktop.services.store import TaskStore
from hailuo_desktop.services.uploads import UploadService
from hailuo_desktop.simulator.server import Fault
from tests.fixtures.sim import KEYS, loopback_client
from tests.models import TEST_MODELS

pytestmark = pytest.mark.anyio

TIMED = "a cat turns its head {{sim:queue=10;run=40}}"
IMAGE_URL = "https://images.example.com/cat.png"
MODELS = TEST_MODELS
# How each provider's image gets there: an upload, a data URL, or a public URL.
IMAGES = {"apixo": "url", "kie": "local", "apikley": "local", "apiinone": "url", "minimax": "local"}
FINAL_RAW = {"apixo": "success", "kie": "success", "apikley": "success", "apiinone": "completed", "minimax": "success"}


def png(path: Path, size=(800, 600)) -> Path:
    buffer = io.BytesIO()
    Image.new("RGB", size, (40, 120, 200)).save(buffer, format="PNG")
    path.write_bytes(buffer.getvalue())
    return path


class Live:
    """A runner wired like the app, against the simulator; `restart()` builds a new one."""

    def __init__(self, sim, root: Path, client) -> None:
        self.sim = sim
        self.root = root
        self.client = client
        self.sleeps: list[float] = []
        self.output = root / "videos"
        self.stores: list[TaskStore] = []
        self.runners: list[Runner] = []
        self.budget = RequestBudget(20.0, 20, clock=self.now, sleep=self.sleep)
        retry = RetryPolicy(attempts=4, backoff=Backoff(base=1, maximum=8))
        self.downloader = Downloader(client, self.now, self.sleep, retry=retry)
        self.runner = self.restart()

    def now(self) -> float:
        return self.sim.clock.now()

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        if seconds > 0:
            self.sim.advance(seconds)
        await asyncio.sleep(0)

    def provider(self, provider_id: str, base_url: str | None):
        return build_provider(provider_id, client=self.client, key=KEYS[provider_id], base_url=base_url)

    def uploader(self, route: str, base_url: str | None):
        provider_id = route.removesuffix("_upload")
        return build_uploader(provider_id, client=self.client, key=KEYS[provider_id], base_url=base_url)

    def restart(self, **options) -> Runner:
        store = TaskStore(self.root / "tasks.sqlite3", clock=self.now)
        self.stores.append(store)
        self.store = store
        uploads = UploadService(store, self.uploader, clock=self.now)
        runner = Runner(
            store,
            self.provider,
            uploads,
            self.downloader,
            self.budget,
            self.output,
            clock=self.now,
            sleep=self.sleep,
            **options,
        )
        self.runners.append(runner)
        self.runner = runner
        return runner

    def create(self, provider_id: str, prompt: str = TIMED, image: str | None = None) -> str:
        model, mode = MODELS[provider_id]
        spec = find_model(provider_id, model, mode)
        if image is None:
            image = str(png(self.root / "cat.png")) if IMAGES[provider_id] == "local" else IMAGE_URL
        request = GenerationRequest(spec, prompt, image=image)
        return self.runner.create([request], base_url=self.sim.api_url)[0].id

    async def close(self) -> None:
        for runner in self.runners:
            await runner.close()
        for store in self.stores:
            store.close()


@pytest.fixture
async def live(simulator, tmp_path):
    async with loopback_client(timeout=10) as client:
        kit = Live(simulator, tmp_path, client)
        yield kit
        await kit.close()


def assert_a_real_video(task, sim) -> None:
    video = Path(task.video_path)
    data = video.read_bytes()
    assert data[4:8] == b"ftyp" and len(data) == task.video_bytes
    assert sorted(p.name for p in video.parent.iterdir()) == [video.name]  # no .part left
    assert not any(r.had_authorization for r in sim.stats.requests if r.origin == "files")


async def test_an_image_damaged_inside_its_pixels_is_refused_before_upload_or_submit(live, simulator):
    whole = png(live.root / "whole.png").read_bytes()
    damaged = live.root / "damaged.png"
    damaged.write_bytes(whole[: len(whole) // 2])  # the header is intact; the pixel data is cut
    task_id = live.create("kie", image=str(damaged))  # the header-only check lets it through
    final = await live.runner.run(task_id)
    assert final.state is TaskState.FAILED and final.error_code == "image_rejected"
    assert "damaged" in final.error_message and "Nothing was sent" in final.error_message
    assert simulator.stats.uploads["kie"] == 0 and simulator.stats.submits["kie"] == 0


@pytest.mark.parametrize("provider_id", list(MODELS))
async def test_each_provider_from_queued_to_a_video_on_disk(live, simulator, provider_id):
    task_id = live.create(provider_id)
    final = await live.runner.run(task_id)
    assert final.state is TaskState.SUCCEEDED, final.error_message
    assert final.raw_state.lower() == FINAL_RAW[provider_id] and final.polls >= 2
    assert simulator.stats.submits[provider_id] == 1 and simulator.stats.created[provider_id] == 1
    assert_a_real_video(final, simulator)
    if IMAGES[provider_id] == "local" and provider_id != "minimax":
        assert simulator.stats.uploads[provider_id] == 1 and final.image_url.startswith(simulator.files_url)
    if provider_id == "minimax":
        assert simulator.stats.retrieves["minimax"] >= 1 and final.image_url is None


async def test_a_429_with_retry_after_at_submit_is_sent_again_and_creates_one_task(live, simulator):
    simulator.faults.add(Fault(op="submit", kind="status", status=429, retry_after=7, provider="kie"))
    final = await live.runner.run(live.create("kie"))
    assert final.state is TaskState.SUCCEEDED
    assert simulator.stats.submits["kie"] == 2 and simulator.stats.created["kie"] == 1
    assert 7 in live.sleeps


async def test_kie_maintenance_at_submit_is_sent_again(live, simulator):
    simulator.faults.add(Fault(op="submit", kind="status", status=455, provider="kie", times=2))
    final = await live.runner.run(live.create("kie"))
    assert final.state is TaskState.SUCCEEDED
    assert simulator.stats.submits["kie"] == 3 and simulator.stats.created["kie"] == 1


async def test_a_reset_after_create_is_unknown_and_never_sent_again(live, simulator):
    simulator.faults.add(Fault(op="submit", kind="reset", after_create=True, provider="apixo"))
    task_id = live.create("apixo")
    final = await live.runner.run(task_id)
    assert final.state is TaskState.UNKNOWN and final.error_code == "ambiguous_submit"
    assert "dashboard" in final.error_message
    assert simulator.stats.submits["apixo"] == 1 and simulator.stats.created["apixo"] == 1
    assert await live.restart().resume_unfinished() == []
    assert await live.runner.run(task_id) == final
    assert simulator.stats.submits["apixo"] == 1


@pytest.mark.parametrize(
    "fault, outcome, code",
    [
        (Fault(op="submit", kind="status", status=500), TaskState.UNKNOWN, "ambiguous_submit"),
        (Fault(op="submit", kind="malformed"), TaskState.UNKNOWN, "ambiguous_submit"),
        (Fault(op="submit", kind="missing_id"), TaskState.UNKNOWN, "ambiguous_submit"),
        (Fault(op="submit", kind="status", status=401), TaskState.FAILED, "auth"),
        # held, not lost: submits to kie are paused until the user resumes the provider
        (Fault(op="submit", kind="status", status=402), TaskState.QUEUED, "insufficient_balance"),
        (Fault(op="submit", kind="status", status=422), TaskState.FAILED, "invalid_request"),
    ],
)
async def test_submit_faults_end_as_the_rules_say_with_one_post(live, simulator, fault, outcome, code):
    simulator.faults.add(fault)
    final = await live.runner.run(live.create("kie"))
    assert (final.state, final.error_code) == (outcome, code), final.error_message
    assert simulator.stats.submits["kie"] == 1


async def test_connection_refused_is_retried_then_reported_as_not_sent(live, simulator):
    spec = find_model("apixo", *MODELS["apixo"])
    closed = "http://127.0.0.1:9"  # the discard port: nothing listens there
    [task] = live.runner.create([GenerationRequest(spec, TIMED, image=IMAGE_URL)], base_url=closed)
    final = await live.runner.run(task.id)
    assert final.state is TaskState.FAILED and final.error_code == "network"
    assert "Nothing was created or charged" in final.error_message and final.submit_started_at is None


async def test_5xx_on_poll_is_retried_then_succeeds(live, simulator):
    simulator.faults.add(Fault(op="poll", kind="status", status=502, times=3, provider="apiinone"))
    simulator.faults.add(Fault(op="poll", kind="html", times=1, provider="apiinone"))
    final = await live.runner.run(live.create("apiinone"))
    assert final.state is TaskState.SUCCEEDED and final.polls >= 5
    assert simulator.stats.submits["apiinone"] == 1


async def test_a_failed_task_keeps_its_fail_message(live, simulator):
    prompt = "a cat {{sim:fail=SensitiveContent;msg=The image shows a real person.}}"
    final = await live.runner.run(live.create("apixo", prompt=prompt))
    assert final.state is TaskState.FAILED and final.error_code == "content_rejected"
    assert final.provider_code == "SensitiveContent"
    assert final.provider_message == "The image shows a real person."
    assert "The image shows a real person." in final.error_message
    assert final.video_path is None and simulator.stats.downloads == 0


async def test_an_expired_result_url_fails_as_result_expired(live, simulator):
    simulator.faults.add(Fault(op="download", kind="expired", times=None))
    final = await live.runner.run(live.create("kie"))
    assert final.state is TaskState.FAILED and final.error_code == "result_expired"
    assert "expired" in final.error_message and final.result_url
    assert list(live.output.iterdir()) == []


async def test_a_truncated_download_is_resumed(live, simulator):
    simulator.faults.add(Fault(op="download", kind="truncated", times=2))
    final = await live.runner.run(live.create("minimax"))
    assert final.state is TaskState.SUCCEEDED and simulator.stats.downloads == 3
    assert_a_real_video(final, simulator)


async def test_resume_after_a_restart_while_polling(live, simulator):
    task_id = live.create("kie", prompt="slow {{sim:queue=30;run=300}}")
    first = live.runner.start(task_id)
    while simulator.stats.polls["kie"] < 2:
        await asyncio.sleep(0)
    await live.runner.close()  # the app quits (a kill -9 is the crash harness's job)
    assert first.cancelled()
    left = live.store.get(task_id)
    assert left.remote_id and left.state in (TaskState.QUEUED, TaskState.RUNNING)
    [final] = await live.restart().resume_unfinished()
    assert final.state is TaskState.SUCCEEDED and final.id == task_id
    assert simulator.stats.submits["kie"] == 1 and simulator.stats.created["kie"] == 1
    assert_a_real_video(final, simulator)


async def test_resume_after_a_restart_mid_download(live, simulator):
    simulator.faults.add(Fault(op="download", kind="reset", times=None))
    task_id = live.create("apikley")
    stopped = await live.runner.run(task_id)
    assert stopped.state is TaskState.UNKNOWN and stopped.error_code == "download"
    assert part_path(Path(stopped.video_path)).stat().st_size > 0  # kept for the resume
    simulator.faults.clear()
    [final] = await live.restart().resume_unfinished()
    assert final.state is TaskState.SUCCEEDED and final.video_path == stopped.video_path
    assert simulator.stats.submits["apikley"] == 1
    assert_a_real_video(final, simulator)


async def test_cancel_stops_polling_that_task(live, simulator):
    task_id = live.create("minimax", prompt="long {{sim:queue=60;run=600}}")
    handle = live.runner.start(task_id)
    while simulator.stats.polls["minimax"] < 1:
        await asyncio.sleep(0)
    final = await live.runner.cancel(task_id)
    polls = simulator.stats.polls["minimax"]
    simulator.advance(3600)
    await asyncio.gather(handle, return_exceptions=True)
    assert final.state is TaskState.CANCELLED and simulator.stats.polls["minimax"] == polls
    assert live.store.unfinished() == []
