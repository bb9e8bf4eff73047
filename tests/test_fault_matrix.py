"""The fault matrix of issue 4: every provider x every fault, at the step where it matters.

Each case drives the engine as the CLI and the window build it (`engine.build_engine`:
real adapters, uploads, downloads, budget, store) over loopback against the simulator,
with virtual time (the runner's sleep moves the simulator's ManualClock), and asserts:
- the outcome the rules give (retried and succeeded / failed with its code / unknown);
- that a failure reads as words, not as an exception's repr;
- how many tasks the provider created (never two) and how many POSTs it saw;
- that nothing escaped the runner (it returned the task; nothing was logged as an error);
- that an UNKNOWN task which kept its remote id really is resumable: once the fault is
  gone, `resume_unfinished` brings its video home without a second submit.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from PIL import Image

from hailuo_desktop.domain.catalog import PROVIDERS, find_model
from hailuo_desktop.domain.request import GenerationRequest
from hailuo_desktop.domain.states import TaskState
from hailuo_desktop.engine import build_engine
from hailuo_desktop.services.download_files import partials
from hailuo_desktop.services.home import DataPaths
from hailuo_desktop.services.secrets import KeyStore
from hailuo_desktop.services.settings import Settings
from hailuo_desktop.simulator.server import Fault
from tests.conftest import heavy_enabled
from tests.fixtures.sim import KEYS, loopback_client
from tests.models import TEST_MODELS

pytestmark = pytest.mark.anyio

IMAGE_URL = "https://images.example.com/cat.png"
PROMPT = "a cat turns its head {{sim:queue=10;run=20}}"
MODELS = TEST_MODELS
# The status each provider says "maintenance" with (MiniMax: its gateway's HTTP 503).
MAINTENANCE = {
    "apixo": (503, None),
    "kie": (455, None),
    "apikley": (455, None),
    "apiinone": (503, None),
    "minimax": (503, True),
}
UPLOAD_ROUTES = {"kie": None, "apikley": None, "apixo": "kie_upload", "apiinone": "apikley_upload"}
UPLOAD_PROVIDER = {"kie": "kie", "apikley": "apikley", "apixo": "kie", "apiinone": "apikley"}
TINY_READ_TIMEOUT = 0.75  # seconds of wall clock: only the read-timeout cases wait for it

SUCCEEDED = "succeeded"


@dataclass(frozen=True)
class Outcome:
    state: str  # "succeeded" | "failed" | "unknown" | "needs_check" | "queued" (held)
    code: str | tuple[str, ...] | None = None  # a tuple: any of these
    created: int = 1  # tasks the provider created
    submits: int = 1  # POSTs that reached it


def ok(submits: int = 1) -> Outcome:
    return Outcome(SUCCEEDED, submits=submits)


def failed(code: str | tuple[str, ...], created: int = 0, submits: int = 1) -> Outcome:
    return Outcome("failed", code, created, submits)


def unknown(*codes: str) -> Outcome:
    return Outcome("unknown", codes[0] if len(codes) == 1 else codes)


AMBIGUOUS = unknown("ambiguous_submit")  # created and maybe billed: never sent again


@dataclass(frozen=True)
class Case:
    fault: str  # the name in issue 4's list
    op: str  # where it strikes: submit | poll | download | upload
    faults: Callable[[str], list[Fault]] = lambda provider: []
    outcome: Outcome | Callable[[str], Outcome] = field(default_factory=ok)
    setup: str | None = None  # refused | read_timeout | disk_full | unwritable | local_image
    providers: tuple[str, ...] = tuple(PROVIDERS)

    def expected(self, provider: str) -> Outcome:
        return self.outcome(provider) if callable(self.outcome) else self.outcome

    @property
    def id(self) -> str:
        return f"{self.op}-{self.fault}".replace(" ", "_")


def status(op: str, code: int, **more) -> Callable[[str], list[Fault]]:
    return lambda provider: [Fault(op=op, kind="status", status=code, provider=provider, **more)]


def kind(op: str, name: str, **more) -> Callable[[str], list[Fault]]:
    return lambda provider: [Fault(op=op, kind=name, provider=provider, **more)]


def at_upload(name: str, **more) -> Callable[[str], list[Fault]]:
    """A fault on the upload API the provider's local images go through (its own, or kie's/Apikley's)."""
    return lambda provider: [Fault(op="upload", kind=name, provider=UPLOAD_PROVIDER[provider], **more)]


def maintenance(op: str, times: int = 1) -> Callable[[str], list[Fault]]:
    def faults(provider: str) -> list[Fault]:
        code, as_http = MAINTENANCE[provider]
        return [
            Fault(op=op, kind="status", status=code, as_http=as_http, provider=provider, retry_after=30, times=times)
        ]

    return faults


def not_found_outcome(provider: str) -> Outcome:
    # MiniMax has no "not found": an unknown id is 2013 "invalid params" (providers.md), which
    # cannot be told from a request the app got wrong, so the task stays UNKNOWN (resumable)
    # with the words, rather than being declared lost.
    return unknown("invalid_request") if provider == "minimax" else failed("task_not_found", created=1)


UPLOADERS = tuple(UPLOAD_ROUTES)
CASES = [
    # --- submit: the paid step. Refusals fail; provably-unsent is sent again; anything
    # that may have created a task is UNKNOWN, and the simulator shows one task, one POST.
    Case("401", "submit", status("submit", 401), failed("auth")),
    # Nothing was created: the task is held (queued) and later submits to the provider wait.
    Case("402", "submit", status("submit", 402), Outcome("queued", "insufficient_balance", created=0)),
    # APIXO documents 403 as "this key or route cannot use the model"; the others as a refused key.
    Case("403", "submit", status("submit", 403), failed(("auth", "model_forbidden"))),
    Case("422", "submit", status("submit", 422), failed("invalid_request")),
    Case("429 with Retry-After", "submit", status("submit", 429, retry_after=7), ok(submits=2)),
    Case("429 without Retry-After", "submit", status("submit", 429), ok(submits=2)),
    Case("455/503 maintenance", "submit", maintenance("submit", times=2), ok(submits=3)),
    Case("500", "submit", status("submit", 500, after_create=True), AMBIGUOUS),
    Case("502", "submit", status("submit", 502, after_create=True), AMBIGUOUS),
    Case("504", "submit", status("submit", 504, after_create=True), AMBIGUOUS),
    Case("connection refused", "submit", outcome=failed("network", submits=0), setup="refused"),
    Case("reset mid-body", "submit", kind("submit", "reset", after_create=True), AMBIGUOUS),
    Case("read timeout", "submit", kind("submit", "hang", after_create=True), AMBIGUOUS, setup="read_timeout"),
    Case("malformed JSON", "submit", kind("submit", "malformed", after_create=True), AMBIGUOUS),
    Case("HTML error page", "submit", kind("submit", "html", status=502, after_create=True), AMBIGUOUS),
    Case("missing task id", "submit", kind("submit", "missing_id", after_create=True), AMBIGUOUS),
    # --- poll: idempotent, so transient faults are retried; a refusal stops polling but
    # keeps the remote id (resumable); the provider's own verdicts are final.
    Case("401", "poll", status("poll", 401), unknown("auth")),
    Case("403", "poll", status("poll", 403), unknown("auth", "model_forbidden")),
    Case("404 task", "poll", status("poll", 404, times=None), not_found_outcome),
    Case("429 with Retry-After", "poll", status("poll", 429, retry_after=7, times=2)),
    Case("429 without Retry-After", "poll", status("poll", 429, times=2)),
    Case("455/503 maintenance", "poll", maintenance("poll", times=2)),
    Case("500", "poll", status("poll", 500, times=2)),
    Case("502", "poll", status("poll", 502, times=2)),
    Case("504", "poll", status("poll", 504, times=2)),
    Case("reset mid-body", "poll", kind("poll", "reset", times=2)),
    Case("read timeout", "poll", kind("poll", "hang"), setup="read_timeout"),
    Case("malformed JSON", "poll", kind("poll", "malformed", times=2)),
    Case("HTML error page", "poll", kind("poll", "html", status=502, times=2)),
    Case("resultJson not JSON", "poll", kind("poll", "bad_result_json")),
    # Unreadable answers have a short retry budget (5): then the task needs a check and
    # frees its slot; the user resumes it.
    Case(
        "resultJson never JSON",
        "poll",
        kind("poll", "bad_result_json", times=None),
        Outcome("needs_check", "needs_check"),
    ),
    Case("unknown state string", "poll", kind("poll", "unknown_state", state="suspended", times=2)),
    Case("task failed", "poll", kind("poll", "fail"), failed("task_failed", created=1)),
    # --- download: the video exists and is paid for. Retried, resumed with Range; an
    # expired link is said to be one; a disk problem leaves it resumable.
    Case("truncated download", "download", kind("download", "truncated", times=2)),
    Case("reset mid-body", "download", kind("download", "reset", times=2)),
    Case("read timeout", "download", kind("download", "hang"), setup="read_timeout"),
    Case("429 with Retry-After", "download", status("download", 429, retry_after=7)),
    Case("500", "download", status("download", 500, times=2)),
    Case("503", "download", status("download", 503, times=2)),
    Case("HTML error page", "download", kind("download", "html", status=502)),
    Case(
        "expired result URL", "download", kind("download", "expired", times=None), failed("result_expired", created=1)
    ),
    Case("disk full", "download", outcome=unknown("disk_full"), setup="disk_full"),
    Case("unwritable output folder", "download", outcome=unknown("storage"), setup="unwritable"),
    # --- upload (a local image through kie's or Apikley's upload API): free, so retried;
    # a refused key fails the task before anything is sent or charged.
    Case("500", "upload", at_upload("status", status=500, times=2), setup="local_image", providers=UPLOADERS),
    Case("reset mid-body", "upload", at_upload("reset"), setup="local_image", providers=UPLOADERS),
    Case(
        "401",
        "upload",
        at_upload("status", status=401),
        failed("auth", submits=0),
        setup="local_image",
        providers=UPLOADERS,
    ),
]


def providers_for(index: int, case: Case) -> tuple[str, ...]:
    """Heavy run: every provider. Default run: two per row, rotating through the providers,
    so every row and every provider is exercised (the heavy run does every pairing)."""
    if heavy_enabled():
        return case.providers
    return tuple(case.providers[(index + step) % len(case.providers)] for step in (0, 2))


PARAMS = [
    pytest.param(case, provider, id=f"{provider}-{case.id}")
    for index, case in enumerate(CASES)
    for provider in providers_for(index, case)
]
ISSUE_4_FAULTS = {
    "401",
    "402",
    "403",
    "404 task",
    "422",
    "429 with Retry-After",
    "429 without Retry-After",
    "455/503 maintenance",
    "500",
    "502",
    "504",
    "connection refused",
    "reset mid-body",
    "read timeout",
    "malformed JSON",
    "HTML error page",
    "resultJson not JSON",
    "missing task id",
    "unknown state string",
    "truncated download",
    "expired result URL",
    "disk full",
    "unwritable output folder",
}


def in_words(message: str | None) -> bool:
    """Words for a person: a sentence or more, not an exception's repr or a traceback."""
    return (
        bool(message)
        and len(message) >= 20
        and " " in message
        and "Traceback" not in message
        and "Error(" not in message
        and "Exception" not in message
        and "<" not in message
    )


class Bench:
    """One engine as the app builds it, on the simulator, on virtual time."""

    def __init__(self, sim, root: Path, client: httpx.AsyncClient, *, output: Path | None = None) -> None:
        self.sim = sim
        self.root = root
        env = {PROVIDERS[p].env_var: KEYS[p] for p in PROVIDERS}
        settings = Settings(output_dir=str(output or root / "videos"), upload_routes={})
        self.engine = build_engine(
            DataPaths.at(root / "home"),
            settings,
            KeyStore(env=env),
            client,
            clock=sim.clock.now,
            sleep=self.sleep,
            poll_interval=10,
        )
        self.runner = self.engine.runner

    async def sleep(self, seconds: float) -> None:
        if seconds > 0:
            self.sim.advance(seconds)
        await asyncio.sleep(0)

    def create(self, provider: str, *, base_url: str, image: str = IMAGE_URL, route: str | None = None) -> str:
        spec = find_model(provider, *MODELS[provider])
        [task] = self.runner.create(
            [GenerationRequest(spec, PROMPT, image=image)], base_url=base_url, upload_route=route
        )
        return task.id

    async def close(self) -> None:
        await self.engine.close()


def closed_port_url() -> str:
    with socket.socket() as probe:  # free a moment ago, and nobody listens on it
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}"


def png(path: Path) -> str:
    Image.new("RGB", (800, 600), (30, 90, 160)).save(path)
    return str(path)


def fill_the_disk_under(store) -> Callable[[], None]:
    """When the task's video path is committed (before the first byte), its `.part` becomes
    a link to /dev/full: every write there fails with ENOSPC, as on a full disk."""
    made: list[Path] = []

    def on_change(event) -> None:
        task = event.task
        if task is not None and task.video_path and not made:
            part = Path(task.video_path + ".part")
            part.parent.mkdir(parents=True, exist_ok=True)
            os.symlink("/dev/full", part)
            made.append(part)

    unsubscribe = store.subscribe(on_change)

    def free_space() -> None:
        unsubscribe()
        for part in made:  # the owner's download renamed it to its own part name (services.lease)
            [link] = [p for p in partials(part.with_suffix("")) if p.is_symlink()]
            link.unlink()

    return free_space


@pytest.mark.parametrize("case, provider", PARAMS)
async def test_fault(simulator, tmp_path, caplog, case: Case, provider: str):
    caplog.set_level(logging.WARNING, logger="hailuo_desktop")
    timeout = httpx.Timeout(10.0, read=TINY_READ_TIMEOUT) if case.setup == "read_timeout" else 10.0
    async with loopback_client(timeout=timeout) as client:
        output = tmp_path / "a file, not a folder" / "videos" if case.setup == "unwritable" else None
        if output is not None:
            output.parent.write_text("in the way")
        benches = [Bench(simulator, tmp_path, client, output=output)]
        try:
            await run_case(benches, simulator, tmp_path, case, provider)
        finally:
            for bench in benches:
                await bench.close()
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == [], [r.getMessage() for r in errors]


async def run_case(benches: list[Bench], sim, tmp_path: Path, case: Case, provider: str) -> None:
    bench = benches[0]
    for fault in case.faults(provider):
        sim.faults.add(fault)
    free_space = fill_the_disk_under(bench.engine.store) if case.setup == "disk_full" else None
    base_url = closed_port_url() if case.setup == "refused" else sim.api_url
    image = png(tmp_path / "cat.png") if case.setup == "local_image" else IMAGE_URL
    task_id = bench.create(provider, base_url=base_url, image=image, route=UPLOAD_ROUTES.get(provider))
    final = await bench.runner.run(task_id)
    unspent = [fault for fault in sim.faults.pending() if fault.times is not None]
    assert unspent == [], "the fault never struck as often as it was armed"
    expected = case.expected(provider)
    codes = expected.code if isinstance(expected.code, tuple) else (expected.code,)
    assert final.state.value == expected.state and final.error_code in codes, final.error_message
    assert sim.stats.created[provider] == expected.created
    assert sim.stats.submits[provider] == expected.submits
    if final.state is TaskState.SUCCEEDED:
        assert Path(final.video_path).read_bytes()[4:8] == b"ftyp" and final.error_message is None
        return
    assert in_words(final.error_message), final.error_message
    if final.state is TaskState.UNKNOWN and final.remote_id:
        sim.faults.clear()
        resuming = await repaired(benches, case, free_space, tmp_path)
        await resumes_without_a_second_submit(resuming, sim, provider, final)


async def repaired(benches: list[Bench], case: Case, free_space, tmp_path: Path) -> Bench:
    """Do what the task's message told the user to do; the bench to resume with."""
    if free_space is not None:
        free_space()  # "Free some space, then resume the task"
    if case.setup != "unwritable":
        return benches[0]
    # "Choose another output folder in Settings, then resume the task": a new session.
    old = benches[0]
    await old.close()
    benches[0] = Bench(old.sim, tmp_path, old.engine.client, output=tmp_path / "another folder")
    return benches[0]


async def resumes_without_a_second_submit(bench: Bench, sim, provider: str, stopped) -> None:
    [final] = await bench.runner.resume_unfinished()
    assert final.id == stopped.id and final.state is TaskState.SUCCEEDED, final.error_message
    assert Path(final.video_path).read_bytes()[4:8] == b"ftyp"
    assert sim.stats.created[provider] == 1 and sim.stats.submits[provider] == 1


def test_the_matrix_covers_every_fault_of_issue_4(capsys):
    names = {case.fault for case in CASES}
    assert ISSUE_4_FAULTS <= names, sorted(ISSUE_4_FAULTS - names)
    every = sum(len(case.providers) for case in CASES)
    run = len(PARAMS)
    assert {param.values[1] for param in PARAMS} == set(PROVIDERS)
    with capsys.disabled():
        print(
            f"\n[issue 4] fault matrix: {len(PROVIDERS)} providers x {len(names)} faults "
            f"({len(ISSUE_4_FAULTS)} named in issue 4) at {len({c.op for c in CASES})} steps "
            f"({len(CASES)} rows) = {every} cases; {run} run here"
        )
