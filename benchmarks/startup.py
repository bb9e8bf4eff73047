"""3. Start-up: time to a shown, interactive window with 10,000 tasks in the store, against a bare PySide6 window.

Each run is a fresh process (python -m benchmarks.window_child startup), timed from just
before it is spawned to the moment it reports the window painted and its event loop free
again (both ends read CLOCK_MONOTONIC), so interpreter start, imports, opening the
store, the task model and the first paint all count. The reference is a bare PySide6
window timed the same way (a fresh process: QApplication + an empty QMainWindow shown);
the app on an empty store is timed too, for the note. One warm-up run of each first
(page cache, .pyc files), then `runs` of each, alternating; the medians count.

The children write and read their bytecode in a cache of their own (PYTHONPYCACHEPREFIX),
even when the caller runs with PYTHONDONTWRITEBYTECODE: an installed app has its .pyc files
(pip compiles them), so compiling every module on every start is not the app's start-up.
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

RATIO_GOAL = 2.0  # against the bare window


def time_to_window(home: Path | None, bytecode: Path | None = None) -> tuple[float, int]:
    """(seconds from spawn to an interactive window, rows listed) for one fresh process;
    `home` None: the bare PySide6 window; `bytecode`: the children's .pyc cache."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if bytecode is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(bytecode)
    what = ["bare-window"] if home is None else ["startup", "--home", str(home)]
    started = time.monotonic()
    child = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.window_child", *what],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
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
        bytecode = root / "pycache"
        for home in (None, empty, full):  # warm-up: page cache, bytecode
            time_to_window(home, bytecode)
        bare_times, empty_times, full_times = [], [], []
        for _ in range(runs):
            bare_times.append(time_to_window(None, bytecode)[0])
            empty_times.append(time_to_window(empty, bytecode)[0])
            seconds, rows = time_to_window(full, bytecode)
            full_times.append(seconds)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return [_row(tasks, rows, bare_times, empty_times, full_times)]


def _row(tasks: int, rows: int, bare_times: list[float], empty_times: list[float], full_times: list[float]) -> Row:
    loaded, bare, empty = median(full_times), median(bare_times), median(empty_times)
    ratio = loaded / bare
    note = (
        f"fresh process per run, offscreen, window built as app.py builds it, after what run_app does first "
        f"(single-instance claim, translations, proxy password); bytecode cached, as installed; reference: a bare PySide6 "
        f"window (QApplication + empty QMainWindow shown) timed the same way; medians of {len(full_times)} "
        f"runs after one warm-up, alternating; {rows} rows listed. With tasks: "
        f"{', '.join(ms(t) for t in full_times)}; bare window: {', '.join(ms(t) for t in bare_times)}; "
        f"the app on an empty store: median {ms(empty)} ({loaded / empty:.2f}× for {tasks:,} tasks). "
        f"Best {ms(min(full_times))} vs bare {ms(min(bare_times))}."
    )
    return Row(
        f"3. Start-up, {tasks:,} tasks",
        ms(loaded),
        f"bare PySide6 window {ms(bare)}",
        ratio,
        "≤ 2× bare window",
        ratio <= RATIO_GOAL,
        note,
    )
