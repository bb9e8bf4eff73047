"""KeyStore: the OS keyring with env overrides, a session fallback, timeouts, no leaks.

Unit tests use small keyring backends defined here. Tests marked `keyring` talk to the real
Secret Service (gnome-keyring on a private D-Bus, as run.sh starts it) and skip with the
reason when none answers.
"""

from __future__ import annotations

import logging
import threading
import traceback
import uuid

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.compat import properties
from keyring.errors import InitError, KeyringError, NoKeyringError, PasswordDeleteError, PasswordSetError

from hailuo_desktop.domain.catalog import CatalogError
from hailuo_desktop.domain.errors import InvalidRequest, KeyringUnavailable
from hailuo_desktop.services.home import DataPaths
from hailuo_desktop.services.logs import setup_logging
from hailuo_desktop.services.secrets import SERVICE, SESSION_ONLY, KeyStore
from hailuo_desktop.services.settings import Settings, SettingsStore

pytestmark = pytest.mark.anyio
KEY = "sk-test-4f2a9c1e7b3d5f60"


class TestBackend(KeyringBackend):
    """Never chosen by keyring's own detection: only the tests hand it to a KeyStore."""

    __test__ = False  # not a pytest test class

    @properties.classproperty
    def priority(cls):
        raise RuntimeError("test backend")


class MemoryKeyringBackend(TestBackend):
    def __init__(self):
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}
        self.threads: list[str] = []

    def get_password(self, service, username):
        self.threads.append(threading.current_thread().name)
        return self.entries.get((service, username))

    def set_password(self, service, username, password):
        self.threads.append(threading.current_thread().name)
        self.entries[(service, username)] = password

    def delete_password(self, service, username):
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")


class FailingKeyring(TestBackend):
    def __init__(self, error: Exception):
        super().__init__()
        self.error = error
        self.calls = 0

    def get_password(self, service, username):
        self.calls += 1
        raise self.error

    def set_password(self, service, username, password):
        self.calls += 1
        # A careless backend that repeats the secret in its error: it must not get through.
        raise PasswordSetError(f"could not store {password!r} for {username}")

    def delete_password(self, service, username):
        self.calls += 1
        raise self.error


class HangingKeyring(TestBackend):
    """Blocks like a locked keyring waiting on a prompt nobody answers."""

    def __init__(self):
        super().__init__()
        self.release = threading.Event()

    def get_password(self, service, username):
        self.release.wait()

    def set_password(self, service, username, password):
        self.release.wait()

    def delete_password(self, service, username):
        self.release.wait()


@pytest.fixture
def memory():
    return MemoryKeyringBackend()


@pytest.fixture
def hanging():
    backend = HangingKeyring()
    yield backend
    backend.release.set()  # let the stranded daemon threads finish


def everything_said(store: KeyStore, *results) -> str:
    return repr(store) + "".join(repr(r) for r in results) + "".join(str(r) for r in results)


# --- with a working keyring --------------------------------------------------------------


async def test_a_key_is_stored_under_the_app_service_and_provider_id(memory):
    store = KeyStore(env={}, backend=memory)
    status = await store.set("kie", KEY)
    assert memory.entries == {(SERVICE, "kie"): KEY} and SERVICE == "hailuo-desktop"
    assert (status.source, status.keyring_available, status.has_key) == ("keyring", True, True)
    assert await store.get("kie") == KEY
    assert await KeyStore(env={}, backend=memory).get("kie") == KEY  # not just this object's memory


async def test_keyring_calls_run_off_the_event_loop_thread(memory):
    store = KeyStore(env={}, backend=memory)
    await store.set("apixo", KEY)
    await store.get("apixo")
    assert memory.threads and all(name == "keyring-call" for name in memory.threads)
    assert threading.current_thread().name not in memory.threads


async def test_the_environment_overrides_the_keyring(memory):
    memory.entries[(SERVICE, "kie")] = "stored-key-000"
    store = KeyStore(env={"KIE_API_KEY": " env-key-111 \n"}, backend=memory)
    assert await store.get("kie") == "env-key-111"
    status = await store.status("kie")
    assert status.source == "env" and "KIE_API_KEY" in status.message
    assert await store.get("apikley") is None  # another provider's variable is not this one's


async def test_status_and_delete(memory):
    store = KeyStore(env={}, backend=memory)
    empty = await store.status("minimax")
    assert (empty.source, empty.has_key, empty.message) == (None, False, "No key stored.")
    await store.set("minimax", KEY)
    deleted = await store.delete("minimax")
    assert deleted.source is None and memory.entries == {}
    again = await store.delete("minimax")  # nothing stored: still fine
    assert again.source is None and store.keyring_available is True


async def test_bad_input_is_refused_without_echoing_it(memory):
    store = KeyStore(env={}, backend=memory)
    assert (await store.set("kie", f"  {KEY}\n")).source == "keyring"  # a pasted newline is trimmed
    assert memory.entries[(SERVICE, "kie")] == KEY
    for bad in ("", "   ", "two words-secret", "tab\tsecret-xyz"):
        with pytest.raises(InvalidRequest) as caught:
            await store.set("kie", bad)
        assert "secret" not in str(caught.value)
    with pytest.raises(CatalogError):
        await store.get("not-a-provider")


async def test_known_keys_lists_every_key_handled(memory):
    memory.entries[(SERVICE, "apixo")] = "from-keyring-222"
    store = KeyStore(env={"MINIMAX_API_KEY": "from-env-333"}, backend=memory)
    await store.get("apixo")
    await store.set("kie", KEY)
    assert set(store.known_keys()) == {"from-keyring-222", "from-env-333", KEY}


# --- without a usable keyring -------------------------------------------------------------


@pytest.mark.parametrize(
    "error",
    [NoKeyringError("no backend"), InitError("Prompt dismissed"), KeyringError("generic"), OSError("dbus socket gone")],
    ids=["NoKeyringError", "InitError", "KeyringError", "other"],
)
async def test_a_failing_keyring_keeps_the_key_for_the_session(error):
    backend = FailingKeyring(error)
    store = KeyStore(env={}, backend=backend)
    status = await store.set("kie", KEY)
    assert (status.source, status.keyring_available, status.message) == ("session", False, SESSION_ONLY)
    assert status.detail.startswith("No usable OS keyring")
    assert await store.get("kie") == KEY
    assert KEY not in everything_said(store, status)
    calls = backend.calls
    await store.status("apixo")
    assert backend.calls == calls  # once failed, the keyring is left alone for the session


async def test_without_a_key_anywhere_get_says_the_keyring_is_unavailable():
    store = KeyStore(env={}, backend=FailingKeyring(NoKeyringError("no backend")))
    with pytest.raises(KeyringUnavailable, match="No usable OS keyring"):
        await store.get("apiinone")
    status = await store.status("apiinone")
    assert status.source is None and status.message == f"No key stored. {SESSION_ONLY}"
    assert "NoKeyringError: no backend" in status.detail
    assert store.keyring_available is False


async def test_the_env_still_works_without_a_keyring():
    store = KeyStore(env={"APIXO_API_KEY": "env-key-444"}, backend=FailingKeyring(NoKeyringError("none")))
    assert await store.get("apixo") == "env-key-444"


async def test_a_backend_error_that_repeats_the_key_is_scrubbed():
    store = KeyStore(env={}, backend=FailingKeyring(KeyringError("x")))
    status = await store.set("kie", KEY)  # this backend's set_password error quotes the key
    assert status.source == "session"
    with pytest.raises(KeyringUnavailable) as caught:
        await store.get("apixo")  # the remembered failure is reported again, scrubbed
    text = "".join(traceback.format_exception(caught.value))
    assert "PasswordSetError" in text and "'***'" in text
    assert KEY not in text and KEY not in everything_said(store, status)


@pytest.mark.timeout(10)
async def test_a_hanging_keyring_becomes_unavailable_instead_of_freezing(hanging):
    store = KeyStore(env={}, backend=hanging, timeout=0.05)
    with pytest.raises(KeyringUnavailable, match="did not answer within 0.05 s") as caught:
        await store.get("kie")
    assert KEY not in "".join(traceback.format_exception(caught.value))
    status = await store.set("kie", KEY)  # no second wait: the store remembers the failure
    assert status.source == "session" and status.keyring_available is False
    assert await store.get("kie") == KEY


# --- nothing reaches a file ---------------------------------------------------------------


def files_containing(root, secret: str) -> list[str]:
    needle = secret.encode()
    return [str(p) for p in root.rglob("*") if p.is_file() and needle in p.read_bytes()]


@pytest.fixture
def logged_home(data_home):
    """A data home with debug logging and saved settings, as the app runs."""
    paths = DataPaths.at(data_home)
    stores: list[KeyStore] = []
    handler = setup_logging(paths, logging.DEBUG, lambda: [k for s in stores for k in s.known_keys()])
    root_level = logging.getLogger().level
    yield paths, stores, handler
    logging.getLogger().removeHandler(handler)
    handler.close()
    logging.getLogger().setLevel(root_level)


async def exercise(paths, store: KeyStore) -> None:
    """Set, read and report a key while logging what a careless caller might log."""
    log = logging.getLogger("hailuo_desktop.test")
    await store.set("kie", KEY)
    key = await store.get("kie")
    log.debug("got key %s for kie with headers %r", key, {"Authorization": f"Bearer {key}"})
    log.info("status %r", await store.status("kie"))
    try:
        raise RuntimeError(f"request failed with {key}")
    except RuntimeError:
        log.exception("failure")
    SettingsStore(paths.settings).save(Settings(last_provider="kie"))


@pytest.mark.parametrize("kind", ["keyring", "session"])
async def test_the_key_reaches_no_file_under_the_data_home(logged_home, memory, kind):
    paths, stores, handler = logged_home
    backend = memory if kind == "keyring" else FailingKeyring(NoKeyringError("none"))
    store = KeyStore(env={}, backend=backend)
    stores.append(store)
    await exercise(paths, store)
    handler.flush()
    written = [p for p in paths.root.rglob("*") if p.is_file()]
    assert {p.name for p in written} >= {"settings.json", "hailuo-desktop.log"}  # the scan saw real files
    assert files_containing(paths.root, KEY) == []


# --- the real Secret Service ----------------------------------------------------------------


@pytest.fixture
async def secret_service():
    """A KeyStore on the real Secret Service under a throwaway service name, or a skip."""
    try:
        from keyring.backends import SecretService

        SecretService.Keyring.priority  # noqa: B018 - raises when no Secret Service answers on D-Bus
    except Exception as err:  # noqa: BLE001
        pytest.skip(f"no Secret Service reachable ({err}); run the suite via `bash run.sh test`")
    backend = SecretService.Keyring()
    service = f"hailuo-desktop-test-{uuid.uuid4().hex[:8]}"  # never touches a real user's entries
    probe = await KeyStore(env={}, backend=backend, timeout=10, service=service).status("kie")
    if not probe.keyring_available:
        pytest.skip(f"the Secret Service did not work: {probe.message}")
    yield backend, service
    for provider_id in ("kie", "apixo"):
        await KeyStore(env={}, backend=backend, timeout=10, service=service).delete(provider_id)


@pytest.mark.keyring
async def test_real_secret_service_round_trip(secret_service):
    backend, service = secret_service
    store = KeyStore(env={}, backend=backend, timeout=10, service=service)
    assert (await store.set("kie", KEY)).source == "keyring"
    reader = KeyStore(env={}, backend=keyring.backends.SecretService.Keyring(), timeout=10, service=service)
    assert await reader.get("kie") == KEY  # read back through a new connection
    assert (await reader.status("kie")).source == "keyring"
    assert (await reader.delete("kie")).source is None
    assert await KeyStore(env={}, backend=backend, timeout=10, service=service).get("kie") is None


@pytest.mark.keyring
async def test_real_secret_service_is_what_keyring_picks_by_default(secret_service):
    _, service = secret_service
    store = KeyStore(env={}, backend=None, timeout=10, service=service)  # keyring.get_keyring()
    assert (await store.set("apixo", KEY)).source == "keyring"
    assert await store.get("apixo") == KEY
    chosen = keyring.get_keyring()
    assert "SecretService" in type(chosen).__module__ or any(
        "SecretService" in type(b).__module__ for b in getattr(chosen, "backends", [])
    )


@pytest.mark.keyring
async def test_real_secret_service_leaves_no_key_in_the_data_home(secret_service, logged_home):
    backend, service = secret_service
    paths, stores, handler = logged_home
    store = KeyStore(env={}, backend=backend, timeout=10, service=service)
    stores.append(store)
    await exercise(paths, store)
    assert store.keyring_available is True
    handler.flush()
    assert files_containing(paths.root, KEY) == []
