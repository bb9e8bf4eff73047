"""MiniMax's own API: errors ride in `base_resp` on HTTP 200; the video needs a second lookup.

Wire format: shared/providers.md section 4. Success carries only a `file_id`;
`GET /v1/files/retrieve` turns it into `file.download_url`, done inside `poll()` so the
runner sees one RemoteStatus with a URL like every other provider's.
"""

from __future__ import annotations

from ..domain.catalog import ModelSpec
from ..domain.errors import AuthError, ContentRejected, HailuoError, ProviderUnavailable
from ..domain.states import RemoteState
from .adapter import Adapter
from .base import Balance, RemoteStatus, SubmitPayload
from .fields import JsonObject, as_int, as_text, dig
from .http import Answer, ErrorDetail, clean_message, error_for_code
from .normalize import checked_remote_id, require_state, require_url, task_id_from

# base_resp.status_code -> the HTTP-like status whose typed error it means (see http.error_for_code).
_AS_STATUS = {1002: 429, 1004: 401, 2049: 401, 1008: 402, 2013: 400}
CONTENT_CODES = frozenset({1026, 1027, 1039})  # sensitive input; generated video flagged; filtered (CLI)
REAL_NAME_CODE = 2038
SPECIFIC_CODES = frozenset(_AS_STATUS) | CONTENT_CODES | {REAL_NAME_CODE}  # they say more than any HTTP status


class MiniMaxProvider(Adapter):
    async def submit(self, payload: SubmitPayload) -> str:
        answer = await self.http.post_json("/v1/video_generation", self.body_for(payload))
        body = self._checked(answer, on_poll=False)
        return task_id_from(self.http, answer, body.get("task_id"))

    def body_for(self, payload: SubmitPayload) -> JsonObject:
        request = self.checked_request(payload)
        model = request.spec
        image, end_image = self.image_urls(payload)
        body: JsonObject = {"model": model.model, "prompt": request.prompt}
        if image is not None:
            body["first_frame_image"] = image  # a public URL or a data: URL; no upload needed
        if end_image is not None:
            body["last_frame_image"] = end_image
        body["duration"] = request.effective_duration  # an integer here, unlike kie's string
        body["resolution"] = request.effective_resolution
        body["prompt_optimizer"] = True if request.prompt_optimizer is None else request.prompt_optimizer
        return body

    async def poll(self, model: ModelSpec, remote_id: str) -> RemoteStatus:
        self.checked_model(model)
        task_id = checked_remote_id(self.name, remote_id)
        answer = await self.http.get("/v1/query/video_generation", params={"task_id": task_id})
        if answer.http_ok and _is_fail(answer):
            return self._failed(answer)  # before base_resp: a failed task may carry its error code there
        body = self._checked(answer, on_poll=True)
        state, raw_state = require_state(self.http, answer, body.get("status"))
        if state is not RemoteState.SUCCEEDED:
            return RemoteStatus(state, raw_state)
        return RemoteStatus(state, raw_state, video_url=await self._download_url(answer, body))

    async def _download_url(self, answer: Answer, body: JsonObject) -> str:
        file_id = as_text(body.get("file_id"))  # only present on Success
        if file_id is None:
            raise self.http.malformed(answer, "the task succeeded but has no file_id")
        file_answer = await self.http.get("/v1/files/retrieve", params={"file_id": file_id})
        file_body = self._checked(file_answer, on_poll=True)
        return require_url(self.http, file_answer, dig(file_body, "file", "download_url"))

    def _failed(self, answer: Answer) -> RemoteStatus:
        body = answer.body
        code = as_int(dig(body, "base_resp", "status_code"))
        message = clean_message(as_text(dig(body, "base_resp", "status_msg")), self.http.key)
        raw_state = as_text(body.get("status")) or "Fail"
        return RemoteStatus(
            RemoteState.FAILED,
            raw_state.strip(),
            fail_code=str(code) if code else None,
            fail_message=message if code else None,
        )

    async def balance(self) -> Balance | None:
        # The official CLI calls /account/query_balance or /v1/token_plan/remains depending on
        # the key type, but neither response shape is verified (providers.md 4, [S/I]); a
        # wrong reading would show a false balance, which is worse than none.
        return None

    def _checked(self, answer: Answer, *, on_poll: bool) -> JsonObject:
        """The body when both the HTTP status and base_resp say OK; else the typed error."""
        code = as_int(dig(answer.body, "base_resp", "status_code"))
        if code not in (None, 0) and (answer.http_ok or code in SPECIFIC_CODES):
            raise self._base_resp_error(answer, code)
        if not answer.http_ok:
            # A generic base_resp (1000 "unknown error") says less than an HTTP 503 or 404.
            message = clean_message(as_text(dig(answer.body, "base_resp", "status_msg")), self.http.key)
            raise error_for_code(
                answer.status,
                name=self.name,
                message=message,
                answer=answer,
                on_poll=on_poll,
                provider_code=str(code) if code else None,
            )
        if not isinstance(answer.payload, dict):
            raise self.http.not_json(answer)
        return answer.body

    def _base_resp_error(self, answer: Answer, code: int) -> HailuoError:
        message = clean_message(as_text(dig(answer.body, "base_resp", "status_msg")), self.http.key)
        detail: ErrorDetail = {"provider_code": str(code), "provider_message": message, "status": answer.status}
        suffix = f": {message}" if message else "."
        if code in _AS_STATUS:
            return error_for_code(
                _AS_STATUS[code], name=self.name, message=message, answer=answer, on_poll=False, provider_code=str(code)
            )
        if code in CONTENT_CODES:
            return ContentRejected(
                f"{self.name} rejected the content (code {code}); change the prompt or image{suffix}", **detail
            )
        if code == REAL_NAME_CODE:
            return AuthError(
                f"{self.name} requires real-name verification of this account (code {code}); "
                f"complete it in the MiniMax console{suffix}",
                **detail,
            )
        return ProviderUnavailable(
            f"{self.name} could not handle the request (code {code}){suffix}", retry_after=answer.retry_after, **detail
        )


def _is_fail(answer: Answer) -> bool:
    """A failed task reports status Fail (or "Failed", as the official CLI spells it)."""
    status = answer.body.get("status")
    return isinstance(status, str) and status.strip().lower() in ("fail", "failed")
