"""Vietnamese deadline phrases -> typed deadlines in a plan period. The words are read by
`deadline_grammar`; this module gives them their dates, and a due date its effective day on the
working-day calendar the caller passes (`calendar.WorkingDays`)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from enum import StrEnum

from tthc_cli.domain.calendar import VIETNAM, WorkingDays, dmy
from tthc_cli.domain.records import Record
from tthc_cli.i18n import _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


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
    UNSPECIFIED = "unspecified"


class Occurrence(Record):
    """One dated delivery a phrase asks for inside the plan period: `period` names it (2021-M03,
    2021-Q2, 2021-H1, 2021, 2021-W05, or an ISO interval such as 2021-01-01/2021-05-31)."""

    __slots__ = ("due", "effective_due", "period", "start")

    def __init__(self, period: str, start: date, due: date, effective_due: date) -> None:
        self.period = period
        self.start = start
        self.due = due
        self.effective_due = effective_due


class DeadlineWarning(Record):
    """Something to check in a phrase that was read (a year outside the plan period): `code` is stable."""

    __slots__ = ("code", "message")

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        self.message = message


class Deadline(Record):
    """What a phrase means. `due` is None for ongoing, recurring, open-ended and undated deadlines.

    `window_end` is the last day of the period the item lives in: `due` when there is one, else the
    end of the named year or of the plan period (an ongoing item's window closes 31/12). `every`/
    `every_day`: for recurring deadlines, the first cadence ("week", "month", "quarter", "half_year",
    "year") and the day of the period if stated; `occurrences` lists every delivery inside the plan
    period (for a one-off, the one it names). `start_by`: a compound phrase's "begin by" date.
    `after_days`: a relative deadline's number of days. `effective_due`: Art. 148(5) moves a due date
    on a weekend or holiday to the next working day; computed once by whoever makes the deadline (on
    the calendar it was given) or read back from the compiled cache, so queries never need the
    holiday tables. None exactly when `due` is None.
    """

    __slots__ = (
        "after_days",
        "due",
        "effective_due",
        "every",
        "every_day",
        "kind",
        "occurrences",
        "start",
        "start_by",
        "tentative",
        "text",
        "warnings",
        "window_end",
    )

    def __init__(
        self,
        text: str | None,
        kind: DeadlineKind,
        start: date | None,
        due: date | None,
        window_end: date | None,
        tentative: bool = False,
        every: str | None = None,
        every_day: int | None = None,
        effective_due: date | None = None,
        occurrences: tuple[Occurrence, ...] = (),
        warnings: tuple[DeadlineWarning, ...] = (),
        start_by: date | None = None,
        after_days: int | None = None,
    ) -> None:
        self.text = text
        self.kind = kind
        self.start = start
        self.due = due
        self.window_end = window_end
        self.tentative = tentative
        self.every = every
        self.every_day = every_day
        self.effective_due = effective_due
        self.occurrences = occurrences
        self.warnings = warnings
        self.start_by = start_by
        self.after_days = after_days

    def days_late(self, today: date) -> int | None:
        """The overdue rule: days from the effective due date to `today` when `today` is past it
        (an item due on a day off is late only after the next working day), else None."""
        due = self.effective_due
        return (today - due).days if due is not None and due < today else None


class DeadlineError(ValueError):
    """A phrase that cannot be read, with a message that says what to write instead; `suggestions`
    holds the nearest forms tthc reads."""

    def __init__(
        self, message: str, code: str = "deadline-unrecognised", suggestions: tuple[str, ...] = ()
    ) -> None:
        super().__init__(message)
        self.code = code
        self.suggestions = suggestions


OUTSIDE = "deadline-outside-year"  # stable code of the warning (kept from the one-year plans)


def _warnings(
    original: str, reading: dict[str, Any], plan_start: date, plan_end: date
) -> tuple[DeadlineWarning, ...]:
    """A date the phrase fixes outside the plan period: one warning, at the phrase."""
    period = f"{dmy(plan_start)}–{dmy(plan_end)}"
    for name in ("due", "start_by", "start", "end"):
        when = reading.get(name)
        if when is None or plan_start <= when <= plan_end:
            continue
        if reading["due"] is None:
            # Next year's plan is drafted from this year's: a copied year is the usual cause.
            return (
                DeadlineWarning(
                    OUTSIDE,
                    _(
                        "'{phrase}' names {year}, outside the plan period {period}; copied from another "
                        "year's plan? Write năm {plan_year}, or no year"
                    ).format(phrase=original, year=when.year, period=period, plan_year=plan_end.year),
                ),
            )
        return (
            DeadlineWarning(
                OUTSIDE,
                _("'{phrase}': {day} falls outside the plan period {period}").format(
                    phrase=original, day=dmy(when), period=period
                ),
            ),
        )
    return ()


# Examples of every form the grammar reads: what an unreadable phrase is compared with.
FORMS = (
    "Trước ngày 31/5/2021",
    "Trước ngày 15 tháng 9 năm 2021",
    "Chậm nhất ngày 30/6/2021",
    "Đến hết ngày 15/7/2021",
    "Trước ngày 20/8",
    "Xong trước tháng 6 năm 2021",
    "Tháng 6/2021",
    "Tháng 6 năm 2021",
    "Tháng 11, 12/2022",
    "Từ tháng 4 đến tháng 11 năm 2021",
    "Từ tháng 3/2022",
    "Quý III năm 2021",
    "Quý II, III/2022",
    "Cuối quý II/2022",
    "6 tháng đầu năm 2021",
    "9 tháng đầu năm 2022",
    "Năm 2021",
    "Đến hết năm 2025",
    "Giai đoạn 2021-2025",
    "Thường xuyên năm 2021",
    "Hằng quý",
    "Trước ngày 20 hằng tháng",
    "Trước ngày 15 của tháng cuối quý",
    "Trước ngày 20/11 hằng năm",
    "Định kỳ 6 tháng, hằng năm",
    "Trước ngày 30/5 và kết thúc trước ngày 30/9",
    "Theo quy định",
    "Khi có yêu cầu",
    "Theo lộ trình của Bộ, ngành Trung ương",
    "Sau 15 ngày kể từ khi có Thông báo kết luận kiểm tra",
)


def nearest_forms(text: str, n: int = 3) -> tuple[str, ...]:
    """The example forms closest to `text`, digits and case ignored."""
    import difflib  # only an unreadable phrase pays for it

    def shape(s: str) -> str:
        return re.sub(r"\d+", "9", s.casefold())

    key = shape(text)
    scored = sorted(FORMS, key=lambda f: -difflib.SequenceMatcher(None, key, shape(f)).ratio())
    return tuple(scored[:n])


def _default_year(plan_start: date, plan_end: date) -> int | None:
    """The plan's year, for phrases that give none: the year the period ends in when it spans at
    most one calendar year and a little (a plan signed in December runs into the next year)."""
    if plan_start.year == plan_end.year or (plan_end - plan_start).days <= 400:
        return plan_end.year
    return None


def parse_deadline(
    text: str | None,
    *,
    plan_start: date,
    plan_end: date | None = None,
    tentative: bool = False,
    default_year: int | None = None,
    calendar: WorkingDays = VIETNAM,
) -> Deadline:
    """Read a Vietnamese deadline phrase in the plan period `plan_start`..`plan_end` (default: to the
    end of `plan_start`'s year); due dates falling on a day off move on `calendar` (default: Vietnam's
    holidays, computed).

    A phrase without a year means `default_year` (default: the plan's year). Occurrences are those
    inside the period; years outside it are warnings on the result. Raises DeadlineError.
    """
    from tthc_cli.domain.deadline_grammar import GrammarError, parse_tree, split_tentative

    end = plan_end or date(plan_start.year, 12, 31)
    if text is None or not text.strip():
        return Deadline(text, DeadlineKind.UNSPECIFIED, None, None, None, tentative)
    original = _verbatim(text)
    phrase, marked = split_tentative(text)
    try:
        tree = parse_tree(phrase)
    except GrammarError as exc:
        near = nearest_forms(phrase)
        forms = ", ".join(f"'{f}'" for f in near)
        if exc.found is not None and exc.position > 0:
            message = _("cannot read the deadline '{phrase}' from '{rest}'; nearest forms: {forms}").format(
                phrase=original, rest=phrase[exc.position :], forms=forms
            )
        else:
            message = _("cannot read the deadline '{phrase}'; nearest forms: {forms}").format(
                phrase=original, forms=forms
            )
        raise DeadlineError(
            message,
            suggestions=near,
        ) from None
    year = default_year if default_year is not None else _default_year(plan_start, end)
    from tthc_cli.domain.deadline_dates import Reader

    reader = Reader(original, plan_start, end, year, calendar)
    r = reader.read(tree)
    due = r["due"]
    return Deadline(
        original,
        r["kind"],
        r["start"],
        due,
        due if due is not None else r.get("end"),
        tentative or marked,
        every=r.get("every"),
        every_day=r.get("every_day"),
        occurrences=reader.occurrences(r.get("spans", [])),
        effective_due=None if due is None else calendar.next_working_day(due),
        warnings=_warnings(original, r, plan_start, end),
        start_by=r.get("start_by"),
        after_days=r.get("after_days"),
    )


def _verbatim(text: str) -> str:
    """The phrase as kept in results: NFC, trimmed (the data's own text)."""
    return unicodedata.normalize("NFC", text).strip()
