"""The HTTP client's TLS context, its certificate authorities loaded beside the start, not in it.

    client_tls_context(trust_env) -> ssl.SSLContext   (give it to httpx as `verify=`)

Loading certifi's bundle takes 40-100 ms here, most of it inside OpenSSL with the GIL
released, and every client paid it before its window could open. So the context is made at
once and its authorities are loaded on a thread of their own; the first handshake (or ALPN
set-up) waits for that load, which has normally finished long before. The authorities are
the ones httpx would load itself: SSL_CERT_FILE or SSL_CERT_DIR when the environment is
trusted, else certifi's bundle. A bundle that cannot be loaded fails each handshake with an
ssl.SSLError (httpx: ConnectError), so no request leaves without verification.
"""

from __future__ import annotations

import os
import socket
import ssl
import sys
import threading
from collections.abc import Iterable


class DeferredAuthoritiesContext(ssl.SSLContext):
    """A client context (CERT_REQUIRED, hostname checked) whose CA load runs on a thread."""

    _loaded: threading.Event
    _failure: Exception | None

    def load_in_background(self, cafile: str | None, capath: str | None) -> None:
        self._loaded = threading.Event()
        self._failure = None
        # Not a daemon: a process that ends during the load waits for it (OpenSSL's exit
        # clean-up under a load still running crashes the process).
        threading.Thread(target=self._load, args=(cafile, capath), name="tls-authorities").start()

    def _load(self, cafile: str | None, capath: str | None) -> None:
        try:
            self.load_verify_locations(cafile=cafile, capath=capath)
        except Exception as error:  # kept for the handshakes: a thread has nobody to tell
            self._failure = error
        finally:
            self._loaded.set()

    def wait_loaded(self) -> None:
        """Block until the authorities are in; an ssl.SSLError if they could not be loaded."""
        self._loaded.wait()
        if self._failure is not None:
            raise ssl.SSLError(f"the certificate authorities could not be loaded: {self._failure}")

    # What httpcore and anyio call on the context before each handshake.
    def set_alpn_protocols(self, alpn_protocols: Iterable[str]) -> None:
        self._loaded.wait()  # not while the loader thread still writes to the context
        super().set_alpn_protocols(alpn_protocols)

    def wrap_bio(
        self,
        incoming: ssl.MemoryBIO,
        outgoing: ssl.MemoryBIO,
        server_side: bool = False,
        server_hostname: str | bytes | None = None,
        session: ssl.SSLSession | None = None,
    ) -> ssl.SSLObject:
        self.wait_loaded()
        return super().wrap_bio(incoming, outgoing, server_side, server_hostname, session)

    def wrap_socket(
        self,
        sock: socket.socket,
        server_side: bool = False,
        do_handshake_on_connect: bool = True,
        suppress_ragged_eofs: bool = True,
        server_hostname: str | bytes | None = None,
        session: ssl.SSLSession | None = None,
    ) -> ssl.SSLSocket:
        self.wait_loaded()
        return super().wrap_socket(
            sock, server_side, do_handshake_on_connect, suppress_ragged_eofs, server_hostname, session
        )


def authority_locations(trust_env: bool) -> tuple[str | None, str | None]:
    """(cafile, capath) as httpx chooses them for `verify=True`."""
    if trust_env and os.environ.get("SSL_CERT_FILE"):
        return os.environ["SSL_CERT_FILE"], None
    if trust_env and os.environ.get("SSL_CERT_DIR"):
        return None, os.environ["SSL_CERT_DIR"]
    import certifi

    return certifi.where(), None


def client_tls_context(trust_env: bool) -> DeferredAuthoritiesContext:
    """What ssl.create_default_context(cafile=...) makes, with the load started, not awaited."""
    context = DeferredAuthoritiesContext(ssl.PROTOCOL_TLS_CLIENT)
    context.verify_mode = ssl.CERT_REQUIRED
    context.check_hostname = True
    keylog = os.environ.get("SSLKEYLOGFILE")
    if keylog and not sys.flags.ignore_environment:
        context.keylog_filename = keylog
    context.load_in_background(*authority_locations(trust_env))
    return context
