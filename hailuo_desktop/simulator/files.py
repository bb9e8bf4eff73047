"""The second origin: result videos and uploaded files, like a CDN or object store.

`GET`/`HEAD /f/{token}/{name}` with `Accept-Ranges: bytes` and single-range requests
(206 + Content-Range; 416 past the end). It never asks for a key (and the simulator
records whether one was sent anyway). Errors look like an object store's: XML bodies,
403 `AccessDenied` "Request has expired" once the URL's time is up, 404 `NoSuchKey`
for an unknown file or a result that is not ready. Download faults: status, html, drop,
hang, expired, truncated, reset, slow, no_range (see faults.py); a HEAD matches them
too, except truncated, reset and slow, which wait for a GET.
"""

from __future__ import annotations

from aiohttp import web

from .core import SimCore
from .delivery import Answer, abort, html_answer
from .faults import Fault
from .filestore import FileEntry
from .media import RangeNotSatisfiable, VirtualFile, parse_range
from .tasks import Phase

BODY_KINDS = frozenset({"truncated", "reset", "slow"})
XML_CODES = {403: "AccessDenied", 404: "NoSuchKey", 429: "SlowDown", 500: "InternalError", 503: "ServiceUnavailable"}


def xml_error(status: int, message: str, retry_after: float | None = None) -> Answer:
    code = XML_CODES.get(status, "Error")
    body = f'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>{code}</Code><Message>{message}</Message></Error>'
    headers = {"Retry-After": str(int(retry_after))} if retry_after is not None else {}
    return Answer(status, body.encode(), "application/xml", headers)


EXPIRED = xml_error(403, "Request has expired")
NOT_FOUND = xml_error(404, "The specified key does not exist.")


class FilesOrigin:
    def __init__(self, core: SimCore) -> None:
        self.core = core

    def routes(self) -> list[web.RouteDef]:
        return [web.get("/f/{token}/{name}", self.serve)]  # HEAD comes with GET

    async def serve(self, request: web.Request) -> web.StreamResponse:
        entry = self._ready_entry(request.match_info["token"])
        if entry is None:
            return NOT_FOUND.response()
        if entry.task is not None and request.method == "GET":
            self.core.stats.downloads += 1
        task_id = entry.task.remote_id if entry.task else None
        fault = self.core.faults.take("download", entry.provider, task_id, accept=_fits(request.method))
        if self._expired(entry) or (fault is not None and fault.kind == "expired"):
            return EXPIRED.response()
        if fault is not None and fault.kind in ("status", "html", "drop"):
            return self._fault_answer(request, fault)
        if fault is not None and fault.kind == "hang" and not await self.core.pause(fault.delay):
            return abort(request)
        video = await self._content(entry)
        return await self._send(request, entry, video, fault)

    def _ready_entry(self, token: str) -> FileEntry | None:
        entry = self.core.files.get(token)
        if entry is None or (entry.task is not None and entry.task.phase(self.core.now()) is not Phase.SUCCEEDED):
            return None
        return entry

    def _expired(self, entry: FileEntry) -> bool:
        expires_at = entry.expires_at
        if entry.task is not None:
            expires_at = min(expires_at, self.core.result_expires_at(entry.task))
        return self.core.now() >= expires_at

    def _fault_answer(self, request: web.Request, fault: Fault) -> web.StreamResponse:
        if fault.kind == "drop":
            return abort(request)
        if fault.kind == "html":
            return html_answer(fault.http_status, fault.retry_after).response()
        return xml_error(fault.http_status, fault.message or "Error", fault.retry_after).response()

    async def _content(self, entry: FileEntry) -> VirtualFile:
        if entry.task is not None:
            return await self.core.results.file_for(entry.task)
        return VirtualFile(entry.data or b"")

    async def _send(
        self, request: web.Request, entry: FileEntry, video: VirtualFile, fault: Fault | None
    ) -> web.StreamResponse:
        ranged = fault is None or fault.kind != "no_range"
        try:
            wanted = parse_range(request.headers.get("Range"), video.size) if ranged else None
        except RangeNotSatisfiable:
            return web.Response(status=416, headers={"Content-Range": f"bytes */{video.size}"})
        start, end = wanted or (0, video.size)
        response = web.StreamResponse(status=206 if wanted else 200, headers=self._headers(entry, video, ranged))
        if wanted:
            response.headers["Content-Range"] = f"bytes {start}-{end - 1}/{video.size}"
        response.content_length = end - start
        await response.prepare(request)
        if request.method == "HEAD":
            return response
        return await self._stream(request, response, video, start, end, fault)

    def _headers(self, entry: FileEntry, video: VirtualFile, ranged: bool) -> dict[str, str]:
        headers = {"Content-Type": entry.content_type, "ETag": f'"{entry.token}-{video.size}"'}
        if ranged:
            headers["Accept-Ranges"] = "bytes"
        return headers

    async def _stream(
        self,
        request: web.Request,
        response: web.StreamResponse,
        video: VirtualFile,
        start: int,
        end: int,
        fault: Fault | None,
    ) -> web.StreamResponse:
        kind = fault.kind if fault else None
        stop = end
        if kind in ("truncated", "reset"):
            stop = start + (fault.after_bytes if fault.after_bytes is not None else (end - start) // 2)
        chunk = fault.chunk if kind == "slow" else 256 * 1024
        for index, piece in enumerate(video.chunks(start, min(stop, end), chunk)):
            if index and kind == "slow" and not await self.core.pause(fault.delay if fault.delay is not None else 1.0):
                return abort(request, response)
            await response.write(piece)
        if kind == "reset":
            return abort(request, response)
        if kind == "truncated":
            request.transport.close()  # a clean close, short of what Content-Length promised
            return response
        await response.write_eof()
        return response


def _fits(method: str):
    """A HEAD has no body to cut or slow down: those faults wait for the GET."""
    return lambda fault: method != "HEAD" or fault.kind not in BODY_KINDS
