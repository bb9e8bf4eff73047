"""The download writer thread: pieces land in order, the digest is of what was written, errors surface."""

from __future__ import annotations

import errno
import hashlib

import pytest

from hailuo_desktop.services.part_writer import PartWriter

pytestmark = pytest.mark.anyio


async def test_pieces_are_written_in_order_and_hashed(tmp_path):
    pieces = [bytes([n]) * (1000 + n * 37) for n in range(200)]
    digest = hashlib.sha256(b"kept prefix")
    with open(tmp_path / "part", "wb") as file:
        writer = PartWriter(file, digest, depth=3)
        for piece in pieces:
            await writer.put(piece)
        await writer.close()
    written = (tmp_path / "part").read_bytes()
    assert written == b"".join(pieces)
    assert digest.hexdigest() == hashlib.sha256(b"kept prefix" + written).hexdigest()


class FullDisk:
    """A file that takes `room` bytes, then fails as a full disk does."""

    def __init__(self, room: int) -> None:
        self.room, self.data = room, bytearray()

    def write(self, piece: bytes) -> int:
        if len(self.data) + len(piece) > self.room:
            raise OSError(errno.ENOSPC, "No space left on device")
        self.data += piece
        return len(piece)


async def test_a_write_error_surfaces_and_nothing_is_written_after_it():
    file = FullDisk(room=2500)
    digest = hashlib.sha256()
    writer = PartWriter(file, digest, depth=1)
    with pytest.raises(OSError) as caught:
        for _ in range(50):
            await writer.put(b"x" * 1000)
        await writer.close()
    assert caught.value.errno == errno.ENOSPC
    await writer.abandon()
    assert bytes(file.data) == b"x" * 2000  # no hole: the pieces after the failure were dropped
    assert digest.hexdigest() == hashlib.sha256(b"x" * 2000).hexdigest()
