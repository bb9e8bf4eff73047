"""1. Validation: the header verdict on a big image, against decoding the whole file.

The images are random noise, so they really are that big (noise does not compress): a
20 MB JPEG and a 10 MB PNG. Files are read from the page cache (just written), which
is also where a file the user just dropped usually is.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from pathlib import Path

from PIL import Image

from hailuo_desktop.domain.catalog import APIXO_IMAGES
from hailuo_desktop.services.imagecheck import check_image, verify_image

from .report import Row, median, ms

MB = 2**20
VERDICT_GOAL = 0.005


def noise_image(path: Path, image_format: str, target_bytes: int, seed: int = 1) -> int:
    """Write a noise image of about `target_bytes` (a little under); returns its size."""
    bytes_per_pixel = 3.0 if image_format == "PNG" else 1.6  # first guess, corrected below
    for _ in range(6):
        side = int((target_bytes / bytes_per_pixel) ** 0.5)
        width, height = side * 4 // 3, side * 3 // 4
        _save_noise(path, image_format, width, height, seed)
        size = path.stat().st_size
        if 0.96 * target_bytes <= size <= target_bytes:
            return size
        bytes_per_pixel *= size / (0.98 * target_bytes)
    return path.stat().st_size


def _save_noise(path: Path, image_format: str, width: int, height: int, seed: int) -> None:
    data = random.Random(seed).randbytes(width * height * 3)
    image = Image.frombytes("RGB", (width, height), data)
    options = {"quality": 95} if image_format == "JPEG" else {"compress_level": 1}
    image.save(path, image_format, **options)


def best_time(action: Callable[[], object], repeats: int) -> float:
    """The median of `repeats` runs, in seconds."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return median(times)


def full_decode(path: Path) -> None:
    with Image.open(path) as image:
        image.load()


def measure(
    folder: Path,
    *,
    jpeg_bytes: int = 20 * MB,
    png_bytes: int = 10 * MB,
    verdict_repeats: int = 50,
    decode_repeats: int = 3,
) -> list[Row]:
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for image_format, target in (("JPEG", jpeg_bytes), ("PNG", png_bytes)):
        path = folder / f"noise.{image_format.lower()}"
        size = noise_image(path, image_format, target)
        rows.append(_row(path, image_format, size, verdict_repeats, decode_repeats))
    return rows


def _row(path: Path, image_format: str, size: int, verdict_repeats: int, decode_repeats: int) -> Row:
    verdict = check_image(path, APIXO_IMAGES)
    if verdict.facts.unreadable:
        raise RuntimeError(f"the benchmark image could not be read: {verdict.facts.unreadable}")
    header = best_time(lambda: check_image(path, APIXO_IMAGES), verdict_repeats)
    decode = best_time(lambda: full_decode(path), decode_repeats)
    verify = best_time(lambda: verify_image(path), decode_repeats)
    facts = verdict.facts
    note = (
        f"{size / MB:.1f} MB {image_format}, {facts.width}×{facts.height} noise; verdict = "
        f"`check_image` (header only), median of {verdict_repeats}; reference = `Image.open().load()`; "
        f"the full integrity check `verify_image` takes {ms(verify)} (median of {decode_repeats})."
    )
    return Row(
        f"1. Validation, {size / MB:.0f} MB {image_format}",
        f"verdict {ms(header)}",
        f"full decode {ms(decode)}",
        header / decode,
        "verdict < 5 ms",
        header < VERDICT_GOAL,
        note,
    )
