"""APIXO: the model id lives in the URL path (submit *and* poll), the quality in `input.mode`.

Wire format: shared/providers.md section 2. The envelope is kie's `{code, message, data}`;
a failed task comes back as HTTP 200, code 200, `data.state: "failed"`.
"""

from __future__ import annotations

from urllib.parse import quote

from ..domain.catalog import ModelSpec
from .adapter import Adapter
from .base import Balance, RemoteStatus, SubmitPayload
from .envelope import checked_body, record_data, record_status
from .fields import as_number, dig
from .normalize import checked_remote_id, task_id_from


class ApixoProvider(Adapter):
    async def submit(self, payload: SubmitPayload) -> str:
        body = self.body_for(payload)
        answer = await self.http.post_json(f"/api/v1/generateTask/{_model_path(payload.request.spec)}", body)
        envelope = checked_body(self.http, answer)
        return task_id_from(self.http, answer, dig(envelope, "data", "taskId"))

    def body_for(self, payload: SubmitPayload) -> dict:
        """No `provider` routing field: APIXO's default "auto" is the documented recommendation."""
        request = self.checked_request(payload)
        model = request.spec
        image, _ = self.image_urls(payload)
        fields: dict = {"mode": model.mode, "prompt": request.prompt}
        if image is not None:
            fields["image_urls"] = [image]  # exactly one URL
        if model.durations:
            # Required on standard modes; pro modes have a fixed length and ignore it.
            fields["duration"] = request.effective_duration
        return {"request_type": "async", "input": fields}

    async def poll(self, model: ModelSpec, remote_id: str) -> RemoteStatus:
        self.checked_model(model)
        task_id = checked_remote_id(self.name, remote_id)
        answer = await self.http.get(f"/api/v1/statusTask/{_model_path(model)}", params={"taskId": task_id})
        body = checked_body(self.http, answer, on_poll=True)
        return record_status(self.http, answer, record_data(self.http, answer, body))

    async def balance(self) -> Balance | None:
        answer = await self.http.get("/api/v1/apikeys/current-balance")
        body = checked_body(self.http, answer)
        usd = as_number(body.get("data"))
        if usd is None:
            raise self.http.malformed(answer, "the balance is not a number")
        return Balance(usd, "usd")


def _model_path(model: ModelSpec) -> str:
    return quote(model.model, safe="")
