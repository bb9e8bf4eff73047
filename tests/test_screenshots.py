"""Screenshots of the real main window under X (Xvfb), in four states.

The test starts this same file as a subprocess on the xcb platform (a real window, real
video output) and checks what it wrote:
  screenshots/empty.png, composing.png, busy.png, detail.png   (git-ignored)
  docs/screenshot.png                                           (the README's; < 300 KB)

The scenes run the app's own composition against the simulator on the same qasync loop,
with a ManualClock, so every state is reached by advancing simulated time and waiting
for the app's own signals, never by sleeping.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SCENES = ("empty", "composing", "busy", "detail")
README_SHOT_MAX_BYTES = 300 * 1024
WINDOW_SIZE = (1280, 800)


@pytest.mark.gui
@pytest.mark.skipif(not os.environ.get("DISPLAY"), reason="no X display: run under xvfb-run (run.sh test does)")
def test_screenshots_of_the_main_window_in_four_states(tmp_path):
    from PIL import Image, ImageStat

    from tests.shot_dirs import doc_shots_dir

    out = REPO / "screenshots"
    readme_shot = doc_shots_dir(tmp_path) / "screenshot.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "HAILUO_DESKTOP_HOME": str(tmp_path / "home")}
    result = subprocess.run(
        [sys.executable, __file__, str(out), str(readme_shot), str(tmp_path)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["video_frames"] > 0, report  # the detail's video really played
    for scene in SCENES:
        with Image.open(out / f"{scene}.png") as shot:
            assert shot.size == WINDOW_SIZE, scene
            spread = ImageStat.Stat(shot.convert("L")).stddev[0]
            assert spread > 10, f"{scene}.png looks blank"
    assert 0 < readme_shot.stat().st_size <= README_SHOT_MAX_BYTES
    assert report["busy_batch"].startswith("Running batch:"), report


# --- the scenes (run in the subprocess) ----------------------------------------------------


def _pictures(folder: Path) -> list[Path]:
    """Colourful landscapes drawn with Qt, so the shots show something a creator would drop."""
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter, QPainterPath

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, hue in enumerate((20, 200, 280, 140, 350, 45, 170, 230, 310, 95, 5, 260)):
        width, height = (1600, 900) if n % 3 else (1000, 1400)
        image = QImage(width, height, QImage.Format.Format_RGB32)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        sky = QLinearGradient(0, 0, 0, height)
        sky.setColorAt(0, QColor.fromHsl(hue, 170, 90))
        sky.setColorAt(1, QColor.fromHsl((hue + 40) % 360, 200, 190))
        painter.fillRect(image.rect(), sky)
        painter.setBrush(QColor.fromHsl((hue + 180) % 360, 220, 220))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(QPointF(width * (0.3 + 0.04 * n), height * 0.38), width * 0.09, width * 0.09)
        for layer in range(3):
            hills = QPainterPath(QPointF(0, height))
            for x in range(0, width + 80, 80):
                wave = ((x * (layer + 2) + n * 97) % 311) / 311
                hills.lineTo(x, height * (0.55 + 0.12 * layer) - wave * height * 0.12)
            hills.lineTo(width, height)
            painter.setBrush(QColor.fromHsl(hue, 120, 60 - 18 * layer))
            painter.drawPath(hills)
        painter.end()
        path = folder / f"landscape-{n + 1:02d}.jpg"
        image.save(str(path), "JPEG", 88)
        paths.append(path)
    return paths


def _history(store, pictures: list[Path]) -> None:
    """Older, finished tasks, so the list looks like a creator's week."""
    import time

    from hailuo_desktop.domain.catalog import find_model
    from hailuo_desktop.domain.states import TaskState
    from hailuo_desktop.domain.task import Task

    prompts = (
        "Waves roll in under a pink sky [Pan left]",
        "A hiker walks toward the ridge at dawn",
        "Mist drifts over the valley, slow tilt up",
        "The sun dips behind the hills [Push in]",
    )
    now = time.time() - 86_400
    for n in range(16):
        provider = ("apixo", "kie", "minimax")[n % 3]
        spec = find_model(provider)
        failed = n % 7 == 3
        store.add(
            Task(
                id=f"old{n:03d}",
                provider=provider,
                model=spec.model,
                kind=spec.kind,
                mode=spec.mode,
                prompt=prompts[n % 4],
                duration=6,
                image_path=str(pictures[n % len(pictures)]),
                cost=spec.cost(6, None),
                cost_unit=spec.price.unit if spec.price else None,
                state=TaskState.FAILED if failed else TaskState.SUCCEEDED,
                remote_id=f"r-old-{n}",
                submit_started_at=now + n * 600,
                submitted_at=now + n * 600,
                finished_at=now + n * 600 + 95,
                result_seen_at=now + n * 600 + 90,
                error_code="content_rejected" if failed else None,
                error_message="The prompt was refused by the content filter." if failed else None,
                created_at=now + n * 600,
            )
        )


class Waiter:
    """Await a Qt signal (optionally until a predicate holds), with a time limit."""

    def __init__(self, loop) -> None:
        self.loop = loop

    async def signal(self, signal, predicate=lambda *args: True, timeout: float = 60.0):
        import asyncio

        future = self.loop.create_future()

        def heard(*args):
            if not future.done() and predicate(*args):
                future.set_result(args)

        signal.connect(heard)
        try:
            return await asyncio.wait_for(future, timeout)
        finally:
            signal.disconnect(heard)


async def _scenes(out: Path, readme_shot: Path, work: Path) -> dict:
    import asyncio

    from PySide6.QtCore import QCoreApplication, QEvent, Qt
    from PySide6.QtGui import QGuiApplication

    from hailuo_desktop.app import AppSession, SessionOptions
    from hailuo_desktop.domain.states import TaskState
    from hailuo_desktop.services.home import DataPaths
    from hailuo_desktop.services.secrets import KeyStore, MemoryKeyringBackend
    from hailuo_desktop.simulator.media import load_sample
    from hailuo_desktop.simulator.server import ManualClock, SimConfig, Simulator
    from hailuo_desktop.ui.demo_video import DemoResultFactory

    loop = asyncio.get_running_loop()
    wait = Waiter(loop)
    clock = ManualClock(start=1000.0)
    factory = DemoResultFactory(loop, work / "clips", load_sample)
    sim = Simulator(SimConfig(seed=11, result_factory=factory), clock=clock)
    await sim.start()
    pictures = _pictures(work / "pictures")
    paths = DataPaths.at(work / "home")
    keys = KeyStore(
        env={},
        backend=MemoryKeyringBackend(
            {p: f"{p}-screenshot-key" for p in ("apixo", "kie", "apikley", "apiinone", "minimax")}
        ),
    )
    options = SessionOptions(
        paths=paths,
        key_store=keys,
        api_url=sim.api_url,
        poll_interval=0.05,
        use_tray=False,
        extra_upload_routes={"apixo": "kie_upload", "apiinone": "kie_upload"},
    )
    session = AppSession(options)
    window, controller, compose = session.window, session.controller, session.window.compose
    window.setGeometry(0, 0, *WINDOW_SIZE)
    session.show()
    await session.started()
    screen = QGuiApplication.primaryScreen()

    async def shot(name: str) -> Path:
        # Paint now, synchronously. (Never processEvents() inside a coroutine: it would run
        # other tasks' callbacks while this one is executing.) Pending layout requests are
        # delivered first, alone, so labels whose text just changed have their full height.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        window.repaint()
        # The screen, not widget.grab(): the video is drawn by the GPU path, outside the widget tree.
        image = screen.grabWindow(0, 0, 0, *WINDOW_SIZE)
        path = out / f"{name}.png"
        image.save(str(path))
        return path

    async def thumbnails_loaded() -> None:
        for thumbs in (session.shell.thumbnails, window.detail._posters):
            while thumbs.pending:
                await wait.signal(thumbs.ready)

    out.mkdir(parents=True, exist_ok=True)
    await shot("empty")

    # Composing: a folder of pictures plus two that kie.ai refuses, and a prompt.
    balance = wait.signal(controller.balance_shown, lambda provider, text: provider == "kie")
    compose.apply_settings(
        "kie",
        "hailuo/2-3-image-to-video-standard",
        None,
        6,
        "768P",
        "The camera slowly pushes in as the sun sets over the hills [Push in]",
        None,
    )
    await balance
    tiny, banner_like = work / "pictures-bad" / "tiny.png", work / "pictures-bad" / "banner.jpg"
    tiny.parent.mkdir(exist_ok=True)
    _bad_pictures(pictures[0], tiny, banner_like)
    # Generate counts an image only once every pixel has been read, so wait for both.
    dropped = asyncio.gather(wait.signal(controller.thumbnails_shown), wait.signal(controller.images_checked))
    compose.paths_dropped.emit([str(work / "pictures"), str(tiny), str(banner_like)])
    await dropped
    refused_row = next(
        r
        for r in range(compose.images.rowCount())
        if compose.images.index(r, 0).data(Qt.ItemDataRole.DisplayRole) == "banner.jpg"
    )
    compose.image_view.setCurrentIndex(compose.images.index(refused_row, 0))
    await shot("composing")

    # Busy: the batch of 12 is submitted, simulated time moves until three are done.
    _history(session.store, pictures)
    session.shell.model.set_filter(None, "")
    store, bridge = session.store, session.shell.bridge
    submitted = wait.signal(controller.tasks_submitted)
    assert compose.trigger_generate(), compose.generate_reason()
    (tasks,) = await submitted
    ids = {t.id for t in tasks}
    first_wave = min(len(ids), session.shell.context.settings.max_concurrent)

    async def until_sent(count: int) -> None:
        while sum(store.get(i).remote_id is not None for i in ids) < count:
            await wait.signal(bridge.event)

    await until_sent(first_wave)
    finished: list = []
    bridge.task_finished.connect(lambda task: task.id in ids and finished.append(task.id))
    done_times = sorted(t.done_at for t in sim.tasks())
    sim.advance(done_times[2] - sim.now() + 0.5)  # just past the third one's end at the provider
    while len(finished) < 3:
        await wait.signal(bridge.task_finished)
    await until_sent(first_wave + 3)  # the freed slots send the next three
    running = next(t.id for t in tasks if store.get(t.id).state is TaskState.RUNNING)
    window.tasks.select(running)
    await thumbnails_loaded()
    await shot("busy")
    busy_batch = window.tasks.batch_label.text()

    # Detail: a finished clip of the batch, playing (a push-in made from its own picture).
    succeeded = [i for i in finished if store.get(i).state is TaskState.SUCCEEDED]
    landscape = [i for i in succeeded if "landscape" in store.get(i).image_path and _is_wide(store.get(i).image_path)]
    done = (landscape or succeeded)[0]  # a wide clip fills the player best
    window.tasks.select(done)  # the detail makes its player for the first task with a video
    sink = window.detail.video.videoSink()
    frames = []
    sink.videoFrameChanged.connect(lambda frame: frames.append(frame.startTime()))
    while len(frames) < 12:  # a few frames in, so the push-in has started to move
        await wait.signal(sink.videoFrameChanged)
    detail = await shot("detail")
    _save_readme_shot(detail, readme_shot)

    controller.allow_close()
    await session.close()
    await sim.stop()
    return {"video_frames": len(frames), "busy_batch": busy_batch, "encoded_clips": len(factory.made)}


def _is_wide(path: str) -> bool:
    from PySide6.QtGui import QImageReader

    size = QImageReader(path).size()
    return size.width() > size.height()


def _bad_pictures(source: Path, tiny: Path, banner_like: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    image = QImage(str(source))
    image.scaled(240, 180, Qt.AspectRatioMode.IgnoreAspectRatio).save(str(tiny), "PNG")
    image.scaled(2400, 600, Qt.AspectRatioMode.IgnoreAspectRatio).save(str(banner_like), "JPEG", 85)


def _save_readme_shot(source: Path, target: Path) -> None:
    """The README's screenshot: the detail scene, as a palette PNG when the full one is too big."""
    from PIL import Image

    target.parent.mkdir(parents=True, exist_ok=True)
    with Image.open(source) as image:
        image.convert("RGB").save(target, optimize=True)
        if target.stat().st_size > README_SHOT_MAX_BYTES:
            image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(target, optimize=True)


def main(argv: list[str]) -> int:
    import qasync

    from hailuo_desktop.app import make_application

    out, readme_shot, work = (Path(a) for a in argv[:3])
    make_application([])
    report = qasync.run(_scenes(out, readme_shot, work))
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    raise SystemExit(main(sys.argv[1:]))
