"""CLI commands about money and stuck tasks: `ledger`, `resume`, `give-up`.

Failures print one line on stderr (the reason and the next step) and exit non-zero, like
every other command.
"""

from __future__ import annotations

from datetime import date

TRUTH_COMMANDS = ("ledger", "resume", "give-up")


def add_truth_commands(commands) -> None:
    cmd = commands.add_parser("ledger", help="what was spent, per provider and day")
    cmd.add_argument("--since", metavar="YYYY-MM-DD", help="only days from this one on")
    cmd.add_argument("--csv", action="store_true", help="comma-separated values for a spreadsheet")
    cmd = commands.add_parser("resume", help="follow a stopped task again (needs a check, cancelled, unknown)")
    cmd.add_argument("task_ids", nargs="+", metavar="TASK_ID")
    cmd.add_argument("--poll-interval", type=float, metavar="SECONDS")
    cmd.add_argument("--json", action="store_true")
    cmd = commands.add_parser("give-up", help="stop following a task for good (the provider may still charge)")
    cmd.add_argument("task_ids", nargs="+", metavar="TASK_ID")


def cmd_ledger(args) -> int:
    from .cli_commands import _fail
    from .cli_media import _store
    from .services.ledger import as_csv, ledger_rows

    try:
        since = date.fromisoformat(args.since) if args.since else None
    except ValueError:
        return _fail(f"--since {args.since!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-11-30.", 2)
    with _store() as store:
        rows = ledger_rows(store, since=since)
    print(as_csv(rows) if args.csv else _table(rows), end="")
    return 0


def _table(rows) -> str:
    if not rows:
        return "Nothing was sent to a provider in this period.\n"
    lines = [
        (
            f"{'day':<10}  {'provider':<9} {'tasks':>5}  {'charged':>15}  {'open or unsure':>15}  "
            f"{'refunded/none':>15}  {'failed':>6}"
        )
    ]
    for r in rows:
        lines.append(
            f"{r.day:<10}  {r.provider:<9} {r.tasks:>5}  {_money(r.charged, r.unit):>15}  "
            f"{_money(r.unknown, r.unit):>15}  {_money(r.refunded, r.unit):>15}  {r.failed:>6}"
        )
    lines.append(
        "charged: the video was made (or the provider charges failures); open or unsure: still running, "
        "or may have been charged (answer lost, cancelled or stuck after sending); refunded/none: "
        "refused or given back."
    )
    return "\n".join(lines) + "\n"


def _money(amount: float, unit: str) -> str:
    if not amount:
        return "-"
    if unit == "usd":
        return f"${amount:,.2f}"
    return f"{amount:,.0f} credits" if unit == "credits" else f"{amount:g}"


async def cmd_give_up(args) -> int:
    from .cli_commands import _fail, _report_list, open_engine
    from .cli_words import error_text
    from .services.task_ids import TaskIdError, resolve_task_ids

    async with open_engine() as (engine, _):
        try:
            ids = resolve_task_ids(engine.store, args.task_ids)
        except TaskIdError as error:
            return _fail(error_text(error), 2)
        tasks = [await engine.runner.give_up(task_id) for task_id in ids]
    _report_list(tasks, False)
    return 0


async def cmd_resume(args) -> int:
    from .cli_commands import _fail, _report_list, open_engine
    from .cli_words import error_text
    from .domain.errors import InvalidRequest
    from .domain.states import TaskState
    from .services.task_ids import TaskIdError, resolve_task_ids

    async with open_engine(args.poll_interval) as (engine, _):
        try:
            ids = resolve_task_ids(engine.store, args.task_ids)
            handles = [engine.runner.resume(task_id) for task_id in ids]
        except (TaskIdError, InvalidRequest) as error:
            return _fail(error_text(error), 2)
        for handle in handles:
            await handle
        tasks = [engine.store.get(task_id) for task_id in ids]
    _report_list(tasks, args.json)
    return 0 if all(t.state is TaskState.SUCCEEDED for t in tasks) else 1
