"""Working days (Bộ luật Dân sự 2015, Art. 148): weekends and Vietnam's public holidays.

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
