"""A text search that walks the FTS index in task order and stops at the page, instead of
collecting every match and sorting it (70–220 ms for a word in most of 100,000 prompts).

Two things make that possible (benchmarks/RESULTS.md, row 8):

- FTS5 reads a one-word prefix query longer than its prefix indexes (1–3 letters) by merging
  the doclists of every word with that prefix into one list in memory, up front: a page of a
  common word then costs as much as all of its matches. A word is therefore turned into the
  words the index holds with that prefix (read from the index's vocabulary, ~0.2 ms a word),
  OR-ed: FTS5 walks those doclists side by side and stops when the page is full.
- The FTS rowid is the task's `seq` (insertion order), and tasks are stored when they are
  created, so newest first is the FTS index's own descending rowid order. A task stored with
  a creation time older than one stored before it (a clock set back, an import) breaks that;
  schema 5 records such tasks in `task_order_breaks` (a trigger), and the walk merges them in
  by their creation time. Without them, every other task is in creation order by rowid.

Other sorts read a search that finds few tasks (< SPARSE) from its matches and sort them;
one that finds many, and stores with many order breaks, use the general query: it walks the
sort's index and keeps the matches, which is quick when matches are dense.
"""

from __future__ import annotations

import sqlite3

from .task_query import SortColumn, TaskQuery, fts_expression, tokens, where_conditions

MAX_TERMS = 32  # words per search word, beyond which FTS5's own prefix merge is cheaper
MAX_ORDER_BREAKS = 256  # tasks out of creation order merged in; more: the general query
SPARSE = 1000  # a search finding fewer tasks is sorted from its matches in any order
_VOCABULARY = "temp.tasks_fts_terms"
_NEXT = "\x01"  # the smallest suffix: no indexed word contains \x00


def match_expression(conn: sqlite3.Connection, words: list[str]) -> str:
    """The FTS5 expression of `words` (each a word prefix, all required), its prefixes
    spelled out as the indexed words they stand for where that lets FTS5 stop early."""
    parts = []
    for word in words:
        found = _indexed_words(conn, word)
        if found is None:
            parts.append(fts_expression([word]))
        elif not found:
            return '""'  # no indexed word has this prefix: an empty phrase matches nothing
        else:
            parts.append("(" + " OR ".join('"' + term + '"' for term in found) + ")")
    return " AND ".join(parts)


def _indexed_words(conn: sqlite3.Connection, word: str) -> list[str] | None:
    """The indexed words starting with `word`; None to leave the prefix to FTS5 (a prefix
    index serves it, the word is more than one token, or it has too many words)."""
    found = tokens(word)
    # Only plain ASCII letters and digits: those fold the same in Python and in unicode61.
    if len(found) != 1 or len(found[0]) <= 3 or not (found[0].isascii() and found[0].isalnum()):
        return None
    prefix = found[0]
    conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {_VOCABULARY} USING fts5vocab(main, tasks_fts, instance)")
    sql = f"SELECT term FROM {_VOCABULARY} WHERE term >= ? AND term < ? LIMIT 1"
    terms: list[str] = []
    start = prefix
    while True:
        row = conn.execute(sql, (start, prefix + "\U0010ffff")).fetchone()
        if row is None:
            return terms
        if len(terms) == MAX_TERMS:
            return None
        terms.append(row[0])
        start = row[0] + _NEXT  # seek past this word without reading its occurrences


def walk_sql(
    conn: sqlite3.Connection, query: TaskQuery, *, limit: int | None, offset: int, select: str = "t.id"
) -> tuple[str, list[object]] | None:
    """SQL and parameters for a page of a text search in creation order, read by walking the
    index; None when this query needs the general form."""
    # Every match at once (no page) is cheaper collected and sorted than walked row by row.
    if not query.words or query.sort is not SortColumn.CREATED or limit is None:
        return None
    breaks = int(conn.execute("SELECT count(*) FROM task_order_breaks").fetchone()[0])
    if breaks > MAX_ORDER_BREAKS:
        return None
    return _text_sql(conn, query, limit, offset, select, breaks=breaks)


def sparse_sort_sql(
    conn: sqlite3.Connection, query: TaskQuery, *, limit: int | None, offset: int
) -> tuple[str, list[object]] | None:
    """A page of a text search in another order, when it finds fewer than SPARSE tasks: read
    from the index and sorted (the general plan walks the whole sort index for them, 20–40 ms
    on 100,000 tasks, even for one match). None for the general form."""
    if not query.words or query.sort is SortColumn.CREATED or limit is None:
        return None
    counting = walk_sql(conn, query.with_changes(sort=SortColumn.CREATED), limit=SPARSE, offset=0, select="1")
    if (
        counting is None
        or int(conn.execute(f"SELECT count(*) FROM ({counting[0]})", counting[1]).fetchone()[0]) >= SPARSE
    ):
        return None
    return _text_sql(conn, query, limit, offset, "t.id", breaks=0)


def _text_sql(
    conn: sqlite3.Connection, query: TaskQuery, limit: int, offset: int, select: str, *, breaks: int
) -> tuple[str, list[object]]:
    words = query.words
    conditions, params = where_conditions(query, skip=frozenset({"text"}))
    expression = match_expression(conn, words)
    direction = "DESC" if query.descending else "ASC"
    in_rowid_order = query.sort is SortColumn.CREATED
    filters = "".join(f" AND {c}" for c in conditions)
    unindexed = "".join(f" AND +{c}" for c in conditions)  # unary +: read by the id index, not a filter's
    in_order = " AND t.seq NOT IN (SELECT seq FROM task_order_breaks)" if breaks else ""
    columns = f"{select}, t.{query.sort.value} AS v, t.created_at AS c, t.seq AS s"
    walk = (
        f"SELECT {columns} FROM tasks_fts CROSS JOIN tasks AS t ON t.seq = tasks_fts.rowid "
        f"WHERE tasks_fts MATCH ?{filters}{in_order}"
    )
    if in_rowid_order:
        walk += f" ORDER BY tasks_fts.rowid {direction}"
    walk_params: list[object] = [expression, *params]
    others: list[tuple[str, list[object]]] = []
    if breaks:
        others.append(
            (
                f"SELECT {columns} FROM task_order_breaks AS b CROSS JOIN tasks AS t ON t.seq = b.seq "
                f"WHERE t.seq IN (SELECT rowid FROM tasks_fts WHERE tasks_fts MATCH ?){filters}",
                [expression, *params],
            )
        )
    if len(words) == 1:  # a pasted task id finds its task (task_query's rule)
        prefix = words[0].lower()
        others.append(
            (
                f"SELECT {columns} FROM tasks AS t WHERE t.id >= ? AND t.id < ?{unindexed}",
                [prefix, prefix + "\U0010ffff", *params],
            )
        )
    page = " LIMIT ? OFFSET ?"
    page_params: list[object] = [int(limit), int(offset)]
    order = f" ORDER BY v {direction}, c {direction}, s {direction}"
    if not others:
        return walk + ("" if in_rowid_order else order) + page, [*walk_params, *page_params]
    # In rowid order, the walk gives the first `limit + offset` tasks in order among those it
    # covers; the others are few (order breaks, id prefixes): merged, the first of the union are exact.
    head = f"SELECT * FROM ({walk} LIMIT ?)" if in_rowid_order else walk
    merged_params = [*walk_params, *([int(limit) + int(offset)] if in_rowid_order else [])]
    for _, extra in others:
        merged_params.extend(extra)
    union = " UNION ".join([head, *(sql for sql, _ in others)])
    return f"SELECT * FROM ({union}){order}{page}", [*merged_params, *page_params]
