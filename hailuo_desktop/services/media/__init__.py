"""The Qt-free media core: frames, posters, tagged copies, joins and exports (PyAV + Pillow).

Everything here blocks (decoding, file I/O): the window calls it off the GUI thread.
Nothing here opens an encoder: pictures leave through Pillow, videos by stream copy, so
the app needs only FFmpeg's demuxers, decoders and muxers (see packaging/README.md on
what that means for the licence of a bundle).
"""

from .copy import JoinResult, join_videos, remux_with_tags
from .errors import (
    FrameOutOfRange,
    JoinMismatch,
    MediaError,
    NoVideo,
    TargetExists,
    TemplateError,
    VideoUnreadable,
)
from .export import ExportedFile, export_sequence, export_takes, video_of
from .frames import FrameInfo, frame_at, last_frame, poster_frame, poster_path
from .names import DEFAULT_TEMPLATE, render_name
from .probe import VideoInfo, probe
from .sidecar import take_sidecar

__all__ = [
    "DEFAULT_TEMPLATE",
    "ExportedFile",
    "FrameInfo",
    "FrameOutOfRange",
    "JoinMismatch",
    "JoinResult",
    "MediaError",
    "NoVideo",
    "TargetExists",
    "TemplateError",
    "VideoInfo",
    "VideoUnreadable",
    "export_sequence",
    "export_takes",
    "frame_at",
    "join_videos",
    "last_frame",
    "poster_frame",
    "poster_path",
    "probe",
    "remux_with_tags",
    "render_name",
    "take_sidecar",
    "video_of",
]
