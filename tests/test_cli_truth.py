"""The CLI tells the truth when things go wrong: one stderr line with the reason and the next
step, a non-zero exit; a held provider, a task that needs a check, resume and give up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image

from hailuo_desktop.cli_outcome import task_line
from hailuo_desktop.cli_words import NEXT_STEPS
from hailuo_desktop.domain.codes import ErrorCode
from hailuo_desktop.domain.states import TaskState
from hailuo_desktop.services.home import DataPaths
from hailuo_desktop.services.store import TaskStore
from hailuo_desktop.simulator.server import SimConfig
from hailuo_desktop.simulator.thread import SimulatorThread
from tests.test_cli import run_cli


@pytest.fixture
def photo(tmp_path) -> Path:
    path = tmp_path / "photo one.png"
    Image.new("RGB", (640, 480), (200, 120, 40)).save(path)
    return path


@pytest.fixture
def fast_sim():
    with SimulatorThread(SimConfig(seed=3, time_scale=0.002)) as sim:
        yield sim


def one_line(result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_a_failed_task_ends_with_its_reason_and_next_step(tmp_path, photo, fast_sim):
    result = run_cli(
        tmp_path / "home",
        "submit",
        str(photo),
        "--provider",
        "apixo",
        "--upload-route",
        "kie_upload",
        "--prompt",
        "a cat {{sim:fail=SensitiveContent}}",
        "--base-url",
        fast_sim.api_url,
        "--poll-interval",
        "0.02",
        "--wait",
    )
    assert result.returncode == 1
    line = one_line(result)
    assert "reports the task failed" in line and NEXT_STEPS[ErrorCode.CONTENT_REJECTED] in line


def test_an_empty_account_holds_the_submit_and_says_so(tmp_path, photo, fast_sim):
    fast_sim.set_balance("apixo", 0.0)
    home = tmp_path / "home"
    result = run_cli(
        home,
        "submit",
        str(photo),
        "--provider",
        "apixo",
        "--upload-route",
        "kie_upload",
        "--prompt",
        "a cat",
        "--base-url",
        fast_sim.api_url,
        "--poll-interval",
        "0.02",
        "--json",
    )
    assert result.returncode == 1
    task = json.loads(result.stdout)
    assert task["state"] == "queued" and task["error"]["code"] == "insufficient_balance"
    assert task["charge"]["status"] == "not_sent" and task["charge"]["amount"] == 0
    assert task["activity"]["what"] == "paused_no_balance"
    line = one_line(result)
    assert "Submits to APIXO are paused" in line and "Top up" in line and "hailuo-desktop wait" in line
    fast_sim.set_balance("apixo", 50.0)  # the user tops up, then runs wait: the held task goes out
    waited = run_cli(home, "wait", "--poll-interval", "0.02", "--json")
    assert waited.returncode == 0, waited.stderr
    assert [t["state"] for t in json.loads(waited.stdout)] == ["succeeded"]
    assert fast_sim.stats.submits["apixo"] == 2  # the refused one (nothing created), then the real one


def test_a_task_that_needs_a_check_waits_for_resume(tmp_path, photo, fast_sim):
    """The runner's side (five unreadable answers -> needs a check) is tests/test_runner_truth.py;
    here the state is set as the runner leaves it, and the CLI's words and `resume` are checked."""
    home = tmp_path / "home"
    sent = run_cli(
        home,
        "submit",
        str(photo),
        "--provider",
        "kie",
        "--prompt",
        "a cat {{sim:queue=0;run=0}}",
        "--base-url",
        fast_sim.api_url,
        "--json",
    )
    task_id = json.loads(sent.stdout)["id"]
    store = TaskStore(DataPaths.at(home).store)
    stuck = store.update(
        task_id,
        state=TaskState.NEEDS_CHECK,
        error_code=ErrorCode.NEEDS_CHECK,
        error_message="Checking task x failed 5 times in a row.",
    )
    store.close()
    assert "hailuo-desktop resume TASK_ID" in task_line(stuck)
    assert json.loads(run_cli(home, "wait", "--json").stdout) == []  # never picked up by itself
    resumed = run_cli(home, "resume", task_id[:8], "--poll-interval", "0.02", "--json")
    assert resumed.returncode == 0, resumed.stderr
    assert json.loads(resumed.stdout)[0]["state"] == "succeeded"
    assert fast_sim.stats.submits["kie"] == 1


def test_resume_and_give_up_refuse_with_one_line(tmp_path, photo, fast_sim):
    home = tmp_path / "home"
    unknown = run_cli(home, "resume", "abcdef12")
    assert unknown.returncode == 2 and "hailuo-desktop tasks" in one_line(unknown)
    cut = run_cli(home, "give-up", "abc")
    assert cut.returncode == 2 and "at least 6" in one_line(cut)
