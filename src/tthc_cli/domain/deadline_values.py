"""What a deadline phrase means, as plain values: its kind, its dates in a plan period, each delivery
it asks for, and the reporting period a phrase of the reporting regime is read for. deadlines.py
makes them (and re-exports them); deadline_dates.py computes their dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import assert_never

from tthc_cli.domain.problems import Problem


class DeadlineKind(StrEnum):
    BY_DATE = "by_date"
    BEFORE_MONTH = "before_month"
    MONTH = "month"
    WINDOW = "window"
    QUARTER = "quarter"
    HALF_YEAR = "half_year"
    YEAR = "year"
    YEARS = "years"  # "Giai đoạn 2021-2025"
    OPEN_START = "open_start"  # "Từ tháng 3/2022": a start, no end stated
    ONGOING = "ongoing"
    RECURRING = "recurring"
    # No calendar date; listed apart like ongoing items, never overdue.
    AS_REGULATED = "as_regulated"  # "Theo quy định"
    ON_REQUEST = "on_request"  # "Khi có yêu cầu"
    PER_ROADMAP = "per_roadmap"  # "Theo lộ trình của Bộ, ngành Trung ương"
    RELATIVE = "relative"  # "Sau 15 ngày kể từ khi có Thông báo kết luận kiểm tra"
    ON_EVENT = "on_event"  # "Khi có văn bản … ban hành", "Ngay sau khi …": when something happens
    UNSPECIFIED = "unspecified"

    @property
    def is_milestone(self) -> bool:
        """A deadline that is a day rather than a stretch of time ("Trước ngày 31/5/2021", "Xong
        trước tháng 6 năm 2021": the work runs from the plan's start up to that day), drawn as a point
        on a timeline. Every kind is answered here by name: a new kind is a type error (mypy's
        exhaustiveness check) until it is placed, never silently drawn as a bar."""
        match self:
            case DeadlineKind.BY_DATE | DeadlineKind.BEFORE_MONTH:
                return True
            case (
                DeadlineKind.MONTH
                | DeadlineKind.WINDOW
                | DeadlineKind.QUARTER
                | DeadlineKind.HALF_YEAR
                | DeadlineKind.YEAR
                | DeadlineKind.YEARS
                | DeadlineKind.OPEN_START
                | DeadlineKind.ONGOING
                | DeadlineKind.RECURRING
                | DeadlineKind.AS_REGULATED
                | DeadlineKind.ON_REQUEST
                | DeadlineKind.PER_ROADMAP
                | DeadlineKind.RELATIVE
                | DeadlineKind.ON_EVENT
                | DeadlineKind.UNSPECIFIED
            ):
                return False
            case _:
                assert_never(self)


UNDATED = frozenset(
    {
        DeadlineKind.AS_REGULATED,
        DeadlineKind.ON_REQUEST,
        DeadlineKind.PER_ROADMAP,
        DeadlineKind.RELATIVE,
        DeadlineKind.ON_EVENT,
    }
)


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One dated delivery a phrase asks for inside the plan period: `period` names it (2021-M03,
    2021-Q2, 2021-H1, 2021, 2021-W05, or an ISO interval such as 2021-01-01/2021-05-31)."""

    period: str
    start: date
    due: date
    effective_due: date


@dataclass(frozen=True, slots=True, kw_only=True)
class Deadline:
    """What a phrase means. `due` is None for ongoing, recurring, open-ended and undated deadlines.

    `window_end` is the last day of the period the item lives in: `due` when there is one, else the
    end of the named year or of the plan period (an ongoing item's window closes 31/12). `every`/
    `every_day`: for recurring deadlines, the first cadence ("week", "month", "quarter", "half_year",
    "year", "months:N") and the day of the period if stated; `occurrences` lists every delivery inside
    the plan period (for a one-off, the one it names). `start_by`: a compound phrase's "begin by"
    date. `after_days`: a relative deadline's number of days. `effective_due`: Art. 148(5) moves a due
    date on a weekend or holiday to the next working day; computed once by whoever makes the
    deadline, on the calendar it was given, so queries never need the holiday tables. None exactly
    when `due` is None. `warnings`: what to check in a phrase that was read (a year outside the plan
    period), as problems (code deadline-outside-year).
    """

    text: str | None
    kind: DeadlineKind
    start: date | None = None
    due: date | None = None
    window_end: date | None = None
    tentative: bool = False
    every: str | None = None
    every_day: int | None = None
    effective_due: date | None = None
    occurrences: tuple[Occurrence, ...] = ()
    warnings: tuple[Problem, ...] = ()
    start_by: date | None = None
    after_days: int | None = None

    def days_late(self, today: date) -> int | None:
        """The overdue rule: days from the effective due date to `today` when `today` is past it
        (an item due on a day off is late only after the next working day), else None."""
        due = self.effective_due
        return (today - due).days if due is not None and due < today else None


def unspecified(text: str | None = None, tentative: bool = False) -> Deadline:
    """No deadline stated (the section IV duties, an empty phrase)."""
    return Deadline(text=text, kind=DeadlineKind.UNSPECIFIED, tentative=tentative)


@dataclass(frozen=True, slots=True, kw_only=True)
class PeriodContext:
    """One reporting period, for reading a phrase of the reporting regime in it ("ngày 15 của tháng
    báo cáo", "năm liền kề năm báo cáo", "tính từ ngày 15 tháng trước đến ngày 14 …").

    `start`..`end`: the calendar period the report is about (2021-Q2: 01/04–30/06/2021), whose last
    month is the report month ("tháng báo cáo", "tháng cuối kỳ báo cáo") and whose year is the report
    year ("năm báo cáo"); `window_start`..`window_end`: the data window the regime sets (15/03–
    14/06/2021), whose last day is the cut-off ("ngày chốt số liệu"). `label` names the period in
    the occurrences (2021-M05, 2021-Q2, 2021-H1, 2021, or an ISO interval)."""

    label: str
    start: date
    end: date
    window_start: date
    window_end: date

    @property
    def cutoff(self) -> date:
        return self.window_end

    @property
    def year(self) -> int:
        return self.end.year

    @property
    def month(self) -> int:
        return self.end.month

    @property
    def months(self) -> int:
        """How many calendar months the period spans (1 a month, 3 a quarter, 12 a year)."""
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1
