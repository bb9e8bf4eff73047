"""What the simulator saw: counters per provider and a record of every request."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class RequestRecord:
    origin: str  # "api" | "files"
    method: str
    path: str
    provider: str | None
    had_authorization: bool


@dataclass
class SimStats:
    """Counters are Counters, so a provider never seen reads as 0.

    submits: POSTs that reached a create handler (refused ones included);
    created: tasks actually created (what a crash test compares with submits);
    polls, retrieves (MiniMax files/retrieve, kie download-url), uploads, balance: per provider;
    rate_limited: api requests refused with a 429 by `SimConfig.rate_limit` (not by faults);
    downloads: GETs of result videos on the files origin (HEAD not counted);
    requests: every request on both origins except the control API (/_sim/...).
    """

    submits: Counter = field(default_factory=Counter)
    created: Counter = field(default_factory=Counter)
    polls: Counter = field(default_factory=Counter)
    retrieves: Counter = field(default_factory=Counter)
    uploads: Counter = field(default_factory=Counter)
    balance: Counter = field(default_factory=Counter)
    rate_limited: Counter = field(default_factory=Counter)
    downloads: int = 0
    requests: list[RequestRecord] = field(default_factory=list)

    def as_json(self) -> dict:
        counters = ("submits", "created", "polls", "retrieves", "uploads", "balance", "rate_limited")
        return {
            **{name: dict(getattr(self, name)) for name in counters},
            "downloads": self.downloads,
            "requests": [asdict(record) for record in list(self.requests)],
        }
