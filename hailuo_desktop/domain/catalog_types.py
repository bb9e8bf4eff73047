"""The catalog's value types: image rules, poll schedules, prices, providers and models.

Kept apart from the tables (catalog.py, catalog_models.py) so both can use them.
"""

from __future__ import annotations

from dataclasses import dataclass

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

    `steps` is a tuple of (from_elapsed_seconds, interval_seconds), ascending: the cadence
    the app keeps when it knows nothing better. `floor_steps`, when the provider documents a
    range ("every 5-10 s"), holds the range's lower ends in the same shape: the closest two
    polls may ever be. Without it, the cadence is the floor as well.
    """

    first_delay: float
    steps: tuple[tuple[float, float], ...]
    give_up_after: float
    floor_steps: tuple[tuple[float, float], ...] | None = None

    def interval_at(self, elapsed: float) -> float:
        return _step_at(self.steps, elapsed)

    def floor_at(self, elapsed: float) -> float:
        """The shortest gap the provider's documentation allows after a poll at `elapsed`."""
        return _step_at(self.floor_steps or self.steps, elapsed)


def _step_at(steps: tuple[tuple[float, float], ...], elapsed: float) -> float:
    interval = steps[0][1]
    for start, step_interval in steps:
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
