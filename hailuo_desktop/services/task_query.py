"""Finding tasks among many: one typed query, compiled to SQL for the store and checkable in Python.

The text search is SQLite FTS5 over the prompt and the source images' file names (the
`tasks_fts` table of schema 3, kept in step by triggers). Each word of the search must
match a word PREFIX there, case-insensitively and with accents folded: "fox" finds
"Foxes", "ox" does not find "fox". The trigram tokenizer would find any substring, but on
100,000 tasks it made the database 2.2× larger and a common word 5× slower to find
(benchmarks/RESULTS.md), and people search by the start of a word. A one-word search also
matches a task id prefix, so a pasted id finds its task.

`matches` and `sort_key` apply the same rules to one Task, so a model can place a task
that changed without asking the store again.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from ..domain.states import TaskState
from ..domain.task import Task


class SortColumn(StrEnum):
    """The orders an index serves (schema 3's tasks_by_*): a sort never reads the wide rows."""

    CREATED = "created_at"
    FINISHED = "finished_at"
    PROVIDER = "provider"
    MODEL = "model"
    STATE = "state"
    COST = "cost"
    DURATION = "duration"
    # Grouping in the grid: takes of one batch, or of one source image, side by side
    # (newest group first by creation order within). Not indexed: a grouping reads more.
    BATCH = "batch_id"
    SOURCE = "image_path"


class RejectedFilter(StrEnum):
    HIDE = "hide"  # the default view: a rejected take is out of sight, never deleted
    ONLY = "only"
    ANY = "any"


@dataclass(frozen=True)
class TaskQuery:
    text: str = ""
    starred: bool | None = None
    rejected: RejectedFilter = RejectedFilter.HIDE
    providers: frozenset[str] = field(default_factory=frozenset)
    models: frozenset[str] = field(default_factory=frozenset)
    states: frozenset[TaskState] | None = None
    created_from: float | None = None  # epoch seconds, inclusive
    created_before: float | None = None  # exclusive
    image_sha256: str | None = None
    image_path: str | None = None
    batch_id: str | None = None
    parent_id: str | None = None
    sort: SortColumn = SortColumn.CREATED
    descending: bool = True

    def __post_init__(self) -> None:
        # Accept any iterable and plain strings from callers; keep the stored form typed.
        object.__setattr__(self, "providers", frozenset(self.providers))
        object.__setattr__(self, "models", frozenset(self.models))
        if self.states is not None:
            object.__setattr__(self, "states", frozenset(TaskState(s) for s in self.states))
        object.__setattr__(self, "rejected", RejectedFilter(self.rejected))
        object.__setattr__(self, "sort", SortColumn(self.sort))

    def with_changes(self, **changes: Any) -> TaskQuery:
        return replace(self, **changes)

    @property
    def words(self) -> list[str]:
        """The search words that can match something (pure punctuation matches no word)."""
        return [w for w in self.text.split() if _TOKEN.search(w)]

    # --- the same rules in Python ----------------------------------------------------
    def matches(self, task: Task) -> bool:
        return self._matches_filters(task) and self._matches_text(task)

    def _matches_filters(self, task: Task) -> bool:
        checks = (
            self.starred is None or task.starred == self.starred,
            self.rejected is RejectedFilter.ANY or task.rejected == (self.rejected is RejectedFilter.ONLY),
            not self.providers or task.provider in self.providers,
            not self.models or task.model in self.models,
            self.states is None or task.state in self.states,
            self.created_from is None or task.created_at >= self.created_from,
            self.created_before is None or task.created_at < self.created_before,
            self.image_sha256 is None or task.image_sha256 == self.image_sha256,
            self.image_path is None or task.image_path == self.image_path,
            self.batch_id is None or task.batch_id == self.batch_id,
            self.parent_id is None or task.parent_id == self.parent_id,
        )
        return all(checks)

    def _matches_text(self, task: Task) -> bool:
        words = self.words
        if not words:
            return True
        if len(words) == 1 and task.id.startswith(words[0].lower()):
            return True
        # The FTS columns: a phrase matches inside one column, never across two.
        columns = (tokens(task.prompt), tokens(f"{file_name(task.image_path)} {file_name(task.end_image_path)}"))
        return all(any(_phrase_prefix_in(tokens(word), column) for column in columns) for word in words)

    def sort_key(self, task: Task) -> tuple[bool, Any, float]:
        """Ascending key in the SQL's order (NULLs first, as SQLite sorts them); reverse for descending."""
        value = getattr(task, self.sort.value)
        if isinstance(value, TaskState):
            value = value.value
        return (value is not None, value if value is not None else 0, task.created_at)


# --- the FTS5 side -----------------------------------------------------------------------
# What unicode61 calls a token: letters and digits (any script); everything else separates.
_TOKEN = re.compile(r"[^\W_]+")


def tokens(text: str) -> list[str]:
    """Text split and folded like the FTS5 unicode61 tokenizer with remove_diacritics 2."""
    return [_fold(t) for t in _TOKEN.findall(text)]


def _fold(token: str) -> str:
    decomposed = unicodedata.normalize("NFD", token.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _phrase_prefix_in(phrase: list[str], indexed: list[str]) -> bool:
    """FTS5 `"a b"*`: the words in a row, the last one as a prefix."""
    if not phrase:
        return True
    *whole, last = phrase
    for start in range(len(indexed) - len(phrase) + 1):
        window = indexed[start : start + len(phrase)]
        if window[:-1] == whole and window[-1].startswith(last):
            return True
    return False


def file_name(path: str | None) -> str:
    if not path:
        return ""
    return re.split(r"[/\\]", path)[-1]


def fts_expression(words: list[str]) -> str:
    """Each word a quoted phrase with a prefix star, all required (FTS5's implicit AND)."""
    return " ".join('"' + word.replace('"', '""') + '"*' for word in words)


# --- compiling to SQL --------------------------------------------------------------------
def where_clause(
    query: TaskQuery, *, skip: frozenset[str] = frozenset(), expression: str | None = None
) -> tuple[str, list[object]]:
    """' WHERE ...' (or '') and its parameters; `skip` leaves out filters by name (for facets);
    `expression`: the FTS5 expression of the text, when the caller spelled it out (text_search)."""
    clauses, params = where_conditions(query, skip=skip, expression=expression)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def where_conditions(
    query: TaskQuery, *, skip: frozenset[str] = frozenset(), expression: str | None = None
) -> tuple[list[str], list[object]]:
    """The conditions (ANDed) over `tasks` columns and their parameters; `skip` leaves out
    filters by name: "provider" and "model" (for facets), "text" (services.text_search)."""
    clauses: list[str] = []
    params: list[object] = []

    def add(clause: str, *values: object) -> None:
        clauses.append(clause)
        params.extend(values)

    if query.starred is not None:
        add("starred = ?", int(query.starred))
    if query.rejected is not RejectedFilter.ANY:
        add("rejected = ?", int(query.rejected is RejectedFilter.ONLY))
    for name, values in (("provider", query.providers), ("model", query.models)):
        if values and name not in skip:
            add(f"{name} IN ({', '.join('?' for _ in values)})", *sorted(values))
    if query.states is not None:
        if not query.states:
            return ["0"], []
        add(f"state IN ({', '.join('?' for _ in query.states)})", *sorted(s.value for s in query.states))
    if query.created_from is not None:
        add("created_at >= ?", float(query.created_from))
    if query.created_before is not None:
        add("created_at < ?", float(query.created_before))
    for name in ("image_sha256", "image_path", "batch_id", "parent_id"):
        value = getattr(query, name)
        if value is not None:
            add(f"{name} = ?", value)
    if "text" not in skip:
        _add_text(query, add, expression or fts_expression(query.words))
    return clauses, params


def _add_text(query: TaskQuery, add: Callable[..., None], expression: str) -> None:
    words = query.words
    if not words:
        return
    found = "SELECT rowid FROM tasks_fts WHERE tasks_fts MATCH ?"
    if len(words) == 1:
        prefix = words[0].lower()
        # Inside the subquery, not an OR beside it (an OR makes SQLite read every row); a range,
        # not LIKE, so it walks the unique index on id.
        add(
            f"seq IN ({found} UNION ALL SELECT seq FROM tasks WHERE id >= ? AND id < ?)",
            expression,
            prefix,
            prefix + "\U0010ffff",
        )
    else:
        add(f"seq IN ({found})", expression)


def order_clause(query: TaskQuery) -> str:
    direction = "DESC" if query.descending else "ASC"
    if query.sort is SortColumn.CREATED:
        return f" ORDER BY created_at {direction}, seq {direction}"
    return f" ORDER BY {query.sort.value} {direction}, created_at {direction}, seq {direction}"


def page_clause(limit: int | None, offset: int) -> tuple[str, list[object]]:
    if limit is None and not offset:
        return "", []
    return " LIMIT ? OFFSET ?", [-1 if limit is None else int(limit), int(offset)]
