"""A deadline phrase's syntax tree -> its dates in a plan period: the named day, month, quarter or
half year, the year a phrase without one belongs to, each occurrence of a recurring deadline (moved
to a working day on the calendar given), a window's start and end, and the days a phrase of the
reporting regime names in a reporting period ("ngày 15 của tháng báo cáo"). deadline_grammar reads
the words; deadlines.parse_deadline puts the two together.

A day that does not exist is refused, never moved — except where the month is not fixed by the
text ("trước ngày 31 hằng tháng", "ngày 31 của tháng báo cáo"): the phrase asks for that day in
every month, and a month without it has its last day instead."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields, is_dataclass, replace
from datetime import date, timedelta
from typing import Any

from tthc_cli.domain.calendar import WorkingDays, days_in_month, month_end
from tthc_cli.domain.deadline_grammar import (
    QUARTERLY,
    YEARLY,
    Anchor,
    BeforeNode,
    ByNode,
    CompoundNode,
    DateNode,
    DatesNode,
    EachPeriodNode,
    EventNode,
    Every,
    Form,
    FromNode,
    InNode,
    ListNode,
    MonthNode,
    MonthRef,
    MonthsOfYearNode,
    OngoingNode,
    Part,
    QuarterNode,
    RangeNode,
    RecurringNode,
    RelativeNode,
    ReportClause,
    ReportsNode,
    Term,
    UndatedNode,
    UntilNode,
    WindowNode,
    Year,
    YearNode,
    YearRef,
    YearsNode,
)
from tthc_cli.domain.deadline_values import DeadlineKind, Occurrence, PeriodContext
from tthc_cli.domain.problems import Param, Problem, ProblemError


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of calendar: its first and last day and its label; a term's span says the kind it
    reads as (a delivery's, which only its days and label tell, leaves the default)."""

    start: date
    due: date
    label: str
    kind: DeadlineKind = DeadlineKind.WINDOW


@dataclass(frozen=True, slots=True, kw_only=True)
class Reading:
    """What a phrase form gives: its kind and dates, the spans that are its occurrences, and the
    extras a Deadline carries. `end`: where the window closes when there is no due date."""

    kind: DeadlineKind
    start: date | None = None
    due: date | None = None
    end: date | None = None
    spans: tuple[Span, ...] = ()
    every: str | None = None
    every_day: int | None = None
    start_by: date | None = None
    after_days: int | None = None


def interval(start: date, due: date) -> str:
    return f"{start.isoformat()}/{due.isoformat()}"


def period_label(y: int, first: int, months: int) -> str:
    """The name of the `months` months from month `first` of year `y`: 2021-M03, 2021-Q2, 2021-H1,
    2021, or an ISO interval."""
    if months == 1:
        return f"{y}-M{first:02d}"
    if months == 3 and first % 3 == 1:
        return f"{y}-Q{(first + 2) // 3}"
    if months == 6 and first in (1, 7):
        return f"{y}-H{1 if first == 1 else 2}"
    if months == 12 and first == 1:
        return str(y)
    return interval(date(y, first, 1), month_end(y, first + months - 1))


def _calendar_period(y: int, first: int, months: int) -> PeriodContext:
    start, end = date(y, first, 1), month_end(y, first + months - 1)
    return PeriodContext(
        label=period_label(y, first, months), start=start, end=end, window_start=start, window_end=end
    )


def _refs(node: object, *, every_year: bool = False) -> Iterator[MonthRef | YearRef]:
    """The months and years of a tree that count from a reporting period ("tháng báo cáo", "năm báo
    cáo"); with `every_year`, the years counted from the year in view too ("năm sau")."""
    if isinstance(node, MonthRef):
        yield node
    elif isinstance(node, YearRef):
        if node.report or every_year:
            yield node
    elif isinstance(node, tuple):
        for member in node:
            yield from _refs(member, every_year=every_year)
    elif is_dataclass(node):
        for f in fields(node):
            yield from _refs(getattr(node, f.name), every_year=every_year)


def _looks_ahead(node: object) -> bool:
    """Whether a day is counted into the next period ("tháng sau", "năm liền kề năm báo cáo"): the
    report of a period before the plan may then fall due inside it."""
    return any(
        r in (MonthRef.NEXT, MonthRef.NEXT_QUARTER_FIRST) or (isinstance(r, YearRef) and r.offset > 0)
        for r in _refs(node, every_year=True)
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Reader:
    """Gives one syntax tree its dates in a plan period; `frame`, the reporting period that the
    period's words ("tháng báo cáo", "năm báo cáo", "tháng cuối quý") count from, when there is one."""

    original: str
    plan_start: date
    plan_end: date
    default_year: int | None
    calendar: WorkingDays
    frame: PeriodContext | None = None

    def fail(self, code: str, variant: str, **params: Param) -> ProblemError:
        return ProblemError(Problem(code, (("phrase", self.original), *params.items()), variant))

    # --- days, months and years ------------------------------------------------------------------

    def year(self, value: Year) -> int:
        if isinstance(value, int):
            return value
        if isinstance(value, YearRef):
            if self.frame is None:
                return self.year(None) + value.offset
            return self.frame.year + value.offset
        if self.frame is not None:
            return self.frame.year
        if self.default_year is None:
            raise self.fail("deadline-unrecognised", "no-year", first=self.plan_start, last=self.plan_end)
        return self.default_year

    def month_no(self, m: int) -> int:
        if not 1 <= m <= 12:
            raise self.fail("invalid-date", "no-such-month", month=m)
        return m

    def relative_month(self, ref: MonthRef | None) -> tuple[int, int]:
        """The (year, month) a month of the reporting period names; None: the period's last month."""
        frame = self.frame
        assert frame is not None, "read() reads a phrase with such months in a period only"
        y, m = frame.end.year, frame.end.month
        if ref is MonthRef.QUARTER_LAST:
            m = 3 * ((m - 1) // 3) + 3
        elif ref is MonthRef.PREVIOUS:
            y, m = (
                (frame.start.year, frame.start.month - 1)
                if frame.start.month > 1
                else (frame.start.year - 1, 12)
            )
        elif ref is MonthRef.NEXT:
            y, m = (y, m + 1) if m < 12 else (y + 1, 1)
        elif ref is MonthRef.NEXT_QUARTER_FIRST:
            m = 3 * ((m - 1) // 3) + 4
            y, m = (y, m) if m <= 12 else (y + 1, 1)
        return y, m

    def day(self, node: DateNode) -> date:
        """The date a day names. A day the month lacks is an error where the text fixes the month,
        and that month's last day where the month varies with the period ("hằng tháng")."""
        if not 1 <= node.day <= 31:
            raise self.fail("invalid-date", "no-such-day", day=node.day)
        if isinstance(node.month, int):
            y, m, varies = self.year(node.year), self.month_no(node.month), False
        else:
            (y, m), varies = self.relative_month(node.month), True
        last = days_in_month(y, m)
        if node.day > last and not varies:
            raise self.fail("invalid-date", "day-in-month", month=m, year=y, days=last)
        return date(y, m, min(node.day, last))

    # --- terms -> spans. A list gives one span per member; everything else gives one ---------------

    def spans(self, node: Term) -> list[Span]:
        if isinstance(node, ListNode):
            return [s for member in node.items for s in self.spans(member)]
        if isinstance(node, RangeNode):
            # The grammar gives a range's first end no year ("tháng 3 - 5/2022"): the second's, or the
            # year before, so a range never ends before it starts.
            b = self.spans(node.last)[0]
            a = self.spans(self.inherit_year(node.first, b))[0]
            return [Span(a.start, b.due, interval(a.start, b.due), DeadlineKind.WINDOW)]
        return [self.span(node)]

    def inherit_year(self, node: Term, later: Span) -> Term:
        """The first end of a range without a year takes the second's ("từ tháng 11 đến tháng 2
        năm 2022": November 2021), so that it starts before it ends."""
        if not isinstance(node, DateNode | MonthNode | QuarterNode) or node.year is not None:
            return node
        if isinstance(node, DateNode) and not isinstance(node.month, int):
            return node  # a month of the reporting period has its own year
        same = replace(node, year=later.due.year)
        return same if self.spans(same)[0].start <= later.due else replace(node, year=later.due.year - 1)

    def span(self, node: Term) -> Span:
        match node:
            case DateNode():
                d = self.day(node)
                return Span(d, d, d.isoformat(), DeadlineKind.BY_DATE)
            case MonthNode(month=m, year=y):
                m, y = self.month_no(m), self.year(y)
                return Span(date(y, m, 1), month_end(y, m), f"{y}-M{m:02d}", DeadlineKind.MONTH)
            case QuarterNode(quarter=q, year=y):
                y = self.year(y)
                return Span(date(y, 3 * q - 2, 1), month_end(y, 3 * q), f"{y}-Q{q}", DeadlineKind.QUARTER)
            case MonthsOfYearNode(count=n, part=part, year=y):
                return self.months_of_year(n, part, self.year(y))
            case YearNode(year=y):
                y = self.year(y)
                return Span(date(y, 1, 1), date(y, 12, 31), str(y), DeadlineKind.YEAR)
            case YearsNode(first=a, last=b):
                if a > b:
                    raise self.fail("invalid-date", "reversed")
                kind = DeadlineKind.YEAR if a == b else DeadlineKind.YEARS
                return Span(date(a, 1, 1), date(b, 12, 31), str(a) if a == b else f"{a}/{b}", kind)
        raise AssertionError(f"not a single term: {node}")  # pragma: no cover - lists and ranges

    def months_of_year(self, n: int, part: Part, y: int) -> Span:
        # 1 to 12: the grammar reads no other count.
        first, last = (1, n) if part is Part.FIRST else (13 - n, 12)
        start, due = date(y, first, 1), month_end(y, last)
        kind = {12: DeadlineKind.YEAR, 6: DeadlineKind.HALF_YEAR, 3: DeadlineKind.QUARTER}.get(n)
        if kind is None:  # "9 tháng đầu năm", "1 tháng đầu năm": a window, named by its days
            return Span(start, due, interval(start, due), DeadlineKind.WINDOW)
        return Span(start, due, period_label(y, first, n), kind)

    def whole(self, node: Term) -> Span:
        """One span covering a term (a list: from its first start to its last due)."""
        spans = self.spans(node)
        if len(spans) == 1:
            return spans[0]
        start, due = min(s.start for s in spans), max(s.due for s in spans)
        return Span(start, due, interval(start, due), DeadlineKind.WINDOW)

    def occurrences(self, spans: tuple[Span, ...]) -> tuple[Occurrence, ...]:
        """The deliveries that fall due inside the plan period, each starting no earlier than it."""
        return tuple(
            Occurrence(s.label, max(s.start, self.plan_start), s.due, self.calendar.next_working_day(s.due))
            for s in spans
            if self.plan_start <= s.due <= self.plan_end
        )

    def by(self, due: date, kind: DeadlineKind = DeadlineKind.BY_DATE) -> Reading:
        """A one-off due on `due`: it may start from the plan's start (in a reporting period, from
        the first day of its data)."""
        start = min(self.frame.window_start if self.frame is not None else self.plan_start, due)
        span = Span(start, due, interval(start, due))
        return Reading(kind=kind, start=start, due=due, spans=(span,))

    # --- phrase forms -----------------------------------------------------------------------------

    def read(self, tree: Form) -> Reading:
        """What a phrase form gives (the readers below, by the form's type); a form counted from the
        reporting period, in a plan without one, once per period of the cadence its words imply."""
        if self.frame is None and not isinstance(tree, _PERIODIC) and any(_refs(tree)):
            return self.per_period(tree, self.implied_cadence(tree))
        return _READERS[type(tree)](self, tree)

    def read_by(self, node: ByNode) -> Reading:
        return self.by(self.day(node.date))

    def read_before(self, node: BeforeNode) -> Reading:
        # "Xong trước tháng 6": done before June begins, i.e. by the last day of May.
        kind = DeadlineKind.BEFORE_MONTH if isinstance(node.period, MonthNode) else DeadlineKind.BY_DATE
        return self.by(self.whole(node.period).start - timedelta(days=1), kind)

    def read_until(self, node: UntilNode) -> Reading:
        return self.by(self.whole(node.period).due)

    def read_in(self, node: InNode) -> Reading:
        whole = self.whole(node.period)
        return Reading(
            kind=whole.kind, start=whole.start, due=whole.due, spans=tuple(self.spans(node.period))
        )

    def read_window(self, node: WindowNode) -> Reading:
        b = self.whole(node.last)
        a = self.whole(self.inherit_year(node.first, b))
        if a.start > b.due:
            raise self.fail("invalid-date", "reversed")
        span = Span(a.start, b.due, interval(a.start, b.due))
        return Reading(kind=DeadlineKind.WINDOW, start=a.start, due=b.due, spans=(span,))

    def read_from(self, node: FromNode) -> Reading:
        term = node.term
        if isinstance(term, RangeNode | YearsNode | ListNode):  # "Từ năm 2021 đến năm 2025"
            whole = self.whole(term)  # a window, or years
            return Reading(kind=whole.kind, start=whole.start, due=whole.due, spans=(whole,))
        end = self.frame.end if self.frame is not None else self.plan_end
        return Reading(kind=DeadlineKind.OPEN_START, start=self.whole(term).start, end=end)

    def read_compound(self, node: CompoundNode) -> Reading:
        return self.compound(self.read(node.first), self.read(node.second))

    def read_ongoing(self, node: OngoingNode) -> Reading:
        return self.all_year(DeadlineKind.ONGOING, node.year)

    def read_each_period(self, node: EachPeriodNode) -> Reading:
        if self.frame is not None:
            return replace(self.read(node.window), every=node.cadences[0].name)
        return self.per_period(node.window, *node.cadences)

    def read_dates(self, node: DatesNode) -> Reading:
        return self.dates(node.dates)

    def read_reports(self, node: ReportsNode) -> Reading:
        return self.reports(node.clauses)

    def read_undated(self, node: UndatedNode) -> Reading:
        return Reading(kind=DeadlineKind(node.kind.value))

    def read_relative(self, node: RelativeNode) -> Reading:
        if self.frame is not None and node.anchor is not None:
            return replace(self.after(node.anchor, node.days, node.working), after_days=node.days)
        return Reading(kind=DeadlineKind.RELATIVE, after_days=node.days)

    def read_event(self, node: EventNode) -> Reading:
        return Reading(kind=DeadlineKind.ON_EVENT)

    def compound(self, first: Reading, second: Reading) -> Reading:
        if second.due is None:
            raise self.fail("deadline-unrecognised", "no-due-after-start")
        # "Từ tháng 3, hoàn thành …" starts then; "trước ngày 30-5 và kết thúc …" must start by
        # then, so the work may begin any time in the plan period up to that day.
        start_by = None
        if first.due is None:  # "Từ tháng 3, …": an open start
            begin = start = first.start or self.plan_start
        else:
            begin = start_by = first.due
            start = min(self.plan_start, begin)
        if begin > second.due:
            raise self.fail("invalid-date", "reversed")
        spans = second.spans
        kind = second.kind
        if start != second.start and kind not in (DeadlineKind.BY_DATE, DeadlineKind.BEFORE_MONTH):
            kind = DeadlineKind.WINDOW  # a month's or quarter's own start no longer holds
            spans = (Span(start, second.due, interval(start, second.due)),)
        return replace(second, kind=kind, start=start, spans=spans, start_by=start_by)

    def all_year(self, kind: DeadlineKind, year: int | None) -> Reading:
        # Ongoing and recurring work has no single due date; its window closes at the end of the
        # year it names, else at the end of the plan period (or of the reporting period).
        if year is None and self.frame is not None:
            return Reading(kind=kind, start=self.frame.window_start, end=self.frame.end)
        if year is None:
            return Reading(kind=kind, start=self.plan_start, end=self.plan_end)
        first, last = date(year, 1, 1), date(year, 12, 31)
        start = max(self.plan_start, first) if self.plan_start <= last else first
        return Reading(kind=kind, start=start, end=min(self.plan_end, last))

    def after(self, anchor: Anchor, n: int, working: bool) -> Reading:
        """`n` (working) days after a moment of the reporting period: counted from the next day
        (Bộ luật Dân sự 2015, Art. 147), a working day each when the text says "làm việc"."""
        assert self.frame is not None
        base = self.frame.cutoff if anchor is Anchor.CUTOFF else self.frame.end
        due = self.calendar.add_working_days(base, n) if working else base + timedelta(days=n)
        return self.by(due)

    # --- recurrences: every period of a cadence, or the one reporting period given ---------------

    def frames(self, every: Every, lo: date, hi: date, ahead: bool) -> Iterator[PeriodContext]:
        """Every period of a cadence overlapping lo..hi (from a year earlier when a day counts into
        the next period, so that the report of a period before the plan may fall due inside it)."""
        if every.week:
            monday = lo - timedelta(days=lo.weekday())
            while monday <= hi:
                sunday = monday + timedelta(days=6)
                iso = monday.isocalendar()
                yield PeriodContext(
                    label=f"{iso[0]}-W{iso[1]:02d}",
                    start=monday,
                    end=sunday,
                    window_start=monday,
                    window_end=sunday,
                )
                monday += timedelta(days=7)
            return
        months = every.months
        if months <= 0 or (12 % months and every.first is None):
            raise self.fail("deadline-unrecognised", "cadence-divides", count=months)
        firsts = range(1, 13, months) if every.first is None else (every.first,)
        for y in range(lo.year - (1 if ahead else 0), hi.year + 1):
            for first in firsts:
                frame = _calendar_period(y, first, months)
                if ahead or (frame.end >= lo and frame.start <= hi):
                    yield frame

    def check_days(self, cadences: tuple[Every, ...], days: tuple[DateNode, ...]) -> None:
        for d in days:
            if not 1 <= d.day <= 31:
                raise self.fail("invalid-date", "no-such-day", day=d.day)
            if isinstance(d.month, int):
                self.month_no(d.month)
                if any((c.months != 12 and c.first is None) or c.week for c in cadences):
                    raise self.fail("deadline-unrecognised", "day-month-not-yearly")
        for c in cadences:
            if c.week and days:
                raise self.fail("deadline-unrecognised", "weekly-day")
            if c == YEARLY:
                for d in days:
                    if d.month is None:
                        raise self.fail("deadline-unrecognised", "yearly-no-month", day=d.day)

    def recurring(self, node: RecurringNode) -> Reading:
        window = self.all_year(DeadlineKind.RECURRING, node.year)
        days = node.days
        self.check_days(node.cadences, days)
        every, every_day = node.cadences[0].name, days[0].day if days else None
        if self.frame is not None:
            return self.in_frame(self.frame, self.days_for(self.frame, days), every)
        assert window.start is not None and window.end is not None
        lo, hi = max(window.start, self.plan_start), window.end
        spans: list[Span] = []
        for cadence in node.cadences:
            for frame in self.frames(cadence, lo, hi, _looks_ahead(days)):
                framed = replace(self, frame=frame)
                if not days:
                    spans.append(Span(frame.start, frame.end, frame.label))
                for d in days:
                    due = framed.day(d)
                    spans.append(Span(min(frame.start, due), due, frame.label))
        if len(days) > 1:  # "ngày 15/6 và 15/12 hằng năm": two deliveries a year, named by their day
            spans = [Span(s.start, s.due, s.due.isoformat(), s.kind) for s in spans]
        return replace(window, spans=self.inside(spans, lo, hi), every=every, every_day=every_day)

    @staticmethod
    def inside(spans: list[Span], lo: date, hi: date) -> tuple[Span, ...]:
        return tuple(sorted((s for s in spans if lo <= s.due <= hi), key=lambda s: (s.due, s.start)))

    def days_for(
        self, frame: PeriodContext, days: tuple[DateNode, ...]
    ) -> list[tuple[DateNode | None, DateNode | None]]:
        """The days of a recurrence that belong to one reporting period: those inside it, else the
        first after it ("trước ngày 15/6 và 15/12 hằng năm" for 2021-H1: 15/06; for 2021-Q3: 15/12);
        the period's last day when the recurrence names none."""
        if len(days) <= 1:
            return [(d, None) for d in days] or [(None, None)]
        dated = sorted((self.day(d), i) for i, d in enumerate(days))
        inside = [i for day, i in dated if frame.start <= day <= frame.end]
        after = [i for day, i in dated if day > frame.end][:1]
        return [(days[i], None) for i in inside or after or [dated[-1][1]]]

    def in_frame(
        self, frame: PeriodContext, days: list[tuple[DateNode | None, DateNode | None]], every: str
    ) -> Reading:
        """A recurrence or a report read for one reporting period: each (due, start) day of it in that
        period, a window when its start is named; the period's last day when no day is named."""
        spans = []
        for due_day, start_day in days:
            due = self.day(due_day) if due_day is not None else frame.end
            if start_day is None:
                spans.append(Span(min(frame.window_start, due), due, frame.label, DeadlineKind.BY_DATE))
            else:
                spans.append(Span(min(self.day(start_day), due), due, frame.label, DeadlineKind.WINDOW))
        spans.sort(key=lambda s: (s.due, s.start))
        if len(spans) == 1:
            (only,) = spans
            return Reading(kind=only.kind, start=only.start, due=only.due, spans=(only,), every=every)
        return Reading(
            kind=DeadlineKind.RECURRING,
            start=spans[0].start,
            end=spans[-1].due,
            spans=tuple(spans),
            every=every,
        )

    def implied_cadence(self, tree: Form) -> Every:
        """The cadence the words of a phrase counted from the reporting period imply, in a plan
        without one: quarterly for a month of the quarter ("tháng cuối quý"), yearly for a day of the
        report's year ("ngày 10/07 của năm báo cáo"). Words that imply none ("tháng báo cáo", "tháng
        sau") are refused: the same words mean each month in a monthly regime and the quarter's last
        month in a quarterly one."""
        refs = set(_refs(tree))
        if refs & {MonthRef.QUARTER_LAST, MonthRef.NEXT_QUARTER_FIRST}:
            return QUARTERLY
        if all(isinstance(r, YearRef) for r in refs):
            return YEARLY
        raise self.fail("deadline-unrecognised", "needs-period")

    def per_period(self, tree: Form, *cadences: Every) -> Reading:
        """A phrase counted from the reporting period, in a plan without one ("trước ngày 15 của
        tháng cuối quý", "tính từ ngày 01/01 đến ngày 30/06 của năm báo cáo"): one delivery per
        period of each cadence, the phrase read in that period."""
        window = self.all_year(DeadlineKind.RECURRING, None)
        lo, hi = self.plan_start, self.plan_end
        spans = []
        for cadence in cadences:
            for frame in self.frames(cadence, lo, hi, _looks_ahead(tree)):
                r = replace(self, frame=frame).read(tree)
                if r.due is None or r.start is None:  # no single day in the period ("Từ ngày 15 của …")
                    raise self.fail("deadline-unrecognised", "needs-period")
                spans.append(Span(min(r.start, r.due), r.due, frame.label))
        every_day = tree.date.day if isinstance(tree, ByNode) else None
        return replace(window, spans=self.inside(spans, lo, hi), every=cadences[0].name, every_day=every_day)

    def reports(self, clauses: tuple[ReportClause, ...]) -> Reading:
        """Sentences whose subject is a report: each report's periods, due on its day."""
        for clause in clauses:
            self.check_days((clause.every,), (clause.due,))
        every, every_day = clauses[0].every.name, clauses[0].due.day
        if self.frame is not None:
            frame = self.frame
            matching = [c for c in clauses if _covers(c.every, frame)]
            if not matching:
                raise self.fail("deadline-unrecognised", "no-clause-for-period", period=frame.label)
            return self.in_frame(frame, [(c.due, c.start) for c in matching], every)
        window = self.all_year(DeadlineKind.RECURRING, None)
        lo, hi = self.plan_start, self.plan_end
        spans = []
        for clause in clauses:
            for frame in self.frames(clause.every, lo, hi, _looks_ahead(clause)):
                framed = replace(self, frame=frame)
                due = framed.day(clause.due)
                start = framed.day(clause.start) if clause.start is not None else frame.start
                if start > due:
                    raise self.fail("invalid-date", "reversed")
                spans.append(Span(start, due, frame.label))
        return replace(window, spans=self.inside(spans, lo, hi), every=every, every_day=every_day)

    def dates(self, nodes: tuple[DateNode, ...]) -> Reading:
        """Several deliveries, each due by its date ("trước ngày 30/6 và 31/12"): each one's window
        runs from the day after the one before; no single due date."""
        last = self.span(nodes[-1])
        days = sorted(self.span(self.inherit_year(n, last)).due for n in nodes)
        start = min(self.plan_start, days[0])
        spans, begin = [], start
        for d in days:
            spans.append(Span(begin, d, d.isoformat()))
            begin = d + timedelta(days=1)
        return Reading(kind=DeadlineKind.RECURRING, start=start, end=days[-1], spans=tuple(spans))


# Each phrase form's reader: a new form of the grammar gets its method above and its line here.
_READERS: dict[type, Callable[[Reader, Any], Reading]] = {
    ByNode: Reader.read_by,
    BeforeNode: Reader.read_before,
    UntilNode: Reader.read_until,
    InNode: Reader.read_in,
    WindowNode: Reader.read_window,
    FromNode: Reader.read_from,
    CompoundNode: Reader.read_compound,
    OngoingNode: Reader.read_ongoing,
    RecurringNode: Reader.recurring,
    EachPeriodNode: Reader.read_each_period,
    DatesNode: Reader.read_dates,
    ReportsNode: Reader.read_reports,
    UndatedNode: Reader.read_undated,
    RelativeNode: Reader.read_relative,
    EventNode: Reader.read_event,
}
# The forms that make their own periods: never read once per implied period.
_PERIODIC = RecurringNode | ReportsNode | EachPeriodNode


def _covers(every: Every, frame: PeriodContext) -> bool:
    """Whether a report of this kind is the one made for `frame` (a quarter's report for 2021-Q2)."""
    if every.first is not None:
        return frame.months == every.months and frame.start.month == every.first
    return frame.months == every.months and (frame.start.month - 1) % every.months == 0
