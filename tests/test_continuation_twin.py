"""A take made from text continues with its image twin, whether the provider names the two
kinds with one model id (MiniMax, APIXO) or with two (kie.ai, Apikley)."""

from __future__ import annotations

import pytest

from hailuo_desktop.domain.catalog import find_model
from hailuo_desktop.domain.request import request_problems
from hailuo_desktop.services.continuation import continuation_request
from tests.fixtures.services import make_task


@pytest.mark.parametrize(
    ("provider", "text_model", "mode", "image_model"),
    [
        ("kie", "hailuo/02-text-to-video-standard", None, "hailuo/02-image-to-video-standard"),
        ("kie", "hailuo/02-text-to-video-pro", None, "hailuo/02-image-to-video-pro"),
        ("apikley", "hailuo/02-text-to-video-standard", None, "hailuo/02-image-to-video-standard"),
        ("minimax", "MiniMax-Hailuo-02", None, "MiniMax-Hailuo-02"),
        ("apixo", "hailuo-2-3", "standard-text-to-video", "hailuo-2-3"),
    ],
)
def test_a_text_take_continues_with_the_image_model_of_its_family_and_tier(provider, text_model, mode, image_model):
    spec = find_model(provider, text_model, mode, kind="t2v")
    parent = make_task(provider=provider, model=text_model, mode=mode, kind="t2v", duration=6)
    request = continuation_request(parent, "the next clip", "/stills/last.png")
    assert (request.spec.model, request.spec.kind, request.spec.tier) == (image_model, "i2v", spec.tier)
    assert request_problems(request) == []  # an image model that takes the still
