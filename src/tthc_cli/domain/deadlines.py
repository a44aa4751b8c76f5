"""Vietnamese deadline phrases -> typed deadlines in a plan period, or in one reporting period. The
words are read by `deadline_grammar`, their dates given by `deadline_dates`; this module puts them
together, bounds the work a phrase may ask for, and says what it cannot read as problems
(domain/problems.py; present/messages.py words them).

For the reporting cycle: `read_for_period("Chậm nhất ngày 15 của tháng báo cáo", period)` gives a
phrase's dates in one reporting period (`period_context("2021-Q2", window_start, window_end)`)."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import replace
from datetime import date

from tthc_cli.domain.calendar import VIETNAM, WorkingDays, month_end
from tthc_cli.domain.deadline_dates import Reader, Reading
from tthc_cli.domain.deadline_grammar import (
    Form,
    GrammarError,
    SpelledNumberError,
    clean,
    parse_tree,
    split_tentative,
)
from tthc_cli.domain.deadline_values import (
    UNDATED,
    Deadline,
    DeadlineKind,
    Occurrence,
    PeriodContext,
    unspecified,
)
from tthc_cli.domain.problems import Problem, ProblemError, problem, warning

__all__ = [
    "FORMS",
    "MAX_PHRASE",
    "OUTSIDE",
    "UNDATED",
    "Deadline",
    "DeadlineKind",
    "Occurrence",
    "PeriodContext",
    "nearest_forms",
    "parse_deadline",
    "period_context",
    "read_for_period",
    "unspecified",
]

OUTSIDE = "deadline-outside-year"  # stable code of the warning (kept from the one-year plans)

# The longest phrase tthc reads. The real ones measure at most 105 characters (the corpus of the
# genre, tests/data/deadline_corpus.txt; the shipped plans' at most 33): almost five times that
# leaves room for a long event ("Sau 15 ngày kể từ khi có …") and refuses, before any parsing,
# what no plan writes.
MAX_PHRASE = 500


def _warnings(original: str, reading: Reading, plan_start: date, plan_end: date) -> tuple[Problem, ...]:
    """A date the phrase fixes outside the plan period: one warning, at the phrase."""
    for when in (reading.due, reading.start_by, reading.start, reading.end):
        if when is None or plan_start <= when <= plan_end:
            continue
        if reading.due is None:
            # Next year's plan is drafted from this year's: a copied year is the usual cause.
            return (
                warning(
                    OUTSIDE,
                    "copied",
                    phrase=original,
                    year=when.year,
                    first=plan_start,
                    last=plan_end,
                    plan_year=plan_end.year,
                ),
            )
        return (warning(OUTSIDE, "day", phrase=original, day=when, first=plan_start, last=plan_end),)
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


def _verbatim(text: str) -> str:
    """The phrase as kept in results: NFC, trimmed (the data's own text)."""
    return unicodedata.normalize("NFC", text).strip()


def _refuse_if_too_long(text: str) -> None:
    """A phrase longer than any real one is refused before it is read (its cost is then bounded
    whatever the data holds); what is quoted of it is a prefix."""
    if len(text) <= MAX_PHRASE:
        return
    # Spaces do not count (a folded YAML line may carry many); a huge text is not even cleaned.
    length = len(text) if len(text) > 8 * MAX_PHRASE else len(clean(text))
    if length > MAX_PHRASE:
        raise ProblemError(
            problem(
                "deadline-unrecognised",
                "too-long",
                phrase=_verbatim(text[: 2 * MAX_PHRASE]),
                length=length,
                limit=MAX_PHRASE,
            )
        )


def _tree(original: str, phrase: str) -> Form:
    try:
        return parse_tree(phrase)
    except SpelledNumberError as exc:
        raise ProblemError(
            problem(
                "invalid-date",
                "spelled",
                phrase=original,
                figure=exc.figure,
                words=exc.spelled,
                value=exc.value,
            )
        ) from None
    except GrammarError as exc:
        near = nearest_forms(phrase)
        if exc.found is not None and exc.position > 0:
            found = problem(
                "deadline-unrecognised",
                "from",
                phrase=original,
                rest=phrase[exc.position :],
                suggestions=near,
            )
        else:
            found = problem("deadline-unrecognised", phrase=original, suggestions=near)
        raise ProblemError(found) from None


def parse_deadline(
    text: str | None,
    *,
    plan_start: date,
    plan_end: date | None = None,
    tentative: bool = False,
    default_year: int | None = None,
    calendar: WorkingDays = VIETNAM,
    period: PeriodContext | None = None,
) -> Deadline:
    """Read a Vietnamese deadline phrase in the plan period `plan_start`..`plan_end` (default: to the
    end of `plan_start`'s year); due dates falling on a day off move on `calendar` (default: Vietnam's
    holidays).

    A phrase without a year means `default_year` (default: the plan's year). Occurrences are those
    inside the period; years outside it are warnings on the result. A phrase counted from a
    reporting period ("ngày 15 của tháng báo cáo") is read in `period` when one is given, else once
    per period of the cadence its words imply (or refused when they imply none). Raises
    ProblemError (codes deadline-unrecognised, invalid-date).
    """
    end = plan_end or date(plan_start.year, 12, 31)
    if text is None or not text.strip():
        return unspecified(text, tentative)
    _refuse_if_too_long(text)
    original = _verbatim(text)
    phrase, marked = split_tentative(text)
    tree = _tree(original, phrase)
    year = default_year if default_year is not None else _default_year(plan_start, end)
    reader = Reader(
        original=original,
        plan_start=plan_start,
        plan_end=end,
        default_year=year,
        calendar=calendar,
        frame=period,
    )
    r = reader.read(tree)
    occurrences = reader.occurrences(r.spans)
    if period is not None and len(occurrences) == 1:  # the period's one delivery goes by its name
        occurrences = (replace(occurrences[0], period=period.label),)
    return Deadline(
        text=original,
        kind=r.kind,
        start=r.start,
        due=r.due,
        window_end=r.due if r.due is not None else r.end,
        tentative=tentative or marked,
        every=r.every,
        every_day=r.every_day,
        occurrences=occurrences,
        effective_due=None if r.due is None else calendar.next_working_day(r.due),
        warnings=_warnings(original, r, plan_start, end),
        start_by=r.start_by,
        after_days=r.after_days,
    )


def read_for_period(
    text: str, period: PeriodContext, *, calendar: WorkingDays = VIETNAM, tentative: bool = False
) -> Deadline:
    """A phrase's dates in one reporting period: "Chậm nhất ngày 15 (mười lăm) của tháng báo cáo" for
    2021-Q2 is due 15/06/2021; "tính từ ngày 15 tháng trước đến ngày 14 của tháng thuộc kỳ báo cáo"
    for 2021-M05 is the window 15/04–14/05/2021; "trong 03 ngày làm việc kể từ ngày chốt số liệu" is
    three working days after the period's cut-off. A date without a year is in the report's year.

    The result is a Deadline whose one occurrence is named by `period.label` (several when the phrase
    asks for several deliveries in the period), starting on the first day of the period's data. It
    is read as if the plan ran from the year before the report's year to the year after, so that a
    window opened in December or a report sent the next January is no warning. Raises ProblemError as
    parse_deadline does, and (deadline-unrecognised, no-clause-for-period) when the phrase names
    reports of other kinds only.
    """
    return parse_deadline(
        text,
        plan_start=date(min(period.start, period.window_start).year - 1, 1, 1),
        plan_end=date(period.end.year + 1, 12, 31),
        tentative=tentative,
        calendar=calendar,
        period=period,
    )


_LABEL = re.compile(r"^(\d{4})(?:-(?:M(\d\d)|Q([1-4])|H([12])|(9M)))?$")


def period_context(
    label: str, window_start: date | None = None, window_end: date | None = None
) -> PeriodContext:
    """The reporting period a label names — the occurrences' 2021-M05, 2021-Q2, 2021-H1, 2021, the
    report periods' 2021-9M (domain/report_periods.py), or an ISO interval of whole months
    (2021-01-01/2021-09-30) — with its data window (default: the period itself). Raises ValueError
    for any other label."""
    if m := _LABEL.match(label):
        y = int(m[1])
        first, months = (1, 12) if m[5] is None else (1, 9)
        if m[2]:
            first, months = int(m[2]), 1
        elif m[3]:
            first, months = 3 * int(m[3]) - 2, 3
        elif m[4]:
            first, months = 6 * int(m[4]) - 5, 6
        if not 1 <= first <= 12:
            raise ValueError(label)
        start, end = date(y, first, 1), month_end(y, first + months - 1)
    else:
        try:
            start, end = (date.fromisoformat(part) for part in label.split("/"))
        except ValueError:
            raise ValueError(label) from None
        if start.day != 1 or end != month_end(end.year, end.month) or end < start:
            raise ValueError(label)
    return PeriodContext(
        label=label,
        start=start,
        end=end,
        window_start=window_start or start,
        window_end=window_end or end,
    )
