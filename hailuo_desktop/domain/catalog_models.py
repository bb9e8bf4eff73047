"""The model tables of every provider, one function each (the facts, with their [S]/[I] marks).

Facts come from shared/providers.md; `catalog.MODELS` puts them together.
"""

from __future__ import annotations

from typing import Any

from .catalog_types import ModelSpec, Price


def _credits(*rows: tuple[int, str | None, float], approximate: bool = False) -> Price:
    return Price("credits", table=tuple(((d, r), amount) for d, r, amount in rows), approximate=approximate)


def market_models(provider: str, priced: bool) -> list[ModelSpec]:
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


def minimax_models() -> list[ModelSpec]:
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


def apixo_models() -> list[ModelSpec]:
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


def apiinone_models() -> list[ModelSpec]:
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
