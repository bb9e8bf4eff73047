"""Opening a video with PyAV, and the facts about it that joining and the sidecar need."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import VideoUnreadable

if TYPE_CHECKING:
    import av
    from av.stream import Stream
    from av.video.stream import VideoStream


@dataclass(frozen=True)
class VideoInfo:
    codec: str
    width: int
    height: int
    fps: Fraction
    frames: int  # counted from the packets, not taken from the header
    seconds: float  # from the first frame's start to the last frame's end
    has_audio: bool
    pix_fmt: str | None = None

    def as_json(self) -> dict[str, object]:
        return {
            "codec": self.codec,
            "width": self.width,
            "height": self.height,
            "fps": float(self.fps),
            "frames": self.frames,
            "seconds": round(self.seconds, 6),
            "has_audio": self.has_audio,
        }


@contextmanager
def open_video(path: str | Path) -> Iterator[av.container.InputContainer]:
    """The container, with its first video stream checked; VideoUnreadable otherwise."""
    import av  # here, not at the top: PyAV costs about half a second of the window's start-up

    path = Path(path)
    if not path.is_file():
        raise VideoUnreadable(f"The video {path} is not there.", path=str(path), reason="missing")
    try:
        container = av.open(str(path), "r")
    except (av.FFmpegError, OSError, ValueError) as exc:
        raise VideoUnreadable(
            f"{path.name} is not a video that can be read ({exc}).", path=str(path), reason=str(exc)
        ) from exc
    try:
        if not container.streams.video:
            raise VideoUnreadable(f"{path.name} has no video stream.", path=str(path), reason="no video stream")
        yield container
    except av.FFmpegError as exc:
        raise VideoUnreadable(f"{path.name} is damaged ({exc}).", path=str(path), reason=str(exc)) from exc
    finally:
        container.close()


def probe(path: str | Path) -> VideoInfo:
    with open_video(path) as container:
        stream = container.streams.video[0]
        start, end, frames = packet_span(container, stream)
        ctx = stream.codec_context
        return VideoInfo(
            codec=ctx.name,
            width=ctx.width,
            height=ctx.height,
            fps=frame_rate(stream),
            frames=frames,
            seconds=float((end - start) * time_base(stream)) if frames else 0.0,
            has_audio=bool(container.streams.audio),
            pix_fmt=ctx.pix_fmt,
        )


def packet_span(container: av.container.InputContainer, stream: Stream) -> tuple[int, int, int]:
    """(first pts, end of the last frame, number of frames) in the stream's time base."""
    start = end = None
    frames = 0
    for packet in container.demux(stream):
        if packet.pts is None:
            continue  # the demuxer's flush packet
        frames += 1
        start = packet.pts if start is None else min(start, packet.pts)
        finish = packet.pts + (packet.duration or 0)
        end = finish if end is None else max(end, finish)
    return start or 0, end or 0, frames


def time_base(stream: Stream) -> Fraction:
    """The stream's time base; every stream a demuxer opens has one."""
    if stream.time_base is None:
        raise VideoUnreadable("The video stream has no time base.", path="", reason="no time base")
    return Fraction(stream.time_base)


def frame_rate(stream: VideoStream) -> Fraction:
    rate = stream.average_rate or stream.guessed_rate or stream.base_rate
    return Fraction(rate) if rate else Fraction(0)
