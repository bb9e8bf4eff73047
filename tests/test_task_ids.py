"""Task ids as typed: whole, or a unique prefix of at least 6 characters."""

from __future__ import annotations

import pytest

from hailuo_desktop.services.task_ids import (
    AmbiguousTaskId,
    TaskIdTooShort,
    UnknownTaskId,
    resolve_task_id,
    resolve_task_ids,
)
from tests.fixtures.services import make_task

IDS = ("9c1e7b6d4e0f8a1b", "9c1e7b00aa11bb22", "4e5f6a7b8c9d0e1f", "abc")


@pytest.fixture
def filled(store):
    store.add_many(make_task(id=task_id) for task_id in IDS)
    return store


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("9c1e7b6", "9c1e7b6d4e0f8a1b"),
        ("4E5F6A", "4e5f6a7b8c9d0e1f"),
        ("  4e5f6a7b  ", "4e5f6a7b8c9d0e1f"),
        ("9c1e7b6d4e0f8a1b", "9c1e7b6d4e0f8a1b"),
        ("abc", "abc"),  # a whole id is a whole id, however short
    ],
)
def test_a_unique_prefix_names_its_task(filled, typed, expected):
    assert resolve_task_id(filled, typed) == expected


def test_an_ambiguous_prefix_lists_the_candidates(filled):
    with pytest.raises(AmbiguousTaskId) as refused:
        resolve_task_id(filled, "9c1e7b")
    assert sorted(refused.value.params["matches"]) == ["9c1e7b00aa11bb22", "9c1e7b6d4e0f8a1b"]
    assert "give more characters" in refused.value.message


def test_short_and_unknown_prefixes_say_what_to_do(filled):
    with pytest.raises(TaskIdTooShort, match="at least 6 characters"):
        resolve_task_id(filled, "9c1e")
    with pytest.raises(UnknownTaskId, match="hailuo-desktop tasks"):
        resolve_task_id(filled, "ffffff")


def test_several_ids_keep_their_order_once_each(filled):
    assert resolve_task_ids(filled, ["4e5f6a", "9c1e7b6", "4e5f6a7b8c9d0e1f"]) == [
        "4e5f6a7b8c9d0e1f",
        "9c1e7b6d4e0f8a1b",
    ]
