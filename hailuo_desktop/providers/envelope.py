"""The `{code, msg|message, data}` envelope kie.ai, Apikley and APIXO share, and their task record.

kie documents `code` as a *body* status that can say 401/402/455... on an HTTP 200, so the
body code is checked first; APIXO sends the same envelope with a matching HTTP status.
"""

from __future__ import annotations

from ..domain.states import RemoteState
from .base import RemoteStatus
from .fields import JsonObject, as_dict, as_int, as_text, dig
from .http import Answer, ProviderHttp, clean_message, error_for_code
from .normalize import epoch_ms, fail_info, require_state, result_json_url


def envelope_code(answer: Answer) -> int:
    """The status that counts: a non-2xx body code, else the HTTP status."""
    code = as_int(answer.body.get("code"))
    if code is not None and not 200 <= code < 300:
        return code
    return answer.status if not answer.http_ok else 200


def envelope_message(http: ProviderHttp, body: JsonObject) -> str | None:
    """`msg` (createTask, per-model docs) or `message` (recordInfo, APIXO), plus APIXO's data.error."""
    candidates = (
        body.get("msg"),
        body.get("message"),
        dig(body, "data", "error"),
        body.get("error") if isinstance(body.get("error"), str) else dig(body, "error", "message"),
    )
    parts: list[str] = []
    for candidate in candidates:
        text = clean_message(as_text(candidate), http.key)
        if text and text not in parts:
            parts.append(text)
    return " — ".join(parts) or None


def checked_body(http: ProviderHttp, answer: Answer, *, on_poll: bool = False) -> JsonObject:
    """The envelope of a successful answer; any error status becomes its typed error."""
    code = envelope_code(answer)
    if code != 200:
        raise error_for_code(
            code, name=http.name, message=envelope_message(http, answer.body), answer=answer, on_poll=on_poll
        )
    if not isinstance(answer.payload, dict):
        raise http.not_json(answer)
    return answer.body


def record_status(http: ProviderHttp, answer: Answer, data: JsonObject) -> RemoteStatus:
    """A task record (kie's recordInfo, APIXO's statusTask) as one RemoteStatus."""
    state, raw_state = require_state(http, answer, data.get("state"))
    url = result_json_url(http, answer, data.get("resultJson")) if state is RemoteState.SUCCEEDED else None
    code, message = fail_info(data, http) if state is RemoteState.FAILED else (None, None)
    return RemoteStatus(
        state,
        raw_state,
        video_url=url,
        fail_code=code,
        fail_message=message,
        created_ms=epoch_ms(data.get("createTime")),
        completed_ms=epoch_ms(data.get("completeTime")),
    )


def record_data(http: ProviderHttp, answer: Answer, body: JsonObject) -> JsonObject:
    data = body.get("data")
    if not isinstance(data, dict):
        raise http.malformed(answer, "the task status has no data")
    return as_dict(data)
