"""The moments money moves, seen in store events (the status bar's "Spent today" reads the
store again at each; the balance itself is refreshed by the engine, services/balances.py)."""

from __future__ import annotations


class ChargeMoments:
    """Tells which store events are moments the provider's balance moves.

    A task's first remote id (the provider accepted the submit and charged it) and a task
    reaching a final state (a charge confirmed or a failure refunded). `seen` is bounded by
    the active tasks: an id leaves it when its task is final or removed.
    """

    def __init__(self) -> None:
        self._sent: set[str] = set()

    def provider_to_refresh(self, event) -> str | None:
        task = event.task
        if task is None:
            self._sent.discard(event.task_id)
            return None
        if task.state.is_final:
            self._sent.discard(task.id)
            return task.provider if event.kind != "added" and task.remote_id else None
        if task.remote_id and task.id not in self._sent:
            self._sent.add(task.id)
            return task.provider
        return None
