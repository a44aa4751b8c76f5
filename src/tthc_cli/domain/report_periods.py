"""The periods a periodic report covers, by the codes the rest of tthc uses for occurrences (2021-Q2,
2021-H1, 2021-M09, 2021) plus one for nine months (2021-9M), and each period's calendar window. A
reporting regime (reporting.yaml) may give a period another data window — NĐ 09/2019 Điều 12 cuts a
quarter's data from the 15th of the month before it to the 14th of its last month — and then its
window replaces the calendar one (`ReportPeriod.basis` says where it comes from)."""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from tthc_cli.domain.problems import ProblemError, problem
from tthc_cli.textnorm import typed


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


# [0-9], not \d: \d also takes '٢٠٢١' and '２０２１', which int() reads; periods are typed in ASCII digits.
_CODE = re.compile(r"^([0-9]{4})(?:-(?:([MQH])([0-9]{1,2})|(9M)))?$")


def report_period(text: str) -> ReportPeriod:
    """'2021-Q2' (or 'quý II/2021', any words period_code reads) -> quý II/2021, 1/4–30/6/2021 (the
    calendar window). Raises ProblemError ('report-period') for a code that names no period tthc
    reports on."""
    code = period_code(text) or text.strip().upper()
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


# --- a period as a person types it ------------------------------------------------------------------

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_TYPED_CODE = re.compile(r"^([0-9]{4})(?:-(?:([mqhw])([0-9]{1,2})|(9m)))?$")
_DAY = r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})"
# The words tables print for a period (present/labels.period_words), in Vietnamese and in English,
# without diacritics or capitals: each form -> how its code is made from the numbers it holds.
_WORDS = (
    (re.compile(r"^(?:quy|quarter) (i|ii|iii|iv|[1-4])/([0-9]{4})$"), "Q"),
    (re.compile(r"^(?:thang|month) ([0-9]{1,2})/([0-9]{4})$"), "M"),
    (re.compile(r"^(?:tuan|week) ([0-9]{1,2})/([0-9]{4})$"), "W"),
    (re.compile(r"^6 thang dau nam ([0-9]{4})$|^(?:the )?first half(?: of)? ([0-9]{4})$"), "H1"),
    (re.compile(r"^6 thang cuoi nam ([0-9]{4})$|^(?:the )?second half(?: of)? ([0-9]{4})$"), "H2"),
    (
        re.compile(r"^9 thang(?: dau)?(?: nam)? ([0-9]{4})$|^(?:the )?first nine months(?: of)? ([0-9]{4})$"),
        "9M",
    ),
    (re.compile(r"^(?:nam|year) ([0-9]{4})$"), ""),
)


def _plain(text: str) -> str:
    """Typed text compared without case, diacritics (đ -> d) or spacing, dashes made '-', spaces
    around '/' and '-' dropped: 'Quý  I / 2021' -> 'quy i/2021'."""
    text = "".join(c for c in unicodedata.normalize("NFD", typed(text)) if not unicodedata.combining(c))
    text = text.replace("đ", "d").replace("Đ", "D").casefold()
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    return re.sub(r"\s*([/-])\s*", r"\1", " ".join(text.split()))


def _iso_day(d: str, m: str, y: str) -> str | None:
    try:
        return date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def period_code(text: str) -> str | None:
    """A period as a person types it -> the code tthc names it by, or None when it names none. The
    codes in any case ('2021-q2' -> '2021-Q2', '2022-m5' -> '2022-M05'), and the words every table
    prints (present/labels.period_words), with or without diacritics or capitals, in either language:
    'quý I/2021', 'quy 1/2021', 'quarter I/2021' -> '2021-Q1'; 'tháng 5/2022' -> '2022-M05'; '6 tháng
    đầu năm 2021' -> '2021-H1', '6 tháng cuối năm 2021' -> '2021-H2'; '9 tháng đầu năm 2021', '9 tháng
    2021' -> '2021-9M'; 'năm 2021' -> '2021'; 'tuần 5/2021' -> '2021-W05'; a day or a span of days as
    dd/mm/yyyy ('01/06/2021 – 07/06/2021' -> '2021-06-01/2021-06-07'). Whether the period exists (a
    15th month) is for the caller: what it names is compared with real periods."""
    plain = _plain(text)
    if m := _TYPED_CODE.match(plain):
        year, unit, number = m[1], (m[2] or "").upper(), int(m[3] or 0)
        if m[4]:
            return f"{year}-9M"
        if not unit:
            return year
        return f"{year}-{unit}{number:02d}" if unit in "MW" else f"{year}-{unit}{number}"
    for pattern, unit in _WORDS:
        if w := pattern.match(plain):
            found = [g for g in w.groups() if g is not None]
            year = found[-1]
            if unit == "Q":
                return f"{year}-Q{_ROMAN.get(found[0]) or int(found[0])}"
            if unit in ("M", "W"):
                return f"{year}-{unit}{int(found[0]):02d}"
            return f"{year}-{unit}" if unit else year
    if d := re.fullmatch(_DAY, plain):
        return _iso_day(*d.groups())
    if span := re.fullmatch(f"{_DAY}-{_DAY}", plain):
        first, last = _iso_day(*span.groups()[:3]), _iso_day(*span.groups()[3:])
        return f"{first}/{last}" if first and last else None
    return None
