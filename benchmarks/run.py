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
from .report import Row, machine, markdown, text_table

RESULTS = Path(__file__).with_name("RESULTS.md")


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
        RESULTS.write_text("# Benchmark results\n\n" + markdown(rows, info) + "\n" + summary(rows), encoding="utf-8")
        print(f"saved {RESULTS}", file=sys.stderr)
    return 0


def _load() -> str:
    try:
        return "/".join(f"{value:.1f}" for value in os.getloadavg())
    except OSError:
        return "?"
