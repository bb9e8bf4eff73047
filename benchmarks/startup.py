"""3. Start-up: first paint with 10,000 tasks in the store, against a bare PySide6 window; and ready.

Each run is a fresh process (python -m benchmarks.window_child startup), timed from just
before it is spawned (both ends read CLOCK_MONOTONIC) to two moments it reports:
- first paint: the window shown with its task list painted with rows (the 10,000-task store's
  first screenful; any paint for an empty store) and the event loop free again (one idle turn);
- ready: the engine built and the window's buttons working (a session that builds its engine
  on a thread of its own after the first paint: when its link reports it built; one that builds
  it before its window: the first paint), plus one idle turn.
So interpreter start, imports, opening the store, the task model and the first paint all count.
The reference is a bare PySide6 window timed the same way (a fresh process: QApplication + an
empty QMainWindow shown, to its first paint plus one idle turn); the app on an empty store is
timed too, for the note, and so is the main window alone on the same store (window_child
window-alone: no engine, controller, workspace or notifier), as a bound on what building those
after the first paint could reach. One warm-up run of each first (page cache, .pyc files), then `runs` of
each, alternating; the medians count. The row's figure is the first paint; the note gives ready.

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
from dataclasses import dataclass
from pathlib import Path

from hailuo_desktop.services.home import DataPaths

from .report import Row, median, ms
from .seeding import fill_store, thumbnail_sources

RATIO_GOAL = 2.0  # against the bare window


@dataclass(frozen=True)
class Start:
    """One fresh process: seconds from spawn to the first paint and to ready; rows in the model
    and on screen at the first paint."""

    first: float
    ready: float
    rows: int
    shown: int


def time_to_window(home: Path | None, bytecode: Path | None = None, *, alone: bool = False) -> Start:
    """One fresh process; `home` None: the bare PySide6 window (ready = its first paint); `alone`:
    the main window alone on `home` (window_child window-alone; ready = its first paint);
    `bytecode`: the children's .pyc cache."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if bytecode is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(bytecode)
    what = ["bare-window"] if home is None else ["window-alone" if alone else "startup", "--home", str(home)]
    first_only = home is None or alone
    started = time.monotonic()
    child = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.window_child", *what],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    first: tuple[float, int, int] | None = None
    try:
        for line in child.stdout:
            if line.startswith("FIRST "):
                painted, rows, shown = line.split()[1:4]
                first = (float(painted) - started, int(rows.removeprefix("rows=")), int(shown.removeprefix("shown=")))
                if first_only:
                    return Start(first[0], first[0], first[1], first[2])
            elif line.startswith("READY ") and first is not None:
                return Start(first[0], float(line.split()[1]) - started, first[1], first[2])
        raise RuntimeError("the window child ended without painting the window and reporting it ready")
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
        time_to_window(full, bytecode, alone=True)
        bare: list[Start] = []
        with_empty: list[Start] = []
        with_tasks: list[Start] = []
        alone: list[Start] = []
        for _ in range(runs):
            bare.append(time_to_window(None, bytecode))
            with_empty.append(time_to_window(empty, bytecode))
            with_tasks.append(time_to_window(full, bytecode))
            alone.append(time_to_window(full, bytecode, alone=True))
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return [_row(tasks, bare, with_empty, with_tasks, alone)]


def _row(tasks: int, bare: list[Start], with_empty: list[Start], with_tasks: list[Start], alone: list[Start]) -> Row:
    first, ready = median([s.first for s in with_tasks]), median([s.ready for s in with_tasks])
    reference = median([s.first for s in bare])
    empty_first, empty_ready = median([s.first for s in with_empty]), median([s.ready for s in with_empty])
    last = with_tasks[-1]
    note = (
        f"fresh process per run, offscreen, window built as app.py builds it, after what run_app does first "
        f"(single-instance claim, translations, proxy password); bytecode cached, as installed; reference: a bare PySide6 "
        f"window (QApplication + empty QMainWindow shown, to its first paint) timed the same way; medians of "
        f"{len(with_tasks)} runs after one warm-up, alternating. First paint = the window shown with its task list "
        f"painted ({last.rows} rows listed, {last.shown} on screen) and the loop idle: {ms(first)} "
        f"({', '.join(ms(s.first) for s in with_tasks)}). Ready = the engine built and the buttons working: "
        f"median {ms(ready)}, {ready / reference:.2f}× the bare window ({', '.join(ms(s.ready) for s in with_tasks)}). "
        f"Bare window: {', '.join(ms(s.first) for s in bare)}. The app on an empty store: first paint {ms(empty_first)}, "
        f"ready {ms(empty_ready)} ({first / empty_first:.2f}× first paint for {tasks:,} tasks). "
        f"Best first paint {ms(min(s.first for s in with_tasks))} vs bare {ms(min(s.first for s in bare))}. "
        f"Not the app, a bound: the main window alone on the same store (compose, list, detail; no engine or its "
        f"imports, no controller, workspace or notifier) paints its list in {ms(median([s.first for s in alone]))} "
        f"({median([s.first for s in alone]) / reference:.2f}× the bare window)."
    )
    ratio = first / reference
    return Row(
        f"3. Start-up, {tasks:,} tasks (first paint)",
        ms(first),
        f"bare PySide6 window {ms(reference)}",
        ratio,
        "≤ 2× bare window",
        ratio <= RATIO_GOAL,
        note,
    )
