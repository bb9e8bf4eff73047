"""The real window, driven like a creator drives it, against the simulator over loopback.

Every test builds the app's own composition (app.AppSession) on a private data home. The
simulator runs with a ManualClock: a task moves only when the test advances it, so no
test waits on the wall clock (qtbot.waitUntil/waitSignal only).
"""

from __future__ import annotations

import asyncio
import os

import keyring
import pytest
from keyring.errors import KeyringError
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtWidgets import QApplication

from hailuo_desktop.app import MemoryKeyring
from hailuo_desktop.domain.states import TaskState
from hailuo_desktop.services.secrets import SERVICE, KeyStore
from hailuo_desktop.ui.compose.image_list import PROBLEMS_ROLE, STATE_ROLE
from hailuo_desktop.ui.first_run import FirstRunDialog
from hailuo_desktop.ui.tasks.model import TaskIdRole
from tests.fixtures.ui import TEST_KEYS, close_session

pytestmark = pytest.mark.gui

KIE_MODEL = "hailuo/2-3-image-to-video-standard"
LONG_ENOUGH = 3600.0  # sim seconds: any drawn queue + run time is over by then
WAIT_MS = 20_000


def choose_kie(window) -> None:
    window.compose.apply_settings("kie", KIE_MODEL, None, 6, "768P", "", None)


def image_rows(compose) -> dict[str, tuple[str, list[str]]]:
    model = compose.images
    return {model.index(r, 0).data(Qt.ItemDataRole.DisplayRole) or str(r):
            (model.index(r, 0).data(STATE_ROLE), model.index(r, 0).data(PROBLEMS_ROLE)) for r in range(model.rowCount())}


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
    window, store = session.window, session.engine.store
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
    player = window.detail.player
    with qtbot.waitSignal(window.detail.video.videoSink().videoFrameChanged, timeout=WAIT_MS):
        qtbot.waitUntil(lambda: player.playbackState() == QMediaPlayer.PlaybackState.PlayingState, timeout=WAIT_MS)
    assert window.detail.audio.isMuted()
    assert player.loops() == QMediaPlayer.Loops.Infinite
    assert simulator_thread.stats.submits["kie"] == 1


def test_a_failed_task_shows_the_providers_message(qtbot, ui_session, simulator_thread, image_maker):
    session = ui_session(simulator_thread.api_url)
    window, store = session.window, session.engine.store
    choose_kie(window)
    drop(qtbot, session, image_maker.png(640, 480, name="cat.png"))
    (task,) = generate(qtbot, session, "a cat {{sim:fail=501;msg=The image breaks the content rules}}")
    wait_sent(qtbot, store, task.id)
    simulator_thread.advance(LONG_ENOUGH)
    wait_state(qtbot, store, task.id, TaskState.FAILED)
    detail = window.detail
    qtbot.waitUntil(lambda: detail.error_box.isVisible(), timeout=WAIT_MS)
    assert detail.error_title.text() == "The generation failed"
    assert "The image breaks the content rules" in detail.error_text.text()
    assert detail.retry.isEnabled() and not detail.cancel.isEnabled()
    detail.copy_details.click()
    copied = QGuiApplication.clipboard().text()
    assert task.id in copied and "501" in copied
    assert not any(key in copied for key in TEST_KEYS.values())


def test_no_balance_puts_the_next_step_in_the_banner(qtbot, ui_session, simulator_thread, image_maker):
    simulator_thread.set_balance("kie", 0)
    session = ui_session(simulator_thread.api_url)
    window, store = session.window, session.engine.store
    choose_kie(window)
    qtbot.waitUntil(lambda: "Balance: 0 credits" in _balance_text(window), timeout=WAIT_MS)
    drop(qtbot, session, image_maker.png(640, 480, name="cat.png"))
    (task,) = generate(qtbot, session, "a cat")
    wait_state(qtbot, store, task.id, TaskState.FAILED)
    banner = window.banner
    qtbot.waitUntil(banner.isVisible, timeout=WAIT_MS)
    assert banner.title.text() == "Not enough balance on kie.ai"
    assert banner.step.text() == "Top up…" and banner.copy.isVisible()
    assert simulator_thread.stats.submits["kie"] == 1


def test_without_a_key_generate_says_to_enter_one(qtbot, ui_session, simulator_thread, image_maker):
    keys = KeyStore(env={"APIXO_API_KEY": TEST_KEYS["apixo"]}, backend=MemoryKeyring())
    session = ui_session(simulator_thread.api_url, key_store=keys)
    window = session.window
    choose_kie(window)
    drop(qtbot, session, image_maker.png(640, 480, name="cat.png"))
    window.compose.prompt.set_text("a cat")
    qtbot.waitUntil(lambda: "No kie.ai key" in (window.compose.generate_reason() or ""), timeout=WAIT_MS)
    assert not window.compose.trigger_generate()
    assert simulator_thread.stats.submits["kie"] == 0


def test_first_run_without_any_key_offers_the_demo(qtbot, ui_session, simulator_thread):
    session = ui_session(simulator_thread.api_url, key_store=KeyStore(env={}, backend=MemoryKeyring()))
    qtbot.waitUntil(lambda: _first_run_dialog() is not None, timeout=WAIT_MS)
    dialog = _first_run_dialog()
    assert dialog.enter_key.text() == "Enter a key…"
    with qtbot.waitSignal(session.controller.demo_requested, timeout=WAIT_MS):
        dialog.try_demo.click()


def test_restart_resumes_an_unfinished_task_without_sending_it_again(qtbot, ui_session, simulator_thread,
                                                                     image_maker, tmp_path):
    home = tmp_path / "shared-home"
    first = ui_session(simulator_thread.api_url, home=home)
    choose_kie(first.window)
    drop(qtbot, first, image_maker.png(640, 480, name="cat.png"))
    (task,) = generate(qtbot, first, "a cat")
    wait_sent(qtbot, first.engine.store, task.id)
    close_session(qtbot, first)  # the app quits while the provider is still generating

    simulator_thread.advance(LONG_ENOUGH)
    second = ui_session(simulator_thread.api_url, home=home)
    store = second.engine.store
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
