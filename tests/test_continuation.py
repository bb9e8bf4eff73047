"""What a continued shot inherits from its parent, and what it must not."""

from __future__ import annotations

import hashlib

import pytest
from PIL import Image

from hailuo_desktop.domain.states import TaskState
from hailuo_desktop.domain.task import Task
from hailuo_desktop.engine import build_engine
from hailuo_desktop.services.continuation import (
    Overrides,
    continuation_request,
    continue_shot,
)
from hailuo_desktop.services.home import DataPaths
from hailuo_desktop.services.secrets import KeyStore
from hailuo_desktop.services.settings import Settings
from tests.fixtures.sim import loopback_client

pytestmark = pytest.mark.anyio


def parent(**fields) -> Task:
    values = {
        "id": "p" * 32,
        "provider": "apixo",
        "model": "hailuo-2-3-fast",
        "mode": "standard-image-to-video",
        "kind": "i2v",
        "prompt": "first",
        "duration": 10,
        "state": TaskState.SUCCEEDED,
        "base_url": "http://127.0.0.1:9",
        "upload_route": "kie_upload",
    }
    return Task(**(values | fields))


@pytest.fixture
def still(tmp_path):
    path = tmp_path / "still.png"
    Image.new("RGB", (448, 320), (1, 2, 3)).save(path)
    return path


def test_the_parents_choices_are_kept(still):
    request = continuation_request(parent(), "next", still)
    assert (request.spec.provider, request.spec.model, request.spec.mode) == (
        "apixo",
        "hailuo-2-3-fast",
        "standard-image-to-video",
    )
    assert (request.duration, request.image, request.prompt) == (10, str(still), "next")


def test_a_text_parent_continues_with_its_image_twin(still):
    request = continuation_request(
        parent(model="hailuo-2-3", mode="pro-text-to-video", kind="t2v", duration=None), "next", still
    )
    assert (request.spec.mode, request.spec.kind, request.spec.tier) == ("pro-image-to-video", "i2v", "pro")


def test_overrides_win_and_unfit_settings_fall_back(still):
    request = continuation_request(
        parent(provider="kie", model="hailuo/02-image-to-video-standard", mode=None, duration=10, resolution="768P"),
        "next",
        still,
        Overrides(model="hailuo/2-3-image-to-video-standard", resolution="1080p", duration=6),
    )
    assert (request.spec.model, request.duration, request.resolution) == (
        "hailuo/2-3-image-to-video-standard",
        6,
        "1080P",
    )
    other = continuation_request(parent(), "next", still, Overrides(provider="minimax"))
    assert other.spec.provider == "minimax" and other.spec.model == "MiniMax-Hailuo-2.3-Fast"  # its default preset


async def test_stored_with_lineage_and_the_images_hash_and_nothing_sent(tmp_path, still):
    """Through the real composition root; nothing is started, so nothing leaves."""
    paths = DataPaths.at(tmp_path / "home")
    async with loopback_client() as client:
        engine = build_engine(paths, Settings(), KeyStore(env={}), client)
        try:
            same = continue_shot(engine.runner, parent(), "next", still)
            moved = continue_shot(engine.runner, parent(), "next", still, Overrides(provider="minimax"))
            stored = engine.store.get(same.id), engine.store.get(moved.id)
        finally:
            await engine.close()
    digest = hashlib.sha256(still.read_bytes()).hexdigest()
    assert all(t.parent_id == "p" * 32 and t.image_sha256 == digest and t.state is TaskState.QUEUED for t in stored)
    assert (stored[0].base_url, stored[0].upload_route) == ("http://127.0.0.1:9", "kie_upload")
    # another provider's key must never travel to the parent's host, nor by its upload route
    assert stored[1].base_url is None and stored[1].upload_route != "kie_upload"
