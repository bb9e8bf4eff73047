"""What the window's controllers share: the link to the engine, the store, keys, settings, paths."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..services.home import DataPaths
from ..services.secrets import KeyStore
from ..services.settings import Settings, SettingsStore
from ..services.store import TaskStore
from .engine_link import EngineLink


@dataclass
class AppContext:
    link: EngineLink  # the engine, on its own thread: every call goes through here
    key_store: KeyStore
    settings_store: SettingsStore
    settings: Settings  # the current settings; replaced (never mutated) when the user changes them
    paths: DataPaths
    api_url: str | None = None  # one origin for every provider: the simulator (demo, tests)
    demo: bool = False

    def base_url(self, provider_id: str) -> str | None:
        """Where a new task for this provider goes: the simulator if set, else any override."""
        return self.api_url or self.settings.base_urls.get(provider_id)

    @property
    def store(self) -> TaskStore:
        return self.link.store

    @property
    def cache_dir(self) -> Path:
        return self.paths.root / "cache"
