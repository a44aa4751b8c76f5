"""A deadline as the data files write it: the phrase read in the plan's period, its problems placed at
their field, explicit dates checked against the phrase, and a rule the office added read without
changing any other item's deadline."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from tthc_cli import i18n
from tthc_cli.data.deadline_specs import read_deadline
from tthc_cli.data.models import DeadlineSpec, Regulation
from tthc_cli.domain.calendar import VIETNAM
from tthc_cli.domain.deadlines import Deadline, DeadlineKind
from tthc_cli.domain.plan import plan_meta
from tthc_cli.domain.problems import Problem, Severity
from tthc_cli.present.messages import message

META = plan_meta(title="Kế hoạch", year=2021)
PATH = ("tasks", 3, "deadline")


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    i18n.activate("en")
    yield
    i18n.activate(i18n.DEFAULT_LANGUAGE)


def read(**spec: object) -> tuple[Deadline, list[Problem]]:
    problems: list[Problem] = []
    deadline = read_deadline(
        DeadlineSpec(**spec),  # type: ignore[arg-type]
        meta=META,
        file="plan.yaml",
        path=PATH,
        problems=problems,
        calendar=VIETNAM,
    )
    return deadline, problems


def test_a_phrase_is_read_in_the_plans_period() -> None:
    d, problems = read(text="Trước ngày 31/7/2021")
    assert (d.kind, d.due, d.effective_due, problems) == (
        DeadlineKind.BY_DATE,
        date(2021, 7, 31),
        date(2021, 8, 2),
        [],
    )


def test_an_unreadable_phrase_is_a_problem_at_its_text() -> None:
    d, (p,) = read(text="Sớm nhất có thể")
    assert d.kind is DeadlineKind.UNSPECIFIED and d.text == "Sớm nhất có thể"
    assert (p.code, p.file, p.path, p.severity) == (
        "deadline-unrecognised",
        "plan.yaml",
        (*PATH, "text"),
        Severity.ERROR,
    )


def test_a_warning_of_the_phrase_is_placed_at_its_text() -> None:
    _d, (p,) = read(text="Thường xuyên năm 2020")
    assert (p.code, p.path, p.severity) == ("deadline-outside-year", (*PATH, "text"), Severity.WARNING)


def test_explicit_dates_rescue_an_unreadable_phrase() -> None:
    d, problems = read(text="Sớm nhất có thể", start=date(2021, 3, 1), due=date(2021, 6, 30))
    assert (d.kind, d.start, d.due, problems) == (
        DeadlineKind.WINDOW,
        date(2021, 3, 1),
        date(2021, 6, 30),
        [],
    )
    d, problems = read(text=None, due=date(2021, 7, 31))
    assert (d.kind, d.start, d.due, d.effective_due) == (
        DeadlineKind.BY_DATE,
        date(2021, 1, 1),
        date(2021, 7, 31),
        date(2021, 8, 2),
    )


def test_an_explicit_date_that_disagrees_with_the_phrase_is_named_at_its_field() -> None:
    _d, (p,) = read(text="Trước ngày 31/5/2021", due=date(2021, 6, 30))
    assert (p.code, p.path) == ("deadline-mismatch", (*PATH, "due"))
    assert message(p) == (
        "due 30/06/2021 disagrees with the phrase 'Trước ngày 31/5/2021' (31/05/2021); correct one of them "
        "or drop the explicit date"
    )
    _d, (p,) = read(text="Thường xuyên năm 2021", due=date(2021, 6, 30))
    assert message(p).startswith("due 30/06/2021 disagrees with the phrase 'Thường xuyên năm 2021' (no date)")


def test_a_rule_added_by_the_office_gives_its_dates_and_leaves_the_plans_words() -> None:
    rule = Regulation(text="Trước ngày 15 của tháng cuối quý", basis="Thông tư 01/2020/TT-VPCP")
    first, _ = read(text="Theo quy định", regulation=rule)
    second, _ = read(text="Theo quy định của Văn phòng Chính phủ", regulation=rule)
    plain, _ = read(text="Trước ngày 15 của tháng cuối quý")
    assert (first.text, second.text, plain.text) == (
        "Theo quy định",
        "Theo quy định của Văn phòng Chính phủ",
        "Trước ngày 15 của tháng cuối quý",
    )
    assert first.kind is second.kind is DeadlineKind.RECURRING and first.occurrences == plain.occurrences


def test_a_rule_that_cannot_be_read_is_named_at_the_rule() -> None:
    _d, (p,) = read(text="Theo quy định", regulation=Regulation(text="Hằng kỳ", basis="x"))
    assert p.path == (*PATH, "regulation", "text")


def test_no_deadline_is_unspecified() -> None:
    problems: list[Problem] = []
    d = read_deadline(None, meta=META, file="plan.yaml", path=PATH, problems=problems, calendar=VIETNAM)
    assert (d.kind, d.text, d.tentative, d.occurrences, problems) == (
        DeadlineKind.UNSPECIFIED,
        None,
        False,
        (),
        [],
    )
