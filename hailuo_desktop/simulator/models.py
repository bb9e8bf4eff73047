"""The models each simulated service offers, written from shared/providers.md (sections
cited per table), never imported from the app's catalog (domain/catalog.py).

A model is its provider's native id (plus APIXO's `input.mode`), the request rule the docs
give it (rules.py), what it costs (prices.py) and the family and tier that set how long it
takes (timing.py). The app's catalog is a second, independent reading of the same docs:
tests/test_simulator_rules.py compares the two, so a misread fact on either side fails a
test instead of being confirmed by its own copy.
"""

from __future__ import annotations

from dataclasses import dataclass

from .prices import cost_of
from .rules import Rule, rule_for


@dataclass(frozen=True)
class SimModel:
    provider: str
    model: str  # the provider's native id
    mode: str | None  # APIXO's input.mode; None elsewhere
    family: str  # "2.3-fast", "2.3" or "02": sets the simulated generation time
    tier: str  # "standard" or "pro"
    rule: Rule

    def cost(self, duration: int, resolution: str | None) -> float:
        return cost_of(self.provider, self.model, self.mode, duration, resolution)


# Model ids per provider, with their family and tier.
# kie.ai and Apikley: providers.md 1.4 (Apikley mirrors kie's ids, section 1).
_MARKET_IDS = {
    "hailuo/2-3-image-to-video-standard": ("2.3", "standard"),
    "hailuo/2-3-image-to-video-pro": ("2.3", "pro"),
    "hailuo/02-image-to-video-standard": ("02", "standard"),
    "hailuo/02-image-to-video-pro": ("02", "pro"),
    "hailuo/02-text-to-video-standard": ("02", "standard"),
    "hailuo/02-text-to-video-pro": ("02", "pro"),
}
# APIXO: providers.md 2.2; the mode names the tier ("standard-…" / "pro-…").
_APIXO_MODES = {
    "hailuo-2-3-fast": ("2.3-fast", ("standard-image-to-video", "pro-image-to-video")),
    "hailuo-2-3": (
        "2.3",
        ("standard-text-to-video", "standard-image-to-video", "pro-text-to-video", "pro-image-to-video"),
    ),
}
# API in One: providers.md 3.1 (kie's two 2.3 image-to-video ids).
_APIINONE_IDS = {
    "hailuo/2-3-image-to-video-standard": ("2.3", "standard"),
    "hailuo/2-3-image-to-video-pro": ("2.3", "pro"),
}
# MiniMax: providers.md 4 "Models" (the legacy I2V-01/T2V-01 family is not simulated).
_MINIMAX_IDS = {
    "MiniMax-Hailuo-2.3": ("2.3", "standard"),
    "MiniMax-Hailuo-2.3-Fast": ("2.3-fast", "standard"),
    "MiniMax-Hailuo-02": ("02", "standard"),
}


def _ids(provider: str) -> dict[str, tuple[str, str]]:
    if provider in ("kie", "apikley"):
        return _MARKET_IDS
    if provider == "apiinone":
        return _APIINONE_IDS
    if provider == "minimax":
        return _MINIMAX_IDS
    return {}


def model_ids(provider: str) -> list[str]:
    """The native model ids this simulated service knows."""
    return list(_APIXO_MODES if provider == "apixo" else _ids(provider))


def apixo_modes(model: str) -> tuple[str, ...]:
    return _APIXO_MODES.get(model, ("", ()))[1]


def find(provider: str, model: str | None, mode: str | None = None) -> SimModel | None:
    """The simulated model for this id (and APIXO mode); None when the service has no such model."""
    if provider == "apixo":
        if mode is None or mode not in apixo_modes(model or ""):
            return None
        family, tier = _APIXO_MODES[model or ""][0], mode.split("-", 1)[0]
    else:
        if model not in _ids(provider):
            return None
        family, tier = _ids(provider)[model]
    rule = rule_for(provider, model or "", mode)
    return SimModel(provider, model or "", mode, family, tier, rule) if rule is not None else None
