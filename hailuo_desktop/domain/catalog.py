"""The catalog: every provider x model x mode with its limits, prices and poll schedule.

One data table, easy to update: prices, enums and limits move, so they live here and
nowhere else. Facts come from shared/providers.md; a trailing `# [S]` or `# [I]` marks a
figure that is secondary or inferred there, to be checked against the live docs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

MB = 1024 * 1024


@dataclass(frozen=True)
class ImageRules:
    """What a provider accepts as an input image."""

    formats: frozenset[str]  # Pillow format names: JPEG, PNG, WEBP
    max_bytes: int
    max_bytes_inclusive: bool  # "at most 20 MB" vs "under 20 MB"
    min_short_side: int = 300  # the short side must be strictly greater
    min_ratio: float = 2 / 5  # width / height strictly between these
    max_ratio: float = 5 / 2


@dataclass(frozen=True)
class PollSchedule:
    """A provider's documented polling cadence.

    `steps` is a tuple of (from_elapsed_seconds, interval_seconds), ascending.
    """

    first_delay: float
    steps: tuple[tuple[float, float], ...]
    give_up_after: float

    def interval_at(self, elapsed: float) -> float:
        interval = self.steps[0][1]
        for start, step_interval in self.steps:
            if elapsed >= start:
                interval = step_interval
        return interval


@dataclass(frozen=True)
class Price:
    """What one clip costs. `unit` is "usd" or "credits"."""

    unit: str
    per_second: float | None = None
    per_task: float | None = None
    # (duration_seconds, resolution) -> amount; resolution None for resolution-less models
    table: tuple[tuple[tuple[int, str | None], float], ...] = ()
    approximate: bool = False

    def cost(self, duration: int, resolution: str | None) -> float | None:
        if self.per_task is not None:
            return self.per_task
        if self.per_second is not None:
            return round(self.per_second * duration, 4)
        return dict(self.table).get((duration, resolution))


@dataclass(frozen=True)
class ProviderSpec:
    id: str
    name: str
    base_url: str
    env_var: str
    image_rules: ImageRules
    poll: PollSchedule
    upload_base_url: str | None = None  # a file-upload API of its own
    accepts_data_url: bool = False  # the generation call takes a base64 data: URL
    balance_unit: str | None = None  # "usd" / "credits" where a balance endpoint exists
    key_hint: str = ""
    top_up_url: str = ""


@dataclass(frozen=True)
class ModelSpec:
    """One thing a provider can be asked to generate."""

    provider: str
    model: str  # the provider's native model id
    label: str
    family: str  # "2.3", "2.3-fast", "02"
    tier: str  # "standard" / "pro"
    kind: str  # "i2v" / "t2v"
    prompt_max: int
    durations: tuple[int, ...]  # choosable; empty when fixed
    resolutions: tuple[str, ...]  # choosable; empty when fixed or implied
    mode: str | None = None  # APIXO's input.mode
    fixed_duration: int | None = None
    fixed_resolution: str | None = None
    default_duration: int | None = None
    default_resolution: str | None = None
    forbidden: tuple[tuple[int, str], ...] = ()  # (duration, resolution) pairs refused
    end_frame: bool = False
    # Resolutions at which the model refuses an end frame (MiniMax answers 2013 for 02 at 512P).
    no_end_frame_at: tuple[str, ...] = ()
    prompt_optimizer: bool = False
    price: Price | None = None

    @property
    def key(self) -> tuple[str, str, str | None, str]:
        return (self.provider, self.model, self.mode, self.kind)

    @property
    def needs_image(self) -> bool:
        return self.kind == "i2v"

    def effective_duration(self, duration: int | None) -> int:
        if self.fixed_duration is not None:
            return self.fixed_duration
        return duration if duration is not None else (self.default_duration or self.durations[0])

    def effective_resolution(self, resolution: str | None) -> str | None:
        if self.fixed_resolution is not None:
            return self.fixed_resolution
        if not self.resolutions:
            return None
        return resolution if resolution is not None else (self.default_resolution or self.resolutions[0])

    def cost(self, duration: int | None, resolution: str | None) -> float | None:
        if self.price is None:
            return None
        return self.price.cost(self.effective_duration(duration), self.effective_resolution(resolution))


# --- image rules -------------------------------------------------------------------
APIXO_IMAGES = ImageRules(frozenset({"JPEG", "PNG"}), 20 * MB, max_bytes_inclusive=True)
MARKET_IMAGES = ImageRules(frozenset({"JPEG", "PNG", "WEBP"}), 10 * MB, max_bytes_inclusive=True)
# API in One documents no limits; it sells kie's ids, so kie's limits are the safe bet. [I]
APIINONE_IMAGES = MARKET_IMAGES
MINIMAX_IMAGES = ImageRules(frozenset({"JPEG", "PNG", "WEBP"}), 20 * MB, max_bytes_inclusive=False)

# --- poll schedules ----------------------------------------------------------------
APIXO_POLL = PollSchedule(first_delay=30, steps=((0, 10),), give_up_after=30 * 60)  # give-up [I]
MARKET_POLL = PollSchedule(first_delay=2.5, steps=((0, 2.5), (30, 7.5), (120, 20)), give_up_after=15 * 60)
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


def _credits(*rows: tuple[int, str | None, float], approximate: bool = False) -> Price:
    return Price("credits", table=tuple(((d, r), amount) for d, r, amount in rows), approximate=approximate)


def _market_models(provider: str, priced: bool) -> list[ModelSpec]:
    """kie.ai's Market models; Apikley resells the same ids (its prices are unknown)."""

    def price(p: Price) -> Price | None:
        return p if priced else None

    r23 = ("768P", "1080P")
    return [
        ModelSpec(
            provider,
            "hailuo/2-3-image-to-video-standard",
            "Hailuo 2.3 · Standard",
            "2.3",
            "standard",
            "i2v",
            5000,
            (6, 10),
            r23,
            default_duration=6,
            default_resolution="768P",
            forbidden=((10, "1080P"),),
            price=price(_credits((6, "768P", 30), (6, "1080P", 50), (10, "768P", 50))),
        ),  # prices [S]
        ModelSpec(
            provider,
            "hailuo/2-3-image-to-video-pro",
            "Hailuo 2.3 · Pro",
            "2.3",
            "pro",
            "i2v",
            5000,
            (6, 10),
            r23,
            default_duration=6,
            default_resolution="1080P",
            forbidden=((10, "1080P"),),
            price=price(_credits((6, "768P", 45), (6, "1080P", 80), (10, "768P", 90))),
        ),  # [S]
        ModelSpec(
            provider,
            "hailuo/02-image-to-video-standard",
            "Hailuo 02 · Standard",
            "02",
            "standard",
            "i2v",
            1500,
            (6, 10),
            ("512P", "768P"),
            default_duration=10,
            default_resolution="768P",
            end_frame=True,
            no_end_frame_at=("512P",),
            prompt_optimizer=True,
            price=price(_credits((6, "512P", 12), (10, "512P", 20), (6, "768P", 30), (10, "768P", 50))),
        ),
        ModelSpec(
            provider,
            "hailuo/02-image-to-video-pro",
            "Hailuo 02 · Pro",
            "02",
            "pro",
            "i2v",
            1500,
            (),
            (),
            fixed_duration=6,
            fixed_resolution="1080P",  # fixed output [S]
            end_frame=True,
            prompt_optimizer=True,
        ),
        ModelSpec(
            provider,
            "hailuo/02-text-to-video-standard",
            "Hailuo 02 · Standard (text)",
            "02",
            "standard",
            "t2v",
            1500,
            (6, 10),
            (),
            default_duration=6,
            prompt_optimizer=True,
            price=price(_credits((6, None, 30), (10, None, 50))),
        ),
        ModelSpec(
            provider,
            "hailuo/02-text-to-video-pro",
            "Hailuo 02 · Pro (text)",
            "02",
            "pro",
            "t2v",
            1500,
            (),
            (),
            fixed_duration=6,
            fixed_resolution="1080P",
            prompt_optimizer=True,
        ),
    ]


def _minimax_models() -> list[ModelSpec]:
    both = ("768P", "1080P")
    common: dict[str, Any] = dict(
        durations=(6, 10),
        default_duration=6,
        default_resolution="768P",
        forbidden=((10, "1080P"),),
        prompt_optimizer=True,
    )
    return [
        ModelSpec(
            "minimax", "MiniMax-Hailuo-2.3", "Hailuo 2.3", "2.3", "standard", "i2v", 2000, resolutions=both, **common
        ),
        ModelSpec(
            "minimax",
            "MiniMax-Hailuo-2.3",
            "Hailuo 2.3 (text)",
            "2.3",
            "standard",
            "t2v",
            2000,
            resolutions=both,
            **common,
        ),
        ModelSpec(
            "minimax",
            "MiniMax-Hailuo-2.3-Fast",
            "Hailuo 2.3 Fast",
            "2.3-fast",
            "standard",
            "i2v",
            2000,
            resolutions=both,
            **common,
        ),
        # 512P is Hailuo-02 only and needs a first frame.
        ModelSpec(
            "minimax",
            "MiniMax-Hailuo-02",
            "Hailuo 02",
            "02",
            "standard",
            "i2v",
            2000,
            resolutions=("512P", "768P", "1080P"),
            end_frame=True,
            no_end_frame_at=("512P",),
            **common,
        ),
        ModelSpec(
            "minimax",
            "MiniMax-Hailuo-02",
            "Hailuo 02 (text)",
            "02",
            "standard",
            "t2v",
            2000,
            resolutions=both,
            **common,
        ),
    ]


def _apixo_models() -> list[ModelSpec]:
    # APIXO documents no prompt limit; MiniMax's own 2000 is the safe bound. [I]
    return [
        ModelSpec(
            "apixo",
            "hailuo-2-3-fast",
            "Hailuo 2.3 Fast · Standard",
            "2.3-fast",
            "standard",
            "i2v",
            2000,
            (6, 10),
            (),
            mode="standard-image-to-video",
            fixed_resolution="768P",
            default_duration=6,
            price=Price("usd", per_second=0.032),
        ),
        ModelSpec(
            "apixo",
            "hailuo-2-3-fast",
            "Hailuo 2.3 Fast · Pro",
            "2.3-fast",
            "pro",
            "i2v",
            2000,
            (),
            (),
            mode="pro-image-to-video",
            fixed_duration=6,
            fixed_resolution="1080P",
            price=Price("usd", per_task=0.33),
        ),
        ModelSpec(
            "apixo",
            "hailuo-2-3",
            "Hailuo 2.3 · Standard",
            "2.3",
            "standard",
            "i2v",
            2000,
            (6, 10),
            (),
            mode="standard-image-to-video",
            fixed_resolution="768P",
            default_duration=6,
        ),
        ModelSpec(
            "apixo",
            "hailuo-2-3",
            "Hailuo 2.3 · Standard (text)",
            "2.3",
            "standard",
            "t2v",
            2000,
            (6, 10),
            (),
            mode="standard-text-to-video",
            fixed_resolution="768P",
            default_duration=6,
        ),
        # Pro on hailuo-2-3 is documented as a fixed 5 s.
        ModelSpec(
            "apixo",
            "hailuo-2-3",
            "Hailuo 2.3 · Pro",
            "2.3",
            "pro",
            "i2v",
            2000,
            (),
            (),
            mode="pro-image-to-video",
            fixed_duration=5,
            fixed_resolution="1080P",
        ),
        ModelSpec(
            "apixo",
            "hailuo-2-3",
            "Hailuo 2.3 · Pro (text)",
            "2.3",
            "pro",
            "t2v",
            2000,
            (),
            (),
            mode="pro-text-to-video",
            fixed_duration=5,
            fixed_resolution="1080P",
        ),
    ]


def _apiinone_models() -> list[ModelSpec]:
    r23 = ("768P", "1080P")
    # 10 s at 1080P is refused by the Hailuo 2.3 model itself, whoever resells it. [I]
    return [
        ModelSpec(
            "apiinone",
            "hailuo/2-3-image-to-video-standard",
            "Hailuo 2.3 · Standard",
            "2.3",
            "standard",
            "i2v",
            2500,
            (6, 10),
            r23,
            default_duration=6,
            default_resolution="768P",
            forbidden=((10, "1080P"),),
            price=_credits((6, "768P", 30), (10, "768P", 45), (6, "1080P", 45)),
        ),
        ModelSpec(
            "apiinone",
            "hailuo/2-3-image-to-video-pro",
            "Hailuo 2.3 · Pro",
            "2.3",
            "pro",
            "i2v",
            2500,
            (6, 10),
            r23,
            default_duration=6,
            default_resolution="768P",
            forbidden=((10, "1080P"),),
            price=_credits((6, "768P", 45), (10, "768P", 85), (6, "1080P", 85), approximate=True),
        ),
    ]


MODELS: tuple[ModelSpec, ...] = tuple(
    _apixo_models()
    + _market_models("kie", priced=True)
    + _market_models("apikley", priced=False)
    + _apiinone_models()
    + _minimax_models()
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
