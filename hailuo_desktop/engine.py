"""The Qt-free composition root shared by the CLI and the window.

Both front ends build the same engine from the same parts, so a task created from the
command line can be resumed by the window and the other way round.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import httpx

from .domain import catalog
from .domain.errors import MissingKey, UploadRouteMissing
from .providers.base import Provider
from .providers.registry import build_provider, build_uploader
from .services.budget import RequestBudget
from .services.downloads import Downloader
from .services.home import DataPaths
from .services.runner import Runner
from .services.secrets import KeyStore
from .services.settings import Settings
from .services.store import TaskStore
from .services.uploads import UploadService

# Routes by which a local image reaches a provider (see services.uploads).
OWN_ROUTES = {"minimax": "data_url", "kie": "kie_upload", "apikley": "apikley_upload"}
ROUTE_PROVIDER = {"kie_upload": "kie", "apikley_upload": "apikley"}


def upload_route_for(provider_id: str, image: str | None, settings: Settings, chosen: str | None = None) -> str | None:
    """How this task's image reaches the provider; None for text-to-video."""
    if image is None:
        return None
    if image.startswith(("http://", "https://", "data:")):
        return "public_url"
    route = chosen or OWN_ROUTES.get(provider_id) or settings.upload_routes.get(provider_id)
    if route is None or route == "public_url":
        name = catalog.provider(provider_id).name
        raise UploadRouteMissing(
            f"{name} has no upload API: give a public image URL, or choose an upload route "
            "(kie_upload or apikley_upload, using that provider's key) in the settings or with --upload-route."
        )
    return route


@dataclass
class KeyRing:
    """Keys resolved once per run, held in memory; the provider factory reads them from here."""

    store: KeyStore
    cache: dict[str, str] = field(default_factory=dict)

    async def load(self, provider_ids) -> None:
        for provider_id in set(provider_ids):
            key = await self.store.get(provider_id)
            if key:
                self.cache[provider_id] = key

    def require(self, provider_id: str) -> str:
        try:
            return self.cache[provider_id]
        except KeyError:
            spec = catalog.provider(provider_id)
            raise MissingKey(
                f"No key for {spec.name}: run `hailuo-desktop key set {provider_id}` or set {spec.env_var}."
            ) from None


@dataclass
class Engine:
    store: TaskStore
    runner: Runner
    keys: KeyRing
    client: httpx.AsyncClient

    async def close(self) -> None:
        await self.runner.close()
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
) -> Engine:
    keys = KeyRing(key_store)
    store = store or TaskStore(paths.store)

    def provider_factory(provider_id: str, base_url: str | None) -> Provider:
        return build_provider(provider_id, client=client, key=keys.require(provider_id), base_url=base_url)

    def uploader_factory(route: str, base_url: str | None):
        provider_id = ROUTE_PROVIDER[route]
        return build_uploader(provider_id, client=client, key=keys.require(provider_id), base_url=base_url)

    uploads = UploadService(store, uploader_factory)
    downloader = Downloader(client_factory=None, clock=clock, sleep=sleep) if False else Downloader(
        clock=clock, sleep=sleep)
    budget = RequestBudget(clock=clock, sleep=sleep)
    output = Path(settings.output_dir) if settings.output_dir else paths.output
    runner = Runner(store, provider_factory, uploads, downloader, budget, output,
                    clock=clock, sleep=sleep, poll_interval=poll_interval,
                    max_concurrent=settings.max_concurrent)
    return Engine(store, runner, keys, client)
