"""Presets on disk, the prompt history and a take's lineage, over a real store file."""

from __future__ import annotations

import json

import pytest

from hailuo_desktop.domain.states import TaskState
from hailuo_desktop.services.lineage import lineage, sequence_through
from hailuo_desktop.services.presets import (
    NameProblem,
    Preset,
    PresetProblem,
    PresetStore,
    name_problem,
)
from tests.fixtures.services import make_task


def preset(name: str = "Dusk push", **changes) -> Preset:
    base = {
        "name": name,
        "provider": "minimax",
        "model": "MiniMax-Hailuo-02",
        "kind": "i2v",
        "duration": 6,
        "resolution": "768P",
        "prompt_optimizer": False,
        "prompt": "waves at dusk [Push in]",
        "camera": ("[Push in]",),
    }
    return Preset(**{**base, **changes})


def test_a_preset_survives_a_new_store_and_a_same_name_replaces_it(tmp_path):
    path = tmp_path / "presets.json"
    PresetStore(path, clock=lambda: 5.0).save(preset())
    PresetStore(path).save(preset("beach", provider="kie", model="hailuo/2-3-image-to-video-standard"))
    again = PresetStore(path, clock=lambda: 9.0)
    again.save(preset("DUSK PUSH", prompt="other"))  # the same name, whatever the case
    loaded = PresetStore(path).load()
    assert [p.name for p in loaded] == ["beach", "DUSK PUSH"]
    assert loaded[1] == preset("DUSK PUSH", prompt="other", saved_at=9.0)
    assert PresetStore(path).find("dusk push").prompt == "other"
    assert PresetStore(path).delete("Beach") and not PresetStore(path).delete("beach")
    assert [p.name for p in PresetStore(path).load()] == ["DUSK PUSH"]
    assert path.stat().st_mode & 0o777 == 0o600


def test_a_bad_name_is_refused_before_anything_is_written(tmp_path):
    store = PresetStore(tmp_path / "presets.json")
    assert name_problem("  ") is NameProblem.EMPTY and name_problem("x" * 81) is NameProblem.TOO_LONG
    with pytest.raises(ValueError):
        store.save(preset("   "))
    assert not (tmp_path / "presets.json").exists()


def test_a_bad_entry_is_left_out_and_a_damaged_file_moved_aside(tmp_path):
    path = tmp_path / "presets.json"
    good = {"name": "ok", "provider": "kie", "model": "m", "kind": "i2v", "camera": ["[Pan left]"]}
    path.write_text(
        json.dumps(
            {
                "presets": [
                    good,
                    {"name": "no kind", "provider": "kie", "model": "m"},
                    {**good, "name": "bad", "duration": "6"},
                    "junk",
                ]
            }
        )
    )
    store = PresetStore(path)
    assert [(p.name, p.camera) for p in store.load()] == [("ok", ("[Pan left]",))]
    assert [(i.problem, i.params["index"]) for i in store.issues] == [(PresetProblem.BAD_ENTRY, n) for n in (1, 2, 3)]
    path.write_text("{not json")
    assert store.load() == []
    (issue,) = store.issues
    assert issue.problem is PresetProblem.DAMAGED_FILE
    assert (tmp_path / issue.params["moved_to"]).read_text() == "{not json"  # kept, never dropped
    assert not path.exists()


def test_recent_prompts_are_distinct_newest_first(store):
    for n, prompt in enumerate(["a cat", "waves", "a cat", "  ", "mist"]):
        store.add(make_task(prompt=prompt, created_at=float(n + 1)))
    assert store.recent_prompts() == ["mist", "a cat", "waves"]
    assert store.recent_prompts(limit=1) == ["mist"]


def test_lineage_walks_up_and_down_and_a_sequence_stops_at_a_branch(store):
    def take(tid, parent=None, state=TaskState.SUCCEEDED, at=0.5):
        return store.add(make_task(id=tid, parent_id=parent, state=state, created_at=at))

    take("a"), take("b", "a", at=1), take("c", "b", at=2), take("d", "c", at=3)
    take("c-failed", "b", TaskState.FAILED, at=4)
    line = lineage(store, "c")
    assert [t.id for t in line.ancestors] == ["a", "b"] and [t.id for t in line.children] == ["d"]
    assert [t.id for t in lineage(store, "b").children] == ["c", "c-failed"]
    assert [t.id for t in sequence_through(store, "a")] == ["a", "b", "c", "d"]  # a failed branch is no branch
    take("d2", "c", at=5)
    assert [t.id for t in sequence_through(store, "b")] == ["a", "b", "c"]  # c branches: stop there
    store.remove("a")
    gone = lineage(store, "c")
    assert [t.id for t in gone.ancestors] == ["b"] and gone.missing_parent == "a"
