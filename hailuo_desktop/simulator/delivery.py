"""Sending an answer, faithfully or through a transport fault (reset, slow, hang, ...)."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace

from aiohttp import web

from .faults import Fault

# Waits `seconds` of the sim clock (None: until the simulator stops); False when stopping.
Pause = Callable[[float | None], Awaitable[bool]]


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)

    def response(self) -> web.Response:
        return web.Response(status=self.status, body=self.body, headers=self._headers())

    def _headers(self) -> dict[str, str]:
        return {"Content-Type": self.content_type, **self.headers}


def json_answer(payload: object, status: int = 200, retry_after: float | None = None) -> Answer:
    headers = {"Retry-After": _seconds(retry_after)} if retry_after is not None else {}
    return Answer(status, json.dumps(payload, ensure_ascii=False).encode(), headers=headers)


def _seconds(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


HTML_TITLES = {
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Temporarily Unavailable",
    504: "Gateway Time-out",
    429: "Too Many Requests",
    403: "Forbidden",
    404: "Not Found",
}


def html_answer(status: int, retry_after: float | None = None) -> Answer:
    """The page a reverse proxy shows when the service behind it is down."""
    title = f"{status} {HTML_TITLES.get(status, 'Error')}"
    page = (
        f"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n"
        "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
    )
    headers = {"Retry-After": _seconds(retry_after)} if retry_after is not None else {}
    return Answer(status, page.encode(), "text/html", headers)


async def deliver(request: web.Request, answer: Answer, fault: Fault | None, pause: Pause) -> web.StreamResponse:
    """Send `answer`, bent by `fault` when it is a transport fault."""
    kind = fault.kind if fault else None
    if kind == "drop":
        return abort(request)
    if kind == "hang" and not await pause(fault.delay):
        return abort(request)
    if kind == "malformed":
        answer = replace(answer, body=answer.body[: max(1, len(answer.body) // 2)])
    if kind == "reset":
        return await _reset(request, answer, fault)
    if kind == "slow":
        return await _trickle(request, answer, fault, pause)
    return answer.response()


async def _reset(request: web.Request, answer: Answer, fault: Fault) -> web.StreamResponse:
    sent = fault.after_bytes if fault.after_bytes is not None else len(answer.body) // 2
    response = await _start(request, answer, len(answer.body))
    await response.write(answer.body[:sent])
    request.transport.abort()  # an RST, not a clean close: the client sees a reset
    return response


async def _trickle(request: web.Request, answer: Answer, fault: Fault, pause: Pause) -> web.StreamResponse:
    response = await _start(request, answer, len(answer.body))
    for offset in range(0, len(answer.body), fault.chunk):
        if offset and not await pause(fault.delay if fault.delay is not None else 1.0):
            return abort(request, response)
        await response.write(answer.body[offset : offset + fault.chunk])
    await response.write_eof()
    return response


async def _start(request: web.Request, answer: Answer, length: int) -> web.StreamResponse:
    response = web.StreamResponse(status=answer.status, headers=answer._headers())
    response.content_length = length
    await response.prepare(request)
    return response


def abort(request: web.Request, response: web.StreamResponse | None = None) -> web.StreamResponse:
    if request.transport is not None:
        request.transport.abort()
    return response or web.Response(status=500)
