"""Result videos: the sample clip, padding to any size, and byte ranges.

A padded result is the real clip followed by one top-level MP4 `free` box: players skip
`free` boxes, so the file stays valid and playable at any size. The padding is never
held in memory: a `VirtualFile` knows its head (clip + box header) and how many zero
bytes follow, and hands out any range of itself in chunks.
"""

from __future__ import annotations

import importlib.resources
import re
import struct
from collections.abc import Iterator
from dataclasses import dataclass

CHUNK = 256 * 1024
_ZEROS = bytes(CHUNK)  # immutable, shared by every padded file
_BOX_HEADER = 8
_LARGE_BOX_HEADER = 16


def load_sample() -> bytes:
    return importlib.resources.files("hailuo_desktop.resources").joinpath("sample.mp4").read_bytes()


def free_box_header(box_size: int) -> bytes:
    """The header of a `free` box of `box_size` bytes in all (64-bit size past 4 GB)."""
    if box_size < 2**32:
        return struct.pack(">I4s", box_size, b"free")
    return struct.pack(">I4sQ", 1, b"free", box_size)


@dataclass(frozen=True)
class VirtualFile:
    head: bytes
    zeros: int = 0

    @property
    def size(self) -> int:
        return len(self.head) + self.zeros

    def chunks(self, start: int = 0, end: int | None = None, chunk: int = CHUNK) -> Iterator[bytes | memoryview]:
        """The bytes [start, end) in pieces of at most `chunk`."""
        end = self.size if end is None else min(end, self.size)
        position = start
        while position < end:
            step = min(chunk, end - position)
            yield self._read(position, step)
            position += step

    def _read(self, position: int, length: int) -> bytes | memoryview:
        if position >= len(self.head) and length <= CHUNK:
            return memoryview(_ZEROS)[:length]  # the padding: no allocation per chunk
        from_head = self.head[position : position + length]
        return from_head + bytes(length - len(from_head))


def padded(content: bytes, target: int | None) -> VirtualFile:
    """`content` grown to `target` bytes with a trailing free box.

    A target at or below the content's size leaves it as is; one too close to hold a box
    header grows to the smallest box.
    """
    if target is None or target <= len(content):
        return VirtualFile(content)
    box = max(target - len(content), _BOX_HEADER)
    header = free_box_header(box)
    if len(header) == _LARGE_BOX_HEADER:
        box = max(box, _LARGE_BOX_HEADER)
    return VirtualFile(content + header, box - len(header))


_RANGE = re.compile(r"^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$")


class RangeNotSatisfiable(ValueError):
    pass


def parse_range(header: str | None, size: int) -> tuple[int, int] | None:
    """The [start, end) a single-range `Range` header asks for; None to send everything.

    Multi-range and malformed headers are ignored (a server may do that); a range that
    starts past the end raises RangeNotSatisfiable (416).
    """
    match = _RANGE.match(header or "")
    if not match or match.group(1) == match.group(2) == "":
        return None
    first, last = match.groups()
    if first == "":
        length = int(last)
        if length == 0:
            raise RangeNotSatisfiable(header)
        return max(size - length, 0), size
    start = int(first)
    end = size if last == "" else min(int(last) + 1, size)
    if start >= size or end <= start:
        raise RangeNotSatisfiable(header)
    return start, end


def sniff_mime(data: bytes, fallback: str = "application/octet-stream") -> str:
    """The type of an uploaded image by its first bytes."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[4:8] == b"ftyp":
        return "video/mp4"
    return fallback
