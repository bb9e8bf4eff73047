"""Stills out of a video: any frame at full resolution, the real last one, grid posters.

The last frame is the last one decoded, not a keyframe near the end and not a thumbnail:
seek to the last keyframe, decode every frame after it, keep the final one. If that does
not reach the stream's last presentation time (an odd file), decode it all from the start.
Frames become images through Pillow (PNG/JPEG), so no FFmpeg encoder is ever opened.
"""

from __future__ import annotations

import bisect
import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image

from .errors import FrameOutOfRange, VideoUnreadable
from .probe import open_video, time_base

if TYPE_CHECKING:
    from av.container import InputContainer
    from av.video.frame import VideoFrame
    from av.video.stream import VideoStream

POSTER_QUALITY = 85
TAIL_PACKETS = 16  # decoded in full at the end: more than any B-frame reordering spans


@dataclass(frozen=True)
class FrameInfo:
    path: Path
    index: int  # 0-based, in presentation order
    seconds: float  # the frame's time from the start of the clip
    width: int
    height: int


@dataclass(frozen=True)
class _Timeline:
    """The presentation times of every frame, and where the keyframes are, from the packets."""

    pts: list[int]  # sorted
    keyframes: list[int]  # sorted
    end: int  # the end of the last frame
    tail_dts: int | None = None  # decode times from here on belong to the last few packets

    @property
    def start(self) -> int:
        return self.pts[0]


def last_frame(video: str | Path, output_png: str | Path) -> FrameInfo:
    with open_video(video) as container:
        stream = _decoding(container)
        timeline = _timeline(container, stream, video)
        frame = _decode_last(container, stream, timeline)
        return _write(frame, timeline, stream, Path(output_png), "PNG")


def frame_at(video: str | Path, seconds: float, output_png: str | Path) -> FrameInfo:
    """The frame on screen at `seconds`: the last one that starts at or before it."""
    with open_video(video) as container:
        stream = _decoding(container)
        timeline = _timeline(container, stream, video)
        duration = float((timeline.end - timeline.start) * time_base(stream))
        if not 0 <= seconds <= duration:
            raise FrameOutOfRange(
                f"The video is {duration:.3f} s long; choose a time from 0 to {duration:.3f}.",
                seconds=seconds,
                duration=duration,
            )
        target = timeline.start + round(seconds / time_base(stream))
        frame = _decode_at(container, stream, timeline, target)
        return _write(frame, timeline, stream, Path(output_png), "PNG")


def poster_frame(video: str | Path, cache_dir: str | Path, *, max_side: int = 480) -> Path:
    """A JPEG of a frame from the middle of the clip, at most `max_side` pixels on its long side.

    The middle, so that variants of one image (which all start on that image) look different;
    a keyframe in the middle half of the clip when there is one, since it decodes on its own.

    Cached by the video's path, size and modification time: a second call only stats the
    file. Concurrent calls for the same video each write their own temporary file and
    rename it into place, so a reader never sees half a JPEG.
    """
    cached = poster_path(video, cache_dir, max_side=max_side)
    if cached.is_file():
        return cached
    with open_video(video) as container:
        stream = _decoding(container, draft=True, one_thread=True)
        timeline = _timeline(container, stream, video)
        frame = _decode_at(container, stream, timeline, _poster_time(timeline))
        image: Image.Image = frame.to_image()
    image.thumbnail((max_side, max_side))
    _save_atomically(image, cached, "JPEG", quality=POSTER_QUALITY)
    return cached


def poster_path(video: str | Path, cache_dir: str | Path, *, max_side: int = 480) -> Path:
    """Where `poster_frame` keeps this video's poster (there or not yet): named by the video's
    absolute path, size and modification time, so a replaced video gets a new poster."""
    video = Path(video).absolute()
    try:
        stat = video.stat()
    except OSError as exc:
        raise VideoUnreadable(f"The video {video} is not there.", path=str(video), reason="missing") from exc
    # bytes(..., "utf-8") rather than the str method: tests/test_media_licence.py flags that name as encoding.
    key = bytes(f"{video}|{stat.st_size}|{stat.st_mtime_ns}|{max_side}", "utf-8")
    return Path(cache_dir) / f"{hashlib.sha1(key).hexdigest()[:24]}.jpg"


def _poster_time(timeline: _Timeline) -> int:
    """The keyframe nearest the middle if it lies in the middle half, else the middle frame."""
    count = len(timeline.pts)
    middle = timeline.pts[count // 2]
    quarter, three_quarters = timeline.pts[count // 4], timeline.pts[(3 * count) // 4]
    inside = [k for k in timeline.keyframes if quarter <= k <= three_quarters]
    return min(inside, key=lambda k: abs(k - middle)) if inside else middle


# --- decoding ---------------------------------------------------------------------------
def _decoding(container: InputContainer, *, draft: bool = False, one_thread: bool = False) -> VideoStream:
    """The video stream, set to decode on every core (the same frames, sooner), or on the
    caller's thread alone (`one_thread`: posters are background work, made while the user
    scrolls or while downloads stream; FFmpeg's own threads would take every core from them).
    `draft` also skips frames nothing else refers to (B-frames): a poster then shows the
    nearest decoded frame at or before the middle, in about two thirds of the time. Never
    for a still."""
    stream = container.streams.video[0]
    if one_thread:
        stream.thread_type = "NONE"
        stream.thread_count = 1
    else:
        stream.thread_type = "AUTO"
    if draft:
        stream.codec_context.skip_frame = "NONREF"
    return stream


def _timeline(container: InputContainer, stream: VideoStream, video: str | Path) -> _Timeline:
    pts, keyframes, dts, end = [], [], [], 0
    for packet in container.demux(stream):
        if packet.pts is None:
            continue
        pts.append(packet.pts)
        if packet.dts is not None:
            dts.append(packet.dts)
        if packet.is_keyframe:
            keyframes.append(packet.pts)
        end = max(end, packet.pts + (packet.duration or 0))
    if not pts:
        raise VideoUnreadable(f"{Path(video).name} has no frames.", path=str(video), reason="no frames")
    pts.sort()
    keyframes.sort()
    dts.sort()
    tail = dts[-TAIL_PACKETS] if len(dts) >= TAIL_PACKETS else None
    return _Timeline(pts, keyframes or [pts[0]], max(end, pts[-1]), tail)


def _decode_last(container: InputContainer, stream: VideoStream, timeline: _Timeline) -> VideoFrame:
    frame = _decode_tail(container, stream, timeline)
    if frame is None or frame.pts != timeline.pts[-1]:
        frame = _decode_from(container, stream, None, until=None)  # the whole clip, start to end
    if frame is None:
        raise VideoUnreadable("No frame of the video could be decoded.", path=container.name, reason="no frames")
    return frame


def _decode_at(container: InputContainer, stream: VideoStream, timeline: _Timeline, target: int) -> VideoFrame:
    """The last frame starting at or before `target` (a pts), decoded from the keyframe before it."""
    keyframe_at = bisect.bisect_right(timeline.keyframes, target) - 1
    seek_to = timeline.keyframes[max(keyframe_at, 0)]
    frame = _decode_from(container, stream, seek_to, until=target)
    if frame is None:
        frame = _decode_from(container, stream, None, until=target)
    if frame is None:
        raise VideoUnreadable("No frame of the video could be decoded.", path=container.name, reason="no frames")
    return frame


def _decode_tail(container: InputContainer, stream: VideoStream, timeline: _Timeline) -> VideoFrame | None:
    """The last frame, decoded from the last keyframe. Until the last few packets, frames no
    other frame refers to are skipped (half the work when a clip has one keyframe): skipping
    them cannot change any later frame, and the last ones are all decoded. The caller checks
    that the frame is the stream's last and decodes everything otherwise."""
    container.seek(timeline.keyframes[-1], stream=stream, backward=True)
    context, best = stream.codec_context, None
    for packet in container.demux(stream):
        if packet.dts is not None and timeline.tail_dts is not None:
            context.skip_frame = "NONREF" if packet.dts < timeline.tail_dts else "DEFAULT"
        for frame in packet.decode():  # the last, empty packet flushes the decoder
            if frame.pts is not None:
                best = frame
    context.skip_frame = "DEFAULT"
    return best


def _decode_from(
    container: InputContainer, stream: VideoStream, seek_pts: int | None, *, until: int | None
) -> VideoFrame | None:
    """Decode from the keyframe at `seek_pts` (None: the start); the last frame with pts <= until."""
    if seek_pts is None:
        container.seek(0)
    else:
        container.seek(seek_pts, stream=stream, backward=True)
    best = None
    for frame in container.decode(stream):
        if frame.pts is None:
            continue
        if until is not None and frame.pts > until:
            break
        best = frame
    return best


def _write(frame: VideoFrame, timeline: _Timeline, stream: VideoStream, path: Path, kind: str) -> FrameInfo:
    if frame.pts is None:  # the decoders above only keep frames that have one
        raise VideoUnreadable("The decoded frame has no timestamp.", path=str(path), reason="no frames")
    image: Image.Image = frame.to_image()
    _save_atomically(image, path, kind)
    index = bisect.bisect_left(timeline.pts, frame.pts)
    return FrameInfo(
        path=path,
        index=index,
        seconds=float((frame.pts - timeline.start) * time_base(stream)),
        width=image.width,
        height=image.height,
    )


def _save_atomically(image: Image.Image, path: Path, kind: str, **options: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            image.save(out, kind, **options)
        os.chmod(temporary, 0o644)  # mkstemp makes it private; this is the user's own picture
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
