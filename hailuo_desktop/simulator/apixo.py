"""APIXO: `/api/v1/generateTask/{model}`, `/api/v1/statusTask/{model}?taskId=`, balance.

Envelope `{code, message, data}`; request errors use the HTTP status with
`{code, message, data: {error}}` (401 is `{code, message}` only, as documented); a
failed task is HTTP 200 + code 200 with `state: "failed"`, `failCode`, `failMsg`.
States: pending -> processing -> success | failed. Pro modes ignore `duration`.
"""

from __future__ import annotations

from aiohttp import web

from .delivery import Answer, json_answer
from .faults import Fault
from .models import SimModel, find, model_ids
from .protocol import ProviderApi, result_json
from .tasks import Draft, Phase, SimTask
from .validation import Refusal, check_request, image_url, need_object, optional_str, prompt_of

MESSAGES = {
    400: "Invalid request",
    401: "Invalid or missing API key",
    402: "Insufficient balance",
    403: "Forbidden: key or route not allowed",
    404: "Not found",
    422: "Invalid request",
    429: "Too many requests: rate or concurrency limit reached",
    455: "Service under maintenance",
    500: "Internal server error",
    501: "Not implemented",
    502: "Upstream error",
    503: "Model unavailable",
    504: "Upstream timeout",
}
STATES = {
    Phase.RECEIVED: "pending",
    Phase.QUEUED: "pending",
    Phase.RUNNING: "processing",
    Phase.SUCCEEDED: "success",
    Phase.FAILED: "failed",
}


class ApixoApi(ProviderApi):
    validation_status = 400

    def routes(self) -> list[web.RouteDef]:
        return [
            web.post("/api/v1/generateTask/{model}", self.submit),
            web.get("/api/v1/statusTask/{model}", self.status_task),
            web.get("/api/v1/apikeys/current-balance", self.current_balance),
        ]

    async def status_task(self, request: web.Request) -> web.StreamResponse:
        return await self.poll(request, request.query.get("taskId"))

    async def current_balance(self, request: web.Request) -> web.StreamResponse:
        return await self.balance(request, lambda _, usd: {"code": 200, "message": "success", "data": round(usd, 4)})

    def task_matches(self, task: SimTask, request: web.Request) -> bool:
        return task.model == request.match_info["model"]

    def error(
        self,
        provider: str,
        status: int,
        message: str | None = None,
        *,
        op: str,
        retry_after: float | None = None,
        as_http: bool | None = None,
    ) -> Answer:
        title = MESSAGES.get(status, "Error")
        payload: dict = {"code": status, "message": title}
        if status != 401:
            payload["data"] = {"error": message or title}
        return json_answer(payload, 200 if as_http is False else status, retry_after)

    def parse(self, provider: str, body: dict, request: web.Request) -> Draft:
        model = request.match_info["model"]
        _check_routing(body)
        data = need_object(body.get("input"), "input")
        mode = optional_str(data, "mode", "input.")
        if not mode:
            raise Refusal("Missing required field: input.mode")
        spec = _spec(model, mode)
        self._check_access(model, body.get("provider", "auto"))
        prompt = prompt_of(data, "input.")
        image = _single_image(data.get("image_urls"))
        choosable = bool(spec.rule.durations)  # pro modes fix the length and ignore a sent one
        duration = _duration(data.get("duration")) if choosable else None
        if choosable and duration is None:
            raise Refusal("Missing required field: input.duration")
        return check_request(spec, prompt, image, duration, None, body)

    def created(self, remote_id: str | None) -> dict:
        return {"code": 200, "message": "success", "data": {"taskId": remote_id} if remote_id else {}}

    def _check_access(self, model: str, routing: str) -> None:
        """403: this key or route may not use the model; 503: the model is switched off."""
        config = self.core.config
        if model in config.unavailable_models.get("apixo", set()):
            raise Refusal(f"Model {model} is currently unavailable", status=503)
        denied = config.denied_models.get("apixo", set())
        if model in denied or f"{model}@{routing}" in denied:
            raise Refusal(f"This API key or route ({routing}) cannot access {model}", status=403)

    def status(self, task: SimTask, now: float, variant: Fault | None) -> dict:
        phase = task.phase(now)
        data = {
            "taskId": task.remote_id,
            "state": STATES[phase],
            "resultJson": None,
            "failCode": None,
            "failMsg": None,
            "createTime": self.core.epoch_ms(task.created_at),
            "completeTime": None,
            "costTime": None,
        }
        if phase.is_final:
            data.update(
                completeTime=self.core.epoch_ms(task.done_at),
                costTime=int(round((task.done_at - task.created_at) * 1000)),
            )
        if phase is Phase.SUCCEEDED:
            broken = task.bad_result or (variant is not None and variant.kind == "bad_result_json")
            data["resultJson"] = result_json(self.core.result_url(task), broken)
        if phase is Phase.FAILED:
            data["failCode"], data["failMsg"] = task.fail
        if variant is not None and variant.kind == "unknown_state":
            data["state"] = variant.state
        return {"code": 200, "message": "success", "data": data}


def _check_routing(body: dict) -> None:
    if body.get("request_type", "async") not in ("async", "callback"):
        raise Refusal('request_type must be "async" or "callback"')
    if body.get("request_type") == "callback" and not str(body.get("callback_url") or "").startswith("https://"):
        raise Refusal("callback_url is required for request_type=callback and must be a public HTTPS URL")
    if body.get("provider", "auto") not in ("auto", "value", "official"):
        raise Refusal('provider must be one of "auto", "value", "official"')


def _spec(model: str, mode: str) -> SimModel:
    if model not in model_ids("apixo"):
        raise Refusal(f"Model not found: {model}", status=404)
    found = find("apixo", model, mode)
    if found is None:
        raise Refusal("Invalid mode type")
    return found


def _single_image(value: object) -> str | None:
    if value is None or value == []:
        return None
    if not isinstance(value, list) or len(value) != 1:
        raise Refusal("input.image_urls must hold exactly 1 image URL")
    return image_url(value[0], "input.image_urls[0]", data_ok=False)


def _duration(value: object) -> int | None:
    """6, 10, "6" or "10" are all accepted."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, str)) or not str(value).isdigit():
        raise Refusal("input.duration must be 6 or 10")
    return int(value)
