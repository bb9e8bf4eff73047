"""A per-provider request budget shared by every task: an async token bucket.

Hundreds of tasks polling one provider must not add up to a 429 storm. Each request first
takes a token from its provider's bucket; tokens refill at a steady rate up to a burst.
When the provider answers 429 anyway (its real limit is unknown to us), the bucket halves
its rate, empties its burst and pauses for Retry-After; answered requests then win the
rate back a little at a time (additive increase, multiplicative decrease, as TCP does).

The clock and the sleep are injected so tests run on virtual time.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field

# No provider documents its limit; a few requests a second per key is what public clients
# use without trouble. [I]
DEFAULT_RATE = 4.0
DEFAULT_BURST = 8
_EPSILON = 1e-9


@dataclass
class _Bucket:
    nominal: float
    burst: float
    rate: float
    tokens: float
    stamp: float
    paused_until: float = 0.0
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    def refill(self, now: float) -> None:
        if now > self.stamp:
            self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
            self.stamp = now

    def wait_time(self, now: float) -> float:
        wait = self.paused_until - now
        # The epsilon absorbs float rounding: without it a refill can land a hair under one
        # token and ask for a sleep too short to move the clock, forever.
        if self.tokens < 1 - _EPSILON:
            wait = max(wait, (1 - self.tokens) / self.rate)
        return wait


class RequestBudget:
    def __init__(
        self,
        per_provider_rate: float = DEFAULT_RATE,
        burst: int = DEFAULT_BURST,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        overrides: Mapping[str, tuple[float, int]] | None = None,
        floor_fraction: float = 1 / 16,
        recovery_fraction: float = 1 / 50,
    ) -> None:
        if per_provider_rate <= 0 or burst < 1:
            raise ValueError("the request rate must be positive and the burst at least 1")
        self._rate = per_provider_rate
        self._burst = burst
        self._clock = clock
        self._sleep = sleep
        self._overrides = dict(overrides or {})
        self._floor_fraction = floor_fraction
        self._recovery_fraction = recovery_fraction
        self._buckets: dict[str, _Bucket] = {}

    def _bucket(self, provider_id: str) -> _Bucket:
        bucket = self._buckets.get(provider_id)
        if bucket is None:
            rate, burst = self._overrides.get(provider_id, (self._rate, self._burst))
            bucket = _Bucket(nominal=rate, burst=float(burst), rate=rate, tokens=float(burst), stamp=self._clock())
            self._buckets[provider_id] = bucket
        return bucket

    async def acquire(self, provider_id: str) -> None:
        """Wait for this provider's next token. Waiters are served first come, first served."""
        bucket = self._bucket(provider_id)
        async with bucket.lock:  # one waiter sleeps at a time, so the queue order is kept
            while True:
                now = self._clock()
                bucket.refill(now)
                wait = bucket.wait_time(now)
                if wait <= 0:
                    bucket.tokens -= 1
                    return
                await self._sleep(wait)

    def on_rate_limited(self, provider_id: str, retry_after: float | None = None) -> None:
        """The provider said 429: slow everyone down for this provider, not just the caller."""
        bucket = self._bucket(provider_id)
        now = self._clock()
        bucket.refill(now)
        bucket.rate = max(bucket.nominal * self._floor_fraction, bucket.rate / 2)
        pause = retry_after if retry_after is not None and retry_after > 0 else 1 / bucket.rate
        bucket.paused_until = max(bucket.paused_until, now + pause)
        # No burst piles up during the pause: one request may go when it ends, the rest
        # follow at the new, slower rate.
        bucket.tokens = min(bucket.tokens, 1.0)
        bucket.stamp = max(bucket.stamp, bucket.paused_until)

    def on_success(self, provider_id: str) -> None:
        bucket = self._bucket(provider_id)
        if bucket.rate < bucket.nominal:
            bucket.refill(self._clock())
            bucket.rate = min(bucket.nominal, bucket.rate + bucket.nominal * self._recovery_fraction)

    def rate(self, provider_id: str) -> float:
        """The current rate (requests per second) for a provider."""
        return self._bucket(provider_id).rate
