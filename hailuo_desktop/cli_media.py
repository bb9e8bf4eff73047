"""CLI commands for finished takes: export, star, frame, continue, stitch.

The parsers are cheap to build; each handler imports the media core (PyAV) only when it
runs, so `hailuo-desktop --help` and the other commands stay quick. A TASK_ID may be a
unique prefix of at least 6 characters. Exit codes as in cli.py: 0 done, 2 refused before
anything was written or sent (one line on stderr: the reason and the next step); `continue`
also 1 when the new task did not make it, like `submit`.
"""

from __future__ import annotations

import asyncio
from contextlib import contextmanager
from pathlib import Path

MEDIA_COMMANDS = ("export", "star", "frame", "continue", "stitch")


def add_media_commands(commands, provider_ids: list[str]) -> None:
    _add_export(commands)
    _add_star(commands)
    _add_frame(commands)
    _add_continue(commands, provider_ids)
    _add_stitch(commands)


def _add_export(commands) -> None:
    cmd = commands.add_parser("export", help="copy finished takes out with readable names, tags and a JSON sidecar")
    cmd.add_argument("task_ids", nargs="+", metavar="TASK_ID")
    cmd.add_argument("--to", required=True, metavar="DIR", help="the folder to write into (created if missing)")
    cmd.add_argument(
        "--template", metavar="T", help="file name template (default {date}_{prompt:40}_{provider}_{model}_{n}.mp4)"
    )
    cmd.add_argument("--json", action="store_true")


def _add_star(commands) -> None:
    cmd = commands.add_parser("star", help="mark takes as keepers (--off to unmark)")
    cmd.add_argument("task_ids", nargs="+", metavar="TASK_ID")
    cmd.add_argument("--off", action="store_true")
    cmd.add_argument("--json", action="store_true")


def _add_frame(commands) -> None:
    cmd = commands.add_parser("frame", help="save one frame of a finished take as a full-size PNG")
    cmd.add_argument("task_id", metavar="TASK_ID")
    where = cmd.add_mutually_exclusive_group()
    where.add_argument("--at", type=float, metavar="SECONDS", help="the frame on screen at this time")
    where.add_argument("--last", action="store_true", help="the last frame (the default)")
    cmd.add_argument("--output", required=True, metavar="FILE.png")
    cmd.add_argument("--json", action="store_true")


def _add_continue(commands, provider_ids: list[str]) -> None:
    cmd = commands.add_parser("continue", help="a new take that starts from the last frame of TASK_ID")
    cmd.add_argument("task_id", metavar="TASK_ID")
    cmd.add_argument("--prompt", required=True)
    cmd.add_argument("--provider", choices=provider_ids, help="default: the take's own")
    cmd.add_argument("--model", help="default: the take's own")
    cmd.add_argument("--mode")
    cmd.add_argument("--duration", type=int, choices=(5, 6, 10))
    cmd.add_argument("--resolution")
    cmd.add_argument("--upload-route", choices=("kie_upload", "apikley_upload"))
    cmd.add_argument("--base-url")
    cmd.add_argument("--poll-interval", type=float, metavar="SECONDS")
    cmd.add_argument("--wait", action="store_true")
    cmd.add_argument("--json", action="store_true")


def _add_stitch(commands) -> None:
    cmd = commands.add_parser("stitch", help="join finished takes, in order, into one MP4 (no re-encoding)")
    cmd.add_argument("task_ids", nargs="+", metavar="TASK_ID")
    cmd.add_argument("--output", required=True, metavar="FILE.mp4")
    cmd.add_argument("--json", action="store_true")


# --- handlers ------------------------------------------------------------------------------
def _refusal(error) -> str:
    from .cli_words import error_text

    return error_text(error)


@contextmanager
def _store():
    from .cli_commands import _report_repairs
    from .services.home import DataPaths, data_home
    from .services.store import TaskStore

    store = TaskStore(DataPaths.at(data_home()).store)
    _report_repairs([], store)
    try:
        yield store
    finally:
        store.close()


def _refusals():
    """What a command refuses with, before it has written or sent anything (exit code 2)."""
    from .services.media import MediaError
    from .services.task_ids import TaskIdError

    return MediaError, TaskIdError


def _run(work) -> int:
    """Run `work()`; a typed refusal becomes one line on stderr (reason, next step) and exit 2."""
    from .cli_commands import _fail

    try:
        return work()
    except _refusals() as error:
        return _fail(_refusal(error), 2)


def cmd_export(args) -> int:
    from .cli_commands import _print_json
    from .services import media
    from .services.task_ids import resolve_task_ids

    def work() -> int:
        with _store() as store:
            tasks = [store.get(i) for i in resolve_task_ids(store, args.task_ids)]
        exported = media.export_takes(tasks, Path(args.to), args.template or media.DEFAULT_TEMPLATE)
        if args.json:
            _print_json([e.as_json() for e in exported])
        else:
            print("\n".join(str(e.video) for e in exported))
        return 0

    return _run(work)


def cmd_star(args) -> int:
    from .cli_commands import _print_json
    from .services.task_ids import resolve_task_ids

    def work() -> int:
        with _store() as store:
            tasks = [store.update(i, starred=not args.off) for i in resolve_task_ids(store, args.task_ids)]
        if args.json:
            _print_json([t.as_json() for t in tasks])
        else:
            print("\n".join(f"{t.id}  {'starred' if t.starred else 'not starred'}" for t in tasks))
        return 0

    return _run(work)


def cmd_frame(args) -> int:
    from .cli_commands import _print_json
    from .services import media
    from .services.task_ids import resolve_task_id

    def work() -> int:
        with _store() as store:
            task = store.get(resolve_task_id(store, args.task_id))
        video = media.video_of(task)
        output = Path(args.output)
        info = media.last_frame(video, output) if args.at is None else media.frame_at(video, args.at, output)
        facts = {
            "task_id": task.id,
            "path": str(info.path),
            "index": info.index,
            "seconds": round(info.seconds, 6),
            "width": info.width,
            "height": info.height,
        }
        if args.json:
            _print_json(facts)
        else:
            print(f"{info.path}  (frame {info.index} at {info.seconds:.3f} s, {info.width}x{info.height})")
        return 0

    return _run(work)


def cmd_stitch(args) -> int:
    from .cli_commands import _fail, _print_json
    from .services import media
    from .services.task_ids import resolve_task_ids

    if len(args.task_ids) < 2:
        return _fail("give at least two takes to stitch, in the order they should play.", 2)

    def work() -> int:
        with _store() as store:
            tasks = [store.get(i) for i in resolve_task_ids(store, args.task_ids)]
        exported = media.export_sequence(tasks, Path(args.output))
        info = media.probe(exported.video)
        if args.json:
            _print_json({**exported.as_json(), "takes": [t.id for t in tasks], **info.as_json()})
        else:
            print(f"{exported.video}  ({len(tasks)} takes, {info.frames} frames, {info.seconds:.3f} s)")
        return 0

    return _run(work)


async def cmd_continue(args) -> int:
    from .cli_commands import (
        REFUSED_BEFORE_SENDING,
        _drive,
        _fail,
        _report_one,
        open_engine,
    )
    from .cli_words import error_text
    from .domain.routes import UploadRoute
    from .domain.states import TaskState
    from .services.continuation import (
        Overrides,
        continue_shot,
        still_for_continuation,
        stills_dir,
    )
    from .services.home import DataPaths, data_home
    from .services.task_ids import resolve_task_id

    overrides = Overrides(
        provider=args.provider,
        model=args.model,
        mode=args.mode,
        duration=args.duration,
        resolution=args.resolution,
        upload_route=UploadRoute.parse(args.upload_route),
        base_url=args.base_url,
    )
    provider = args.provider
    try:
        async with open_engine(args.poll_interval) as (engine, _):
            parent = engine.store.get(resolve_task_id(engine.store, args.task_id))
            provider = provider or parent.provider
            await engine.require_keys({provider})  # refuse before storing anything
            folder = stills_dir(DataPaths.at(data_home()))
            still = await asyncio.to_thread(still_for_continuation, parent, folder)
            task = continue_shot(engine.runner, parent, args.prompt, still, overrides)
            task = await _drive(engine, task, wait=args.wait)
    except _refusals() as error:
        return _fail(_refusal(error), 2)
    except REFUSED_BEFORE_SENDING as error:
        return _fail(error_text(error, provider), 2)
    _report_one(task, args.json)
    if args.wait:
        return 0 if task.state is TaskState.SUCCEEDED else 1
    return 0 if task.state not in (TaskState.FAILED, TaskState.UNKNOWN) else 1
