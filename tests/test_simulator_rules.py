"""The simulator's model tables (simulator/models.py, rules.py, prices.py, written from
shared/providers.md) and the app's catalog (domain/catalog.py) are two readings of the same
docs, kept apart on purpose. They must agree; when they do not, one of them misread the
docs: check providers.md, fix the wrong one, and say so in the commit. Never make one side
pass by copying the other."""

from __future__ import annotations

import pytest

from hailuo_desktop.domain import catalog
from hailuo_desktop.simulator.models import find, model_ids
from hailuo_desktop.simulator.prices import SIMULATOR_UNPRICED
from hailuo_desktop.simulator.rules import Rule, effective_duration, effective_resolution, problems, rule_for


def _id(spec: catalog.ModelSpec) -> str:
    return "-".join(str(part) for part in spec.key)


@pytest.mark.parametrize("spec", catalog.MODELS, ids=_id)
def test_the_catalog_and_the_documented_rules_agree(spec):
    rule = rule_for(spec.provider, spec.model, spec.mode)
    assert rule is not None, "the simulator's docs list no such model"
    # A first frame is what 512P and an end frame need (MiniMax): a text model offers neither.
    resolutions = {r for r in rule.resolutions if spec.needs_image or r != "512P"}
    assert set(spec.durations) == set(rule.durations)
    assert set(spec.resolutions) == resolutions
    assert spec.fixed_duration == (rule.fixed_duration if not rule.durations else None)
    assert set(spec.forbidden) == set(rule.not_together)
    assert rule.prompt_max in (None, spec.prompt_max)
    assert rule.image in (None, spec.needs_image)
    assert spec.end_frame == (rule.end_frame and spec.needs_image)
    if rule.default_duration is not None:  # APIXO requires a duration: there the app picks its own default
        assert spec.default_duration == rule.default_duration
    if rule.resolutions:
        assert spec.default_resolution == rule.default_resolution
    else:
        assert spec.fixed_resolution == rule.fixed_resolution


@pytest.mark.parametrize("spec", catalog.MODELS, ids=_id)
def test_the_catalog_and_the_simulator_agree_on_family_tier_and_price(spec):
    model = find(spec.provider, spec.model, spec.mode)
    assert model is not None, "the simulator offers no such model"
    assert (model.family, model.tier) == (spec.family, spec.tier)
    for duration in spec.durations or (spec.effective_duration(None),):
        for resolution in spec.resolutions or (spec.effective_resolution(None),):
            if (duration, resolution) in spec.forbidden:
                continue
            app = spec.cost(duration, resolution)
            simulated = model.cost(
                effective_duration(model.rule, duration), effective_resolution(model.rule, resolution)
            )
            # Where the catalog knows no price the simulator charges its labelled simulator value.
            assert simulated == (SIMULATOR_UNPRICED if app is None else pytest.approx(app)), (duration, resolution)


@pytest.mark.parametrize("provider", sorted(catalog.PROVIDERS))
def test_the_catalog_and_the_simulator_know_the_same_model_ids(provider):
    assert sorted(model_ids(provider)) == sorted({m.model for m in catalog.models_for(provider)})


def test_the_simulator_refuses_by_its_own_rules():
    rule = Rule(True, 100, (6, 10), 6, None, ("768P", "1080P"), "768P", ((10, "1080P"),))
    assert problems(rule, "p", "https://x/a.png", None, 6, "768P") == []
    found = problems(rule, "x" * 101, None, "https://x/b.png", 8, "720P")
    assert found == [
        "prompt is longer than 100 characters",
        "an image is required for this model",
        "this model takes no end frame",
        "duration must be 6 or 10, not 8",
        "resolution 720P is not available for this model; use 768P or 1080P",
    ]
    assert problems(rule, "p", "https://x/a.png", None, 10, "1080P") == ["10 s is not available at 1080P"]
    either = Rule(None, 100, (6, 10), 6, None, ("768P",), "768P", end_frame=True)
    assert problems(either, "p", None, "https://x/b.png", 6, "768P") == ["an end frame needs a first-frame image"]
    assert problems(either, "p", "https://x/a.png", "https://x/b.png", 6, "768P") == []


def test_the_simulator_knows_no_model_the_docs_do_not_list():
    assert find("kie", "hailuo/9-9-image-to-video-standard") is None
    assert find("apixo", "hailuo-2-3-fast", "standard-text-to-video") is None  # providers.md 2.2
    assert find("apiinone", "hailuo/02-image-to-video-standard") is None  # providers.md 3.1: 2.3 only
