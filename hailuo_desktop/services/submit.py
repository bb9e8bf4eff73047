"""The paid step, exactly once: upload the images, then POST the task.

The rules (contracts.md, "services"):
- `submit_started_at` is committed BEFORE the POST leaves. A task found later with it set
  and no `remote_id` may exist at the provider, so it is never sent again automatically.
- A failed POST is sent again only when `is_provably_not_created(error)` (connection
  refused before sending, 429, explicit maintenance): the intent is withdrawn (committed),
  the task stays QUEUED, and the retry waits with backoff, honouring Retry-After, a
  bounded number of times.
- A refusal (bad key, no balance, invalid request, rejected content) created nothing:
  FAILED with the error's code and message.
- Anything else (a timeout after sending, 5xx, a reset, a malformed answer, no task id,
  an unexpected exception) may have created and billed a task: UNKNOWN, with words that
  say so and what to do.
- A POST in flight is not interrupted by a user's cancel (`job.submitting`): its task id
  is recorded first, so the user can still find the task.
"""

from __future__ import annotations

import asyncio
import logging

from ..domain.activity import Activity
from ..domain.codes import ErrorCode
from ..domain.errors import (
    AuthError,
    ContentRejected,
    HailuoError,
    ImageRejected,
    InsufficientBalance,
    InvalidRequest,
    ModelForbidden,
    RateLimited,
    is_provably_not_created,
)
from ..domain.request import GenerationRequest
from ..domain.sources import is_http_url
from ..domain.states import TaskState
from ..domain.task import Task
from ..providers.base import SubmitPayload
from . import outcomes
from .fullcheck import decode_problem
from .job import Job, Parts
from .pauses import Pause
from .polling import is_transient

log = logging.getLogger(__name__)


def hold(job: Job) -> Task:
    """Leave a never-sent task queued while its provider's submits are paused."""
    outcome = outcomes.held_for_balance(job.provider_name)
    return job.settle(
        outcome,
        submit_started_at=None,
        activity=Activity.PAUSED_NO_BALANCE,
        activity_attempt=None,
        next_attempt_at=None,
    )


REFUSALS = (AuthError, InsufficientBalance, InvalidRequest, ContentRejected, ModelForbidden)


class Submitter:
    def __init__(self, parts: Parts) -> None:
        self._parts = parts

    async def submit(self, job: Job) -> Task:
        """Drive a never-sent task to QUEUED-with-a-remote-id, or to a final state."""
        try:
            payload = await self._payload(job)
        except asyncio.CancelledError:
            raise
        except Exception as error:  # nothing has been sent: any failure here costs nothing
            log.info("task %s not started: %s", job.task_id, error)
            return job.settle(outcomes.not_started(error, job.now()))
        return await self._send(job, payload)

    # --- the POST ----------------------------------------------------------------------
    async def _send(self, job: Job, payload: SubmitPayload) -> Task:
        attempt = 0
        while True:
            attempt += 1
            job.check_stop()
            await self._parts.budget.acquire(job.spec.provider)
            job.check_stop()
            job.keep_lease(strict=True)  # never send what another process (the task's owner now) sends
            job.submitting = True
            try:
                settled = await self._attempt(job, payload)
            finally:
                job.submitting = False
            if isinstance(settled, Task):
                job.check_stop()  # a cancel that waited for the POST takes effect now, the id recorded
                return settled
            if job.stop_requested:
                job.update(submit_started_at=None)  # this try provably created nothing
                raise asyncio.CancelledError()
            delay = self._parts.submit_retry.delay(attempt, settled)
            if delay is None:
                return job.settle(outcomes.not_sent(settled, job.provider_name, attempt, job.now()))
            job.settle(
                outcomes.waiting_to_resend(settled, delay),
                activity=Activity.SUBMIT_WAITING,
                activity_attempt=attempt,
                next_attempt_at=job.now() + delay,
            )
            await self._parts.sleep(delay)

    async def _attempt(self, job: Job, payload: SubmitPayload) -> Task | HailuoError:
        """One POST: the settled task, or the error of a try that provably created nothing."""
        # The intent, committed before the POST (an earlier try's "sending again" note goes).
        job.update(
            submit_started_at=job.now(),
            state=TaskState.QUEUED,
            error_code=None,
            error_message=None,
            activity=None,
            activity_attempt=None,
            next_attempt_at=None,
        )
        try:
            remote_id = await job.provider.submit(payload)
        except asyncio.CancelledError:
            job.settle(outcomes.interrupted_submit(job.provider_name, job.now()))
            raise
        except HailuoError as error:
            return self._settle_error(job, error)
        except Exception as error:  # an adapter bug or an answer nobody expected: it may have gone out
            log.exception("submit of task %s ended unexpectedly", job.task_id)
            return job.settle(outcomes.ambiguous(error, job.provider_name, job.now()))
        return self._created(job, remote_id)

    def _settle_error(self, job: Job, error: HailuoError) -> Task | HailuoError:
        if is_provably_not_created(error):
            if isinstance(error, RateLimited):
                self._parts.budget.on_rate_limited(job.spec.provider, error.retry_after)
            return error
        if isinstance(error, InsufficientBalance):
            return self._hold_for_balance(job, error)
        if isinstance(error, REFUSALS):
            return job.settle(outcomes.refused(error, job.now()))
        return job.settle(outcomes.ambiguous(error, job.provider_name, job.now()))

    def _hold_for_balance(self, job: Job, error: InsufficientBalance) -> Task:
        """Nothing was created: the task waits, and so does every later submit to this provider,
        until the user tops up and resumes the provider (Runner.resume_provider)."""
        self._parts.pauses.pause(
            Pause(job.spec.provider, ErrorCode.INSUFFICIENT_BALANCE, job.now(), error.provider_message)
        )
        return hold(job)

    def _created(self, job: Job, remote_id: object) -> Task:
        if not isinstance(remote_id, str) or not remote_id.strip():
            return job.settle(outcomes.ambiguous(None, job.provider_name, job.now()))
        self._parts.budget.on_success(job.spec.provider)
        return job.update(
            remote_id=remote_id.strip(),
            submitted_at=job.now(),
            state=TaskState.QUEUED,
            error_code=None,
            error_message=None,
            provider_code=None,
            provider_message=None,
        )

    # --- the payload -------------------------------------------------------------------
    async def _payload(self, job: Job) -> SubmitPayload:
        task = job.task()
        image_url = await self._image(job, task, task.image_path, task.image_url)
        end_url = await self._image(job, task, task.end_image_path, task.end_image_url)
        self._remember_urls(job, task, image_url, end_url)
        request = GenerationRequest(
            job.spec,
            task.prompt,
            image=task.image_path or task.image_url,
            end_image=task.end_image_path or task.end_image_url,
            duration=task.duration,
            resolution=task.resolution,
            prompt_optimizer=task.prompt_optimizer,
        )
        return SubmitPayload(request, image_url=image_url, end_image_url=end_url)

    async def _image(self, job: Job, task: Task, path: str | None, url: str | None) -> str | None:
        if path is None:
            return url
        await _refuse_damaged(path)
        attempt = 0
        while True:  # uploads are free and create nothing billable: transient errors are retried
            attempt += 1
            try:
                return await self._parts.uploads.url_for(path, task.provider, task.upload_route, task.base_url)
            except HailuoError as error:
                delay = self._parts.upload_retry.delay(attempt, error) if is_transient(error) else None
                if delay is None:
                    raise
            job.check_stop()
            job.update(activity=Activity.UPLOAD_RETRY, activity_attempt=attempt, next_attempt_at=job.now() + delay)
            await self._parts.sleep(delay)

    @staticmethod
    def _remember_urls(job: Job, task: Task, image_url: str | None, end_url: str | None) -> None:
        # Uploaded URLs are kept with the task (the user can see what the provider fetched);
        # a data: URL is not, it is the whole image again.
        changes = {}
        if image_url != task.image_url and is_http_url(image_url):
            changes["image_url"] = image_url
        if end_url != task.end_image_url and is_http_url(end_url):
            changes["end_image_url"] = end_url
        if changes:
            job.update(**changes)


async def _refuse_damaged(path: str) -> None:
    """Decode the whole image before it is uploaded and paid for.

    The check at create time reads the header only (instant, for the window); a file cut
    or corrupted inside its pixel data passes it, and the provider would fail the task,
    perhaps after billing it. The full decode runs off the event loop, bounded in time.
    """
    problem = await asyncio.to_thread(decode_problem, path)
    if problem:
        raise ImageRejected(
            f"The image {path} is damaged: {problem.message} Open and save it again, or use another one.",
            problems=[problem],
        )
