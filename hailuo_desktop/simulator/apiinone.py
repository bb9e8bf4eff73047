"""API in One: `POST /api/v1/videos/generations`, `GET /api/v1/tasks/{task_id}`.

Create answers `{code: 200, message: "success", data: {task_id, status: "IN_PROGRESS"}}`;
errors are OpenAI-style `{"error": {code, message, type}}` with the HTTP status.

ASSUMPTION: the status endpoint's body is not documented (providers.md 3.2). The
simulator answers
`{"code": 200, "message": "success", "data": {"task_id", "model", "status", "output", "error"}}`
with `status` "IN_PROGRESS" until the end, then "COMPLETED" (`output: {"video_url": ...}`)
or "FAILED" (`error: {"code", "message"}`); `output` and `error` are null otherwise.
Upper case as in the create answer; the docs' prose says "completed"/"failed", so a
client must compare without case. No credits endpoint (none is documented).
"""

from __future__ import annotations

from aiohttp import web

from .delivery import Answer, json_answer
from .faults import Fault
from .models import find
from .protocol import ProviderApi
from .tasks import Draft, Phase, SimTask
from .validation import Refusal, check_request, image_url, optional_str, prompt_of, string_duration

ERRORS = {
    400: ("Invalid parameters", "invalid_request"),
    401: ("Invalid API key", "authentication_error"),
    402: ("Insufficient credits", "insufficient_quota"),
    403: ("Forbidden", "permission_denied"),
    404: ("Task not found", "not_found"),
    422: ("Invalid parameters", "invalid_request"),
    429: ("Too many requests", "rate_limit_exceeded"),
    455: ("Service under maintenance", "server_error"),
    500: ("Internal server error", "server_error"),
    501: ("Not implemented", "server_error"),
    502: ("Bad gateway", "server_error"),
    503: ("Service unavailable", "server_error"),
    504: ("Upstream timeout", "server_error"),
}
STATES = {
    Phase.RECEIVED: "IN_PROGRESS",
    Phase.QUEUED: "IN_PROGRESS",
    Phase.RUNNING: "IN_PROGRESS",
    Phase.SUCCEEDED: "COMPLETED",
    Phase.FAILED: "FAILED",
}


class ApiInOneApi(ProviderApi):
    validation_status = 400

    def routes(self) -> list[web.RouteDef]:
        return [
            web.post("/api/v1/videos/generations", self.submit),
            web.get("/api/v1/tasks/{task_id}", self.task_status),
        ]

    async def task_status(self, request: web.Request) -> web.StreamResponse:
        return await self.poll(request, request.match_info["task_id"])

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
        title, kind = ERRORS.get(status, ("Error", "server_error"))
        text = f"{title}: {message}" if message and message != title else title
        payload = {"error": {"code": status, "message": text, "type": kind}}
        return json_answer(payload, 200 if as_http is False else status, retry_after)

    def parse(self, provider: str, body: dict, request: web.Request) -> Draft:
        model = optional_str(body, "model")
        spec = find(provider, model)
        if spec is None:
            raise Refusal(f"model must be one of the Hailuo 2.3 image-to-video models, not {model!r}")
        image = image_url(body.get("image"), "image", data_ok=False)
        return check_request(
            spec, prompt_of(body), image, string_duration(body.get("duration")), optional_str(body, "resolution"), body
        )

    def created(self, remote_id: str | None) -> dict:
        data = {"task_id": remote_id, "status": "IN_PROGRESS"} if remote_id else {"status": "IN_PROGRESS"}
        return {"code": 200, "message": "success", "data": data}

    def status(self, task: SimTask, now: float, variant: Fault | None) -> dict:
        phase = task.phase(now)
        data = {"task_id": task.remote_id, "model": task.model, "status": STATES[phase], "output": None, "error": None}
        if phase is Phase.SUCCEEDED:
            broken = task.bad_result or (variant is not None and variant.kind == "bad_result_json")
            data["output"] = {} if broken else {"video_url": self.core.result_url(task)}
        if phase is Phase.FAILED:
            code, message = task.fail
            data["error"] = {"code": code, "message": message}
        if variant is not None and variant.kind == "unknown_state":
            data["status"] = variant.state.upper()
        return {"code": 200, "message": "success", "data": data}
