"""A problem names its place in the document's own numbering, read off the file itself — "Mục 8, thời
hạn" for tasks[11].deadline.text — next to the machine's path, in the reader's language."""

from __future__ import annotations

import pytest

from tthc_cli import i18n
from tthc_cli.data.loader import parse_document
from tthc_cli.data.places import place_of
from tthc_cli.domain.problems import problem
from tthc_cli.present.places import described, place_words

from .conftest import DATA, ROOT, edit, load_with


def place(file: str, path: tuple[str | int, ...], text: str | None = None) -> tuple[tuple[str, str], ...]:
    raw = text.encode("utf-8") if text is not None else (ROOT / file).read_bytes()
    doc = parse_document(file, raw)
    return place_of(file, doc._tree(), path)


@pytest.mark.parametrize(
    ("file", "path", "vi", "en"),
    [
        ("plan.yaml", ("tasks", 11, "deadline", "text"), "Mục 8, thời hạn", "Item 8, deadline"),
        ("plan.yaml", ("tasks", 3, "deadline", "due"), "Mục 3.1, ngày đến hạn", "Item 3.1, due date"),
        ("plan.yaml", ("duties", 1, "lead", "refs", 0), "Mục IV.2, đơn vị chủ trì", "Item IV.2, lead unit"),
        ("plan.yaml", ("obligations", 0), "Ghi chú 2 của phụ lục review", "Note 2 of appendix review"),
        ("appendix_review.yaml", ("rows", 5), "Phụ lục I, dòng 6", "Appendix I, row 6"),
        ("appendix_review.yaml", ("rows", 5, "unit"), "Phụ lục I, dòng 6, đơn vị", "Appendix I, row 6, unit"),
        (
            "appendix_inspection.yaml",
            ("blocks", 1, "rows", 2),
            "Phụ lục II, khối II, dòng 3",
            "Appendix II, block II, row 3",
        ),
        ("units.yaml", ("units", 3, "type"), "Đơn vị 'Sở Nội vụ', loại", "Unit 'Sở Nội vụ', type"),
        ("plan.yaml", ("plan", "year"), "", ""),
    ],
)
def test_a_place_is_named_as_the_document_numbers_it(
    file: str, path: tuple[str | int, ...], vi: str, en: str
) -> None:
    steps = place(file, path)
    assert place_words(steps) == vi
    with i18n.using("en"):
        assert place_words(steps) == en


def test_a_log_entry_is_named_by_its_position() -> None:
    steps = place("progress.yaml", ("entries", 0, "date"), "entries:\n  - {id: '1.1', date: x}\n")
    assert steps == (("entry", "#1"), ("field", "date"))
    assert place_words(steps) == "Mục nhật ký thứ 1, ngày"


def test_an_element_without_its_number_is_named_by_its_position() -> None:
    text = "tasks:\n  - number: '1'\n  - title: no number\n"
    assert (
        place_words(place("plan.yaml", ("tasks", 1, "title"), text)) == "Nhiệm vụ thứ 2 trong danh sách, tên"
    )


def test_a_problem_says_its_place_first_and_a_key_problem_stops_at_the_element() -> None:
    doc = parse_document("plan.yaml", (DATA / "plan.yaml").read_bytes())
    at_value = doc.located(problem("missing-field", name="deadline"), ("tasks", 0, "deadline"))
    at_key = doc.located(
        problem("unknown-field", "no-match", name="dealine"), ("tasks", 0, "dealine"), key=True
    )
    assert described(at_value) == "Mục 1.1, thời hạn: thiếu trường bắt buộc 'deadline'; hãy thêm vào"
    assert described(at_key).startswith("Mục 1.1: không có trường 'dealine'")
    lines = (DATA / "plan.yaml").read_text(encoding="utf-8").splitlines()
    deadline = next(n for n, text in enumerate(lines, 1) if text == "    deadline:")
    assert (at_value.file, at_value.line) == ("plan.yaml", deadline + 1)  # the mapping under it


def test_a_paragraph_under_an_appendix_is_named_by_the_appendixs_printed_number() -> None:
    """plan.yaml says `where: review`; the data set names the paragraph as the document does."""
    note = "        - UBND cấp xã\n    each_unit: true\n"
    result = load_with(plan_yaml=edit("plan.yaml", note, "        - UBND cấp xaa\n    each_unit: true\n"))
    (found,) = [p for p in result.problems if p.path[:1] == ("obligations",)]
    assert described(found).startswith("Ghi chú 2 của Phụ lục I, đơn vị chủ trì: 'UBND cấp xaa'")
    with i18n.using("en"):
        assert described(found).startswith("Note 2 of Appendix I, lead unit:")
    # Without the appendix's file, its name is all there is to say.
    assert place_words(place("plan.yaml", ("obligations", 0))) == "Ghi chú 2 của phụ lục review"
