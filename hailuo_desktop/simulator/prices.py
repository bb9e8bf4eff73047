"""What a simulated task takes off the account balance, written from shared/providers.md.

Units follow each service's balance: kie, Apikley and API in One count credits, APIXO
dollars; MiniMax's balance is simulated in its own units. Where the docs give no price,
the simulator charges SIMULATOR_UNPRICED: a simulator value, not a provider fact.
"""

from __future__ import annotations

# SIMULATOR VALUE: the docs give no price (Apikley's, APIXO hailuo-2-3's, kie's pro 02
# models', MiniMax's), so such tasks are free here and never drain a balance.
SIMULATOR_UNPRICED = 0.0

# kie.ai credits, providers.md 1.4 "Credit costs" [S]: (model, seconds, resolution) -> credits.
_KIE_CREDITS: dict[tuple[str, int, str | None], float] = {
    ("hailuo/2-3-image-to-video-standard", 6, "768P"): 30.0,
    ("hailuo/2-3-image-to-video-standard", 6, "1080P"): 50.0,
    ("hailuo/2-3-image-to-video-standard", 10, "768P"): 50.0,
    ("hailuo/2-3-image-to-video-pro", 6, "768P"): 45.0,
    ("hailuo/2-3-image-to-video-pro", 6, "1080P"): 80.0,
    ("hailuo/2-3-image-to-video-pro", 10, "768P"): 90.0,
    ("hailuo/02-image-to-video-standard", 6, "512P"): 12.0,
    ("hailuo/02-image-to-video-standard", 10, "512P"): 20.0,
    ("hailuo/02-image-to-video-standard", 6, "768P"): 30.0,
    ("hailuo/02-image-to-video-standard", 10, "768P"): 50.0,
    ("hailuo/02-text-to-video-standard", 6, None): 30.0,
    ("hailuo/02-text-to-video-standard", 10, None): 50.0,
}

# API in One credits, providers.md 3.3 [V-seed]: standard 30 (6 s 768P), 45 (10 s or 1080P).
# Pro is given only as "45-85 credits": SIMULATOR VALUE, the low end for the cheapest
# setting (6 s 768P) and the high end for the others.
_APIINONE_CREDITS: dict[tuple[str, int, str | None], float] = {
    ("hailuo/2-3-image-to-video-standard", 6, "768P"): 30.0,
    ("hailuo/2-3-image-to-video-standard", 10, "768P"): 45.0,
    ("hailuo/2-3-image-to-video-standard", 6, "1080P"): 45.0,
    ("hailuo/2-3-image-to-video-pro", 6, "768P"): 45.0,
    ("hailuo/2-3-image-to-video-pro", 10, "768P"): 85.0,
    ("hailuo/2-3-image-to-video-pro", 6, "1080P"): 85.0,
}

# APIXO dollars, providers.md 2.2 "Pricing" [V-seed]: hailuo-2-3-fast standard $0.032 per
# output second, pro $0.33 per task. hailuo-2-3 prices were not found.
APIXO_FAST_STANDARD_USD_PER_SECOND = 0.032
APIXO_FAST_PRO_USD_PER_TASK = 0.33


def cost_of(provider: str, model: str, mode: str | None, duration: int, resolution: str | None) -> float:
    """What one task with these settings costs on the simulated account."""
    if provider == "kie":
        return _KIE_CREDITS.get((model, duration, resolution), SIMULATOR_UNPRICED)
    if provider == "apiinone":
        return _APIINONE_CREDITS.get((model, duration, resolution), SIMULATOR_UNPRICED)
    if provider == "apixo" and model == "hailuo-2-3-fast":
        if mode == "pro-image-to-video":
            return APIXO_FAST_PRO_USD_PER_TASK
        return round(APIXO_FAST_STANDARD_USD_PER_SECOND * duration, 4)
    return SIMULATOR_UNPRICED
