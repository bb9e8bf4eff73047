"""The benchmarks' provider keys, held in memory. A module of its own, importing no more than the
app does before its first paint: the start-up child imports it (seeding.py imports httpx and
the providers, which the child must not load on the app's behalf)."""

from __future__ import annotations

from hailuo_desktop.domain.catalog import PROVIDERS
from hailuo_desktop.services.secrets import KeyStore, MemoryKeyringBackend

BENCH_KEY = "bench-key-for-the-loopback-simulator"  # not a secret: only the simulator sees it


def bench_key_store() -> KeyStore:
    env = {spec.env_var: BENCH_KEY for spec in PROVIDERS.values()}
    return KeyStore(env=env, backend=MemoryKeyringBackend())
