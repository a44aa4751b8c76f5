"""The calendar helpers: month lengths (December and February included), dates as JSON carries them,
and Vietnam's public holidays of the year asked for."""

from __future__ import annotations

from datetime import date

import pytest

from tthc_cli.domain.calendar import days_in_month, iso_date, vietnam_holidays


@pytest.mark.parametrize(
    ("year", "month", "days"), [(2021, 12, 31), (2021, 11, 30), (2021, 2, 28), (2024, 2, 29), (2021, 1, 31)]
)
def test_days_in_month(year: int, month: int, days: int) -> None:
    assert days_in_month(year, month) == days


def test_dates_travel_as_iso() -> None:
    assert iso_date(date(2021, 1, 5)) == "2021-01-05"
    assert iso_date(None) is None


def test_the_holidays_are_those_of_the_year_asked() -> None:
    days = vietnam_holidays(2021)
    assert date(2021, 9, 2) in days and date(2021, 4, 30) in days  # National Day, Reunification Day
    assert {d.year for d in days} == {2021}
