"""3. Start-up: time to a shown, interactive window with 10,000 tasks in the store, against an empty store.

Each run is a fresh process (python -m benchmarks.window_child startup), timed from just
before it is spawned to the moment it reports the window painted and its event loop free
again (both ends read CLOCK_MONOTONIC), so interpreter start, imports, opening the
store, the task model and the first paint all count. One warm-up run of each first
(page cache, .pyc files), then `runs` of each, alternating; the medians count.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from hailuo_desktop.services.home import DataPaths

from .report import Row, median, ms
from .seeding import fill_store, thumbnail_sources

SECONDS_GOAL = 1.0
RATIO_GOAL = 1.2


def time_to_window(home: Path) -> tuple[float, int]:
    """(seconds from spawn to an interactive window, rows listed) for one fresh process."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = time.monotonic()
    child = subprocess.Popen([sys.executable, "-m", "benchmarks.window_child", "startup", "--home", str(home)],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    try:
        for line in child.stdout:
            if line.startswith("READY "):
                ready, rows = line.split()[1:3]
                return float(ready) - started, int(rows.removeprefix("rows="))
        raise RuntimeError("the window child ended without showing the window")
    finally:
        child.stdout.close()
        try:
            child.wait(timeout=60)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def prepare(root: Path, tasks: int, images: int = 500) -> tuple[Path, Path]:
    empty, full = root / "empty", root / "full"
    DataPaths.at(empty)
    fill_store(DataPaths.at(full).store, tasks, thumbnail_sources(root / "images", images))
    return empty, full


def measure(*, tasks: int = 10_000, runs: int = 7, images: int = 500) -> list[Row]:
    root = Path(tempfile.mkdtemp(prefix="hailuo-bench-startup-"))
    try:
        empty, full = prepare(root, tasks, images)
        time_to_window(empty), time_to_window(full)  # warm-up: page cache, bytecode, settings files
        empty_times, full_times = [], []
        for _ in range(runs):
            empty_times.append(time_to_window(empty)[0])
            seconds, rows = time_to_window(full)
            full_times.append(seconds)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return [_row(tasks, rows, empty_times, full_times)]


def _row(tasks: int, rows: int, empty_times: list[float], full_times: list[float]) -> Row:
    loaded, bare = median(full_times), median(empty_times)
    ratio = loaded / bare
    note = (f"fresh process per run, offscreen, window built as app.py builds it (app.py has no start-and-quit "
            f"switch); medians of {len(full_times)} runs after one warm-up; {rows} rows listed. "
            f"Runs with tasks: {', '.join(ms(t) for t in full_times)}; empty: {', '.join(ms(t) for t in empty_times)}; "
            f"best {ms(min(full_times))} vs {ms(min(empty_times))}.")
    return Row(f"3. Start-up, {tasks:,} tasks", ms(loaded), f"empty store {ms(bare)}", ratio,
               "< 1 s and < 1.2× empty", loaded < SECONDS_GOAL and ratio < RATIO_GOAL, note)
