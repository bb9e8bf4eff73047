"""What can go wrong with a video on disk, as typed errors.

Each error has a stable `code` and the facts in `params`, so the window can word it in the
user's language; `message` is the English sentence the CLI prints and the log keeps.
"""

from __future__ import annotations

from ...domain.codes import ErrorCode
from ...domain.errors import HailuoError


class MediaError(HailuoError):
    code = ErrorCode.ERROR  # each subclass has its own

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message)
        self.params = params

    def details(self) -> dict[str, object]:
        return {**super().details(), "params": self.params}


class VideoUnreadable(MediaError):
    """The file is missing, or is not a video PyAV can read to the end."""

    code = ErrorCode.VIDEO_UNREADABLE


class NoVideo(MediaError):
    """The task has no finished video on disk (yet, or any more)."""

    code = ErrorCode.NO_VIDEO


class FrameOutOfRange(MediaError):
    code = ErrorCode.FRAME_OUT_OF_RANGE


class JoinMismatch(MediaError):
    """The takes cannot be joined by stream copy: `property` differs at take `index`."""

    code = ErrorCode.JOIN_MISMATCH


class TemplateError(MediaError):
    code = ErrorCode.BAD_TEMPLATE


class TargetExists(MediaError):
    """The output file is already there; nothing is ever overwritten."""

    code = ErrorCode.TARGET_EXISTS
