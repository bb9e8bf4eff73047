"""Screenshots of issue 8's states in the real window under X (Xvfb), at 1024×640.

The test starts this file as a subprocess on the xcb platform and checks what it wrote to
docs/: a failed task (content filter), submits held for an empty balance, a task the
runner retries ("answer unreadable, retry 3 in 49 s"), a task that needs a check, the
cancel question and a cancelled sent task, a batch counted by outcome, the spend guard,
the cost ledger and the Demo menu. It runs as the demo (the app's own composition on the
simulator, ManualClock): failures are armed through the Demo menu's simulator table and
reached by advancing simulated time. The retrying and needs-a-check rows are written to
the store as the runner writes them (waiting for the runner's real back-off would take
minutes); the window then shows them like any other task.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import heavy_enabled

REPO = Path(__file__).resolve().parents[1]
WINDOW_SIZE = (1024, 640)
WINDOW_SHOTS = ("truth-failure", "truth-held", "truth-stuck", "truth-needs-check", "truth-cancelled", "truth-batch")
DIALOG_SHOTS = ("truth-cancel-question", "truth-spend-guard", "truth-ledger", "truth-demo-menu")
MAX_BYTES = 400 * 1024


@pytest.mark.gui
@pytest.mark.skipif(not os.environ.get("DISPLAY"), reason="no X display: run under xvfb-run (run.sh test does)")
@pytest.mark.skipif(not heavy_enabled(), reason="~35 s (the engine reads a balance at most every 15 s): HAILUO_HEAVY=1")
def test_screenshots_of_failure_stuck_cancelled_and_money_states(tmp_path):
    from PIL import Image, ImageStat

    from tests.shot_dirs import doc_shots_dir

    out = doc_shots_dir(tmp_path)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "xcb",
        "HAILUO_DESKTOP_HOME": str(tmp_path / "home"),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
    }
    result = subprocess.run(
        [sys.executable, __file__, str(out), str(tmp_path)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    for name in WINDOW_SHOTS + DIALOG_SHOTS:
        path = out / f"{name}.png"
        with Image.open(path) as shot:
            if name in WINDOW_SHOTS:
                assert shot.size == WINDOW_SIZE, name
            assert ImageStat.Stat(shot.convert("L")).stddev[0] > 10, f"{name}.png looks blank"
        assert path.stat().st_size <= MAX_BYTES, name
    assert report["failure_title"] == "kie.ai's content filter refused the prompt or the image"
    assert report["held"].startswith("Not enough balance on kie.ai") and report["held_balance"] == "Balance: 0 credits"
    assert report["stuck"] == "answer unreadable, retry 3 in 49 s"
    assert report["batch"] == "Batch finished with problems: 3 finished: 1 ready, 2 failed"
    assert report["guard"].startswith("Send 14 videos for")


# --- the scenes (run in the subprocess) ----------------------------------------------------


def _pictures(folder: Path) -> list[Path]:
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, hue in enumerate((20, 200, 280, 140)):
        image = QImage(1600, 900, QImage.Format.Format_RGB32)
        painter = QPainter(image)
        sky = QLinearGradient(0, 0, 0, 900)
        sky.setColorAt(0, QColor.fromHsl(hue, 170, 90))
        sky.setColorAt(1, QColor.fromHsl((hue + 40) % 360, 200, 190))
        painter.fillRect(image.rect(), sky)
        painter.setBrush(QColor.fromHsl((hue + 180) % 360, 220, 220))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(QPointF(500 + 120 * n, 330), 140, 140)
        painter.end()
        path = folder / f"shore-{n + 1}.jpg"
        image.save(str(path), "JPEG", 88)
        paths.append(path)
    return paths


class Scenes:
    def __init__(self, out: Path, work: Path) -> None:
        self.out, self.work = out, work
        self.report: dict = {}

    async def run(self) -> dict:
        import asyncio

        from hailuo_desktop.app import AppSession
        from hailuo_desktop.demo import demo_key_store
        from hailuo_desktop.services.home import DataPaths
        from hailuo_desktop.session_options import SessionOptions
        from hailuo_desktop.simulator.server import ManualClock, SimConfig, Simulator
        from tests.test_screenshots import Waiter

        self.loop = asyncio.get_running_loop()
        self.wait = Waiter(self.loop)
        self.sim = Simulator(SimConfig(seed=5), clock=ManualClock(start=1000.0))
        await self.sim.start()
        self.pictures = _pictures(self.work / "pictures")
        options = SessionOptions(
            paths=DataPaths.at(self.work / "home"),
            key_store=demo_key_store(),
            api_url=self.sim.api_url,
            poll_interval=0.05,
            use_tray=False,
            demo=True,
            extra_upload_routes={"apixo": "kie_upload"},
        )
        self.session = AppSession(options)
        self.window, self.controller = self.session.window, self.session.controller
        self.compose, self.store = self.window.compose, self.session.store
        self.window.setGeometry(0, 0, *WINDOW_SIZE)
        self.session.show()
        await self.session.started()
        self.out.mkdir(parents=True, exist_ok=True)
        try:
            await self.scenes()
        finally:
            self.controller.allow_close()
            await self.session.close()
            await self.sim.stop()
        return self.report

    # --- helpers -------------------------------------------------------------------------
    def shot(self, name: str) -> None:
        from PySide6.QtCore import QCoreApplication, QEvent
        from PySide6.QtGui import QGuiApplication

        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self.window.repaint()
        QGuiApplication.primaryScreen().grabWindow(0, 0, 0, *WINDOW_SIZE).save(str(self.out / f"{name}.png"))

    def grab(self, widget, name: str) -> None:
        from PySide6.QtCore import QCoreApplication, QEvent

        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        widget.grab().save(str(self.out / f"{name}.png"))

    async def question(self):
        """The message box a click opened (window-modal, opened on the next loop turn)."""
        import asyncio

        from PySide6.QtWidgets import QMessageBox

        while True:
            box = next((b for b in self.window.findChildren(QMessageBox) if b.isVisible()), None)
            if box is not None:
                return box
            await asyncio.sleep(0)  # one loop turn: the slot that opens it runs

    async def generate(self, prompt: str, variants: int = 1) -> list:
        self.compose.variants.setValue(variants)
        self.compose.prompt.set_text(prompt)
        import asyncio

        submitted = asyncio.ensure_future(self.wait.signal(self.controller.tasks_submitted))
        assert self.compose.trigger_generate()
        (tasks,) = await submitted
        return tasks

    async def until(self, check) -> None:
        while not check():
            await self.wait.signal(self.session.shell.bridge.event, timeout=30)

    def sent(self, task_id: str) -> bool:
        return self.store.get(task_id).remote_id is not None

    def state(self, task_id: str):
        return self.store.get(task_id).state

    # --- the scenes ----------------------------------------------------------------------
    async def scenes(self) -> None:
        from hailuo_desktop.domain.states import TaskState

        self.compose.apply_settings("kie", "hailuo/2-3-image-to-video-standard", None, 6, "768P", "", None)
        import asyncio

        # Listening starts now (a bare coroutine would connect only when awaited, after the fact).
        checked = asyncio.ensure_future(self.wait.signal(self.controller.images_checked))  # the full verdict
        thumbnails = asyncio.ensure_future(self.wait.signal(self.controller.thumbnails_shown))
        self.compose.paths_dropped.emit([str(self.pictures[0])])
        await checked
        await thumbnails
        await self.failure(TaskState)
        await self.held(TaskState)
        self.stuck_rows(TaskState)
        await self.cancelled(TaskState)
        await self.batch(TaskState)
        await self.money()
        self.demo_menu()

    async def failure(self, TaskState) -> None:
        self.sim.arm_demo("content", "kie")
        (task,) = await self.generate("Waves roll in under a pink sky, slow push in")
        await self.until(lambda: self.sent(task.id))
        self.sim.advance(3600)
        await self.until(lambda: self.state(task.id) is TaskState.FAILED)
        self.window.tasks.select(task.id)
        self.report["failure_title"] = self.window.detail.error_title.text()
        self.shot("truth-failure")

    async def held(self, TaskState) -> None:
        self.sim.arm_demo("balance", "kie")
        (task,) = await self.generate("The hiker walks toward the ridge at dawn")
        bar = self.controller.pauses.bar
        await self.until(lambda: bar.isVisible() and self.store.get(task.id).activity == "paused_no_balance")
        while "Balance: 0 credits" not in self.compose.cost.balance.text():  # read again when the pause began
            await self.wait.signal(self.controller.balance_shown, timeout=30)
        self.window.tasks.select(task.id)
        self.report["held"] = bar.rows["kie"].text.text()
        self.report["held_balance"] = self.compose.cost.balance.text()
        self.shot("truth-held")
        self.sim.arm_demo("topped_up", "kie")
        bar.rows["kie"].resume.click()
        await self.until(lambda: self.sent(task.id))
        while self.compose.cost.balance.text() == "Balance: 0 credits":  # the top-up, read after the resume
            await self.wait.signal(self.controller.balance_shown, timeout=30)
        self.sim.advance(3600)
        await self.until(lambda: self.state(task.id) is TaskState.SUCCEEDED)

    def stuck_rows(self, TaskState) -> None:
        import time

        from hailuo_desktop.domain.catalog import find_model
        from hailuo_desktop.domain.codes import ErrorCode
        from hailuo_desktop.domain.task import Task

        spec, now = find_model("kie"), time.time()
        common = dict(
            provider="kie",
            model=spec.model,
            kind=spec.kind,
            mode=spec.mode,
            duration=6,
            resolution="768P",
            image_path=str(self.pictures[1]),
            cost=30.0,
            cost_unit="credits",
            created_at=now - 400,
            submit_started_at=now - 399,
            submitted_at=now - 398,
            base_url=self.sim.api_url,
        )
        stuck = self.store.add(
            Task(
                id="stuck-1",
                prompt="Mist drifts over the valley, slow tilt up",
                state=TaskState.RUNNING,
                remote_id="r-stuck-1",
                activity="poll_unreadable",
                activity_attempt=3,
                next_attempt_at=now + 49,
                **common,
            )
        )
        self.window.tasks.select(stuck.id)
        self.report["stuck"] = self.window.detail.check_bar.activity.text()
        self.shot("truth-stuck")
        checked = self.store.add(
            Task(
                id="check-1",
                prompt="The sun dips behind the hills [Push in]",
                state=TaskState.NEEDS_CHECK,
                remote_id="r-check-1",
                error_code=ErrorCode.NEEDS_CHECK,
                finished_at=now - 20,
                error_message="5 status answers in a row could not be read.",
                **common,
            )
        )
        self.window.tasks.select(checked.id)
        self.shot("truth-needs-check")
        self.store.remove(stuck.id)  # nothing follows it: keep the later shots' "running" honest

    async def cancelled(self, TaskState) -> None:
        (task,) = await self.generate("A lighthouse beam sweeps the fog [Pan right]")
        await self.until(lambda: self.sent(task.id))
        self.window.tasks.select(task.id)
        self.window.detail.cancel.click()
        box = await self.question()
        self.grab(box, "truth-cancel-question")
        next(b for b in box.buttons() if b.text() == "Stop following").click()
        await self.until(lambda: self.state(task.id) is TaskState.CANCELLED)
        self.window.tasks.select(task.id)
        self.shot("truth-cancelled")

    async def batch(self, TaskState) -> None:
        self.sim.arm_demo("content", "kie")
        self.sim.arm_demo("content", "kie")
        tasks = await self.generate("Three takes of the shore at dusk", variants=3)
        await self.until(lambda: all(self.sent(t.id) for t in tasks))
        notifier = self.session.shell.notifier
        self.sim.advance(3600)
        await self.until(
            lambda: (
                all(self.state(t.id).is_final for t in tasks)
                and notifier.last_message
                and notifier.last_message[0].startswith("Batch")
            )
        )
        self.window.tasks.select(tasks[0].id)
        self.report["batch"] = self.window.statusBar().currentMessage()
        self.shot("truth-batch")

    async def money(self) -> None:
        self.compose.variants.setValue(14)  # 14 × 30 credits ≈ $2.10: above the $2 guard
        self.compose.prompt.set_text("Fourteen takes, by accident")
        assert self.compose.trigger_generate()
        box = await self.question()
        self.report["guard"] = box.windowTitle()
        self.grab(box, "truth-spend-guard")
        next(b for b in box.buttons() if b.text() == "Don't send").click()
        dialog = self.controller.money.open_ledger()
        self.grab(dialog, "truth-ledger")
        dialog.close()

    def demo_menu(self) -> None:
        from PySide6.QtCore import QPoint

        menu = self.controller.demo_menu.menu
        menu.popup(self.window.mapToGlobal(QPoint(300, 30)))
        self.grab(menu, "truth-demo-menu")
        menu.close()


def main(argv: list[str]) -> int:
    import qasync

    from hailuo_desktop.app import make_application

    out, work = (Path(a) for a in argv[:2])
    make_application([])
    report = qasync.run(Scenes(out, work).run())
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    raise SystemExit(main(sys.argv[1:]))
