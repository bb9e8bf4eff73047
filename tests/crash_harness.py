"""The crash harness: the real CLI in a subprocess, killed with SIGKILL at chosen points.

A `CrashLab` holds one simulator (on a ManualClock, in a thread of the test process) and
one data home that lives through every cycle, as a user's does through every crash. A
cycle (`run_cycle`):

1. submits 0..N "extra" tasks with `hailuo-desktop submit` (no --wait): they reach the
   provider and are left unfinished, so the victim run below drives a batch;
2. starts the victim (`submit ... --wait`, or `wait` when there is a batch) and kills it
   with SIGKILL at the cycle's point, chosen by a seeded generator:
   - `upload`        a local image's upload hangs (a `hang` fault): killed before the submit;
   - `post`          the provider created the task but its answer hangs (`hang` after
                     create): killed between the POST and the stored task id;
   - `poll`          killed after 1..3 more polls;
   - `download`      the video trickles (`slow`): killed once bytes are in the `.part`;
   - `before_rename` / `after_rename`: the app kills itself there (HAILUO_CRASHPOINT);
3. restarts with `hailuo-desktop wait` (no faults, no crash point) until it exits;
4. checks the whole data home (`check`): every task is final, none was created twice at
   the provider, every video is complete (size and sha256 of the simulator's bytes),
   `PRAGMA integrity_check` passes, and no `.part` or temp file is left.

The victim is killed when a condition on the simulator or the disk turns true (its
stats, the part file's size), never after a fixed sleep. The simulator's clock moves
only when the harness says, so a task is exactly as far along as the cycle needs.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import sqlite3
import struct
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from hailuo_desktop.domain.states import TaskState
from hailuo_desktop.services.download_files import partials
from hailuo_desktop.services.store import TaskStore
from hailuo_desktop.simulator.filestore import result_info
from hailuo_desktop.simulator.media import load_sample, padded
from hailuo_desktop.simulator.server import Fault, ManualClock, SimConfig
from hailuo_desktop.simulator.thread import SimulatorThread
from tests.waiting import wait_until

KEY = "sk-crash-harness-Q7v2LmN8-secret"
APIKLEY_KEY = "sk-apikley-crash-harness-P3x9"  # the simulator tells Apikley from kie by "apikley" in the key
POINTS = ("upload", "post", "poll", "download", "before_rename", "after_rename")
# How a local image reaches each provider: its own upload API, a data: URL, or another's upload API.
PROVIDER_ARGS = {
    "kie": [],
    "apikley": [],
    "minimax": [],
    "apixo": ["--upload-route", "kie_upload"],
    "apiinone": ["--upload-route", "apikley_upload"],
}
UPLOADING = ("kie", "apikley", "apixo", "apiinone")  # minimax sends a data: URL, no upload
RESULT_BYTES = 600_000  # several network reads per download, so a kill can land mid-body
SLOW_CHUNK = 64 * 1024  # bigger than Python's file buffer: each chunk reaches the .part at once
LATER = "{{sim:queue=30;run=60}}"  # done 90 s of sim clock after its submit
AT_ONCE = "{{sim:queue=0;run=0}}"  # done the moment it is created
ALL_DONE = 100.0  # sim seconds that finish every task created so far
RUN_TIMEOUT = 120.0


def unique_video(info: dict) -> bytes:
    """Each task's own video: the sample clip plus an MP4 `free` box naming the task, so a
    video saved under the wrong task, or half of one, cannot pass the hash check."""
    tag = info["task_id"].encode()
    return load_sample() + struct.pack(">I4s", 8 + len(tag), b"free") + tag


@dataclass
class Expected:
    size: int
    sha256: str


@dataclass
class Figures:
    cycles: int = 0
    kills: Counter = field(default_factory=Counter)  # per point
    tasks: int = 0
    succeeded: int = 0
    unknown_after_post: int = 0
    lost: int = 0
    duplicate_submits: int = 0

    def line(self) -> str:
        points = ", ".join(f"{p} {self.kills[p]}" for p in POINTS)
        return (
            f"crash cycles: {self.cycles} (killed at: {points}); tasks: {self.tasks} "
            f"({self.succeeded} succeeded, {self.unknown_after_post} unknown after a kill between POST and "
            f"task id); tasks lost: {self.lost}; duplicate submits: {self.duplicate_submits}"
        )


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str

    def describe(self) -> str:
        return f"exit {self.returncode}\nstdout: {self.stdout[-2000:]}\nstderr: {self.stderr[-4000:]}"


class CrashLab:
    def __init__(self, root: Path, seed: int) -> None:
        self.root = root
        self.home = root / "home"
        self.rng = random.Random(seed)
        self.clock = ManualClock()
        config = SimConfig(
            seed=seed, result_factory=unique_video, result_bytes=RESULT_BYTES, result_ttl=30 * 24 * 3600.0
        )
        self.sim = SimulatorThread(config, clock=self.clock)
        self.ambiguous_prompts: set[str] = set()  # victims of `post`: allowed to end UNKNOWN
        self.figures = Figures()
        self._images = 0
        self._tasks = 0

    def __enter__(self) -> CrashLab:
        self.sim.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.sim.stop()

    # --- running the CLI -----------------------------------------------------------
    def env(self, crash_point: str | None = None) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.endswith("_API_KEY") and k != "HAILUO_CRASHPOINT"}
        env.update(
            HAILUO_DESKTOP_HOME=str(self.home),
            KIE_API_KEY=KEY,
            APIXO_API_KEY=KEY,
            APIINONE_API_KEY=KEY,
            MINIMAX_API_KEY=KEY,
            APIKLEY_API_KEY=APIKLEY_KEY,
        )
        if crash_point:
            env["HAILUO_CRASHPOINT"] = crash_point
        return env

    def spawn(self, args: list[str], crash_point: str | None = None) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, "-m", "hailuo_desktop", *args],
            env=self.env(crash_point),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def run(self, args: list[str]) -> Run:
        proc = self.spawn(args)
        out, err = proc.communicate(timeout=RUN_TIMEOUT)
        return Run(proc.returncode, out, err)

    def kill_when(self, proc: subprocess.Popen, reached) -> Run:
        """SIGKILL `proc` as soon as `reached()` is true (or let it end if it dies first)."""
        try:
            wait_until(lambda: proc.poll() is not None or reached(), timeout=RUN_TIMEOUT)
        finally:
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
            out, err = proc.communicate(timeout=RUN_TIMEOUT)
        return Run(proc.returncode, out, err)

    # --- tasks -----------------------------------------------------------------------
    def new_image(self) -> Path:
        """A fresh image each time: the upload cache would otherwise skip the upload."""
        self._images += 1
        path = self.root / "images" / f"photo {self._images}.png"
        path.parent.mkdir(exist_ok=True)
        n = self._images
        Image.new("RGB", (640, 480), (n % 256, (n * 7) % 256, (n * 13) % 256)).save(path)
        return path

    def submit_args(self, provider: str, directive: str, *, wait: bool) -> list[str]:
        self._tasks += 1
        prompt = f"crash task {self._tasks} {directive}"
        args = [
            "submit",
            str(self.new_image()),
            "--prompt",
            prompt,
            "--provider",
            provider,
            "--base-url",
            self.sim.api_url,
            "--poll-interval",
            "0.02",
            *PROVIDER_ARGS[provider],
        ]
        return [*args, "--wait", "--json"] if wait else [*args, "--json"]

    def wait_args(self) -> list[str]:
        return ["wait", "--poll-interval", "0.02", "--json"]

    def total(self, counter: str) -> int:
        return sum(getattr(self.sim.stats, counter).values())

    # --- one cycle -----------------------------------------------------------------------
    def run_cycle(self, point: str, extras: int) -> None:
        for _ in range(extras):
            extra = self.run(self.submit_args(self.rng.choice(list(PROVIDER_ARGS)), LATER, wait=False))
            assert extra.returncode == 0, extra.describe()
        victim = self._victim(point, batch=extras > 0)
        assert victim.returncode == -signal.SIGKILL, f"the victim was not killed at {point}: {victim.describe()}"
        self.check_killed_at(point)
        self.figures.kills[point] += 1
        self.figures.cycles += 1
        self.sim.faults.clear()
        self.sim.advance(ALL_DONE)
        restart = self.run(self.wait_args())
        assert restart.returncode in (0, 1), restart.describe()
        self.check()

    def _victim(self, point: str, *, batch: bool) -> Run:
        if point == "upload":
            return self._kill_in_upload()
        if point == "post":
            return self._kill_after_post()
        if point == "poll":
            return self._kill_while_polling(batch)
        self.sim.advance(ALL_DONE)  # every task so far has its video waiting
        args = self.wait_args() if batch else self.submit_args(self._any_provider(), AT_ONCE, wait=True)
        if point == "download":
            self.sim.faults.add(
                Fault(op="download", kind="slow", chunk=SLOW_CHUNK, delay=1.0, times=self.rng.choice([1, None]))
            )
            return self.kill_when(self.spawn(args), self._bytes_in_a_part)
        return self.kill_when(self.spawn(args, crash_point=point), lambda: False)  # it kills itself

    def _kill_in_upload(self) -> Run:
        provider = self.rng.choice(UPLOADING)
        self.sim.faults.add(Fault(op="upload", kind="hang"))
        uploads = self.total("uploads")
        proc = self.spawn(self.submit_args(provider, AT_ONCE, wait=True))
        return self.kill_when(proc, lambda: self.total("uploads") > uploads)

    def _kill_after_post(self) -> Run:
        args = self.submit_args(self._any_provider(), AT_ONCE, wait=True)
        self.ambiguous_prompts.add(args[args.index("--prompt") + 1])
        self.sim.faults.add(Fault(op="submit", kind="hang", after_create=True))
        created = self.total("created")
        return self.kill_when(self.spawn(args), lambda: self.total("created") > created)

    def _kill_while_polling(self, batch: bool) -> Run:
        args = self.wait_args() if batch else self.submit_args(self._any_provider(), LATER, wait=True)
        polls = self.total("polls") + self.rng.randint(1, 3)
        return self.kill_when(self.spawn(args), lambda: self.total("polls") >= polls)

    def _any_provider(self) -> str:
        return self.rng.choice(list(PROVIDER_ARGS))

    def _bytes_in_a_part(self) -> bool:
        videos = self.home / "videos"
        return videos.is_dir() and any(p.stat().st_size > 0 for p in videos.glob("*.part") if p.exists())

    # --- the checks ----------------------------------------------------------------------
    def check_killed_at(self, point: str) -> None:
        """The store shows the kill landed where the cycle says (before the restart)."""
        tasks = read_tasks(self.home / "tasks.sqlite3")
        newest = tasks[0]
        if point == "upload":
            assert (newest.state, newest.submit_started_at, newest.remote_id) == (TaskState.QUEUED, None, None)
        elif point == "post":
            assert newest.submit_started_at is not None and newest.remote_id is None
        elif point == "poll":
            assert any(t.remote_id and t.state in (TaskState.QUEUED, TaskState.RUNNING) for t in tasks)
        else:
            assert any(_download_left_at(point, t) for t in tasks if t.state is TaskState.DOWNLOADING), point

    def check(self) -> None:
        """Every promise of issue 4 about the data home, after a restart's `wait`."""
        assert integrity(self.home / "tasks.sqlite3") == "ok"
        tasks = read_tasks(self.home / "tasks.sqlite3")
        created = Counter(t.draft.prompt for t in self.sim.tasks())
        by_prompt = {t.draft.prompt: t for t in self.sim.tasks()}
        lost = duplicates = succeeded = unknown = 0
        for task in tasks:
            duplicates += max(0, created[task.prompt] - 1)
            assert created[task.prompt] == 1, f"{task.prompt!r} was created {created[task.prompt]} times"
            if task.state is TaskState.SUCCEEDED:
                succeeded += 1
                self._check_video(task, by_prompt[task.prompt])
            elif self._allowed_unknown(task):
                unknown += 1
            else:
                lost += 1
        assert lost == 0, [
            (t.prompt, t.state.value, t.error_code, t.error_message)
            for t in tasks
            if t.state is not TaskState.SUCCEEDED and not self._allowed_unknown(t)
        ]
        assert self.total("submits") == self.total("created") == len(tasks)
        self._check_no_leftovers(tasks)
        self.figures.tasks, self.figures.succeeded, self.figures.unknown_after_post = len(tasks), succeeded, unknown
        self.figures.lost, self.figures.duplicate_submits = lost, duplicates

    def _allowed_unknown(self, task) -> bool:
        """Killed between POST and task id: UNKNOWN, never re-sent, the user decides."""
        return (
            task.state is TaskState.UNKNOWN
            and task.remote_id is None
            and task.error_code == "ambiguous_submit"
            and task.prompt in self.ambiguous_prompts
        )

    def _check_video(self, task, sim_task) -> None:
        expected = expected_video(sim_task)
        path = Path(task.video_path)
        assert path.is_file(), f"{path} is missing"
        assert (path.stat().st_size, sha256_of(path)) == (expected.size, expected.sha256), f"{path} is damaged"
        assert (task.video_bytes, task.video_sha256) == (expected.size, expected.sha256)

    def _check_no_leftovers(self, tasks) -> None:
        videos = {Path(t.video_path).name for t in tasks if t.state is TaskState.SUCCEEDED}
        on_disk = {p.name for p in (self.home / "videos").iterdir()} if (self.home / "videos").is_dir() else set()
        assert on_disk == videos, f"unexpected files in videos/: {sorted(on_disk - videos)}"
        strays = [p for p in self.home.rglob("*") if p.name.endswith((".part", ".tmp")) or ".corrupt-" in p.name]
        assert strays == [], strays


def _download_left_at(point: str, task) -> bool:
    if not task.video_path:
        return False
    video = Path(task.video_path)
    part = next(iter(partials(video)), video.with_name(video.name + ".part"))  # the owner's own name
    if point == "download":
        return part.is_file() and part.stat().st_size > 0 and not video.exists()
    if point == "before_rename":
        return part.is_file() and part.stat().st_size == RESULT_BYTES and not video.exists()
    return video.is_file() and not part.exists()  # after_rename


# --- reading what is on disk -------------------------------------------------------------
def integrity(store_path: Path) -> str:
    conn = sqlite3.connect(f"file:{store_path}?mode=ro", uri=True)
    try:
        return "; ".join(row[0] for row in conn.execute("PRAGMA integrity_check"))
    finally:
        conn.close()


def read_tasks(store_path: Path) -> list:
    store = TaskStore(store_path)
    try:
        return store.list()
    finally:
        store.close()


def expected_video(sim_task) -> Expected:
    video = padded(unique_video(result_info(sim_task)), RESULT_BYTES)
    digest = hashlib.sha256()
    for piece in video.chunks():
        digest.update(piece)
    return Expected(video.size, digest.hexdigest())


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while block := file.read(1024 * 1024):
            digest.update(block)
    return digest.hexdigest()


def cli_json(run: Run):
    return json.loads(run.stdout)
