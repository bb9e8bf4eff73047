"""The full image check: the header verdict plus a decode of every pixel, bounded in time.

The header verdict (`imagecheck.check_image`) is instant but cannot see a file cut or
corrupted inside its pixel data. `full_verdict` adds the full decode, which can take a
second on a large photo, so it runs on its own daemon thread and is abandoned after
`timeout` seconds (a decoder cannot be interrupted; the pixel and frame caps of
`verify_image` keep the abandoned work bounded). `check_image_fully` is the same from
asyncio, off the event loop: the window shows "checking…" while it runs.

No file makes these raise: every outcome is a verdict.
"""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

from ..domain.catalog import ImageRules
from ..domain.images import CHECK_TIMED_OUT, DAMAGED, ImageVerdict, Problem
from .imagecheck import check_image, verify_image

FULL_CHECK_SECONDS = 30.0  # a 90-megapixel PNG decodes in a few seconds on a slow laptop


def full_verdict(path: Path | str, rules: ImageRules, *, timeout: float = FULL_CHECK_SECONDS) -> ImageVerdict:
    """Every problem the header shows, plus `damaged` when the pixel data does not decode.

    Blocks up to `timeout` seconds: call it off the GUI thread.
    """
    verdict = check_image(path, rules)
    if verdict.facts.unreadable:
        return verdict  # the header already failed; the decode would say the same
    problem = decode_problem(path, timeout)
    return verdict if problem is None else ImageVerdict(verdict.facts, verdict.problems + (problem,))


async def check_image_fully(
    path: Path | str, rules: ImageRules, *, timeout: float = FULL_CHECK_SECONDS
) -> ImageVerdict:
    """`full_verdict` without blocking the event loop."""
    return await asyncio.to_thread(full_verdict, path, rules, timeout=timeout)


def decode_problem(path: Path | str, timeout: float = FULL_CHECK_SECONDS) -> Problem | None:
    """The full decode on a daemon thread: its problem, a timeout problem, or None when sound."""
    outcome: list[str | None] = []

    def decode() -> None:
        try:
            outcome.append(verify_image(path))
        except BaseException as err:  # noqa: BLE001 - verify_image never raises; MemoryError may
            outcome.append(f"The image could not be decoded ({type(err).__name__}).")

    worker = threading.Thread(target=decode, name="hailuo image check", daemon=True)
    worker.start()
    worker.join(timeout)
    if not outcome:
        return Problem(
            CHECK_TIMED_OUT,
            f"Decoding the image took longer than {timeout:.0f} s, so it was not "
            "accepted. Save it again as a plain JPG or PNG, or use a smaller one.",
            {"seconds": timeout},
        )
    return None if outcome[0] is None else Problem(DAMAGED, outcome[0])
