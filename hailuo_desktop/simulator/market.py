"""kie.ai and Apikley (the same "Market" API): createTask, recordInfo, credit, download-url.

Envelope `{code, msg, data}` on create, credit and download-url, `{code, message, data}`
on recordInfo (both keys appear in the docs). Request errors come as HTTP 200 with the
code in the body (401, 402, 404, 422, 429, 455, 500, 501, 505) unless
`SimConfig.market_errors_as_http` or a fault's `as_http` asks for the HTTP status.
States: waiting -> queuing -> generating -> success | fail; `resultJson` and `param`
are JSON *strings*; `failCode`/`failMsg` are "" until the task fails. Durations are
strings ("6"), resolutions uppercase ("768P"); `image_url` must be a file URL, never a
`data:` URL. Uploads are in uploads.py.
"""

from __future__ import annotations

import json

from aiohttp import web

from .delivery import Answer, json_answer
from .failcodes import MARKET_INVALID_REQUEST
from .faults import Fault
from .filestore import FileEntry, file_url, token_of
from .models import SimModel, find
from .protocol import ProviderApi, result_json
from .tasks import Draft, Phase, SimTask
from .validation import Refusal, check_request, image_url, need_object, optional_str, prompt_of, string_duration

MESSAGES = {
    400: "Bad request",
    401: "You do not have access permissions",
    402: "Credits insufficient",
    403: "Forbidden",
    404: "Task not found",
    422: "Validation error",
    429: "Rate limited, please slow down",
    455: "Service unavailable: system maintenance",
    500: "Server error, please try again later",
    501: "Generation failed",
    502: "Bad gateway",
    503: "Service unavailable",
    504: "Gateway timeout",
    505: "Feature disabled",
}
STATES = {
    Phase.RECEIVED: "waiting",
    Phase.QUEUED: "queuing",
    Phase.RUNNING: "generating",
    Phase.SUCCEEDED: "success",
    Phase.FAILED: "fail",
}


def market_status(status: int, as_http: bool | None, default_as_http: bool) -> int:
    """The HTTP status a kie/Apikley error travels with (the code is always in the body)."""
    return status if (default_as_http if as_http is None else as_http) else 200


class MarketApi(ProviderApi):
    validation_status = 422

    def routes(self) -> list[web.RouteDef]:
        return [
            web.post("/api/v1/jobs/createTask", self.submit),
            web.get("/api/v1/jobs/recordInfo", self.record_info),
            web.get("/api/v1/chat/credit", self.credit),
            web.post("/api/v1/common/download-url", self.download_url),
        ]

    async def record_info(self, request: web.Request) -> web.StreamResponse:
        return await self.poll(request, request.query.get("taskId"))

    async def credit(self, request: web.Request) -> web.StreamResponse:
        return await self.balance(request, lambda _, credits: {"code": 200, "msg": "success", "data": int(credits)})

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
        key = "message" if op == "poll" else "msg"
        payload = {"code": status, key: message or MESSAGES.get(status, "Error"), "data": None}
        http = market_status(status, as_http, self.core.config.market_errors_as_http)
        return json_answer(payload, http, retry_after)

    def parse(self, provider: str, body: dict, request: web.Request) -> Draft:
        model = optional_str(body, "model")
        if not model:
            raise Refusal("model is required")
        optional_str(body, "callBackUrl")
        data = need_object(body.get("input"), "input")
        spec = _spec(provider, model)
        image = image_url(data.get("image_url"), "input.image_url", data_ok=False)
        end_image = image_url(data.get("end_image_url"), "input.end_image_url", data_ok=False)
        if end_image and data.get("resolution") == "512P":  # MiniMax's 02 refuses this pair (2013)
            raise Refusal("input.resolution 512P does not support end_image_url")
        if not isinstance(data.get("prompt_optimizer", True), bool):
            raise Refusal("input.prompt_optimizer must be a boolean")
        return check_request(
            spec,
            prompt_of(data, "input."),
            image,
            string_duration(data.get("duration"), "input.duration"),
            optional_str(data, "resolution", "input."),
            body,
            end_image,
        )

    def created(self, remote_id: str | None) -> dict:
        return {"code": 200, "msg": "success", "data": {"taskId": remote_id} if remote_id else {}}

    def status(self, task: SimTask, now: float, variant: Fault | None) -> dict:
        phase = task.phase(now)
        data = {
            "taskId": task.remote_id,
            "model": task.model,
            "state": STATES[phase],
            "param": json.dumps(task.draft.body),
            "resultJson": "",
            "failCode": "",
            "failMsg": "",
            "costTime": None,
            "completeTime": None,
            "createTime": self.core.epoch_ms(task.created_at),
            "updateTime": self.core.epoch_ms(task.last_change(now)),
        }
        if phase.is_final:
            data.update(
                completeTime=self.core.epoch_ms(task.done_at),
                costTime=int(round((task.done_at - task.started_at) * 1000)),
            )
        if phase is Phase.SUCCEEDED:
            broken = task.bad_result or (variant is not None and variant.kind == "bad_result_json")
            data["resultJson"] = result_json(self.core.result_url(task), broken)
        if phase is Phase.FAILED:
            data["failCode"], data["failMsg"] = task.fail
        if variant is not None and variant.kind == "unknown_state":
            data["state"] = variant.state
        if phase is Phase.FAILED and task.fail[0] == MARKET_INVALID_REQUEST:
            return {"code": 422, "message": task.fail[1], "data": data}
        return {"code": 200, "message": "success", "data": data}

    async def download_url(self, request: web.Request) -> web.StreamResponse:
        """A 20-minute link for a file this service generated; anything else is a 422."""
        provider = self.provider_of(request)
        self.core.stats.retrieves[provider] += 1
        if refused := self.refusal(request, provider, "retrieve"):
            return refused
        fault = self.core.faults.take("retrieve", provider)
        if fault is not None:
            return await self.answer_fault(request, provider, "retrieve", fault, None)
        try:
            url = optional_str(await self.read_json(request), "url") or ""
            link = self._temporary_link(provider, url)
        except Refusal as refusal:
            return self.error(provider, 422, refusal.message, op="retrieve").response()
        return json_answer({"code": 200, "msg": "success", "data": link}).response()

    def _temporary_link(self, provider: str, url: str) -> str:
        entry = self.core.files.get(token_of(url, self.core.files_url) or "")
        now = self.core.now()
        task = entry.task if entry is not None else None
        if task is None or task.provider != provider or task.phase(now) is not Phase.SUCCEEDED:
            raise Refusal("The URL is not a file generated by this service")
        expires = min(now + self.core.config.download_link_ttl, self.core.result_expires_at(task))
        alias = FileEntry(self.core.tasks.new_token(), entry.name, provider, entry.content_type, expires, task=task)
        return file_url(self.core.files_url, self.core.files.add(alias))


def _spec(provider: str, model: str) -> SimModel:
    found = find(provider, model)
    if found is None:
        raise Refusal(f"The model {model} is not supported")
    return found
