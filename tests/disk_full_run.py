"""Run inside a private mount namespace (`unshare -Urm`) by tests/test_cli_disk_full.py: the
data home lives on a small tmpfs that this script fills up, like a real full disk.

Prints one JSON object: what `wait` said on the full disk, and after the space was freed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from hailuo_desktop.simulator.server import SimConfig
from hailuo_desktop.simulator.thread import SimulatorThread

KEY = "sk-test-disk-full-key"


def cli(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.endswith("_API_KEY")}
    env.update(HAILUO_DESKTOP_HOME=str(home), KIE_API_KEY=KEY)
    return subprocess.run(
        [sys.executable, "-m", "hailuo_desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def fill(folder: Path) -> Path:
    """Write zeros until the disk says ENOSPC; the file that holds them."""
    filler = folder / "filler.bin"
    with open(filler, "wb") as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        except OSError:
            pass
    return filler


def main(mount: str, image: str) -> None:
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", mount], check=True)
    home = Path(mount) / "home"
    with SimulatorThread(SimConfig(seed=4, time_scale=0.002)) as sim:
        submitted = [
            cli(
                home, "submit", image, "--prompt", f"take {n}", "--provider", "kie", "--base-url", sim.api_url, "--json"
            )
            for n in range(3)
        ]
        filler = fill(Path(mount))
        full = cli(home, "wait", "--poll-interval", "0.05")
        filler.unlink()  # the user frees some space
        freed = cli(home, "wait", "--poll-interval", "0.05", "--json")
        tasks = json.loads(freed.stdout) if freed.returncode == 0 else []
        videos = {t["id"]: Path(t["video_path"]).read_bytes()[4:8].decode() for t in tasks if t["video_path"]}
        print(
            json.dumps(
                {
                    "submitted": [s.returncode for s in submitted],
                    "full": {"rc": full.returncode, "stderr": full.stderr, "stdout": full.stdout},
                    "freed": {"rc": freed.returncode, "stderr": freed.stderr, "tasks": tasks},
                    "videos": videos,
                    "submits": sim.stats.submits["kie"],
                }
            )
        )


if __name__ == "__main__":
    main(*sys.argv[1:])
