"""Keys read once from the KeyStore when a provider is first needed, then held in memory.

The keyring can be slow (or hang when locked): one read per provider per session, and a
changed key is forgotten so the next use reads the new one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..domain import catalog
from ..domain.errors import KeyringUnavailable, MissingKey
from .secrets import KeyStore


@dataclass
class KeyCache:
    store: KeyStore
    _keys: dict[str, str] = field(default_factory=dict, repr=False)

    async def require(self, provider_id: str) -> str:
        """The key; MissingKey (with `provider_id` set) when there is none anywhere."""
        if provider_id not in self._keys:
            key = await self._read(provider_id)
            if not key:
                raise _missing(provider_id)
            self._keys[provider_id] = key
        return self._keys[provider_id]

    def loaded(self, provider_id: str) -> bool:
        return provider_id in self._keys

    def forget(self, provider_id: str) -> None:
        self._keys.pop(provider_id, None)

    async def _read(self, provider_id: str) -> str | None:
        try:
            return await self.store.get(provider_id)
        except KeyringUnavailable:
            return None


def _missing(provider_id: str) -> MissingKey:
    spec = catalog.provider(provider_id)
    error = MissingKey(
        f"No key for {spec.name}: enter one in the settings, run "
        f"`hailuo-desktop key set {provider_id}`, or set {spec.env_var}."
    )
    error.provider_id = provider_id  # the window's banner names the provider it is about
    return error
