"""The shared HTTP helper: Retry-After, key hygiene, bounded bodies, unsendable text."""

from __future__ import annotations

import pytest

from hailuo_desktop.domain.errors import AuthError, InvalidRequest, MissingKey, ProviderUnavailable
from hailuo_desktop.providers import http
from hailuo_desktop.providers.http import ApiKey, checked_key, clean_message, parse_retry_after
from tests.providers_mock import KEY, adapter, model_of, payload, reply

NOW = 1_700_000_000.0  # Tue, 14 Nov 2023 22:13:20 GMT


@pytest.mark.parametrize(
    "value,expected",
    [
        (None, None),
        ("", None),
        ("  12 ", 12.0),
        ("0", 0.0),
        ("1.5", 1.5),
        ("Tue, 14 Nov 2023 22:14:20 GMT", 60.0),
        ("Tuesday, 14-Nov-23 22:14:20 GMT", 60.0),  # RFC 850, still legal to receive
        ("Tue Nov 14 22:14:20 2023", 60.0),  # asctime
        ("Tue, 14 Nov 2023 22:00:00 GMT", 0.0),  # in the past: retry now, never negative
        ("999999999999", http.MAX_RETRY_AFTER),
        ("-5", None),
        ("soon", None),
        ("1e3", None),
        ("nan", None),
        ("Fri, 31 Dec 9999 23:59:59 GMT", http.MAX_RETRY_AFTER),
        ("Mon, 99 Foo 2023 99:99:99 GMT", None),
    ],
)
def test_parse_retry_after(value, expected):
    assert parse_retry_after(value, NOW) == expected


def test_api_key_never_shows_itself():
    key = ApiKey(KEY)
    assert KEY not in repr(key) and KEY not in str(key) and KEY not in f"{key}" and key.reveal() == KEY


@pytest.mark.parametrize(
    "raw,error",
    [
        (None, MissingKey),
        ("", MissingKey),
        ("   ", MissingKey),
        ("sk-abc def", AuthError),
        ("sk-\nX", AuthError),
        ("sk-ключ", AuthError),
    ],
)
def test_unusable_keys_are_typed_errors_without_the_key(raw, error):
    with pytest.raises(error) as caught:
        checked_key(raw, "kie.ai")
    if raw and raw.strip():
        assert raw.strip() not in caught.value.message


def test_clean_message_masks_the_key_and_bounds_the_length():
    key = ApiKey(KEY)
    assert clean_message(f"key {KEY} is invalid", key) == "key *** is invalid"
    assert clean_message("  spaced \n\t out ", key) == "spaced out"
    assert len(clean_message("x" * 10_000, key)) == http.MAX_MESSAGE_CHARS + 1
    assert clean_message("", key) is None and clean_message(42, key) is None


@pytest.mark.anyio
async def test_an_endless_body_is_cut_off(monkeypatch):
    monkeypatch.setattr(http, "MAX_BODY_BYTES", 1000)
    async with adapter("kie", reply(200, raw=b"{" + b" " * 5000 + b"}")) as (provider, _):
        with pytest.raises(ProviderUnavailable) as caught:
            await provider.poll(model_of("kie"), "task_1")
    assert "larger than" in caught.value.message


@pytest.mark.anyio
async def test_deeply_nested_json_is_not_a_crash():
    async with adapter("apixo", reply(200, raw=b"[" * 100_000 + b"]" * 100_000)) as (provider, _):
        with pytest.raises(ProviderUnavailable):
            await provider.poll(model_of("apixo"), "task_1")


@pytest.mark.anyio
async def test_unencodable_prompt_is_refused_before_sending():
    async with adapter("kie", reply(200, {})) as (provider, script):
        with pytest.raises(InvalidRequest) as caught:
            await provider.submit(payload(model_of("kie"), prompt="a cat \udcff walks"))
    assert "cannot be sent" in caught.value.message and script.seen == []
