"""The benchmarks' code paths on tiny sizes, so they do not rot. Correctness only: no timing is asserted.

The figures themselves come from `python -m benchmarks` (see benchmarks/RESULTS.md).
"""

from __future__ import annotations

import asyncio
import shutil

import pytest

from benchmarks import download, finding, grid, gui_lag, memory, polling, startup, validation
from benchmarks.report import README_END, README_START, Row, machine, markdown, percentile, text_table
from benchmarks.run import summary

pytestmark = pytest.mark.gui  # most of them start offscreen Qt children


def well_formed(row: Row) -> None:
    assert row.benchmark and row.figure and row.reference and row.goal
    assert row.met in (True, False) and row.ratio is not None and row.ratio > 0


def test_validation_judges_generated_images_of_the_asked_size(tmp_path):
    rows = validation.measure(tmp_path, jpeg_bytes=300_000, png_bytes=200_000, verdict_repeats=2, decode_repeats=1)
    assert [r.benchmark for r in rows] == ["1. Validation, 0 MB JPEG", "1. Validation, 0 MB PNG"]
    for row in rows:
        well_formed(row)
    assert 0.96 * 300_000 <= (tmp_path / "noise.jpeg").stat().st_size <= 300_000
    assert 0.96 * 200_000 <= (tmp_path / "noise.png").stat().st_size <= 200_000


def test_polling_compares_the_same_tasks_and_adaptive_never_polls_more(tmp_path):
    setting = polling.SETTINGS[1]
    documented, adaptive = asyncio.run(polling.compare(tmp_path, (setting,), history=20, tasks=4))
    ours, theirs = adaptive[setting], documented[setting]
    assert len(ours.requests) == len(theirs.requests) == 4
    assert all(d >= 0 for d in ours.delays + theirs.delays)
    # Same durations, and a plan is never ahead of the documented schedule: task by task,
    # the adaptive engine sends at most as many polls.
    assert all(a <= d for a, d in zip(ours.requests, theirs.requests))
    assert sum(ours.requests) < sum(theirs.requests)  # after 20 finished tasks the plan is in use
    well_formed(polling._apixo_row(documented, adaptive, 4))


def test_download_runs_the_downloader_and_curl_on_one_url():
    row, *window = download.measure(size=2 * 2**20, runs=1)
    assert "MB/s" in row.figure and "memory flat" in row.note
    if shutil.which("curl"):
        well_formed(row)
        (window_row,) = window
        well_formed(window_row)
        assert window_row.benchmark.startswith("4b.") and "engine's loop" in window_row.note
    else:
        assert row.met is None and "curl is missing" in row.note


@pytest.mark.parametrize("engine", [gui_lag.ON_HOST, gui_lag.ON_WINDOW_LOOP])
def test_gui_lag_runs_the_window_under_polling_and_downloads(engine):
    data = gui_lag.run_child(
        tasks=10,
        downloads=2,
        result_bytes=2**20,
        idle_ticks=5,
        min_load_ticks=5,
        polling_ticks=5,
        engine=engine,
    )
    assert len(data["idle"]) == 5 and len(data["load"]) >= 5 and len(data["polling_only"]) >= 5
    assert data["succeeded"] == 2 and data["downloaded"] == 2 * 2**20
    assert data["polls"] >= 2  # at least each download task's own poll
    assert all(lag >= 0 for lag in data["idle"] + data["load"])


def test_startup_opens_the_window_on_both_stores_and_the_bare_window():
    (row,) = startup.measure(tasks=30, runs=1, images=2)
    well_formed(row)
    assert "30 rows listed" in row.note and "bare PySide6 window" in row.reference


def test_memory_lists_every_task():
    (row,) = memory.measure(tasks=30, images=2)
    well_formed(row)
    assert row.note.startswith("30 tasks in the model, 30 rows exposed")


def test_finding_searches_sorts_and_filters_a_filled_store():
    search, sort = finding.measure(tasks=300, repeats=1)
    well_formed(search)
    well_formed(sort)
    assert "300 tasks" in search.note and "LIKE substring" in search.note
    assert "task id prefix" in search.note and "(1 shown, 1 in all" in search.note  # the id finds its task
    assert "newest first" in sort.note


def test_grid_scrolls_both_views_over_real_videos():
    (row,) = grid.measure(tasks=30, videos=3)
    well_formed(row)
    assert row.note.startswith("30 takes (3 distinct real MP4 files") and "list view" in row.reference


def test_the_table_carries_every_row_and_the_machine():
    rows = [Row("a", "1 ms", "2 ms", 0.5, "< 5 ms", True, "why"), Row("b", "failed", "", None, "", None, "boom")]
    info = machine()
    text, md = text_table(rows, info), markdown(rows, info)
    assert info["cpu"] in md and info["python"] in text
    assert "| a | 1 ms | 2 ms | 0.50× | < 5 ms | yes |" in md and "- **b**: boom" in md
    assert summary(rows) == "Goals met: a.\nGoals not met: none.\n"
    assert percentile([1, 2, 3, 4], 0.5) == 2 and percentile([1, 2, 3, 4], 1.0) == 4


def _rows(numbers):
    return [Row(f"{n}. Thing {n}", f"{n} ms", "ref", 1.0, "< 5 ms", True, f"note {n}") for n in numbers]


def test_saving_keeps_the_written_decisions_and_refreshes_readme_only_for_a_whole_run(tmp_path):
    from benchmarks.run import save

    results, readme = tmp_path / "RESULTS.md", tmp_path / "README.md"
    results.write_text("# Benchmark results\n\nold table\n\n## What was decided, with the figures\n\nwhy X\n")
    readme.write_text(f"intro\n\n{README_START}\nold\n{README_END}\n\nafter\n")
    info = machine()

    save(_rows([1, 2]), info, results, readme)  # part of a run: README untouched
    assert "old table" not in results.read_text() and "| 1. Thing 1 | 1 ms |" in results.read_text()
    assert results.read_text().endswith("## What was decided, with the figures\n\nwhy X\n")
    assert "\nold\n" in readme.read_text()

    save(_rows(range(1, 10)), info, results, readme)  # every row: README's table follows
    text = readme.read_text()
    assert text.startswith("intro\n\n") and text.endswith(f"{README_END}\n\nafter\n")
    assert "\nold\n" not in text and "| 9. Thing 9 | 9 ms | ref |" in text and "note 9" not in text
    assert results.read_text().count("## What was decided") == 1
