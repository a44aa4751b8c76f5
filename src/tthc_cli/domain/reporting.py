"""The reporting regime (reporting.yaml) as values, and its dates inside a plan's period.

A regime says which periodic reports exist (monthly, quarterly, 6-month, 9-month, annual; ad hoc),
each period's data window as its text writes it ("Tính từ ngày 15 của tháng trước kỳ báo cáo đến
ngày 14 của tháng cuối quý thuộc kỳ báo cáo"), who reports to whom and by when ("Trong 02 ngày làm
việc kể từ ngày chốt số liệu"), and from which date each rule applies. Every phrase is read by the
deadline grammar for one period at a time (`deadlines.read_for_period`); every fact carries its source
or is marked an assumption (`Source`).

**Which rule governs a period**: the latest rule whose `from` falls on or before the period's
cut-off (the last day of its data window, as that rule reads it). A report made after a new
circular takes effect follows it, even when its data window opened under the old one: TT 5/2025/
TT-VPCP (in force 15/02/2026) governs the report of 2026-Q1 (cut-off 14/03/2026), not 2026-M02's
(cut-off 14/02/2026). A rule that has no report of a kind governs that kind's periods too (by their
calendar end): from then on there is no such report.

**Which periods a plan has**: those whose calendar months lie wholly inside the plan period (the 2021
plan: 2021-Q1 … 2021-Q4, 2021-H1, 2021), each read under the rule that governs it; a phrase naming
the report of another period only ("Báo cáo 6 tháng đầu năm …" for 2021-H2) gives that period none.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from tthc_cli.domain.calendar import WorkingDays
from tthc_cli.domain.deadlines import PeriodContext, period_context, read_for_period
from tthc_cli.domain.plan_files import REPORTING
from tthc_cli.domain.problems import Path, Problem, ProblemError, problem, warning
from tthc_cli.domain.report_periods import PeriodKind, ReportPeriod, report_period
from tthc_cli.domain.units import Registry

# The kinds in the order reports are listed (and the codes of their periods: 2021-M05, 2021-Q2,
# 2021-H1, 2021-9M, 2021).
KIND_ORDER = (
    PeriodKind.MONTH,
    PeriodKind.QUARTER,
    PeriodKind.HALF_YEAR,
    PeriodKind.NINE_MONTHS,
    PeriodKind.YEAR,
)
_CODES = {
    PeriodKind.MONTH: [f"-M{m:02d}" for m in range(1, 13)],
    PeriodKind.QUARTER: [f"-Q{q}" for q in range(1, 5)],
    PeriodKind.HALF_YEAR: ["-H1", "-H2"],
    PeriodKind.NINE_MONTHS: ["-9M"],
    PeriodKind.YEAR: [""],
}


@dataclass(frozen=True, slots=True)
class Source:
    """Where a fact of the regime comes from (`basis`: the text and article, as officials cite it),
    or that it could not be checked (`assumption`), and what is known beside (`note`)."""

    basis: str | None = None
    assumption: bool = False
    note: str | None = None

    @property
    def words(self) -> str:
        """The basis, else the note: what a reader is shown as the fact's source."""
        return self.basis or self.note or ""


@dataclass(frozen=True, slots=True, kw_only=True)
class RegimeReport:
    """One report of a rule: a periodic one (`kind`) with its data window as written, or the ad hoc
    report (`kind` None: its cut-off and deadline are set when it is asked for). `owed`: False when
    the regime defines the period's window but no one is known to owe a report for it (plan items
    that name the period still do). `path`: where it is written in reporting.yaml."""

    kind: PeriodKind | None
    window: str | None
    source: Source
    owed: bool = True
    title: str | None = None
    path: Path = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Flow:
    """Who reports to whom, and by when: `by` are canonical unit or group names, `to` as written,
    `send` the phrase of the send-by date, read in each period ("Trong 02 ngày làm việc kể từ ngày
    chốt số liệu"). `source` backs the route, `send_source` the date."""

    by: tuple[str, ...]
    to: str
    send: str
    source: Source
    send_source: Source
    path: Path = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    """The regime as it stands from `start` (None: from the beginning) until the next rule."""

    start: date | None
    title: str
    source: Source
    reports: tuple[RegimeReport, ...]
    flows: tuple[Flow, ...] = ()
    path: Path = ()

    def report(self, kind: PeriodKind) -> RegimeReport | None:
        return next((r for r in self.reports if r.kind is kind), None)

    @property
    def ad_hoc(self) -> RegimeReport | None:
        return next((r for r in self.reports if r.kind is None), None)


@dataclass(frozen=True, slots=True, kw_only=True)
class Regime:
    """The reporting regime of a plan folder: its rules, in the order they take effect."""

    title: str
    rules: tuple[Rule, ...]

    def kinds(self, owed_only: bool = False) -> tuple[PeriodKind, ...]:
        """The periodic reports any rule has (only those someone owes, with `owed_only`)."""
        found = {r.kind for rule in self.rules for r in rule.reports if r.owed or not owed_only}
        return tuple(k for k in KIND_ORDER if k in found)


@dataclass(frozen=True, slots=True, kw_only=True)
class Send:
    """A flow's send-by date for one period: as the phrase reads (`due`) and on the working day the
    period really ends (`effective_due`, Bộ luật Dân sự 2015 Art. 148(5))."""

    flow: Flow
    due: date
    effective_due: date


@dataclass(frozen=True, slots=True, kw_only=True)
class ScheduledPeriod:
    """One periodic report's period inside the plan: its code (2021-Q2) and calendar months
    (`start`..`end`), its data window under the rule that governs it (`window_start`..`cutoff`), and
    each flow's send-by date."""

    code: str
    kind: PeriodKind
    year: int
    number: int
    start: date
    end: date
    window_start: date
    cutoff: date
    rule: Rule
    report: RegimeReport
    sends: tuple[Send, ...] = ()

    @property
    def owed(self) -> bool:
        return self.report.owed

    def send_of(self, flow: Flow) -> Send | None:
        return next((s for s in self.sends if s.flow is flow), None)

    @property
    def last_send(self) -> date:
        """The latest effective send-by day of any flow (the cut-off when the rule has no flow)."""
        return max((s.effective_due for s in self.sends), default=self.cutoff)

    def report_period(self) -> ReportPeriod:
        """The period as the periodic report covers it: its data window, and the rule it is from."""
        basis = self.report.window or ""
        if self.report.source.words:
            basis += f" ({self.report.source.words})"
        return ReportPeriod(
            code=self.code,
            kind=self.kind,
            year=self.year,
            number=self.number,
            start=self.window_start,
            end=self.cutoff,
            basis=basis or None,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Schedule:
    """A regime's periods inside one plan's period, by cut-off (then kind)."""

    regime: Regime
    periods: tuple[ScheduledPeriod, ...] = ()

    def period(self, code: str, kind: PeriodKind | None = None) -> ScheduledPeriod | None:
        return next(
            (p for p in self.periods if p.code == code and (kind is None or p.kind is kind)),
            None,
        )

    def of_kind(self, kind: PeriodKind) -> tuple[ScheduledPeriod, ...]:
        return tuple(p for p in self.periods if p.kind is kind)

    def current(self, day: date) -> tuple[ScheduledPeriod, ...]:
        """For each report owed, the first period whose last send-by day has not passed on `day`:
        what the office is collecting, or will collect next."""
        found = []
        for kind in self.regime.kinds(owed_only=True):
            waiting = [p for p in self.of_kind(kind) if p.owed and p.last_send >= day]
            if waiting:
                found.append(waiting[0])
        return tuple(sorted(found, key=lambda p: (p.cutoff, KIND_ORDER.index(p.kind))))


def calendar_periods(kind: PeriodKind, first: date, last: date) -> list[ReportPeriod]:
    """The calendar periods of `kind` whose months lie wholly inside `first`..`last`."""
    return [
        period
        for year in range(first.year, last.year + 1)
        for suffix in _CODES[kind]
        if first <= (period := report_period(f"{year}{suffix}")).start and period.end <= last
    ]


def _context(period: ReportPeriod, window: tuple[date, date] | None = None) -> PeriodContext:
    """The reporting period as the deadline grammar reads phrases in it: its calendar months (2021-Q2),
    and the data window when it is known (default: the calendar period)."""
    start, end = window or (period.start, period.end)
    return period_context(period.code, start, end)


def read_window(
    report: RegimeReport, period: ReportPeriod, calendar: WorkingDays
) -> tuple[date, date] | None:
    """The data window (first day, cut-off) `report`'s phrase gives `period`; None when the phrase
    names the report of other periods only. Raises ProblemError, placed at the phrase."""
    where = (*report.path, "window")
    try:
        read = read_for_period(report.window or "", _context(period), calendar=calendar)
    except ProblemError as exc:
        if exc.problem.variant == "no-clause-for-period":
            return None
        raise ProblemError(exc.problem.at(REPORTING, where)) from None
    cutoff = read.due or read.window_end
    if cutoff is None or read.start is None:
        raise ProblemError(
            problem("reporting-window", "no-cutoff", phrase=report.window or "", period=period.code).at(
                REPORTING, where
            )
        )
    if cutoff < period.start:
        raise ProblemError(
            problem(
                "reporting-window", "before", phrase=report.window or "", period=period.code, cutoff=cutoff
            ).at(REPORTING, where)
        )
    return read.start, cutoff


def governing(
    regime: Regime, kind: PeriodKind, period: ReportPeriod, calendar: WorkingDays
) -> tuple[Rule, RegimeReport, tuple[date, date]] | None:
    """The rule that governs `period`'s report of `kind` (the module's rule), its report and data
    window; None when there is none (no rule in force yet, the rule has no such report, or its words
    name another period). Raises ProblemError for a phrase that cannot be read."""
    for rule in reversed(regime.rules):
        report = rule.report(kind)
        window = read_window(report, period, calendar) if report is not None else None
        cutoff = window[1] if window is not None else period.end
        if rule.start is None or rule.start <= cutoff:
            return (rule, report, window) if report is not None and window is not None else None
    return None


def send_by(flow: Flow, period: ReportPeriod, window: tuple[date, date], calendar: WorkingDays) -> Send:
    """A flow's send-by date in one period (its phrase read with the period's data window). Raises
    ProblemError, placed at the phrase."""
    where = (*flow.path, "send", "text")
    try:
        read = read_for_period(flow.send, _context(period, window), calendar=calendar)
    except ProblemError as exc:
        raise ProblemError(exc.problem.at(REPORTING, where)) from None
    if read.due is None or read.effective_due is None:
        raise ProblemError(problem("reporting-send", "no-date", phrase=flow.send).at(REPORTING, where))
    if read.due < window[1]:
        raise ProblemError(
            problem(
                "reporting-send",
                "before-cutoff",
                phrase=flow.send,
                period=period.code,
                due=read.due,
                cutoff=window[1],
            ).at(REPORTING, where)
        )
    return Send(flow=flow, due=read.due, effective_due=read.effective_due)


def schedule(
    regime: Regime, first: date, last: date, calendar: WorkingDays
) -> tuple[Schedule, list[Problem]]:
    """The regime's periods inside `first`..`last` with their windows and send-by dates, and the
    problems its phrases have (each once, at its place in reporting.yaml). NĐ 09/2019 Điều 8 khoản 5
    điểm b: at least one working day from the cut-off to the send-by date (a warning below it)."""
    found: dict[tuple[str, Path], Problem] = {}
    periods: list[ScheduledPeriod] = []
    for kind in regime.kinds():
        for period in calendar_periods(kind, first, last):
            try:
                ruled = governing(regime, kind, period, calendar)
            except ProblemError as exc:
                found.setdefault((exc.problem.code, exc.problem.path), exc.problem)
                continue
            if ruled is None:
                continue
            rule, report, window = ruled
            sends = []
            for flow in rule.flows:
                try:
                    send = send_by(flow, period, window, calendar)
                except ProblemError as exc:
                    found.setdefault((exc.problem.code, exc.problem.path), exc.problem)
                    continue
                sends.append(send)
                floor = calendar.add_working_days(window[1], 1)
                if send.effective_due < floor:
                    short = warning(
                        "reporting-send", "floor", phrase=flow.send, period=period.code, due=send.due
                    )
                    found.setdefault(
                        (short.code, flow.path), short.at(REPORTING, (*flow.path, "send", "text"))
                    )
            periods.append(
                ScheduledPeriod(
                    code=period.code,
                    kind=kind,
                    year=period.year,
                    number=period.number,
                    start=period.start,
                    end=period.end,
                    window_start=window[0],
                    cutoff=window[1],
                    rule=rule,
                    report=report,
                    sends=tuple(sends),
                )
            )
    for overlap in _overlaps(periods):
        found.setdefault((overlap.code, overlap.path), overlap)
    periods.sort(key=lambda p: (p.cutoff, KIND_ORDER.index(p.kind), p.code))
    return Schedule(regime=regime, periods=tuple(periods)), list(found.values())


def _overlaps(periods: list[ScheduledPeriod]) -> list[Problem]:
    """A warning where one report's data window starts before the previous period's of the same kind
    and rule ends: "từ ngày 31 của tháng trước" clamps to 30/06 for Q3, the day Q2's window ends on,
    so that day's data would count in both reports."""
    found = []
    for kind in KIND_ORDER:
        ordered = sorted((p for p in periods if p.kind is kind), key=lambda p: p.start)
        for before, after in pairwise(ordered):
            if after.rule is before.rule and after.window_start <= before.cutoff:
                report = after.report
                found.append(
                    warning(
                        "reporting-window",
                        "overlap",
                        phrase=report.window or "",
                        period=before.code,
                        next=after.code,
                        start=after.window_start,
                        cutoff=before.cutoff,
                    ).at(REPORTING, (*report.path, "window"))
                )
    return found


def flow_for(rule: Rule, names: tuple[str, ...], registry: Registry) -> Flow | None:
    """The flow a reporter sends by (`names`: a unit, or the units or groups an item names as a
    whole): a flow that names one of them wins over a flow whose groups include it; otherwise the
    first in the file."""
    for name in names:
        for flow in rule.flows:
            if name in flow.by:
                return flow
    for name in names:
        for flow in rule.flows:
            if any(name in registry.expand(ref) for ref in flow.by):
                return flow
    return None
