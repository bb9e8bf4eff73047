"""MiniMax: `/v1/video_generation`, `/v1/query/video_generation?task_id=`, `/v1/files/retrieve?file_id=`.

Every answer carries `base_resp: {status_code, status_msg}`; API errors are HTTP 200
with a non-zero status_code (1002 rate limit, 1004 bad key, 1008 balance, 2013 invalid
params, ...) unless a fault's `as_http` asks for the HTTP status too. The task id is top
level; states Preparing -> Queueing -> Processing -> Success | Fail; `file_id` only on
Success; `files/retrieve` gives `file.download_url`. `duration` is an integer;
`first_frame_image` may be a URL or a base64 data: URL.

Assumptions [I]: an unknown task or file id is 2013 "invalid params"; a failed task's
query says `status: "Fail"` with base_resp 0 and no reason (none is documented);
`video_width`/`video_height` follow the resolution at 16:9; `file.file_id` in the
retrieve answer is a number, as in MiniMax's examples, while the query's is a string.
"""

from __future__ import annotations

from aiohttp import web

from .delivery import Answer, json_answer
from .faults import Fault
from .models import find
from .protocol import ProviderApi
from .tasks import Draft, Phase, SimTask
from .validation import Refusal, check_request, image_url, optional_str, prompt_of

CODES = {
    400: (2013, "invalid params"),
    401: (1004, "login fail: please carry a valid API secret key in Authorization"),
    402: (1008, "insufficient balance"),
    403: (1004, "authorized error: this key may not use this model"),
    404: (2013, "invalid params, not found"),
    422: (2013, "invalid params"),
    429: (1002, "rate limit exceeded"),
    455: (1000, "unknown error: service under maintenance"),
    500: (1000, "unknown error"),
    501: (1000, "unknown error"),
    502: (1024, "internal error"),
    503: (1024, "internal error"),
    504: (1001, "request timeout"),
}
STATES = {
    Phase.RECEIVED: "Preparing",
    Phase.QUEUED: "Queueing",
    Phase.RUNNING: "Processing",
    Phase.SUCCEEDED: "Success",
    Phase.FAILED: "Fail",
}
SIZES = {"512P": (912, 512), "768P": (1366, 768), "1080P": (1920, 1080)}
FLAGS = ("prompt_optimizer", "fast_pretreatment", "aigc_watermark")
OK = {"status_code": 0, "status_msg": "success"}


class MiniMaxApi(ProviderApi):
    validation_status = 400

    def routes(self) -> list[web.RouteDef]:
        return [
            web.post("/v1/video_generation", self.submit),
            web.get("/v1/query/video_generation", self.query),
            web.get("/v1/files/retrieve", self.retrieve),
        ]

    async def query(self, request: web.Request) -> web.StreamResponse:
        return await self.poll(request, request.query.get("task_id"))

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
        code, text = CODES.get(status, (1000, "unknown error"))
        payload: dict = {"base_resp": {"status_code": code, "status_msg": f"{text}: {message}" if message else text}}
        if op == "submit":
            payload = {"task_id": "", **payload}
        return json_answer(payload, status if as_http else 200, retry_after)

    def parse(self, provider: str, body: dict, request: web.Request) -> Draft:
        model = optional_str(body, "model")
        spec = find("minimax", model)
        if spec is None:
            raise Refusal(f"invalid params, model {model!r} is not supported")
        first = image_url(body.get("first_frame_image"), "first_frame_image", data_ok=True)
        last = image_url(body.get("last_frame_image"), "last_frame_image", data_ok=True)
        _check_flags(body)
        if last and optional_str(body, "resolution") == "512P":
            raise Refusal("invalid params, 512P does not support first-and-last-frame generation")
        return check_request(
            spec, prompt_of(body), first, _duration(body.get("duration")), optional_str(body, "resolution"), body, last
        )

    def created(self, remote_id: str | None) -> dict:
        return {"task_id": remote_id or "", "base_resp": OK}

    def status(self, task: SimTask, now: float, variant: Fault | None) -> dict:
        phase = task.phase(now)
        payload = {"task_id": task.remote_id, "status": STATES[phase], "file_id": "", "base_resp": OK}
        if phase is Phase.SUCCEEDED:
            broken = task.bad_result or (variant is not None and variant.kind == "bad_result_json")
            width, height = SIZES.get(task.draft.resolution or "768P", SIZES["768P"])
            payload.update(file_id="" if broken else task.file_id, video_width=width, video_height=height)
        if phase is Phase.FAILED and task.fail and task.fail[0].isdigit():
            payload["base_resp"] = {"status_code": int(task.fail[0]), "status_msg": task.fail[1]}
        if variant is not None and variant.kind == "unknown_state":
            payload["status"] = variant.state
        return payload

    async def retrieve(self, request: web.Request) -> web.StreamResponse:
        provider = "minimax"
        self.core.stats.retrieves[provider] += 1
        if refused := self.refusal(request, provider, "retrieve"):
            return refused
        task = self._finished_task(request.query.get("file_id"))
        fault = self.core.faults.take("retrieve", provider, task.remote_id if task else None)
        if task is None:
            answer = self.error(provider, 404, "file not found", op="retrieve")
        else:
            answer = json_answer(await self._file_payload(task))
        if fault is None:
            return answer.response()
        return await self.answer_fault(request, provider, "retrieve", fault, answer)

    def _finished_task(self, file_id: str | None) -> SimTask | None:
        task = self.core.tasks.by_file_id(file_id)
        ok = task is not None and task.provider == "minimax" and task.phase(self.core.now()) is Phase.SUCCEEDED
        return task if ok else None

    async def _file_payload(self, task: SimTask) -> dict:
        video = await self.core.results.file_for(task)
        return {
            "file": {
                "file_id": int(task.file_id),
                "bytes": video.size,
                "created_at": int(self.core.epoch(task.done_at)),
                "filename": "output.mp4",
                "purpose": "video_generation",
                "download_url": self.core.result_url(task),
            },
            "base_resp": OK,
        }


def _check_flags(body: dict) -> None:
    for flag in FLAGS:
        if flag in body and not isinstance(body[flag], bool):
            raise Refusal(f"{flag} must be a boolean")


def _duration(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise Refusal("duration must be an integer (6 or 10)")
    return value
