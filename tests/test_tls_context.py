"""The app's client over real TLS on loopback: the certificate authorities it loads on a thread
(services/tls.py) are the ones httpx would load, and a handshake never goes unverified."""

from __future__ import annotations

import asyncio
import datetime
import ipaddress
import os
import ssl
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from hailuo_desktop.services.http_client import build_http_client
from hailuo_desktop.services.settings import Settings
from hailuo_desktop.services.tls import DeferredAuthoritiesContext, authority_locations, client_tls_context

pytestmark = pytest.mark.anyio
LOOPBACK = ipaddress.ip_address("127.0.0.1")


def _name(text: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, text)])


def _certificate(subject, issuer, public_key, signer, *, ca: bool) -> x509.Certificate:
    now = datetime.datetime.now(datetime.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(hours=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
    )
    if ca:
        usage = x509.KeyUsage(False, False, False, False, False, True, True, False, False)
    else:
        usage = x509.KeyUsage(True, False, False, False, False, False, False, False, False)
        builder = builder.add_extension(x509.SubjectAlternativeName([x509.IPAddress(LOOPBACK)]), critical=False)
        builder = builder.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        builder = builder.add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(signer.public_key()), critical=False
        )
    return builder.add_extension(usage, critical=True).sign(signer, hashes.SHA256())


@pytest.fixture
def authority(tmp_path):
    """A throwaway CA (its PEM file) and a server certificate for 127.0.0.1 signed by it."""
    ca_key, server_key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca = _certificate(_name("Hailuo test CA"), _name("Hailuo test CA"), ca_key.public_key(), ca_key, ca=True)
    leaf = _certificate(_name("127.0.0.1"), ca.subject, server_key.public_key(), ca_key, ca=False)
    (tmp_path / "ca.pem").write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "server.pem").write_bytes(leaf.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "server.key").write_bytes(
        server_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return tmp_path


@pytest.fixture
async def https_server(authority):
    """An HTTPS origin on loopback that answers every request with 200 and counts them."""
    served: list[bytes] = []
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(authority / "server.pem", authority / "server.key")

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            served.append(await reader.readuntil(b"\r\n\r\n"))
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 6\r\nConnection: close\r\n\r\nsecure")
            await writer.drain()
        except (ssl.SSLError, ConnectionError, asyncio.IncompleteReadError):
            pass  # a client that refused our certificate
        finally:
            writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0, ssl=context)
    server.url = f"https://127.0.0.1:{server.sockets[0].getsockname()[1]}/balance"
    server.served = served
    yield server
    server.close()
    await server.wait_closed()


async def test_the_authorities_from_ssl_cert_file_verify_the_server(monkeypatch, authority, https_server):
    monkeypatch.setenv("SSL_CERT_FILE", str(authority / "ca.pem"))
    async with build_http_client(Settings(proxy_mode="system")) as client:
        response = await client.get(https_server.url)
    assert response.status_code == 200 and response.text == "secure"
    assert len(https_server.served) == 1


async def test_a_server_no_loaded_authority_vouches_for_is_refused(monkeypatch, authority, https_server):
    # "none" does not trust the environment (as httpx): certifi's bundle, which knows not our CA.
    monkeypatch.setenv("SSL_CERT_FILE", str(authority / "ca.pem"))
    async with build_http_client(Settings(proxy_mode="none")) as client:
        with pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY_FAILED"):
            await client.get(https_server.url)
    assert https_server.served == []


async def test_authorities_that_cannot_be_loaded_fail_the_handshake_not_the_start(monkeypatch, tmp_path, https_server):
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "missing.pem"))
    client = build_http_client(Settings(proxy_mode="system"))  # the window still opens
    async with client:
        with pytest.raises(httpx.ConnectError, match="certificate authorities could not be loaded"):
            await client.get(https_server.url)
    assert https_server.served == []


def test_the_locations_are_the_ones_httpx_would_choose(monkeypatch, tmp_path):
    import certifi

    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.setenv("SSL_CERT_DIR", str(tmp_path))
    assert authority_locations(True) == (None, str(tmp_path))
    assert authority_locations(False) == (certifi.where(), None)
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "ca.pem"))
    assert authority_locations(True) == (str(tmp_path / "ca.pem"), None)


def test_the_context_checks_what_a_default_client_context_checks():
    default = ssl.create_default_context()
    made = client_tls_context(trust_env=False)
    assert isinstance(made, DeferredAuthoritiesContext)
    made.wait_loaded()
    assert (made.verify_mode, made.check_hostname) == (default.verify_mode, default.check_hostname)
    assert made.minimum_version == default.minimum_version and made.options == default.options
    assert made.cert_store_stats()["x509_ca"] > 100  # certifi's bundle is in


def test_making_the_client_imports_no_http_stack_yet():
    # A fresh interpreter: what a window pays to hold a client before its first request; and it
    # ends at once, during the authorities' load, cleanly (a daemon loader crashed it here).
    code = (
        "import sys\n"
        "from hailuo_desktop.services.http_client import build_http_client\n"
        "from hailuo_desktop.services.settings import Settings\n"
        "client = build_http_client(Settings(proxy_mode='none'))\n"
        "print(sorted(m for m in ('httpcore', 'h11', 'anyio') if m in sys.modules))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}  # this tree's package
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True, env=env)
    assert done.stdout.strip() == "[]", done.stdout
