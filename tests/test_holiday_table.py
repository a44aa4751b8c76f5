"""The holiday table tthc ships: the same days as the maintained `holidays` package computes, year by
year, so an upgrade of the package that changes a holiday fails here until scripts/holiday_table.py
is run again; and the default calendar reads it without importing the package."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from tthc_cli.domain.calendar import VIETNAM, computed_holidays, vietnam_holidays
from tthc_cli.domain.holiday_table import FIRST_YEAR, HOLIDAYS, LAST_YEAR


def test_the_table_covers_every_year_from_first_to_last() -> None:
    assert sorted(HOLIDAYS) == list(range(FIRST_YEAR, LAST_YEAR + 1))
    assert FIRST_YEAR <= 2000 and LAST_YEAR >= 2060


@pytest.mark.parametrize("year", range(FIRST_YEAR, LAST_YEAR + 1))
def test_the_shipped_table_is_what_the_holidays_package_computes(year: int) -> None:
    assert vietnam_holidays(year) == computed_holidays(year), (
        f"{year}: the holidays package changed; run scripts/holiday_table.py"
    )


def test_a_year_outside_the_table_is_computed_by_the_package() -> None:
    assert vietnam_holidays(LAST_YEAR + 1) == computed_holidays(LAST_YEAR + 1)
    assert date(LAST_YEAR + 1, 9, 2) in vietnam_holidays(LAST_YEAR + 1)
    assert date(FIRST_YEAR - 1, 1, 1) in vietnam_holidays(FIRST_YEAR - 1)


def test_the_default_calendar_reads_the_table_without_importing_the_package() -> None:
    code = (
        "import sys, datetime\n"
        "from tthc_cli.domain.calendar import VIETNAM\n"
        "assert VIETNAM.next_working_day(datetime.date(2021, 2, 12)) == datetime.date(2021, 2, 17)\n"
        "print('holidays' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_tet_2021_is_a_week_off_on_the_default_calendar() -> None:
    assert [VIETNAM.is_working_day(date(2021, 2, d)) for d in range(9, 18)] == [
        True,  # Tuesday 9/2
        False,  # 10/2, 29 Tết
        False,
        False,
        False,  # Saturday 13/2
        False,
        False,
        False,  # 16/2, the fifth day
        True,
    ]
