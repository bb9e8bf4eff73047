"""Reading local images: the quick header check for the verdict, and the full decode.

`inspect_image` reads only what Pillow needs to name the format and the size (Pillow's
`Image.open` is lazy), so a verdict costs a few kilobytes of I/O whatever the file size.
Every failure becomes an `ImageFacts` with `unreadable` set: the caller gets a verdict,
never an exception, for any file a user can drop on the window.
"""

from __future__ import annotations

import stat
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from ..domain.catalog import ImageRules
from ..domain.images import ImageFacts, ImageVerdict, check_facts

if TYPE_CHECKING:  # Pillow itself is imported by the first check, not with the window
    from PIL import Image

# Signatures of the formats users actually send, to say "damaged PNG" rather than "not an
# image" when Pillow cannot parse a header that starts like one.
_SIGNATURES = ((b"\x89PNG\r\n\x1a\n", "PNG"), (b"\xff\xd8\xff", "JPEG"), (b"GIF8", "GIF"), (b"BM", "BMP"))
_HEAD_BYTES = 16
# Pillow names a camera JPEG with extra frames (stereo, depth, motion) "MPO"; the file is a
# plain JPEG to every provider and browser, so it is reported as one.
_FORMAT_ALIASES = {"MPO": "JPEG"}


class _Unreadable(Exception):
    """Internal: why a file gave no facts. Its message is shown to the user."""


def inspect_image(path: Path | str) -> ImageFacts:
    """Format (by content), width, height and byte size from the header. Never raises."""
    name = str(path)
    try:
        size = _regular_file_size(Path(path))
    except _Unreadable as why:
        return ImageFacts(name, unreadable=str(why))
    if size == 0:
        return ImageFacts(name, bytes=0, unreadable="The file is empty.")
    try:
        image_format, width, height = _read_header(Path(path))
    except _Unreadable as why:
        return ImageFacts(name, bytes=size, unreadable=str(why))
    return ImageFacts(name, bytes=size, format=image_format, width=width, height=height)


def check_image(path: Path | str, rules: ImageRules) -> ImageVerdict:
    """The verdict for one provider's rules: every problem at once."""
    return check_facts(inspect_image(path), rules)


def verify_image(path: Path | str) -> str | None:
    """The full integrity check (decodes every pixel): a problem in words, or None if sound.

    Slow on big files: call it off the GUI thread. The pixel cap of `inspect_image` runs
    first, so a decompression bomb is refused before anything is allocated.
    """
    facts = inspect_image(path)
    if facts.unreadable:
        return facts.unreadable
    try:
        _decode_fully(Path(path))
        if facts.format == "PNG":
            _require_png_end(Path(path))
    except Exception as err:  # noqa: BLE001 - any decoder failure means damaged data
        return f"The image data is damaged or incomplete ({_describe(err)})."
    return None


def sniff_mime(path: Path | str) -> str | None:
    """The MIME type from the content ("image/png"), or None when it is not a known image."""
    from PIL import Image

    facts = inspect_image(path)  # not the bare header reader: it would block on a FIFO
    return None if facts.unreadable or facts.format is None else Image.MIME.get(facts.format)


def max_pixels() -> int:
    # Pillow's own threshold, read at call time so an app-wide setting is honoured.
    from PIL import Image

    return Image.MAX_IMAGE_PIXELS or 89_478_485


def _regular_file_size(path: Path) -> int:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise _Unreadable("The file does not exist.") from None
    except PermissionError:
        raise _Unreadable("There is no permission to read this file.") from None
    except (OSError, ValueError) as err:
        raise _Unreadable(f"The file cannot be read ({_describe(err)}).") from None
    if stat.S_ISDIR(info.st_mode):
        raise _Unreadable("This is a folder, not an image file.")
    if not stat.S_ISREG(info.st_mode):
        # A FIFO or a device would block or never end: refuse it before opening it.
        raise _Unreadable("This is not a regular file.")
    return info.st_size


def _read_header(path: Path) -> tuple[str, int, int]:
    try:
        with open(path, "rb") as handle:
            return _header_facts(handle)
    except PermissionError:
        raise _Unreadable("There is no permission to read this file.") from None
    except OSError as err:
        raise _Unreadable(f"The file cannot be read ({_describe(err)}).") from None


def _header_facts(handle: BinaryIO) -> tuple[str, int, int]:
    from PIL import Image, UnidentifiedImageError

    head = handle.read(_HEAD_BYTES)
    handle.seek(0)
    try:
        with Image.open(handle) as image:
            image_format, (width, height) = image.format, image.size
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        # The warning is raised only when warning filters turn it into an error.
        raise _Unreadable(_too_many_pixels_text(None)) from None
    except UnidentifiedImageError:
        raise _Unreadable(_unidentified_text(head)) from None
    except Exception as err:  # noqa: BLE001 - Pillow's parsers raise many types on bad data
        raise _Unreadable(_damaged_header_text(head, err)) from None
    image_format = (_FORMAT_ALIASES.get(image_format, image_format) if image_format else None) or "unknown"
    return _checked_geometry(image_format, width, height)


def _checked_geometry(image_format: str, width: int, height: int) -> tuple[str, int, int]:
    if width <= 0 or height <= 0:
        raise _Unreadable(f"The {image_format} header claims an image with no pixels.")
    if width * height > max_pixels():
        raise _Unreadable(_too_many_pixels_text((width, height)))
    return image_format, width, height


# An animation is decoded frame by frame up to these bounds, so a file claiming ten
# thousand frames cannot hold the check for minutes: beyond them it is refused.
MAX_FRAMES = 2000
MAX_TOTAL_PIXELS_FACTOR = 4  # all frames together: at most this many times the one-image cap


def _decode_fully(path: Path) -> None:
    # verify() checks what load() skips (PNG chunk CRCs); load() decodes every pixel and
    # raises on a cut-off file. Pillow needs a fresh open for each. Every frame of an
    # animated WebP or PNG is decoded: damage in a later frame is damage too.
    from PIL import Image

    with Image.open(path) as image:
        image.verify()
    with Image.open(path) as image:
        _load_every_frame(image)


# The IEND chunk with its fixed checksum. Pillow stops reading at the chunk type, so a
# file cut inside these last bytes would pass its decode while being cut short.
_PNG_END = b"IEND\xaeB`\x82"


def _require_png_end(path: Path) -> None:
    with open(path, "rb") as handle:
        handle.seek(0, 2)
        size = handle.tell()
        handle.seek(max(0, size - 1024 * 1024))  # cameras and editors may append a little after IEND
        if _PNG_END not in handle.read():
            raise ValueError("the file ends before the PNG's end chunk")


def _load_every_frame(image: Image.Image) -> None:
    frames = getattr(image, "n_frames", 1)
    if frames > MAX_FRAMES:
        raise ValueError(f"{frames} frames, more than the {MAX_FRAMES} this check decodes")
    budget = max_pixels() * MAX_TOTAL_PIXELS_FACTOR
    for index in range(frames):
        image.seek(index)
        image.load()
        budget -= image.size[0] * image.size[1]
        if budget < 0:
            raise ValueError("the frames together hold more pixels than can be decoded safely")


def _signature_format(head: bytes) -> str | None:
    for signature, image_format in _SIGNATURES:
        if head.startswith(signature):
            return image_format
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WebP"
    return None


def _unidentified_text(head: bytes) -> str:
    looks_like = _signature_format(head)
    if looks_like:
        return f"The file starts like a {looks_like} image but its header is damaged or cut short."
    return "This is not an image file, or not a format this app can read."


def _damaged_header_text(head: bytes, err: Exception) -> str:
    looks_like = _signature_format(head) or "image"
    return f"The {looks_like} header is damaged or cut short ({_describe(err)})."


def _too_many_pixels_text(size: tuple[int, int] | None) -> str:
    claim = f"{size[0]}×{size[1]} pixels, more" if size else "more pixels"
    return f"The image claims {claim} than can be decoded safely (limit {max_pixels():,}). Use a smaller image."


def _describe(err: BaseException) -> str:
    # The error class and its short text only: never a traceback, never the file's bytes.
    text = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
    return f"{type(err).__name__}: {text}"[:200] if text else type(err).__name__
