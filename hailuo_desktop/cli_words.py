"""The terminal's next step for every failure code: the CLI's counterpart of ui/errors.py.

One table, keyed by ErrorCode; tests/test_error_codes.py fails when a code has no entry.
`{provider}` is the provider id (for commands), `{name}` its display name.
"""

from __future__ import annotations

from .domain import catalog
from .domain.codes import ErrorCode
from .domain.errors import HailuoError, ImageRejected, ProviderUnavailable

C = ErrorCode
NEXT_STEPS: dict[ErrorCode, str] = {
    C.ERROR: "Report it with the log file (under the data folder); your tasks are safe.",
    C.AUTH: "Store a valid key with `hailuo-desktop key set {provider}`.",
    C.MISSING_KEY: "Store a key with `hailuo-desktop key set {provider}`, or set its environment variable.",
    C.KEYRING_UNAVAILABLE: "Unlock or install a system keyring, or give the key in its environment variable.",
    C.INSUFFICIENT_BALANCE: (
        "Top up your {name} account, then run `hailuo-desktop wait`: the tasks held "
        "for it are sent then (nothing was charged for them)."
    ),
    C.MODEL_FORBIDDEN: "Choose another --model, or enable this one in your {name} account.",
    C.INVALID_REQUEST: "Change the options named above, then try again.",
    C.CONTENT_REJECTED: "Change the prompt or use another image.",
    C.IMAGE_REJECTED: "Use another image, or crop or resize it (`hailuo-desktop validate` shows why).",
    C.UPLOAD_ROUTE_MISSING: "Give --image-url, or choose --upload-route kie_upload or apikley_upload.",
    C.RATE_LIMITED: "Wait a minute, then try again.",
    C.PROVIDER_UNAVAILABLE: "Try again in a few minutes.",
    C.MAINTENANCE: "Try again later; nothing was charged.",
    C.MODEL_UNAVAILABLE: "Try again later, or choose another --model.",
    C.NETWORK: "Check the internet connection or the proxy, then try again.",
    C.AMBIGUOUS_SUBMIT: "Check your {name} dashboard before retrying: a retry may be charged again.",
    C.TASK_FAILED: "Change the prompt or the image, then submit again.",
    C.TASK_NOT_FOUND: "Check your {name} dashboard; submit again if the task is not there.",
    C.POLL_TIMEOUT: "Run `hailuo-desktop wait` later to check it again.",
    C.POLL_STOPPED: "Fix the cause, then run `hailuo-desktop wait`.",
    C.NEEDS_CHECK: (
        "Check your {name} dashboard, then run `hailuo-desktop resume TASK_ID` to follow it again, "
        "or `hailuo-desktop give-up TASK_ID`."
    ),
    C.UNKNOWN: "Check your {name} dashboard before submitting again: a retry may be charged again.",
    C.CANCELLED: (
        "If it had been sent, `hailuo-desktop resume TASK_ID` follows it again (the provider may still "
        "finish and charge it); if not, submit it again."
    ),
    C.RESULT_EXPIRED: "Submit it again (a new, paid task).",
    C.DOWNLOAD: "Run `hailuo-desktop wait` soon, before the link expires.",
    C.STORAGE: "Fix the output folder (see above), then run `hailuo-desktop wait`.",
    C.DISK_FULL: "Free some space, then run `hailuo-desktop wait`.",
    C.NO_VIDEO: "Let it finish first (`hailuo-desktop wait`), or leave that take out.",
    C.VIDEO_UNREADABLE: "The file was moved, deleted or damaged: leave that take out.",
    C.FRAME_OUT_OF_RANGE: "Give --at within the clip's length, or use --last.",
    C.JOIN_MISMATCH: "Join only takes made with the same model and settings.",
    C.BAD_TEMPLATE: "Fix --template: fields go in braces (date, prompt:40, provider, model, n and others).",
    C.TARGET_EXISTS: "Choose another name; nothing was overwritten.",
    C.TASK_ID_TOO_SHORT: "Give at least 6 characters of the id (`hailuo-desktop tasks` lists them).",
    C.UNKNOWN_TASK_ID: "Check the id with `hailuo-desktop tasks`.",
    C.AMBIGUOUS_TASK_ID: "Give more characters of the id.",
}
del C


def next_step(code: ErrorCode, provider_id: str | None = None) -> str:
    spec = catalog.PROVIDERS.get(provider_id or "")
    name = spec.name if spec else "the provider"
    return NEXT_STEPS[code].format(provider=provider_id or "PROVIDER", name=name)


def error_text(error: BaseException, provider_id: str | None = None) -> str:
    """The reason and the next step, for stderr (an image's problems on indented lines)."""
    code = _code_of(error)
    reason = str(error).strip()
    step = next_step(code, provider_id)
    line = reason if step in reason else f"{reason} {step}".strip()
    if isinstance(error, ImageRejected) and error.problems:
        line += "\n" + "\n".join(f"  - {p.message}" for p in error.problems)
    return line


def _code_of(error: BaseException) -> ErrorCode:
    if isinstance(error, catalog.CatalogError):
        return ErrorCode.INVALID_REQUEST  # an unknown --provider/--model/--mode combination
    if not isinstance(error, HailuoError):
        return ErrorCode.ERROR
    if isinstance(error, ProviderUnavailable) and error.maintenance and error.code is ErrorCode.PROVIDER_UNAVAILABLE:
        return ErrorCode.MAINTENANCE
    return error.code
