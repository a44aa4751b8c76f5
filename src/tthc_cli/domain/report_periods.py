"""The periods a periodic report covers, by the codes the rest of tthc uses for occurrences (2021-Q2,
2021-H1, 2021-M09, 2021) plus one for nine months (2021-9M), and each period's calendar window. A
reporting regime (reporting.yaml) may give a period another data window — NĐ 09/2019 Điều 12 cuts a
quarter's data from the 15th of the month before it to the 14th of its last month — and then its
window replaces the calendar one (`ReportPeriod.basis` says where it comes from)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from tthc_cli.domain.problems import ProblemError, problem


class PeriodKind(StrEnum):
    """The kinds of periodic report (the ReportsAsked periods of plan.py use the same words)."""

    MONTH = "month"
    QUARTER = "quarter"
    HALF_YEAR = "half_year"
    NINE_MONTHS = "nine_months"
    YEAR = "year"


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportPeriod:
    """A report's period: its code, kind and number (the quarter, half, month), and its data window
    (first and last day, both counted). `basis`: the rule the window comes from (a regime's clause);
    None for the calendar period."""

    code: str
    kind: PeriodKind
    year: int
    number: int = 0
    start: date
    end: date
    basis: str | None = None


_CODE = re.compile(r"^(\d{4})(?:-(?:([MQH])(\d{1,2})|(9M)))?$")


def report_period(text: str) -> ReportPeriod:
    """'2021-Q2' -> quý II/2021, 1/4–30/6/2021 (the calendar window). Raises ProblemError
    ('report-period') for a code that names no period tthc reports on."""
    code = text.strip().upper()
    m = _CODE.match(code)
    if m is None:
        raise ProblemError(problem("report-period", "form", text=text.strip()))
    year = int(m[1])
    if not 1900 < year < 2200:
        raise ProblemError(problem("report-period", "form", text=text.strip()))
    if m[4]:
        return ReportPeriod(
            code=code, kind=PeriodKind.NINE_MONTHS, year=year, start=date(year, 1, 1), end=date(year, 9, 30)
        )
    unit, n = m[2], int(m[3] or 0)
    if unit is None:
        return ReportPeriod(
            code=code, kind=PeriodKind.YEAR, year=year, start=date(year, 1, 1), end=date(year, 12, 31)
        )
    months = {"M": 1, "Q": 3, "H": 6}[unit]
    if not 1 <= n <= 12 // months:
        raise ProblemError(problem("report-period", "number", text=text.strip(), count=12 // months))
    first = (n - 1) * months + 1
    last = first + months - 1
    kind = {"M": PeriodKind.MONTH, "Q": PeriodKind.QUARTER, "H": PeriodKind.HALF_YEAR}[unit]
    code = f"{year}-{unit}{n:02d}" if unit == "M" else f"{year}-{unit}{n}"
    return ReportPeriod(
        code=code,
        kind=kind,
        year=year,
        number=n,
        start=date(year, first, 1),
        end=date(year, last, calendar.monthrange(year, last)[1]),
    )
