"""A proxy password is a secret: the OS keyring (the real Secret Service here) keeps it, the
settings file and the log never see it, and the HTTP client still sends it to the proxy."""

from __future__ import annotations

import asyncio
import base64
import json
import uuid

import pytest
from keyring.backends import SecretService

from hailuo_desktop.services.proxy_secret import (
    secret_name,
    split_password,
    with_password,
)
from tests.fixtures.ui import ENV_VARS, TEST_KEYS, close_session

PASSWORD = "s3cret P4ss/w:rd"  # spaces and reserved characters: percent-encoded in the URL
WAIT_MS = 15000


def test_the_password_comes_out_of_the_url_and_goes_back_in():
    bare, password = split_password("http://anna:s3cret%20P4ss%2Fw%3Ard@proxy.lan:3128")
    assert (bare, password) == ("http://anna@proxy.lan:3128", PASSWORD)
    assert split_password(with_password(bare, password)) == (bare, PASSWORD)
    assert split_password("socks5://proxy.lan:1080") == ("socks5://proxy.lan:1080", None)
    assert split_password(None) == (None, None)


class RecordingProxy:
    """An HTTP proxy on loopback that answers every request itself and keeps the headers."""

    def __init__(self) -> None:
        self.heads: list[str] = []
        self.server = None

    async def start(self) -> int:
        self.server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        return self.server.sockets[0].getsockname()[1]

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.heads.append((await reader.readuntil(b"\r\n\r\n")).decode("latin-1"))
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
        await writer.drain()
        writer.close()

    def credentials(self) -> list[str]:
        found = []
        for head in self.heads:
            for line in head.split("\r\n"):
                if line.lower().startswith("proxy-authorization: basic "):
                    found.append(base64.b64decode(line.split()[-1]).decode())
        return found


def run(qtbot, coroutine):
    future = asyncio.ensure_future(coroutine)
    qtbot.waitUntil(future.done, timeout=WAIT_MS)
    return future.result()


@pytest.fixture
def keyring_service():
    """A service name of its own in the real Secret Service, removed afterwards."""
    service = f"hailuo-desktop-test-{uuid.uuid4().hex[:8]}"
    yield service
    for item in SecretService.Keyring().get_preferred_collection().get_all_items():
        if item.get_attributes().get("service") == service:
            item.delete()


def key_store(service):
    from hailuo_desktop.services.secrets import KeyStore

    return KeyStore(
        env={ENV_VARS[p]: key for p, key in TEST_KEYS.items()},
        backend=SecretService.Keyring(),
        timeout=10,
        service=service,
    )


def new_session(qtbot, home, service):
    from hailuo_desktop.app import AppSession, SessionOptions, with_proxy_secret
    from hailuo_desktop.services.home import DataPaths

    options = SessionOptions(paths=DataPaths.at(home), key_store=key_store(service), use_tray=False)
    return AppSession(run(qtbot, with_proxy_secret(options)))


@pytest.mark.keyring
def test_a_typed_proxy_password_goes_to_the_keyring_and_the_next_start_uses_it(
    qtbot, qasync_running_loop, tmp_path, keyring_service
):
    proxy = RecordingProxy()
    port = run(qtbot, proxy.start())
    home = tmp_path / "home"
    session = new_session(qtbot, home, keyring_service)
    try:
        dialog = session.controller.settings_flow.open()
        dialog.proxy_buttons["manual"].setChecked(True)
        dialog.proxy_url.setText(with_password(f"http://anna@127.0.0.1:{port}", PASSWORD))
        dialog.accept()
        settings_file = session.options.paths.settings
        qtbot.waitUntil(lambda: settings_file.exists() and "127.0.0.1" in settings_file.read_text(), timeout=WAIT_MS)
    finally:
        close_session(qtbot, session)

    saved = json.loads(settings_file.read_text())
    assert saved["proxy_url"] == f"http://anna@127.0.0.1:{port}"
    assert SecretService.Keyring().get_password(keyring_service, secret_name(saved["proxy_url"])) == PASSWORD
    again = new_session(qtbot, home, keyring_service)
    try:
        # The session's client lives with the engine, on its own thread: asked there.
        answer = run(qtbot, again.link.call(lambda e: e.client.get("http://videos.example.invalid/clip.mp4")))
    finally:
        close_session(qtbot, again)
    assert answer.text == "ok" and proxy.credentials() == [f"anna:{PASSWORD}"]
    for path in home.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert PASSWORD.encode() not in data and b"s3cret%20P4ss" not in data, f"the password is in {path}"


@pytest.mark.keyring
def test_an_old_settings_file_with_the_password_is_cleaned_at_start(
    qtbot, qasync_running_loop, tmp_path, keyring_service
):
    from hailuo_desktop.app import SessionOptions, with_proxy_secret
    from hailuo_desktop.services.home import DataPaths

    paths = DataPaths.at(tmp_path / "home")
    full = with_password("http://anna@proxy.lan:3128", PASSWORD)
    paths.settings.write_text(json.dumps({"proxy_mode": "manual", "proxy_url": full}))
    options = run(qtbot, with_proxy_secret(SessionOptions(paths=paths, key_store=key_store(keyring_service))))
    assert options.client_proxy_url == full  # this start still uses it
    assert json.loads(paths.settings.read_text())["proxy_url"] == "http://anna@proxy.lan:3128"
    assert SecretService.Keyring().get_password(keyring_service, secret_name("http://anna@proxy.lan:3128")) == PASSWORD
