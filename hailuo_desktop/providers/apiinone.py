"""API in One (apiin.one): a flat body, `data.task_id`, and an OpenAI-style error envelope.

Wire format: shared/providers.md section 3. The status response body is NOT documented
[I], so `poll` reads it defensively: `data.status` then `status`, the video URL from the
first of several places public clients use, the failure from `data.error` or `error`.
"""

from __future__ import annotations

import logging
from urllib.parse import quote

from ..domain.catalog import ModelSpec, ProviderSpec
from ..domain.errors import HailuoError
from ..domain.states import RemoteState
from .adapter import Adapter
from .base import Balance, RemoteStatus, SubmitPayload
from .envelope import envelope_code, envelope_message
from .fields import JsonObject, as_dict, as_int, as_text, dig, first_of
from .http import Answer, ProviderHttp, clean_message, error_for_code
from .normalize import checked_remote_id, require_state, require_url, task_id_from
from .redact import redacted_json

log = logging.getLogger(__name__)

# Undocumented error `type` strings mapped by what they say, for an envelope without a code. [I]
_TYPE_WORDS = (
    ("auth", 401),
    ("permission", 403),
    ("forbidden", 403),
    ("quota", 402),
    ("credit", 402),
    ("balance", 402),
    ("insufficient", 402),
    ("rate", 429),
    ("not_found", 404),
    ("invalid", 400),
)


class ApiInOneProvider(Adapter):
    def __init__(self, spec: ProviderSpec, http: ProviderHttp) -> None:
        super().__init__(spec, http)
        self._logged_tasks: set[str] = set()

    async def submit(self, payload: SubmitPayload) -> str:
        answer = await self.http.post_json("/api/v1/videos/generations", self.body_for(payload))
        body = self._checked(answer, on_poll=False)
        return task_id_from(self.http, answer, first_of(dig(body, "data", "task_id"), body.get("task_id")))

    def body_for(self, payload: SubmitPayload) -> JsonObject:
        """Flat, with the sub-model id in `model` as every example does [I: the seed is ambiguous]."""
        request = self.checked_request(payload)
        model = request.spec
        image, _ = self.image_urls(payload)
        body: JsonObject = {"model": model.model, "prompt": request.prompt}
        if image is not None:
            body["image"] = image  # one URL string; `input_urls` is the image routes' field
        if model.durations:
            body["duration"] = str(request.effective_duration)
        if model.resolutions:
            body["resolution"] = request.effective_resolution
        return body

    async def poll(self, model: ModelSpec, remote_id: str) -> RemoteStatus:
        self.checked_model(model)
        task_id = checked_remote_id(self.name, remote_id)
        answer = await self.http.get(f"/api/v1/tasks/{quote(task_id, safe='')}")
        self._log_first_body(task_id, answer)
        body = self._checked(answer, on_poll=True)
        return self._status(answer, body)

    def _log_first_body(self, task_id: str, answer: Answer) -> None:
        """The status body is undocumented: the first one of each task goes to the log at DEBUG
        (keys and tokens redacted), so a real user's log shows what API in One sends."""
        if task_id in self._logged_tasks or not log.isEnabledFor(logging.DEBUG):
            return
        self._logged_tasks.add(task_id)
        log.debug(
            "API in One status of task %s (first answer, HTTP %s): %s",
            task_id,
            answer.status,
            redacted_json(answer.payload, self.http.key.reveal()),
        )

    async def balance(self) -> Balance | None:
        # No credits endpoint was found: the docs send account and billing questions to the
        # shared dashboard (providers.md 3.3). Guessing a path would only produce 404s.
        return None

    def _checked(self, answer: Answer, *, on_poll: bool) -> JsonObject:
        """The body of a good answer; `{"error": {...}}` or an error status becomes a typed error."""
        body = answer.body
        error = body.get("error")
        has_status = _raw_status(body) is not None
        if isinstance(error, dict) and not (answer.http_ok and on_poll and has_status):
            raise self._error_envelope(answer, as_dict(error), on_poll)
        code = envelope_code(answer)
        if code != 200:
            raise error_for_code(
                code, name=self.name, message=envelope_message(self.http, body), answer=answer, on_poll=on_poll
            )
        if not isinstance(answer.payload, dict):
            raise self.http.not_json(answer)
        return body

    def _error_envelope(self, answer: Answer, error: JsonObject, on_poll: bool) -> HailuoError:
        code = as_int(error.get("code"))
        if code is None or 200 <= code < 300:
            code = answer.status if not answer.http_ok else _code_for_type(error.get("type"))
        message = clean_message(as_text(error.get("message")), self.http.key)
        kind = as_text(error.get("type"))
        return error_for_code(
            code,
            name=self.name,
            message=message,
            answer=answer,
            on_poll=on_poll,
            provider_code=clean_message(kind, self.http.key) if kind else None,
        )

    def _status(self, answer: Answer, body: JsonObject) -> RemoteStatus:
        state, raw_state = require_state(self.http, answer, _raw_status(body))
        data = as_dict(body.get("data")) or body
        if state is RemoteState.SUCCEEDED:
            return RemoteStatus(state, raw_state, video_url=require_url(self.http, answer, *_url_candidates(data)))
        if state is RemoteState.FAILED:
            code, message = self._failure(body, data)
            return RemoteStatus(state, raw_state, fail_code=code, fail_message=message)
        return RemoteStatus(state, raw_state)

    def _failure(self, body: JsonObject, data: JsonObject) -> tuple[str | None, str | None]:
        error = first_of(data.get("error"), body.get("error"))
        if isinstance(error, dict):
            code = as_text(first_of(error.get("code"), error.get("type")))
            return clean_message(code, self.http.key), clean_message(as_text(error.get("message")), self.http.key)
        return None, clean_message(as_text(error), self.http.key)


def _raw_status(body: JsonObject) -> object:
    """Every place a state has been seen or is plausible, the documented-looking ones first."""
    return first_of(
        dig(body, "data", "status"),
        body.get("status"),
        dig(body, "data", "state"),
        body.get("state"),
        dig(body, "data", "task_status"),
        dig(body, "task", "status"),
    )


def _url_candidates(data: JsonObject) -> tuple[object, ...]:
    return (
        dig(data, "output", "video_url"),
        data.get("video_url"),
        dig(data, "output", "url"),
        dig(data, "result_urls", 0),
        dig(data, "output", 0),
        dig(data, "output", "videos", 0),
        dig(data, "output", "video_urls", 0),
        dig(data, "result", "video_url"),
        dig(data, "result", "url"),
        data.get("result_url"),
        dig(data, "resultUrls", 0),
        data.get("url"),
        data.get("output"),
    )


def _code_for_type(kind: object) -> int:
    text = kind.lower() if isinstance(kind, str) else ""
    for word, code in _TYPE_WORDS:
        if word in text:
            return code
    return 500
