"""Waiting for a condition in another process or thread, the way qtbot.waitUntil does."""

import threading


def wait_until(condition, timeout: float = 20.0, interval: float = 0.01) -> None:
    """Return as soon as condition() is true; fail after `timeout` seconds."""
    pause = threading.Event()
    waited = 0.0
    while not condition():
        if waited >= timeout:
            raise AssertionError(f"condition not met within {timeout} s")
        pause.wait(interval)
        waited += interval
