"""Vietnamese deadline phrases -> typed deadlines in a plan period. The words are read by
`deadline_grammar`; this module gives them their dates, and a due date its effective day on the
working-day calendar the caller passes (`calendar.WorkingDays`)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta
from enum import StrEnum

from tthc_cli.domain.calendar import WorkingDays
from tthc_cli.domain.records import Record
from tthc_cli.i18n import _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator
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


# --- the calendar -----------------------------------------------------------------------------------

# Vietnam's working days with the holiday tables computed on demand: what a caller that has no cached
# tables to offer gets (the tables are a pure function of the year, so sharing them is safe).
VIETNAM = WorkingDays()

OUTSIDE = "deadline-outside-year"  # stable code of the warning (kept from the one-year plans)


def _days_in_month(year: int, month: int) -> int:
    # `calendar` would do this, at ~7 ms of start-up: the first of next month minus one day.
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return (following - timedelta(days=1)).day


def _month_end(year: int, month: int) -> date:
    return date(year, month, _days_in_month(year, month))


def _dmy(d: date) -> str:
    return d.strftime("%d/%m/%Y")


class Span(Record):
    """A stretch of calendar a term names: its first and last day, its label and the kind it reads as."""

    __slots__ = ("due", "kind", "label", "start")

    def __init__(self, start: date, due: date, label: str, kind: DeadlineKind) -> None:
        self.start = start
        self.due = due
        self.label = label
        self.kind = kind


def _interval(start: date, due: date) -> str:
    return f"{start.isoformat()}/{due.isoformat()}"


class _Reader:
    """Gives one syntax tree its dates in a plan period."""

    def __init__(
        self,
        original: str,
        plan_start: date,
        plan_end: date,
        default_year: int | None,
        calendar: WorkingDays,
    ) -> None:
        self.calendar = calendar
        self.original = original
        self.plan_start = plan_start
        self.plan_end = plan_end
        self.default_year = default_year

    def fail(self, message: str, code: str = "invalid-date") -> DeadlineError:
        return DeadlineError(f"'{self.original}' {message}", code)

    def year(self, value: int | None) -> int:
        if value is not None:
            return value
        if self.default_year is None:
            raise self.fail(
                _("gives no year and the plan runs {first}–{last}; add one, e.g. 'tháng 6 năm 2022'").format(
                    first=_dmy(self.plan_start), last=_dmy(self.plan_end)
                ),
                "deadline-unrecognised",
            )
        return self.default_year

    def day(self, d: int, m: int, y: int | None) -> date:
        month = self.month_no(m)
        year = self.year(y)
        last = _days_in_month(year, month)
        if not 1 <= d <= last:
            raise self.fail(f"is not a date: month {month}/{year} has {last} days")
        return date(year, month, d)

    def month_no(self, m: int) -> int:
        if not 1 <= m <= 12:
            raise self.fail(_("names month {month}; months run from 1 to 12").format(month=m))
        return m

    # Terms -> spans. A list gives one span per member; everything else gives one.
    def spans(self, node: Any) -> list[Span]:
        tag = node[0]
        if tag == "list":
            return [s for member in node[1] for s in self.spans(member)]
        if tag == "range":
            first, last = node[1], node[2]
            b = self.spans(last)[0]
            a = self.spans(self.inherit_year(first, b))[0]
            if a.start > b.due:
                raise self.fail(_("ends before it starts"))
            return [Span(a.start, b.due, _interval(a.start, b.due), DeadlineKind.WINDOW)]
        return [self.span(node)]

    def inherit_year(self, node: Any, later: Span) -> Any:
        """The first end of a range without a year takes the second's ("từ tháng 11 đến tháng 2
        năm 2022": November 2021), so that it starts before it ends."""
        if node[0] not in ("month", "quarter", "date") or node[-1] is not None:
            return node
        same = (*node[:-1], later.due.year)
        return same if self.spans(same)[0].start <= later.due else (*node[:-1], later.due.year - 1)

    def span(self, node: Any) -> Span:
        tag = node[0]
        if tag == "date":
            d = self.day(node[1], node[2], node[3])
            return Span(d, d, d.isoformat(), DeadlineKind.BY_DATE)
        if tag == "month":
            m, y = self.month_no(node[1]), self.year(node[2])
            return Span(date(y, m, 1), _month_end(y, m), f"{y}-M{m:02d}", DeadlineKind.MONTH)
        if tag == "quarter":
            q, y = node[1], self.year(node[2])
            return Span(date(y, 3 * q - 2, 1), _month_end(y, 3 * q), f"{y}-Q{q}", DeadlineKind.QUARTER)
        if tag == "months_of_year":
            n, which, y = node[1], node[2], self.year(node[3])
            if not 1 <= n <= 12:
                raise self.fail(_("names {count} months of a year").format(count=n))
            first, last = (1, n) if which == "first" else (13 - n, 12)
            start, due = date(y, first, 1), _month_end(y, last)
            if n == 12:
                return Span(start, due, str(y), DeadlineKind.YEAR)
            if n == 6:
                return Span(start, due, f"{y}-H{1 if first == 1 else 2}", DeadlineKind.HALF_YEAR)
            if n == 3:
                return Span(start, due, f"{y}-Q{(first + 2) // 3}", DeadlineKind.QUARTER)
            return Span(start, due, _interval(start, due), DeadlineKind.WINDOW)
        if tag == "year":
            y = self.year(node[1])
            return Span(date(y, 1, 1), date(y, 12, 31), str(y), DeadlineKind.YEAR)
        if tag == "years":
            a, b = node[1], node[2]
            if a > b:
                raise self.fail(_("ends before it starts"))
            kind = DeadlineKind.YEAR if a == b else DeadlineKind.YEARS
            return Span(date(a, 1, 1), date(b, 12, 31), str(a) if a == b else f"{a}/{b}", kind)
        raise AssertionError(f"unknown term {tag}")  # pragma: no cover - the grammar makes no other

    def whole(self, node: Any) -> Span:
        """One span covering a term (a list: from its first start to its last due)."""
        spans = self.spans(node)
        if len(spans) == 1:
            return spans[0]
        start, due = min(s.start for s in spans), max(s.due for s in spans)
        return Span(start, due, _interval(start, due), DeadlineKind.WINDOW)

    def in_period(self, d: date) -> bool:
        return self.plan_start <= d <= self.plan_end

    def occurrences(self, spans: list[Span]) -> tuple[Occurrence, ...]:
        """The deliveries that fall due inside the plan period, each starting no earlier than it."""
        return tuple(
            Occurrence(s.label, max(s.start, self.plan_start), s.due, self.calendar.next_working_day(s.due))
            for s in spans
            if self.in_period(s.due)
        )

    def by(self, due: date) -> tuple[date, date, list[Span]]:
        """A one-off due on `due`: it may start from the plan's start."""
        start = min(self.plan_start, due)
        return start, due, [Span(start, due, _interval(start, due), DeadlineKind.BY_DATE)]

    # Phrase forms -> (kind, start, due, window_end, the spans that are its occurrences, extras).
    def read(self, tree: Any) -> dict[str, Any]:
        tag = tree[0]
        if tag == "by":
            d = self.span(tree[1]).due
            start, due, spans = self.by(d)
            return {"kind": DeadlineKind.BY_DATE, "start": start, "due": due, "spans": spans}
        if tag == "before":
            # "Xong trước tháng 6": done before June begins, i.e. by the last day of May.
            period = self.whole(tree[1])
            start, due, spans = self.by(period.start - timedelta(days=1))
            kind = DeadlineKind.BEFORE_MONTH if tree[1][0] == "month" else DeadlineKind.BY_DATE
            return {"kind": kind, "start": start, "due": due, "spans": spans}
        if tag == "until":
            start, due, spans = self.by(self.whole(tree[1]).due)
            return {"kind": DeadlineKind.BY_DATE, "start": start, "due": due, "spans": spans}
        if tag == "in":
            spans = self.spans(tree[1])
            whole = self.whole(tree[1])
            return {"kind": whole.kind, "start": whole.start, "due": whole.due, "spans": spans}
        if tag == "window":
            b = self.whole(tree[2])
            a = self.whole(self.inherit_year(tree[1], b))
            if a.start > b.due:
                raise self.fail(_("ends before it starts"))
            span = Span(a.start, b.due, _interval(a.start, b.due), DeadlineKind.WINDOW)
            return {"kind": DeadlineKind.WINDOW, "start": a.start, "due": b.due, "spans": [span]}
        if tag == "from":
            term = tree[1]
            if term[0] in ("range", "years", "list"):  # "Từ năm 2021 đến năm 2025" read as one term
                whole = self.whole(term)
                kind = DeadlineKind.WINDOW if term[0] != "years" else whole.kind
                return {"kind": kind, "start": whole.start, "due": whole.due, "spans": [whole]}
            start = self.whole(term).start
            return {"kind": DeadlineKind.OPEN_START, "start": start, "due": None, "end": self.plan_end}
        if tag == "compound":
            first, second = self.read(tree[1]), self.read(tree[2])
            if second["due"] is None:
                raise self.fail(_("names no due date after its start"), "deadline-unrecognised")
            # "Từ tháng 3, hoàn thành …" starts then; "trước ngày 30-5 và kết thúc …" must start by
            # then, so the work may begin any time in the plan period up to that day.
            if first["kind"] is DeadlineKind.OPEN_START:
                begin = start = first["start"]
            else:
                begin = second["start_by"] = first["due"]
                start = min(self.plan_start, begin)
            if begin > second["due"]:
                raise self.fail(_("ends before it starts"))
            if start != second["start"] and second["kind"] not in (
                DeadlineKind.BY_DATE,
                DeadlineKind.BEFORE_MONTH,
            ):
                second["kind"] = DeadlineKind.WINDOW  # a month's or quarter's own start no longer holds
                second["spans"] = [
                    Span(start, second["due"], _interval(start, second["due"]), DeadlineKind.WINDOW)
                ]
            second["start"] = start
            return second
        if tag == "ongoing":
            return self.all_year(DeadlineKind.ONGOING, tree[1])
        if tag == "recurring":
            return self.recurring(tree[1], tree[2], tree[3])
        if tag == "dates":
            return self.dates(tree[1])
        if tag == "no_date":
            return {"kind": DeadlineKind(tree[1]), "start": None, "due": None, "end": None}
        if tag == "relative":
            return {
                "kind": DeadlineKind.RELATIVE,
                "start": None,
                "due": None,
                "end": None,
                "after_days": tree[1],
            }
        raise AssertionError(f"unknown form {tag}")  # pragma: no cover

    def all_year(self, kind: DeadlineKind, year: int | None) -> dict[str, Any]:
        # Ongoing and recurring work has no single due date; its window closes at the end of the
        # year it names, else at the end of the plan period.
        if year is None:
            return {"kind": kind, "start": self.plan_start, "due": None, "end": self.plan_end}
        first, last = date(year, 1, 1), date(year, 12, 31)
        start = max(self.plan_start, first) if self.plan_start <= last else first
        return {"kind": kind, "start": start, "due": None, "end": min(self.plan_end, last)}

    def recurring(
        self, cadences: list[str], days: list[tuple[int, int | None]] | None, year: int | None
    ) -> dict[str, Any]:
        window = self.all_year(DeadlineKind.RECURRING, year)
        lo, hi = max(window["start"], self.plan_start), window["end"]
        days = days or [(0, None)]
        for d, m in days:
            if d and not 1 <= d <= 31:
                raise self.fail(_("names day {day}; days run from 1 to 31").format(day=d))
            if m is not None:
                self.month_no(m)
                if cadences != ["year"]:
                    raise self.fail(
                        _("gives a day and a month, which recur every year ('hằng năm')"),
                        "deadline-unrecognised",
                    )
        spans: list[Span] = []
        for cadence in cadences:
            for d, m in days:
                spans += self.periods(cadence, d or None, m, lo, hi)
        if len(days) > 1:  # "ngày 15/6 và 15/12 hằng năm": two deliveries a year, named by their day
            spans = [Span(s.start, s.due, s.due.isoformat(), s.kind) for s in spans]
        spans = [s for s in spans if lo <= s.due <= hi]
        spans.sort(key=lambda s: (s.due, s.start))
        window["spans"] = spans
        window["every"] = "quarter" if cadences[0] == "quarter_last_month" else cadences[0]
        window["every_day"] = days[0][0] or None
        return window

    def dates(self, nodes: list[Any]) -> dict[str, Any]:
        """Several deliveries, each due by its date ("trước ngày 30/6 và 31/12"): each one's window
        runs from the day after the one before; no single due date."""
        last = self.span(nodes[-1])
        days = sorted(self.span(self.inherit_year(n, last)).due for n in nodes)
        start = min(self.plan_start, days[0])
        spans, begin = [], start
        for d in days:
            spans.append(Span(begin, d, d.isoformat(), DeadlineKind.RECURRING))
            begin = d + timedelta(days=1)
        return {"kind": DeadlineKind.RECURRING, "start": start, "due": None, "end": days[-1], "spans": spans}

    def periods(self, cadence: str, d: int | None, m: int | None, lo: date, hi: date) -> Iterator[Span]:
        """Every period of a cadence overlapping lo..hi, due on day `d` of its last month (clamped
        to the month's length: "ngày 30 hằng tháng" is 28/02) or, without a day, on its last day."""
        if cadence == "week":
            if d is not None:
                raise self.fail(_("gives a day of the month for a weekly report"), "deadline-unrecognised")
            monday = lo - timedelta(days=lo.weekday())
            while monday <= hi:
                sunday = monday + timedelta(days=6)
                iso = monday.isocalendar()
                yield Span(monday, sunday, f"{iso[0]}-W{iso[1]:02d}", DeadlineKind.RECURRING)
                monday += timedelta(days=7)
            return
        months = {"month": 1, "quarter": 3, "quarter_last_month": 3, "half_year": 6, "year": 12}.get(cadence)
        if months is None:  # "định kỳ 2 tháng": n-month periods from January
            months = int(cadence.split(":")[1])
            if months == 0 or 12 % months:
                raise self.fail(
                    _("recurs every {count} months, which does not divide the year").format(count=months),
                    "deadline-unrecognised",
                )
        for y in range(lo.year, hi.year + 1):
            for first in range(1, 13, months):
                last = first + months - 1
                start, end = date(y, first, 1), _month_end(y, last)
                if end < lo or start > hi:
                    continue
                if m is not None and d is not None:
                    due = date(y, m, min(d, _days_in_month(y, m)))
                elif d is not None:
                    due = date(y, last, min(d, _days_in_month(y, last)))
                else:
                    due = end
                yield Span(start, due, self.label(y, first, months), DeadlineKind.RECURRING)

    @staticmethod
    def label(y: int, first: int, months: int) -> str:
        if months == 1:
            return f"{y}-M{first:02d}"
        if months == 3:
            return f"{y}-Q{(first + 2) // 3}"
        if months == 6:
            return f"{y}-H{1 if first == 1 else 2}"
        if months == 12:
            return str(y)
        return _interval(date(y, first, 1), _month_end(y, first + months - 1))


def _warnings(
    original: str, reading: dict[str, Any], plan_start: date, plan_end: date
) -> tuple[DeadlineWarning, ...]:
    """A date the phrase fixes outside the plan period: one warning, at the phrase."""
    period = f"{_dmy(plan_start)}–{_dmy(plan_end)}"
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
                    phrase=original, day=_dmy(when), period=period
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
    reader = _Reader(original, plan_start, end, year, calendar)
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


# --- dates typed on the command line --------------------------------------------------------------

# [0-9], not \d: \d also matches '٣' (Arabic-Indic) and other scripts' digits, which int() accepts.
_OFFSET = re.compile(r"^([+-])([0-9]{1,4})([dw])$")
_DMY = re.compile(r"^([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})$")
_ISO = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
# Dates a command accepts: the plan's world with room to spare. Queries add up to ten years of
# look-ahead and look back a year; 31/12/9999 would overflow the calendar in the middle of one.
USER_DATE_MIN = date(1900, 1, 1)
USER_DATE_MAX = date(2999, 12, 31)


def parse_user_date(text: str, today: date | None = None) -> date:
    """YYYY-MM-DD or D/M/YYYY; with `today`: today, eow (Sunday), eom, eoq, eoy, +14d, +2w, -3d.
    Raises ValueError with a message that says what is accepted."""
    day = _parse_user_date(text, today)
    if not USER_DATE_MIN <= day <= USER_DATE_MAX:
        raise ValueError(
            _("'{text}' is {day}; dates run from {first} to {last}").format(
                text=text,
                day=f"{day:%d/%m/%Y}",
                first=f"{USER_DATE_MIN:%d/%m/%Y}",
                last=f"{USER_DATE_MAX:%d/%m/%Y}",
            )
        )
    return day


def _parse_user_date(text: str, today: date | None) -> date:
    value = text.strip().lower()
    try:
        if m := _ISO.match(value):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := _DMY.match(value):
            return date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        raise ValueError(_("'{text}' is not a real date").format(text=text)) from None
    if today is not None:
        if value in ("today", "hôm nay", "hom nay"):
            return today
        if value == "eow":
            return today + timedelta(days=6 - today.weekday())
        if value == "eom":
            return _month_end(today.year, today.month)
        if value == "eoq":
            return _month_end(today.year, 3 * ((today.month - 1) // 3) + 3)
        if value == "eoy":
            return date(today.year, 12, 31)
        if m := _OFFSET.match(value):
            days = int(m[2]) * (7 if m[3] == "w" else 1)
            try:
                return today + timedelta(days=days if m[1] == "+" else -days)
            except OverflowError:
                raise ValueError(
                    _("'{text}' from {today} leaves the calendar").format(
                        text=text, today=f"{today:%d/%m/%Y}"
                    )
                ) from None
    if today is not None:
        raise ValueError(
            _(
                "cannot read the date '{text}'; use YYYY-MM-DD or D/M/YYYY, "
                "or today, eow, eom, eoq, eoy, +14d, +2w"
            ).format(text=text)
        )
    raise ValueError(_("cannot read the date '{text}'; use YYYY-MM-DD or D/M/YYYY").format(text=text))
