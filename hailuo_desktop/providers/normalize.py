"""What every adapter normalizes the same way: task ids, state names, timestamps, resultJson."""

from __future__ import annotations

import re

from ..domain.errors import InvalidRequest
from ..domain.states import RemoteState, parse_remote_state
from .fields import JsonObject, as_int, as_text, dig, http_url
from .http import Answer, ProviderHttp, clean_message, parse_json

# Ids seen: "task_12345678", "n51xxxx_hailuo", MiniMax's digits. Printable ASCII, no spaces:
# the id goes into a URL path or query, so anything else is refused rather than encoded.
_TASK_ID = re.compile(r"[\x21-\x7e]{1,256}")
_MAX_MS = 10**14  # year ~5138 in ms: beyond it a "timestamp" is garbage


def task_id_from(http: ProviderHttp, answer: Answer, raw: object) -> str:
    """The provider's id for the task it just created; its absence is an unexpected answer."""
    task_id = as_text(raw)
    if task_id is None:
        raise http.malformed(answer, "no task id in the answer (the task may still have been created)")
    if not _TASK_ID.fullmatch(task_id):
        raise http.malformed(answer, "the task id has characters no id can have")
    if http.key.reveal() in task_id:
        # The id goes to the store and the logs, where the key must never be.
        raise http.malformed(answer, "the task id contains the API key")
    return task_id


def checked_remote_id(name: str, remote_id: object) -> str:
    """A stored task id about to be polled: refuse garbage before it reaches a URL."""
    if not isinstance(remote_id, str) or not _TASK_ID.fullmatch(remote_id):
        raise InvalidRequest(f"This {name} task id is not valid, so it cannot be queried.")
    return remote_id


def require_state(http: ProviderHttp, answer: Answer, raw: object) -> tuple[RemoteState, str]:
    """(internal state, raw string); a state string we do not know is a clear typed error."""
    state = parse_remote_state(raw)
    if not isinstance(raw, str):
        raise http.malformed(answer, "the task status has no state")
    if state is not None:
        return state, raw.strip()
    shown = clean_message(raw, http.key) or ""
    raise http.malformed(answer, f"a task state this app does not know: {shown[:80]!r}")


def epoch_ms(value: object) -> int | None:
    ms = as_int(value)
    return ms if ms is not None and 0 <= ms < _MAX_MS else None


def result_json_url(http: ProviderHttp, answer: Answer, raw: object) -> str:
    """kie/APIXO: `resultJson` is a JSON *string* holding {"resultUrls": [...]}; take the first."""
    result: object
    if isinstance(raw, dict):
        result = raw  # a provider that sends the object itself is forgiven
    elif isinstance(raw, str):
        is_json, result = parse_json(raw.encode("utf-8", "replace"))
        if not is_json:
            raise http.malformed(answer, "resultJson is not JSON")
    else:
        raise http.malformed(answer, "the task succeeded but has no resultJson")
    return require_url(http, answer, dig(result, "resultUrls", 0))


def require_url(http: ProviderHttp, answer: Answer, *candidates: object) -> str:
    for candidate in candidates:
        url = http_url(candidate)
        if url is not None and http.key.reveal() not in url:  # the URL is stored; the key never is
            return url
    raise http.malformed(answer, "the task succeeded but no usable video URL came with it")


def fail_info(data: JsonObject, http: ProviderHttp) -> tuple[str | None, str | None]:
    """failCode / failMsg kept as the provider said them; "" and null both mean "none"."""
    code = as_text(data.get("failCode"))
    return (clean_message(code, http.key) if code else None), clean_message(data.get("failMsg"), http.key)
