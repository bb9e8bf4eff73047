"""Secrets after a full run (issue 4): submits on every provider, failures of every kind, a
kill -9 and a resume, logs at DEBUG level, then the keys are looked for everywhere.

Each provider has its own key, plus a rejected one; a provider that repeats the key in its
error message is included. Afterwards no key (nor its URL-encoded form) may appear in any
file under the data home (store, WAL, logs, settings, videos), in any CLI output, or in
any task's error text; and the log file must really hold DEBUG lines, or the check
would prove nothing.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from PIL import Image

from hailuo_desktop.domain.catalog import PROVIDERS
from hailuo_desktop.services.logs import LOG_FILE_NAME
from hailuo_desktop.simulator.server import Fault, ManualClock, SimConfig
from hailuo_desktop.simulator.thread import SimulatorThread
from tests.waiting import wait_until

KEYS = {
    "apixo": "sk-apixo-Vq3LmZ8xR2-secret",
    "kie": "kie-Hn7Pw2Kd9QsT-secret",
    "apikley": "sk-apikley-Rt5Yb8Nc3JxU-secret",
    "apiinone": "aio-Ze4Gf6Hj1Kl0-secret",
    "minimax": "eyJhbGciOi.minimax-Wx9Cv2Bn5Mq7-secret",
}
REJECTED = "bad-key-Lp0Ok9Ij8Uh7-secret"  # the simulator answers 401 to keys starting with "bad"
ROUTES = {"apixo": ["--upload-route", "kie_upload"], "apiinone": ["--upload-route", "apikley_upload"]}
RUN_TIMEOUT = 30


@pytest.fixture
def sim():
    clock = ManualClock()
    with SimulatorThread(SimConfig(seed=23, time_scale=0.01), clock=clock) as sim:
        yield sim


class Session:
    """Runs the CLI like a user's shell would, and keeps everything it printed."""

    def __init__(self, home: Path, sim, image: Path) -> None:
        self.home = home
        self.sim = sim
        self.image = image
        self.printed: list[str] = []

    def env(self, **overrides: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.endswith("_API_KEY")}
        env.update({PROVIDERS[p].env_var: key for p, key in KEYS.items()})
        env.update(HAILUO_DESKTOP_HOME=str(self.home), HAILUO_DESKTOP_LOG_LEVEL="DEBUG", **overrides)
        return env

    def run(self, *args: str, **env: str) -> subprocess.CompletedProcess:
        done = subprocess.run(
            [sys.executable, "-m", "hailuo_desktop", *args],
            capture_output=True,
            text=True,
            env=self.env(**env),
            timeout=RUN_TIMEOUT,
        )
        self.printed += [done.stdout, done.stderr]
        return done

    def submit(self, provider: str, prompt: str, *more: str, **env: str) -> dict:
        done = self.run(
            "submit",
            str(self.image),
            "--prompt",
            prompt,
            "--provider",
            provider,
            "--base-url",
            self.sim.api_url,
            "--poll-interval",
            "0.02",
            "--json",
            *ROUTES.get(provider, []),
            *more,
            **env,
        )
        assert done.returncode in (0, 1), done.stderr
        return json.loads(done.stdout)


def closed_port_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}"


def full_run(session: Session, sim) -> list[dict]:
    tasks = []
    for provider in PROVIDERS:  # the happy path on each provider, waiting for the video
        sim.advance(1)
        tasks.append(session.submit(provider, "at once {{sim:queue=0;run=0}}", "--wait"))
    sim.faults.add(
        Fault(
            op="submit",
            kind="status",
            status=422,
            provider="kie",
            message=f"the key {KEYS['kie']} may not use this model",
        )
    )  # a provider that echoes it
    tasks.append(session.submit("kie", "echoed"))
    tasks.append(session.submit("apixo", "rejected key", APIXO_API_KEY=REJECTED))
    sim.faults.add(Fault(op="submit", kind="status", status=500, after_create=True, provider="apikley"))
    tasks.append(session.submit("apikley", "ambiguous"))
    sim.faults.add(Fault(op="submit", kind="reset", after_create=True, provider="minimax"))
    tasks.append(session.submit("minimax", "reset"))
    tasks.append(session.submit("apiinone", "refused", "--base-url", closed_port_url()))
    tasks.append(session.submit("apixo", "failed {{sim:fail=GENERATION_FAILED;queue=0;run=0}}", "--wait"))
    sim.faults.add(Fault(op="poll", kind="status", status=401, provider="kie"))
    tasks.append(session.submit("kie", "poll refused {{sim:queue=0;run=0}}", "--wait"))
    return tasks


def kill_while_polling_then_wait(session: Session, sim) -> subprocess.CompletedProcess:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "hailuo_desktop",
            "submit",
            str(session.image),
            "--prompt",
            "killed {{sim:queue=30;run=30}}",
            "--provider",
            "apikley",
            "--base-url",
            sim.api_url,
            "--poll-interval",
            "0.02",
            "--wait",
        ],
        env=session.env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    polls = sim.stats.polls["apikley"]
    try:
        wait_until(lambda: sim.stats.polls["apikley"] > polls + 1 or proc.poll() is not None, timeout=RUN_TIMEOUT)
    finally:
        proc.send_signal(signal.SIGKILL)
        session.printed += list(proc.communicate(timeout=RUN_TIMEOUT))
    sim.advance(600)
    return session.run("wait", "--poll-interval", "0.02", "--json")


def every_form(key: str) -> set[str]:
    return {key, quote(key, safe="")}


def test_no_key_anywhere_after_a_full_run_at_debug_level(tmp_path, sim):
    image = tmp_path / "photo.png"
    Image.new("RGB", (640, 480), (90, 20, 200)).save(image)
    session = Session(tmp_path / "home", sim, image)
    tasks = full_run(session, sim)
    resumed = kill_while_polling_then_wait(session, sim)
    session.run("tasks", "--json")
    session.run("key", "status", "kie")

    states = {t["state"] for t in tasks}
    assert states == {"succeeded", "failed", "unknown"}, states
    assert {t["error"]["code"] for t in tasks if t["error"]} >= {
        "invalid_request",
        "auth",
        "ambiguous_submit",
        "network",
        "task_failed",
    }
    assert resumed.returncode == 0 and json.loads(resumed.stdout)[0]["state"] == "succeeded", resumed.stderr
    log_text = "".join(p.read_text(encoding="utf-8") for p in (session.home / "logs").iterdir())
    assert " DEBUG " in log_text and "HTTP Request" in log_text  # the run really logged at DEBUG
    assert (session.home / "logs" / LOG_FILE_NAME).is_file()

    secrets = set().union(*(every_form(k) for k in [*KEYS.values(), REJECTED]))
    files = [p for p in session.home.rglob("*") if p.is_file()]
    assert len(files) >= 5  # the store, its WAL, the log, videos: there is something to search
    for path in files:
        data = path.read_bytes()
        leaked = [s for s in secrets if s.encode() in data]
        assert leaked == [], f"{path} holds a key"
    for text in session.printed:
        assert [s for s in secrets if s in text] == []
    for task in tasks:
        assert [s for s in secrets if s in json.dumps(task)] == []
