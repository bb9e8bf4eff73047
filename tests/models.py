"""The one table of test models: per provider, the model (and APIXO's mode) the tests use
when a test is not about model choice. A Hailuo 2.3 image-to-video model everywhere."""

from __future__ import annotations

TEST_MODELS: dict[str, tuple[str, str | None]] = {
    "apixo": ("hailuo-2-3-fast", "standard-image-to-video"),
    "kie": ("hailuo/2-3-image-to-video-standard", None),
    "apikley": ("hailuo/2-3-image-to-video-standard", None),
    "apiinone": ("hailuo/2-3-image-to-video-standard", None),
    "minimax": ("MiniMax-Hailuo-2.3", None),
}
