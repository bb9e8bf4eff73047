"""The Qt-free composition root shared by the CLI and the window.

Both front ends build the same engine from the same parts, so a task created from the
command line can be resumed by the window and the other way round.
"""

from __future__ import annotations

import asyncio
import os
import time
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import urlsplit

import httpx

from .domain import catalog
from .domain.errors import KeyringUnavailable, MissingKey
from .domain.routes import UploadRoute
from .providers.base import Provider, Uploader
from .providers.registry import build_provider, build_uploader
from .providers.registry import is_loopback as host_is_loopback
from .services.adaptive import AdaptivePlanner
from .services.balances import BalanceRefresher
from .services.budget import RequestBudget
from .services.downloads import Downloader, crash_point_from
from .services.home import DataPaths
from .services.lease import HeldPolicy, Leases, LeaseTerms
from .services.runner import Runner
from .services.secrets import KeyStore
from .services.settings import Settings
from .services.store import TaskStore
from .services.uploads import UploadService

def is_loopback(url: str | None) -> bool:
    """Whether `url` names this machine: an address in 127.0.0.0/8 or ::1, or localhost.
    By address, not by spelling: "127.evil.example" is somebody else's host."""
    try:
        host = (urlsplit(url).hostname or "") if url else ""
    except ValueError:
        return False
    return bool(host) and host_is_loopback(host)


@dataclass
class KeyRing:
    """Keys read once from the KeyStore when a provider is first needed, then held in memory."""

    store: KeyStore
    cache: dict[str, str] = field(default_factory=dict)

    async def require(self, provider_id: str) -> str:
        if provider_id not in self.cache:
            key = await self._read(provider_id)
            if not key:
                spec = catalog.provider(provider_id)
                raise MissingKey(f"No key for {spec.name}: enter one in the settings, run "
                                 f"`hailuo-desktop key set {provider_id}`, or set {spec.env_var}.")
            self.cache[provider_id] = key
        return self.cache[provider_id]

    def forget(self, provider_id: str) -> None:
        self.cache.pop(provider_id, None)

    async def _read(self, provider_id: str) -> str | None:
        try:
            return await self.store.get(provider_id)
        except KeyringUnavailable:
            return None


@dataclass
class Engine:
    store: TaskStore
    runner: Runner
    uploads: UploadService
    keys: KeyRing
    client: httpx.AsyncClient
    planner: AdaptivePlanner | None = None
    balances: BalanceRefresher | None = None  # the latest balance per provider, refreshed as money moves

    async def close(self) -> None:
        await self.runner.close()
        if self.balances is not None:
            await self.balances.close()
        if self.planner is not None:
            self.planner.close()
        self.store.close()


def build_engine(
    paths: DataPaths,
    settings: Settings,
    key_store: KeyStore,
    client: httpx.AsyncClient,
    *,
    clock: Callable[[], float] = time.time,
    sleep: Callable[[float], object] = asyncio.sleep,
    poll_interval: float | None = None,
    store: TaskStore | None = None,
    adaptive: bool = True,
    held: HeldPolicy = HeldPolicy.WAIT,
    lease_terms: LeaseTerms | None = None,
) -> Engine:
    """`adaptive`: poll where the store's history says tasks finish (services.adaptive), within
    each provider's documented schedule; a fixed `poll_interval` overrides it. `held`: what
    to do with a task another process works (services.lease)."""
    keys = KeyRing(key_store)
    store = store or TaskStore(paths.store)
    planner = AdaptivePlanner(store) if adaptive else None

    async def provider_factory(provider_id: str, base_url: str | None) -> Provider:
        base_url = base_url or settings.base_urls.get(provider_id)
        return build_provider(provider_id, client=client, key=await keys.require(provider_id), base_url=base_url,
                              region=settings.minimax_region, routing=settings.apixo_routing)

    async def uploader_factory(route: UploadRoute, task_base_url: str | None) -> Uploader | None:
        provider_id = route.provider
        if provider_id is None:
            return None
        return build_uploader(provider_id, client=client, key=await keys.require(provider_id),
                              base_url=_upload_origin(provider_id, task_base_url, settings))

    uploads = UploadService(store, uploader_factory, settings.upload_routes, clock=clock)
    leases = Leases(store, clock, terms=lease_terms or LeaseTerms())
    downloader = Downloader(client, clock=clock, sleep=sleep, crash_point=crash_point_from(os.environ),
                            part_tag=leases.tag)
    budget = RequestBudget(clock=clock, sleep=sleep)
    runner = Runner(store, provider_factory, uploads, downloader, budget, settings.output_folder(paths),
                    clock=clock, sleep=sleep, poll_interval=poll_interval, max_concurrent=settings.max_concurrent,
                    poll_planner=planner.plan_for if planner is not None else None, leases=leases, held=held)
    balances = BalanceRefresher(lambda p: _balance_of(provider_factory, p), budget, clock, sleep)
    store.subscribe(balances.on_store_event)  # after each submit and each finished task
    return Engine(store, runner, uploads, keys, client, planner, balances)


async def _balance_of(provider_factory, provider_id: str):
    return await (await provider_factory(provider_id, None)).balance()


def _upload_origin(provider_id: str, task_base_url: str | None, settings: Settings) -> str | None:
    """Where the upload goes. The upload key must never reach another provider's host, so
    a task's origin override is followed only on loopback (the simulator serves every API
    on one origin); otherwise the upload provider's own override, or its real host."""
    if is_loopback(task_base_url):
        return task_base_url
    return settings.base_urls.get(provider_id)
