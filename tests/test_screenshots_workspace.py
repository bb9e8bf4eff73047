"""Screenshots of the results workspace under X (Xvfb), with real clips playing:
  docs/grid.png      the grid of takes, one tile playing under the pointer
  docs/compare.png   three variants of one image compared in sync
  docs/take-count.png  a search in the list at 1024x640, with how many takes it found
  screenshots/small.png  the window at 1024x640 (git-ignored; for looking at the layout)

Like test_screenshots.py, the test runs this file as a subprocess on the xcb platform and
checks what it wrote. The clips are push-ins on drawn landscapes, encoded with PyAV's
libx264 here in the test (the app itself never encodes).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
WINDOW_SIZE = (1280, 800)
SMALL_SIZE = (1024, 640)
COMPARE_SIZE = (1280, 560)  # three 16:9 clips side by side, their words under them
DOC_SHOT_MAX_BYTES = 400 * 1024


@pytest.mark.gui
@pytest.mark.skipif(not os.environ.get("DISPLAY"), reason="no X display: run under xvfb-run (run.sh test does)")
def test_screenshots_of_the_grid_and_the_comparison(tmp_path):
    from PIL import Image, ImageStat

    from tests.shot_dirs import doc_shots_dir

    docs = doc_shots_dir(tmp_path)

    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "HAILUO_DESKTOP_HOME": str(tmp_path / "home")}
    result = subprocess.run(
        [sys.executable, __file__, str(REPO / "screenshots"), str(docs), str(tmp_path)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["tile_frames"] > 0 and min(report["compare_frames"]) > 0, report
    assert report["posters"] >= 9, report  # the tiles on screen have their posters, not blanks
    assert report["counted"] == "4 takes", report  # one variant of each of the four images says "Mist"
    for name, size in (("grid", WINDOW_SIZE), ("compare", COMPARE_SIZE), ("take-count", SMALL_SIZE)):
        path = docs / f"{name}.png"
        assert 0 < path.stat().st_size <= DOC_SHOT_MAX_BYTES, name
        with Image.open(path) as shot:
            assert shot.size == size, name
            assert ImageStat.Stat(shot.convert("L")).stddev[0] > 10, f"{name}.png looks blank"


# --- the scenes (run in the subprocess) ----------------------------------------------------


def _push_in(picture: Path, target: Path, variant: int, seconds: float = 1.5) -> Path:
    """A slow push-in on `picture`; each variant zooms toward another point, in other light."""
    from fractions import Fraction

    import av
    from PIL import Image, ImageEnhance

    source = Image.open(picture).convert("RGB")
    wide = source.width >= source.height
    size = (640, 360) if wide else (360, 640)
    fps, frames = 24, round(seconds * 24)
    focus = ((0.5, 0.45), (0.3, 0.5), (0.7, 0.4), (0.5, 0.7))[variant % 4]
    light = (1.0, 1.25, 0.8, 1.1)[variant % 4]
    with av.open(str(target), "w") as out:
        stream = out.add_stream("libx264", rate=fps)
        stream.width, stream.height, stream.pix_fmt = *size, "yuv420p"
        stream.time_base = Fraction(1, fps)
        stream.options = {"preset": "veryfast", "crf": "26"}
        for n in range(frames):
            zoom = 1 + 0.25 * n / frames
            w, h = source.width / zoom, source.height / zoom
            left = min(max(0, focus[0] * source.width - w / 2), source.width - w)
            top = min(max(0, focus[1] * source.height - h / 2), source.height - h)
            frame = source.crop((int(left), int(top), int(left + w), int(top + h))).resize(size)
            frame = ImageEnhance.Brightness(frame).enhance(light)
            video_frame = av.VideoFrame.from_image(frame)
            video_frame.pts = n
            for packet in stream.encode(video_frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return target


def _takes(store, pictures: list[Path], clips: Path) -> dict[str, list[str]]:
    """Four variants of each of four images, a failed one and one still generating."""
    import time

    from hailuo_desktop.domain.catalog import find_model
    from hailuo_desktop.domain.states import TaskState
    from hailuo_desktop.domain.task import Task

    prompts = (
        "The camera slowly pushes in as the sun sets [Push in]",
        "Mist drifts over the hills, slow tilt up",
        "Golden light sweeps across the valley [Pan left]",
        "Clouds race over the ridge at dusk",
    )
    providers = ("kie", "apixo", "minimax", "kie")
    now = time.time() - 3600
    by_image: dict[str, list[str]] = {}
    clips.mkdir(parents=True, exist_ok=True)
    n = 0
    for image in pictures[1:5]:
        batch = f"batch-{image.stem}"
        for variant in range(4):
            n += 1
            provider = providers[variant]
            spec = find_model(provider)
            video = _push_in(image, clips / f"{image.stem}-{variant}.mp4", variant)
            task = Task(
                id=f"take{n:03d}",
                provider=provider,
                model=spec.model,
                kind=spec.kind,
                mode=spec.mode,
                prompt=prompts[variant],
                duration=6,
                resolution="768P",
                image_path=str(image),
                cost=spec.cost(6, None),
                cost_unit=spec.price.unit if spec.price else None,
                state=TaskState.SUCCEEDED,
                remote_id=f"r-{n}",
                batch_id=batch,
                video_path=str(video),
                submit_started_at=now + n * 60,
                submitted_at=now + n * 60,
                finished_at=now + n * 60 + 90,
                result_seen_at=now + n * 60 + 85,
                created_at=now + n * 60,
                starred=variant == 2 and n % 3 == 0,
            )
            store.add(task)
            by_image.setdefault(str(image), []).append(task.id)
    spec = find_model("kie")
    store.add(
        Task(
            id="take900",
            provider="kie",
            model=spec.model,
            kind=spec.kind,
            mode=spec.mode,
            prompt="A storm rolls in over the sea",
            duration=6,
            image_path=str(pictures[6]),
            cost=30.0,
            cost_unit="credits",
            state=TaskState.FAILED,
            error_code="content_rejected",
            error_message="The prompt was refused by the content filter.",
            created_at=now + 2000,
            finished_at=now + 2030,
        )
    )
    store.add(
        Task(
            id="take901",
            provider="kie",
            model=spec.model,
            kind=spec.kind,
            mode=spec.mode,
            prompt="Fireflies over the meadow",
            duration=6,
            image_path=str(pictures[7]),
            cost=30.0,
            cost_unit="credits",
            state=TaskState.RUNNING,
            remote_id="r-901",
            submit_started_at=now + 2100,
            submitted_at=now + 2101,
            created_at=now + 2100,
        )
    )
    return by_image


async def _scenes(out: Path, docs: Path, work: Path) -> dict:
    import asyncio

    from PySide6.QtCore import QCoreApplication, QEvent, QPoint
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest

    from hailuo_desktop.app import AppSession, SessionOptions
    from hailuo_desktop.services.home import DataPaths
    from hailuo_desktop.services.secrets import KeyStore, MemoryKeyringBackend
    from hailuo_desktop.simulator.server import ManualClock, SimConfig, Simulator
    from tests.test_screenshots import Waiter, _pictures

    loop = asyncio.get_running_loop()
    wait = Waiter(loop)
    sim = Simulator(SimConfig(seed=5), clock=ManualClock(start=1000.0))
    await sim.start()
    pictures = _pictures(work / "pictures")
    keys = KeyStore(
        env={},
        backend=MemoryKeyringBackend({p: f"{p}-shot-key" for p in ("apixo", "kie", "apikley", "apiinone", "minimax")}),
    )
    options = SessionOptions(
        paths=DataPaths.at(work / "home"), key_store=keys, api_url=sim.api_url, poll_interval=0.05, use_tray=False
    )
    session = AppSession(options)
    window, workspace = session.window, session.shell.workspace
    by_image = _takes(session.store, pictures, work / "clips")
    window.setGeometry(0, 0, *WINDOW_SIZE)
    session.show()
    await session.started()
    screen = QGuiApplication.primaryScreen()
    out.mkdir(parents=True, exist_ok=True)

    def shot(path: Path, size=WINDOW_SIZE) -> Path:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        screen.grabWindow(0, 0, 0, *size).save(str(path))
        return path

    # The grid: every tile's poster read, one tile playing under the pointer.
    workspace.show_grid(True)
    grid = workspace.grid
    sort = window.tasks.filter_bar.sort
    sort.setCurrentIndex(next(i for i in range(sort.count()) if sort.itemData(i)[0] == "image_path"))
    grid.scrollToTop()
    window.main.setSizes([330, 950])
    window.right.setSizes([560, 200])
    variants = by_image[grid.model().task_at(0).image_path]  # the first group: the top of the grid
    window.tasks.select(variants[1])
    grid.viewport().repaint()
    while grid.posters.pending:
        await wait.signal(grid.posters.ready)
    grid.viewport().repaint()
    playing = grid.model().index_of(variants[2])
    tile_frames = []
    grid.playback.frame_ready.connect(tile_frames.append)
    QTest.mouseMove(grid.viewport(), grid.visualRect(playing).center())
    while len(tile_frames) < 12:
        await wait.signal(grid.playback.frame_ready)
    window.repaint()
    _save_doc(shot(out / "grid.png"), docs / "grid.png")
    posters = sum(
        1
        for row in range(grid.model().rowCount())
        if grid.viewport().rect().intersects(grid.visualRect(grid.model().index(row, 0)))
        and grid.posters.get(grid.model().task_at(row)) is not None
    )
    QTest.mouseMove(grid.viewport(), QPoint(2, 2))

    # Compare three variants of one image, paused on the same frame partway in.
    window.tasks.select_many(variants[:3])
    workspace.compare.trigger()
    view = workspace.compare_view
    view.setGeometry(0, 0, *COMPARE_SIZE)
    counts = [0] * len(view.panes)
    for n, pane in enumerate(view.panes):
        pane.video.videoSink().videoFrameChanged.connect(lambda _f, n=n: counts.__setitem__(n, counts[n] + 1))
    while min(counts) < 18:
        await wait.signal(view.panes[0].video.videoSink().videoFrameChanged)
    view.group.pause()
    await asyncio.sleep(0.3)  # let the paused frame land in every pane (no signal says "all three drawn")
    view.repaint()
    _save_doc(shot(out / "compare.png", COMPARE_SIZE), docs / "compare.png")
    view.close()

    # The window at 1024x640 with the list, for looking at the layout.
    workspace.show_grid(False)
    window.setGeometry(0, 0, *SMALL_SIZE)
    window.tasks.select(variants[0])
    await asyncio.sleep(0.3)
    window.repaint()
    shot(out / "small.png", SMALL_SIZE)

    # How many takes a search finds, beside the search box.
    window.tasks.search.setText("mist")
    window.tasks.apply_filter()
    counted = window.tasks.count.text()
    window.repaint()
    _save_doc(shot(out / "take-count.png", SMALL_SIZE), docs / "take-count.png")

    session.controller.allow_close()
    await session.close()
    await sim.stop()
    return {"tile_frames": len(tile_frames), "compare_frames": counts, "posters": posters, "counted": counted}


def _save_doc(source: Path, target: Path) -> None:
    from PIL import Image

    target.parent.mkdir(parents=True, exist_ok=True)
    with Image.open(source) as image:
        image.convert("RGB").save(target, optimize=True)
        if target.stat().st_size > DOC_SHOT_MAX_BYTES:
            image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(target, optimize=True)


def main(argv: list[str]) -> int:
    import qasync

    from hailuo_desktop.app import make_application

    out, docs, work = (Path(a) for a in argv[:3])
    make_application([])
    report = qasync.run(_scenes(out, docs, work))
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    raise SystemExit(main(sys.argv[1:]))
