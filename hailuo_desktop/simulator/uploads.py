"""kie's File Upload API (stream, base64, URL), also served for Apikley under /file-upload.

Answer: `{success, code, msg, data: {fileId, fileName, filePath, downloadUrl, fileSize,
mimeType, uploadPath, uploadedAt, expiresAt}}`; the file is kept 3 days of sim clock and
served from the files origin. The same uploadPath/fileName overwrites the earlier file
and keeps its URL, as kie documents. Errors: `{success: false, code, msg, data: null}`.
"""

from __future__ import annotations

import base64
import binascii
import mimetypes

import aiohttp
from aiohttp import web

from .delivery import Answer, json_answer
from .filestore import FileEntry, file_url
from .market import MESSAGES, market_status
from .media import sniff_mime
from .protocol import ProviderApi
from .validation import Refusal, optional_str

URL_FETCH_TIMEOUT = 30.0  # kie: "30 s download timeout"
ENDPOINTS = ("file-stream-upload", "file-base64-upload", "file-url-upload")


class UploadApi(ProviderApi):
    validation_status = 400

    def routes(self) -> list[web.RouteDef]:
        handlers = (self.stream_upload, self.base64_upload, self.url_upload)
        return [
            web.post(f"{prefix}/api/{name}", handler)
            for prefix in ("", "/file-upload")
            for name, handler in zip(ENDPOINTS, handlers)
        ]

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
        payload = {"success": False, "code": status, "msg": message or MESSAGES.get(status, "Error"), "data": None}
        return json_answer(payload, market_status(status, as_http, self.core.config.market_errors_as_http), retry_after)

    async def stream_upload(self, request: web.Request) -> web.StreamResponse:
        return await self._upload(request, self._read_stream)

    async def base64_upload(self, request: web.Request) -> web.StreamResponse:
        return await self._upload(request, self._read_base64)

    async def url_upload(self, request: web.Request) -> web.StreamResponse:
        return await self._upload(request, self._read_url)

    async def _upload(self, request: web.Request, read) -> web.StreamResponse:
        provider = self.provider_of(request)
        self.core.stats.uploads[provider] += 1
        if refused := self.refusal(request, provider, "upload"):
            return refused
        fault = self.core.faults.take("upload", provider)
        if fault is not None and fault.kind not in ("reset", "slow", "hang", "malformed"):
            return await self.answer_fault(request, provider, "upload", fault, None)
        try:
            data, upload_path, file_name = await read(request)
        except Refusal as refusal:
            return self.error(provider, refusal.status or 400, refusal.message, op="upload").response()
        answer = json_answer(self._store(provider, data, upload_path, file_name))
        if fault is not None:
            return await self.answer_fault(request, provider, "upload", fault, answer)
        return answer.response()

    def _store(self, provider: str, data: bytes, upload_path: str, file_name: str | None) -> dict:
        mime = sniff_mime(data, mimetypes.guess_type(file_name or "")[0] or "application/octet-stream")
        name = file_name or f"{self.core.tasks.new_token(16)}{mimetypes.guess_extension(mime) or ''}"
        file_path = f"{upload_path}/{name}"
        token = self.core.files.upload_token(provider, file_path) or self.core.tasks.new_token()
        now = self.core.now()
        entry = self.core.files.add(
            FileEntry(token, name, provider, mime, now + self.core.config.upload_ttl, data=data)
        )
        self.core.files.remember_upload(provider, file_path, token)
        return {
            "success": True,
            "code": 200,
            "msg": "File uploaded successfully",
            "data": {
                "fileId": token,
                "fileName": name,
                "filePath": file_path,
                "downloadUrl": file_url(self.core.files_url, entry),
                "fileSize": len(data),
                "mimeType": mime,
                "uploadPath": upload_path,
                "uploadedAt": self.core.iso(now),
                "expiresAt": self.core.iso(now + self.core.config.upload_ttl),
            },
        }

    async def _read_stream(self, request: web.Request) -> tuple[bytes, str, str | None]:
        if not request.content_type.startswith("multipart/"):
            raise Refusal("Use multipart/form-data with a 'file' field")
        form = await request.post()
        upload = form.get("file")
        if not isinstance(upload, web.FileField):
            raise Refusal("file is required")
        data = upload.file.read()
        name = form.get("fileName") or upload.filename or None
        return _non_empty(data), _upload_path(form.get("uploadPath")), _file_name(name)

    async def _read_base64(self, request: web.Request) -> tuple[bytes, str, str | None]:
        body = await self.read_json(request)
        encoded = optional_str(body, "base64Data") or ""
        if encoded.startswith("data:"):
            encoded = encoded.partition(",")[2]
        try:
            data = base64.b64decode(encoded, validate=True)
        except (binascii.Error, ValueError):
            raise Refusal("base64Data is not valid base64") from None
        return _non_empty(data), _upload_path(body.get("uploadPath")), _file_name(body.get("fileName"))

    async def _read_url(self, request: web.Request) -> tuple[bytes, str, str | None]:
        body = await self.read_json(request)
        url = optional_str(body, "fileUrl") or ""
        if not url.startswith(("http://", "https://")):
            raise Refusal("fileUrl must be an http(s) URL")
        data = await _fetch(url)
        return _non_empty(data), _upload_path(body.get("uploadPath")), _file_name(body.get("fileName"))


async def _fetch(url: str) -> bytes:
    timeout = aiohttp.ClientTimeout(total=URL_FETCH_TIMEOUT)
    try:
        async with aiohttp.ClientSession(timeout=timeout) as session, session.get(url) as response:
            if response.status != 200:
                raise Refusal(f"Failed to download the file: HTTP {response.status}")
            return await response.read()
    except (aiohttp.ClientError, TimeoutError):
        raise Refusal("Failed to download the file") from None


def _non_empty(data: bytes) -> bytes:
    if not data:
        raise Refusal("The file is empty")
    return data


def _upload_path(value: object) -> str:
    """kie wants no leading or trailing slash; the simulator trims them rather than refuse."""
    path = value.strip("/") if isinstance(value, str) else ""
    return path or "uploads"


def _file_name(value: object) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return value.strip().replace("/", "_").replace("\\", "_")
