"""The simulator's state, shared by every protocol: tasks, files, money, faults, time."""

from __future__ import annotations

import asyncio
import functools
import random
import time
from datetime import UTC, datetime

from .clock import Clock, Sleep
from .config import RESULT_URL_LIFETIME, SimConfig
from .directives import parse_directives
from .failcodes import fail_details
from .faults import Fault, FaultBook
from .filestore import FileEntry, FileTable, ResultMaker, file_url
from .ledger import Ledger
from .media import load_sample
from .ratelimit import RateLimiter
from .stats import SimStats
from .tasks import Draft, SimTask, TaskBook
from .timing import draw_timing


class SimCore:
    def __init__(self, config: SimConfig, clock: Clock, sleep: Sleep) -> None:
        self.config = config
        self.now = clock
        self._sleep = sleep
        self._clock0 = clock()
        self._epoch0 = config.epoch if config.epoch is not None else time.time()
        self.rng = random.Random(config.seed)
        self.tasks = TaskBook(self.rng)
        self.ledger = Ledger(config.balances, self.tasks)
        self.files = FileTable()
        self.results = ResultMaker(functools.cache(load_sample), config.result_factory, config.result_bytes)
        self.faults = FaultBook()
        self.rate = RateLimiter(config.rate_limit)
        self.stats = SimStats()
        self.files_url = ""
        # provider -> (queue, run) seconds for its next task only (the demo's "slow task")
        self.demo_timing: dict[str, tuple[float, float]] = {}
        self._stopping: asyncio.Event | None = None

    # --- time ------------------------------------------------------------------
    def epoch(self, at: float | None = None) -> float:
        return self._epoch0 + ((self.now() if at is None else at) - self._clock0)

    def epoch_ms(self, at: float | None = None) -> int:
        return int(round(self.epoch(at) * 1000))

    def iso(self, at: float | None = None) -> str:
        moment = datetime.fromtimestamp(self.epoch(at), tz=UTC)
        return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")

    def open(self) -> None:
        self._stopping = asyncio.Event()

    def close(self) -> None:
        if self._stopping is not None:
            self._stopping.set()

    async def pause(self, seconds: float | None) -> bool:
        """Wait on the sim clock (None: until stop); False when the simulator is stopping."""
        stopping = asyncio.ensure_future(self._stopping.wait())
        waits = {stopping} if seconds is None else {stopping, asyncio.ensure_future(self._sleep(seconds))}
        _, pending = await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
        for waiting in pending:
            waiting.cancel()
        return not self._stopping.is_set()

    # --- tasks -----------------------------------------------------------------
    def create_task(self, provider: str, draft: Draft, fate: Fault | None = None) -> SimTask:
        now = self.now()
        queue_s, run_s = draw_timing(self.rng, draft.spec, draft.duration, self.config.time_scale)
        task = SimTask(
            provider,
            self.tasks.new_id(provider, self.epoch_ms(now)),
            draft,
            now,
            queue_s,
            run_s,
            result_token=self.tasks.new_token(),
            file_id=self.tasks.new_number(15),
        )
        self._apply_directives(task)
        if provider in self.demo_timing:
            task.queue_s, task.run_s = self.demo_timing.pop(provider)
        if fate is not None:
            self._apply_fate(task, fate)
        self.tasks.add(task)
        self.files.add(
            FileEntry(
                task.result_token, f"{task.remote_id}.mp4", provider, "video/mp4", expires_at=float("inf"), task=task
            )
        )
        self.stats.created[provider] += 1
        return task

    def _apply_directives(self, task: SimTask) -> None:
        wish = parse_directives(task.draft.prompt)
        task.queue_s = wish.queue if wish.queue is not None else task.queue_s
        task.run_s = wish.run if wish.run is not None else task.run_s
        task.bad_result = wish.bad_result
        if wish.fail:
            task.fail = fail_details(task.provider, wish.fail, wish.message)

    def _apply_fate(self, task: SimTask, fate: Fault) -> None:
        if fate.kind == "fail":
            task.fail = fail_details(task.provider, fate.fail_code, fate.fail_message)
        elif fate.kind == "bad_result_json":
            task.bad_result = True

    def task_for(self, provider: str, remote_id: str | None) -> SimTask | None:
        """The provider's own task: another provider's id is as unknown as a made-up one."""
        task = self.tasks.get(remote_id)
        return task if task is not None and task.provider == provider else None

    def fail_task(self, task: SimTask, fault: Fault) -> None:
        task.fail_now(self.now(), *fail_details(task.provider, fault.fail_code, fault.fail_message))

    # --- files -----------------------------------------------------------------
    def result_url(self, task: SimTask) -> str:
        return file_url(self.files_url, self.files.get(task.result_token))

    def result_expires_at(self, task: SimTask) -> float:
        ttl = self.config.result_ttl
        return task.done_at + (RESULT_URL_LIFETIME[task.provider] if ttl is None else ttl)
