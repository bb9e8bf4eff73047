"""Bringing a finished video home: from DOWNLOADING to a file in the output folder.

The destination is chosen once and committed (`video_path`) before the first byte, so a
restart continues the same `.part` file with Range (unless the user has chosen another
output folder since: then the download starts over there). Outcomes:
- the file is on disk, size and sha256 recorded -> SUCCEEDED (also when a crash came
  between the rename and that commit: the file is hashed, not fetched again);
- the link expired (403/404/410) -> the provider is asked once for a fresh link (MiniMax
  hands out a new one per query); if there is none -> FAILED `result_expired`, `.part` removed;
- a full disk, an unwritable folder, a download that kept failing -> UNKNOWN with the
  remote id and result URL kept: resumable (re-polled, then downloaded) on the next start
  or when the user resumes it; the `.part` stays for that.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from ..domain.activity import Activity
from ..domain.errors import DownloadError, HailuoError, ResultExpired
from ..domain.states import RemoteState
from ..domain.task import Task
from ..providers.normalize import checked_remote_id
from . import outcomes
from .download_files import discard_partial, hash_file, partials
from .job import Job, Parts
from .naming import planned_video_path

log = logging.getLogger(__name__)


class DownloadStep:
    def __init__(self, parts: Parts) -> None:
        self._parts = parts

    async def deliver(self, job: Job) -> Task:
        task = job.task()
        try:
            dest = self._destination(job, task)
            size, sha256 = await self._fetch(job, task, dest)
        except asyncio.CancelledError:
            raise
        except ResultExpired as error:
            video_path = job.task().video_path  # committed by _destination before any fetch
            if video_path:
                discard_partial(Path(video_path))
            return job.settle(outcomes.result_expired(error, job.provider_name, job.now()))
        except Exception as error:
            if not isinstance(error, HailuoError):
                log.exception("download of task %s ended unexpectedly", job.task_id)
            return job.settle(outcomes.download_failed(error, job.now()))
        return job.settle(
            outcomes.succeeded(size, sha256, job.now()), activity=None, activity_attempt=None, next_attempt_at=None
        )

    def _destination(self, job: Job, task: Task) -> Path:
        committed = Path(task.video_path) if task.video_path else None
        if committed is not None and (committed.parent == self._parts.output_dir.resolve() or committed.is_file()):
            return committed
        if committed is not None:
            # The output folder was changed since (what the message for an unwritable or
            # full folder tells the user to do): start over there, the old part is no use.
            discard_partial(committed)
        path = planned_video_path(self._parts.output_dir, task)
        job.update(video_path=str(path))
        return path

    async def _fetch(self, job: Job, task: Task, dest: Path) -> tuple[int, str]:
        if dest.is_file() and not partials(dest):
            # The app stopped after the rename, before SUCCEEDED was committed. Only a
            # checked, complete download is ever renamed onto this path (it was chosen free
            # and is ours alone), so the video is here: fetching it again could only fail
            # on a link that has expired since.
            return await hash_file(dest)
        if not task.result_url:  # DOWNLOADING is committed together with the link, so this is a damaged row
            raise DownloadError("This task has no video link to download; resume it so the provider is asked again.")

        def retrying(attempt: int, delay: float) -> None:
            job.update(activity=Activity.DOWNLOAD_RETRY, activity_attempt=attempt, next_attempt_at=job.now() + delay)

        try:
            return await self._parts.downloader.fetch(task.result_url, dest, guard=job.keep_lease, on_retry=retrying)
        except ResultExpired:
            fresh = await self._fresh_url(job, task)
            if fresh is None or fresh == task.result_url:
                raise
            job.update(result_url=fresh, result_seen_at=job.now())
            return await self._parts.downloader.fetch(fresh, dest, guard=job.keep_lease, on_retry=retrying)

    async def _fresh_url(self, job: Job, task: Task) -> str | None:
        """Ask the provider once more for the result link; None when it has no other."""
        try:
            await self._parts.budget.acquire(job.spec.provider)
            status = await job.provider.poll(job.spec, checked_remote_id(job.provider_name, task.remote_id))
        except asyncio.CancelledError:
            raise
        except Exception as error:
            log.info("no fresh link for task %s: %s", job.task_id, error)
            return None
        return status.video_url if status.state is RemoteState.SUCCEEDED else None
