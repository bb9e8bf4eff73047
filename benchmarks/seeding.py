"""What the benchmarks start from: keys, stores full of tasks, tasks already running remotely."""

from __future__ import annotations

import asyncio
import random
import uuid
from pathlib import Path

import httpx

from hailuo_desktop.domain.catalog import default_preset
from hailuo_desktop.domain.request import GenerationRequest
from hailuo_desktop.domain.states import TaskState
from hailuo_desktop.domain.task import Task
from hailuo_desktop.providers.base import SubmitPayload
from hailuo_desktop.providers.registry import build_provider
from hailuo_desktop.services.store import TaskStore

from .keys import BENCH_KEY, bench_key_store

__all__ = [
    "BENCH_KEY",
    "IMAGE_URL",
    "bench_key_store",
    "fill_store",
    "finished_result_url",
    "finished_task",
    "submit_running",
    "thumbnail_sources",
]
IMAGE_URL = "https://img.example/cat.png"
PROMPTS = (
    "a cat turns its head",
    "waves roll onto a beach at dusk",
    "a paper boat drifts down a gutter",
    "snow falls on a quiet street",
    "a dog shakes off water in slow motion",
)


# --- a store full of history ----------------------------------------------------------
def thumbnail_sources(folder: Path, count: int = 20) -> list[str]:
    """Small distinct images the tasks point at, so listed rows have thumbnails to load."""
    from PIL import Image  # here: the start-up child imports this module and the app no longer loads Pillow to start

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"source-{n:02d}.jpg"
        if not path.exists():
            Image.new("RGB", (640, 480), ((n * 37) % 256, (n * 91) % 256, (n * 53) % 256)).save(path, quality=80)
        paths.append(str(path))
    return paths


def finished_task(n: int, images: list[str], rng: random.Random, now: float) -> Task:
    provider_id = ("apixo", "kie", "minimax", "apiinone", "apikley")[n % 5]
    spec, duration, resolution = default_preset(provider_id)
    created = now - (n + 1) * 60.0
    took = rng.lognormvariate(4.5, 0.4)
    failed = n % 17 == 0
    return Task(
        id=uuid.UUID(int=rng.getrandbits(128)).hex,
        provider=provider_id,
        model=spec.model,
        kind=spec.kind,
        prompt=f"{PROMPTS[n % len(PROMPTS)]}, take {n}",
        mode=spec.mode,
        duration=duration,
        resolution=resolution,
        image_path=images[n % len(images)],
        state=TaskState.FAILED if failed else TaskState.SUCCEEDED,
        remote_id=f"bench_{n}",
        submit_started_at=created,
        submitted_at=created,
        remote_created_ms=int(created * 1000),
        remote_completed_ms=int((created + took) * 1000),
        result_seen_at=created + took,
        finished_at=created + took + 3,
        polls=6,
        error_code="task_failed" if failed else None,
        error_message="The provider refused the image." if failed else None,
        video_path=None if failed else f"/videos/bench-{n}.mp4",
        video_bytes=None if failed else 2_400_000,
        created_at=created,
        updated_at=created + took + 3,
    )


def fill_store(path: Path, count: int, images: list[str], *, seed: int = 1, now: float = 1_767_225_600.0) -> Path:
    """A store file holding `count` finished tasks (what a long-time user has)."""
    rng = random.Random(seed)
    store = TaskStore(path)
    try:
        batch = 1000
        for start in range(0, count, batch):
            store.add_many(finished_task(n, images, rng, now) for n in range(start, min(count, start + batch)))
    finally:
        store.close()
    return path


# --- tasks already running at the simulator ----------------------------------------------
async def submit_running(
    client: httpx.AsyncClient, api_url: str, providers: list[str], prompt: str, now: float, concurrency: int = 32
) -> list[Task]:
    """Create one task per entry of `providers` at the simulator; the store rows that record them."""
    gate = asyncio.Semaphore(concurrency)

    async def one(provider_id: str) -> Task:
        spec, duration, resolution = default_preset(provider_id)
        request = GenerationRequest(spec, prompt, image=IMAGE_URL, duration=duration, resolution=resolution)
        provider = build_provider(provider_id, client=client, key=BENCH_KEY, base_url=api_url)
        async with gate:
            remote_id = await provider.submit(SubmitPayload(request, image_url=IMAGE_URL))
        return Task(
            id=uuid.uuid4().hex,
            provider=provider_id,
            model=spec.model,
            kind=spec.kind,
            prompt=prompt,
            mode=spec.mode,
            duration=duration,
            resolution=resolution,
            image_url=IMAGE_URL,
            base_url=api_url,
            state=TaskState.RUNNING,
            remote_id=remote_id,
            submit_started_at=now,
            submitted_at=now,
        )

    return list(await asyncio.gather(*(one(p) for p in providers)))


DONE_AT_ONCE_PROMPT = "a finished clip {{sim:queue=0;run=0}}"


def finished_result_url(api_url: str, provider_id: str = "kie") -> str:
    """The result URL of a task the simulator finishes at once (created and polled through the adapter)."""

    async def create_and_poll() -> str:
        async with httpx.AsyncClient(timeout=30) as client:
            (task,) = await submit_running(client, api_url, [provider_id], DONE_AT_ONCE_PROMPT, 0.0)
            spec, _, _ = default_preset(provider_id)
            provider = build_provider(provider_id, client=client, key=BENCH_KEY, base_url=api_url)
            status = await provider.poll(spec, task.remote_id)
            if not status.video_url:
                raise RuntimeError(f"the simulator's task is {status.raw_state}, not finished")
            return status.video_url

    return asyncio.run(create_and_poll())
