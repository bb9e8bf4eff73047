"""How a simulator run behaves."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

DAY = 24 * 3600.0

# Seconds after completion a result URL keeps answering, per provider.
RESULT_URL_LIFETIME = {
    "kie": DAY,  # providers.md 1.2: "Generated content URLs typically expire after 24 hours" [V]
    "apikley": DAY,  # providers.md 1: Apikley is kie's API resold, the same 24 hours
    "apixo": DAY,  # SIMULATOR VALUE: providers.md 2.3 says only "may be temporary"
    "apiinone": DAY,  # SIMULATOR VALUE: providers.md 6 says "unknown"
    # SIMULATOR VALUE: providers.md 4 says "time-limited" (9 h for the template API, not
    # confirmed for files/retrieve [I]); the sim keeps 24 h like the others.
    "minimax": DAY,
}


def _default_balances() -> dict[str, float]:
    # APIXO in USD; kie, Apikley and API in One in credits; MiniMax has no balance
    # endpoint here, but an account with money; unpriced tasks cost nothing (simulator/prices.py).
    return {"apixo": 100.0, "kie": 100_000, "apikley": 100_000, "apiinone": 100_000, "minimax": 1000.0}


@dataclass
class SimConfig:
    seed: int = 0
    # Multiplies every drawn queue and run time: 1.0 is realistic (a minute or two per
    # task), the demo uses a small scale so tasks finish in seconds.
    time_scale: float = 1.0
    # None: any non-empty bearer key except one starting with "bad"; else provider -> key.
    keys: dict[str, str] | None = None
    balances: dict[str, float] = field(default_factory=_default_balances)
    # Pad each result video to this many bytes (a trailing MP4 free box); None: as is.
    result_bytes: int | None = None
    # Seconds of sim clock after completion when a result URL starts answering 403;
    # None: the provider's lifetime in RESULT_URL_LIFETIME.
    result_ttl: float | None = None
    # kie/Apikley uploads: one docs page says 3 days, another 24 h; the sim keeps the shorter.
    upload_ttl: float = DAY
    download_link_ttl: float = 20 * 60  # kie's download-url helper: 20 minutes
    # Makes a task's video from {"provider","task_id","model","prompt","image_url",
    # "duration","resolution"}; called once per task, in a worker thread. None: the sample.
    result_factory: Callable[[dict], bytes] | None = None
    # kie/Apikley report request errors (auth, validation, balance, not found) as HTTP
    # 200 with the code in the body by default; True sends the HTTP status as well.
    market_errors_as_http: bool = False
    # The epoch seconds that the clock's reading at construction stands for, in
    # createTime & co (ms timestamps); None: the wall time at construction.
    epoch: float | None = None
    # (requests, per_seconds): each provider's account answers its own 429 (with Retry-After)
    # beyond this many api requests in any window of that many sim-clock seconds; None: no limit.
    rate_limit: tuple[int, float] | None = None
    # provider -> model ids (or "model@routing" for APIXO's `provider` route) the key may not
    # use (APIXO answers 403), and models switched off for now (503). Mutable while running.
    # Which MiniMax host this simulator plays: "global" (api.minimax.io) or "china"
    # (api.minimaxi.com). Keys are issued per region and work only on their own host:
    # a key listed under the other region is refused as MiniMax refuses a bad key (1004).
    minimax_region: str = "global"
    minimax_region_keys: dict[str, set[str]] = field(default_factory=dict)
    denied_models: dict[str, set[str]] = field(default_factory=dict)
    unavailable_models: dict[str, set[str]] = field(default_factory=dict)
