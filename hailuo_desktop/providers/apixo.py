"""APIXO: the model id lives in the URL path (submit *and* poll), the quality in `input.mode`.

Wire format: shared/providers.md section 2. The envelope is kie's `{code, message, data}`;
a failed task comes back as HTTP 200, code 200, `data.state: "failed"`.
"""

from __future__ import annotations

from urllib.parse import quote

from ..domain.catalog import ModelSpec, ProviderSpec
from ..domain.errors import ModelForbidden, ModelUnavailable
from .adapter import Adapter
from .base import Balance, RemoteStatus, SubmitPayload
from .envelope import (
    checked_body,
    envelope_code,
    envelope_message,
    record_data,
    record_status,
)
from .fields import JsonObject, as_number, dig
from .http import Answer, ErrorDetail, ProviderHttp
from .normalize import checked_remote_id, task_id_from

ROUTINGS = ("auto", "value", "official")  # the `provider` field: failover, cheapest, most reliable
FORBIDDEN = 403  # this key or route cannot use the model (not a bad key: that is 401)
MODEL_UNAVAILABLE = 503


class ApixoProvider(Adapter):
    def __init__(self, spec: ProviderSpec, http: ProviderHttp, *, routing: str = "auto") -> None:
        super().__init__(spec, http)
        self.routing = routing if routing in ROUTINGS else "auto"

    async def submit(self, payload: SubmitPayload) -> str:
        body = self.body_for(payload)
        model = payload.request.spec
        answer = await self.http.post_json(f"/api/v1/generateTask/{_model_path(model)}", body)
        envelope = self._checked(answer, model, on_poll=False)
        return task_id_from(self.http, answer, dig(envelope, "data", "taskId"))

    def body_for(self, payload: SubmitPayload) -> JsonObject:
        """`provider` is the routing the user chose (auto = failover, value = cheapest, official)."""
        request = self.checked_request(payload)
        model = request.spec
        image, _ = self.image_urls(payload)
        fields: JsonObject = {"mode": model.mode, "prompt": request.prompt}
        if image is not None:
            fields["image_urls"] = [image]  # exactly one URL
        if model.durations:
            # Required on standard modes; pro modes have a fixed length and ignore it.
            fields["duration"] = request.effective_duration
        return {"request_type": "async", "provider": self.routing, "input": fields}

    async def poll(self, model: ModelSpec, remote_id: str) -> RemoteStatus:
        self.checked_model(model)
        task_id = checked_remote_id(self.name, remote_id)
        answer = await self.http.get(f"/api/v1/statusTask/{_model_path(model)}", params={"taskId": task_id})
        body = self._checked(answer, model, on_poll=True)
        return record_status(self.http, answer, record_data(self.http, answer, body))

    async def balance(self) -> Balance | None:
        answer = await self.http.get("/api/v1/apikeys/current-balance")
        body = checked_body(self.http, answer)
        usd = as_number(body.get("data"))
        if usd is None:
            raise self.http.malformed(answer, "the balance is not a number")
        return Balance(usd, "usd")

    def _checked(self, answer: Answer, model: ModelSpec, *, on_poll: bool) -> JsonObject:
        """APIXO's 403 and 503 are about the model, not the key or the whole service."""
        code = envelope_code(answer)
        said = envelope_message(self.http, answer.body)
        detail: ErrorDetail = {"provider_code": str(code), "provider_message": said, "status": answer.status}
        suffix = f": {said}" if said else "."
        if code == FORBIDDEN:
            raise ModelForbidden(
                f"{self.name} says this key or its route ({self.routing}) cannot use {model.label} (code 403){suffix}",
                **detail,
            )
        if code == MODEL_UNAVAILABLE:
            raise ModelUnavailable(
                f"{self.name} says {model.label} is unavailable right now (code 503); nothing was created{suffix}",
                maintenance=True,
                retry_after=answer.retry_after,
                **detail,
            )
        return checked_body(self.http, answer, on_poll=on_poll)


def _model_path(model: ModelSpec) -> str:
    return quote(model.model, safe="")
