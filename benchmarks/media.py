"""7. Media: the real last frame, grid posters, export and join, each against a plain
reference measured in the same run on the same clip.

The clip is encoded here (PyAV's libx264, benchmark-only) at Hailuo's 768P, 6 s, 24 fps,
with B-frames and x264's default keyframe interval: one keyframe for the whole clip, the
worst case for a last frame (every frame must be decoded).
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import av

from hailuo_desktop.services import media

from .report import Row, median, ms

SIZE, SECONDS, FPS = (1366, 768), 6, 24


def make_clip(path: Path) -> None:
    from PIL import Image, ImageDraw

    frames = SECONDS * FPS
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=FPS)
        stream.width, stream.height = SIZE
        stream.pix_fmt = "yuv420p"
        stream.options = {"preset": "veryfast", "crf": "20", "bf": "2", "g": "250"}
        for i in range(frames):
            image = Image.new("RGB", SIZE, (i % 256, 80, 255 - i % 256))
            x = int((SIZE[0] - 200) * i / frames)
            ImageDraw.Draw(image).ellipse([x, 200, x + 200, 400], fill=(250, 250, 250))
            for packet in stream.encode(av.VideoFrame.from_image(image)):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)


def timed(action: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return median(times)


def decode_all(path: Path, png: Path) -> None:
    """The reference: every frame decoded on one thread, the last one saved as a PNG."""
    with av.open(str(path)) as container:
        last = None
        for last in container.decode(container.streams.video[0]):  # noqa: B007 - the loop keeps the last frame
            pass
        assert last is not None
        last.to_image().save(png, "PNG")


def measure(repeats: int = 5) -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="hailuo-bench-media-") as folder:
        root = Path(folder)
        clip = root / "take.mp4"
        make_clip(clip)
        return _rows(root, clip, repeats)


def _rows(root: Path, clip: Path, repeats: int) -> list[Row]:
    what = f"{SIZE[0]}×{SIZE[1]}, {SECONDS} s, {clip.stat().st_size / 2**20:.1f} MB H.264 with B-frames"
    full = timed(lambda: decode_all(clip, root / "reference.png"), repeats)
    last = timed(lambda: media.last_frame(clip, root / "last.png"), repeats)

    def cold_poster() -> None:
        shutil.rmtree(root / "posters", ignore_errors=True)
        media.poster_frame(clip, root / "posters")

    cold = timed(cold_poster, repeats)
    cached = timed(lambda: media.poster_frame(clip, root / "posters"), 200)
    copy = timed(lambda: shutil.copyfile(clip, root / "copy.mp4"), repeats)

    def export() -> None:
        shutil.rmtree(root / "out", ignore_errors=True)
        media.remux_with_tags(clip, root / "out" / "take.mp4", title="a fox", comment="a fox turns its head")

    def join() -> None:
        shutil.rmtree(root / "out", ignore_errors=True)
        media.join_videos([clip, clip, clip], root / "out" / "joined.mp4")

    remux = timed(export, repeats)
    joined = timed(join, repeats)
    return [
        Row(
            "7. Last frame (real, decoded to the end)",
            f"{ms(last)}",
            f"plain full decode + PNG {ms(full)}",
            last / full,
            "< a full decode",
            last < full,
            f"{what}; one keyframe: decoded from it to the end, frames nothing refers to skipped until the last 16 packets (pixel-identical to the full decode); PNG written by Pillow.",
        ),
        Row(
            "7. Grid poster, first time",
            f"{ms(cold)}",
            f"plain full decode + PNG {ms(full)}",
            cold / full,
            "< a full decode",
            cold < full,
            "one keyframe: decoded to the middle, B-frames skipped (a keyframe in the middle half is "
            "taken on its own, ~10 ms); 480 px JPEG",
        ),
        Row(
            "7. Grid poster, cached",
            f"{ms(cached)}",
            f"first time {ms(cold)}",
            cached / cold,
            "< 1 ms",
            cached < 0.001,
            "a stat of the video and of the cached JPEG",
        ),
        Row(
            "7. Export (remux with tags)",
            f"{ms(remux)}",
            f"file copy {ms(copy)}",
            remux / max(copy, 1e-6),
            "< 100 ms",
            remux < 0.100,
            "packets copied byte for byte, +faststart; exporting ten takes stays under a second",
        ),
        Row(
            "7. Join 3 takes (stream copy)",
            f"{ms(joined)}",
            f"3 file copies {ms(3 * copy)}",
            joined / max(3 * copy, 1e-6),
            "< 300 ms",
            joined < 0.300,
            "each take read twice (checks, then copy), timestamps shifted, no re-encoding; the result probed",
        ),
    ]
