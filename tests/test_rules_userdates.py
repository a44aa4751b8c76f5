"""Dates typed on the command line, the errors whole as their problems are worded (English msgids here;
test_i18n checks the Vietnamese), the range of dates accepted at both ends, and the end of each quarter."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from tthc_cli import i18n
from tthc_cli.domain.problems import ProblemError
from tthc_cli.domain.userdates import parse_user_date
from tthc_cli.present.messages import message

TODAY = date(2021, 5, 20)


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
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
        ("-9999w", date(2, 1, 5), "'-9999w' from 05/01/2 leaves the calendar"),
        ("1899-12-31", None, "'1899-12-31' is 31/12/1899; dates run from 01/01/1900 to 31/12/2999"),
        ("3000-01-01", None, "'3000-01-01' is 01/01/3000; dates run from 01/01/1900 to 31/12/2999"),
    ],
)
def test_a_date_that_cannot_be_used_says_why(text: str, today: date | None, said: str) -> None:
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
