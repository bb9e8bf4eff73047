"""Every failure code the project stores, raises or prints: one vocabulary for all layers.

A code is what the core says; the words are the front ends' (`ui/errors.py` for the window,
`cli_words.py` for the terminal). A StrEnum, so a code is stored in the task database and
shown in --json output as its plain value, and compares equal to it.
"""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    ERROR = "error"  # nothing more precise is known (an unexpected exception)
    # the account and the key
    AUTH = "auth"
    MISSING_KEY = "missing_key"
    KEYRING_UNAVAILABLE = "keyring_unavailable"
    INSUFFICIENT_BALANCE = "insufficient_balance"
    MODEL_FORBIDDEN = "model_forbidden"  # this key or route may not use that model (APIXO 403)
    # the request
    INVALID_REQUEST = "invalid_request"
    CONTENT_REJECTED = "content_rejected"
    IMAGE_REJECTED = "image_rejected"
    UPLOAD_ROUTE_MISSING = "upload_route_missing"
    # the provider and the network
    RATE_LIMITED = "rate_limited"
    PROVIDER_UNAVAILABLE = "provider_unavailable"
    MAINTENANCE = "maintenance"
    MODEL_UNAVAILABLE = "model_unavailable"  # the model is switched off for now (APIXO 503)
    NETWORK = "network"
    # the task at the provider
    AMBIGUOUS_SUBMIT = "ambiguous_submit"
    TASK_FAILED = "task_failed"
    TASK_NOT_FOUND = "task_not_found"
    POLL_TIMEOUT = "poll_timeout"
    POLL_STOPPED = "poll_stopped"
    NEEDS_CHECK = "needs_check"  # stuck in a way the user should look at
    UNKNOWN = "unknown"
    CANCELLED = "cancelled"
    # the result and the disk
    RESULT_EXPIRED = "result_expired"
    DOWNLOAD = "download"
    STORAGE = "storage"
    DISK_FULL = "disk_full"
    # a finished take on disk (frames, export, joins)
    NO_VIDEO = "no_video"  # the task has no finished video
    VIDEO_UNREADABLE = "video_unreadable"  # the file is gone, or not a video that decodes
    FRAME_OUT_OF_RANGE = "frame_out_of_range"
    JOIN_MISMATCH = "join_mismatch"  # takes that cannot be joined without re-encoding
    BAD_TEMPLATE = "bad_template"  # an export file-name template that cannot be used
    TARGET_EXISTS = "target_exists"  # a file is never overwritten
    # naming a task by its id
    TASK_ID_TOO_SHORT = "task_id_too_short"
    UNKNOWN_TASK_ID = "unknown_task_id"
    AMBIGUOUS_TASK_ID = "ambiguous_task_id"

    @classmethod
    def parse(cls, text: str | None) -> ErrorCode | None:
        """A stored code; None for none, ERROR for a code this version does not know."""
        if not text:
            return None
        try:
            return cls(text)
        except ValueError:
            return cls.ERROR
