"""Store events as Qt signals, plus what the window derives from them.

The store calls its listeners synchronously on whatever thread made the change. Re-emitting
them through a Qt signal delivers them on the GUI thread: directly when the change came
from the GUI thread (the runner on the qasync loop), queued when it came from elsewhere.
Events from another thread (the engine on its own thread, engine_host.py) are queued and
handed over in batches: one queued call per batch rather than one per event, so a burst of
changes costs the GUI thread one wake-up, in the order the store made them.
The bridge also remembers which tasks are still active, so it can tell when a task or a
whole batch has just finished, and keeps each running batch's "12/50" up to date.
"""

from __future__ import annotations

import threading
from collections import deque

from PySide6.QtCore import QObject, Signal, Slot

from ...domain.states import RESUMABLE_STATES
from ...domain.task import Task
from ...services.store import StoreEvent, TaskStore


class StoreBridge(QObject):
    event = Signal(object)  # StoreEvent, on the GUI thread
    task_finished = Signal(object)  # Task: an active task reached a final state
    batch_finished = Signal(str, int)  # batch id, number of tasks
    batches_changed = Signal()  # the "done/total" of a running batch moved

    _arrived = Signal()  # events are waiting in _pending (emitted from another thread)

    def __init__(self, store: TaskStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._active: dict[str, str | None] = {}  # task id -> batch id
        self._batches: dict[str, tuple[int, int]] = {}  # running batch -> (final, total)
        self._home_thread = threading.get_ident()
        self._pending: deque[StoreEvent] = deque()
        self._pending_lock = threading.Lock()
        self._arrived.connect(self._drain)  # queued when emitted from another thread
        for task in store.list(states=RESUMABLE_STATES):
            self._track(task)
        self._unsubscribe = store.subscribe(self._receive)

    def close(self) -> None:
        self._unsubscribe()

    @property
    def active_ids(self) -> set[str]:
        return set(self._active)

    def running_batches(self) -> dict[str, tuple[int, int]]:
        return dict(self._batches)

    def _track(self, task: Task) -> None:
        self._active[task.id] = task.batch_id
        if task.batch_id and task.batch_id not in self._batches:
            self._batches[task.batch_id] = self._store.batch_progress(task.batch_id)

    def _receive(self, event: StoreEvent) -> None:
        """The store's listener, on whichever thread changed the store."""
        if threading.get_ident() == self._home_thread:
            self._drain()  # what other threads sent first is handled first
            self._on_event(event)
            return
        with self._pending_lock:
            wake = not self._pending
            self._pending.append(event)
        if wake:  # one queued call per batch: later events join the waiting one
            self._arrived.emit()

    @Slot()
    def _drain(self) -> None:
        with self._pending_lock:
            events, self._pending = self._pending, deque()
        for event in events:
            self._on_event(event)

    def _on_event(self, event: StoreEvent) -> None:
        # Bookkeeping first, so a receiver of `event` already sees the new active set.
        finished = None
        if event.kind == "removed":
            batch_id = self._active.pop(event.task_id, None)
        elif event.task is not None:
            finished, batch_id = self._follow(event.task)
        else:
            batch_id = None
        self.event.emit(event)
        if finished is not None:
            self.task_finished.emit(finished)
        self._refresh_batch(batch_id)

    def _follow(self, task: Task) -> tuple[Task | None, str | None]:
        """(the task if it just finished, the batch whose count may have moved)."""
        was_active = task.id in self._active
        if not task.state.is_final:
            if was_active:
                return None, None
            self._track(task)
            return None, task.batch_id
        if not was_active:
            return None, None
        del self._active[task.id]
        return task, task.batch_id

    def _refresh_batch(self, batch_id: str | None) -> None:
        if not batch_id:
            return
        final, total = self._store.batch_progress(batch_id)
        if total and final >= total:
            if self._batches.pop(batch_id, None) is not None:
                self.batches_changed.emit()
                self.batch_finished.emit(batch_id, total)
            return
        self._batches[batch_id] = (final, total)
        self.batches_changed.emit()
