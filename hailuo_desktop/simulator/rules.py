"""What each simulated service accepts in a create request, written from the providers' docs
(shared/providers.md, sections cited per table), not from the app's catalog.

The app checks requests against domain/catalog.py before sending; if the simulator asked
the catalog too, a wrong fact there would be confirmed by its own copy. With its own table,
the simulator refuses what the docs say the provider refuses, and a catalog that drifted
from the docs fails the loopback tests.
"""

from __future__ import annotations

from dataclasses import dataclass

R23 = ("768P", "1080P")


@dataclass(frozen=True)
class Rule:
    image: bool  # a first-frame image is required (True) or refused (False); None: optional
    prompt_max: int | None  # None: the docs give no limit
    durations: tuple[int, ...] = ()  # accepted; () when the mode fixes the length (a sent one is ignored)
    default_duration: int | None = None
    fixed_duration: int | None = None  # the length the service makes when none can be chosen
    resolutions: tuple[str, ...] = ()  # accepted (uppercase, capital P); () when none can be sent
    default_resolution: str | None = None
    not_together: tuple[tuple[int, str], ...] = ()  # (duration, resolution) pairs refused
    end_frame: bool = False
    fixed_resolution: str | None = None  # what the mode renders at when no resolution can be sent


_IMAGE_OPTIONAL: bool | None = None

# kie.ai and Apikley, providers.md 1.4 (Apikley mirrors kie's ids and parameters).
_MARKET = {
    "hailuo/2-3-image-to-video-standard": Rule(True, 5000, (6, 10), 6, None, R23, "768P", ((10, "1080P"),)),
    "hailuo/2-3-image-to-video-pro": Rule(True, 5000, (6, 10), 6, None, R23, "1080P", ((10, "1080P"),)),
    "hailuo/02-image-to-video-standard": Rule(True, 1500, (6, 10), 10, None, ("512P", "768P"), "768P", end_frame=True),
    "hailuo/02-image-to-video-pro": Rule(True, 1500, fixed_duration=6, end_frame=True, fixed_resolution="1080P"),
    "hailuo/02-text-to-video-standard": Rule(False, 1500, (6, 10), 6),
    "hailuo/02-text-to-video-pro": Rule(False, 1500, fixed_duration=6, fixed_resolution="1080P"),
}

# APIXO, providers.md 2.2: the mode fixes the resolution; pro modes ignore the duration.
_APIXO = {
    ("hailuo-2-3-fast", "standard-image-to-video"): Rule(True, None, (6, 10), fixed_resolution="768P"),
    ("hailuo-2-3-fast", "pro-image-to-video"): Rule(True, None, fixed_duration=6, fixed_resolution="1080P"),
    ("hailuo-2-3", "standard-text-to-video"): Rule(False, None, (6, 10), fixed_resolution="768P"),
    ("hailuo-2-3", "standard-image-to-video"): Rule(True, None, (6, 10), fixed_resolution="768P"),
    ("hailuo-2-3", "pro-text-to-video"): Rule(False, None, fixed_duration=5, fixed_resolution="1080P"),
    ("hailuo-2-3", "pro-image-to-video"): Rule(True, None, fixed_duration=5, fixed_resolution="1080P"),
}

# API in One, providers.md 3.1: kie's 2.3 image-to-video ids, "image" one URL, 2500 characters.
_APIINONE = {
    "hailuo/2-3-image-to-video-standard": Rule(True, 2500, (6, 10), 6, None, R23, "768P", ((10, "1080P"),)),
    "hailuo/2-3-image-to-video-pro": Rule(True, 2500, (6, 10), 6, None, R23, "768P", ((10, "1080P"),)),
}

# MiniMax, providers.md 4: 2000 characters; 1080P is 6 s only; 512P is 02's, with a first frame.
_MINIMAX = {
    "MiniMax-Hailuo-2.3": Rule(_IMAGE_OPTIONAL, 2000, (6, 10), 6, None, R23, "768P", ((10, "1080P"),)),
    "MiniMax-Hailuo-2.3-Fast": Rule(True, 2000, (6, 10), 6, None, R23, "768P", ((10, "1080P"),)),
    "MiniMax-Hailuo-02": Rule(
        _IMAGE_OPTIONAL, 2000, (6, 10), 6, None, ("512P",) + R23, "768P", ((10, "1080P"),), end_frame=True
    ),
}


def rule_for(provider: str, model: str, mode: str | None) -> Rule | None:
    """The documented rule for this model (and APIXO mode); None when the docs list no such model."""
    if provider in ("kie", "apikley"):
        return _MARKET.get(model)
    if provider == "apixo":
        return _APIXO.get((model, mode or ""))
    if provider == "apiinone":
        return _APIINONE.get(model)
    if provider == "minimax":
        return _MINIMAX.get(model)
    return None


def problems(
    rule: Rule, prompt: str, image: str | None, end_image: str | None, duration: int | None, resolution: str | None
) -> list[str]:
    """Everything the service would refuse in this request, in the words of a validation error."""
    found = []
    if rule.prompt_max is not None and len(prompt) > rule.prompt_max:
        found.append(f"prompt is longer than {rule.prompt_max} characters")
    if rule.image is True and not image:
        found.append("an image is required for this model")
    if rule.image is False and image:
        found.append("this model is text-to-video and takes no image")
    if end_image and not rule.end_frame:
        found.append("this model takes no end frame")
    elif end_image and not image:  # providers.md 4: last_frame_image goes "together with first_frame_image"
        found.append("an end frame needs a first-frame image")
    if duration is not None and rule.durations and duration not in rule.durations:
        found.append(f"duration must be {' or '.join(map(str, rule.durations))}, not {duration}")
    if resolution is not None and rule.resolutions and resolution not in rule.resolutions:
        found.append(f"resolution {resolution} is not available for this model; use {' or '.join(rule.resolutions)}")
    if resolution == "512P" and not image:
        found.append("512P needs a first-frame image")
    pair = (effective_duration(rule, duration), effective_resolution(rule, resolution) or "")
    if pair in rule.not_together:
        found.append(f"{pair[0]} s is not available at {pair[1]}")
    return found


def effective_duration(rule: Rule, duration: int | None) -> int:
    if not rule.durations:
        return rule.fixed_duration or 6
    return duration if duration is not None else (rule.default_duration or rule.durations[0])


def effective_resolution(rule: Rule, resolution: str | None) -> str | None:
    if not rule.resolutions:
        return rule.fixed_resolution
    return resolution if resolution is not None else rule.default_resolution
