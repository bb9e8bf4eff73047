"""What each CLI command does. The parser lives in cli.py."""

from __future__ import annotations

import asyncio
import getpass
import json
import logging
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager, contextmanager

from .cli_outcome import problem_line, task_line
from .cli_words import error_text
from .domain import catalog
from .domain.errors import (
    HailuoError,
    ImageRejected,
    InvalidRequest,
    KeyringUnavailable,
    MissingKey,
    UploadRouteMissing,
)
from .domain.request import GenerationRequest
from .domain.routes import UploadRoute
from .domain.states import TaskState
from .domain.task import Task
from .engine import build_engine
from .services.downloads import crash_point_from
from .services.fullcheck import full_verdict
from .services.home import DataPaths, data_home
from .services.http_client import build_http_client
from .services.imagecheck import check_image
from .services.lease import HeldPolicy
from .services.logs import setup_logging
from .services.proxy_secret import client_settings
from .services.secrets import KeyStore
from .services.settings import SettingsStore
from .services.store import TaskStore

REFUSED_BEFORE_SENDING = (InvalidRequest, ImageRejected, UploadRouteMissing, MissingKey, catalog.CatalogError)
LOG_LEVEL_ENV = "HAILUO_DESKTOP_LOG_LEVEL"  # e.g. DEBUG; the log file is under the data home


def _print_json(value) -> None:
    print(json.dumps(value, indent=2, ensure_ascii=False))


def _fail(message: str, code: int) -> int:
    print(f"hailuo-desktop: {message}", file=sys.stderr)
    return code


# --- validate ------------------------------------------------------------------------
def cmd_validate(args) -> int:
    try:
        spec = catalog.find_model(args.provider, args.model, args.mode)
    except catalog.CatalogError as e:
        return _fail(error_text(e, args.provider), 2)
    rules = catalog.provider(args.provider).image_rules
    check = check_image if args.quick else full_verdict
    # Decoders release the GIL: a few images are checked at once, in the order given.
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        verdicts = list(pool.map(lambda path: check(path, rules), args.images))
    if args.json:
        _print_json([v.as_json() for v in verdicts])
    else:
        _print_verdicts(verdicts, spec)
    refused = sum(not v.ok for v in verdicts)
    if refused:
        return _fail(
            f"{refused} of {len(verdicts)} image(s) would be refused (reasons above); "
            "replace or fix them, then run validate again.",
            1,
        )
    return 0


def _print_verdicts(verdicts, spec) -> None:
    print(f"{catalog.provider(spec.provider).name} · {spec.label}")
    for v in verdicts:
        f = v.facts
        size = f"{f.width}×{f.height} {f.format}" if f.width else (f.format or "?")
        print(f"{'ok  ' if v.ok else 'FAIL'}  {f.path}  ({size})")
        for p in v.problems:
            print(f"      - {p.message}")


# --- shared set-up ---------------------------------------------------------------------
@contextmanager
def logging_to(paths: DataPaths, key_store: KeyStore):
    """The same redacting log file as the window's, at $HAILUO_DESKTOP_LOG_LEVEL (INFO)."""
    level = logging.getLevelName(os.environ.get(LOG_LEVEL_ENV, "INFO").strip().upper())
    handler = setup_logging(paths, level if isinstance(level, int) else logging.INFO, secrets=key_store.known_keys)
    try:
        yield
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()


def _report_repairs(notes: list[str], store: TaskStore | None = None) -> None:
    """A damaged settings file or task database was set aside: say so, and where it went."""
    corruption = getattr(store, "corruption", None)
    for note in ([corruption.message] if corruption else []) + list(notes):
        print(f"hailuo-desktop: {note}", file=sys.stderr)


@asynccontextmanager
async def open_engine(poll_interval: float | None = None, held: HeldPolicy = HeldPolicy.WAIT):
    paths = DataPaths.at(data_home())
    key_store = KeyStore(env=os.environ)
    with logging_to(paths, key_store):
        settings_store = SettingsStore(paths.settings)
        settings = settings_store.load()
        async with build_http_client(await client_settings(key_store, settings_store, settings)) as client:
            engine = build_engine(
                paths,
                settings,
                key_store,
                client,
                poll_interval=poll_interval,
                held=held,
                crash_point=crash_point_from(os.environ),
            )
            _report_repairs(settings_store.warnings + engine.repairs())
            try:
                yield engine, settings
            finally:
                await engine.close()


# --- submit ----------------------------------------------------------------------------
def _request_from_args(args) -> GenerationRequest:
    image = args.image_url or args.image
    kind = "i2v" if image else None
    spec = catalog.find_model(args.provider, args.model, args.mode, kind=kind)
    duration, resolution = args.duration, args.resolution
    if args.model is None and duration is None and resolution is None:
        _, duration, resolution = catalog.default_preset(args.provider)
    return GenerationRequest(
        spec,
        args.prompt,
        image=image,
        end_image=args.end_image,
        duration=duration,
        resolution=resolution.upper() if resolution else None,
        prompt_optimizer=False if args.no_prompt_optimizer else None,
    )


async def cmd_submit(args) -> int:
    if args.image and args.image_url:
        return _fail("give either IMAGE or --image-url, not both", 2)
    try:
        request = _request_from_args(args)
        async with open_engine(args.poll_interval) as (engine, _):
            route = UploadRoute.parse(args.upload_route)
            # the keys are checked before anything is stored; --wait or not, this process drives it
            [task] = await engine.submit([request], base_url=args.base_url, upload_route=route, start=False)
            task = await _drive(engine, task, wait=args.wait)
    except REFUSED_BEFORE_SENDING as e:
        return _fail(error_text(e, args.provider), 2)
    _report_one(task, args.json)
    made_it = task.state is TaskState.SUCCEEDED or (
        not args.wait and task.remote_id is not None and task.state not in (TaskState.FAILED, TaskState.UNKNOWN)
    )
    if made_it:
        return 0
    return _fail(problem_line([task], engine.runner.pauses.paused()) or task_line(task), 1)


async def _drive(engine, task: Task, *, wait: bool) -> Task:
    """Run the task to the end, or (without --wait) only until the provider has it."""
    if wait:
        return await engine.runner.run(task.id)
    submitted = asyncio.Event()

    def on_change(event) -> None:
        if event.task_id == task.id and event.task is not None and (event.task.remote_id or event.task.state.is_final):
            submitted.set()

    unsubscribe = engine.store.subscribe(on_change)
    running = asyncio.ensure_future(engine.runner.run(task.id))
    try:
        await asyncio.wait({running, asyncio.ensure_future(submitted.wait())}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        unsubscribe()
        if not running.done():
            running.cancel()  # `wait` picks the task up later, like after any stop
            await asyncio.gather(running, return_exceptions=True)
    return engine.store.get(task.id)


# --- tasks / wait ------------------------------------------------------------------------
def _task_line(t: Task) -> str:
    where = t.video_path or t.error_message or ""
    return f"{t.id}  {t.state.value:<11} {t.provider}/{t.model}  {where}"


def _report_one(task: Task, as_json: bool) -> None:
    print(json.dumps(task.as_json(), indent=2, ensure_ascii=False) if as_json else _task_line(task))


def _report_list(tasks: list[Task], as_json: bool) -> None:
    if as_json:
        _print_json([t.as_json() for t in tasks])
    else:
        print("\n".join(_task_line(t) for t in tasks) if tasks else "No tasks.")


def cmd_tasks(args) -> int:
    paths = DataPaths.at(data_home())
    store = TaskStore(paths.store)
    _report_repairs([], store)
    try:
        _report_list(store.list(), args.json)
    finally:
        store.close()
    return 0


async def cmd_wait(args) -> int:
    """Every unfinished task nobody else works; those a running window holds are left to it."""
    async with open_engine(args.poll_interval, held=HeldPolicy.SKIP) as (engine, _):
        resumed = await engine.runner.resume_unfinished()
        left = engine.runner.left_to_others
        paused = engine.runner.pauses.paused()
        _raise_a_crash(engine.runner.crashed)
    finished = [t for t in resumed if t.id not in left]
    _report_list(finished, args.json)
    if left:
        print(
            f"hailuo-desktop: {len(left)} unfinished task(s) are being worked by another Hailuo Desktop process "
            "(a window); left to it. Run `hailuo-desktop wait` again once it is closed.",
            file=sys.stderr,
        )
    line = problem_line(finished, paused)
    return _fail(line, 1) if line else 0


def _raise_a_crash(crashed: dict) -> None:
    """A job that stopped on an error (a full disk...) ends the command with its reason."""
    for error in crashed.values():
        if isinstance(error, HailuoError):
            raise error
    if crashed:
        raise next(iter(crashed.values()))


# --- key ---------------------------------------------------------------------------------
def _read_secret(provider_id: str) -> str:
    if sys.stdin.isatty():
        return getpass.getpass(f"{catalog.provider(provider_id).name} API key (not shown): ").strip()
    return sys.stdin.readline().strip()


async def cmd_key(args) -> int:
    keys = KeyStore(env=os.environ)
    name = catalog.provider(args.provider).name
    try:
        if args.action == "set":
            secret = _read_secret(args.provider)
            if not secret:
                return _fail("no key given (type it at the prompt, or pipe it on standard input)", 2)
            status = await keys.set(args.provider, secret)
            print(f"{name}: {status.message}")
        elif args.action == "delete":
            status = await keys.delete(args.provider)
            print(f"{name}: {status.message}")
        else:
            status = await keys.status(args.provider)
            print(f"{name}: {status.message}")
    except (KeyringUnavailable, InvalidRequest) as e:
        return _fail(error_text(e, args.provider), 1)
    return 0
