"""Faults on demand: what can go wrong, where, and how often.

A `Fault` matches a request by `op`, optional `provider` and optional remote `task_id`;
`skip` lets the first N matches through, then it fires `times` times (None: always).
Add one from Python (`sim.faults.add(Fault(op="poll", kind="status", status=429))`) or
over HTTP (`POST /_sim/faults` with the same fields as JSON).

ops: submit | poll | retrieve (MiniMax files/retrieve, kie download-url) | upload |
balance | download (the files origin) | any.

kinds:
- status      the provider's own error shape for `status` (401 402 403 404 422 429 455
              500 501 502 503 504); `retry_after` adds a Retry-After header; `as_http`
              chooses how it travels: None = the provider's habit (kie, Apikley and MiniMax
              answer HTTP 200 with the code in the body; APIXO and API in One use the HTTP
              status), True = the HTTP status, False = HTTP 200 with the code in the body.
- html        an HTML error page from a proxy, HTTP `status` (default 502).
- malformed   a complete answer whose JSON body is cut in half.
- reset       headers and `after_bytes` of the body (default half), then the transport is
              aborted.
- drop        the connection is closed before any answer.
- slow        the body trickles `chunk` bytes (default 16) with a pause of `delay`
              seconds of the sim's clock (default 1) between two chunks; with a
              ManualClock the test releases each chunk with `advance()`, and the clock's
              `sleepers` count says when the body is waiting.
- hang        the answer is held `delay` seconds of the sim's clock (None: until the
              client gives up or the simulator stops), then sent as usual.
- missing_id  (submit) a success envelope without the task id.
- unknown_state (poll) a state string the provider never documented (`state`).
- bad_result_json (submit: the task's fate; poll: once it has succeeded) a result the
              client cannot read: kie/APIXO `resultJson` is not JSON, API in One has no
              `output.video_url`, MiniMax says Success without a `file_id`.
- fail        (submit: the task's fate; poll: the task fails now) the provider's failed
              state with `fail_code` and `fail_message` (see failcodes.py).
- truncated   (download) Content-Length says more than what is sent, then the
              connection closes.
- no_range    (download) the host ignores Range and answers 200 with the whole file.
- expired     (download) the result host answers 403 as for an expired signed URL.

`after_create` (submit only): the task is created and charged first, then the fault
replaces the answer, so "created, then the answer was lost" can be scripted. Without
it, a submit fault means nothing was created.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields

OPS = frozenset({"submit", "poll", "retrieve", "upload", "balance", "download", "any"})
TRANSPORT_KINDS = frozenset({"malformed", "reset", "drop", "slow", "hang"})
# Which ops each kind can apply to; "any" in a fault picks among these.
KIND_OPS: dict[str, frozenset[str]] = {
    "status": OPS - {"any"},
    "html": OPS - {"any"},
    "malformed": OPS - {"any", "download"},
    "reset": OPS - {"any"},
    "drop": OPS - {"any"},
    "slow": OPS - {"any"},
    "hang": OPS - {"any"},
    "missing_id": frozenset({"submit"}),
    "unknown_state": frozenset({"poll"}),
    "bad_result_json": frozenset({"submit", "poll"}),
    "fail": frozenset({"submit", "poll"}),
    "truncated": frozenset({"download"}),
    "no_range": frozenset({"download"}),
    "expired": frozenset({"download"}),
}
KINDS = frozenset(KIND_OPS)
# Kinds that decide how a created task ends rather than how one answer travels.
FATE_KINDS = frozenset({"fail", "bad_result_json"})


@dataclass(frozen=True)
class Fault:
    op: str = "any"
    kind: str = "status"
    provider: str | None = None
    task_id: str | None = None
    times: int | None = 1
    skip: int = 0
    status: int | None = None
    retry_after: float | None = None
    as_http: bool | None = None
    message: str | None = None
    after_create: bool = False
    delay: float | None = None
    chunk: int = 16
    after_bytes: int | None = None
    state: str = "suspended"
    fail_code: str | None = None
    fail_message: str | None = None

    def __post_init__(self) -> None:
        if self.op not in OPS:
            raise ValueError(f"unknown fault op {self.op!r}; one of {', '.join(sorted(OPS))}")
        if self.kind not in KINDS:
            raise ValueError(f"unknown fault kind {self.kind!r}; one of {', '.join(sorted(KINDS))}")
        if self.op != "any" and self.op not in KIND_OPS[self.kind]:
            raise ValueError(f"a {self.kind!r} fault cannot apply to op {self.op!r}")
        if self.after_create and self.op not in ("submit", "any"):
            raise ValueError("after_create only makes sense for submit")
        if self.times is not None and self.times < 1:
            raise ValueError("times must be at least 1, or None for always")
        if self.skip < 0 or self.chunk < 1:
            raise ValueError("skip must be >= 0 and chunk >= 1")

    @property
    def http_status(self) -> int:
        """The status for `status` and `html` kinds, with their defaults."""
        return self.status or (502 if self.kind == "html" else 500)

    def applies_to(self, op: str, provider: str | None, task_id: str | None) -> bool:
        return (
            self.op in (op, "any")
            and op in KIND_OPS[self.kind]
            and self.provider in (None, provider)
            and self.task_id in (None, task_id)
        )

    def as_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: object) -> Fault:
        """A Fault from the control API's JSON; ValueError with the reason when it is not one."""
        if not isinstance(data, dict):
            raise ValueError("a fault is a JSON object")
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"unknown fault fields: {', '.join(unknown)}")
        try:
            return cls(**data)
        except TypeError as exc:
            raise ValueError(str(exc)) from None


@dataclass
class _Armed:
    fault: Fault
    seen: int = 0
    fired: int = 0


class FaultBook:
    """The faults waiting to fire. Thread-safe: tests add faults from another thread."""

    def __init__(self) -> None:
        self._armed: list[_Armed] = []
        self._lock = threading.Lock()

    def add(self, fault: Fault) -> Fault:
        with self._lock:
            self._armed.append(_Armed(fault))
        return fault

    def clear(self) -> None:
        with self._lock:
            self._armed.clear()

    def pending(self) -> list[Fault]:
        with self._lock:
            return [armed.fault for armed in self._armed]

    def take(
        self, op: str, provider: str | None, task_id: str | None = None, accept: Callable[[Fault], bool] | None = None
    ) -> Fault | None:
        """The first fault that fires for this request, counting it; None when none does."""
        with self._lock:
            for armed in list(self._armed):
                fault = armed.fault
                if not fault.applies_to(op, provider, task_id) or (accept and not accept(fault)):
                    continue
                armed.seen += 1
                if armed.seen <= fault.skip:
                    continue
                armed.fired += 1
                if fault.times is not None and armed.fired >= fault.times:
                    self._armed.remove(armed)
                return fault
        return None
