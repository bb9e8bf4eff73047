"""Stream copies: a take with its prompt in the tags, and several takes joined into one MP4.

Packets go from the provider's file to ours untouched (no decoder, no encoder), so the
picture is the provider's, byte for byte. `+faststart` puts the index first, so editors
and browsers can start reading before the whole file is there.

Joining shifts each take's timestamps by the total length of the takes before it, so the
joined file's frame count and duration are exactly the sums. It works only when the takes
share codec, size, frame rate, pixel format and codec parameters (the usual case for one
model); otherwise JoinMismatch says which take differs, and in what, before anything is written.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import JoinMismatch, VideoUnreadable
from .files import place_new, temporary_beside
from .probe import VideoInfo, frame_rate, open_video, packet_span, probe, time_base

if TYPE_CHECKING:
    from av.container import InputContainer, OutputContainer
    from av.video.stream import VideoStream

MUXER_OPTIONS = {"movflags": "+faststart"}
MUXER_OWN_TAGS = ("major_brand", "minor_version", "compatible_brands", "encoder")  # the muxer writes its own
COPIED_KINDS = ("video", "audio")


def remux_with_tags(
    source: str | Path, output: str | Path, *, title: str | None = None, comment: str | None = None
) -> Path:
    """`source` copied into a new MP4 at `output` with these tags; TargetExists if it is there."""
    output = Path(output)
    with temporary_beside(output, ".mp4") as temporary:
        write_tagged_copy(source, temporary, title=title, comment=comment)
        return place_new(temporary, output)


def write_tagged_copy(source: str | Path, path: Path, *, title: str | None, comment: str | None) -> None:
    """Write the copy at exactly `path` (a temporary file the caller places)."""
    with open_video(source) as src:
        streams = [s for s in src.streams if s.type in COPIED_KINDS]
        with _open_output(path, src.metadata, title, comment) as out:
            mapping = {s.index: out.add_stream_from_template(s) for s in streams}
            for packet in src.demux(streams):
                if packet.dts is None:
                    continue  # the demuxer's flush packet carries no data
                packet.stream = mapping[packet.stream.index]
                out.mux(packet)


@dataclass(frozen=True)
class JoinResult:
    path: Path
    info: VideoInfo
    offsets: list[float]  # where each take starts in the joined file, in seconds
    sound_left_out: bool = False  # a take had a sound track; the joined file is picture only


@dataclass(frozen=True)
class _Take:
    path: Path
    info: VideoInfo
    time_base: Fraction
    extradata: bytes
    start: int  # first pts
    length: Fraction  # seconds, from the first frame's start to the last frame's end


def join_videos(
    videos: Sequence[str | Path], output: str | Path, *, title: str | None = None, comment: str | None = None
) -> JoinResult:
    """The video streams of `videos`, in order, as one MP4 (sound is left out)."""
    if not videos:
        raise VideoUnreadable("Nothing to join: give at least one video.", path="", reason="no videos")
    takes = [_take(Path(v)) for v in videos]
    _check_joinable(takes)
    output = Path(output)
    offsets: list[float] = []
    with temporary_beside(output, ".mp4") as temporary:
        with _open_output(temporary, {}, title, comment) as out:
            offset, last_dts = Fraction(0), None
            target = None
            for take in takes:
                with open_video(take.path) as src:
                    stream = src.streams.video[0]
                    target = target or out.add_stream_from_template(stream)
                    offsets.append(float(offset))
                    last_dts = _copy_shifted(src, stream, target, out, take, offset, last_dts)
                offset += take.length
        placed = place_new(temporary, output)
    return JoinResult(placed, probe(placed), offsets, sound_left_out=any(t.info.has_audio for t in takes))


def _take(path: Path) -> _Take:
    with open_video(path) as container:
        stream = container.streams.video[0]
        start, end, frames = packet_span(container, stream)
        ctx = stream.codec_context
        info = VideoInfo(
            codec=ctx.name,
            width=ctx.width,
            height=ctx.height,
            fps=frame_rate(stream),
            frames=frames,
            seconds=float((end - start) * time_base(stream)),
            has_audio=bool(container.streams.audio),
            pix_fmt=ctx.pix_fmt,
        )
        return _Take(
            path, info, time_base(stream), bytes(ctx.extradata or b""), start, (end - start) * time_base(stream)
        )


def _signature(take: _Take) -> dict[str, str | None]:
    """What must be equal for packets of several takes to play as one stream."""
    info = take.info
    return {
        "codec": info.codec,
        "size": f"{info.width}x{info.height}",
        "frame_rate": str(info.fps),
        "pix_fmt": info.pix_fmt,
        # the decoder's set-up (H.264: SPS/PPS); only the first take's is written
        "codec_parameters": hashlib.sha256(take.extradata).hexdigest()[:12],
    }


def _check_joinable(takes: list[_Take]) -> None:
    first = _signature(takes[0])
    for index, take in enumerate(takes[1:], start=2):
        for name, found in _signature(take).items():
            if found != first[name]:
                raise JoinMismatch(
                    _mismatch_message(index, name, first[name], found),
                    index=index,
                    property=name,
                    expected=first[name],
                    found=found,
                    path=str(take.path),
                )


def _mismatch_message(index: int, name: str, expected: str | None, found: str | None) -> str:
    what = {
        "codec": "codec",
        "size": "picture size",
        "frame_rate": "frame rate",
        "pix_fmt": "pixel format",
        "codec_parameters": "encoder settings (codec parameters)",
    }[name]
    return (
        f"Take {index} cannot be joined without re-encoding: its {what} is {found}, the first take's is "
        f"{expected}. Join only takes made with the same model and settings."
    )


def _copy_shifted(
    src: InputContainer,
    stream: VideoStream,
    target: VideoStream,
    out: OutputContainer,
    take: _Take,
    offset: Fraction,
    last_dts: Fraction | None,
) -> Fraction | None:
    """Copy one take's video packets, moved to start at `offset` seconds; the last dts written."""
    tb = take.time_base
    shift = round(offset / tb) - take.start
    for packet in src.demux(stream):
        if packet.dts is None:
            continue
        dts_seconds = (packet.dts + shift) * tb
        if last_dts is not None and dts_seconds <= last_dts:
            # A take whose decoder delay is longer than the previous one's: nudge it just
            # enough to keep decode times increasing (a muxer requirement).
            shift += int((last_dts - dts_seconds) / tb) + 1
            dts_seconds = (packet.dts + shift) * tb
        packet.pts = packet.pts + shift if packet.pts is not None else None
        packet.dts = packet.dts + shift
        packet.stream = target
        out.mux(packet)
        last_dts = dts_seconds
    return last_dts


@contextmanager
def _open_output(
    path: Path, source_tags: Mapping[str, str], title: str | None, comment: str | None
) -> Iterator[OutputContainer]:
    """An MP4 being written: the source's tags and ours set before the header; closing it
    writes the trailer (and, with +faststart, moves the index to the front)."""
    import av  # here, not at the top: PyAV costs about half a second of the window's start-up

    container = av.open(str(path), "w", format="mp4", container_options=dict(MUXER_OPTIONS))
    try:
        tags = {k: v for k, v in dict(source_tags).items() if k not in MUXER_OWN_TAGS}
        tags |= {k: v for k, v in (("title", title), ("comment", comment)) if v}
        for key, value in tags.items():
            container.metadata[key] = value
        yield container
    finally:
        container.close()
