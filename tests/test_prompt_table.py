"""Per-image prompts from a CSV file: header or not, separators, and a typed problem per bad row."""

from __future__ import annotations

from hailuo_desktop.services.prompt_table import (
    MAX_BYTES,
    TableProblem,
    match_images,
    parse_table,
    read_table,
)


def problems(result) -> list[tuple[TableProblem, int | None]]:
    return [(issue.problem, issue.line) for issue in result.issues]


def test_rows_without_a_header_are_image_then_prompt(tmp_path):
    keys = [str(tmp_path / "a.png"), str(tmp_path / "b.jpg"), "https://img.example/c.webp"]
    table = parse_table(
        'a.png,"waves roll in, slowly [Pan left]"\nb.jpg,a cat turns its head\n\n'
        "https://img.example/c.webp,mist drifts\n"
    )
    matched = match_images(table, keys)
    assert matched.prompts == {
        keys[0]: "waves roll in, slowly [Pan left]",
        keys[1]: "a cat turns its head",
        keys[2]: "mist drifts",
    }
    assert matched.issues == []


def test_a_header_may_order_columns_freely_and_carry_others(tmp_path):
    keys = [str(tmp_path / "shots" / "a.png")]
    table = parse_table("Prompt;Notes;File\nthe sun sets;keep;shots/a.png\n", folder=str(tmp_path))
    assert match_images(table, keys).prompts == {keys[0]: "the sun sets"}


def test_each_bad_row_is_named_by_its_line_and_the_good_rows_are_kept(tmp_path):
    keys = [str(tmp_path / "one" / "x.png"), str(tmp_path / "two" / "x.png"), str(tmp_path / "a.png")]
    text = (
        "image,prompt\n"  # line 1
        "a.png,first\n"  # 2: used
        "missing.png,lost\n"  # 3: no such image
        "x.png,which one\n"  # 4: two listed images share the name
        ",no image\n"  # 5
        "a.png,\n"  # 6: empty prompt
        "lonely\n"  # 7: one cell
        "a.png,second time\n"
    )  # 8: duplicate
    matched = match_images(parse_table(text), keys)
    assert matched.prompts == {keys[2]: "first"}
    assert problems(matched) == [
        (TableProblem.UNKNOWN_IMAGE, 3),
        (TableProblem.AMBIGUOUS_IMAGE, 4),
        (TableProblem.EMPTY_IMAGE, 5),
        (TableProblem.EMPTY_PROMPT, 6),
        (TableProblem.TOO_FEW_CELLS, 7),
        (TableProblem.DUPLICATE_IMAGE, 8),
    ]
    ambiguous = matched.issues[1]
    assert sorted(ambiguous.params["matches"]) == sorted(keys[:2])
    assert matched.issues[-1].params["first_line"] == 2


def test_a_quoted_prompt_over_several_lines_keeps_the_line_numbers_right(tmp_path):
    keys = [str(tmp_path / "a.png"), str(tmp_path / "b.png")]
    matched = match_images(parse_table('a.png,"line one\nline two"\nb.png,\nzzz.png,x\n'), keys)
    assert matched.prompts == {keys[0]: "line one\nline two"}
    assert problems(matched) == [(TableProblem.EMPTY_PROMPT, 3), (TableProblem.UNKNOWN_IMAGE, 4)]


def test_files_that_cannot_be_used_at_all_say_why(tmp_path):
    assert problems(parse_table("")) == [(TableProblem.EMPTY, None)]
    assert problems(parse_table('a.png,"never closed\n')) == [(TableProblem.BAD_CSV, None)]
    header_only = parse_table("image,notes\na.png,x\n")
    assert problems(header_only) == [(TableProblem.NO_PROMPT_COLUMN, None)]
    assert header_only.issues[0].params["columns"] == ["image", "notes"]
    assert problems(parse_table("prompt,notes\nx,y\n")) == [(TableProblem.NO_IMAGE_COLUMN, None)]
    xlsx = tmp_path / "prompts.xlsx"
    xlsx.write_bytes(b"PK\x03\x04\xff\xfe\x00binary")
    assert problems(read_table(xlsx)) == [(TableProblem.NOT_TEXT, None)]
    big = tmp_path / "big.csv"
    big.write_bytes(b"a" * (MAX_BYTES + 1))
    assert problems(read_table(big)) == [(TableProblem.TOO_LARGE, None)]
    assert problems(read_table(tmp_path / "nope.csv")) == [(TableProblem.UNREADABLE, None)]


def test_a_file_saved_by_excel_with_a_byte_order_mark_reads(tmp_path):
    path = tmp_path / "prompts.csv"
    path.write_bytes("\ufeffimage\tprompt\nb.png\tun chat tourne la tête\n".encode("utf-8"))
    (tmp_path / "b.png").touch()
    matched = match_images(read_table(path), [str(tmp_path / "b.png")])
    assert matched.prompts == {str(tmp_path / "b.png"): "un chat tourne la tête"}
