"""4. Download: a 200 MB result through `services.downloads.Downloader`, against curl on the same URL.

The simulator runs in its own process and serves the result from memory. Each side runs
`runs` times, alternating (which goes first alternates too), into the same folder (the
median counts). The downloader is the app's, as the app uses it, after one request through
its client (the app's link comes from a poll made through it): it also fsyncs and hashes the
file (curl does neither); that cost is in its figure. Memory is measured in a fresh child process per download:
peak RSS growth over the download (VmHWM after minus VmRSS before), for the full size and
for a tenth of it ("flat" = the same growth whatever the size), and, in a separate run
(tracemalloc slows Python down), the peak of Python allocations.

The row's figure is the worker-thread path (`build_http_client`'s default: the CLI's, and the
window's if app.DOWNLOAD_THREADS is switched on); the window ships the engine-loop path
(app.DOWNLOAD_THREADS = False, chosen on row 2's figures), measured in the same rounds for the note.

    python -m benchmarks.download URL DEST [--trace | --plain-httpx | --loop-path]   -> one JSON line
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import httpx

from .report import Row, mb, median, process_memory
from .seeding import finished_result_url
from .sim_server import sim_process

MB = 2**20
RATIO_GOAL = 0.9


# --- the child: one download, with its memory ---------------------------------------------
async def _fetch(url: str, dest: Path, trace: bool, loop_path: bool = False) -> dict:
    from hailuo_desktop.services.downloads import Downloader
    from hailuo_desktop.services.http_client import build_http_client
    from hailuo_desktop.services.settings import Settings

    # as the app builds it (proxy, TLS, timeouts); loop_path: the body read on the loop, as the window does
    async with build_http_client(Settings(), download_threads=not loop_path) as client:
        await _as_after_a_poll(client, url)
        downloader = Downloader(client)
        before = process_memory()
        if trace:
            tracemalloc.start()
        start, cpu_start = time.perf_counter(), time.process_time()
        size, _ = await downloader.fetch(url, dest)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
        traced = tracemalloc.get_traced_memory()[1] if trace else None
        after = process_memory()
    return {
        "bytes": size,
        "seconds": seconds,
        "cpu": cpu,
        "rss_growth": after["peak"] - before["rss"],
        "rss_peak": after["peak"],
        "rss_before": before["rss"],
        "traced_peak": traced,
    }


async def _plain_httpx(url: str, dest: Path) -> dict:
    """The same bytes through httpx alone (no checks, no fsync, no hash): what the stack itself costs."""
    async with httpx.AsyncClient(timeout=60) as client:
        await _as_after_a_poll(client, url)
        start = time.perf_counter()
        size = 0
        async with client.stream("GET", url) as response:
            with open(dest, "wb") as file:
                async for chunk in response.aiter_raw():
                    file.write(chunk)
                    size += len(chunk)
        return {"bytes": size, "seconds": time.perf_counter() - start}


async def _as_after_a_poll(client: httpx.AsyncClient, url: str) -> None:
    """One small request through the client before the timing starts (a HEAD of the result).

    In the app a download's link comes from a poll made through this same client, so by the
    time a download starts, httpcore, h11 and anyio are imported and the client's transport
    exists. The client makes its transport on its first request (services.http_client), so
    without this the first download of a fresh process paid ~50-70 ms of imports that the
    app pays once, at its first provider request."""
    (await client.head(url)).raise_for_status()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("dest")
    parser.add_argument("--trace", action="store_true")
    parser.add_argument("--plain-httpx", action="store_true")
    parser.add_argument("--loop-path", action="store_true")
    args = parser.parse_args(argv)
    fetch = (
        _plain_httpx(args.url, Path(args.dest))
        if args.plain_httpx
        else _fetch(args.url, Path(args.dest), args.trace, args.loop_path)
    )
    print(json.dumps(asyncio.run(fetch)), flush=True)
    return 0


# --- the parent ---------------------------------------------------------------------------
def _downloader(url: str, dest: Path, *flags: str) -> dict:
    dest.unlink(missing_ok=True)
    dest.with_name(dest.name + ".part").unlink(missing_ok=True)
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.download", url, str(dest), *flags],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if done.returncode != 0:
        raise RuntimeError(f"the download child failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


CURL_CPU: list[float] = []  # CPU seconds of each curl run (user + system), for the note
LOOP_PATH: list[tuple[float, float]] = []  # (seconds, CPU) of each engine-loop-path run, for the note
LOADS: list[float] = []  # the 1-minute load average before the runs and after each round, for the note


def _curl(url: str, dest: Path) -> float | None:
    curl = shutil.which("curl")
    if curl is None:
        return None
    dest.unlink(missing_ok=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([curl, "-sS", "--fail", "-o", str(dest), url], check=True, timeout=600)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CURL_CPU.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return seconds


def measure(*, size: int = 200 * MB, runs: int = 5) -> list[Row]:
    folder = Path(tempfile.mkdtemp(prefix="hailuo-bench-download-"))
    try:
        with sim_process(result_bytes=size) as sim:
            url = finished_result_url(sim.api_url)
            ours, curls, plain, cpus = [], [], [], []
            CURL_CPU.clear()
            LOOP_PATH.clear()
            LOADS[:] = [os.getloadavg()[0]]
            for index in range(runs):
                ours_first = index % 2 == 0  # alternate who goes first
                for side in ("ours", "curl") if ours_first else ("curl", "ours"):
                    if side == "curl":
                        curls.append(_curl(url, folder / "curl.mp4"))
                        continue
                    run = _downloader(url, folder / "ours.mp4")
                    ours.append(run["seconds"])
                    cpus.append(run["cpu"])
                plain.append(_downloader(url, folder / "plain.mp4", "--plain-httpx")["seconds"])
                on_loop = _downloader(url, folder / "loop.mp4", "--loop-path")
                LOOP_PATH.append((on_loop["seconds"], on_loop["cpu"]))
                LOADS.append(os.getloadavg()[0])
            full = _downloader(url, folder / "ours.mp4")
            traced = _downloader(url, folder / "ours.mp4", "--trace")
        with sim_process(result_bytes=size // 10) as small_sim:
            small = _downloader(finished_result_url(small_sim.api_url), folder / "small.mp4")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    cpu = f"CPU per download: ours {median(cpus):.2f} s, curl {median(CURL_CPU):.2f} s" if CURL_CPU else ""
    row = _row(size, ours, curls, size / median(plain), full, traced, small, cpu)
    return [row] if None in curls or not LOOP_PATH else [row, _window_row(size, curls)]


def _window_row(size: int, curls: list) -> Row:
    """The same rounds, through the path the window ships: the body read on the engine's loop."""
    seconds, cpu_seconds = median([run[0] for run in LOOP_PATH]), median([run[1] for run in LOOP_PATH])
    ratio = median(curls) / seconds
    return Row(
        f"4b. Download {mb(size)}, the window's path",
        f"{size / seconds / MB:.0f} MB/s",
        f"curl {size / median(curls) / MB:.0f} MB/s",
        ratio,
        "≥ 0.9× curl",
        ratio >= RATIO_GOAL,
        f"median of {len(LOOP_PATH)} runs in row 4's rounds; CPU {cpu_seconds:.2f} s per download. The window "
        f"reads bodies on the engine's loop and writes and hashes them on one writer thread "
        f"(app.DOWNLOAD_THREADS off): with ten downloads on worker threads row 2's p99 was higher "
        f"(see 'The GUI thread' in RESULTS.md). A real link is far slower than this loopback: "
        f"{size / seconds / MB:.0f} MB/s is {size / seconds / MB / 125:.1f}× a 1 Gbit/s line.",
    )


def _row(
    size: int, ours: list[float], curls: list, plain_speed: float, full: dict, traced: dict, small: dict, cpu: str = ""
) -> Row:
    speed = size / median(ours)
    flat = full["rss_growth"] <= max(small["rss_growth"] * 1.5, small["rss_growth"] + 8 * MB)
    memory = (
        f"peak RSS growth {mb(full['rss_growth'])} for {mb(size)} vs {mb(small['rss_growth'])} for "
        f"{mb(size // 10)}; Python allocations peak {traced['traced_peak'] / MB:.1f} MB "
        f"(process RSS {mb(full['rss_before'])} before, peak {mb(full['rss_peak'])})"
    )
    if None in curls:
        return Row(
            "4. Download 200 MB",
            f"{speed / MB:.0f} MB/s",
            "curl not installed",
            None,
            "≥ 0.9× curl, memory flat",
            None,
            f"curl is missing (run.sh installs it with apt). {memory}.",
        )
    curl_speed = size / median(curls)
    ratio = speed / curl_speed
    loads = f"load average (1 min) {min(LOADS):.1f}-{max(LOADS):.1f}" if LOADS else "load average unknown"
    loop_path = "The window's path (the engine's loop): row 4b. " if LOOP_PATH else ""
    note = (
        f"median of {len(ours)} runs each, alternating which goes first, {loads}; simulator in its own "
        f"process; the client has made one request before (as the poll that gave the link); Downloader "
        f"includes fsync + SHA-256 (curl does neither); best runs: ours {min(ours):.3f} s, curl "
        f"{min(curls):.3f} s; plain httpx streaming to a file, nothing else: {plain_speed / MB:.0f} MB/s. "
        f"{cpu}: SHA-256 alone takes {_hash_seconds(size):.2f} s for {mb(size)} in this run, so on a "
        f"machine whose cores are busy the ratio tends to the ratio of CPU time. Ours: one thread "
        f"receives into reused 1 MiB buffers and writes, a second feeds the SHA-256 meanwhile (the "
        f"time is about the hash's, not the sum), the disk's writeback starts every 8 MiB so the fsync "
        f"before the rename has little left. {loop_path}{memory}; memory flat: {'yes' if flat else 'no'}."
    )
    return Row(
        f"4. Download {mb(size)}, worker threads (CLI)",
        f"{speed / MB:.0f} MB/s",
        f"curl {curl_speed / MB:.0f} MB/s",
        ratio,
        "≥ 0.9× curl, memory flat",
        ratio >= RATIO_GOAL and flat,
        note,
    )


if __name__ == "__main__":
    raise SystemExit(main())


def _hash_seconds(size: int) -> float:
    """SHA-256 over `size` bytes in 1 MiB pieces, as the downloader feeds it (from memory)."""
    import hashlib

    piece = bytes(1 << 20)
    digest = hashlib.sha256()
    started = time.perf_counter()
    for _ in range(max(1, size >> 20)):
        digest.update(piece)
    return time.perf_counter() - started
