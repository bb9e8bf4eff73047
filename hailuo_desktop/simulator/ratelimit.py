"""An account's request rate, as a provider's gateway enforces it: N requests per window.

Off unless `SimConfig.rate_limit = (requests, per_seconds)` asks for it. A sliding window
on the sim clock, one per provider (one key each): a request that would be the N+1th in
the last `per_seconds` is refused with the provider's own 429 and a Retry-After saying
when the oldest request in the window leaves it. Refused requests do not count: a client
that keeps knocking is not punished beyond the 429 itself.
"""

from __future__ import annotations

import math
import threading
from collections import deque


class RateLimiter:
    def __init__(self, limit: tuple[int, float] | None) -> None:
        if limit is not None and (limit[0] < 1 or limit[1] <= 0):
            raise ValueError("a rate limit is (requests >= 1, per_seconds > 0)")
        self._limit = limit
        self._seen: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def admit(self, provider: str, now: float) -> float | None:
        """None when the request may pass (and is counted); else the seconds to wait."""
        if self._limit is None:
            return None
        requests, window = self._limit
        with self._lock:
            seen = self._seen.setdefault(provider, deque())
            while seen and seen[0] <= now - window:
                seen.popleft()
            if len(seen) >= requests:
                return max(1.0, math.ceil(seen[0] + window - now))
            seen.append(now)
            return None
