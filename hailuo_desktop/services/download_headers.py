"""Reading a result host's answer headers: scheme, host, lengths, ranges, Retry-After."""

from __future__ import annotations

import re

import httpx

from ..domain.errors import DownloadError

MAX_REDIRECTS = 5
CREDENTIAL_HEADERS = ("authorization", "proxy-authorization")
_CONTENT_RANGE = re.compile(r"bytes\s+(?:(\d+)-(\d+)|\*)/(\d+|\*)")


# --- headers -------------------------------------------------------------------------
def check_scheme(url: httpx.URL) -> None:
    if url.scheme not in ("http", "https"):
        raise DownloadError(f"The result link uses {url.scheme!r}, not http(s); it was not followed.")


def hop_request(client: httpx.Client | httpx.AsyncClient, url: httpx.URL, headers: dict[str, str]) -> httpx.Request:
    """One hop of a result download: http(s) only, and never the provider's credentials (a
    result host, or a host it redirects to, must not see them). Both download paths use it."""
    check_scheme(url)
    request = client.build_request("GET", url, headers=headers)
    for name in CREDENTIAL_HEADERS:
        request.headers.pop(name, None)
    return request


def too_many_redirects(url: str) -> DownloadError:
    return DownloadError(f"The result host {host_of(url)} redirected more than {MAX_REDIRECTS} times.")


def host_of(url: str) -> str:
    try:
        return httpx.URL(url).host or "the result host"
    except (httpx.InvalidURL, TypeError):
        return "the result host"


def content_length(response: httpx.Response) -> int | None:
    if response.headers.get("content-encoding", "identity").lower() not in ("identity", ""):
        return None  # the length counts encoded bytes, not the file's
    value = response.headers.get("content-length")
    return int(value) if value and value.isdigit() else None


def framed_length(response: httpx.Response) -> int | None:
    """The body's exact length on the wire when the answer says it (identity Content-Length,
    not chunked), else None: only then may its bytes be read straight from the connection."""
    if "chunked" in response.headers.get("transfer-encoding", "").lower():
        return None
    return content_length(response)


def parse_content_range(value: str | None) -> tuple[int | None, int | None, int | None]:
    match = _CONTENT_RANGE.fullmatch((value or "").strip())
    if not match:
        return None, None, None
    start, end, total = match.groups()
    return range_number(start), range_number(end), range_number(total)


def range_number(value: str | None) -> int | None:
    return int(value) if value is not None and value != "*" else None


def retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after", "")
    try:
        return max(0.0, float(value))
    except ValueError:
        return None  # an HTTP date: the backoff decides instead


def describe_transport(exc: httpx.TransportError) -> str:
    return f"network error: {type(exc).__name__}"
