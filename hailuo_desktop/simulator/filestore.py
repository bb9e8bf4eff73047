"""What the files origin serves: result videos, uploaded files, temporary links.

Every file lives at `/f/{token}/{name}`. A result's bytes are made on first request (by
`SimConfig.result_factory`, or the sample clip) and padded to `SimConfig.result_bytes`;
an upload keeps the bytes it was given. Each entry has its own expiry on the sim clock.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote

from .media import VirtualFile, padded
from .tasks import SimTask

log = logging.getLogger(__name__)


@dataclass
class FileEntry:
    token: str
    name: str
    provider: str
    content_type: str
    expires_at: float
    task: SimTask | None = None  # a result: bytes come from the task
    data: bytes | None = None  # an upload


class ResultMaker:
    """Makes each task's result bytes once, off the event loop (a factory may be slow)."""

    def __init__(
        self, sample: Callable[[], bytes], factory: Callable[[dict], bytes] | None, pad_to: int | None
    ) -> None:
        self._sample = sample
        self._factory = factory
        self._pad_to = pad_to
        self._made: dict[str, VirtualFile] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def file_for(self, task: SimTask) -> VirtualFile:
        lock = self._locks.setdefault(task.remote_id, asyncio.Lock())
        async with lock:
            if task.remote_id not in self._made:
                content = await asyncio.to_thread(self._content, task)
                self._made[task.remote_id] = padded(content, self._pad_to)
        return self._made[task.remote_id]

    def _content(self, task: SimTask) -> bytes:
        if self._factory is None:
            return self._sample()
        try:
            return self._factory(result_info(task))
        except Exception:  # the demo's own encoder failed: a sample video beats no video
            log.warning("the result factory failed for task %s; serving the sample clip", task.remote_id, exc_info=True)
            return self._sample()


def result_info(task: SimTask) -> dict:
    """What a result factory is told about the task whose video it makes."""
    draft = task.draft
    return {
        "provider": task.provider,
        "task_id": task.remote_id,
        "model": draft.spec.model,
        "prompt": draft.prompt,
        "image_url": draft.image_url,
        "duration": draft.duration,
        "resolution": draft.resolution,
    }


class FileTable:
    def __init__(self) -> None:
        self._entries: dict[str, FileEntry] = {}
        self._uploads: dict[tuple[str, str], str] = {}  # (provider, filePath) -> token
        self._lock = threading.Lock()

    def add(self, entry: FileEntry) -> FileEntry:
        with self._lock:
            self._entries[entry.token] = entry
        return entry

    def get(self, token: str) -> FileEntry | None:
        return self._entries.get(token)

    def upload_token(self, provider: str, file_path: str) -> str | None:
        """The token already used for this path: kie overwrites a file uploaded under the same name."""
        return self._uploads.get((provider, file_path))

    def remember_upload(self, provider: str, file_path: str, token: str) -> None:
        with self._lock:
            self._uploads[(provider, file_path)] = token


def file_url(files_url: str, entry: FileEntry) -> str:
    return f"{files_url}/f/{entry.token}/{quote(entry.name)}"


def token_of(url: str, files_url: str) -> str | None:
    """The token of one of our file URLs; None for anything else."""
    prefix = f"{files_url}/f/"
    if not url.startswith(prefix):
        return None
    token, _, _ = url[len(prefix) :].partition("/")
    return token or None
