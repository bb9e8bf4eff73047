"""How each way a task can end is written into the store: the state, the code and the words.

One place for the words, so every front end (CLI, window) tells the same story. Each
function returns the changes for `store.update`. The provider's own code and message are
always kept (`provider_code`, `provider_message`): failure codes differ between docs, and
the user may need to quote them to the provider.
"""

from __future__ import annotations

from ..domain.errors import AmbiguousSubmit, HailuoError
from ..domain.states import TaskState
from ..providers.base import RemoteStatus
from .polling import describe_error as _describe


def describe_error(error: BaseException) -> str:
    """The error as one sentence, ending with a full stop, to be followed by advice."""
    text = _describe(error).strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def _bare(error: BaseException) -> str:
    """The error as a clause, for inside parentheses."""
    return _describe(error).strip().rstrip(".")

AMBIGUOUS = AmbiguousSubmit.code
POLL_TIMEOUT = "poll_timeout"
POLL_STOPPED = "poll_stopped"
TASK_FAILED = "task_failed"
TASK_NOT_FOUND = "task_not_found"
RESULT_EXPIRED = "result_expired"
CANCELLED = "cancelled"


def _provider_fields(error: BaseException) -> dict:
    if isinstance(error, HailuoError):
        return {"provider_code": error.provider_code, "provider_message": error.provider_message}
    return {"provider_code": None, "provider_message": None}


def _end(state: TaskState, code: str | None, message: str | None, now: float, **more) -> dict:
    return {"state": state, "error_code": code, "error_message": message, "finished_at": now, **more}


# --- submit ------------------------------------------------------------------------
def refused(error: HailuoError, now: float) -> dict:
    """The provider refused the submit outright: nothing was created or charged."""
    return _end(TaskState.FAILED, error.code, error.message, now, **_provider_fields(error))


def not_sent(error: BaseException, provider: str, tries: int, now: float) -> dict:
    """Every try failed in a way that provably created nothing."""
    code = error.code if isinstance(error, HailuoError) else "network"
    message = (f"Not sent to {provider} after {tries} tries ({_bare(error)}). Nothing was created or "
               "charged; try again later.")
    return _end(TaskState.FAILED, code, message, now, submit_started_at=None, **_provider_fields(error))


def not_started(error: BaseException, now: float) -> dict:
    """Something needed before the submit (a key, an upload, the catalog) failed."""
    code = error.code if isinstance(error, HailuoError) else "error"
    message = f"{describe_error(error)} Nothing was sent or charged."
    return _end(TaskState.FAILED, code, message, now, **_provider_fields(error))


def waiting_to_resend(error: BaseException, delay: float) -> dict:
    """Still queued: the last try provably created nothing, so the intent is withdrawn."""
    return {"state": TaskState.QUEUED, "submit_started_at": None,
            "error_code": error.code if isinstance(error, HailuoError) else "network",
            "error_message": f"{describe_error(error)} Nothing was created; sending again in {delay:.0f} s."}


def ambiguous(error: BaseException | None, provider: str, now: float) -> dict:
    """The POST may have reached the provider and created (and billed) a task."""
    what = _bare(error) if error is not None else "no task id came back"
    message = (f"{provider} may have created this task and charged for it, but the answer was lost ({what}). "
               f"It will not be sent again automatically. Check your {provider} dashboard: if the task is "
               "there, so is its video. If it is not there, use Retry.")
    fields = _provider_fields(error) if error is not None else {}
    return _end(TaskState.UNKNOWN, AMBIGUOUS, message, now, **fields)


def interrupted_submit(provider: str, now: float) -> dict:
    """Found after a restart: the submit had started and no task id was stored."""
    message = (f"The app stopped while this task was being sent to {provider}, so it may have been created and "
               f"charged. It will not be sent again automatically. Check your {provider} dashboard; if the task "
               "is not there, use Retry.")
    return _end(TaskState.UNKNOWN, AMBIGUOUS, message, now)


# --- polling -----------------------------------------------------------------------
def provider_failed(status: RemoteStatus, provider: str, now: float) -> dict:
    reason = status.fail_message or "no reason given"
    code_text = f" (code {status.fail_code})" if status.fail_code else ""
    return _end(TaskState.FAILED, TASK_FAILED, f"{provider} reports the task failed: {reason}{code_text}", now,
                provider_code=status.fail_code, provider_message=status.fail_message)


def failed_while_polling(error: HailuoError, provider: str, now: float) -> dict:
    """The provider said the task failed or was refused, through an error rather than a state."""
    return _end(TaskState.FAILED, error.code, f"{provider} reports the task failed: {error.message}", now,
                **_provider_fields(error))


def not_found(remote_id: str, provider: str, now: float) -> dict:
    message = (f"{provider} does not know task {remote_id} (it may have been deleted, or the key belongs to "
               f"another account). If you were charged, contact {provider} with this task id.")
    return _end(TaskState.FAILED, TASK_NOT_FOUND, message, now)


def gave_up_polling(remote_id: str, provider: str, minutes: float, now: float) -> dict:
    message = (f"No result from {provider} after {minutes:.0f} min of polling. The task ({remote_id}) may still "
               "finish: it is checked again on the next start, or when you resume it.")
    return _end(TaskState.UNKNOWN, POLL_TIMEOUT, message, now)


def poll_stopped(error: BaseException, remote_id: str, now: float) -> dict:
    message = (f"Checking task {remote_id} stopped: {describe_error(error)} Fix this, then resume the task "
               "(it is also checked again on the next start); the provider keeps it meanwhile.")
    code = error.code if isinstance(error, HailuoError) else POLL_STOPPED
    return _end(TaskState.UNKNOWN, code, message, now, **_provider_fields(error))


# --- download ----------------------------------------------------------------------
def result_expired(error: HailuoError, provider: str, now: float) -> dict:
    message = (f"The video's link expired before it could be downloaded ({_bare(error)}). {provider} keeps "
               "results only for a limited time, so this video can no longer be fetched.")
    return _end(TaskState.FAILED, RESULT_EXPIRED, message, now)


def download_failed(error: BaseException, now: float) -> dict:
    """The result exists but did not reach the disk; the task stays resumable (UNKNOWN + remote id)."""
    code = error.code if isinstance(error, HailuoError) else "download"
    message = (f"{describe_error(error)} The video is not lost yet: resume the task (it is also tried again "
               "on the next start) before the provider's link expires.")
    return _end(TaskState.UNKNOWN, code, message, now)


def succeeded(size: int, sha256: str, now: float) -> dict:
    return _end(TaskState.SUCCEEDED, None, None, now, video_bytes=size, video_sha256=sha256,
                provider_code=None, provider_message=None)


# --- cancel ------------------------------------------------------------------------
def cancelled(remote_id: str | None, submit_started: bool, provider: str, now: float) -> dict:
    if remote_id:
        message = (f"Cancelled: the app stopped checking task {remote_id}. {provider} may still finish it "
                   "(and charge for it).")
    elif submit_started:
        message = f"Cancelled. It may have been created at {provider}; check your dashboard."
    else:
        message = "Cancelled before it was sent; nothing was charged."
    return _end(TaskState.CANCELLED, CANCELLED, message, now)
