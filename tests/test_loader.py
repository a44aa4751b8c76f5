"""The YAML reader: scalars stay as written, structural traps are reported with their line."""

from __future__ import annotations

from tthc_cli.data.document import Document
from tthc_cli.data.loader import parse_document


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


def test_libyaml_nesting_limit_is_a_syntax_error() -> None:
    doc = parse("a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert [d.code for d in doc.diagnostics] == ["yaml-syntax"]


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


import pytest  # noqa: E402


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("a: [1, 2\nb: 3\n", "thiếu dấu phẩy hoặc dấu ']' đóng"),
        ("a: {x: 1\nb: 2\n", "thiếu dấu phẩy hoặc dấu '}' đóng"),
        ("note: Xong: đã gửi\n", "đặt đoạn chữ có ': ' trong ngoặc kép"),
        ("a:\n  - x\n b: 2\n", "thụt lề của dòng này không khớp"),
        ("a:\n- x\nb\n", "dòng thiếu dấu ':'"),
    ],
)
def test_yaml_complaints_are_explained_in_the_readers_language(text: str, hint: str) -> None:
    (d,) = parse(text).diagnostics
    assert d.code == "yaml-syntax" and hint in d.message
