"""Time for the simulator: a manual clock for tests, and how the simulator finds it.

Everything that moves in the simulator (task progress, result expiry, slow bodies, held
answers) reads the injected clock and waits with the injected sleep, so a test that uses
a ManualClock controls all of it with `advance()` and never waits on the wall clock.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]


@dataclass
class _Sleeper:
    wake_at: float
    loop: asyncio.AbstractEventLoop
    future: asyncio.Future


class ManualClock:
    """A clock that moves only when told to; its sleep ends when the clock passes the deadline.

    Safe to advance from another thread than the one whose loop sleeps on it (the
    SimulatorThread case): waking goes through `call_soon_threadsafe`.
    """

    def __init__(self, start: float = 0.0) -> None:
        self._now = float(start)
        self._sleepers: list[_Sleeper] = []
        self._lock = threading.Lock()

    def now(self) -> float:
        return self._now

    @property
    def sleepers(self) -> int:
        """How many sleeps are waiting for the clock to move (lets a test know a body is paused)."""
        with self._lock:
            return len(self._sleepers)

    def next_wake(self) -> float | None:
        """The earliest deadline of the sleeps waiting, or None: lets a test's driver jump
        virtual time straight to the next thing that happens."""
        with self._lock:
            return min((s.wake_at for s in self._sleepers), default=None)

    def advance(self, seconds: float) -> float:
        if seconds < 0:
            raise ValueError("a clock cannot go backwards")
        with self._lock:
            self._now += seconds
            due = [s for s in self._sleepers if s.wake_at <= self._now]
            self._sleepers = [s for s in self._sleepers if s.wake_at > self._now]
        for sleeper in due:
            sleeper.loop.call_soon_threadsafe(_wake, sleeper.future)
        return self._now

    async def sleep(self, seconds: float) -> None:
        if seconds <= 0:
            await asyncio.sleep(0)
            return
        loop = asyncio.get_running_loop()
        sleeper = _Sleeper(self._now + seconds, loop, loop.create_future())
        with self._lock:
            self._sleepers.append(sleeper)
        try:
            await sleeper.future
        finally:
            with self._lock:
                if sleeper in self._sleepers:
                    self._sleepers.remove(sleeper)


def _wake(future: asyncio.Future) -> None:
    if not future.done():
        future.set_result(None)


def manual_clock_of(clock: Clock | ManualClock | None) -> ManualClock | None:
    """The ManualClock behind `clock` (itself, or the owner of its bound `now`), if any."""
    if isinstance(clock, ManualClock):
        return clock
    owner = getattr(clock, "__self__", None)
    return owner if isinstance(owner, ManualClock) else None


def resolve_time(clock: Clock | ManualClock | None, sleep: Sleep | None) -> tuple[Clock, Sleep, ManualClock | None]:
    """The (now, sleep, manual clock) the simulator runs on.

    With a ManualClock the sleep is the clock's own, so slow bodies and held answers move
    with `advance()` too; otherwise the monotonic clock and asyncio's sleep.
    """
    manual = manual_clock_of(clock)
    if manual is not None:
        return manual.now, sleep or manual.sleep, manual
    return clock or time.monotonic, sleep or asyncio.sleep, None
