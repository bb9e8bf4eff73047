"""Polling a submitted task until the provider says it is done, failed, or we stop asking.

Polls are idempotent, so every transient failure (429, 5xx, network) is retried with the
policy's backoff and Retry-After, within the total-time cap. Outcomes:
- success with a result URL -> DOWNLOADING (the URL and when it was seen are committed
  first, so a crash from here on resumes with the download);
- the provider's "fail" -> FAILED with its failCode and failMsg kept;
- TaskNotFound, repeated past the policy's grace -> FAILED `task_not_found` (decision: a
  task the provider denies knowing will not appear by polling it again on every start;
  the message keeps the id for the user to quote to the provider);
- out of retries on transient errors (unreadable answers, an outage) -> NEEDS_CHECK: the
  job ends and frees its slot; only the user resumes it (Runner.resume) or gives it up;
- out of time, a bad key -> UNKNOWN with the remote id kept, which
  `store.unfinished()` hands back on the next start (resumable, never re-sent).
While a failed poll waits for its retry, the task's `activity`, `activity_attempt` and
`next_attempt_at` say so (domain.activity).
"""

from __future__ import annotations

import asyncio
import logging

from ..domain.activity import Activity
from ..domain.codes import ErrorCode
from ..domain.errors import (
    ContentRejected,
    HailuoError,
    NetworkError,
    ProviderUnavailable,
    RateLimited,
    TaskFailed,
    TaskNotFound,
)
from ..domain.states import RemoteState, TaskState
from ..domain.task import Task
from ..providers.base import RemoteStatus
from ..providers.normalize import checked_remote_id
from . import outcomes
from .job import Job, Parts
from .pauses import Pause
from .polling import PollSession, is_transient, is_unreadable

log = logging.getLogger(__name__)

_ACTIVE = {RemoteState.QUEUED: TaskState.QUEUED, RemoteState.RUNNING: TaskState.RUNNING}


class _NoResultUrl(ProviderUnavailable):
    """The provider says success but names no video: asked again like any malformed answer."""


class Poller:
    def __init__(self, parts: Parts) -> None:
        self._parts = parts

    async def poll(self, job: Job, *, resumed: bool) -> Task:
        task = job.task()
        policy = self._parts.poll_policy(job.spec, task)
        session = PollSession(policy, self._parts.clock, submitted_at=task.submitted_at, resumed=resumed)
        delay = session.first_delay()
        while True:
            await self._parts.sleep(delay)
            job.check_stop()
            delay, settled = await self._poll_once(job, session)
            if settled is not None:
                return settled
            if session.out_of_time(delay):
                return self._gave_up(job, session)

    async def _poll_once(self, job: Job, session: PollSession) -> tuple[float, Task | None]:
        """One poll: (the delay before the next, or the task when this poll settled it)."""
        await self._parts.budget.acquire(job.spec.provider)
        task = job.task()
        try:
            status = await job.provider.poll(job.spec, checked_remote_id(job.provider_name, task.remote_id))
            if status.state is RemoteState.SUCCEEDED and not status.video_url:
                raise _NoResultUrl(f"{job.provider_name} says the task succeeded but gave no video link.")
        except asyncio.CancelledError:
            raise
        except Exception as error:
            return self._failed_poll(job, task, session, error)
        self._parts.budget.on_success(job.spec.provider)
        return session.answered(), self._record(job, task, status)

    def _failed_poll(self, job: Job, task: Task, session: PollSession, error: Exception) -> tuple[float, Task | None]:
        if isinstance(error, RateLimited):
            self._parts.budget.on_rate_limited(job.spec.provider, error.retry_after)
        if not isinstance(error, HailuoError):
            log.exception("poll of task %s ended unexpectedly", job.task_id)
        delay = session.failed(error)
        if delay is None:
            job.update(polls=task.polls + 1, next_attempt_at=None)
            return 0.0, self._settle_error(job, task, error, session.consecutive_errors)
        # What the runner does meanwhile is a state the user can see: "answer unreadable, retry 3 at T".
        job.update(
            polls=task.polls + 1,
            activity=activity_for(error),
            activity_attempt=session.consecutive_errors,
            next_attempt_at=job.now() + delay,
        )
        log.info("poll of task %s failed (%s); again in %.1f s", job.task_id, error, delay)
        return delay, None

    def _settle_error(self, job: Job, task: Task, error: Exception, tries: int) -> Task:
        now = job.now()
        if isinstance(error, TaskNotFound):
            return job.settle(outcomes.not_found(task.remote_id, job.provider_name, now))
        if isinstance(error, (TaskFailed, ContentRejected)):
            return job.settle(outcomes.failed_while_polling(error, job.provider_name, now))
        if is_transient(error):  # its retry budget is spent: it stops holding a slot
            return job.settle(outcomes.needs_check(error, task.remote_id, tries, now))
        return job.settle(outcomes.poll_stopped(error, task.remote_id, now))

    def _record(self, job: Job, task: Task, status: RemoteStatus) -> Task | None:
        """Commit what the poll said; the task when it is settled (done or failed), else None."""
        now = job.now()
        seen = {
            "polls": task.polls + 1,
            "raw_state": status.raw_state,
            **_no_activity(task),
            "remote_created_ms": status.created_ms or task.remote_created_ms,
            "remote_completed_ms": status.completed_ms or task.remote_completed_ms,
        }
        if status.state is RemoteState.FAILED:
            failed = job.settle(outcomes.provider_failed(status, job.provider_name, now), **seen)
            if failed.error_code is ErrorCode.INSUFFICIENT_BALANCE:
                self._parts.pauses.pause(
                    Pause(job.spec.provider, ErrorCode.INSUFFICIENT_BALANCE, now, status.fail_message)
                )
            return failed
        if status.state is RemoteState.SUCCEEDED:
            return job.update(
                **seen,
                state=TaskState.DOWNLOADING,
                result_url=status.video_url,
                result_seen_at=now,
                error_code=None,
                error_message=None,
                finished_at=None,
                provider_code=None,
                provider_message=None,
            )
        job.update(**seen, state=_ACTIVE[status.state], **_cleared_if_resumed(task))
        return None

    def _gave_up(self, job: Job, session: PollSession) -> Task:
        task = job.task()
        minutes = (self._parts.clock() - session.started) / 60
        return job.settle(outcomes.gave_up_polling(task.remote_id, job.provider_name, minutes, job.now()))


def activity_for(error: BaseException) -> Activity:
    if isinstance(error, RateLimited):
        return Activity.POLL_RATE_LIMITED
    if isinstance(error, TaskNotFound):
        return Activity.POLL_NOT_FOUND_YET
    if isinstance(error, NetworkError):
        return Activity.POLL_NETWORK
    if is_unreadable(error) or not isinstance(error, HailuoError):
        return Activity.POLL_UNREADABLE
    return Activity.POLL_UNAVAILABLE


def _no_activity(task: Task) -> dict[str, object]:
    """An answered poll ends the retrying the task showed."""
    if task.activity is None and task.next_attempt_at is None:
        return {}
    return {"activity": None, "activity_attempt": None, "next_attempt_at": None}


def _cleared_if_resumed(task: Task) -> dict[str, object]:
    """A resumed UNKNOWN task that answers again is no longer in doubt: drop the old message."""
    if task.state is TaskState.UNKNOWN:
        return {
            "error_code": None,
            "error_message": None,
            "finished_at": None,
            "provider_code": None,
            "provider_message": None,
        }
    return {}
