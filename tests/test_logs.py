"""Logging: a rotating file under the data home that never receives a key."""

from __future__ import annotations

import logging
from urllib.parse import quote

import pytest

from hailuo_desktop.services.home import DataPaths
from hailuo_desktop.services.logs import LOG_FILE_NAME, MASK, redact, setup_logging

KEY = "sk-live/ZXCV+1234=abcd"  # '/', '+' and '=' make its URL-encoded form differ


@pytest.fixture
def paths(data_home):
    return DataPaths.at(data_home)


@pytest.fixture
def keys():
    return [KEY]


@pytest.fixture
def install(paths, keys):
    """setup_logging with clean-up: the root logger is process-wide."""
    root = logging.getLogger()
    old_level, handlers = root.level, []

    def install(level=logging.DEBUG, **options):
        handler = setup_logging(paths, level, lambda: list(keys), **options)
        handlers.append(handler)
        return handler

    yield install
    for handler in handlers:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(old_level)


def log_text(paths) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in sorted(paths.logs.iterdir()))


def test_a_key_in_the_message_or_its_arguments_is_masked(install, paths):
    install()
    log = logging.getLogger("hailuo_desktop.test")
    log.info("key is %s", KEY)
    log.info(f"inline {KEY} and encoded {quote(KEY, safe='')}")
    log.debug("headers %r", {"Authorization": f"Bearer {KEY}", "Accept": "application/json"})
    text = log_text(paths)
    assert KEY not in text and quote(KEY, safe="") not in text
    assert text.count(MASK) == 4
    assert "'Accept': 'application/json'" in text  # the rest of the line survives


def test_a_key_in_an_exception_traceback_is_masked(install, paths):
    install()

    def submit(key):
        raise RuntimeError(f"provider refused key {key}")

    try:
        submit(KEY)
    except RuntimeError:
        logging.getLogger("hailuo_desktop.runner").exception("submit failed")
    logging.getLogger("hailuo_desktop.runner").warning("where %s", KEY, stack_info=True)
    text = log_text(paths)
    assert "Traceback (most recent call last)" in text and "RuntimeError: provider refused key" in text
    assert "Stack (most recent call last)" in text
    assert KEY not in text


def test_bearer_tokens_and_authorization_values_are_masked_even_when_unknown(install, paths):
    install()
    log = logging.getLogger("httpx")  # another library's logger: the handler's filter still applies
    log.info("sent Authorization: Basic dXNlcjpwYXNz to the host")
    log.info("curl -H 'Authorization: Bearer unknown-token-123' https://example.com")
    log.info('{"authorization": "Token t0k3n"}')
    log.info("bearer lower-case-token")
    text = log_text(paths)
    for secret in ("dXNlcjpwYXNz", "unknown-token-123", "t0k3n", "lower-case-token"):
        assert secret not in text
    assert "Authorization: [REDACTED]' https://example.com" in text  # masked up to the closing quote


def test_keys_added_later_are_masked_too(install, paths, keys):
    install()
    keys.append("late-key-0987654321")
    logging.getLogger("hailuo_desktop").info("late-key-0987654321 arrived")
    assert "late-key-0987654321" not in log_text(paths)


def test_debug_lines_reach_the_file_at_debug_level(install, paths):
    install(logging.DEBUG)
    logging.getLogger("hailuo_desktop.x").debug("a debug line")
    assert "DEBUG hailuo_desktop.x: a debug line" in log_text(paths)


def test_rotated_files_hold_no_key_either(install, paths):
    install(max_bytes=2000, backups=3)
    for n in range(200):
        logging.getLogger("hailuo_desktop").info("line %d with %s", n, KEY)
    names = sorted(p.name for p in paths.logs.iterdir())
    assert names == [LOG_FILE_NAME, f"{LOG_FILE_NAME}.1", f"{LOG_FILE_NAME}.2", f"{LOG_FILE_NAME}.3"]
    assert KEY not in log_text(paths) and "line 199" in log_text(paths)


def test_a_failing_key_source_drops_the_line_rather_than_risk_it(paths):
    def broken():
        raise RuntimeError("keyring gone")

    handler = setup_logging(paths, logging.INFO, broken)
    try:
        logging.getLogger("hailuo_desktop").warning("maybe %s", KEY)
        handler.flush()
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    log_file = paths.logs / LOG_FILE_NAME
    assert not log_file.exists()  # the file is opened on the first line written: none was


def test_redact_ignores_empty_and_tiny_keys():
    assert redact("a b c", ["", "a"]) == "a b c"
    assert redact("x secret-value y", ["secret-value"]) == f"x {MASK} y"
