"""The real window, driven like a creator drives it, against the simulator over loopback.

Every test builds the app's own composition (app.AppSession) on a private data home. The
simulator runs with a ManualClock: a task moves only when the test advances it, so no
test waits on the wall clock (qtbot.waitUntil/waitSignal only).
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import keyring
import pytest
import shiboken6
from keyring.errors import KeyringError
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtWidgets import QApplication

from hailuo_desktop.domain.states import TaskState
from hailuo_desktop.services.secrets import SERVICE, KeyStore, MemoryKeyringBackend
from hailuo_desktop.ui.compose.image_list import PROBLEMS_ROLE, STATE_ROLE
from hailuo_desktop.ui.first_run import FirstRunDialog
from hailuo_desktop.ui.tasks.model import TaskIdRole
from tests.fixtures.ui import TEST_KEYS, close_session, engine_read

pytestmark = pytest.mark.gui

KIE_MODEL = "hailuo/2-3-image-to-video-standard"
LONG_ENOUGH = 3600.0  # sim seconds: any drawn queue + run time is over by then
WAIT_MS = 20_000


def choose_kie(window) -> None:
    window.compose.apply_settings("kie", KIE_MODEL, None, 6, "768P", "", None)


def image_rows(compose) -> dict[str, tuple[str, list[str]]]:
    model = compose.images
    return {
        model.index(r, 0).data(Qt.ItemDataRole.DisplayRole) or str(r): (
            model.index(r, 0).data(STATE_ROLE),
            model.index(r, 0).data(PROBLEMS_ROLE),
        )
        for r in range(model.rowCount())
    }


def drop(qtbot, session, *paths) -> None:
    with qtbot.waitSignal(session.controller.images_checked, timeout=WAIT_MS):
        session.window.compose.paths_dropped.emit([str(p) for p in paths])


def generate(qtbot, session, prompt: str):
    window = session.window
    window.compose.prompt.set_text(prompt)
    window.compose.prompt.setFocus()
    with qtbot.waitSignal(session.controller.tasks_submitted, timeout=WAIT_MS) as submitted:
        qtbot.keyClick(window.compose.prompt, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    return submitted.args[0]


def wait_state(qtbot, store, task_id: str, *states: TaskState) -> None:
    qtbot.waitUntil(lambda: store.get(task_id).state in states, timeout=WAIT_MS)


def wait_sent(qtbot, store, task_id: str) -> None:
    qtbot.waitUntil(lambda: store.get(task_id).remote_id is not None, timeout=WAIT_MS)


def test_drop_validate_submit_run_succeed_and_play(qtbot, ui_session, simulator_thread, image_maker):
    session = ui_session(simulator_thread.api_url)
    window, store = session.window, session.store
    qtbot.waitExposed(window)
    choose_kie(window)
    good = image_maker.png(800, 600, name="good.png")
    too_wide = image_maker.png(1500, 300, name="too-wide.png")
    drop(qtbot, session, good, too_wide)
    assert window.compose.images.accepted_keys() == [str(good)]
    rows = image_rows(window.compose)
    refused = next(problems for state, problems in rows.values() if state == "bad")
    assert any("aspect ratio" in p for p in refused) and any("short side" in p for p in refused)

    (task,) = generate(qtbot, session, "a slow push in on the lake")
    assert window.tasks.model.index(0, 0).data(TaskIdRole) == task.id  # listed at once, on top
    wait_sent(qtbot, store, task.id)
    assert store.get(task.id).state in (TaskState.QUEUED, TaskState.RUNNING)
    assert window.detail.task is not None and window.detail.task.id == task.id

    simulator_thread.advance(LONG_ENOUGH)
    wait_state(qtbot, store, task.id, TaskState.SUCCEEDED)
    done = store.get(task.id)
    assert os.path.getsize(done.video_path) == done.video_bytes > 0
    # The store's change reaches the window queued from the engine's thread: the detail makes its
    # player when it shows the finished task.
    qtbot.waitUntil(lambda: window.detail.player_view is not None, timeout=WAIT_MS)
    player = window.detail.player
    with qtbot.waitSignal(window.detail.video.videoSink().videoFrameChanged, timeout=WAIT_MS):
        qtbot.waitUntil(lambda: player.playbackState() == QMediaPlayer.PlaybackState.PlayingState, timeout=WAIT_MS)
    assert window.detail.audio.isMuted()
    assert player.loops() == QMediaPlayer.Loops.Infinite
    assert simulator_thread.stats.submits["kie"] == 1
    assert session.shell.notifier.last_message == ("Video ready", "a slow push in on the lake")


def test_a_failed_task_shows_the_providers_message(qtbot, ui_session, simulator_thread, image_maker):
    session = ui_session(simulator_thread.api_url)
    window, store = session.window, session.store
    choose_kie(window)
    drop(qtbot, session, image_maker.png(640, 480, name="cat.png"))
    (task,) = generate(qtbot, session, "a cat {{sim:fail=501;msg=The image breaks the content rules}}")
    wait_sent(qtbot, store, task.id)
    simulator_thread.advance(LONG_ENOUGH)
    wait_state(qtbot, store, task.id, TaskState.FAILED)
    detail = window.detail
    qtbot.waitUntil(lambda: detail.error_box.isVisible(), timeout=WAIT_MS)
    assert detail.error_title.text() == "kie.ai could not make this video"
    assert "The image breaks the content rules" in detail.error_text.text()
    assert detail.retry.isEnabled() and not detail.cancel.isEnabled()
    detail.copy_details.click()
    copied = QGuiApplication.clipboard().text()
    assert task.id in copied and "501" in copied
    assert not any(key in copied for key in TEST_KEYS.values())


def test_no_balance_holds_the_providers_submits_until_resumed(qtbot, ui_session, simulator_thread, image_maker):
    from hailuo_desktop.ui.tasks.model import PROGRESS

    simulator_thread.set_balance("kie", 0)
    session = ui_session(simulator_thread.api_url)
    window, store = session.window, session.store
    choose_kie(window)
    qtbot.waitUntil(lambda: "Balance: 0 credits" in _balance_text(window), timeout=WAIT_MS)
    drop(qtbot, session, image_maker.png(640, 480, name="cat.png"))
    (task,) = generate(qtbot, session, "a cat")
    bar = session.controller.pauses.bar
    qtbot.waitUntil(bar.isVisible, timeout=WAIT_MS)
    row = bar.rows["kie"]
    assert row.text.text().startswith("Not enough balance on kie.ai: new tasks for kie.ai are held")
    assert row.top_up.isVisible() and row.resume.isVisible()
    # The engine's thread announces the pause, then records it on the task: wait for the record.
    qtbot.waitUntil(lambda: store.get(task.id).activity is not None, timeout=WAIT_MS)
    held = store.get(task.id)
    assert (held.state, held.remote_id, held.activity) == (TaskState.QUEUED, None, "paused_no_balance")
    model = window.tasks.model
    qtbot.waitUntil(
        lambda: model.index(model.row_of(task.id), PROGRESS).data() == "held: not enough balance on kie.ai",
        timeout=WAIT_MS,
    )
    assert simulator_thread.stats.submits["kie"] == 1
    simulator_thread.set_balance("kie", 1000)  # the user topped up
    row.resume.click()
    wait_sent(qtbot, store, task.id)
    qtbot.waitUntil(bar.isHidden, timeout=WAIT_MS)  # the resume reaches the window queued from the engine
    assert simulator_thread.stats.submits["kie"] == 2
    qtbot.waitUntil(lambda: "Balance: 970 credits" in _balance_text(window), timeout=WAIT_MS)


def test_without_a_key_generate_says_to_enter_one(qtbot, ui_session, simulator_thread, image_maker):
    keys = KeyStore(env={"APIXO_API_KEY": TEST_KEYS["apixo"]}, backend=MemoryKeyringBackend())
    session = ui_session(simulator_thread.api_url, key_store=keys)
    window = session.window
    choose_kie(window)
    drop(qtbot, session, image_maker.png(640, 480, name="cat.png"))
    window.compose.prompt.set_text("a cat")
    qtbot.waitUntil(lambda: "No kie.ai key" in (window.compose.generate_reason() or ""), timeout=WAIT_MS)
    assert not window.compose.trigger_generate()
    assert simulator_thread.stats.submits["kie"] == 0


def test_first_run_without_any_key_offers_the_demo(qtbot, ui_session, simulator_thread):
    session = ui_session(simulator_thread.api_url, key_store=KeyStore(env={}, backend=MemoryKeyringBackend()))
    qtbot.waitUntil(lambda: _first_run_dialog() is not None, timeout=WAIT_MS)
    dialog = _first_run_dialog()
    assert dialog.enter_key.text() == "Enter a key…"
    with qtbot.waitSignal(session.controller.demo_requested, timeout=WAIT_MS):
        dialog.try_demo.click()


def test_restart_resumes_an_unfinished_task_without_sending_it_again(
    qtbot, ui_session, simulator_thread, image_maker, tmp_path
):
    home = tmp_path / "shared-home"
    first = ui_session(simulator_thread.api_url, home=home)
    choose_kie(first.window)
    drop(qtbot, first, image_maker.png(640, 480, name="cat.png"))
    (task,) = generate(qtbot, first, "a cat")
    wait_sent(qtbot, first.store, task.id)
    close_session(qtbot, first)  # the app quits while the provider is still generating
    assert not shiboken6.isValid(first.window)  # the whole session's Qt side is gone

    simulator_thread.advance(LONG_ENOUGH)
    second = ui_session(simulator_thread.api_url, home=home)
    store = second.store
    assert second.window.tasks.model.index(0, 0).data(TaskIdRole) == task.id  # listed from the store at once
    wait_state(qtbot, store, task.id, TaskState.SUCCEEDED)
    assert os.path.exists(store.get(task.id).video_path)
    assert simulator_thread.stats.submits["kie"] == 1


def _secret_service_usable() -> str | None:
    """None when the real Secret Service answers; else why not (the skip reason)."""
    backend = keyring.get_keyring()
    if "SecretService" not in type(backend).__module__ + type(backend).__name__:
        return f"no Secret Service on a session bus (keyring backend: {type(backend).__name__})"
    try:
        backend.set_password("hailuo-desktop-probe", "probe", "probe")
        backend.delete_password("hailuo-desktop-probe", "probe")
    except KeyringError as error:
        return f"the Secret Service is not usable: {error}"
    return None


@pytest.mark.keyring
def test_a_key_saved_in_settings_lives_in_the_os_keyring(qtbot, ui_session, simulator_thread):
    reason = _secret_service_usable()
    if reason:
        pytest.skip(reason + "; run the suite as run.sh does (dbus-run-session + gnome-keyring-daemon --unlock)")
    session = ui_session(simulator_thread.api_url, key_store=KeyStore(env={}))
    controller = session.controller
    qtbot.waitUntil(lambda: _first_run_dialog() is not None, timeout=WAIT_MS)
    _first_run_dialog().enter_key.click()  # the first run leads to the settings dialog
    flow = controller.settings_flow
    qtbot.waitUntil(lambda: flow.dialog is not None and flow.dialog.isVisible(), timeout=WAIT_MS)
    dialog = flow.dialog
    key = "kie-key-from-the-settings-dialog"
    row = dialog.rows["kie"]
    try:
        with qtbot.waitSignal(flow.keys_changed, timeout=WAIT_MS):
            qtbot.keyClicks(row.field, key)
            row.save.click()
        assert row.status.text().startswith("Stored in the OS keyring.")
        assert row.field.text() == ""
        assert keyring.get_keyring().get_password(SERVICE, "kie") == key  # read back from the keyring
        fresh = asyncio.ensure_future(KeyStore(env={}).get("kie"))  # a new store, as after a restart
        qtbot.waitUntil(fresh.done, timeout=WAIT_MS)
        assert fresh.result() == key
        choose_kie(session.window)  # the key is used: the balance comes from the simulator with it
        qtbot.waitUntil(lambda: "Balance:" in _balance_text(session.window), timeout=WAIT_MS)
        assert any(r.had_authorization for r in simulator_thread.stats.requests if r.provider == "kie")
    finally:
        keyring.get_keyring().delete_password(SERVICE, "kie")


def _first_run_dialog() -> FirstRunDialog | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, FirstRunDialog) and w.isVisible()), None)


def _balance_text(window) -> str:
    return window.compose.cost.balance.text()


def test_the_demo_animates_the_users_own_image(qtbot, qasync_running_loop, tmp_path, image_maker):
    from hailuo_desktop.app import AppSession, DemoBackend, demo_options
    from hailuo_desktop.simulator.media import load_sample
    from hailuo_desktop.simulator.server import ManualClock

    backend = DemoBackend(tmp_path / "demo", clock=ManualClock(start=0.0))
    starting = asyncio.ensure_future(backend.start())
    qtbot.waitUntil(starting.done, timeout=WAIT_MS)
    session = AppSession(demo_options(tmp_path / "demo", starting.result()))
    try:
        session.show()
        window, store = session.window, session.store
        assert "demo" in window.windowTitle()
        # APIXO has no upload API: in the demo its images go through the (simulated) kie upload.
        assert window.compose.current_provider() == "apixo"
        drop(qtbot, session, image_maker.png(900, 600, name="my-photo.png"))
        (task,) = generate(qtbot, session, "slow push in")
        wait_sent(qtbot, store, task.id)
        backend.simulator.advance(LONG_ENOUGH)
        wait_state(qtbot, store, task.id, TaskState.SUCCEEDED)
        video = open(store.get(task.id).video_path, "rb").read()
        assert backend.factory.made, "the demo fell back to the sample clip"
        assert video == backend.factory.made[-1].read_bytes() != load_sample()
        assert _first_run_dialog() is None  # the demo never asks for a key
    finally:
        close_session(qtbot, session)
        stopping = asyncio.ensure_future(backend.stop())
        qtbot.waitUntil(stopping.done, timeout=WAIT_MS)


def test_cancel_stops_following_and_retry_makes_a_new_task(qtbot, ui_session, simulator_thread, image_maker):
    session = ui_session(simulator_thread.api_url)
    window, store = session.window, session.store
    choose_kie(window)
    drop(qtbot, session, image_maker.png(640, 480, name="cat.png"))
    (task,) = generate(qtbot, session, "a cat on a roof")
    wait_sent(qtbot, store, task.id)
    assert window.detail.cancel.isEnabled()
    window.detail.cancel.click()
    from PySide6.QtWidgets import QMessageBox  # a sent task: the provider may still charge, so it asks

    qtbot.waitUntil(lambda: any(b.isVisible() for b in window.findChildren(QMessageBox)), timeout=WAIT_MS)
    box = next(b for b in window.findChildren(QMessageBox) if b.isVisible())
    next(b for b in box.buttons() if b.text() == "Stop following").click()
    wait_state(qtbot, store, task.id, TaskState.CANCELLED)
    assert task.id not in engine_read(qtbot, session, lambda e: e.runner.active())  # nothing polls it any more
    qtbot.waitUntil(window.detail.retry.isEnabled, timeout=WAIT_MS)
    with qtbot.waitSignal(window.tasks.model.rowsInserted, timeout=WAIT_MS):
        window.detail.retry.click()
    fresh_id = window.tasks.model.index(0, 0).data(TaskIdRole)
    fresh = store.get(fresh_id)
    assert fresh_id != task.id and (fresh.prompt, fresh.model, fresh.image_path) == (
        task.prompt,
        task.model,
        task.image_path,
    )
    wait_sent(qtbot, store, fresh_id)
    assert simulator_thread.stats.submits["kie"] == 2
    qtbot.waitUntil(lambda: window.tasks.selected_id() == fresh_id, timeout=WAIT_MS)


def test_reuse_puts_the_prompt_settings_and_image_back(qtbot, ui_session, simulator_thread, image_maker):
    session = ui_session(simulator_thread.api_url)
    window = session.window
    choose_kie(window)
    picture = image_maker.png(640, 480, name="reuse-me.png")
    drop(qtbot, session, picture)
    (task,) = generate(qtbot, session, "reuse this exact prompt [Pan left]")
    window.compose.clear_images()
    window.compose.apply_settings("apixo", "hailuo-2-3-fast", "standard-image-to-video", 6, None, "other", None)
    with qtbot.waitSignal(session.controller.images_checked, timeout=WAIT_MS):
        window.detail.reuse.click()
    assert window.compose.current_provider() == "kie"
    assert window.compose.prompt.text() == "reuse this exact prompt [Pan left]"
    assert window.compose.images.accepted_keys() == [task.image_path]


def test_keyboard_shortcuts_reach_their_actions(qtbot, ui_session, simulator_thread, image_maker):
    session = ui_session(simulator_thread.api_url)
    window, store = session.window, session.store
    actions = window.actions
    shortcuts = {
        name: getattr(actions, name).shortcut().toString()
        for name in ("open_images", "paste", "generate", "settings", "remove_task", "search", "quit")
    }
    assert shortcuts == {
        "open_images": "Ctrl+O",
        "paste": "Ctrl+V",
        "generate": "Ctrl+Return",
        "settings": "Ctrl+,",
        "remove_task": "Del",
        "search": "Ctrl+F",
        "quit": "Ctrl+Q",
    }
    qtbot.waitExposed(window)
    with qtbot.waitActive(window, timeout=WAIT_MS):
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.tasks.search.hasFocus()
    choose_kie(window)
    drop(qtbot, session, image_maker.png(640, 480, name="cat.png"))
    (task,) = generate(qtbot, session, "a cat {{sim:fail=501}}")
    wait_sent(qtbot, store, task.id)
    simulator_thread.advance(LONG_ENOUGH)
    wait_state(qtbot, store, task.id, TaskState.FAILED)
    window.tasks.select(task.id)
    window.tasks.table.setFocus()
    with qtbot.waitSignal(window.tasks.model.rowsRemoved, timeout=WAIT_MS):
        qtbot.keyClick(window.tasks.table, Qt.Key.Key_Delete)
    assert store.count() == 0
    qtbot.keyClick(window.tasks.table, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    flow = session.controller.settings_flow
    qtbot.waitUntil(lambda: flow.dialog is not None and flow.dialog.isVisible(), timeout=WAIT_MS)
    flow.dialog.reject()


def test_search_box_filters_the_list_by_prompt(qtbot, ui_session, simulator_thread, make_task, tmp_path):
    from hailuo_desktop.services.store import TaskStore

    home = tmp_path / "search-home"
    seeded = TaskStore(home / "tasks.sqlite3")
    seeded.add_many(
        [
            make_task(prompt="a red fox in snow"),
            make_task(prompt="a blue whale"),
            make_task(prompt="Red sunset over the sea"),
        ]
    )
    seeded.close()
    session = ui_session(simulator_thread.api_url, home=home)
    panel = session.window.tasks
    qtbot.keyClicks(panel.search, "red")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=WAIT_MS)
    prompts = {panel.model.index(r, 0).data() for r in range(2)}
    assert prompts == {"a red fox in snow", "Red sunset over the sea"}
    panel.search.clear()
    panel.state_filter.setCurrentIndex(panel.state_filter.findText("Failed"))
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0 and panel.placeholder.isVisible(), timeout=WAIT_MS)
    assert panel.placeholder.text() == "No task matches this filter."


def test_quitting_with_a_running_task_asks_first(qtbot, ui_session, simulator_thread, image_maker):
    from PySide6.QtWidgets import QMessageBox

    session = ui_session(simulator_thread.api_url)
    window, store = session.window, session.store
    choose_kie(window)
    drop(qtbot, session, image_maker.png(640, 480, name="cat.png"))
    (task,) = generate(qtbot, session, "a cat")
    wait_sent(qtbot, store, task.id)

    def question() -> QMessageBox | None:
        return next((b for b in window.findChildren(QMessageBox) if b.isVisible()), None)

    window.close()
    qtbot.waitUntil(lambda: question() is not None, timeout=WAIT_MS)
    assert window.isVisible()
    keep = next(b for b in question().buttons() if b.text() == "Keep running")
    keep.click()
    qtbot.waitUntil(lambda: question() is None, timeout=WAIT_MS)
    assert window.isVisible() and store.get(task.id).state in (TaskState.QUEUED, TaskState.RUNNING)
    window.close()
    qtbot.waitUntil(lambda: question() is not None, timeout=WAIT_MS)
    with qtbot.waitSignal(window.closed, timeout=WAIT_MS):
        next(b for b in question().buttons() if b.text() == "Quit").click()
    assert not store.get(task.id).state.is_final  # left to resume on the next start


def test_window_geometry_is_remembered(qtbot, ui_session, simulator_thread, tmp_path):
    # The offscreen screen is 800x600, so Qt fits a restored width to the minimum; the
    # height and the splitter positions come back as they were left.
    home = tmp_path / "geometry-home"
    first = ui_session(simulator_thread.api_url, home=home)
    qtbot.waitExposed(first.window)
    first.window.resize(1111, 707)
    first.window.main.setSizes([460, 640])
    compose_width = first.window.main.sizes()[0]
    with qtbot.waitSignal(first.window.closed, timeout=WAIT_MS):
        first.window.close()
    close_session(qtbot, first)
    second = ui_session(simulator_thread.api_url, home=home)
    qtbot.waitExposed(second.window)
    assert second.window.height() == 707
    assert second.window.main.sizes()[0] == compose_width != 400  # 400: the default
    assert second.window.minimumWidth() >= 1000 and second.window.minimumHeight() >= 600


# The real entry point, as `hailuo-desktop` starts it, in its own process: no key stored, so
# the first run offers the demo; the demo window opens, an image becomes a video, and the
# app quits with 0. The demo runs at its own (scaled) speed, so this takes ~10-20 s.
RUN_APP_DRIVER = r"""
import json, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from hailuo_desktop.app import make_application, run_app
from hailuo_desktop.ui.controller import Controller
from hailuo_desktop.ui.first_run import FirstRunDialog
from hailuo_desktop.ui.main_window import MainWindow

report, timers = {}, []

def visible(kind):
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None)

def whenever(check):  # like qtbot.waitUntil: look again on each timer tick until check() holds
    timer = QTimer(interval=20)
    timer.timeout.connect(lambda: check() and timer.stop())
    timer.start()
    timers.append(timer)

def first_run():
    dialog = visible(FirstRunDialog)
    if dialog is not None:
        report["offered"] = [dialog.enter_key.text(), dialog.try_demo.text()]
        dialog.try_demo.click()
        whenever(demo_window)
    return dialog is not None

def demo_window():
    window = visible(MainWindow)
    if window is None or "demo" not in window.windowTitle():
        return False
    report["title"] = window.windowTitle()
    controller = window.findChild(Controller)
    def checked(_keys):
        window.compose.prompt.set_text("a slow push in")
        report["generated"] = window.compose.trigger_generate()
    def finished(task):
        report.update(state=task.state.value, video=task.video_path, seconds=time.time() - started)
        window.close()
    controller.images_checked.connect(checked)
    controller.bridge.task_finished.connect(finished)
    started = time.time()
    window.compose.paths_dropped.emit([sys.argv[1]])
    return True

make_application([])
whenever(first_run)
report["exit_code"] = run_app([], demo=False)
print(json.dumps(report))
"""


def test_the_app_starts_offers_the_demo_and_makes_a_video(tmp_path, image_maker):
    import json
    import subprocess
    import sys

    picture = image_maker.png(900, 600, name="first.png")
    env = {**os.environ, "HAILUO_DESKTOP_HOME": str(tmp_path / "home"), "QT_QPA_PLATFORM": "offscreen"}
    for var in (
        "APIXO_API_KEY",
        "KIE_API_KEY",
        "APIKLEY_API_KEY",
        "APIINONE_API_KEY",
        "MINIMAX_API_KEY",
        "DBUS_SESSION_BUS_ADDRESS",
    ):  # no key anywhere: a true first run
        env.pop(var, None)
    result = subprocess.run(
        [sys.executable, "-c", RUN_APP_DRIVER, str(picture)], env=env, capture_output=True, text=True, timeout=110
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["offered"] == ["Enter a key…", "Try the demo"]
    assert "demo" in report["title"] and report["generated"] is True
    assert report["state"] == "succeeded" and report["exit_code"] == 0
    assert Path(report["video"]).stat().st_size > 0
    assert Path(report["video"]).is_relative_to(tmp_path / "home" / "demo")  # demo tasks stay apart


def test_ctrl_v_over_the_task_list_pastes_an_image_into_compose(qtbot, ui_session, simulator_thread):
    from PySide6.QtGui import QColor, QImage

    session = ui_session(simulator_thread.api_url)
    window = session.window
    qtbot.waitExposed(window)
    with qtbot.waitActive(window, timeout=WAIT_MS):
        window.activateWindow()
    picture = QImage(800, 500, QImage.Format.Format_RGB32)
    picture.fill(QColor("teal"))
    QGuiApplication.clipboard().setImage(picture)
    window.tasks.table.setFocus()
    with qtbot.waitSignal(session.controller.images_checked, timeout=WAIT_MS) as checked:
        qtbot.keyClick(window.tasks.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    (path,) = checked.args[0]
    assert Path(path).parent == session.options.paths.root / "pasted"
    assert window.compose.images.accepted_keys() == [path]  # 800x500 PNG: fine for APIXO


def test_the_demo_falls_back_to_the_sample_clip_when_it_cannot_animate(qtbot, qasync_running_loop, tmp_path):
    import base64

    from hailuo_desktop.simulator.media import load_sample
    from hailuo_desktop.ui.demo_video import DemoResultFactory

    factory = DemoResultFactory(qasync_running_loop, tmp_path / "clips", load_sample, timeout=20)
    not_an_image = "data:image/png;base64," + base64.b64encode(b"definitely not a picture").decode()
    for url in (not_an_image, "https://images.example.com/far-away.png", None):
        made = asyncio.ensure_future(asyncio.to_thread(factory, {"image_url": url, "duration": 6}))
        qtbot.waitUntil(made.done, timeout=WAIT_MS)
        assert made.result() == load_sample()
    assert factory.made == []
