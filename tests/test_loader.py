"""The YAML reader: scalars stay as written, structural traps are reported with their line, and a line
and column are counted as an editor shows them (any line end; characters, not bytes)."""

from __future__ import annotations

import shutil

import pytest

from tthc_cli.data.document import Document
from tthc_cli.data.loader import parse_document
from tthc_cli.present.messages import message
from tthc_cli.textnorm import LineIndex

from .conftest import DATA, DATA_NAMES


def parse(text: str | bytes) -> Document:
    return parse_document("f.yaml", text.encode("utf-8") if isinstance(text, str) else text)


def codes(doc: Document) -> list[tuple[int, str]]:
    return [(d.line, d.code) for d in doc.diagnostics]


def test_scalars_stay_text() -> None:
    doc = parse("a: yes\nb: no\nc: 010\nd: 1.10\ne: 2021-06-30\nf: on\ng: 1e3\nh: 0x1F\n")
    assert doc.data == {
        "a": "yes",
        "b": "no",
        "c": "010",
        "d": "1.10",
        "e": "2021-06-30",
        "f": "on",
        "g": "1e3",
        "h": "0x1F",
    }


def test_only_true_false_null_are_typed_and_only_when_plain() -> None:
    doc = parse("a: true\nb: False\nc: null\nd: ~\ne:\nf: \"true\"\ng: 'null'\n")
    assert doc.data == {"a": True, "b": False, "c": None, "d": None, "e": None, "f": "true", "g": "null"}


def test_text_is_nfc_and_no_break_spaces_are_spaces() -> None:
    import unicodedata

    doc = parse("a: " + unicodedata.normalize("NFD", "Sở Y tế") + "\nb: Sở\u00a0Y tế\n")
    assert doc.data == {"a": "Sở Y tế", "b": "Sở Y tế"}


def test_bom_is_accepted() -> None:
    assert parse(b"\xef\xbb\xbfa: b\n").data == {"a": "b"}


def test_every_problem_is_collected() -> None:
    doc = parse("a: 1\na: 2\nb: !!int 3\nc: x\u200by\n")
    assert codes(doc) == [(2, "duplicate-key"), (3, "tag"), (4, "invisible-character")]
    assert doc.data is None


def test_locate_points_at_values_and_keys() -> None:
    doc = parse("top:\n  items:\n    - name: a\n      when: b\n")
    assert doc.locate(("top", "items", 0, "when")) == (4, 13)
    assert doc.locate(("top", "items", 0, "when"), key=True) == (4, 7)
    assert doc.locate(("top", "items", 0, "missing")) == (3, 7)  # the mapping it belongs in


def test_deep_nesting_is_refused_without_recursion_error() -> None:
    doc = parse("a: " + "[" * 200 + "]" * 200 + "\n")
    assert "too-deep" in {d.code for d in doc.diagnostics}


def test_libyaml_nesting_limit_is_too_deep_too() -> None:
    doc = parse("a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert [(d.code, d.variant) for d in doc.diagnostics] == [("too-deep", "yaml")]


def test_alias_bomb_is_bounded() -> None:
    lines = ["a: &l0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]" for i in range(1, 12)]
    doc = parse("\n".join(lines) + "\n")  # 10^12 values if expanded
    assert doc.data is None
    assert {d.code for d in doc.diagnostics} == {"anchor", "alias"}
    assert len(doc.diagnostics) <= 11


def test_anchor_hint_ignores_ampersands_in_text() -> None:
    doc = parse("name: Sở LĐ-TB&XH\nother: Tin & bài\n")
    assert doc.diagnostics == [] and doc.data == {"name": "Sở LĐ-TB&XH", "other": "Tin & bài"}


def test_conflict_markers_are_reported_before_yaml_parsing() -> None:
    doc = parse("a: 1\n<<<<<<< HEAD\nb: 2\n||||||| base\nb: 1\n=======\nb: 3\n>>>>>>> other\n")
    assert codes(doc) == [
        (2, "merge-conflict"),
        (4, "merge-conflict"),
        (6, "merge-conflict"),
        (8, "merge-conflict"),
    ]


def test_too_large_is_refused_before_parsing(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import tthc_cli.data.loader as loader

    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 10)
    doc = parse("a: 12345678901\n")
    assert codes(doc) == [(1, "too-large")]


# Each class of complaint libyaml can make, and what the office reads instead: which line to indent
# like which, where the quotes go, which bracket is missing — never libyaml's own words.
YAML_MISTAKES = [
    # (text, line, code/variant, the Vietnamese advice)
    (
        "tasks:\n  - number: 1\n    title: a\n  - number: 2\n   title: b\n",
        5,
        "yaml-syntax/indentation",
        "dòng 5 thụt vào 3 dấu cách, không khớp với các dòng ở trên: hãy thụt vào 4 dấu cách như dòng 4",
    ),
    ("a:\n  - x: 1\n    y: 2\n - z: 3\n", 4, "yaml-syntax/indentation", "hãy thụt vào 2 dấu cách như dòng 2"),
    ("a:\n  b: 1\n c: 2\n", 3, "yaml-syntax/indentation", "hãy thụt vào 2 dấu cách như dòng 2"),
    ("a:\n  b: 1\n   c: 2\n", 3, "yaml-syntax/indentation", "dòng 3 thụt vào 3 dấu cách"),
    ("a:\n  b: x\n    c: 2\n", 3, "yaml-syntax/indentation", "hãy thụt vào 2 dấu cách như dòng 2"),
    ("a: |\n  x\n y\n", 3, "yaml-syntax/indentation", "hãy thụt vào 2 dấu cách như dòng 2"),
    (
        "note: Xong: đã gửi\n",
        1,
        "yaml-syntax/colon-in-value",
        'hãy đặt đoạn chữ trong ngoặc kép: note: "Xong: đã gửi"',
    ),
    ("a: b:\n", 1, "yaml-syntax/colon-in-value", 'a: "b:"'),
    ("a: 1\nb\nc: 2\n", 2, "yaml-syntax/missing-colon", "dòng 2 ('b') không có dấu ':'"),
    ("a\nb: 1\n", 1, "yaml-syntax/missing-colon", "dòng 1 ('a') không có dấu ':'"),
    (
        "a: [1, 2\nb: 3\n",
        2,
        "yaml-syntax/flow-list",
        "danh sách trong [ ] mở ở dòng 1 thiếu dấu phẩy hoặc dấu ']'",
    ),
    (
        "a: {x: 1\nb: 2\n",
        2,
        "yaml-syntax/flow-mapping",
        "cặp ngoặc { } mở ở dòng 1 thiếu dấu phẩy hoặc dấu '}'",
    ),
    ("a:\n\tb: 1\n", 2, "yaml-syntax/tab", "dòng 2 thụt lề bằng phím Tab"),
    ("a:\n  b: 1\n  \tc: 2\n", 3, "yaml-syntax/tab", "hãy thay Tab bằng dấu cách"),
    ("a: |\n\tb\n", 2, "yaml-syntax/tab", "hãy thay Tab bằng dấu cách"),
    (
        "a: `x`\n",
        1,
        "yaml-syntax/reserved-start",
        "không được bắt đầu bằng '`'; hãy đặt giá trị trong ngoặc kép: a: \"`x`\"",
    ),
    ("a: @x\n", 1, "yaml-syntax/reserved-start", "'@'"),
    ("a: *\n", 1, "yaml-syntax/reserved-start", "'*'"),
    ("a: &\n", 1, "yaml-syntax/reserved-start", "'&'"),
    ("a: !<x\n", 1, "yaml-syntax/reserved-start", "'!'"),
    ("a: !x!y 1\n", 1, "yaml-syntax/reserved-start", "'!'"),
    ("%YAML 1.1\n%YAML 1.1\n---\na: 1\n", 2, "yaml-syntax/directive", "chỉ thị YAML"),
    ("%FOO bar\na: 1\n", 1, "yaml-syntax/directive", "chỉ thị YAML"),
    ("a: 1\n...\nb: 2\n", 3, "yaml-syntax/document-end", "hãy xoá dòng '...'"),
    ('a: "x\\qy"\n', 1, "yaml-syntax/escape", "'\\q' không phải một mã thoát hợp lệ"),
    ('a: "\\xZZ"\n', 1, "yaml-syntax/escape", "'\\x'"),
    ('a: "\\uD800"\n', 1, "yaml-syntax/escape", "'\\u'"),
    ('a: "abc\nb: 2\n', 1, "unclosed-quote/", "YAML đọc tiếp tới dòng 3; hãy thêm dấu ngoặc kép đóng"),
    ("a: 'abc\nb: 2\n", 1, "unclosed-quote/here", "hãy thêm dấu nháy đóng"),
    ('a: "abc\n---\n"\n', 1, "unclosed-quote/", "dòng 2"),
    ("a: | x\n  b\n", 1, "yaml-syntax/block-scalar", "sau '|' chỉ được viết một chữ số thụt lề"),
    ("a: |0\n  b\n", 1, "yaml-syntax/block-scalar", "'|0'"),
    (
        "a: b\n- c\n",
        2,
        "yaml-syntax/dash-in-mapping",
        "dòng 2 bắt đầu một mục danh sách ('- ') giữa các trường",
    ),
    ("a:\n  b: 1\n  - c\n", 3, "yaml-syntax/dash-in-mapping", "dòng 3"),
    ("a: - b\n", 1, "yaml-syntax/dash-after-key", "hãy xuống dòng sau 'a:' rồi viết '- b' ở dòng dưới"),
    ("a: [1, , 2]\n", 1, "yaml-syntax/missing-value", "hai dấu phẩy liền nhau"),
    ("a: {b: , : }\n", 1, "yaml-syntax/missing-value", "thiếu một giá trị ở đây"),
    ("a: b}\nc: ]\n", 2, "yaml-syntax/stray-bracket", "dấu ']' không có dấu ngoặc mở"),
    ('a: "x" y\n', 1, "yaml-syntax/after-quote", "còn chữ sau dấu ngoặc kép đóng"),
    ("a: [1] x\n", 1, "yaml-syntax/after-bracket", "còn chữ sau dấu ']' đóng"),
    ("a" * 1100 + ": 1\n", 1, "yaml-syntax/long-key", "dài hơn 1.024 ký tự"),
    ("--- x\na: 1\n", 2, "yaml-syntax/other", "YAML không đọc được dòng này"),
    ("a: 1\n---\nb: 2\n", 2, "multiple-documents/", "một tài liệu YAML thứ hai"),
    ("a: " + "[" * 1100 + "]" * 1100 + "\n", 1, "too-deep/yaml", "lồng nhau quá một nghìn cấp"),
    ("a: *x\n", 1, "alias/", "'*x'"),
]


@pytest.mark.parametrize(("text", "line", "kind", "advice"), YAML_MISTAKES)
def test_each_yaml_mistake_says_what_to_change(text: str, line: int, kind: str, advice: str) -> None:
    (d,) = parse(text).diagnostics
    said = message(d)
    assert (d.line, f"{d.code}/{d.variant}") == (line, kind), said
    assert advice in said, said
    for libyaml in ("while parsing", "while scanning", "did not find", "expected", "found "):
        assert libyaml not in said


def test_a_lookalike_letter_in_a_name_is_reported_where_it_stands() -> None:
    doc = parse("units:\n  - name: S\u043e Y tế\n    type: department\n  - name: Сở Tư pháp\n")
    assert codes(doc) == [(2, "lookalike-character"), (4, "lookalike-character")]
    said = message(doc.diagnostics[0])
    assert "'о' (U+043E) ở vị trí 2: một chữ Kirin trông giống chữ Latinh 'o'" in said
    assert doc.diagnostics[0].path == ("units", 0, "name") and doc.data is None


def test_a_name_wholly_in_another_script_is_no_lookalike() -> None:
    assert parse("note: Москва\nother: α\n").diagnostics == []


def test_line_index_counts_lf_crlf_and_lone_cr_and_columns_in_characters() -> None:
    text = "a: 1\rb: ế\r\nc: 😀x\nd"
    lines = LineIndex(text)
    assert lines.line_col(text.index("b")) == (2, 1)
    assert lines.line_col(text.index("ế")) == (2, 4)
    assert lines.line_col(text.index("x")) == (3, 5)
    assert lines.line_col(text.index("d")) == (4, 1)


@pytest.mark.parametrize(
    ("encoding", "named"),
    [
        ("utf-16", "UTF-16"),  # Notepad's "Unicode": with a byte order mark
        ("utf-16-le", "UTF-16"),  # without one
        ("utf-16-be", "UTF-16"),
        ("utf-32", "UTF-32"),
        ("utf-32-le", "UTF-32"),
    ],
)
def test_a_file_saved_as_utf16_is_named_so_with_how_to_save_it_as_utf8(encoding: str, named: str) -> None:
    doc = parse("# Kế hoạch\nplan:\n  title: Kế hoạch kiểm soát thủ tục hành chính\n".encode(encoding))
    assert codes(doc) == [(1, "not-utf8")] and doc.data is None
    said = message(doc.diagnostics[0])
    assert said.startswith(f"tệp được lưu dạng {named}, không phải UTF-8") and "UTF-8" in said.split(";")[1]


def test_utf8_text_is_never_taken_for_utf16() -> None:
    doc = parse("tasks:\n  - title: Sở Y tế\n" * 200)
    assert "not-utf8" not in [code for _, code in codes(doc)]


def test_validate_shows_no_excerpt_of_a_utf16_file(run, tmp_path) -> None:  # type: ignore[no-untyped-def]

    for name in DATA_NAMES:
        shutil.copy(DATA / name, tmp_path / name)
    units = tmp_path / "units.yaml"
    units.write_text(units.read_text(encoding="utf-8"), encoding="utf-16")
    result = run("validate", "--data", str(tmp_path))
    assert result.code == 1
    assert "units.yaml:1:1: error[not-utf8] tệp được lưu dạng UTF-16" in result.stdout
    assert "\\u0000" not in result.stdout and "\x00" not in result.stdout
