"""The full image check (`validate` by default): it agrees with a full decode on many odd
and damaged files, never raises, and never hangs."""

from __future__ import annotations

import asyncio
import io
import json
import os
import subprocess
import sys

import pytest
from PIL import Image

from hailuo_desktop.domain import catalog
from hailuo_desktop.services import fullcheck
from hailuo_desktop.services.fullcheck import (
    check_image_fully,
    decode_problem,
    full_verdict,
)
from hailuo_desktop.services.imagecheck import check_image
from tests.conftest import heavy_enabled
from tests.image_variants import (
    cut_offsets,
    flipped,
    found_images,
    reference_decodes,
    sound_images,
)

# Any provider's formats: the format rule is not what is under test here.
RULES = catalog.ImageRules(
    frozenset({"JPEG", "PNG", "WEBP"}), 100 * catalog.MB, True, min_short_side=1, min_ratio=0.0, max_ratio=1e9
)
SOUND = sound_images()
CUTS = 60 if heavy_enabled() else 12
FLIPS = 200 if heavy_enabled() else 12


def accepted(tmp_path, data: bytes, name: str = "image.bin") -> bool:
    path = tmp_path / name
    path.write_bytes(data)
    verdict = full_verdict(path, RULES, timeout=30)
    # Only the data is under test: a ratio or size problem (always 2:5-5:2) does not count.
    return not {p.code for p in verdict.problems} & {"unreadable", "damaged", "check_timed_out"}


@pytest.mark.parametrize("name", sorted(SOUND))
def test_every_sound_encoding_is_accepted(tmp_path, name):
    assert reference_decodes(SOUND[name])
    assert accepted(tmp_path, SOUND[name])


@pytest.mark.parametrize("name", sorted(SOUND))
def test_every_cut_is_refused(tmp_path, name):
    data = SOUND[name]
    offsets = cut_offsets(len(data), CUTS)
    assert len(offsets) >= CUTS
    wrongly_accepted = [len(data) - at for at in offsets if accepted(tmp_path, data[:at])]
    assert wrongly_accepted == [], f"bytes missing yet accepted: {wrongly_accepted}"


@pytest.mark.parametrize("name", sorted(SOUND))
def test_flipped_bits_agree_with_a_full_decode(tmp_path, name):
    disagreements = [
        (at, ok)
        for at, damaged in flipped(SOUND[name], FLIPS, name)
        if (ok := accepted(tmp_path, damaged)) != reference_decodes(damaged)
    ]
    assert disagreements == []


def test_the_header_check_alone_misses_damage_the_full_check_finds(tmp_path):
    data = SOUND["jpeg_progressive"]
    path = tmp_path / "cut.jpg"
    path.write_bytes(data[: len(data) * 2 // 3])
    assert check_image(path, RULES).ok
    verdict = full_verdict(path, RULES)
    assert [p.code for p in verdict.problems] == ["damaged"]
    assert "damaged or incomplete" in verdict.problems[0].message


@pytest.mark.parametrize("name, suffix", [("png_rgb", ".jpg"), ("jpeg_cmyk", ".png"), ("webp_lossy", ".jpeg")])
def test_a_wrong_extension_changes_nothing(tmp_path, name, suffix):
    assert accepted(tmp_path, SOUND[name], "wrongly named" + suffix)
    assert not accepted(tmp_path, SOUND[name][:-40], "wrongly named cut" + suffix)


def test_images_found_on_this_machine_agree_with_a_full_decode(tmp_path):
    images = found_images(None if heavy_enabled() else 40)
    assert len(images) >= 3  # the repo's own screenshots and icons at least
    halves_refused = 0
    for path in images:
        data = path.read_bytes()
        if Image.open(path).format not in RULES.formats:
            continue
        assert accepted(tmp_path, data) == reference_decodes(data), path
        # A file can end long after its image does (data appended after PNG's IEND): the
        # first half of such a file is still a whole image, so the reference decides.
        cut = data[: len(data) // 2]
        assert accepted(tmp_path, cut) == reference_decodes(cut), f"{path} cut in half"
        halves_refused += not accepted(tmp_path, cut)
    assert halves_refused >= 0.9 * len(images)


def test_a_decode_that_never_ends_becomes_a_verdict(tmp_path, monkeypatch):
    """The decode runs on its own thread; past the timeout the check answers anyway."""
    release = __import__("threading").Event()
    monkeypatch.setattr(fullcheck, "verify_image", lambda path: release.wait(30) and None)
    path = tmp_path / "photo.png"
    path.write_bytes(SOUND["png_rgb"])
    try:
        problem = decode_problem(path, timeout=0.05)
    finally:
        release.set()
    assert problem is not None and problem.code == "check_timed_out"
    assert "took longer than" in problem.message


@pytest.mark.anyio
async def test_the_async_check_runs_off_the_loop(tmp_path):
    path = tmp_path / "cut.png"
    path.write_bytes(SOUND["png_rgb"][: len(SOUND["png_rgb"]) // 2])
    ticks = 0

    async def ticker():
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0)

    beat = asyncio.ensure_future(ticker())
    try:
        verdict = await check_image_fully(path, RULES)
    finally:
        beat.cancel()
    assert "damaged" in {p.code for p in verdict.problems} and ticks > 0


def test_a_damaged_later_frame_is_found(tmp_path):
    """Cuts where the first frame alone still decodes: only a decode of every frame can tell."""
    for name in ("png_animated", "webp_animated"):
        data = SOUND[name]
        first_frame_only = [at for at in range(len(data) // 2, len(data), 97) if _first_frame_loads(data[:at])]
        assert [at for at in first_frame_only if accepted(tmp_path, data[:at])] == [], name
        if name == "png_animated":
            assert len(first_frame_only) > 10  # the case exists, so the test above can fail


def _first_frame_loads(data: bytes) -> bool:
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
        return True
    except Exception:  # noqa: BLE001
        return False


def run_validate(home, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, HAILUO_DESKTOP_HOME=str(home))
    return subprocess.run(
        [sys.executable, "-m", "hailuo_desktop", "validate", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_cli_validate_decodes_fully_by_default_and_quick_reads_headers(tmp_path):
    good, cut = tmp_path / "good.jpg", tmp_path / "cut.jpg"
    Image.new("RGB", (640, 480), (90, 140, 200)).save(good, "JPEG")
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    full = run_validate(tmp_path / "home", str(good), str(cut), "--provider", "kie", "--json")
    assert full.returncode == 1
    verdicts = json.loads(full.stdout)
    assert verdicts[0]["ok"] and [p["code"] for p in verdicts[1]["problems"]] == ["damaged"]
    lines = full.stderr.strip().splitlines()
    assert len(lines) == 1 and "1 of 2" in lines[0] and "validate again" in lines[0]
    quick = run_validate(tmp_path / "home", str(good), str(cut), "--provider", "kie", "--quick", "--json")
    assert quick.returncode == 0 and all(v["ok"] for v in json.loads(quick.stdout))
