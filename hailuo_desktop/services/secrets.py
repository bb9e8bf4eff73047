"""API keys: the OS keyring, environment overrides, and a session-only fallback.

Keyring calls are synchronous and can hang (a locked keyring waits for a prompt), so each
runs on its own daemon thread under a timeout. Not `asyncio.to_thread`: the default
executor's threads are joined when the loop and the interpreter shut down, so one hung
keyring call would freeze the app on quit; a daemon thread is simply abandoned.

A key is never put in an exception, a repr, a log line or a file by this module.
"""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, NoReturn, Protocol

from ..domain.catalog import PROVIDERS, ProviderSpec, provider
from ..domain.errors import InvalidRequest, KeyringUnavailable

SERVICE = "hailuo-desktop"
SESSION_ONLY = "No OS keyring is available: the key is kept for this session only."


@dataclass(frozen=True)
class KeyStatus:
    """Where a provider's key comes from, for the settings page and `key status`."""

    provider_id: str
    source: str | None  # "env" | "keyring" | "session" | None (no key)
    keyring_available: bool | None  # None until the keyring has been asked once
    message: str  # for the user
    detail: str | None = None  # why the keyring failed, for "copy details" and logs

    @property
    def has_key(self) -> bool:
        return self.source is not None


class PasswordBackend(Protocol):
    """What KeyStore uses of a keyring backend (keyring's own, or MemoryKeyringBackend)."""

    def get_password(self, service: str, username: str, /) -> str | None: ...

    def set_password(self, service: str, username: str, password: str, /) -> None: ...

    def delete_password(self, service: str, username: str, /) -> None: ...


class KeyStore:
    """Reads and stores provider keys. `env` overrides the keyring (for scripts and CI)."""

    def __init__(
        self,
        env: Mapping[str, str] | None = None,
        backend: PasswordBackend | None = None,
        timeout: float = 5.0,
        *,
        service: str = SERVICE,
    ) -> None:
        self._env = os.environ if env is None else env
        self._backend: PasswordBackend | None = backend  # None: keyring's own choice, resolved off-thread on first use
        self._timeout = timeout
        self._service = service
        self._session: dict[str, str] = {}  # keys kept in memory when no keyring can hold them
        self._seen: set[str] = set()  # every key handled, so the log filter can redact it
        self._available: bool | None = None
        self._unavailable_reason: str | None = None

    def __repr__(self) -> str:
        return (
            f"KeyStore(service={self._service!r}, keyring_available={self._available!r}, "
            f"session_providers={sorted(self._session)!r})"
        )

    @property
    def keyring_available(self) -> bool | None:
        return self._available

    def known_keys(self) -> list[str]:
        """Every key this store knows of (environment, keyring reads, session): for redaction."""
        from_env = [self._env.get(spec.env_var, "") for spec in PROVIDERS.values()]
        return [key for key in {*from_env, *self._seen, *self._session.values()} if key]

    async def get(self, provider_id: str) -> str | None:
        """The key to use, or None when none is stored.

        Raises KeyringUnavailable when the keyring fails or hangs and neither the
        environment nor this session holds a key.
        """
        spec = provider(provider_id)
        key = self._env_key(spec) or self._session.get(provider_id)
        if key:
            return key
        stored = await self._keyring_call(self._read, provider_id)
        if stored:
            self._seen.add(stored)
        return stored or None

    async def set(self, provider_id: str, key: str) -> KeyStatus:
        """Store a key in the keyring, or for this session only when there is none."""
        provider(provider_id)
        key = _clean_key(key)
        self._seen.add(key)
        try:
            await self._keyring_call(self._write, provider_id, key)
        except KeyringUnavailable:
            self._session[provider_id] = key
        else:
            self._session.pop(provider_id, None)
        return await self.status(provider_id)

    async def delete(self, provider_id: str) -> KeyStatus:
        provider(provider_id)
        self._session.pop(provider_id, None)
        try:
            await self._keyring_call(self._erase, provider_id)
        except KeyringUnavailable:
            pass  # nothing can be stored in a keyring that is not there
        return await self.status(provider_id)

    async def status(self, provider_id: str) -> KeyStatus:
        """Where the key comes from. Never raises for keyring trouble: the status says it."""
        spec = provider(provider_id)
        if self._env_key(spec):
            return self._status(spec, "env", f"Using {spec.env_var} from the environment; it overrides the keyring.")
        if provider_id in self._session:
            return self._status(spec, "session", SESSION_ONLY)
        try:
            stored = await self._keyring_call(self._read, provider_id)
        except KeyringUnavailable as err:
            return self._status(spec, None, f"No key stored. {SESSION_ONLY}", err.message)
        if stored:
            self._seen.add(stored)
            return self._status(spec, "keyring", "Stored in the OS keyring.")
        return self._status(spec, None, "No key stored.")

    # --- other secrets (the proxy password): same keyring, same care ------------------
    async def get_secret(self, name: str) -> str | None:
        """A secret stored under `name` (not a provider id), or None; KeyringUnavailable as get()."""
        if name in self._session:
            return self._session[name]
        value = await self._keyring_call(self._read, name)
        if value:
            self._seen.add(value)
        return value or None

    async def set_secret(self, name: str, value: str) -> bool:
        """Store it in the keyring; False when only this session can keep it (no keyring)."""
        self._seen.add(value)
        try:
            await self._keyring_call(self._write, name, value)
        except KeyringUnavailable:
            self._session[name] = value
            return False
        self._session.pop(name, None)
        return True

    def remember_secret(self, value: str) -> None:
        """A secret met elsewhere (an old settings file): redacted from the log from now on."""
        if value:
            self._seen.add(value)

    # --- the keyring, off the event loop --------------------------------------------

    def _status(self, spec: ProviderSpec, source: str | None, message: str, detail: str | None = None) -> KeyStatus:
        return KeyStatus(spec.id, source, self._available, message, detail or self._unavailable_reason)

    def _env_key(self, spec: ProviderSpec) -> str:
        key = self._env.get(spec.env_var, "").strip()
        if key:
            self._seen.add(key)
        return key

    def _resolved_backend(self) -> PasswordBackend:
        if self._backend is None:
            # Imported here, on the keyring call's thread: the window opens without it.
            import keyring

            self._backend = keyring.get_keyring()
        return self._backend

    def _read(self, provider_id: str) -> str | None:
        return self._resolved_backend().get_password(self._service, provider_id)

    def _write(self, provider_id: str, key: str) -> None:
        self._resolved_backend().set_password(self._service, provider_id, key)

    def _erase(self, provider_id: str) -> None:
        from keyring.errors import PasswordDeleteError

        try:
            self._resolved_backend().delete_password(self._service, provider_id)
        except PasswordDeleteError:
            pass  # nothing was stored: deleting is already done

    async def _keyring_call(self, function: Callable[..., Any], *args: Any) -> Any:
        if self._unavailable_reason is not None:
            # Once failed, stay away for the session: a hung keyring would cost a timeout
            # (and a stranded thread) on every call.
            raise KeyringUnavailable(self._unavailable_reason)
        try:
            result = await asyncio.wait_for(_on_daemon_thread(function, *args), self._timeout)
        except TimeoutError:
            self._fail(f"the OS keyring did not answer within {self._timeout:g} s; it may be locked")
        except Exception as err:  # noqa: BLE001 - any backend failure means "no usable keyring"
            self._fail(_describe(err, args))
        self._available = True
        return result

    def _fail(self, reason: str) -> NoReturn:
        self._available = False
        self._unavailable_reason = f"No usable OS keyring: {reason}."
        # `from None`: the backend's own exception stays out of tracebacks and logs.
        raise KeyringUnavailable(self._unavailable_reason) from None


def _on_daemon_thread(function: Callable[..., Any], *args: Any) -> asyncio.Future[Any]:
    loop = asyncio.get_running_loop()
    future: asyncio.Future[Any] = loop.create_future()

    def deliver(error: BaseException | None, result: Any) -> None:
        if future.done():  # timed out and cancelled meanwhile
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)

    def work() -> None:
        outcome: tuple[BaseException | None, Any]
        try:
            outcome = (None, function(*args))
        except BaseException as err:  # noqa: BLE001 - handed to the awaiting coroutine
            outcome = (err, None)
        try:
            loop.call_soon_threadsafe(deliver, *outcome)
        except RuntimeError:
            pass  # the loop closed while the keyring was stuck: nobody is waiting

    threading.Thread(target=work, name="keyring-call", daemon=True).start()
    return future


def _clean_key(key: str) -> str:
    key = (key or "").strip()  # pasted keys often carry a trailing newline
    if not key:
        raise InvalidRequest("The key is empty.")
    if any(ch.isspace() or not ch.isprintable() for ch in key):
        raise InvalidRequest("The key contains spaces, line breaks or control characters; paste it again.")
    return key


def _describe(err: BaseException, args: tuple[object, ...]) -> str:
    """The backend's complaint in words, with any secret argument blanked out."""
    text = f"{type(err).__name__}: {err}" if str(err) else type(err).__name__
    for value in args[1:]:  # args[0] is the provider id; the rest may be the key
        if isinstance(value, str) and value:
            text = text.replace(value, "***")
    return text


class MemoryKeyringBackend:
    """A keyring backend that lives in memory, for the demo and measurements: those keys never
    reach the OS keyring."""

    def __init__(self, keys: dict[str, str] | None = None) -> None:
        self._keys = dict(keys or {})

    def get_password(self, _service: str, username: str) -> str | None:
        return self._keys.get(username)

    def set_password(self, _service: str, username: str, password: str) -> None:
        self._keys[username] = password

    def delete_password(self, _service: str, username: str) -> None:
        self._keys.pop(username, None)
