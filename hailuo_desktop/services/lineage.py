"""A take's lineage: the takes it continues (its parent, the parent's parent...) and the
takes that continue it. Takes form a tree: one take may be continued more than once.

`sequence_through` gives the whole shot a take belongs to, in playing order, for a join:
from the first take down to this one, then on through its continuation while there is
exactly one finished take continuing it (at a branch the user picks the takes instead).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.states import TaskState
from ..domain.task import Task
from .store import TaskStore

MAX_DEPTH = 1000  # a guard against a loop in damaged data; real chains are a few takes


@dataclass(frozen=True)
class Lineage:
    ancestors: list[Task]  # the first take first; the parent last
    task: Task
    children: list[Task]  # oldest first
    missing_parent: str | None = None  # a parent id whose take was removed from the list


def lineage(store: TaskStore, task_id: str) -> Lineage:
    task = store.get(task_id)
    ancestors: list[Task] = []
    seen = {task.id}
    parent_id, missing = task.parent_id, None
    while parent_id and parent_id not in seen and len(ancestors) < MAX_DEPTH:
        try:
            parent = store.get(parent_id)
        except KeyError:
            missing = parent_id
            break
        ancestors.insert(0, parent)
        seen.add(parent.id)
        parent_id = parent.parent_id
    return Lineage(ancestors, task, store.children(task.id), missing)


def sequence_through(store: TaskStore, task_id: str) -> list[Task]:
    """The shot `task_id` belongs to, first take first (see the module docstring)."""
    line = lineage(store, task_id)
    takes = [*line.ancestors, line.task]
    seen = {t.id for t in takes}
    children = [c for c in line.children if c.state is TaskState.SUCCEEDED]
    while len(children) == 1 and children[0].id not in seen and len(takes) < MAX_DEPTH:
        take = children[0]
        takes.append(take)
        seen.add(take.id)
        children = [c for c in store.children(take.id) if c.state is TaskState.SUCCEEDED]
    return takes
