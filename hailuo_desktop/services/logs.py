"""Logging to a rotating file under the data home, with every secret redacted.

The redaction is a `logging.Filter` on the handler (a logger's filter would not see
records propagated from other loggers such as httpx's). It rewrites the record itself:
message, arguments, the formatted traceback and the stack, so the key is gone before any
formatter or later handler sees the record.
"""

from __future__ import annotations

import logging
import re
import traceback
from collections.abc import Callable, Iterable
from logging.handlers import RotatingFileHandler
from urllib.parse import quote

from .home import DataPaths

LOG_FILE_NAME = "hailuo-desktop.log"
MASK = "[REDACTED]"
# Shorter "keys" are not real keys; redacting them would shred every log line.
MIN_KEY_LENGTH = 4
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

_BEARER = re.compile(r"(\bBearer\s+)[^\s'\",;}\]]+", re.IGNORECASE)
# `Authorization: x`, `"Authorization": "x"`, `authorization=x`: the whole value to the line end
# or closing quote, so a scheme other than Bearer ("Basic", "Token") is covered too.
_AUTH_HEADER = re.compile(r"(\bauthorization['\"]?\s*[:=]\s*['\"]?)[^'\"\r\n]+", re.IGNORECASE)


def redact(text: str, keys: Iterable[str]) -> str:
    """`text` with every key (and its URL-encoded form) and any bearer/authorization value masked."""
    for key in sorted({k for k in keys if k and len(k) >= MIN_KEY_LENGTH}, key=len, reverse=True):
        text = text.replace(key, MASK)
        encoded = quote(key, safe="")
        if encoded != key:
            text = text.replace(encoded, MASK)
    text = _AUTH_HEADER.sub(lambda m: m.group(1) + MASK, text)
    return _BEARER.sub(lambda m: m.group(1) + MASK, text)


class RedactingFilter(logging.Filter):
    """Masks secrets in a record. `secrets` is asked on every record: keys change at run time."""

    def __init__(self, secrets: Callable[[], Iterable[str]]) -> None:
        super().__init__()
        self._secrets = secrets

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            keys = list(self._secrets())
        except Exception:  # noqa: BLE001 - without the key list a line could leak: drop it
            return False
        record.msg, record.args = redact(_message(record), keys), ()
        if record.exc_info and not record.exc_text:
            record.exc_text = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
        if record.exc_text:
            record.exc_text = redact(record.exc_text, keys)
        if record.stack_info:
            record.stack_info = redact(record.stack_info, keys)
        return True


def setup_logging(
    paths: DataPaths,
    level: int | str = logging.INFO,
    secrets: Callable[[], Iterable[str]] = list,
    *,
    max_bytes: int = 2 * 1024 * 1024,
    backups: int = 5,
) -> logging.Handler:
    """Attach a redacting rotating file handler to the root logger and return it.

    The caller (the composition root) owns the handler: remove it with
    `logging.getLogger().removeHandler(handler)` and close it on exit.
    """
    handler = RotatingFileHandler(
        paths.logs / LOG_FILE_NAME, maxBytes=max_bytes, backupCount=backups, encoding="utf-8", delay=True
    )
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler.addFilter(RedactingFilter(secrets))
    handler.setLevel(level)
    root = logging.getLogger()
    root.addHandler(handler)
    if root.getEffectiveLevel() > handler.level:
        root.setLevel(handler.level)  # else records below the root's level never reach the file
    return handler


def _message(record: logging.LogRecord) -> str:
    try:
        return record.getMessage()
    except Exception:  # noqa: BLE001 - a bad format string must not lose the line
        return f"{record.msg!s} {record.args!r}"
