"""Screenshots of continuing a shot, from a real window under X (Xvfb):
  docs/shot-chain.png      a take in the middle of a three-take shot: its chain in the detail
  docs/shot-start-end.png  compose with a Hailuo 02 model: the Start and End slots filled

The test runs this file as a subprocess on the xcb platform. The scenes drive the app's own
composition against the simulator (ManualClock) whose demo clips push in on the picture
they were given, so each take visibly continues the last one. Nothing sleeps: every state
is reached by advancing simulated time and awaiting the app's own signals.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHOTS = {"chain": "shot-chain.png", "start_end": "shot-start-end.png"}  # in docs/ (see shot_dirs)
MAX_BYTES = 300 * 1024
PROMPTS = (
    "A hiker walks toward the ridge at dawn [Push in]",
    "The hiker reaches the ridge and looks over the valley",
    "The camera rises above the ridge into the clouds [Pedestal up]",
)


@pytest.mark.gui
@pytest.mark.skipif(not os.environ.get("DISPLAY"), reason="no X display: run under xvfb-run (run.sh test does)")
def test_screenshots_of_a_chain_and_of_the_start_end_compose(tmp_path):
    from PIL import Image, ImageStat

    from tests.shot_dirs import doc_shots_dir

    docs = doc_shots_dir(tmp_path)

    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "HAILUO_DESKTOP_HOME": str(tmp_path / "home")}
    result = subprocess.run(
        [sys.executable, __file__, str(tmp_path), str(docs)],
        cwd=REPO,
        env=env,
        capture_output=True,
        check=False,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["chain_buttons"] == 3 and report["parents_kept"], report
    assert report["slots"] == ["start", "end"], report
    for path in (docs / name for name in SHOTS.values()):
        assert 0 < path.stat().st_size <= MAX_BYTES, path
        with Image.open(path) as shot:
            assert shot.size == (1280, 800)
            assert ImageStat.Stat(shot.convert("L")).stddev[0] > 10, f"{path.name} looks blank"


# --- the scenes (run in the subprocess) ----------------------------------------------------


async def _scenes(work: Path, docs: Path) -> dict:
    import asyncio

    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtGui import QGuiApplication

    from hailuo_desktop.app import AppSession, SessionOptions
    from hailuo_desktop.domain.states import TaskState
    from hailuo_desktop.services.home import DataPaths
    from hailuo_desktop.services.secrets import KeyStore, MemoryKeyringBackend
    from hailuo_desktop.simulator.media import load_sample
    from hailuo_desktop.simulator.server import ManualClock, SimConfig, Simulator
    from hailuo_desktop.ui.compose.frames_slots import FrameRole
    from hailuo_desktop.ui.demo_video import DemoResultFactory
    from tests.test_screenshots import WINDOW_SIZE, Waiter, _pictures

    wait = Waiter(asyncio.get_running_loop())
    factory = DemoResultFactory(asyncio.get_running_loop(), work / "clips", load_sample)
    sim = Simulator(SimConfig(seed=5, result_factory=factory), clock=ManualClock(start=1000.0))
    await sim.start()
    pictures = _pictures(work / "pictures")
    keys = KeyStore(
        env={},
        backend=MemoryKeyringBackend(
            {p: f"{p}-screenshot-key" for p in ("apixo", "kie", "apikley", "apiinone", "minimax")}
        ),
    )
    session = AppSession(
        SessionOptions(
            paths=DataPaths.at(work / "home"), key_store=keys, api_url=sim.api_url, poll_interval=0.05, use_tray=False
        )
    )
    window, controller, compose = session.window, session.controller, session.window.compose
    store, bridge = session.store, session.shell.bridge
    window.setGeometry(0, 0, *WINDOW_SIZE)
    session.show()
    await session.started()
    screen = QGuiApplication.primaryScreen()

    def shot(target: Path) -> None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        window.repaint()
        raw = work / f"{target.stem}-raw.png"
        screen.grabWindow(0, 0, 0, *WINDOW_SIZE).save(str(raw))  # the screen: the video is drawn outside widgets
        _save_small(raw, target)

    async def generate(prompt: str):
        compose.prompt.set_text(prompt)
        submitted = wait.signal(controller.tasks_submitted)
        assert compose.trigger_generate(), compose.generate_reason()
        (tasks,) = await submitted
        task = tasks[0]
        while store.get(task.id).remote_id is None:
            await wait.signal(bridge.event)
        sim.advance(3600)
        while store.get(task.id).state is not TaskState.SUCCEEDED:
            await wait.signal(bridge.event)
        return store.get(task.id)

    async def continue_from(task) -> None:
        continued = wait.signal(controller.shots.continued)
        window.tasks.select(task.id)
        controller.shots.continue_action.trigger()
        await continued

    # A three-take shot: each take starts on the last frame of the one before.
    compose.apply_settings("minimax", "MiniMax-Hailuo-02", None, 6, "768P", "", None)
    checked = wait.signal(controller.images_checked)
    compose.paths_dropped.emit([str(pictures[1])])
    await checked
    takes = [await generate(PROMPTS[0])]
    for prompt in PROMPTS[1:]:
        await continue_from(takes[-1])
        takes.append(await generate(prompt))

    sink = window.detail.video.videoSink()
    frames: list = []
    sink.videoFrameChanged.connect(lambda frame: frames.append(frame))
    window.tasks.select(takes[1].id)  # the chain is drawn at once (a store read)
    assert window.detail.chain.lineage.task.id == takes[1].id
    while len(frames) < 24:
        await wait.signal(sink.videoFrameChanged)
    shot(docs / SHOTS["chain"])
    chain_buttons = len(window.detail.chain.buttons)

    # Start and End: the opening picture in Start, the last take's last frame in End.
    window.tasks.select(takes[-1].id)
    sent = wait.signal(controller.shots.frame_sent)
    controller.shots.to_end_action.trigger()
    await sent
    placed = wait.signal(compose.frames.changed, lambda: compose.frames.key(FrameRole.START) is not None)
    compose.frames.paths_dropped.emit(FrameRole.START, [str(pictures[4])])
    await placed  # listed, checked and its thumbnail read, then put in the slot
    compose.prompt.set_text("From the lake at dusk up to the clouds above the ridge [Pedestal up]")
    compose.body.ensureWidgetVisible(compose.prompt)  # the slots and the prompt
    shot(docs / SHOTS["start_end"])
    slots = [role.value for role in FrameRole if compose.frames.key(role)]

    controller.allow_close()
    await session.close()
    await sim.stop()
    return {
        "chain_buttons": chain_buttons,
        "slots": slots,
        "video_frames": len(frames),
        "parents_kept": [t.parent_id for t in takes] == [None, takes[0].id, takes[1].id],
    }


def _save_small(source: Path, target: Path) -> None:
    from PIL import Image

    target.parent.mkdir(parents=True, exist_ok=True)
    with Image.open(source) as image:
        image.convert("RGB").save(target, optimize=True)
        if target.stat().st_size > MAX_BYTES:
            image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(target, optimize=True)


def main(argv: list[str]) -> int:
    import qasync

    from hailuo_desktop.app import make_application

    make_application([])
    report = qasync.run(_scenes(Path(argv[0]), Path(argv[1])))
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    raise SystemExit(main(sys.argv[1:]))
