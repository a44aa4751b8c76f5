"""What the weekly brief and the status report say, as values: templates only lay them out."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from tthc_cli.domain.plan import AppendixInfo, Entry, Plan, PlanItem, PlanMeta
from tthc_cli.domain.queries import items_open_between, unit_rows
from tthc_cli.domain.status import ItemStatus, Status
from tthc_cli.present.labels import item_label, item_title, status_label

STATUS_ORDER = [
    Status.OVERDUE,
    Status.DUE_SOON,
    Status.IN_PROGRESS,
    Status.NOT_DUE,
    Status.ONGOING,
    Status.NO_DUE,
    Status.DONE_LATE,
    Status.DONE_ON_TIME,
]


@dataclass(frozen=True)
class Cutoff:
    """The next periodic-report data cut-off (Nghị định 09/2019 pattern: the 14th of the period's
    last month; a quarter's data runs from the 15th of the month before it)."""

    day: date
    quarter: int
    period_start: date


def next_cutoff(as_of: date) -> Cutoff:
    for year in (as_of.year, as_of.year + 1):
        for q in (1, 2, 3, 4):
            day = date(year, 3 * q, 14)
            if day >= as_of:
                start_month = 3 * q - 3
                start = date(year, start_month, 15) if start_month else date(year - 1, 12, 15)
                return Cutoff(day, q, start)
    raise AssertionError("unreachable")  # pragma: no cover


@dataclass
class LeadCount:
    name: str
    counts: Counter[Status] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


ATTENTION = (Status.OVERDUE, Status.DUE_SOON)


def units_needing_attention(ds: Plan, sts: dict[str, ItemStatus]) -> tuple[list[LeadCount], list[LeadCount]]:
    """For the brief: registered units with a lead item overdue or due soon — directly or through a
    definite group ("UBND cấp huyện" counts for each district) — most overdue first; and, apart, the
    open-ended groups ("các cơ quan … có liên quan") leading such items, which name no unit to chase."""
    units = []
    for name in ds.registry.units:
        count = LeadCount(name)
        for row in unit_rows(ds, name):
            if row.definite and row.role == "lead":
                count.counts[sts[row.item.id].status] += 1
        if any(count.counts[s] for s in ATTENTION):
            units.append(count)
    groups: dict[str, LeadCount] = {}
    for item in ds.items:
        for lead in item.lead:
            if ds.registry.is_open(lead):
                groups.setdefault(lead, LeadCount(lead)).counts[sts[item.id].status] += 1
    open_groups = [g for g in groups.values() if any(g.counts[s] for s in ATTENTION)]

    def order(lc: LeadCount) -> tuple[int, int, str]:
        return (-lc.counts[Status.OVERDUE], -lc.counts[Status.DUE_SOON], lc.name)

    return sorted(units, key=order), sorted(open_groups, key=order)


def counts_by_lead(items: list[PlanItem], sts: dict[str, ItemStatus]) -> list[LeadCount]:
    """Per lead as the plan names it (a unit or a group), how many items stand in each status."""
    table: dict[str, LeadCount] = {}
    for item in items:
        for lead in item.lead:
            table.setdefault(lead, LeadCount(lead)).counts[sts[item.id].status] += 1
    return sorted(table.values(), key=lambda lc: (-lc.counts[Status.OVERDUE], -lc.total, lc.name))


@dataclass(frozen=True)
class AppendixSection:
    """One appendix of the plan with each row's status, in document order."""

    info: AppendixInfo
    rows: list[ItemStatus]

    @property
    def done(self) -> int:
        return sum(1 for s in self.rows if s.done)

    @property
    def inspected(self) -> bool:
        """Rows whose units are inspected (Phụ lục II) rather than doing the row's work."""
        return self.info.unit_role == "inspected"

    @property
    def attention(self) -> list[ItemStatus]:
        """Rows overdue or due soon: the only rows the brief lists."""
        return [s for s in self.rows if s.status in ATTENTION]


def appendix_sections(ds: Plan, ordered: list[ItemStatus]) -> list[AppendixSection]:
    return [
        AppendixSection(
            info, [s for s in ordered if s.item.appendix == info.name and s.item.parent is not None]
        )
        for info in ds.meta.appendices
    ]


def _rows_of(sections: list[AppendixSection], name: str) -> list[ItemStatus]:
    """The rows of the appendix called `name` (templates written for the 2021 plan ask for
    'review' and 'inspection')."""
    return next((a.rows for a in sections if a.info.name == name), [])


def has_own_dates(item: PlanItem) -> bool:
    """Tasks and rows that their own unit carries out (Phụ lục I) have dates of their own to track;
    inspections run in their item's window and duties rarely carry a date."""
    return item.kind == "task" or item.unit_role == "lead"


@dataclass(frozen=True)
class SplitSection:
    """An item owed by each unit (or in each period) separately, with where its obligations stand."""

    status: ItemStatus
    parts: list[ItemStatus]

    @property
    def done(self) -> int:
        return sum(1 for s in self.parts if s.done)

    @property
    def late(self) -> list[ItemStatus]:
        return [s for s in self.parts if s.status is Status.OVERDUE]

    @property
    def missing(self) -> list[ItemStatus]:
        return [s for s in self.parts if not s.done]

    @property
    def by_unit(self) -> bool:
        return any(s.item.unit for s in self.parts)


def split_sections(ds: Plan, sts: dict[str, ItemStatus]) -> list[SplitSection]:
    return [
        SplitSection(sts[item.id], [sts[k.id] for k in ds.children(item.id)])
        for item in ds.items
        if item.split
    ]


@dataclass(frozen=True)
class Brief:
    as_of: date
    week_start: date
    week_end: date
    overdue: list[ItemStatus]
    due_this_week: list[ItemStatus]
    due_next: list[ItemStatus]  # the two weeks after this one
    completed: list[tuple[ItemStatus, Entry]]
    leads: list[LeadCount]
    cutoff: Cutoff
    appendices: list[AppendixSection]
    plan: PlanMeta
    splits: list[SplitSection]
    units: list[LeadCount] = field(default_factory=list)  # only units with something overdue or due soon
    open_groups: list[LeadCount] = field(default_factory=list)  # open-ended groups leading such items

    @property
    def reviews(self) -> list[ItemStatus]:
        return _rows_of(self.appendices, "review")

    @property
    def inspections(self) -> list[ItemStatus]:
        return _rows_of(self.appendices, "inspection")


def week_bounds(day: date) -> tuple[date, date]:
    start = day - timedelta(days=day.weekday())
    return start, start + timedelta(days=6)


def build_brief(ds: Plan, sts: dict[str, ItemStatus], as_of: date, week_of: date) -> Brief:
    start, end = week_bounds(week_of)
    # An item split into obligations is followed through them (the units late, the month due).
    ordered = [sts[i.id] for i in ds.items if not i.split]

    def due_between(first: date, last: date) -> list[ItemStatus]:
        pool = [s.item for s in ordered]
        done = lambda item, _today: sts[item.id].done  # noqa: E731 - the statuses already decided
        return [sts[i.id] for i in items_open_between(ds, first, last, done, today=as_of, pool=pool)]

    overdue = sorted((s for s in ordered if s.status is Status.OVERDUE), key=lambda s: -(s.days_late or 0))
    # Each item once, with the entry that completed it (a repeated "done" is not a second completion).
    completing = {
        e.id: (sts[e.id], e)
        for e in reversed(ds.progress)
        if e.status == "done" and sts[e.id].done and e.date == sts[e.id].done_on
    }
    completed = [(st, e) for st, e in completing.values() if start <= e.date <= min(end, as_of)]
    completed.sort(key=lambda pair: (pair[1].date, pair[0].item.id))
    dated = [s.item for s in ordered if has_own_dates(s.item)]
    units, open_groups = units_needing_attention(ds, sts)
    return Brief(
        as_of,
        start,
        end,
        overdue,
        due_between(max(start, as_of), end),
        due_between(max(end + timedelta(days=1), as_of), end + timedelta(days=14)),
        completed,
        counts_by_lead(dated, sts),
        next_cutoff(as_of),
        appendix_sections(ds, ordered),
        ds.meta,
        split_sections(ds, sts),
        units,
        open_groups,
    )


@dataclass
class UnitSummary:
    name: str
    lead: int = 0
    lead_done: int = 0
    lead_on_time: int = 0
    lead_judged: int = 0  # lead items done, or past their effective due date
    lead_overdue: int = 0
    support: int = 0
    support_done: int = 0
    inspected: int = 0

    @property
    def on_time_rate(self) -> float | None:
        """Of the lead items that can be judged (done, or past due), the share done on time."""
        return self.lead_on_time / self.lead_judged if self.lead_judged else None


def summarise_units(ds: Plan, sts: dict[str, ItemStatus]) -> list[UnitSummary]:
    out = []
    for name in ds.registry.units:
        summary = UnitSummary(name)
        for row in unit_rows(ds, name):
            if not row.definite:
                continue
            st = sts[row.item.id]
            if row.role == "lead":
                summary.lead += 1
                summary.lead_done += st.done
                summary.lead_on_time += st.status is Status.DONE_ON_TIME and st.item.deadline.due is not None
                summary.lead_overdue += st.status is Status.OVERDUE
                summary.lead_judged += st.item.deadline.due is not None and (
                    st.done or st.status is Status.OVERDUE
                )
            elif row.role == "support":
                summary.support += 1
                summary.support_done += st.done
            else:
                summary.inspected += 1
        out.append(summary)
    return out


@dataclass(frozen=True)
class TimelineRow:
    id: str
    label: str
    status: Status
    status_label: str
    start: float  # fraction of the plan year, 0..1
    end: float
    milestone: bool  # a due date without a real start: drawn as a point
    ongoing: bool
    tag: str = ""  # how officials name it (labels.item_label): drawn beside the bar


@dataclass(frozen=True)
class Timeline:
    """The plan period drawn left to right: `months` are (fraction, month number) of each month's
    first day inside it; `label` names the period ("2021", or "15/12/2022 – 31/12/2023")."""

    label: str
    today: float | None  # fraction of the period, None when outside it
    months: list[tuple[float, int]]
    rows: list[TimelineRow]

    @property
    def year(self) -> str:  # the name templates written for the 2021 plan use
        return self.label


def period_label(meta: PlanMeta) -> str:
    first, last = meta.period_start, meta.period_end
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
        return str(first.year) if first.year == last.year else f"{first.year}–{last.year}"
    return f"{first:%d/%m/%Y} – {last:%d/%m/%Y}"


def build_timeline(ds: Plan, sts: dict[str, ItemStatus], as_of: date) -> Timeline:
    first, last = ds.meta.period_start, ds.meta.period_end
    span = (last - first).days + 1

    def frac(day: date) -> float:
        return min(max((day - first).days / span, 0.0), 1.0)

    rows = []
    for item in ds.items:
        if not has_own_dates(item) or ds.is_obligation(item):
            continue  # inspections are drawn through their item (task 6), duties have no dates
        d = item.deadline
        st = sts[item.id]
        ongoing = d.due is None
        start = d.start or first
        end = d.due or d.window_end or last
        milestone = not ongoing and d.kind.value in ("by_date", "before_month")
        rows.append(
            TimelineRow(
                item.id,
                item_title(item),
                st.status,
                status_label(st.status),
                frac(start),
                frac(end + timedelta(days=1)),
                milestone,
                ongoing,
                item_label(item, ds.meta, unit=False),
            )
        )
    today = frac(as_of) if first <= as_of <= last else None
    months = []
    month = date(first.year, first.month, 1)
    while month <= last:
        if month >= first:
            months.append((frac(month), month.month))
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return Timeline(period_label(ds.meta), today, months, rows)


@dataclass(frozen=True)
class Report:
    as_of: date
    counts: list[tuple[Status, int]]
    units: list[UnitSummary]
    overdue: list[ItemStatus]
    tasks: list[ItemStatus]
    duties: list[ItemStatus]
    appendices: list[AppendixSection]
    ongoing: list[ItemStatus]
    timeline: Timeline
    plan: PlanMeta
    splits: list[SplitSection]

    @property
    def reviews(self) -> list[ItemStatus]:
        return _rows_of(self.appendices, "review")

    @property
    def inspections(self) -> list[ItemStatus]:
        return _rows_of(self.appendices, "inspection")


def build_report(ds: Plan, sts: dict[str, ItemStatus], as_of: date) -> Report:
    ordered = [sts[i.id] for i in ds.items]
    # What is owed: every item, an item split into obligations counted through them (each unit's
    # plan under IV.2), never twice.
    owed = [s for s in ordered if not s.item.split]
    documented = [s for s in ordered if not ds.is_obligation(s.item)]
    tally = Counter(s.status for s in owed)
    return Report(
        as_of=as_of,
        counts=[(status, tally[status]) for status in STATUS_ORDER],
        units=summarise_units(ds, sts),
        overdue=sorted((s for s in owed if s.status is Status.OVERDUE), key=lambda s: -(s.days_late or 0)),
        tasks=[s for s in documented if s.item.kind == "task"],
        duties=[s for s in documented if s.item.kind == "duty"],
        appendices=appendix_sections(ds, ordered),
        ongoing=[s for s in documented if s.status is Status.ONGOING and s.item.kind == "task"],
        timeline=build_timeline(ds, sts, as_of),
        plan=ds.meta,
        splits=split_sections(ds, sts),
    )
