"""The one place where adapters speak HTTP: key, transport errors, statuses, JSON, Retry-After.

Every adapter sends through `ProviderHttp`, which only ever joins a *path* to the
provider's own base URL: the key cannot be sent to another origin because no call here
takes a full URL. Redirects are not followed (a redirect is an unexpected answer, and
following it could carry the request elsewhere).
"""

from __future__ import annotations

import email.utils
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC
from typing import Any, TypedDict

import httpx

from ..domain.errors import (
    AuthError,
    HailuoError,
    InsufficientBalance,
    InvalidRequest,
    MissingKey,
    NetworkError,
    ProviderUnavailable,
    RateLimited,
    TaskNotFound,
)
from .fields import JsonObject, as_dict

MAX_BODY_BYTES = 4 * 1024 * 1024  # provider answers are small JSON; more is a broken server
MAX_RETRY_AFTER = 24 * 3600.0  # a longer wait is garbage; the runner has its own caps
MAX_MESSAGE_CHARS = 500
MAINTENANCE_CODES = frozenset({455, 503})  # kie's body code 455 and HTTP 503 say "maintenance"
_SECONDS = re.compile(r"\d{1,12}(\.\d{1,9})?")
_HEADER_SAFE = re.compile(r"[\x21-\x7e]+")  # printable ASCII without spaces: a header can carry it


class ApiKey:
    """A key that never shows itself in repr/str, so tracebacks and logs cannot leak it."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "ApiKey(***)"

    __str__ = __repr__


def checked_key(key: str | None, provider_name: str) -> ApiKey:
    value = (key or "").strip()
    if not value:
        raise MissingKey(f"No API key for {provider_name}. Add one in Settings.")
    if not _HEADER_SAFE.fullmatch(value):
        raise AuthError(
            f"The API key for {provider_name} contains characters an API key cannot have "
            "(spaces, line breaks or non-ASCII). Paste it again."
        )
    return ApiKey(value)


def parse_retry_after(value: str | None, now: float) -> float | None:
    """Retry-After as delay seconds or an HTTP date (RFC 9110), clamped to [0, a day]."""
    if value is None:
        return None
    value = value.strip()
    seconds = float(value) if _SECONDS.fullmatch(value) else _seconds_until_date(value, now)
    if seconds is None:
        return None
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


def _seconds_until_date(value: str, now: float) -> float | None:
    try:
        when = email.utils.parsedate_to_datetime(value)
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        return when.timestamp() - now
    except (TypeError, ValueError, IndexError, OverflowError, OSError):
        return None


def clean_message(text: object, key: ApiKey | None) -> str | None:
    """A provider's message made safe to show: never the key, never a page of HTML."""
    if not isinstance(text, str) or not text.strip():
        return None
    text = " ".join(text.split())
    if key is not None and key.reveal():
        text = text.replace(key.reveal(), "***")
    if len(text) > MAX_MESSAGE_CHARS:
        text = text[:MAX_MESSAGE_CHARS] + "…"
    return text


class ErrorDetail(TypedDict):
    """What the provider said about a refusal, as the keyword arguments of a HailuoError."""

    provider_code: str
    provider_message: str | None
    status: int


@dataclass(frozen=True)
class Answer:
    """A provider's HTTP answer, read in full (bounded) and parsed as far as it parses."""

    status: int
    payload: object  # the parsed JSON, or None when the body is not JSON
    retry_after: float | None
    content_type: str

    @property
    def body(self) -> JsonObject:
        return as_dict(self.payload)

    @property
    def http_ok(self) -> bool:
        return 200 <= self.status < 300


def parse_json(raw: bytes) -> tuple[bool, object]:
    """(True, value) for JSON, (False, None) for anything else, including absurd nesting."""
    if not raw.strip():
        return False, None
    try:
        return True, json.loads(raw)
    except (ValueError, RecursionError):
        return False, None


class ProviderHttp:
    """Sends requests with the key to one provider origin; maps transport failures to typed errors."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        key: ApiKey,
        base_url: str,
        *,
        name: str,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._client = client
        self._key = key
        self.base_url = base_url.rstrip("/")
        self.name = name
        self.clock = clock

    def __repr__(self) -> str:
        return f"ProviderHttp({self.name!r}, base_url={self.base_url!r})"

    @property
    def key(self) -> ApiKey:
        return self._key

    async def get(self, path: str, params: JsonObject | None = None) -> Answer:
        return await self._send("GET", path, params=params)

    async def post_json(self, path: str, body: JsonObject) -> Answer:
        return await self._send("POST", path, json=body)

    async def post_multipart(self, path: str, data: JsonObject, files: JsonObject) -> Answer:
        return await self._send("POST", path, data=data, files=files)

    async def _send(self, method: str, path: str, **kwargs: Any) -> Answer:
        request = self._build(method, path, kwargs)
        try:
            response = await self._client.send(request, stream=True, follow_redirects=False)
            try:
                raw = await self._read_capped(response)
            finally:
                await response.aclose()
        except httpx.HTTPError as exc:
            raise self._transport_error(exc) from None
        return self._answer(response, raw)

    def _build(self, method: str, path: str, kwargs: dict[str, Any]) -> httpx.Request:
        headers = {"Authorization": f"Bearer {self._key.reveal()}", "Accept": "application/json"}
        try:
            return self._client.build_request(method, self.base_url + path, headers=headers, **kwargs)
        except httpx.HTTPError as exc:
            raise self._transport_error(exc) from None
        except ValueError:
            # e.g. text with lone surrogates (undecodable command-line bytes) cannot be encoded.
            raise InvalidRequest(
                f"The request to {self.name} contains text that cannot be sent (invalid characters)."
            ) from None

    async def _read_capped(self, response: httpx.Response) -> bytes:
        chunks, size = [], 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > MAX_BODY_BYTES:
                raise ProviderUnavailable(
                    f"{self.name} sent an answer larger than "
                    f"{MAX_BODY_BYTES // (1024 * 1024)} MB; it is not a valid reply.",
                    status=response.status_code,
                )
            chunks.append(chunk)
        return b"".join(chunks)

    def _answer(self, response: httpx.Response, raw: bytes) -> Answer:
        _, payload = parse_json(raw)
        retry_after = parse_retry_after(response.headers.get("Retry-After"), self.clock())
        content_type = response.headers.get("Content-Type", "").split(";")[0].strip()
        return Answer(response.status_code, payload, retry_after, content_type)

    def _transport_error(self, exc: httpx.HTTPError) -> HailuoError:
        detail = clean_message(str(exc), self._key) or type(exc).__name__
        if isinstance(exc, (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)):
            # The connection never opened (or no pooled one was free): nothing was sent.
            return NetworkError(f"Could not connect to {self.name} ({detail}). Nothing was sent.", sent=False)
        if isinstance(exc, (httpx.UnsupportedProtocol, httpx.InvalidURL)):
            return InvalidRequest(f"The address of {self.name} is not usable ({detail}).")
        if isinstance(exc, httpx.TimeoutException):
            return NetworkError(f"{self.name} did not answer in time ({detail}).", sent=True)
        return NetworkError(f"The connection to {self.name} failed ({detail}).", sent=True)

    def not_json(self, answer: Answer) -> ProviderUnavailable:
        kind = answer.content_type or "an empty body"
        return ProviderUnavailable(
            f"{self.name} sent an answer that is not the expected JSON (HTTP {answer.status}, {kind}).",
            status=answer.status,
            retry_after=answer.retry_after,
        )

    def malformed(self, answer: Answer, what: str) -> ProviderUnavailable:
        return ProviderUnavailable(
            f"{self.name} sent an unexpected answer: {what}.", status=answer.status, retry_after=answer.retry_after
        )


def error_for_code(
    code: int, *, name: str, message: str | None, answer: Answer, on_poll: bool, provider_code: str | None = None
) -> HailuoError:
    """One status (HTTP or a body `code` that mirrors HTTP) -> one typed error, same words everywhere."""
    kind, text, extra = _classify(code, name, on_poll, answer.retry_after)
    full = f"{text}: {message}" if message else f"{text}."
    return kind(
        full,
        provider_code=provider_code if provider_code is not None else str(code),
        provider_message=message,
        status=answer.status,
        **extra,
    )


def _classify(
    code: int, name: str, on_poll: bool, retry_after: float | None
) -> tuple[type[HailuoError], str, dict[str, Any]]:
    if code in (401, 403):
        return AuthError, f"{name} refused the API key (code {code}). Check the key in Settings", {}
    if code == 402:
        return InsufficientBalance, f"Your {name} balance is too low (code 402). Top up and try again", {}
    if code == 429:
        return RateLimited, _rate_text(name, retry_after), {"retry_after": retry_after}
    if code == 404 and on_poll:
        return TaskNotFound, f"{name} does not know this task (code 404)", {}
    if code in MAINTENANCE_CODES:
        return (
            ProviderUnavailable,
            f"{name} is under maintenance (code {code}); nothing was created. Try later",
            {"maintenance": True, "retry_after": retry_after},
        )
    if 400 <= code < 500 and code != 408:
        return InvalidRequest, f"{name} refused the request (code {code})", {}
    return ProviderUnavailable, f"{name} could not handle the request (code {code})", {"retry_after": retry_after}


def _rate_text(name: str, retry_after: float | None) -> str:
    if retry_after is None:
        return f"{name} is limiting requests (code 429); try again shortly"
    return f"{name} is limiting requests (code 429); try again in {retry_after:.0f} s"
