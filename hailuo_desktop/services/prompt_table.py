"""A per-image prompt table read from a CSV file: which prompt goes with which image.

The file has two columns, image and prompt, with or without a header row naming them
(a header may name them in any order and carry other columns, which are ignored). The
image cell is a path or a file name; it is matched against the images listed in compose,
by full path first, then by file name. Comma, semicolon and tab separators are accepted
(spreadsheets save with either). Every row that cannot be used is reported with its line
number and a typed problem; the good rows are still used.

Qt-free: the window words each problem from its code and parameters.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from ..domain.sources import is_url

MAX_BYTES = 5 * 1024 * 1024  # a prompt table, not a data set
IMAGE_HEADERS = ("image", "file", "filename", "file_name", "path", "picture")
PROMPT_HEADERS = ("prompt", "text", "description")


class TableProblem(Enum):
    """Why a file or one of its rows cannot be used. Parameters are listed per member."""

    UNREADABLE = "unreadable"  # {reason}: the file could not be read
    TOO_LARGE = "too_large"  # {bytes, limit}
    NOT_TEXT = "not_text"  # {}: not UTF-8 text (e.g. a spreadsheet saved as .xlsx)
    BAD_CSV = "bad_csv"  # {reason}: e.g. a quote never closed
    EMPTY = "empty"  # {}: no rows at all
    NO_PROMPT_COLUMN = "no_prompt_column"  # {columns}: a header without a prompt column
    NO_IMAGE_COLUMN = "no_image_column"  # {columns}
    TOO_FEW_CELLS = "too_few_cells"  # {line, cells}: a row with fewer than two cells
    EMPTY_IMAGE = "empty_image"  # {line}
    EMPTY_PROMPT = "empty_prompt"  # {line, image}
    UNKNOWN_IMAGE = "unknown_image"  # {line, image}: matches no listed image
    AMBIGUOUS_IMAGE = "ambiguous_image"  # {line, image, matches}: a name shared by listed images
    DUPLICATE_IMAGE = "duplicate_image"  # {line, image, first_line}: the image already has a prompt


@dataclass(frozen=True)
class Issue:
    problem: TableProblem
    params: dict[str, object] = field(default_factory=dict)

    @property
    def line(self) -> int | None:
        line = self.params.get("line")
        return line if isinstance(line, int) else None


@dataclass(frozen=True)
class Row:
    line: int  # 1-based line of the file, as a spreadsheet shows it
    image: str
    prompt: str


@dataclass(frozen=True)
class PromptTable:
    rows: list[Row]
    issues: list[Issue]
    folder: str | None = None  # a relative path in the file is relative to the file's folder


@dataclass(frozen=True)
class Matched:
    """Prompts for listed images (key -> prompt) and the rows that matched none."""

    prompts: dict[str, str]
    issues: list[Issue]


def read_table(path: str | os.PathLike[str]) -> PromptTable:
    """Read a CSV file; a file that cannot be used at all is one issue and no rows."""
    try:
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            return PromptTable([], [Issue(TableProblem.TOO_LARGE, {"bytes": size, "limit": MAX_BYTES})])
        raw = Path(path).read_bytes()
    except OSError as err:
        return PromptTable([], [Issue(TableProblem.UNREADABLE, {"reason": err.strerror or str(err)})])
    try:
        text = raw.decode("utf-8-sig")  # Excel writes a byte-order mark
    except UnicodeDecodeError:
        return PromptTable([], [Issue(TableProblem.NOT_TEXT)])
    return parse_table(text, folder=os.path.dirname(os.path.abspath(path)))


def parse_table(text: str, *, folder: str | None = None) -> PromptTable:
    try:
        records = _records(text)
    except csv.Error as err:
        return PromptTable([], [Issue(TableProblem.BAD_CSV, {"reason": str(err)})])
    if not records:
        return PromptTable([], [Issue(TableProblem.EMPTY)])
    found = _columns(records)
    if isinstance(found, Issue):
        return PromptTable([], [found])
    columns, body = found
    rows: list[Row] = []
    issues: list[Issue] = []
    for line, cells in body:
        row, issue = _row(line, cells, columns)
        if row is not None:
            rows.append(row)
        if issue is not None:
            issues.append(issue)
    return PromptTable(rows, issues, folder)


def match_images(table: PromptTable, keys: list[str]) -> Matched:
    """Give each listed image (path or URL key) its prompt from the table."""
    by_path = {_normal(key): key for key in keys}
    by_name: dict[str, list[str]] = {}
    for key in keys:
        by_name.setdefault(_name(key).casefold(), []).append(key)
    prompts: dict[str, str] = {}
    first_line: dict[str, int] = {}
    issues = list(table.issues)
    for row in table.rows:
        found = _find(row, table.folder, by_path, by_name)
        if isinstance(found, str) and found in first_line:
            found = Issue(
                TableProblem.DUPLICATE_IMAGE, {"line": row.line, "image": row.image, "first_line": first_line[found]}
            )
        if isinstance(found, Issue):
            issues.append(found)
            continue
        prompts[found] = row.prompt
        first_line[found] = row.line
    issues.sort(key=lambda issue: issue.line or 0)
    return Matched(prompts, issues)


# --- reading ---------------------------------------------------------------------------
def _records(text: str) -> list[tuple[int, list[str]]]:
    """(line, cells) of every non-blank record; `line` is where the record starts."""
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[tuple[int, list[str]]] = []
    line = 1
    for cells in reader:
        if any(cell.strip() for cell in cells):
            records.append((line, cells))
        line = reader.line_num + 1
    return records


def _delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _columns(records: list[tuple[int, list[str]]]) -> tuple[tuple[int, int], list[tuple[int, list[str]]]] | Issue:
    """((image column, prompt column), the data rows), or the issue that stops everything."""
    header = [cell.strip().casefold() for cell in records[0][1]]
    image = next((i for i, cell in enumerate(header) if cell in IMAGE_HEADERS), None)
    prompt = next((i for i, cell in enumerate(header) if cell in PROMPT_HEADERS), None)
    if image is None and prompt is None:
        return (0, 1), records  # no header: image, prompt
    shown = [cell.strip() for cell in records[0][1]]
    if prompt is None:
        return Issue(TableProblem.NO_PROMPT_COLUMN, {"columns": shown})
    if image is None:
        return Issue(TableProblem.NO_IMAGE_COLUMN, {"columns": shown})
    return (image, prompt), records[1:]


def _row(line: int, cells: list[str], columns: tuple[int, int]) -> tuple[Row | None, Issue | None]:
    image_at, prompt_at = columns
    if len(cells) <= max(image_at, prompt_at):
        return None, Issue(TableProblem.TOO_FEW_CELLS, {"line": line, "cells": len(cells)})
    image, prompt = cells[image_at].strip(), cells[prompt_at].strip()
    if not image:
        return None, Issue(TableProblem.EMPTY_IMAGE, {"line": line})
    if not prompt:
        return None, Issue(TableProblem.EMPTY_PROMPT, {"line": line, "image": image})
    return Row(line, image, prompt), None


# --- matching --------------------------------------------------------------------------
def _find(row: Row, folder: str | None, by_path: dict[str, str], by_name: dict[str, list[str]]) -> str | Issue:
    """The key of the listed image the row names, or why there is none."""
    relative = folder and not is_url(row.image) and not os.path.isabs(os.path.expanduser(row.image))
    exact = by_path.get(_normal(os.path.join(folder, row.image) if folder and relative else row.image))
    if exact is not None:
        return exact
    named = by_name.get(_name(row.image).casefold(), [])
    if len(named) == 1:
        return named[0]
    if named:
        return Issue(TableProblem.AMBIGUOUS_IMAGE, {"line": row.line, "image": row.image, "matches": list(named)})
    return Issue(TableProblem.UNKNOWN_IMAGE, {"line": row.line, "image": row.image})


def _normal(key: str) -> str:
    if is_url(key):
        return key
    return os.path.normcase(os.path.abspath(os.path.expanduser(key)))


def _name(key: str) -> str:
    return key.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
