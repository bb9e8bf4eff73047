"""Typed errors. They never inherit from an HTTP library's exceptions, and never carry a key.

Each error has a stable `code` (shown in --json output and stored with a failed task) and
the provider's own code and message when there was one, so a failure can be reported as
the provider said it.
"""

from __future__ import annotations

from typing import Any

from .codes import ErrorCode


class HailuoError(Exception):
    code: ErrorCode = ErrorCode.ERROR
    provider_id: str | None = None  # set by whoever knows which provider the error is about

    def __init__(
        self,
        message: str,
        *,
        provider_code: str | None = None,
        provider_message: str | None = None,
        status: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.provider_code = provider_code
        self.provider_message = provider_message
        self.status = status

    def details(self) -> dict[str, object]:
        return {
            "code": self.code,
            "message": self.message,
            "provider_code": self.provider_code,
            "provider_message": self.provider_message,
            "http_status": self.status,
        }


class AuthError(HailuoError):
    code = ErrorCode.AUTH


class InsufficientBalance(HailuoError):
    code = ErrorCode.INSUFFICIENT_BALANCE


class RateLimited(HailuoError):
    code = ErrorCode.RATE_LIMITED

    def __init__(self, message: str, *, retry_after: float | None = None, **kw: Any) -> None:
        super().__init__(message, **kw)
        self.retry_after = retry_after


class ModelForbidden(HailuoError):
    """This key (or the route it came through) may not use that model (APIXO 403): nothing was created."""

    code = ErrorCode.MODEL_FORBIDDEN


class InvalidRequest(HailuoError):
    code = ErrorCode.INVALID_REQUEST


class ContentRejected(HailuoError):
    code = ErrorCode.CONTENT_REJECTED


class ProviderUnavailable(HailuoError):
    """5xx, maintenance, malformed answers.

    `maintenance` is True when the provider said so explicitly (kie 455, HTTP 503):
    such an answer provably created nothing.
    """

    code = ErrorCode.PROVIDER_UNAVAILABLE

    def __init__(self, message: str, *, maintenance: bool = False, retry_after: float | None = None, **kw: Any) -> None:
        super().__init__(message, **kw)
        self.maintenance = maintenance
        self.retry_after = retry_after


class ModelUnavailable(ProviderUnavailable):
    """The provider has switched this model off for now (APIXO 503)."""

    code = ErrorCode.MODEL_UNAVAILABLE


class NetworkError(HailuoError):
    """The connection failed. `sent` is False only when the request provably never left."""

    code = ErrorCode.NETWORK

    def __init__(self, message: str, *, sent: bool, **kw: Any) -> None:
        super().__init__(message, **kw)
        self.sent = sent


class TaskFailed(HailuoError):
    """The provider accepted the task and then reported it failed."""

    code = ErrorCode.TASK_FAILED


class TaskNotFound(HailuoError):
    code = ErrorCode.TASK_NOT_FOUND


class ResultExpired(HailuoError):
    code = ErrorCode.RESULT_EXPIRED


class DownloadError(HailuoError):
    code = ErrorCode.DOWNLOAD


class StorageError(HailuoError):
    """Disk full, unwritable output folder, corrupt store."""

    code = ErrorCode.STORAGE


class DiskFull(StorageError):
    """The disk (or the user's quota) is full: freeing space and resuming fixes it."""

    code = ErrorCode.DISK_FULL


class MissingKey(HailuoError):
    code = ErrorCode.MISSING_KEY


class KeyringUnavailable(HailuoError):
    code = ErrorCode.KEYRING_UNAVAILABLE


class ImageRejected(HailuoError):
    """A local image the chosen provider will not accept; `problems` lists every reason."""

    code = ErrorCode.IMAGE_REJECTED

    def __init__(self, message: str, problems: list[Any] | None = None, **kw: Any) -> None:
        super().__init__(message, **kw)
        self.problems = problems or []


class UploadRouteMissing(HailuoError):
    code = ErrorCode.UPLOAD_ROUTE_MISSING


class AmbiguousSubmit(HailuoError):
    """A submit whose outcome is unknown: the provider may have created (and billed) a task."""

    code = ErrorCode.AMBIGUOUS_SUBMIT


def is_provably_not_created(error: HailuoError) -> bool:
    """True when a failed submit certainly created no task, so sending it again is safe."""
    if isinstance(error, NetworkError):
        return not error.sent
    if isinstance(error, RateLimited):
        return True
    if isinstance(error, ProviderUnavailable):
        return error.maintenance
    return False
