"""9. The results grid with 10,000 takes: scroll frame time and memory, against the list view in the same run.

Each view runs in a fresh child process (the real window, offscreen, as app.py builds it)
on the same store: 10,000 finished takes whose videos are 300 distinct real MP4 files (the
simulator's sample clip), so the grid decodes real poster frames (off the GUI thread, as
it does for a user). The child scrolls the view from top to bottom one page at a time;
each step's frame time is the scroll plus a synchronous repaint of the viewport, timed
on the GUI thread, with the event loop turned between steps so posters arrive as they
would. Then it reads VmRSS.

The videos' posters are made before the window opens, as the engine makes them when it saves
each video (services/saved_posters.py), so the grid reads them from disk; `--compare N`
alternates that with an empty poster cache (the grid decodes while scrolling, as it did for
every take before posters were made at save time), N rounds each, with the list view.

    python -m benchmarks.grid {grid,list} --home DIR   -> one JSON line (the child)
    python -m benchmarks.grid --compare 5               -> the alternating comparison (the parent)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .report import Row, mb, ms, percentile

FRAME_GOAL = 0.016
RSS_GOAL = 300 * 2**20
NOWHERE = "http://127.0.0.1:9"


# --- the child -------------------------------------------------------------------------
async def _child(view: str, home: Path, *, catch_up: bool = True) -> dict:
    import asyncio

    from .qt_session import FirstPaint, open_session
    from .report import process_memory

    session = open_session(home, NOWHERE)
    if not catch_up:  # the reference: nothing makes posters but the grid (no start-up catch-up)
        build = session.link._build_engine  # the engine is built on its thread after the first paint

        async def without_posters():
            engine = await build()
            engine.posters = None
            return engine

        session.link._build_engine = without_posters
    painted = FirstPaint(session.window)
    session.show()
    await painted.done
    await session.started()
    workspace = session.shell.workspace
    workspace.show_grid(view == "grid")
    widget = workspace.grid if view == "grid" else session.window.tasks.table
    model = session.shell.model
    frames = []
    posters = workspace.grid.posters
    read_before, hits_before, misses_before = posters.read_count, posters.hits, posters.misses
    bar = widget.verticalScrollBar()
    for _ in range(100_000):
        while model.canFetchMore():
            model.fetchMore()
        await asyncio.sleep(0.001)  # the loop turns: posters and layout arrive as they would
        if bar.value() >= bar.maximum() and not model.canFetchMore():
            break
        started = time.perf_counter()
        bar.setValue(bar.value() + bar.pageStep())
        widget.viewport().repaint()
        frames.append(time.perf_counter() - started)
    figures = {
        **process_memory(),
        "frames": frames,
        "rows": model.rowCount(),
        "total": model.total_count(),
        "posters_read": posters.read_count - read_before,
        "poster_bytes": posters.kept_bytes,
        "tiles_with_poster": posters.hits - hits_before,
        "tiles_without": posters.misses - misses_before,
        "decodes": getattr(posters._make_poster, "decodes", None),  # videos the grid had to decode itself
        "engine_posters": _posters_made(session.link.engine),
    }
    if view == "grid":
        figures["settled"] = await _posters_at_rest(workspace.grid, bar)
    await session.close()
    return figures


def _posters_made(engine) -> int | None:
    """How many posters the engine made as videos were saved (a counter, read from here)."""
    return engine.posters.made if engine is not None and engine.posters is not None else None


async def _posters_at_rest(grid, bar) -> list[float]:
    """After the scroll, stop at five places: how long until every tile on screen has its poster."""
    import asyncio

    waits = []
    for place in (0.9, 0.7, 0.5, 0.3, 0.1):
        bar.setValue(int(bar.maximum() * place))
        grid.viewport().repaint()
        started = time.perf_counter()
        shown = [grid.model().task_at(row) for row in grid.shown_rows()]
        # The loop turns: the view lays out and paints what it has not yet, and the tiles ask.
        while not all(grid.posters.has(task) for task in shown):
            if time.perf_counter() - started > 30:
                raise RuntimeError("a tile on screen has no poster 30 s after the scroll stopped")
            await asyncio.sleep(0.002)
        waits.append(time.perf_counter() - started)
    return waits


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("view", choices=("grid", "list"), nargs="?")
    parser.add_argument("--home")
    parser.add_argument("--no-catch-up", action="store_true", help="no start-up poster catch-up (the reference)")
    parser.add_argument("--compare", type=int, metavar="ROUNDS", help="posters made ahead vs decoded, alternating")
    args = parser.parse_args(argv)
    if args.compare:
        compare(args.compare)
        return 0
    if args.view is None or args.home is None:
        parser.error("a view and --home, or --compare ROUNDS")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import qasync

    from .qt_session import application

    application()
    print(json.dumps(qasync.run(_child(args.view, Path(args.home), catch_up=not args.no_catch_up))), flush=True)
    return 0


# --- the parent ------------------------------------------------------------------------
def _videos(folder: Path, count: int) -> list[str]:
    from hailuo_desktop.simulator.media import load_sample

    folder.mkdir(parents=True, exist_ok=True)
    sample = load_sample()
    paths = []
    for n in range(count):
        path = folder / f"take-{n:03d}.mp4"
        path.write_bytes(sample)
        paths.append(str(path))
    return paths


def prepare(root: Path, tasks: int, videos: int) -> Path:
    from hailuo_desktop.services.home import DataPaths
    from hailuo_desktop.services.store import TaskStore

    from .seeding import fill_store, thumbnail_sources

    home = root / "home"
    store_path = fill_store(DataPaths.at(home).store, tasks, thumbnail_sources(root / "images", 50))
    clips = _videos(root / "videos", videos)
    store = TaskStore(store_path)
    try:
        with store._reading() as conn:
            conn.execute("BEGIN")
            for n, (seq,) in enumerate(conn.execute("SELECT seq FROM tasks WHERE video_path IS NOT NULL").fetchall()):
                conn.execute("UPDATE tasks SET video_path = ? WHERE seq = ?", (clips[n % len(clips)], seq))
            conn.execute("COMMIT")
    finally:
        store.close()
    return home


def make_posters_ahead(home: Path) -> int:
    """What the engine does as each video is saved: the grid's poster, on disk, for every clip."""
    from hailuo_desktop.services.home import DataPaths
    from hailuo_desktop.services.saved_posters import SavedPosters, posters_dir

    made = SavedPosters(posters_dir(DataPaths.at(home)))
    try:
        for clip in sorted((home.parent / "videos").glob("*.mp4")):
            made.add(str(clip))
        if not made.wait_idle(600) or made.failed:
            raise RuntimeError(f"posters made ahead: {made.made} made, {made.failed} failed")
        return made.made
    finally:
        made.close()


def forget_posters(home: Path) -> None:
    from hailuo_desktop.services.home import DataPaths
    from hailuo_desktop.services.saved_posters import posters_dir

    shutil.rmtree(posters_dir(DataPaths.at(home)), ignore_errors=True)


def _run(view: str, home: Path, *extra: str) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.grid", view, "--home", str(home), *extra],
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"the {view} child failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(*, tasks: int = 10_000, videos: int = 300) -> list[Row]:
    root = Path(tempfile.mkdtemp(prefix="hailuo-bench-grid-"))
    try:
        home = prepare(root, tasks, videos)
        make_posters_ahead(home)
        listed = _run("list", home)
        grid = _run("grid", home)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    p99, list_p99 = percentile(grid["frames"], 0.99), percentile(listed["frames"], 0.99)
    note = (
        f"{grid['total']:,} takes ({videos} distinct real MP4 files behind them, their posters made when "
        f"the videos were saved; the grid decoded {grid['decodes']} itself), {grid['rows']:,} rows exposed; scrolled top to bottom a page per step: grid "
        f"{len(grid['frames'])} steps, median {ms(percentile(grid['frames'], 0.5))}, worst "
        f"{ms(max(grid['frames']))}, RSS {mb(grid['rss'])} (peak {mb(grid['peak'])}); list view "
        f"{len(listed['frames'])} steps, p99 {ms(list_p99)}, median {ms(percentile(listed['frames'], 0.5))}, "
        f"RSS {mb(listed['rss'])}. Frame = scroll + synchronous repaint on the GUI thread. Posters read "
        f"during the grid's scroll: {grid['posters_read']:,} (for what was on screen and the line below; "
        f"requests for tiles scrolled past are dropped), {mb(grid['poster_bytes'])} of them kept; tiles painted "
        f"with their poster: {grid['tiles_with_poster']:,} of {grid['tiles_with_poster'] + grid['tiles_without']:,} "
        "(a page every few ms outruns any decoder: the rest show their placeholder until the poster comes); "
        f"stopped at five places after the scroll, every tile on screen had its poster within median "
        f"{ms(percentile(grid['settled'], 0.5))}, worst {ms(max(grid['settled']))}."
    )
    return [
        Row(
            f"9. Grid, {tasks:,} takes",
            f"scroll p99 {ms(p99)}, RSS {mb(grid['rss'])}",
            f"list view p99 {ms(list_p99)}, RSS {mb(listed['rss'])}",
            p99 / list_p99 if list_p99 else None,
            "scroll p99 < 16 ms, RSS < 300 MB",
            p99 < FRAME_GOAL and grid["rss"] < RSS_GOAL,
            note,
        )
    ]


def compare(rounds: int, *, tasks: int = 10_000, videos: int = 300) -> dict[str, list[dict]]:
    """Posters made ahead vs decoded while scrolling (and the list view), alternating, `rounds`
    rounds on one seeded store; prints each run and the medians."""
    import statistics

    root = Path(tempfile.mkdtemp(prefix="hailuo-bench-grid-"))
    runs: dict[str, list[dict]] = {"ahead": [], "decoded": [], "list": []}
    try:
        home = prepare(root, tasks, videos)
        for n in range(rounds):
            order = ("decoded", "ahead") if n % 2 == 0 else ("ahead", "decoded")
            for mode in (*order, "list"):
                forget_posters(home)
                if mode == "ahead":
                    make_posters_ahead(home)
                load = os.getloadavg()[0]
                figures = _run(
                    "grid" if mode != "list" else "list", home, *(["--no-catch-up"] if mode != "ahead" else [])
                )
                run = {
                    "load": load,
                    "p99": percentile(figures["frames"], 0.99),
                    "median": percentile(figures["frames"], 0.5),
                    "rss": figures["rss"],
                    "with_poster": figures["tiles_with_poster"],
                    "painted": figures["tiles_with_poster"] + figures["tiles_without"],
                    "decodes": figures["decodes"],
                    "engine_posters": figures["engine_posters"],
                    "settled": percentile(figures["settled"], 0.5) if "settled" in figures else None,
                }
                runs[mode].append(run)
                print(mode, json.dumps(run), flush=True)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    for mode, done in runs.items():
        print(
            f"{mode}: p99 median {ms(statistics.median(r['p99'] for r in done))} "
            f"(runs {', '.join(ms(r['p99']) for r in done)}), frame median "
            f"{ms(statistics.median(r['median'] for r in done))}, RSS {mb(statistics.median(r['rss'] for r in done))}, "
            f"load {min(r['load'] for r in done):.1f}-{max(r['load'] for r in done):.1f}",
            flush=True,
        )
    return runs


if __name__ == "__main__":
    raise SystemExit(main())
