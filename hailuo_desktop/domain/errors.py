"""Typed errors. They never inherit from an HTTP library's exceptions, and never carry a key.

Each error has a stable `code` (shown in --json output and stored with a failed task) and
the provider's own code and message when there was one, so a failure can be reported as
the provider said it.
"""

from __future__ import annotations


class HailuoError(Exception):
    code = "error"

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

    def details(self) -> dict:
        return {
            "code": self.code,
            "message": self.message,
            "provider_code": self.provider_code,
            "provider_message": self.provider_message,
            "http_status": self.status,
        }


class AuthError(HailuoError):
    code = "auth"


class InsufficientBalance(HailuoError):
    code = "insufficient_balance"


class RateLimited(HailuoError):
    code = "rate_limited"

    def __init__(self, message: str, *, retry_after: float | None = None, **kw) -> None:
        super().__init__(message, **kw)
        self.retry_after = retry_after


class InvalidRequest(HailuoError):
    code = "invalid_request"


class ContentRejected(HailuoError):
    code = "content_rejected"


class ProviderUnavailable(HailuoError):
    """5xx, maintenance, malformed answers.

    `maintenance` is True when the provider said so explicitly (kie 455, HTTP 503):
    such an answer provably created nothing.
    """

    code = "provider_unavailable"

    def __init__(self, message: str, *, maintenance: bool = False, retry_after: float | None = None, **kw) -> None:
        super().__init__(message, **kw)
        self.maintenance = maintenance
        self.retry_after = retry_after


class NetworkError(HailuoError):
    """The connection failed. `sent` is False only when the request provably never left."""

    code = "network"

    def __init__(self, message: str, *, sent: bool, **kw) -> None:
        super().__init__(message, **kw)
        self.sent = sent


class TaskFailed(HailuoError):
    """The provider accepted the task and then reported it failed."""

    code = "task_failed"


class TaskNotFound(HailuoError):
    code = "task_not_found"


class ResultExpired(HailuoError):
    code = "result_expired"


class DownloadError(HailuoError):
    code = "download"


class StorageError(HailuoError):
    """Disk full, unwritable output folder, corrupt store."""

    code = "storage"


class MissingKey(HailuoError):
    code = "missing_key"


class KeyringUnavailable(HailuoError):
    code = "keyring_unavailable"


class ImageRejected(HailuoError):
    """A local image the chosen provider will not accept; `problems` lists every reason."""

    code = "image_rejected"

    def __init__(self, message: str, problems: list | None = None, **kw) -> None:
        super().__init__(message, **kw)
        self.problems = problems or []


class UploadRouteMissing(HailuoError):
    code = "upload_route_missing"


class AmbiguousSubmit(HailuoError):
    """A submit whose outcome is unknown: the provider may have created (and billed) a task."""

    code = "ambiguous_submit"


def is_provably_not_created(error: HailuoError) -> bool:
    """True when a failed submit certainly created no task, so sending it again is safe."""
    if isinstance(error, NetworkError):
        return not error.sent
    if isinstance(error, RateLimited):
        return True
    if isinstance(error, ProviderUnavailable):
        return error.maintenance
    return False
