"""The simulator in a process of its own, for benchmarks that must not pay for its CPU.

    python -m benchmarks.sim_server --result-bytes 209715200 --seed 1
    -> prints one JSON line {"api_url": ..., "files_url": ...}, serves until SIGTERM/SIGINT.

A real provider is another machine: its work is not on the app's event loop nor under
its GIL. A simulator thread in the measured process would be both, so the download and
GUI benchmarks run it here instead. (The polling benchmark runs it in-process on a
ManualClock: there only the schedule is measured, in virtual time.)
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass

import httpx

from hailuo_desktop.simulator.config import SimConfig
from hailuo_desktop.simulator.server import Simulator


async def _serve(config: SimConfig) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    sim = Simulator(config)
    await sim.start("127.0.0.1", 0)
    try:
        print(json.dumps({"api_url": sim.api_url, "files_url": sim.files_url}), flush=True)
        await stop.wait()
    finally:
        await sim.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--result-bytes", type=int, default=None)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--time-scale", type=float, default=1.0)
    args = parser.parse_args(argv)
    asyncio.run(_serve(SimConfig(seed=args.seed, time_scale=args.time_scale, result_bytes=args.result_bytes)))
    return 0


# --- the parent's side -------------------------------------------------------------------
@dataclass
class SimProcess:
    api_url: str
    files_url: str
    process: subprocess.Popen

    def stats(self) -> dict:
        return httpx.get(f"{self.api_url}/_sim/stats", timeout=10).json()


@contextlib.contextmanager
def sim_process(*, result_bytes: int | None = None, seed: int = 1) -> Iterator[SimProcess]:
    command = [sys.executable, "-m", "benchmarks.sim_server", "--seed", str(seed)]
    if result_bytes is not None:
        command += ["--result-bytes", str(result_bytes)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()
        if not line:
            raise RuntimeError("the simulator process did not start")
        urls = json.loads(line)
        yield SimProcess(urls["api_url"], urls["files_url"], process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


if __name__ == "__main__":
    raise SystemExit(main())
