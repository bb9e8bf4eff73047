"""How each way a task can end is written into the store: the state, the code and the words.

One place for the words, so every front end (CLI, window) tells the same story. Each
function returns a typed `Outcome` for `store.settle`. The provider's own code and message are
always kept (`provider_code`, `provider_message`): failure codes differ between docs, and
the user may need to quote them to the provider.
"""

from __future__ import annotations

from ..domain.codes import ErrorCode
from ..domain.errors import HailuoError
from ..domain.failcodes import code_for_failure
from ..domain.outcome import Outcome, ProviderSaid, SavedVideo
from ..domain.states import TaskState
from ..providers.base import RemoteStatus
from .polling import error_clause


def error_sentence(error: BaseException) -> str:
    """The error as one sentence, ending with a full stop, to be followed by advice."""
    text = error_clause(error).strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def _bare(error: BaseException) -> str:
    """The error as a clause, for inside parentheses."""
    return error_clause(error).strip().rstrip(".")


def _said(error: BaseException) -> ProviderSaid:
    if isinstance(error, HailuoError):
        return ProviderSaid(error.provider_code, error.provider_message)
    return ProviderSaid()


def _code(error: BaseException, otherwise: ErrorCode) -> ErrorCode:
    return error.code if isinstance(error, HailuoError) else otherwise


# --- submit ------------------------------------------------------------------------
def refused(error: HailuoError, now: float) -> Outcome:
    """The provider refused the submit outright: nothing was created or charged."""
    return Outcome(TaskState.FAILED, error.code, error.message, now, said=_said(error))


def not_sent(error: BaseException, provider: str, tries: int, now: float) -> Outcome:
    """Every try failed in a way that provably created nothing."""
    message = (
        f"Not sent to {provider} after {tries} tries ({_bare(error)}). Nothing was created or charged; try again later."
    )
    return Outcome(
        TaskState.FAILED, _code(error, ErrorCode.NETWORK), message, now, said=_said(error), withdraw_intent=True
    )


def not_started(error: BaseException, now: float) -> Outcome:
    """Something needed before the submit (a key, an upload, the catalog) failed."""
    message = f"{error_sentence(error)} Nothing was sent or charged."
    return Outcome(TaskState.FAILED, _code(error, ErrorCode.ERROR), message, now, said=_said(error))


def waiting_to_resend(error: BaseException, delay: float) -> Outcome:
    """Still queued: the last try provably created nothing, so the intent is withdrawn."""
    message = f"{error_sentence(error)} Nothing was created; sending again in {delay:.0f} s."
    return Outcome(TaskState.QUEUED, _code(error, ErrorCode.NETWORK), message, withdraw_intent=True)


def ambiguous(error: BaseException | None, provider: str, now: float) -> Outcome:
    """The POST may have reached the provider and created (and billed) a task."""
    what = _bare(error) if error is not None else "no task id came back"
    message = (
        f"{provider} may have created this task and charged for it, but the answer was lost ({what}). "
        f"It will not be sent again automatically. Check your {provider} dashboard: if the task is "
        "there, so is its video. If it is not there, use Retry."
    )
    said = _said(error) if error is not None else None
    return Outcome(TaskState.UNKNOWN, ErrorCode.AMBIGUOUS_SUBMIT, message, now, said=said)


def interrupted_submit(provider: str, now: float) -> Outcome:
    """Found after a restart: the submit had started and no task id was stored."""
    message = (
        f"The app stopped while this task was being sent to {provider}, so it may have been created and "
        f"charged. It will not be sent again automatically. Check your {provider} dashboard; if the task "
        "is not there, use Retry."
    )
    return Outcome(TaskState.UNKNOWN, ErrorCode.AMBIGUOUS_SUBMIT, message, now)


# --- polling -----------------------------------------------------------------------
def provider_failed(status: RemoteStatus, provider: str, now: float) -> Outcome:
    reason = status.fail_message or "no reason given"
    code_text = f" (code {status.fail_code})" if status.fail_code else ""
    return Outcome(
        TaskState.FAILED,
        code_for_failure(status.fail_code),
        f"{provider} reports the task failed: {reason}{code_text}",
        now,
        said=ProviderSaid(status.fail_code, status.fail_message),
    )


def failed_while_polling(error: HailuoError, provider: str, now: float) -> Outcome:
    """The provider said the task failed or was refused, through an error rather than a state."""
    return Outcome(
        TaskState.FAILED, error.code, f"{provider} reports the task failed: {error.message}", now, said=_said(error)
    )


def not_found(remote_id: str | None, provider: str, now: float) -> Outcome:
    message = (
        f"{provider} does not know task {remote_id} (it may have been deleted, or the key belongs to "
        f"another account). If you were charged, contact {provider} with this task id."
    )
    return Outcome(TaskState.FAILED, ErrorCode.TASK_NOT_FOUND, message, now)


def gave_up_polling(remote_id: str | None, provider: str, minutes: float, now: float) -> Outcome:
    message = (
        f"No result from {provider} after {minutes:.0f} min of polling. The task ({remote_id}) may still "
        "finish: it is checked again on the next start, or when you resume it."
    )
    return Outcome(TaskState.UNKNOWN, ErrorCode.POLL_TIMEOUT, message, now)


def poll_stopped(error: BaseException, remote_id: str | None, now: float) -> Outcome:
    message = (
        f"Checking task {remote_id} stopped: {error_sentence(error)} Fix this, then resume the task "
        "(it is also checked again on the next start); the provider keeps it meanwhile."
    )
    return Outcome(TaskState.UNKNOWN, _code(error, ErrorCode.POLL_STOPPED), message, now, said=_said(error))


def needs_check(error: BaseException, remote_id: str | None, tries: int, now: float) -> Outcome:
    """The poll retry budget is spent: the runner stops following the task and frees its slot."""
    message = (
        f"Checking task {remote_id} failed {tries} times in a row ({_bare(error)}). The app stopped "
        "asking so other tasks can go ahead; the provider keeps the task. Resume it to check again, or "
        "give it up."
    )
    return Outcome(TaskState.NEEDS_CHECK, ErrorCode.NEEDS_CHECK, message, now, said=_said(error))


def held_for_balance(provider: str) -> Outcome:
    """Not sent: an earlier submit to this provider was refused for the balance."""
    message = (
        f"Not sent: {provider} said the balance is too low, so submits to {provider} are paused. "
        "Top up, then resume the provider."
    )
    return Outcome(TaskState.QUEUED, ErrorCode.INSUFFICIENT_BALANCE, message)


# --- download ----------------------------------------------------------------------
def result_expired(error: HailuoError, provider: str, now: float) -> Outcome:
    message = (
        f"The video's link expired before it could be downloaded ({_bare(error)}). {provider} keeps "
        "results only for a limited time, so this video can no longer be fetched."
    )
    return Outcome(TaskState.FAILED, ErrorCode.RESULT_EXPIRED, message, now)


def download_failed(error: BaseException, now: float) -> Outcome:
    """The result exists but did not reach the disk; the task stays resumable (UNKNOWN + remote id)."""
    message = (
        f"{error_sentence(error)} The video is not lost yet: resume the task (it is also tried again "
        "on the next start) before the provider's link expires."
    )
    return Outcome(TaskState.UNKNOWN, _code(error, ErrorCode.DOWNLOAD), message, now)


def succeeded(size: int, sha256: str, now: float) -> Outcome:
    return Outcome(TaskState.SUCCEEDED, None, None, now, said=ProviderSaid(), video=SavedVideo(size, sha256))


# --- cancel ------------------------------------------------------------------------
def cancelled(remote_id: str | None, submit_started: bool, provider: str, now: float) -> Outcome:
    if remote_id:
        message = (
            f"Cancelled: the app stopped checking task {remote_id}. {provider} may still finish it (and charge for it)."
        )
    elif submit_started:
        message = f"Cancelled. It may have been created at {provider}; check your dashboard."
    else:
        message = "Cancelled before it was sent; nothing was charged."
    return Outcome(TaskState.CANCELLED, ErrorCode.CANCELLED, message, now)
