"""Odd and damaged images for the full check: many encodings of each accepted format,
cut at many offsets and with flipped bits, plus the images found on this machine.

Everything is generated at test time (no binary files in git). `reference_decodes` is
the test's own full decode, written independently of services.imagecheck: Pillow opens
a fresh copy and decodes every frame, and the file must not end inside its last chunk.
"""

from __future__ import annotations

import io
import random
import struct
import sys
import zlib
from pathlib import Path

from PIL import Image, ImageSequence

from tests.fixtures.images import PNG_SIGNATURE, png_chunk

REPO = Path(__file__).resolve().parent.parent
# Image collections that exist wherever the tests run (the repo's own), then common
# system folders (icons, docs) where present.
COLLECTIONS = [
    REPO / "docs",
    REPO / "resources",
    Path(sys.prefix),
    Path("/usr/share/icons"),
    Path("/usr/share/doc"),
    Path("/usr/share/pixmaps"),
]
SUFFIXES = {".png", ".jpg", ".jpeg", ".webp"}


def _picture(width: int = 160, height: int = 120) -> Image.Image:
    rng = random.Random(7)
    image = Image.new("RGB", (width, height))
    image.putdata([((x * 7 + y) % 256, (y * 3) % 256, rng.randrange(256)) for y in range(height) for x in range(width)])
    return image


def _saved(image: Image.Image, image_format: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, image_format, **options)
    return buffer.getvalue()


def interlaced_png(image: Image.Image) -> bytes:
    """An Adam7-interlaced RGB PNG (Pillow reads them but cannot write them)."""
    width, height = image.size
    pixels = image.convert("RGB").tobytes()
    passes = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2))
    raw = bytearray()
    for x0, y0, dx, dy in passes:
        for y in range(y0, height, dy):
            row = b"".join(pixels[(y * width + x) * 3 : (y * width + x) * 3 + 3] for x in range(x0, width, dx))
            if row:
                raw += b"\0" + row
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 1)
    return (
        PNG_SIGNATURE
        + png_chunk(b"IHDR", ihdr)
        + png_chunk(b"IDAT", zlib.compress(bytes(raw)))
        + png_chunk(b"IEND", b"")
    )


def sound_images() -> dict[str, bytes]:
    """Name -> bytes: every accepted format in the encodings users meet."""
    picture = _picture()
    frames = [picture, picture.rotate(90), picture.transpose(Image.Transpose.FLIP_LEFT_RIGHT)]
    return {
        "png_rgb": _saved(picture, "PNG"),
        "png_interlaced": interlaced_png(picture),
        "png_palette": _saved(picture.convert("P"), "PNG"),
        "png_16bit_gray": _saved(picture.convert("I;16"), "PNG"),
        "png_rgba": _saved(picture.convert("RGBA"), "PNG"),
        "png_gray": _saved(picture.convert("L"), "PNG"),
        "png_animated": _saved(frames[0], "PNG", save_all=True, append_images=frames[1:]),
        "jpeg_baseline": _saved(picture, "JPEG", quality=90),
        "jpeg_progressive": _saved(picture, "JPEG", progressive=True),
        "jpeg_cmyk": _saved(picture.convert("CMYK"), "JPEG"),
        "jpeg_gray": _saved(picture.convert("L"), "JPEG"),
        "jpeg_exif": _saved(picture, "JPEG", exif=Image.Exif()),
        "webp_lossy": _saved(picture, "WEBP"),
        "webp_lossless": _saved(picture, "WEBP", lossless=True),
        "webp_alpha": _saved(picture.convert("RGBA"), "WEBP"),
        "webp_animated": _saved(frames[0], "WEBP", save_all=True, append_images=frames[1:]),
    }


def cut_offsets(size: int, count: int) -> list[int]:
    """Where to cut: spread over the file, plus every one of its last 16 bytes."""
    spread = {size * k // (count + 1) for k in range(1, count + 1)}
    return sorted((spread | {size - i for i in range(1, 17)}) - {0})


def flipped(data: bytes, count: int, seed: str) -> list[tuple[int, bytes]]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        position = rng.randrange(len(data))
        damaged = bytearray(data)
        damaged[position] ^= 1 << rng.randrange(8)
        out.append((position, bytes(damaged)))
    return out


def reference_decodes(data: bytes) -> bool:
    """The test's own full decode: every frame, then the file must end after its last chunk."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            for frame in ImageSequence.Iterator(image):
                frame.load()
            image_format = image.format
    except Exception:  # noqa: BLE001 - any failure means "does not decode"
        return False
    if image_format == "PNG":
        return _png_chunks_whole(data)
    return True


def _png_chunks_whole(data: bytes) -> bool:
    """Walk the chunks: each complete with a matching CRC, up to and including IEND."""
    at = len(PNG_SIGNATURE)
    while at + 12 <= len(data):
        length, kind = struct.unpack(">I4s", data[at : at + 8])
        end = at + 12 + length
        if end > len(data):
            return False
        body = data[at + 4 : at + 8 + length]
        if struct.unpack(">I", data[end - 4 : end])[0] != zlib.crc32(body):
            return False
        if kind == b"IEND":
            return True
        at = end
    return False


def found_images(limit: int | None) -> list[Path]:
    """Images from the collections on this machine, in a stable order."""
    found: list[Path] = []
    for folder in COLLECTIONS:
        if folder.is_dir():
            found += sorted(
                p
                for p in folder.rglob("*")
                if p.suffix.lower() in SUFFIXES and p.is_file() and 1024 <= p.stat().st_size <= 4 * 1024 * 1024
            )
    if limit is not None and len(found) > limit:
        step = len(found) / limit
        found = [found[int(i * step)] for i in range(limit)]
    return found
