"""Days: working days (Bộ luật Dân sự 2015, Art. 148) — weekends and Vietnam's public holidays —,
month ends, and a date as people and JSON write it.

A `WorkingDays` calendar is a value the caller hands to whatever needs it (`parse_deadline`, the
plan builder): where its holiday tables come from — computed, or read from the cache folder — is the
caller's choice, made at the edge, never a switch inside this module."""

from __future__ import annotations

from datetime import date, timedelta

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable


def vietnam_holidays(year: int) -> frozenset[date]:
    """Vietnam's public holidays of `year` (observed days included) from the `holidays` package."""
    # Imported here: importing the package and building the lunar calendar costs ~85 ms.
    import holidays

    return frozenset(holidays.country_holidays("VN", years=year).keys())


def days_in_month(year: int, month: int) -> int:
    # `calendar` would do this, at ~7 ms of start-up: the first of next month minus one day.
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return (following - timedelta(days=1)).day


def month_end(year: int, month: int) -> date:
    return date(year, month, days_in_month(year, month))


def dmy(d: date) -> str:
    """A date as people read it in tthc's messages and documents: dd/mm/yyyy."""
    return d.strftime("%d/%m/%Y")


def iso_date(d: date | None) -> str | None:
    """A date as JSON, CSV and the cache write it (YYYY-MM-DD); None stays None."""
    return d.isoformat() if d else None


class WorkingDays:
    """Monday to Friday, minus the public holidays `holidays(year)` returns. Each year's table is
    asked for once per calendar (the tables are pure functions of the year)."""

    __slots__ = ("_source", "_tables")

    def __init__(self, holidays: Callable[[int], frozenset[date]] = vietnam_holidays) -> None:
        self._source = holidays
        self._tables: dict[int, frozenset[date]] = {}

    def holidays(self, year: int) -> frozenset[date]:
        table = self._tables.get(year)
        if table is None:
            table = self._tables[year] = self._source(year)
        return table

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self.holidays(day.year)

    def next_working_day(self, day: date) -> date:
        """Art. 148(5): a period ending on a weekend or public holiday ends on the next working day."""
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day


# Vietnam's working days with the holiday tables computed on demand: what a caller that has no cached
# tables to offer gets (the tables are a pure function of the year, so sharing them is safe).
VIETNAM = WorkingDays()
