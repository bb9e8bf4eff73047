"""What the window's controllers share: the engine, keys, settings, paths, the one client."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import httpx

from ..engine import Engine
from ..services.home import DataPaths
from ..services.secrets import KeyStore
from ..services.settings import Settings, SettingsStore


@dataclass
class AppContext:
    engine: Engine
    key_store: KeyStore
    settings_store: SettingsStore
    settings: Settings  # the current settings; replaced (never mutated) when the user changes them
    paths: DataPaths
    client: httpx.AsyncClient
    api_url: str | None = None  # one origin for every provider: the simulator (demo, tests)
    demo: bool = False

    def base_url(self, provider_id: str) -> str | None:
        """Where a new task for this provider goes: the simulator if set, else any override."""
        return self.api_url or self.settings.base_urls.get(provider_id)

    @property
    def cache_dir(self) -> Path:
        return self.paths.root / "cache"
