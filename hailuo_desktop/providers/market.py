"""kie.ai's "Market" jobs API, and Apikley, which resells it on another host with the same paths.

One adapter class serves both ProviderSpecs (catalog ids "kie" and "apikley"); the file
upload API they share is `MarketUploader`. Wire format: shared/providers.md section 1.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from ..domain.catalog import ModelSpec
from ..domain.errors import ImageRejected
from ..domain.images import UNREADABLE, Problem
from ..domain.states import RemoteState
from .adapter import Adapter
from .base import Balance, RemoteStatus, SubmitPayload, UploadedFile
from .envelope import (
    checked_body,
    envelope_code,
    envelope_message,
    record_data,
    record_status,
)
from .fields import JsonObject, as_dict, as_number, as_text, dig, http_url
from .http import Answer, ProviderHttp
from .normalize import checked_remote_id, epoch_ms, fail_info, task_id_from

GENERATION_FAILED = 501  # kie's body code on recordInfo: "generation failed (see failMsg)"
# On recordInfo, 422 means the original request failed validation (see failMsg): the task
# failed and will never produce a video; it is not "unknown".
REQUEST_INVALID = 422
FAILED_TASK_CODES = frozenset({GENERATION_FAILED, REQUEST_INVALID})
# "deleted after 3 days" on one docs page, 24 h on another copy of them: the shorter is believed.
UPLOAD_TTL = 24 * 3600.0
UPLOAD_PATH = "images/hailuo-desktop"  # no leading or trailing slash, as documented


class MarketProvider(Adapter):
    async def submit(self, payload: SubmitPayload) -> str:
        answer = await self.http.post_json("/api/v1/jobs/createTask", self.body_for(payload))
        body = checked_body(self.http, answer)
        return task_id_from(self.http, answer, dig(body, "data", "taskId"))

    def body_for(self, payload: SubmitPayload) -> JsonObject:
        """{"model", "input": {...}} with only the fields this model takes (see section 1.4)."""
        request = self.checked_request(payload)
        model = request.spec
        image, end_image = self.image_urls(payload)
        fields: JsonObject = {"prompt": request.prompt}
        if image is not None:
            fields["image_url"] = image
        if end_image is not None:
            fields["end_image_url"] = end_image
        if model.durations:
            fields["duration"] = str(request.effective_duration)  # a string enum on kie
        if model.resolutions:
            fields["resolution"] = request.effective_resolution
        if model.prompt_optimizer and request.prompt_optimizer is not None:
            fields["prompt_optimizer"] = request.prompt_optimizer
        return {"model": model.model, "input": fields}

    async def poll(self, model: ModelSpec, remote_id: str) -> RemoteStatus:
        self.checked_model(model)
        task_id = checked_remote_id(self.name, remote_id)
        answer = await self.http.get("/api/v1/jobs/recordInfo", params={"taskId": task_id})
        code = envelope_code(answer)
        if code in FAILED_TASK_CODES:
            return self._task_failed(answer, code)
        body = checked_body(self.http, answer, on_poll=True)
        return record_status(self.http, answer, record_data(self.http, answer, body))

    def _task_failed(self, answer: Answer, envelope: int) -> RemoteStatus:
        data = as_dict(answer.body.get("data"))
        code, message = fail_info(data, self.http)
        raw_state = as_text(data.get("state")) or str(envelope)
        return RemoteStatus(
            RemoteState.FAILED,
            raw_state,
            fail_code=code or str(envelope),
            fail_message=message or envelope_message(self.http, answer.body),
            created_ms=epoch_ms(data.get("createTime")),
            completed_ms=epoch_ms(data.get("completeTime")),
        )

    async def balance(self) -> Balance | None:
        answer = await self.http.get("/api/v1/chat/credit")
        body = checked_body(self.http, answer)
        credits = as_number(body.get("data"))
        if credits is None:
            raise self.http.malformed(answer, "the credit balance is not a number")
        return Balance(credits, "credits")


class MarketUploader:
    """kie/Apikley file-stream-upload: multipart, the file streamed from disk, a unique name."""

    def __init__(self, http: ProviderHttp, *, clock: Callable[[], float] = time.time) -> None:
        self.http = http
        self.clock = clock

    def __repr__(self) -> str:
        return f"MarketUploader(base_url={self.http.base_url!r})"

    async def upload(self, path: Path, mime: str) -> UploadedFile:
        name = unique_file_name(path, mime)
        try:
            with open(path, "rb") as stream:  # httpx reads it in chunks while sending
                answer = await self.http.post_multipart(
                    "/api/file-stream-upload",
                    data={"uploadPath": UPLOAD_PATH, "fileName": name},
                    files={"file": (name, stream, mime)},
                )
        except OSError as exc:
            raise ImageRejected(
                f"Could not read {path.name} for upload: {exc.strerror or exc}.",
                [Problem(UNREADABLE, f"The file could not be read: {exc.strerror or exc}.")],
            ) from None
        return self._uploaded(answer)

    def _uploaded(self, answer: Answer) -> UploadedFile:
        body = checked_body(self.http, answer)
        if body.get("success") is False:
            raise self.http.malformed(answer, f"the upload failed ({envelope_message(self.http, body) or 'no reason'})")
        data = as_dict(body.get("data"))
        url = http_url(data.get("downloadUrl")) or http_url(data.get("fileUrl"))
        if url is None:
            raise self.http.malformed(answer, "the upload answer has no file URL")
        return UploadedFile(url, expires_at=self._expiry(data.get("expiresAt")))

    def _expiry(self, raw: object) -> float:
        """The documented 3 days, unless the answer says when the file goes (ISO or epoch)."""
        stated = parse_expiry(raw)
        return stated if stated is not None else self.clock() + UPLOAD_TTL


def unique_file_name(path: Path, mime: str) -> str:
    """A UUID name: the same fileName overwrites an older upload (and the CDN may cache it)."""
    suffix = path.suffix.lower().lstrip(".")
    if not (suffix.isascii() and suffix.isalnum() and len(suffix) <= 5):
        suffix = _SUFFIX_FOR_MIME.get(mime.lower(), "bin")
    return f"{uuid.uuid4().hex}.{suffix}"


_SUFFIX_FOR_MIME = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"}


def parse_expiry(raw: object) -> float | None:
    """expiresAt in epoch seconds or ms, or an ISO-8601 date; None when it is neither."""
    number = as_number(raw)
    if number is not None and number > 0:
        return number / 1000 if number > 1e11 else number
    if isinstance(raw, str) and len(raw) <= 64:
        return _iso_timestamp(raw.strip())
    return None


def _iso_timestamp(text: str) -> float | None:
    try:
        when = datetime.fromisoformat(text)
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        return when.timestamp()
    except (ValueError, OverflowError, OSError):
        return None
