"""Runs the benchmarks, prints the table, saves it as benchmarks/RESULTS.md."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from . import download, finding, grid, gui_lag, media, memory, polling, startup, validation
from .report import Row, machine, markdown, readme_with_table, text_table

RESULTS = Path(__file__).with_name("RESULTS.md")
README = Path(__file__).parent.parent / "README.md"
DECISIONS = "## What was decided"  # RESULTS.md from this heading on is written by hand: kept
WHOLE_RUN = {str(n) for n in range(1, 10)}  # rows 1-9: only a run of every benchmark rewrites README's table


def _validation() -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="hailuo-bench-images-") as folder:
        return validation.measure(Path(folder))


BENCHMARKS: dict[str, Callable[[], list[Row]]] = {
    "validation": _validation,
    "gui": gui_lag.measure,
    "startup": startup.measure,
    "download": download.measure,
    "polling": polling.measure,
    "memory": memory.measure,
    "media": media.measure,
    "finding": finding.measure,
    "grid": grid.measure,
}


def run(names: list[str]) -> list[Row]:
    rows = []
    for name in names:
        started = time.perf_counter()
        print(f"running {name} ...", file=sys.stderr, flush=True)
        try:
            rows += BENCHMARKS[name]()
        except Exception as error:  # one broken benchmark must not hide the others' figures
            traceback.print_exc()
            rows.append(Row(name, "failed", "", None, "", None, f"{type(error).__name__}: {error}"))
        print(f"  {name}: {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    return rows


def summary(rows: list[Row]) -> str:
    met = [r.benchmark for r in rows if r.met]
    missed = [r.benchmark for r in rows if r.met is False]
    lines = [f"Goals met: {', '.join(met) or 'none'}.", f"Goals not met: {', '.join(missed) or 'none'}."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--only", help=f"comma-separated subset of: {', '.join(BENCHMARKS)}")
    parser.add_argument("--no-save", action="store_true", help=f"do not write {RESULTS.name}")
    args = parser.parse_args(argv)
    names = args.only.split(",") if args.only else list(BENCHMARKS)
    unknown = [n for n in names if n not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    info = machine()
    load_before = _load()
    rows = run(names)
    info["load"] = f"load average {load_before} before, {_load()} after"
    print(text_table(rows, info) + "\n" + summary(rows))
    if not args.no_save:
        save(rows, info)
    return 0


def save(rows: list[Row], info: dict[str, str], results: Path = RESULTS, readme: Path = README) -> None:
    """RESULTS.md gets the new table and notes; its hand-written sections from DECISIONS on
    (the figures behind each choice) are kept. A whole run also refreshes README's table."""
    kept = _decisions(results.read_text(encoding="utf-8")) if results.exists() else ""
    results.write_text("# Benchmark results\n\n" + markdown(rows, info) + "\n" + summary(rows) + kept, encoding="utf-8")
    print(f"saved {results}", file=sys.stderr)
    if {row.benchmark.split(".")[0] for row in rows} >= WHOLE_RUN and readme.exists():
        readme.write_text(readme_with_table(readme.read_text(encoding="utf-8"), rows, info), encoding="utf-8")
        print(f"updated the table in {readme}", file=sys.stderr)


def _decisions(text: str) -> str:
    at = text.find(DECISIONS)
    return "\n" + text[at:] if at >= 0 else ""


def _load() -> str:
    try:
        return "/".join(f"{value:.1f}" for value in os.getloadavg())
    except OSError:
        return "?"
