"""What differs between a normal start, the demo and a test: the options of one window session."""

from __future__ import annotations

from dataclasses import dataclass, field

from .domain.routes import UploadRoute
from .services.home import DataPaths
from .services.secrets import KeyStore


@dataclass
class SessionOptions:
    """What differs between a normal start, the demo, and a test."""

    paths: DataPaths
    key_store: KeyStore
    api_url: str | None = None  # every provider's origin (the simulator's), or None for the real ones
    poll_interval: float | None = None
    eta_scale: float = 1.0  # the demo's tasks are quicker than real ones; so is their ETA
    use_tray: bool | None = None
    demo: bool = False
    extra_upload_routes: dict[str, UploadRoute] = field(default_factory=dict)
    client_proxy_url: str | None = None  # the manual proxy with its password (memory only): with_proxy_secret
