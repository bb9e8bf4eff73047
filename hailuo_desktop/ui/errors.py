"""Typed errors in a creator's words, with the next step: the one place that does it.

Both a live exception (a slot that failed) and a task's stored failure (error_code plus the
provider's own code and message) go through the same table, so the banner and the task
detail always say the same thing for the same problem.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QCoreApplication

from ..domain import catalog
from ..domain.codes import ErrorCode
from ..domain.errors import HailuoError, ImageRejected, ProviderUnavailable
from ..domain.images import Problem
from ..domain.states import TaskState
from ..domain.task import Task
from .compose.problem_words import problem_text


def tr(text: str) -> str:
    return QCoreApplication.translate("Errors", text)


class NextStep(str, Enum):
    """The button the error place offers next to the message."""

    ENTER_KEY = "enter_key"
    TOP_UP = "top_up"
    EDIT_PROMPT = "edit_prompt"
    OPEN_SETTINGS = "open_settings"
    TRY_LATER = "try_later"
    RETRY = "retry"
    CHECK_DASHBOARD = "check_dashboard"


@dataclass(frozen=True)
class UserMessage:
    title: str  # what happened, one line
    text: str  # the next step, in words
    action: NextStep | None
    details: str  # technical details for "copy details"; never holds a key
    link: str | None = None  # a top-up page or a dashboard


@dataclass(frozen=True)
class _Wording:
    title: str
    text: str
    action: NextStep | None


def _wordings() -> dict[ErrorCode, _Wording]:
    """Every ErrorCode in words: the one table to edit (tests/test_error_codes.py checks it is whole)."""
    # Built per call so tr() sees the translator installed at that time.
    W, C, S = _Wording, ErrorCode, NextStep
    return {
        C.ERROR: W(tr("Something went wrong"), tr("Copy the details and report them; your tasks are safe."), None),
        C.AUTH: W(tr("{name} refused the key"), tr("Enter a valid {name} key in Settings."), S.ENTER_KEY),
        C.MISSING_KEY: W(tr("No key for {name}"), tr("Enter a {name} key, or try the demo."), S.ENTER_KEY),
        C.KEYRING_UNAVAILABLE: W(
            tr("No system keyring is available"),
            tr("The key is kept for this session only; enter it again next time."),
            None,
        ),
        C.INSUFFICIENT_BALANCE: W(
            tr("Not enough balance on {name}"),
            tr(
                "Top up your {name} account (Top up… opens its page), then press Resume above "
                "Generate: new tasks for {name} are held until then, and nothing is charged "
                "for them."
            ),
            S.TOP_UP,
        ),
        C.MODEL_FORBIDDEN: W(
            tr("Your {name} key cannot use this model"),
            tr("Choose another model, or enable this one in your {name} account."),
            S.CHECK_DASHBOARD,
        ),
        C.INVALID_REQUEST: W(
            tr("{name} refused the request"), tr("Change the prompt or the settings, then try again."), S.EDIT_PROMPT
        ),
        C.CONTENT_REJECTED: W(
            tr("{name}'s content filter refused the prompt or the image"),
            tr("Change the image or the prompt, then generate again: the same ones will be refused again."),
            S.EDIT_PROMPT,
        ),
        C.IMAGE_REJECTED: W(
            tr("{name} will not accept this image"), tr("Use another image, or crop or resize it."), None
        ),
        C.UPLOAD_ROUTE_MISSING: W(
            tr("{name} needs a public image URL"),
            tr("Paste an image URL, or choose an upload route in Settings."),
            S.OPEN_SETTINGS,
        ),
        C.RATE_LIMITED: W(
            tr("{name} asks us to slow down"),
            tr(
                "The app waited and tried again as {name} asked; nothing was created or charged. "
                "Try again in a few minutes."
            ),
            S.TRY_LATER,
        ),
        C.PROVIDER_UNAVAILABLE: W(
            tr("{name} is not answering properly"),
            tr(
                "The app tried several times. Try again in a few minutes; a task {name} "
                "already has is checked again on the next start."
            ),
            S.TRY_LATER,
        ),
        C.MAINTENANCE: W(
            tr("{name} is down for maintenance"), tr("Try again later; nothing was charged."), S.TRY_LATER
        ),
        C.MODEL_UNAVAILABLE: W(
            tr("{name} has switched this model off for now"),
            tr("Try again later, or choose another model."),
            S.TRY_LATER,
        ),
        C.NETWORK: W(
            tr("Could not reach {name}"),
            tr("Check your internet connection or the proxy in Settings, then try again."),
            S.TRY_LATER,
        ),
        C.AMBIGUOUS_SUBMIT: W(
            tr("{name} may have created (and charged) this task"),
            tr("Check your {name} dashboard before retrying: a retry may be charged again."),
            S.CHECK_DASHBOARD,
        ),
        C.TASK_FAILED: W(
            tr("{name} could not make this video"),
            tr(
                "Its reason is above. Retry sends a new task with the same settings (charged "
                "again); if the reason is about the image or the prompt, change them first."
            ),
            S.RETRY,
        ),
        C.TASK_NOT_FOUND: W(
            tr("{name} no longer knows this task"),
            tr("Check your {name} dashboard; start a new task if it is not there."),
            S.CHECK_DASHBOARD,
        ),
        C.POLL_TIMEOUT: W(
            tr("{name} has not finished this task yet"),
            tr("It may still finish: the app checks it again on the next start, or press Resume to check now."),
            None,
        ),
        C.POLL_STOPPED: W(
            tr("Checking this task at {name} stopped"),
            tr("Fix the cause shown above, then press Resume; {name} keeps the task meanwhile."),
            None,
        ),
        C.NEEDS_CHECK: W(
            tr("This task needs a check"),
            tr(
                "The app asked {name} about it many times without a usable answer and stopped to "
                "free the slot. Resume checks it again; Give up stops for good. Its state is also on "
                "your {name} dashboard."
            ),
            S.CHECK_DASHBOARD,
        ),
        C.UNKNOWN: W(
            tr("The outcome of this task is unknown"),
            tr("Check your {name} dashboard before retrying: a retry may be charged again."),
            S.CHECK_DASHBOARD,
        ),
        C.CANCELLED: W(
            tr("Cancelled"),
            tr(
                "If {name} already had it, Resume follows it again (nothing is re-sent); Retry starts a "
                "new task, charged again."
            ),
            S.RETRY,
        ),
        C.RESULT_EXPIRED: W(
            tr("The video's link expired before it was saved"),
            tr(
                "{name} keeps results only for a limited time, so this video cannot be fetched any "
                "more. Generate again makes a new, paid task."
            ),
            S.RETRY,
        ),
        C.DOWNLOAD: W(
            tr("The video could not be saved yet"),
            tr(
                "It is tried again on the next start. {name}'s link stays valid for a limited time "
                "(kie.ai and Apikley: about a day), so do not wait long."
            ),
            S.TRY_LATER,
        ),
        C.STORAGE: W(
            tr("Could not write to the disk"),
            tr("Free some space or choose another output folder in Settings."),
            S.OPEN_SETTINGS,
        ),
        C.DISK_FULL: W(
            tr("The disk is full"),
            tr("Free some space or choose another output folder, then press Resume on the task."),
            S.OPEN_SETTINGS,
        ),
        C.NO_VIDEO: W(tr("This take has no video yet"), tr("Wait until it has finished, or leave it out."), None),
        C.VIDEO_UNREADABLE: W(
            tr("The video could not be read"), tr("The file was moved, deleted or damaged; leave this take out."), None
        ),
        C.FRAME_OUT_OF_RANGE: W(tr("There is no frame at that time"), tr("Choose a time within the clip."), None),
        C.JOIN_MISMATCH: W(
            tr("These takes cannot be joined as they are"),
            tr("Join only takes made with the same model and settings."),
            None,
        ),
        C.BAD_TEMPLATE: W(
            tr("The file name template cannot be used"),
            tr("Put fields in braces: date, prompt (prompt:40 keeps 40 characters), provider, model, n and others."),
            None,
        ),
        C.TARGET_EXISTS: W(
            tr("A file of that name is already there"), tr("Choose another name; nothing was overwritten."), None
        ),
        C.TASK_ID_TOO_SHORT: W(tr("That task id is too short"), tr("Give at least 6 characters of the id."), None),
        C.UNKNOWN_TASK_ID: W(tr("No task has that id"), tr("Check the id in the task list."), None),
        C.AMBIGUOUS_TASK_ID: W(tr("Several tasks start with that id"), tr("Give more characters of the id."), None),
    }


def _provider_name(provider_id: str | None) -> str:
    if provider_id in catalog.PROVIDERS:
        return catalog.PROVIDERS[provider_id].name
    return tr("the provider")


def _top_up_url(provider_id: str | None) -> str | None:
    spec = catalog.PROVIDERS.get(provider_id or "")
    return spec.top_up_url if spec and spec.top_up_url else None


def _details(fields: dict) -> str:
    return json.dumps({k: v for k, v in fields.items() if v not in (None, "")}, indent=2, ensure_ascii=False)


def _message(code: ErrorCode, provider_id: str | None, details: str) -> UserMessage:
    wordings = _wordings()
    wording = wordings.get(code) or wordings[ErrorCode.ERROR]
    name = _provider_name(provider_id)
    link = _top_up_url(provider_id) if wording.action in (NextStep.TOP_UP, NextStep.CHECK_DASHBOARD) else None
    return UserMessage(wording.title.format(name=name), wording.text.format(name=name), wording.action, details, link)


def _with_said(message: UserMessage, said: str | None) -> UserMessage:
    """Keep what the provider itself said visible: fail codes differ between docs."""
    if not said:
        return message
    return UserMessage(message.title, f"{said}\n{message.text}", message.action, message.details, message.link)


def describe_error(error: BaseException, provider_id: str | None = None) -> UserMessage:
    """An exception caught in a slot, in words."""
    if not isinstance(error, HailuoError):
        details = _details({"error": type(error).__name__, "message": str(error), "provider": provider_id})
        return _message(ErrorCode.ERROR, provider_id, details)
    code = error.code
    if code is ErrorCode.PROVIDER_UNAVAILABLE and isinstance(error, ProviderUnavailable) and error.maintenance:
        code = ErrorCode.MAINTENANCE
    details = _details({**error.details(), "provider": provider_id})
    message = _message(code, provider_id, details)
    return _with_said(message, _said_for_error(error))


def _said_for_error(error: HailuoError) -> str | None:
    if isinstance(error, ImageRejected) and error.problems:
        return "\n".join(_problem_text(p) for p in error.problems)
    if error.provider_message:
        return _provider_said(error.provider_code, error.provider_message)
    return error.message


def _problem_text(problem) -> str:
    if isinstance(problem, Problem):
        return problem_text(problem)  # in the window's words and language (compose/problem_words.py)
    return getattr(problem, "message", None) or str(problem)


def _provider_said(code: str | None, message: str | None) -> str | None:
    if not message and not code:
        return None
    prefix = f"[{code}] " if code else ""
    return tr("The provider said: ") + prefix + (message or "")


_STATE_CODES = {TaskState.UNKNOWN: ErrorCode.UNKNOWN, TaskState.CANCELLED: ErrorCode.CANCELLED}


def describe_task(task: Task) -> UserMessage | None:
    """A task's stored failure in words; None when the task has nothing to report."""
    code = task.error_code or _STATE_CODES.get(task.state)
    if code is None and not task.error_message:
        return None
    details = _details(
        {
            "task": task.id,
            "provider": task.provider,
            "model": task.model,
            "remote_id": task.remote_id,
            "state": task.state.value,
            "code": task.error_code,
            "message": task.error_message,
            "provider_code": task.provider_code,
            "provider_message": task.provider_message,
            "raw_state": task.raw_state,
        }
    )
    message = _message(code or ErrorCode.TASK_FAILED, task.provider, details)
    said = _provider_said(task.provider_code, task.provider_message) or task.error_message
    return _with_said(message, said)
