"""The CLI as a script would use it: real subprocesses against the simulator on loopback."""

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from hailuo_desktop.simulator.server import ManualClock, SimConfig
from hailuo_desktop.simulator.thread import SimulatorThread
from tests.waiting import wait_until

SECRET = "sk-test-Zq8vN3pL0-never-in-a-file"
# The simulator tells kie.ai and Apikley apart by the key (they share one origin).
APIKLEY_SECRET = "sk-apikley-W4rT9-never-in-a-file"


def run_cli(home: Path, *args: str, stdin: str | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.endswith("_API_KEY")}
    env.update(
        HAILUO_DESKTOP_HOME=str(home),
        KIE_API_KEY=SECRET,
        APIXO_API_KEY=SECRET,
        APIKLEY_API_KEY=APIKLEY_SECRET,
        APIINONE_API_KEY=SECRET,
        MINIMAX_API_KEY=SECRET,
    )
    return subprocess.run(
        [sys.executable, "-m", "hailuo_desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        input=stdin,
        timeout=timeout,
    )


@pytest.fixture
def photo(tmp_path) -> Path:
    path = tmp_path / "photo one.png"
    Image.new("RGB", (640, 480), (200, 120, 40)).save(path)
    return path


@pytest.fixture
def fast_sim():
    with SimulatorThread(SimConfig(seed=3, time_scale=0.002)) as sim:
        yield sim


def assert_key_absent(home: Path, *outputs: str) -> None:
    for secret in (SECRET, APIKLEY_SECRET):
        for output in outputs:
            assert secret not in output
        for path in home.rglob("*"):
            if path.is_file():
                assert secret.encode() not in path.read_bytes(), f"a key leaked into {path}"


def test_validate_json_reports_every_problem(tmp_path, photo):
    bad = tmp_path / "bad.jpg"
    Image.new("RGB", (1000, 200)).save(bad, "GIF")
    result = run_cli(tmp_path / "home", "validate", str(photo), str(bad), "--provider", "apixo", "--json")
    assert result.returncode == 1, result.stderr
    good, wrong = json.loads(result.stdout)
    assert good["ok"] and good["format"] == "PNG" and (good["width"], good["height"]) == (640, 480)
    assert {p["code"] for p in wrong["problems"]} == {"unsupported_format", "aspect_ratio", "short_side"}
    assert run_cli(tmp_path / "home", "validate", str(photo), "--json").returncode == 0
    assert run_cli(tmp_path / "home", "validate").returncode == 2


@pytest.mark.parametrize(
    "provider, extra",
    [
        ("kie", []),
        ("apikley", []),
        ("minimax", []),
        ("apixo", ["--upload-route", "kie_upload"]),
        ("apiinone", ["--upload-route", "apikley_upload"]),
    ],
)
def test_submit_wait_brings_the_video_home(tmp_path, photo, fast_sim, provider, extra):
    home = tmp_path / "home"
    result = run_cli(
        home,
        "submit",
        str(photo),
        "--prompt",
        "a slow push in [Push in]",
        "--provider",
        provider,
        "--base-url",
        fast_sim.api_url,
        "--poll-interval",
        "0.02",
        "--wait",
        "--json",
        *extra,
    )
    assert result.returncode == 0, result.stderr
    task = json.loads(result.stdout)
    assert task["state"] == "succeeded" and task["error"] is None and task["remote_id"]
    video = Path(task["video_path"])
    assert video.read_bytes()[4:8] == b"ftyp"
    assert fast_sim.stats.submits[provider] == 1
    assert_key_absent(home, result.stdout, result.stderr)
    listed = json.loads(run_cli(home, "tasks", "--json").stdout)
    assert [t["id"] for t in listed] == [task["id"]]


def test_invalid_input_is_refused_before_anything_is_sent(tmp_path, photo, fast_sim):
    home = tmp_path / "home"
    result = run_cli(
        home,
        "submit",
        str(photo),
        "--prompt",
        "x",
        "--provider",
        "kie",
        "--model",
        "hailuo/2-3-image-to-video-standard",
        "--duration",
        "10",
        "--resolution",
        "1080P",
        "--base-url",
        fast_sim.api_url,
        "--json",
    )
    assert result.returncode == 2
    assert "1080P" in result.stderr
    no_route = run_cli(
        home, "submit", str(photo), "--prompt", "x", "--provider", "apixo", "--base-url", fast_sim.api_url
    )
    assert no_route.returncode == 2 and "upload" in no_route.stderr.lower()
    assert sum(fast_sim.stats.submits.values()) == 0


def test_a_failed_task_reports_the_providers_message(tmp_path, photo, fast_sim):
    result = run_cli(
        tmp_path / "home",
        "submit",
        str(photo),
        "--provider",
        "kie",
        "--prompt",
        "a cat {{sim:fail=500}}",
        "--base-url",
        fast_sim.api_url,
        "--poll-interval",
        "0.02",
        "--wait",
        "--json",
    )
    assert result.returncode == 1
    task = json.loads(result.stdout)
    assert task["state"] == "failed" and task["error"]["message"]


def test_kill_during_polling_then_wait_finishes_with_one_submit(tmp_path, photo):
    home = tmp_path / "home"
    clock = ManualClock()
    with SimulatorThread(SimConfig(seed=5), clock=clock) as sim:
        env = {k: v for k, v in os.environ.items() if not k.endswith("_API_KEY")}
        env.update(HAILUO_DESKTOP_HOME=str(home), KIE_API_KEY=SECRET)
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "hailuo_desktop",
                "submit",
                str(photo),
                "--prompt",
                "waves",
                "--provider",
                "kie",
                "--base-url",
                sim.api_url,
                "--poll-interval",
                "0.02",
                "--wait",
                "--json",
            ],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        try:
            wait_until(lambda: sim.stats.polls["kie"] >= 3)
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.communicate()
        assert proc.returncode == -signal.SIGKILL
        sim.advance(3600)
        result = run_cli(home, "wait", "--poll-interval", "0.02", "--json")
        assert result.returncode == 0, result.stderr
        [task] = json.loads(result.stdout)
        assert task["state"] == "succeeded" and Path(task["video_path"]).is_file()
        assert sim.stats.submits["kie"] == 1
    assert_key_absent(home, result.stdout, result.stderr)
    assert not list(home.rglob("*.part"))


def test_key_commands_never_print_the_key(tmp_path):
    home = tmp_path / "home"
    env_free = run_cli(home, "key", "status", "minimax")
    assert env_free.returncode == 0 and "MINIMAX_API_KEY" in env_free.stdout
    assert SECRET not in env_free.stdout + env_free.stderr


@pytest.mark.keyring
@pytest.mark.skipif(
    os.environ.get("HAILUO_PRIVATE_KEYRING") != "1",
    reason="needs the throwaway keyring that `bash run.sh test` starts (it writes the real service name)",
)
def test_key_set_status_delete_through_the_real_keyring(tmp_path):
    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if not k.endswith("_API_KEY")}
    env["HAILUO_DESKTOP_HOME"] = str(home)

    def key(*args, stdin=None):
        return subprocess.run(
            [sys.executable, "-m", "hailuo_desktop", "key", *args],
            capture_output=True,
            text=True,
            env=env,
            input=stdin,
            timeout=60,
        )

    stored = key("set", "minimax", stdin=SECRET + "\n")
    assert stored.returncode == 0, stored.stderr
    status = key("status", "minimax")
    assert "keyring" in status.stdout.lower()
    assert key("delete", "minimax").returncode == 0
    assert "no key" in key("status", "minimax").stdout.lower()
    assert_key_absent(home, stored.stdout, stored.stderr, status.stdout, status.stderr)
