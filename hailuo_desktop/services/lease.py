"""One owner per task: a lease in the store, so two processes never work the same task.

Two processes on one data home (the window twice, the window and `hailuo-desktop wait`)
would otherwise both poll a task, both download its video and both rename a file into the
same place. Before a process submits, polls or downloads a task it takes the task's lease:
one UPDATE that succeeds only when the lease is free, expired, already this owner's, or
held by a process on this machine that no longer exists (a crash: no need to wait out
the expiry then). The owner renews its leases (`renew_all`, the runner's heartbeat, and
`keep`, checked before each downloaded chunk and before the rename) and releases each at
the end of its job. A process that hangs past the expiry loses its leases: `keep` then
raises LeaseLost and the job stops where it stands, leaving the task to the new owner;
every change a job commits and every rename of a download checks the lease first.

Times come from the injected clock, so tests move past an expiry without waiting.
Lease changes are not store events: the window shows states, not who works them.
"""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from .store import TaskStore

log = logging.getLogger(__name__)


class LeaseLost(asyncio.CancelledError):
    """Another process took this task over (our lease expired): stop, leave it to that one."""


class HeldPolicy(Enum):
    """What a runner does with a task another live process holds."""

    WAIT = "wait"  # the window: follow it from the store, take over when the lease is free
    SKIP = "skip"  # `hailuo-desktop wait`: leave it to that process


@dataclass(frozen=True)
class LeaseTerms:
    ttl: float = 90.0  # a lease not renewed for this long is free for another process
    renew_after: float = 30.0  # `keep` and the heartbeat renew a lease this old
    wait_interval: float = 5.0  # how often a WAIT runner looks at a task another process holds


def new_owner_id(host: str | None = None, pid: int | None = None) -> str:
    """host:pid:random. The host and pid let another process on this machine see that the
    owner is gone; the random part keeps two runs with a reused pid apart."""
    return f"{host or socket.gethostname()}:{pid or os.getpid()}:{secrets.token_hex(4)}"


def file_tag(owner: str) -> str:
    """The owner's part of temporary file names: its random token (safe in any file name)."""
    return owner.rsplit(":", 1)[-1]


def owner_is_gone(owner: str, host: str | None = None) -> bool:
    """True only when `owner` ran on this machine and its process no longer exists."""
    parts = owner.split(":")
    if len(parts) < 3 or parts[-3] != (host or socket.gethostname()) or not parts[-2].isdigit():
        return False
    pid = int(parts[-2])
    if pid == os.getpid() or os.name == "nt":  # Windows: kill(pid, 0) would send Ctrl+C; wait for expiry
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # e.g. EPERM: the process exists under another user
        return False
    return False


@dataclass
class Leases:
    store: TaskStore
    clock: Callable[[], float]
    owner: str = field(default_factory=new_owner_id)
    terms: LeaseTerms = field(default_factory=LeaseTerms)
    _renewed: dict[str, float] = field(default_factory=dict)  # task id -> when we last wrote its expiry

    @property
    def tag(self) -> str:
        return file_tag(self.owner)

    def take(self, task_id: str) -> bool:
        """Take the task's lease (atomically); False when another live process holds it."""
        now = self.clock()
        if self.store.take_lease(task_id, self.owner, now, now + self.terms.ttl):
            self._renewed[task_id] = now
            return True
        holder = self.store.lease_of(task_id)[0]
        if holder is not None and owner_is_gone(holder):
            log.info("task %s: its owner %s is gone; taking it over", task_id, holder)
            if self.store.take_lease(task_id, self.owner, now, now + self.terms.ttl, from_owner=holder):
                self._renewed[task_id] = now
                return True
        return False

    def holds(self, task_id: str) -> bool:
        return task_id in self._renewed

    def holding(self) -> bool:
        return bool(self._renewed)

    def keep(self, task_id: str, *, strict: bool = False) -> None:
        """Renew when due; raise LeaseLost when another process has taken the task since.
        Not `strict`, only a due renewal reads the store (cheap enough for every chunk);
        `strict` always does (before a state change or the rename: they must be ours)."""
        now = self.clock()
        due = now >= self._renewed.get(task_id, float("-inf")) + self.terms.renew_after
        if due:
            still = bool(self.store.renew_leases(self.owner, now + self.terms.ttl, [task_id]))
        elif strict:
            still = self.store.lease_of(task_id)[0] == self.owner
        else:
            return
        if not still:
            self._renewed.pop(task_id, None)
            raise LeaseLost(f"task {task_id} was taken over by another process")
        if due:
            self._renewed[task_id] = now

    def renew_all(self) -> set[str]:
        """The heartbeat: renew every lease held; returns the ids lost to another process."""
        if not self._renewed:
            return set()
        now = self.clock()
        kept = self.store.renew_leases(self.owner, now + self.terms.ttl, list(self._renewed))
        lost = set(self._renewed) - kept
        self._renewed = {task_id: now for task_id in kept}
        return lost

    def release(self, task_id: str) -> None:
        if self._renewed.pop(task_id, None) is not None:
            self.store.release_lease(task_id, self.owner)
