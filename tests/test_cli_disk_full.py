"""`hailuo-desktop wait` on a full disk: one stderr line that says so, and after space is freed
every task finishes with nothing lost or sent twice. The disk is a real, small tmpfs in a
private mount namespace (`unshare -Urm`), filled to ENOSPC."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

REPO = Path(__file__).resolve().parent.parent


def namespaces_work() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-Urm", "true"], capture_output=True, check=False)
    return probe.returncode == 0


@pytest.mark.skipif(not namespaces_work(), reason="needs user and mount namespaces (unshare -Urm) for a tmpfs")
def test_wait_on_a_full_disk_says_so_then_finishes_everything(tmp_path):
    image = tmp_path / "photo.png"
    Image.new("RGB", (640, 480), (200, 120, 40)).save(image)
    mount = tmp_path / "disk"
    mount.mkdir()
    env = dict(os.environ, PYTHONPATH=str(REPO))
    run = subprocess.run(
        ["unshare", "-Urm", sys.executable, "-m", "tests.disk_full_run", str(mount), str(image)],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert report["submitted"] == [0, 0, 0]

    full = report["full"]
    lines = full["stderr"].strip().splitlines()
    assert full["rc"] != 0
    assert len(lines) == 1, full["stderr"]
    assert "disk holding the task database is full" in lines[0]
    assert "Free some space, then run `hailuo-desktop wait`" in lines[0]

    freed = report["freed"]
    assert freed["rc"] == 0, freed["stderr"]
    assert [t["state"] for t in freed["tasks"]] == ["succeeded"] * 3
    assert set(report["videos"].values()) == {"ftyp"} and len(report["videos"]) == 3
    assert report["submits"] == 3  # nothing was sent twice
