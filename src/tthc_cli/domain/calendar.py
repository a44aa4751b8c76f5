"""Days: working days (Bộ luật Dân sự 2015, Art. 148) — weekends and Vietnam's public holidays —,
month ends, and a date as JSON writes it (people read dates as present/ words them).

A `WorkingDays` calendar is a value the caller hands to whatever needs it (`parse_deadline`, the
plan builder). The default, `VIETNAM`, reads the holidays from the table shipped with tthc
(holiday_table.py, generated from the maintained `holidays` package by scripts/holiday_table.py);
a year outside the table is computed by the package when first asked for."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from tthc_cli.domain.holiday_table import FIRST_YEAR, HOLIDAYS, LAST_YEAR


@lru_cache(maxsize=256)
def vietnam_holidays(year: int) -> frozenset[date]:
    """Vietnam's public holidays of `year`, observed days included: from the shipped table, or, for
    a year outside it, from the `holidays` package."""
    if FIRST_YEAR <= year <= LAST_YEAR:
        return frozenset(date(year, int(day[:2]), int(day[2:])) for day in HOLIDAYS[year].split())
    return computed_holidays(year)


def computed_holidays(year: int) -> frozenset[date]:
    """What the `holidays` package computes for `year` (what the table was generated from)."""
    # Imported here, for years outside the table only: the package and its lunar calendar cost ~85 ms.
    import holidays

    return frozenset(holidays.country_holidays("VN", years=year).keys())


def days_in_month(year: int, month: int) -> int:
    # `calendar` would do this, at ~7 ms of start-up: the first of next month minus one day.
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return (following - timedelta(days=1)).day


def month_end(year: int, month: int) -> date:
    return date(year, month, days_in_month(year, month))


def iso_date(d: date | None) -> str | None:
    """A date as JSON, CSV and the cache write it (YYYY-MM-DD); None stays None."""
    return d.isoformat() if d else None


@dataclass(frozen=True, slots=True)
class WorkingDays:
    """Monday to Friday, minus the public holidays `holidays(year)` returns. Each year's table is
    asked for once per calendar (`tables` remembers them: a memo, never compared or hashed)."""

    holidays: Callable[[int], frozenset[date]] = vietnam_holidays
    tables: dict[int, frozenset[date]] = field(default_factory=dict, compare=False, hash=False, repr=False)

    def holidays_of(self, year: int) -> frozenset[date]:
        table = self.tables.get(year)
        if table is None:
            table = self.tables[year] = self.holidays(year)
        return table

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self.holidays_of(day.year)

    def next_working_day(self, day: date) -> date:
        """Art. 148(5): a period ending on a weekend or public holiday ends on the next working day."""
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def add_working_days(self, day: date, count: int) -> date:
        """The `count`th working day after `day` ("trong 03 ngày làm việc kể từ ngày chốt số liệu")."""
        for _ in range(count):
            day = self.next_working_day(day + timedelta(days=1))
        return day


# Vietnam's working days, the holidays from the shipped table: what a caller that has no other
# calendar to offer gets (the tables are a pure function of the year, so sharing them is safe).
VIETNAM = WorkingDays()
