"""Join into one video, driven in the real window: the order picked, a whole shot, and the
takes that cannot be joined by copying (and why). The joined file is checked with ffprobe."""

from __future__ import annotations

import json
import subprocess

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from hailuo_desktop.domain.states import TaskState
from tests.fixtures.videos import write_clip
from tests.test_ui_flow import WAIT_MS

pytestmark = pytest.mark.gui


def ffprobe(path) -> dict:
    out = subprocess.run(
        [
            "ffprobe",
            "-v",
            "error",
            "-count_frames",
            "-select_streams",
            "v:0",
            "-show_entries",
            "stream=nb_read_frames,width,height:format=duration",
            "-of",
            "json",
            str(path),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(out.stdout)
    return {
        "frames": int(data["streams"][0]["nb_read_frames"]),
        "seconds": float(data["format"]["duration"]),
        "size": (data["streams"][0]["width"], data["streams"][0]["height"]),
    }


@pytest.fixture
def takes(tmp_path, make_task):
    """Three finished takes a → b → c of one shot, and a fourth of another size."""
    folder = tmp_path / "clips"
    folder.mkdir()

    def take(name, parent=None, size=(320, 240), hue=0):
        clip = write_clip(folder / f"{name}.mp4", 0.5, size=size, hue=hue)
        return make_task(TaskState.SUCCEEDED, prompt=f"shot part {name}", video_path=str(clip), parent_id=parent)

    a = take("a")
    b = take("b", a.id, hue=80)
    c = take("c", b.id, hue=160)
    wide = take("wide", size=(480, 270))
    return [a, b, c, wide]


def session_with(qtbot, ui_session, simulator_thread, tasks):
    session = ui_session(simulator_thread.api_url)
    session.store.add_many(tasks)
    model = session.window.tasks.model
    qtbot.waitUntil(lambda: all(model.index_of(t.id).isValid() for t in tasks), timeout=WAIT_MS)  # listed
    return session


def open_join(qtbot, session, select):
    window = session.window
    select(window.tasks)
    with qtbot.waitActive(window, timeout=WAIT_MS):
        window.activateWindow()  # a shortcut reaches the active window only
    with qtbot.waitSignal(session.controller.joins.dialog_opened, timeout=WAIT_MS) as opened:
        qtbot.keyClick(window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    return opened.args[0]


def test_one_take_joins_its_whole_shot_into_one_valid_video(qtbot, ui_session, simulator_thread, takes, tmp_path):
    session = session_with(qtbot, ui_session, simulator_thread, takes)
    a, b, c, _wide = takes
    dialog = open_join(qtbot, session, lambda tasks: tasks.select(b.id))
    assert [t.id for t in dialog.tasks()] == [a.id, b.id, c.id]  # the shot through b, first take first
    assert dialog.join.isEnabled() and not dialog.problem.isVisible()
    assert dialog.file_name.text().endswith("_joined-3.mp4")
    dialog.folder.setText(str(tmp_path / "out"))
    with qtbot.waitSignal(session.controller.joins.joined, timeout=WAIT_MS) as joined:
        dialog.join.click()
    exported = joined.args[0]
    facts = ffprobe(exported.video)
    parts = [ffprobe(t.video_path) for t in (a, b, c)]
    assert facts["frames"] == sum(p["frames"] for p in parts)
    assert facts["seconds"] == pytest.approx(sum(p["seconds"] for p in parts), abs=0.05)
    sidecar = json.loads(exported.sidecar.read_text())
    assert [take["task_id"] for take in sidecar["takes"]] == [a.id, b.id, c.id]
    assert [take["parent_id"] for take in sidecar["takes"]] == [None, a.id, b.id]
    assert "3 takes joined" in session.window.statusBar().currentMessage()


def test_takes_join_in_the_order_picked_and_can_be_reordered(qtbot, ui_session, simulator_thread, takes, tmp_path):
    session = session_with(qtbot, ui_session, simulator_thread, takes)
    a, b, c, _wide = takes

    def pick(tasks):
        tasks.select(c.id)
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for task in (a, b):
            tasks.table.selectionModel().select(tasks.model.index_of(task.id), flags)

    dialog = open_join(qtbot, session, pick)
    assert [t.id for t in dialog.tasks()] == [c.id, a.id, b.id]  # as picked, not as listed
    dialog.takes.setCurrentRow(0)
    dialog.down.click()
    dialog.down.click()
    assert [t.id for t in dialog.tasks()] == [a.id, b.id, c.id]
    dialog.leave_out.click()  # c, the current row, leaves
    assert [t.id for t in dialog.tasks()] == [a.id, b.id] and "2 takes" in dialog.summary.text()
    dialog.leave_out.click()
    assert not dialog.join.isEnabled() and "at least two takes" in dialog.problem.text()
    dialog.reject()


def test_takes_that_differ_say_why_and_no_re_encoding_is_offered(qtbot, ui_session, simulator_thread, takes):
    session = session_with(qtbot, ui_session, simulator_thread, takes)
    a, _b, _c, wide = takes

    def pick(tasks):
        tasks.select_many([a.id, wide.id])

    dialog = open_join(qtbot, session, pick)
    assert not dialog.join.isEnabled()
    text = dialog.problem.text()
    assert "Take 2" in text and "picture size is 480×270" in text and "320×240" in text
    assert "Re-encoding is not offered" in text
    dialog.takes.setCurrentRow(1)
    dialog.leave_out.click()
    assert "at least two takes" in dialog.problem.text()
    dialog.reject()
