"""6. Memory: RSS of the window with 10,000 tasks listed, against the bare process after importing Qt.

The child opens the real window on a store of `tasks` finished tasks (500 distinct source
images, more than the list's thumbnail cache keeps), exposes every row, scrolls the list
from top to bottom painting each page (thumbnails load lazily for painted rows), waits
for the thumbnails in flight, then reads VmRSS. The reference is another fresh process
that only imports QtWidgets and creates the QApplication.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .report import Row, mb
from .startup import prepare

MB = 2**20
RSS_GOAL = 300 * MB


def _child(*args: str) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.window_child", *args], capture_output=True, text=True, env=env, timeout=600
    )
    if done.returncode != 0:
        raise RuntimeError(f"the window child failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(*, tasks: int = 10_000, images: int = 500) -> list[Row]:
    root = Path(tempfile.mkdtemp(prefix="hailuo-bench-memory-"))
    try:
        _, full = prepare(root, tasks, images)
        listed = _child("memory", "--home", str(full))
        bare = _child("qt-only")
    finally:
        shutil.rmtree(root, ignore_errors=True)
    note = (
        f"{listed['total']:,} tasks in the model, {listed['rows']:,} rows exposed and scrolled through; "
        f"{listed['loaded_tasks']} Task objects cached, {listed['thumbnails']} thumbnails kept; peak RSS "
        f"{mb(listed['peak'])}. Reference: python + QtWidgets imported + QApplication."
    )
    return [
        Row(
            f"6. Memory, {tasks:,} tasks listed",
            f"RSS {mb(listed['rss'])}",
            f"Qt alone {mb(bare['rss'])}",
            listed["rss"] / bare["rss"],
            "< 300 MB",
            listed["rss"] < RSS_GOAL,
            note,
        )
    ]
