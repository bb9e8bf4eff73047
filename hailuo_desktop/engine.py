"""The Qt-free composition root shared by the CLI and the window, and the façade they drive.

Both front ends build the same engine from the same parts, so a task created from the
command line can be resumed by the window and the other way round. Neither front end
imports providers/ or reaches into the parts: what they need is a plain async method or a
store read here (which also makes the engine easy to move onto a loop of its own).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx

from .domain.balance import Balance
from .domain.errors import MissingKey
from .domain.images import ImageFacts
from .domain.request import GenerationRequest
from .domain.routes import UploadRoute
from .domain.sources import is_local_image
from .domain.task import Task
from .providers.base import Provider, Uploader
from .providers.hosts import upload_origin
from .providers.registry import build_provider, build_uploader
from .services.adaptive import AdaptivePlanner
from .services.balances import BalanceRefresher
from .services.budget import RequestBudget
from .services.completion_history import CompletionHistory
from .services.download_files import CrashPoint
from .services.downloads import Downloader
from .services.home import DataPaths
from .services.key_cache import KeyCache
from .services.lease import HeldPolicy, Leases, LeaseTerms
from .services.runner import Runner
from .services.saved_posters import SavedPosters, posters_dir
from .services.secrets import KeyStore
from .services.settings import Settings
from .services.store import TaskStore
from .services.uploads import UploadService
from .services.url_images import fetch_url_image


@dataclass
class Engine:
    store: TaskStore
    runner: Runner
    uploads: UploadService
    keys: KeyCache
    client: httpx.AsyncClient
    planner: AdaptivePlanner | None = None
    balances: BalanceRefresher | None = None  # the latest balance per provider, refreshed as money moves
    # (provider id, key, origin or None for the settings' override) -> an adapter: the settings'
    # region and routing included (build_engine makes it)
    connect: Callable[[str, str, str | None], Provider] | None = None
    posters: SavedPosters | None = None  # grid posters made as videos are saved (services.saved_posters)

    # --- orders ----------------------------------------------------------------------
    async def submit(
        self,
        requests: Sequence[GenerationRequest],
        *,
        base_url: str | None = None,
        upload_route: UploadRoute | None = None,
        batch_id: str | None = None,
        parent_id: str | None = None,
        start: bool = True,
    ) -> list[Task]:
        """Check the keys the order needs, store every task (none if one is bad), start each.

        MissingKey (with `provider_id`) before anything is stored when a key is missing.
        """
        if not requests:
            return []
        provider_id = requests[0].spec.provider
        await self.require_keys(self.keys_for_order(provider_id, requests, upload_route))
        created = self.runner.create(
            requests, base_url=base_url, upload_route=upload_route, batch_id=batch_id, parent_id=parent_id
        )
        if start:
            for task in created:
                self.follow(task.id)
        return created

    async def retry(self, task_id: str, *, start: bool = True) -> Task:
        """A new task with the same settings (the old one stays as it is), after its keys are read."""
        old = self.store.get(task_id)
        await self.require_keys(_keys(old.provider, old.upload_route, bool(old.image_path or old.end_image_path)))
        fresh = self.runner.retry(task_id)
        if start:
            self.follow(fresh.id)
        return fresh

    async def start_unfinished(self) -> list[Task]:
        """Start every unfinished task whose keys are known; returns those still waiting for a key.

        Already followed tasks are not started twice, so calling this again after a key was
        entered picks up exactly the ones that waited."""
        unfinished = self.store.unfinished()
        needed = {p for task in unfinished for p in self.keys_for_task(task)}
        keyed = {p for p in sorted(needed) if await self.has_keys({p})}  # one keyring read per provider
        waiting = [task for task in unfinished if not self.keys_for_task(task) <= keyed]
        for task in unfinished:
            if task not in waiting:
                self.follow(task.id)
        return waiting

    def missing_key(self, task: Task) -> str:
        """The first provider whose key `task` waits for."""
        return next((p for p in sorted(self.keys_for_task(task)) if not self.key_loaded(p)), task.provider)

    def follow(self, task_id: str) -> None:
        """Drive a stored task to its end (a second call while it runs changes nothing)."""
        self.runner.start(task_id)

    # --- which keys: the one rule ----------------------------------------------------
    def keys_for_order(
        self, provider_id: str, requests: Iterable[GenerationRequest], upload_route: UploadRoute | None
    ) -> set[str]:
        """The provider's key, and the upload route's provider's when a local image goes up."""
        local = any(is_local_image(r.image) or is_local_image(r.end_image) for r in requests)
        route = self.uploads.route_for(provider_id, upload_route) if local else None
        return _keys(provider_id, route, local)

    @staticmethod
    def keys_for_task(task: Task) -> set[str]:
        """What a stored task still needs: once sent, the upload key is no longer used."""
        local = task.remote_id is None and bool(task.image_path or task.end_image_path)
        return _keys(task.provider, task.upload_route, local)

    async def require_keys(self, provider_ids: Iterable[str]) -> None:
        """Read the keys now; MissingKey (with `provider_id`) for the first one missing."""
        for provider_id in sorted(set(provider_ids)):
            await self.keys.require(provider_id)

    async def has_keys(self, provider_ids: Iterable[str]) -> bool:
        try:
            await self.require_keys(provider_ids)
        except MissingKey:
            return False
        return True

    def key_loaded(self, provider_id: str) -> bool:
        return self.keys.loaded(provider_id)

    def forget_key(self, provider_id: str) -> None:
        """The stored key changed: read it again when next needed."""
        self.keys.forget(provider_id)

    # --- the account -----------------------------------------------------------------
    async def balance(self, provider_id: str, base_url: str | None = None) -> Balance | None:
        """The provider's balance with the stored key (MissingKey, or the provider's error)."""
        return await self.verify_key(provider_id, None, base_url)

    async def verify_key(self, provider_id: str, key: str | None, base_url: str | None = None) -> Balance | None:
        """Ask the provider for the balance with `key` (None: the stored one); an error if refused."""
        key = key or await self.keys.require(provider_id)
        connect = self.connect or (lambda p, k, url: build_provider(p, client=self.client, key=k, base_url=url))
        return await connect(provider_id, key, base_url).balance()

    # --- images and start-up ---------------------------------------------------------
    async def fetch_url_image(self, url: str, folder: Path) -> tuple[ImageFacts, str | None]:
        """A dropped image URL, fetched to `folder` to be checked (facts, local copy or None)."""
        return await fetch_url_image(self.client, url, folder)

    @property
    def completion_history(self) -> CompletionHistory | None:
        """How long each provider/model took, learned from the store: the poll planner's and the
        task list's ETA (None without adaptive polling: the list then learns on its own)."""
        return self.planner.history if self.planner is not None else None

    def repairs(self) -> list[str]:
        """What was repaired when the engine opened its files (a damaged task database)."""
        corruption = getattr(self.store, "corruption", None)
        return [corruption.message] if corruption is not None else []

    async def close(self) -> None:
        await self.runner.close()
        if self.balances is not None:
            await self.balances.close()
        if self.planner is not None:
            self.planner.close()
        if self.posters is not None:
            self.posters.close()
        self.store.close()


def _keys(provider_id: str, route: UploadRoute | None, uploads_local_image: bool) -> set[str]:
    borrowed = route.provider if (route is not None and uploads_local_image) else None
    return {provider_id, borrowed} if borrowed else {provider_id}


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
    crash_point: CrashPoint | None = None,
    api_url: str | None = None,  # one origin for every provider (the simulator): its balances too
    planner: AdaptivePlanner | None = None,  # made by the caller (the window reads its history first)
) -> Engine:
    """`adaptive`: poll where the store's history says tasks finish (services.adaptive), within
    each provider's documented schedule; a fixed `poll_interval` overrides it. `held`: what
    to do with a task another process works (services.lease). `crash_point`: the crash
    harness's hook (services.downloads.crash_point_from), passed in by the front end."""
    keys = KeyCache(key_store)
    store = store or TaskStore(paths.store)
    if planner is None and adaptive:
        planner = AdaptivePlanner(store)

    def connect(provider_id: str, key: str, base_url: str | None) -> Provider:
        origin = base_url or settings.base_urls.get(provider_id)
        return build_provider(
            provider_id,
            client=client,
            key=key,
            base_url=origin,
            region=settings.minimax_region,
            routing=settings.apixo_routing,
        )

    async def provider_factory(provider_id: str, base_url: str | None) -> Provider:
        return connect(provider_id, await keys.require(provider_id), base_url)

    async def uploader_factory(route: UploadRoute, task_base_url: str | None) -> Uploader | None:
        provider_id = route.provider
        if provider_id is None:
            return None
        return build_uploader(
            provider_id,
            client=client,
            key=await keys.require(provider_id),
            base_url=upload_origin(provider_id, task_base_url, settings.base_urls),
        )

    uploads = UploadService(store, uploader_factory, settings.upload_routes, clock=clock)
    leases = Leases(store, clock, terms=lease_terms or LeaseTerms())
    downloader = Downloader(client, clock=clock, sleep=sleep, crash_point=crash_point or _no_crash, part_tag=leases.tag)
    budget = RequestBudget(clock=clock, sleep=sleep)
    runner = Runner(
        store,
        provider_factory,
        uploads,
        downloader,
        budget,
        settings.output_folder(paths),
        clock=clock,
        sleep=sleep,
        poll_interval=poll_interval,
        max_concurrent=settings.max_concurrent,
        poll_planner=planner.plan_for if planner is not None else None,
        leases=leases,
        held=held,
    )
    balances = BalanceRefresher(
        lambda p, origin: _balance_of(provider_factory, p, origin or api_url),
        budget,
        clock,
        sleep,
        loop=_running_loop(),
    )
    store.subscribe(balances.on_store_event)  # after each submit and each finished task
    posters = SavedPosters(posters_dir(paths))
    store.subscribe(posters.on_store_event)  # each saved video's grid poster, in the background
    return Engine(store, runner, uploads, keys, client, planner, balances, connect, posters)


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


async def _balance_of(provider_factory, provider_id: str, api_url: str | None):
    return await (await provider_factory(provider_id, api_url)).balance()


def _no_crash(point: str) -> None:
    return None
