"""The periodic report the office signs (`tthc report --period 2021-Q2`), as one value the templates
lay out — Markdown, HTML and the Word document (.docx, Nghị định 30/2020/NĐ-CP Phụ lục I). In the
genre's order: what the plan ordered and what was done in the period, item by item with its evidence;
which units reported on time, late or not at all; what is late and who owes it; the one-stop system's
numbers (Biểu số 06, imported, never computed); then the headings the writer fills in.

Who owed a report for the period comes from the reporting regime (reporting.yaml): the units' report
obligations of the period (`owed_reports`, the one place that asks), and the period's data window
(`regime_period`): 2021-Q2 covers 15/03–14/06/2021 under Nghị định 09/2019/NĐ-CP Điều 12, not the
calendar quarter. Without a regime the period is the calendar's, and the report says there is none.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from tthc_cli.domain.accountability import obligations_owed
from tthc_cli.domain.counts import NUMBER_COLUMNS, CountsRow, CountsTable, Level
from tthc_cli.domain.plan import Entry, ItemKind, Plan, PlanItem, PlanMeta
from tthc_cli.domain.problems import Problem, problem
from tthc_cli.domain.report_periods import PeriodKind, ReportPeriod
from tthc_cli.domain.status import ItemStatus, Status, statuses
from tthc_cli.domain.units import fold
from tthc_cli.i18n import N_, _

Statuses = Mapping[str, ItemStatus]


class ReportState(StrEnum):
    """Where a unit's report for the period stands on the day the report is drafted."""

    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"  # not received, and its send-by day has passed
    NOT_YET_DUE = "not_yet_due"  # not received, still in time


REPORT_STATE_WORDS = {
    ReportState.ON_TIME: N_("Reported on time"),
    ReportState.LATE: N_("Reported late"),
    ReportState.MISSING: N_("Not reported"),
    ReportState.NOT_YET_DUE: N_("Not yet reported (still in time)"),
}


def report_state_label(state: str) -> str:
    return _(REPORT_STATE_WORDS[ReportState(state)])


@dataclass(frozen=True, slots=True)
class UnitReport:
    """One unit's report for the period — an obligation of the reporting regime — and its status on
    the day of drafting."""

    unit: str
    status: ItemStatus

    @property
    def state(self) -> ReportState:
        if self.status.status in (Status.DONE_ON_TIME, Status.DONE):
            return ReportState.ON_TIME
        if self.status.status is Status.DONE_LATE:
            return ReportState.LATE
        if self.status.status is Status.OVERDUE:
            return ReportState.MISSING
        return ReportState.NOT_YET_DUE

    @property
    def evidence(self) -> str | None:
        last = self.status.last
        return last.evidence if last is not None else None


@dataclass(frozen=True, slots=True)
class WorkLine:
    """An obligation the period concerns — due in it, worked on in it, or ongoing through it — with
    the progress entries dated in the period (what was done, and the documents that show it)."""

    status: ItemStatus
    entries: tuple[Entry, ...]

    @property
    def item(self) -> PlanItem:
        return self.status.item

    @property
    def owner(self) -> str:
        """Who does it: the unit of a share or a row, else the lead as the item names it."""
        return self.item.unit or "; ".join(self.item.lead)

    @property
    def evidence(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e.evidence for e in self.entries if e.evidence))

    @property
    def notes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e.note for e in self.entries if e.note))


@dataclass(frozen=True, slots=True, kw_only=True)
class Letterhead:
    """The issuing body and the document's symbol, read from the plan's data, never invented: `body`
    in capitals, line by line ("ỦY BAN NHÂN DÂN", "TỈNH HẢI DƯƠNG"; empty when the data names no
    issuer), `collective` the body without its place for the signature's "TM." line, `symbol` the
    issuer's part of the ký hiệu ("UBND" of "QĐ-UBND"), `place` the địa danh."""

    body: tuple[str, ...] = ()
    collective: str | None = None
    symbol: str | None = None
    place: str | None = None


# A leading office title in `issuer` ("Chủ tịch Ủy ban nhân dân tỉnh Hải Dương" signs for the
# committee): the body is what follows it.
_TITLES = ("chu tich ", "pho chu tich ", "giam doc ", "chanh van phong ", "truong ban ")
# Where an issuing body's name breaks into its second line: before the locality it governs.
_PLACE_WORDS = ("tinh", "thanh pho", "huyen", "quan", "thi xa", "xa", "phuong", "thi tran")
_SYMBOL = re.compile(r"/\s*[^\s/-]+-([^\s/]+)")


def letterhead(meta: PlanMeta) -> Letterhead:
    issuer = " ".join((meta.issuer or "").split())
    body = issuer
    folded = fold(issuer)
    for title in _TITLES:
        if folded.startswith(title) and len(folded) > len(title):
            body = issuer[len(title) :].strip()
            break
    lines: tuple[str, ...] = ()
    collective = None
    if body:
        words = body.split(" ")
        cut = next(
            (
                i
                for i in range(1, len(words))
                for place in _PLACE_WORDS
                if fold(" ".join(words[i : i + len(place.split(" "))])) == place
            ),
            None,
        )
        upper = body.upper()
        if cut is None:
            lines = (upper,)
        else:
            head, tail = " ".join(words[:cut]).upper(), " ".join(words[cut:]).upper()
            lines, collective = (head, tail), head
    m = _SYMBOL.search(meta.number_text or "")
    return Letterhead(
        body=lines, collective=collective, symbol=m[1] if m else None, place=meta.province or None
    )


_ROMAN = ("I", "II", "III", "IV")


def period_title(period: ReportPeriod) -> str:
    """The period as a report's trích yếu says it: "quý II năm 2021", "6 tháng đầu năm 2021",
    "9 tháng đầu năm 2021", "tháng 9 năm 2021", "năm 2021"."""
    year = period.year
    if period.kind is PeriodKind.QUARTER:
        return _("quarter {quarter} of {year}").format(quarter=_ROMAN[period.number - 1], year=year)
    if period.kind is PeriodKind.HALF_YEAR:
        return (_("first half of {year}") if period.number == 1 else _("second half of {year}")).format(
            year=year
        )
    if period.kind is PeriodKind.NINE_MONTHS:
        return _("the first nine months of {year}").format(year=year)
    if period.kind is PeriodKind.MONTH:
        return _("month {month} of {year}").format(month=period.number, year=year)
    return _("year {year}").format(year=year)


LEVEL_WORDS = {
    Level.PROVINCE: N_("Provincial departments and agencies"),
    Level.DISTRICT: N_("District level"),
    Level.COMMUNE: N_("Commune level"),
}


@dataclass(frozen=True, slots=True)
class CountsLine:
    """One row of the form as the report shows it: what it is about, in words, and its numbers in
    the form's column order."""

    label: str
    values: tuple[int, ...]
    line: int


def counts_lines(table: CountsTable) -> tuple[CountsLine, ...]:
    def label(row: CountsRow) -> str:
        # A unit says its level itself; a level stands for its units where no unit is named.
        head = row.unit or (_(LEVEL_WORDS[row.level]) if row.level else "")
        return " – ".join(p for p in (head, row.field or "") if p)

    return tuple(CountsLine(label(r), r.values, r.line) for r in table.rows)


COUNTS_HEADINGS = {
    # The headings of Biểu số 06/VPCP/KSTT as the one-stop front-ends render it (II.06a words some
    # differently: "Kỳ trước", pending "Đúng hạn"); the form itself was not read.
    "tiep_nhan_tong": N_("Received: total"),
    "tiep_nhan_truc_tuyen": N_("of which online"),
    "tiep_nhan_truc_tiep": N_("in person, by post"),
    "tiep_nhan_ky_truoc": N_("carried over"),
    "da_giai_quyet_tong": N_("Solved: total"),
    "da_giai_quyet_truoc_han": N_("early"),
    "da_giai_quyet_dung_han": N_("on time"),
    "da_giai_quyet_qua_han": N_("late"),
    "dang_giai_quyet_tong": N_("Pending: total"),
    "dang_giai_quyet_trong_han": N_("in time"),
    "dang_giai_quyet_qua_han": N_("overdue"),
}


def counts_heading(column: str) -> str:
    return _(COUNTS_HEADINGS[column])


NO_COUNTS_HINT = N_(
    "Part I, section 4 of the report has no dossier figures: add --counts FILE.csv (Form 06/VPCP/KSTT)."
)
NO_REGIME_HINT = N_(
    "The plan has no reporting regime: add reporting.yaml beside plan.yaml to follow up the units' reports."
)


@dataclass(frozen=True, slots=True, kw_only=True)
class PeriodicReport:
    """Everything the periodic report says. `as_of`: the day statuses are judged on (the window's
    last day, or the day of drafting when that comes first); `today`: the day of drafting, on which
    the units' reports are judged (they are sent after the window closes); the document states both.
    `reports` is None when the plan has no reporting regime; `counts` None when no numbers were
    imported."""

    plan: PlanMeta
    period: ReportPeriod
    today: date
    as_of: date
    letterhead: Letterhead
    work: tuple[WorkLine, ...]
    late: tuple[ItemStatus, ...]
    reports: tuple[UnitReport, ...] | None = None
    counts: CountsTable | None = None
    recipients: tuple[str, ...] = ()

    @property
    def period_words(self) -> str:
        return period_title(self.period)

    @property
    def summary(self) -> str:
        """The trích yếu: what the report is about."""
        return _("Results of carrying out the {plan} in {period}").format(
            plan=" ".join(self.plan.title.split()), period=self.period_words
        )

    @property
    def counts_lines(self) -> tuple[CountsLine, ...]:
        return counts_lines(self.counts) if self.counts else ()

    @property
    def counts_file(self) -> str:
        """The counts file's name without its folder (a machine path is not for the reader)."""
        return re.split(r"[\\/]", self.counts.source)[-1] if self.counts else ""

    @property
    def counts_columns(self) -> tuple[str, ...]:
        return NUMBER_COLUMNS

    def reports_in(self, state: str) -> tuple[UnitReport, ...]:
        return tuple(r for r in self.reports or () if r.state == state)

    @property
    def hints(self) -> tuple[str, ...]:
        """What the drafter can add, for stderr: the document itself, to be signed, holds a neutral
        placeholder and never a command or a file name."""
        found = []
        if self.counts is None:
            found.append(_(NO_COUNTS_HINT))
        if self.reports is None:
            found.append(_(NO_REGIME_HINT))
        return tuple(found)


def unit_reports(plan: Plan, code: str) -> tuple[PlanItem, ...]:
    """The units' reports for the period `code` (2021-Q2): the obligations of that period, one per
    unit, of the items whose words ask for reports (IV.2's `duty:IV.2/so-y-te/2021-Q2`), in plan order.
    Reports an item's reporters owe as a whole (3.2's and IV.5's, the Office's own) are not a unit's."""
    return tuple(
        item
        for item in plan.items
        if item.period == code
        and item.unit is not None
        and item.parent is not None
        and plan.by_id[item.parent].reports is not None
    )


def owed_reports(plan: Plan, period: ReportPeriod) -> tuple[PlanItem, ...] | None:
    """The units' reports owed for `period` (`unit_reports`). None when the plan has no reporting
    regime and no such obligation: the report then says so instead of listing no one; with a regime,
    the units that owe a report for the period, possibly none."""
    found = unit_reports(plan, period.code)
    return found if found or plan.meta.reporting is not None else None


def outside_plan(plan: Plan, period: ReportPeriod) -> Problem | None:
    """The refusal of a period that lies wholly outside the plan period (a 2022 report of the 2021
    plan); None for a period that overlaps it."""
    meta = plan.meta
    if period.start <= meta.period_end and period.end >= meta.period_start:
        return None
    return problem(
        "report-period", "outside-plan", period=period.code, first=meta.period_start, last=meta.period_end
    )


def regime_period(plan: Plan, period: ReportPeriod) -> ReportPeriod:
    """`period` as the plan's reporting regime cuts its data (2021-Q2: 15/03–14/06/2021, with the
    rule it comes from as `basis`); the calendar period when the plan has no regime or the regime no
    report for it."""
    found = plan.meta.reporting.period(period.code, period.kind) if plan.meta.reporting else None
    return found.report_period() if found is not None else period


def _concerns(item: PlanItem, st: ItemStatus, period: ReportPeriod, worked: bool) -> bool:
    """An obligation the period's report speaks of: due in the period, worked on in it, or ongoing
    through it ("Thường xuyên": what was done is told every period)."""
    deadline = item.deadline
    due_in = any(
        d is not None and period.start <= d <= period.end for d in (deadline.due, deadline.effective_due)
    )
    if due_in or worked:
        return True
    if st.status is Status.ONGOING and item.kind is ItemKind.TASK:
        first = deadline.start or period.start
        last = deadline.window_end or period.end
        return first <= period.end and last >= period.start
    return False


def build_periodic_report(
    plan: Plan,
    period: ReportPeriod,
    today: date,
    warn_days: int,
    *,
    reports: Sequence[PlanItem] | None = None,
    counts: CountsTable | None = None,
    recipients: Sequence[str] = (),
) -> PeriodicReport:
    """The report for `period`, drafted on `today`. `reports`: the units' report obligations for the
    period (`owed_reports`, or the regime's), None without a regime."""
    as_of = min(today, period.end)
    sts = statuses(plan, as_of, warn_days)
    in_period: dict[str, list[Entry]] = defaultdict(list)
    for entry in plan.progress:
        if period.start <= entry.date <= as_of:
            in_period[entry.id].append(entry)
    work = []
    late = []
    for item in obligations_owed(plan):
        if item.standing:
            continue  # nothing to deliver: never reported as done or late
        st = sts[item.id]
        entries = tuple(sorted(in_period.get(item.id, ()), key=lambda e: e.date))
        if _concerns(item, st, period, bool(entries)):
            work.append(WorkLine(st, entries))
        if st.status is Status.OVERDUE:
            late.append(st)
    late.sort(key=lambda s: (-(s.days_late or 0), plan.order[s.item.id]))
    unit_reports = None
    if reports is not None:
        on_today = statuses(plan, today, warn_days)
        unit_reports = tuple(UnitReport(r.unit or "; ".join(r.lead), on_today[r.id]) for r in reports)
    return PeriodicReport(
        plan=plan.meta,
        period=period,
        today=today,
        as_of=as_of,
        letterhead=letterhead(plan.meta),
        work=tuple(work),
        late=tuple(late),
        reports=unit_reports,
        counts=counts,
        recipients=tuple(recipients),
    )
