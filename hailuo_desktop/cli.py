"""The command line: the scripting contract, and the entry point that opens the window.

Every command drives the same engine as the window (see engine.py). Exit codes: 0 success,
1 a task or image did not make it, 2 a usage error or input refused before sending.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys

from . import __version__
from .cli_media import MEDIA_COMMANDS, add_media_commands
from .cli_truth import TRUTH_COMMANDS, add_truth_commands
from .domain import catalog
from .domain.errors import HailuoError
from .domain.routes import UploadRoute

PROVIDER_IDS = list(catalog.PROVIDERS)
COMMANDS = ("validate", "submit", "tasks", "wait", "key", "simulator", *MEDIA_COMMANDS, *TRUTH_COMMANDS)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hailuo-desktop",
        description=(
            "Animate images into short videos with MiniMax Hailuo models. With no command, opens the window; "
            "`hailuo-desktop IMAGE...` opens it with those images (or hands them to the window already open)."
        ),
    )
    parser.add_argument("--version", action="version", version=f"hailuo-desktop {__version__}")
    parser.add_argument("--demo", action="store_true", help="open the window on the built-in simulator (no key needed)")
    commands = parser.add_subparsers(dest="command")
    _add_validate(commands)
    _add_submit(commands)
    _add_tasks(commands)
    _add_wait(commands)
    _add_key(commands)
    _add_simulator(commands)
    add_media_commands(commands, PROVIDER_IDS)
    add_truth_commands(commands)
    return parser


def _add_model_options(cmd, *, provider_default: str | None = "apixo") -> None:
    cmd.add_argument("--provider", choices=PROVIDER_IDS, default=provider_default)
    cmd.add_argument("--model", help="the provider's native model id (default: its cheapest image-to-video preset)")
    cmd.add_argument("--mode", help="APIXO's mode, e.g. standard-image-to-video")


def _add_validate(commands) -> None:
    cmd = commands.add_parser("validate", help="check images against a provider's rules")
    cmd.add_argument("images", nargs="+", metavar="IMAGE")
    _add_model_options(cmd)
    cmd.add_argument(
        "--quick", action="store_true", help="read the headers only (instant), without decoding every pixel"
    )
    cmd.add_argument("--json", action="store_true")


def _add_submit(commands) -> None:
    cmd = commands.add_parser("submit", help="create one generation task")
    cmd.add_argument("image", nargs="?", metavar="IMAGE")
    cmd.add_argument("--image-url", help="a public image URL instead of a local file")
    cmd.add_argument("--end-image", help="last frame (Hailuo 02 models): a local file or URL")
    cmd.add_argument("--prompt", required=True)
    _add_model_options(cmd)
    cmd.add_argument("--duration", type=int, choices=(5, 6, 10))
    cmd.add_argument("--resolution", help="e.g. 768P or 1080P")
    cmd.add_argument("--no-prompt-optimizer", action="store_true")
    cmd.add_argument(
        "--upload-route",
        choices=[route.value for route in UploadRoute.upload_routes()],
        help="how a local image reaches APIXO or API in One (they have no upload API)",
    )
    cmd.add_argument("--base-url", help="replace the provider's origin, e.g. the simulator's URL")
    cmd.add_argument("--poll-interval", type=float, metavar="SECONDS")
    cmd.add_argument("--wait", action="store_true", help="return when the task is final")
    cmd.add_argument("--json", action="store_true")


def _add_tasks(commands) -> None:
    cmd = commands.add_parser("tasks", help="list tasks")
    cmd.add_argument("--json", action="store_true")


def _add_wait(commands) -> None:
    cmd = commands.add_parser("wait", help="resume every unfinished task to the end")
    cmd.add_argument("--poll-interval", type=float, metavar="SECONDS")
    cmd.add_argument("--json", action="store_true")


def _add_key(commands) -> None:
    cmd = commands.add_parser("key", help="store, delete or inspect a provider key (OS keyring)")
    cmd.add_argument("action", choices=("set", "delete", "status"))
    cmd.add_argument("provider", choices=PROVIDER_IDS)


def _add_simulator(commands) -> None:
    cmd = commands.add_parser("simulator", help="run the loopback provider simulator")
    cmd.add_argument("--host", default="127.0.0.1")
    cmd.add_argument("--port", type=int, default=0)
    cmd.add_argument("--time-scale", type=float, default=1.0, help="multiply task durations (0.01 = 100x faster)")
    cmd.add_argument("--seed", type=int, default=0)
    cmd.add_argument("--manual-clock", action="store_true", help="time moves only via POST /_sim/advance")


def window_launch(argv: list[str]) -> argparse.Namespace | None:
    """`hailuo-desktop [--demo] [IMAGE...]` (open-with, the menu entry's %F): the window's
    arguments, or None when argv names a command (or asks for help or the version)."""
    first = next((arg for arg in argv if not arg.startswith("-")), None)
    if first in COMMANDS or any(arg in ("-h", "--help", "--version") for arg in argv):
        return None
    parser = argparse.ArgumentParser(prog="hailuo-desktop")
    parser.add_argument("--demo", action="store_true")
    parser.add_argument("images", nargs="*", metavar="IMAGE")
    return parser.parse_intermixed_args(argv)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    window = window_launch(argv)
    if window is not None:
        from .app import run_app  # Qt is imported only when the window is wanted

        return run_app(argv, demo=window.demo, images=window.images)
    args = build_parser().parse_args(argv)
    if args.command == "simulator":
        from .simulator.cli import run

        return run(args.host, args.port, time_scale=args.time_scale, seed=args.seed, manual_clock=args.manual_clock)
    from . import cli_commands, cli_media, cli_truth

    name = f"cmd_{args.command.replace('-', '_')}"
    handler = getattr(cli_commands, name, None) or getattr(cli_media, name, None) or getattr(cli_truth, name)
    # A log file on a full disk must not print tracebacks: the command says what went wrong itself.
    logging.raiseExceptions = False
    try:
        return asyncio.run(handler(args)) if asyncio.iscoroutinefunction(handler) else handler(args)
    except HailuoError as error:  # anything the command did not word itself: one line, reason and next step
        from .cli_words import error_text

        print(f"hailuo-desktop: {error_text(error)}", file=sys.stderr)
        return 1
    except Exception as error:  # noqa: BLE001 - a bug: still one line (the type only: a message could hold a key)
        print(
            f"hailuo-desktop: unexpected error ({type(error).__name__}) in `{args.command}`. Report it with the "
            "log file (under the data folder's logs); your tasks are safe.",
            file=sys.stderr,
        )
        return 1
    except KeyboardInterrupt:
        print("Interrupted: unfinished tasks are kept; run `hailuo-desktop wait` to finish them.", file=sys.stderr)
        return 130
