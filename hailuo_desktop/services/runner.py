"""The runner: drives each task from QUEUED to a final state, and picks up what a restart left.

    queued -> (upload) -> submit -> queued/running (as the provider says) -> downloading -> succeeded
                                  \\-> failed | unknown | cancelled

The steps live in their own modules (submit.py: the exactly-once POST; poll_step.py: the poll
loop; download_step.py: the download; outcomes.py: the words). Here: which step a task needs,
one job per task, a bound on concurrent new submissions, cancel and shutdown.

Concurrency: `max_concurrent` bounds the tasks in flight that this run submitted (a slot is
taken before the upload and held to the end). A resumed task that already has a remote id
takes no slot: it is already running at the provider, and its result may be expiring;
the shared request budget paces its polls.

Shutdown (`close`): jobs stop where they stand and stay resumable; a POST in flight is
allowed to finish so its task id is recorded, then that job stops too.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import random
import time
from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path

from ..domain.activity import Activity
from ..domain.catalog import ModelSpec
from ..domain.catalog import provider as provider_spec
from ..domain.request import GenerationRequest
from ..domain.routes import UploadRoute
from ..domain.states import TaskState
from ..domain.task import Task
from ..providers.base import Provider
from . import outcomes
from .budget import RequestBudget
from .download_files import discard_partial
from .download_step import DownloadStep
from .downloads import Downloader
from .intake import ImageCheck, retry_of, task_from_request
from .job import Job, Parts
from .lease import HeldPolicy, LeaseLost, Leases
from .pauses import ProviderPauses
from .poll_step import Poller
from .polling import Backoff, PollPlan, PollPolicy, RetryPolicy
from .reopen import reopened
from .runner_support import DONE_STATES, default_image_check, keep_leases, model_of, needs_work, provider_name
from .store import TaskStore
from .submit import Submitter, hold
from .uploads import UploadService

log = logging.getLogger(__name__)

# (provider id, base_url or None) -> Provider; may also return an awaitable of one.
ProviderFactory = Callable[[str, "str | None"], "Provider | Awaitable[Provider]"]
# (model, task) -> learned poll times, or None for the documented schedule (services.adaptive).
PollPlanner = Callable[[ModelSpec, Task], "PollPlan | None"]


class Runner:
    def __init__(
        self,
        store: TaskStore,
        provider_factory: ProviderFactory,
        uploads: UploadService,
        downloader: Downloader,
        budget: RequestBudget,
        output_dir: str | Path,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        poll_interval: float | None = None,
        max_concurrent: int = 8,
        *,
        rng: random.Random | None = None,
        image_check: ImageCheck | None = None,
        submit_retry: RetryPolicy | None = None,
        upload_retry: RetryPolicy | None = None,
        poll_planner: PollPlanner | None = None,
        leases: Leases | None = None,
        held: HeldPolicy = HeldPolicy.WAIT,
        pauses: ProviderPauses | None = None,
        heartbeat_sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        if poll_interval is not None and poll_interval <= 0:
            raise ValueError("the poll interval must be positive")
        self._store = store
        self._poll_planner = poll_planner
        self._factory = provider_factory
        self._uploads = uploads
        self._image_check = image_check
        self._poll_interval = poll_interval
        rng = rng or random.Random()
        self._rng = rng
        self._leases = leases or Leases(store, clock)
        self._held = held
        self._heartbeat_sleep = heartbeat_sleep  # real time by default: it runs while the tests' sleeps are faked
        self._heartbeat: asyncio.Task[None] | None = None
        self.left_to_others: set[str] = set()  # tasks another live process holds (HeldPolicy.SKIP)
        self._parts = Parts(
            store=store,
            uploads=uploads,
            downloader=downloader,
            budget=budget,
            output_dir=Path(output_dir),
            clock=clock,
            sleep=sleep,
            poll_policy=self._poll_policy,
            rng=rng,
            submit_retry=submit_retry or RetryPolicy(attempts=5, backoff=Backoff(base=2.0, maximum=60.0), rng=rng),
            upload_retry=upload_retry or RetryPolicy(attempts=4, backoff=Backoff(base=1.0, maximum=30.0), rng=rng),
            leases=self._leases,
            pauses=pauses or ProviderPauses(),
        )
        self._slots = asyncio.Semaphore(max(1, max_concurrent))
        self._submitter = Submitter(self._parts)
        self._poller = Poller(self._parts)
        self._download = DownloadStep(self._parts)
        self._jobs: dict[str, tuple[Job, asyncio.Task[Task | None]]] = {}
        self.crashed: dict[str, BaseException] = {}  # jobs that stopped on an error (a full disk...)
        self._closed = False

    # --- creating ----------------------------------------------------------------------
    def create(
        self,
        requests: Iterable[GenerationRequest],
        *,
        base_url: str | None = None,
        upload_route: UploadRoute | None = None,
        batch_id: str | None = None,
        parent_id: str | None = None,
    ) -> list[Task]:
        """Validate every request, then store them all as QUEUED (nothing is stored if one is bad).
        `parent_id`: the take these continue from its last frame."""
        check = self._image_check or default_image_check()
        tasks = [
            task_from_request(
                r,
                uploads=self._uploads,
                image_check=check,
                base_url=base_url,
                upload_route=upload_route,
                batch_id=batch_id,
                parent_id=parent_id,
            )
            for r in requests
        ]
        return self._store.add_many(tasks)

    def retry(self, task_id: str) -> Task:
        """A NEW queued task with the same settings (the old one is left as it is)."""
        return self._store.add(retry_of(self._store.get(task_id)))

    # --- running -----------------------------------------------------------------------
    def start(self, task_id: str) -> asyncio.Task[Task | None]:
        """Drive the task in the background; the same asyncio task if it is already running."""
        if self._closed:
            raise RuntimeError("the runner is closed")
        running = self._jobs.get(task_id)
        if running is not None and not running[1].done():
            return running[1]
        job = Job(task_id, self._parts, provider_name="the provider")
        handle = asyncio.get_running_loop().create_task(self._drive(job), name=f"hailuo task {task_id}")
        self._jobs[task_id] = (job, handle)
        handle.add_done_callback(lambda done: self._forget(task_id, done))
        return handle

    async def run(self, task_id: str) -> Task | None:
        """Drive one task to a final state. Provider errors end up in the task, never raised.

        None only if the task was removed from the store meanwhile.
        """
        return await self.start(task_id)

    async def resume_unfinished(self) -> list[Task]:
        """Every task a previous run left unfinished, driven to the end; the tasks as they ended."""
        ids = [task.id for task in self._store.unfinished()]
        outcomes_ = await asyncio.gather(*(self.start(i) for i in ids), return_exceptions=True)
        for task_id, result in zip(ids, outcomes_):
            if isinstance(result, BaseException):
                log.error("resuming task %s failed: %r", task_id, result)
        return [task for task in (self._get_or_none(i) for i in ids) if task is not None]

    # --- the user's hand on stopped tasks and held providers --------------------------
    @property
    def pauses(self) -> ProviderPauses:
        """Providers whose submits are held (insufficient balance), with why and since when."""
        return self._parts.pauses

    def resume_provider(self, provider_id: str) -> list[str]:
        """The user topped up: send the held tasks of this provider. Their ids."""
        self.pauses.resume(provider_id)
        held = [
            t.id
            for t in self._store.list([TaskState.QUEUED])
            if t.provider == provider_id and t.remote_id is None and t.activity == Activity.PAUSED_NO_BALANCE
        ]
        for task_id in held:
            self.start(task_id)
        return held

    def resume(self, task_id: str) -> asyncio.Task[Task | None]:
        """Follow a stopped sent task again (needs a check, cancelled, unknown); nothing is re-sent."""
        running = self._jobs.get(task_id)
        if running is not None and not running[1].done():
            return running[1]
        self._store.update(task_id, **reopened(self._store.get(task_id)))
        return self.start(task_id)

    async def give_up(self, task_id: str) -> Task:
        """Stop following a task for good (needs a check, unknown, or running): CANCELLED, with
        words that say the provider may still finish and charge it. A finished task is left as it is."""
        return await self.cancel(task_id)

    async def cancel_batch(self, batch_id: str) -> list[Task]:
        """Cancel every unfinished task of a batch at once; every task of the batch as it ended."""
        tasks = self._store.batch_tasks(batch_id)
        await asyncio.gather(*(self.cancel(t.id) for t in tasks if t.state not in DONE_STATES))
        return self._store.batch_tasks(batch_id)

    def active(self) -> list[str]:
        """Ids of tasks being driven right now (for a "quit anyway?" question)."""
        return [task_id for task_id, (_, handle) in self._jobs.items() if not handle.done()]

    async def cancel(self, task_id: str) -> Task:
        """Stop polling/downloading this task only; it ends CANCELLED (unless it finished first)."""
        running = self._jobs.get(task_id)
        if running is not None and not running[1].done():
            job, handle = running
            job.cancel_requested = True
            if not job.submitting:  # a POST in flight finishes first, so its task id is kept
                handle.cancel()
            await asyncio.wait({handle})
        task = self._store.get(task_id)
        return task if task.state in DONE_STATES else self._mark_cancelled(task_id)

    async def close(self) -> None:
        """Stop every job, leaving tasks resumable; waits for POSTs in flight to be recorded."""
        self._closed = True
        handles = []
        for job, handle in list(self._jobs.values()):
            job.closing = True
            if not job.submitting:
                handle.cancel()
            handles.append(handle)
        if handles:
            await asyncio.wait(handles)
        if self._heartbeat is not None:
            self._heartbeat.cancel()
            await asyncio.gather(self._heartbeat, return_exceptions=True)

    # --- one job -----------------------------------------------------------------------
    def _forget(self, task_id: str, handle: asyncio.Task[Task | None]) -> None:
        if self._jobs.get(task_id, (None, None))[1] is handle:
            del self._jobs[task_id]
        error = None if handle.cancelled() else handle.exception()
        if error is not None:
            self.crashed[task_id] = error
            log.error("task %s stopped: %r", task_id, error)

    async def _drive(self, job: Job) -> Task | None:
        try:
            return await self._steps(job)
        except LeaseLost:
            log.info("task %s was taken over by another process; leaving it to that one", job.task_id)
            return self._get_or_none(job.task_id)
        except asyncio.CancelledError:
            if job.cancel_requested:
                return self._mark_cancelled(job.task_id)
            raise
        except KeyError:
            log.info("task %s was removed while it ran", job.task_id)
            return None
        finally:
            self._leases.release(job.task_id)

    async def _steps(self, job: Job) -> Task:
        if not await self._own(job):
            return job.task()
        task = self._store.get(job.task_id)
        if not needs_work(task):
            return task
        job.provider_name = provider_name(task.provider)
        if task.remote_id is None and task.submit_started_at is not None:
            return job.settle(outcomes.interrupted_submit(job.provider_name, job.now()))
        if task.remote_id is None:
            if self.pauses.get(task.provider):
                return hold(job)
            async with self._slots:
                return await self._submit_and_follow(job)
        if not await self._prepare(job, task, sent=True):
            return job.task()
        return await self._follow(job, task, resumed=True)

    async def _submit_and_follow(self, job: Job) -> Task:
        job.check_stop()
        task = job.task()
        if self.pauses.get(task.provider):  # paused while this task waited for its slot
            return hold(job)
        if not await self._prepare(job, task, sent=False):
            return job.task()
        task = await self._submitter.submit(job)
        if task.remote_id is None or task.state.is_final:
            return task
        job.check_stop()
        return await self._follow(job, task, resumed=False)

    async def _follow(self, job: Job, task: Task, *, resumed: bool) -> Task:
        if not (task.state is TaskState.DOWNLOADING and task.result_url):
            task = await self._poller.poll(job, resumed=resumed)
            if task.state is not TaskState.DOWNLOADING:
                return task
            job.check_stop()
        return await self._download.deliver(job)

    # --- one owner per task (services.lease) -------------------------------------------
    async def _own(self, job: Job) -> bool:
        """Take the task's lease. While another live process holds it: leave it (SKIP), or
        follow it from the store and take over once the lease is free (WAIT)."""
        seen = None
        while not self._leases.take(job.task_id):
            task = self._store.get(job.task_id)
            if task.updated_at != seen:  # the other process moved it: tell this one's listeners
                task, seen = self._store.reload(job.task_id), task.updated_at
            if not needs_work(task):
                return False
            if self._held is HeldPolicy.SKIP:
                self.left_to_others.add(job.task_id)
                return False
            await self._parts.sleep(self._leases.terms.wait_interval)
            job.check_stop()
        if self._heartbeat is None or self._heartbeat.done():
            self._heartbeat = asyncio.get_running_loop().create_task(
                keep_leases(self._leases, self._heartbeat_sleep, self._stop_lost), name="hailuo lease heartbeat"
            )
        return True

    def _stop_lost(self, task_id: str) -> None:
        running = self._jobs.get(task_id)
        if running is None:
            return
        job, handle = running
        if not handle.done() and not job.submitting:
            log.info("task %s: lease lost to another process; stopping here", task_id)
            job.closing = True
            handle.cancel()

    async def _prepare(self, job: Job, task: Task, *, sent: bool) -> bool:
        """Find the model and build the provider; on failure, record it (resumable if sent)."""
        try:
            job.spec = model_of(task)
            job.provider = await self._provider(task)
        except asyncio.CancelledError:
            raise
        except Exception as error:
            now = job.now()
            job.settle(outcomes.poll_stopped(error, task.remote_id, now) if sent else outcomes.not_started(error, now))
            return False
        return True

    async def _provider(self, task: Task) -> Provider:
        provider = self._factory(task.provider, task.base_url)
        if inspect.isawaitable(provider):
            provider = await provider
        return provider

    def _poll_policy(self, spec: ModelSpec, task: Task) -> PollPolicy:
        plan = self._plan(spec, task) if self._poll_planner is not None and self._poll_interval is None else None
        return PollPolicy(
            provider_spec(task.provider).poll, fixed_interval=self._poll_interval, rng=self._rng, plan=plan
        )

    def _plan(self, spec: ModelSpec, task: Task) -> PollPlan | None:
        if self._poll_planner is None:
            return None
        try:
            return self._poll_planner(spec, task)
        except Exception:  # learning is an optimisation: the documented schedule always works
            log.exception("no adaptive poll plan for task %s; using the documented schedule", task.id)
            return None

    def _mark_cancelled(self, task_id: str) -> Task:
        task = self._store.get(task_id)
        if task.state in DONE_STATES:
            return task
        if task.video_path:
            discard_partial(Path(task.video_path))  # a cancelled task never resumes its download
        outcome = outcomes.cancelled(
            task.remote_id, task.submit_started_at is not None, provider_name(task.provider), self._parts.clock()
        )
        return self._store.settle(task_id, outcome)

    def _get_or_none(self, task_id: str) -> Task | None:
        try:
            return self._store.get(task_id)
        except KeyError:
            return None
