"""The catalog: every provider x model x mode with its limits, prices and poll schedule.

One data table, easy to update: prices, enums and limits move, so they live here and
nowhere else. Facts come from shared/providers.md; a trailing `# [S]` or `# [I]` marks a
figure that is secondary or inferred there, to be checked against the live docs.
"""

from __future__ import annotations

from .catalog_models import apiinone_models, apixo_models, market_models, minimax_models
from .catalog_types import MB, ImageRules, ModelSpec, PollSchedule, Price, ProviderSpec

__all__ = ["MB", "ImageRules", "ModelSpec", "PollSchedule", "Price", "ProviderSpec"]

# --- image rules -------------------------------------------------------------------
APIXO_IMAGES = ImageRules(frozenset({"JPEG", "PNG"}), 20 * MB, max_bytes_inclusive=True)
MARKET_IMAGES = ImageRules(frozenset({"JPEG", "PNG", "WEBP"}), 10 * MB, max_bytes_inclusive=True)
# API in One documents no limits; it sells kie's ids, so kie's limits are the safe bet. [I]
APIINONE_IMAGES = MARKET_IMAGES
MINIMAX_IMAGES = ImageRules(frozenset({"JPEG", "PNG", "WEBP"}), 20 * MB, max_bytes_inclusive=False)

# --- poll schedules ----------------------------------------------------------------
APIXO_POLL = PollSchedule(first_delay=30, steps=((0, 10),), give_up_after=30 * 60)  # give-up [I]
# providers.md 1.2 [V]: "every 2-3 s for the first 30 s; then every 5-10 s; after 2 min, every 15-30 s;
# stop after 10-15 min". The cadence keeps inside each range; the ranges' lower ends are the floor.
MARKET_POLL = PollSchedule(
    first_delay=2.5,
    steps=((0, 2.5), (30, 7.5), (120, 20)),
    give_up_after=15 * 60,
    floor_steps=((0, 2), (30, 5), (120, 15)),
)
APIINONE_POLL = PollSchedule(first_delay=5, steps=((0, 5), (60, 10)), give_up_after=20 * 60)  # [I]
MINIMAX_POLL = PollSchedule(first_delay=10, steps=((0, 10),), give_up_after=30 * 60)  # [I]

PROVIDERS: dict[str, ProviderSpec] = {
    spec.id: spec
    for spec in (
        ProviderSpec(
            "apixo",
            "APIXO",
            "https://api.apixo.ai",
            "APIXO_API_KEY",
            APIXO_IMAGES,
            APIXO_POLL,
            balance_unit="usd",
            top_up_url="https://apixo.ai",
        ),
        ProviderSpec(
            "kie",
            "kie.ai",
            "https://api.kie.ai",
            "KIE_API_KEY",
            MARKET_IMAGES,
            MARKET_POLL,
            upload_base_url="https://kieai.redpandaai.co",
            balance_unit="credits",
            top_up_url="https://kie.ai",
        ),
        ProviderSpec(
            "apikley",
            "Apikley",
            "https://api.apikley.ru",
            "APIKLEY_API_KEY",
            MARKET_IMAGES,
            MARKET_POLL,
            upload_base_url="https://api.apikley.ru/file-upload",
            balance_unit="credits",
            top_up_url="https://app.apikley.ru",
        ),
        ProviderSpec(
            "apiinone",
            "API in One",
            "https://apiin.one",
            "APIINONE_API_KEY",
            APIINONE_IMAGES,
            APIINONE_POLL,
            key_hint="aio_…",
            top_up_url="https://apiin.one",
        ),
        ProviderSpec(
            "minimax",
            "MiniMax",
            "https://api.minimax.io",
            "MINIMAX_API_KEY",
            MINIMAX_IMAGES,
            MINIMAX_POLL,
            accepts_data_url=True,
            top_up_url="https://platform.minimax.io",
        ),
    )
}


MODELS: tuple[ModelSpec, ...] = tuple(
    apixo_models()
    + market_models("kie", priced=True)
    + market_models("apikley", priced=False)
    + apiinone_models()
    + minimax_models()
)

# The cheapest image-to-video preset of each provider: (model, mode, duration, resolution).
DEFAULT_PRESETS: dict[str, tuple[str, str | None, int, str | None]] = {
    "apixo": ("hailuo-2-3-fast", "standard-image-to-video", 6, None),
    "kie": ("hailuo/02-image-to-video-standard", None, 6, "512P"),
    "apikley": ("hailuo/02-image-to-video-standard", None, 6, "512P"),
    "apiinone": ("hailuo/2-3-image-to-video-standard", None, 6, "768P"),
    "minimax": ("MiniMax-Hailuo-2.3-Fast", None, 6, "768P"),
}


# What a provider does with the money of a task that was created and then failed:
# (policy, source). "charged", "refunded" or "unknown" where the docs say nothing.
FAILED_TASK_CHARGES: dict[str, tuple[str, str]] = {
    "kie": (
        "refunded",
        (
            "providers.md 1.3: kie's failure callback example carries consumeCredits 0 "
            "[S: a third-party copy of kie's docs]"
        ),
    ),
    "apikley": (
        "refunded",
        ("providers.md 1: Apikley resells kie's API; kie's failure callback example carries consumeCredits 0 [S]"),
    ),
    "apixo": ("unknown", "providers.md 2: APIXO's docs say nothing about failed tasks and billing"),
    "apiinone": ("unknown", "providers.md 3: API in One's docs say nothing about failed tasks and billing"),
    "minimax": ("unknown", "providers.md 4: MiniMax's docs say nothing about failed tasks and billing"),
}

# Hosts a provider runs per region; keys are issued per region and work only on their host.
# MiniMax: api.minimax.io (global), api.minimaxi.com (mainland China) [V].
REGION_BASE_URLS: dict[str, dict[str, str]] = {
    "minimax": {"global": "https://api.minimax.io", "china": "https://api.minimaxi.com"},
}


def base_url_for(provider_id: str, region: str | None = None) -> str:
    """The provider's API origin for a region (its default host when it has no regions)."""
    return REGION_BASE_URLS.get(provider_id, {}).get(region or "", provider(provider_id).base_url)


class CatalogError(LookupError):
    pass


def provider(provider_id: str) -> ProviderSpec:
    try:
        return PROVIDERS[provider_id]
    except KeyError:
        raise CatalogError(f"unknown provider {provider_id!r}; choose one of {', '.join(PROVIDERS)}") from None


def models_for(provider_id: str) -> list[ModelSpec]:
    provider(provider_id)
    return [m for m in MODELS if m.provider == provider_id]


def find_model(
    provider_id: str, model: str | None = None, mode: str | None = None, kind: str | None = None
) -> ModelSpec:
    """The catalog entry for a provider, native model id, APIXO mode and kind.

    With no model, the provider's default preset. With a model but no mode/kind, the
    image-to-video entry is preferred.
    """
    if model is None:
        model, preset_mode, _, _ = DEFAULT_PRESETS[provider(provider_id).id]
        mode = mode or preset_mode
    candidates = [m for m in models_for(provider_id) if m.model == model]
    if not candidates:
        names = sorted({m.model for m in models_for(provider_id)})
        raise CatalogError(f"{provider_id} has no model {model!r}; choose one of {', '.join(names)}")
    if mode is not None:
        candidates = [m for m in candidates if m.mode == mode]
        if not candidates:
            modes = sorted({m.mode for m in models_for(provider_id) if m.model == model and m.mode})
            raise CatalogError(f"{model} has no mode {mode!r}; choose one of {', '.join(modes) or 'none'}")
    if kind is not None:
        candidates = [m for m in candidates if m.kind == kind] or candidates
    candidates.sort(key=lambda m: (m.kind != "i2v", m.tier != "standard"))
    return candidates[0]


def default_preset(provider_id: str) -> tuple[ModelSpec, int, str | None]:
    model, mode, duration, resolution = DEFAULT_PRESETS[provider(provider_id).id]
    return find_model(provider_id, model, mode), duration, resolution
