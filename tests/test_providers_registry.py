"""The registry: which adapter, which origin the key may travel to, where uploads go."""

from __future__ import annotations

import httpx
import pytest

from hailuo_desktop.domain.catalog import PROVIDERS
from hailuo_desktop.domain.errors import InvalidRequest, MissingKey
from hailuo_desktop.providers.apiinone import ApiInOneProvider
from hailuo_desktop.providers.apixo import ApixoProvider
from hailuo_desktop.providers.base import Provider, Uploader
from hailuo_desktop.providers.market import MarketProvider
from hailuo_desktop.providers.minimax import MiniMaxProvider
from hailuo_desktop.providers.registry import (
    build_provider,
    build_uploader,
    checked_base_url,
    upload_base_for,
)
from tests.providers_mock import KEY


@pytest.fixture
def client():
    # Never used to send here: the registry only builds objects.
    return httpx.AsyncClient()


@pytest.mark.parametrize(
    "provider_id,cls,origin",
    [
        ("apixo", ApixoProvider, "https://api.apixo.ai"),
        ("kie", MarketProvider, "https://api.kie.ai"),
        ("apikley", MarketProvider, "https://api.apikley.ru"),
        ("apiinone", ApiInOneProvider, "https://apiin.one"),
        ("minimax", MiniMaxProvider, "https://api.minimax.io"),
    ],
)
def test_build_provider(client, provider_id, cls, origin):
    provider = build_provider(provider_id, client=client, key=KEY)
    assert isinstance(provider, cls) and isinstance(provider, Provider)
    assert provider.spec is PROVIDERS[provider_id]
    assert provider.http.base_url == origin
    assert KEY not in repr(provider) and KEY not in str(vars(provider))


def test_base_url_replaces_the_origin(client):
    provider = build_provider("minimax", client=client, key=KEY, base_url="http://127.0.0.1:9999/")
    assert provider.http.base_url == "http://127.0.0.1:9999"


@pytest.mark.parametrize(
    "url",
    [
        "https://proxy.example.com",
        "https://proxy.example.com:8443/prefix/",
        "http://127.0.0.1:8080",
        "http://127.9.9.9",
        "http://localhost:1",
        "http://LOCALHOST",
        "http://[::1]:7000",
        "HTTPS://Upper.Example",
    ],
)
def test_allowed_base_urls(url):
    assert checked_base_url(url) == url.strip().rstrip("/")


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com",
        "http://192.168.1.10:8000",
        "http://10.0.0.1",
        "http://localhost.evil.com",
        "http://127.0.0.1.nip.io",
        "http://[::ffff:8.8.8.8]",
        "ftp://127.0.0.1",
        "file:///etc/passwd",
        "127.0.0.1:80",
        "https://",
        "https://user:pw@proxy.example.com",
        "https://proxy.example.com/?a=1",
        "https://proxy.example.com/#frag",
        "https://host:99999",
        "",
        "not a url",
    ],
)
def test_refused_base_urls(client, url):
    with pytest.raises(InvalidRequest) as caught:
        build_provider("kie", client=client, key=KEY, base_url=url or " ")
    assert "pw" not in caught.value.message


@pytest.mark.parametrize(
    "provider_id,base_url,expected",
    [
        ("kie", None, "https://kieai.redpandaai.co"),
        ("apikley", None, "https://api.apikley.ru/file-upload"),
        ("kie", "http://127.0.0.1:4000", "http://127.0.0.1:4000"),
        ("apikley", "http://127.0.0.1:4000/", "http://127.0.0.1:4000/file-upload"),
        ("apixo", None, None),
        ("apiinone", None, None),
        ("minimax", None, None),
        ("apixo", "http://127.0.0.1:4000", None),
    ],
)
def test_upload_base_per_provider(provider_id, base_url, expected):
    assert upload_base_for(provider_id, base_url) == expected


@pytest.mark.parametrize(
    "provider_id,present", [("kie", True), ("apikley", True), ("apixo", False), ("apiinone", False), ("minimax", False)]
)
def test_build_uploader(client, provider_id, present):
    upload = build_uploader(provider_id, client=client, key=KEY)
    assert (upload is not None) is present
    if present:
        assert isinstance(upload, Uploader) and KEY not in repr(upload)


def test_upload_base_follows_the_policy_too():
    with pytest.raises(InvalidRequest):
        upload_base_for("kie", "http://uploads.example.com")


@pytest.mark.parametrize("bad_id", ["openai", "", None, "KIE"])
def test_unknown_provider_is_a_typed_error(client, bad_id):
    with pytest.raises(InvalidRequest):
        build_provider(bad_id, client=client, key=KEY)
    with pytest.raises(InvalidRequest):
        upload_base_for(bad_id)


def test_missing_key_is_a_typed_error(client):
    with pytest.raises(MissingKey):
        build_provider("apixo", client=client, key=None)
    with pytest.raises(MissingKey):
        build_uploader("kie", client=client, key="")
