"""Dates and numbers of days typed on the command line: the errors whole as their problems are worded
(English msgids here; test_i18n checks the Vietnamese), the range of dates accepted at both ends, the
end of each quarter; and through the program, every date or count of days out of range or written in
other digits is a usage mistake (exit 2, no traceback) while the last day accepted still answers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from tthc_cli import i18n
from tthc_cli.domain.problems import ProblemError
from tthc_cli.domain.userdates import parse_user_date
from tthc_cli.present.messages import message

from .conftest import Run

TODAY = date(2021, 5, 20)


@pytest.fixture
def english() -> Iterator[None]:
    """The problems worded in English (the msgids) for the tests that read them in this process."""
    i18n.activate("en")
    yield
    i18n.activate(i18n.DEFAULT_LANGUAGE)


@pytest.mark.parametrize(
    ("text", "today", "said"),
    [
        ("31/2/2021", None, "'31/2/2021' is not a real date"),
        ("abc", None, "cannot read the date 'abc'; use YYYY-MM-DD or D/M/YYYY"),
        (
            "abc",
            TODAY,
            "cannot read the date 'abc'; use YYYY-MM-DD or D/M/YYYY, or today, eow, eom, eoq, eoy, +14d, +2w",
        ),
        ("today", None, "cannot read the date 'today'; use YYYY-MM-DD or D/M/YYYY"),
        ("-9999w", date(2, 1, 5), "'-9999w' from 05/01/0002 leaves the calendar"),
        ("1899-12-31", None, "'1899-12-31' is 31/12/1899; dates run from 01/01/1900 to 31/12/2999"),
        ("3000-01-01", None, "'3000-01-01' is 01/01/3000; dates run from 01/01/1900 to 31/12/2999"),
    ],
)
def test_a_date_that_cannot_be_used_says_why(text: str, today: date | None, said: str, english: None) -> None:
    with pytest.raises(ProblemError) as caught:
        parse_user_date(text, today)
    assert caught.value.problem.code == "user-date"
    assert message(caught.value.problem) == said


def test_the_first_and_last_dates_accepted() -> None:
    assert parse_user_date("1900-01-01") == date(1900, 1, 1)
    assert parse_user_date("31/12/2999") == date(2999, 12, 31)


@pytest.mark.parametrize("text", ["today", "Hôm nay", "hom nay", " HÔM NAY "])
def test_today_in_either_language(text: str) -> None:
    assert parse_user_date(text, TODAY) == TODAY


@pytest.mark.parametrize("month", range(1, 13))
def test_the_end_of_the_quarter_of_each_month(month: int) -> None:
    quarter_end = {1: 3, 2: 3, 3: 3, 4: 6, 5: 6, 6: 6, 7: 9, 8: 9, 9: 9, 10: 12, 11: 12, 12: 12}[month]
    expected = date(2021, quarter_end, 30 if quarter_end in (6, 9) else 31)
    assert parse_user_date("eoq", date(2021, month, 15)) == expected


# --- through the program: edges of the calendar and of numbers ------------------------------------

_ENV: dict[str, str | None] = {"TTHC_TODAY": "2021-08-03"}


def _no_traceback(result: Run) -> None:
    assert "Traceback" not in result.stdout + result.stderr, result.stderr


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["upcoming", "--today", "9999-12-31"], "chỉ nhận ngày từ 01/01/1900 đến 31/12/2999"),
        (["brief", "--today", "9999-12-31"], "chỉ nhận ngày từ"),
        (["overdue", "--today", "0001-01-01"], "chỉ nhận ngày từ"),
        (["due", "--before", "+9999w", "--today", "2999-01-01"], "chỉ nhận ngày từ"),
        (["due", "--before", "+٣d"], "không đọc được ngày"),
        (["due", "--before", "٢٠٢١-٠٦-٣٠"], "không đọc được ngày"),
        (["progress", "add", "1.1", "--status", "note", "--date", "-9999w"], "chỉ nhận ngày từ"),
        (["upcoming", "--within", "²"], "--within ²: hãy nhập số nguyên từ 0 đến 3660"),
        (["upcoming", "--within", "٣"], "--within ٣: hãy nhập số nguyên từ 0 đến 3660"),
        (["upcoming", "--within", "99999"], "--within 99999"),
        (["unit", "Sở Y tế", "--warn-days", "٧"], "--warn-days ٧"),
    ],
)
def test_calendar_and_number_edges_are_usage_errors(tthc, args: list[str], said: str) -> None:  # type: ignore[no-untyped-def]
    result = tthc(*args, env=_ENV)
    assert result.code == 2, result.stdout + result.stderr
    assert said in result.stderr
    _no_traceback(result)


def test_the_last_accepted_day_still_answers(tthc) -> None:  # type: ignore[no-untyped-def]
    for command in (["upcoming", "--within", "3660"], ["brief"], ["overdue"], ["report", "-f", "html"]):
        result = tthc(*command, "--today", "2999-12-31", env=_ENV)
        assert result.code == 0, result.stderr
        _no_traceback(result)
