"""The simulator's request rules (simulator/rules.py, written from shared/providers.md) and
the app's catalog (domain/catalog.py) are two readings of the same docs, kept apart on
purpose. They must agree; when they do not, one of them misread the docs: check
providers.md, fix the wrong one, and say so in the commit."""

from __future__ import annotations

import pytest

from hailuo_desktop.domain import catalog
from hailuo_desktop.simulator.rules import Rule, problems, rule_for


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


def test_the_simulator_refuses_by_its_own_rules():
    rule = Rule(True, 100, (6, 10), 6, None, ("768P", "1080P"), "768P", ((10, "1080P"),))
    assert problems(rule, "p", "https://x/a.png", None, 6, "768P") == []
    found = problems(rule, "x" * 101, None, "https://x/b.png", 8, "720P")
    assert found == ["prompt is longer than 100 characters", "an image is required for this model",
                     "this model takes no end frame", "duration must be 6 or 10, not 8",
                     "resolution 720P is not available for this model; use 768P or 1080P"]
    assert problems(rule, "p", "https://x/a.png", None, 10, "1080P") == ["10 s is not available at 1080P"]
