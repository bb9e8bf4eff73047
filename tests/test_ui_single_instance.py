"""One window per data home, and open-with: `hailuo-desktop IMAGE...` launched for real in a
child process beside a window in this one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from PIL import Image

from hailuo_desktop.cli import window_launch
from hailuo_desktop.ui.single_instance import (
    InstanceServer,
    claim_or_hand_over,
    hand_over,
    server_name,
)
from tests.waiting import wait_until

CHILD_TIMEOUT = 60


def launch(home: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "HAILUO_DESKTOP_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, "-m", "hailuo_desktop", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def photo(folder: Path, name: str) -> Path:
    path = folder / name
    Image.new("RGB", (640, 480), (40, 120, 200)).save(path)
    return path


def test_the_window_arguments_are_images_and_demo_and_commands_stay_commands():
    assert window_launch([]).images == []
    launched = window_launch(["a.png", "--demo", "b c.jpg"])
    assert launched.images == ["a.png", "b c.jpg"] and launched.demo
    assert window_launch(["wait", "--json"]) is None and window_launch(["--version"]) is None


def test_a_second_launch_hands_its_images_to_the_running_window_and_exits(qtbot, tmp_path):
    home = tmp_path / "home"
    server = claim_or_hand_over(home, [])
    assert server is not None  # the first window listens
    first, second = photo(tmp_path, "one.png"), photo(tmp_path, "two words.jpg")
    with qtbot.waitSignal(server.images_received, timeout=CHILD_TIMEOUT * 1000) as received:
        child = launch(home, str(first), str(second))
    _, err = child.communicate(timeout=CHILD_TIMEOUT)
    assert received.args[0] == [str(first), str(second)]
    assert child.returncode == 0 and "handed to the window already open" in err
    server.close()


def test_a_launch_on_another_data_home_is_a_window_of_its_own(qtbot, tmp_path):
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")
    server = claim_or_hand_over(tmp_path / "a", [])
    other = claim_or_hand_over(tmp_path / "b", [])
    assert server is not None and other is not None
    server.close()
    other.close()


def test_a_socket_left_by_a_killed_window_is_cleared_and_taken(qtbot, tmp_path):
    home = tmp_path / "home"
    name = server_name(home)
    script = (
        "import sys\nfrom PySide6.QtCore import QCoreApplication\n"
        "from PySide6.QtNetwork import QLocalServer\napp = QCoreApplication([])\nserver = QLocalServer()\n"
        f"assert server.listen({name!r})\nprint('listening', flush=True)\nsys.stdin.read()"
    )
    listener = subprocess.Popen(
        [sys.executable, "-c", script],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert listener.stdout.readline().strip() == "listening"
    listener.send_signal(signal.SIGKILL)  # a crash: the socket file stays behind
    listener.wait(CHILD_TIMEOUT)
    server = claim_or_hand_over(home, [])
    assert isinstance(server, InstanceServer) and server.listening()
    server.close()


def test_open_with_puts_the_images_in_compose_of_the_running_window(qtbot, ui_session, simulator_thread, tmp_path):
    session = ui_session(simulator_thread.api_url)
    server = claim_or_hand_over(session.options.paths.root, [])
    server.images_received.connect(session.open_images)  # as app._one_session wires it
    image = photo(tmp_path, "from the file manager.png")
    with qtbot.waitSignal(server.images_received, timeout=CHILD_TIMEOUT * 1000):
        child = launch(session.options.paths.root, str(image))
    assert child.wait(CHILD_TIMEOUT) == 0
    compose = session.window.compose
    qtbot.waitUntil(lambda: str(image) in compose.image_keys(), timeout=10000)
    server.close()


def test_the_real_app_listens_and_a_second_launch_exits_at_once(tmp_path):
    """End to end through cli.main and app.run_app: a demo window, then `--demo IMAGE`."""
    home = tmp_path / "home"
    window = launch(home, "--demo")
    try:
        name = server_name(home / "demo")
        wait_until(lambda: window.poll() is not None or hand_over(name, []), timeout=CHILD_TIMEOUT)
        assert window.poll() is None, window.communicate()[1]
        second = launch(home, "--demo", str(photo(tmp_path, "shared.png")))
        _, err = second.communicate(timeout=CHILD_TIMEOUT)
        assert second.returncode == 0 and "handed to the window already open" in err
        assert window.poll() is None  # the window goes on
    finally:
        window.kill()
        window.communicate(timeout=CHILD_TIMEOUT)
