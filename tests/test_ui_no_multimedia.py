"""Degrade, don't die: on a machine without QtMultimedia's system libraries the window starts
and the preview says why it cannot play, with "Open video".

The check runs in a child Python whose sitecustomize (tests/no_multimedia/) makes
`import PySide6.QtMultimedia` fail as a missing libpulse does; the window and everything
behind it are the real ones."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
BLOCKER = HERE / "no_multimedia"


def test_the_window_starts_without_qtmultimedia_and_offers_open_video():
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(BLOCKER), str(HERE.parent)])}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", str(BLOCKER / "window_without_multimedia.py")],
        cwd=HERE.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "1 passed" in done.stdout


def test_the_blocker_really_blocks(tmp_path):
    """The child above pretends well: QtMultimedia fails to import there, with libpulse's words."""
    env = {**os.environ, "PYTHONPATH": str(BLOCKER)}
    done = subprocess.run(
        [sys.executable, "-c", "import PySide6.QtMultimedia"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode != 0 and "libpulse.so.0" in done.stderr
