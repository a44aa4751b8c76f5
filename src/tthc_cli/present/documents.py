"""What the documents for officials say — the weekly brief and the status report — as values: the
templates only lay them out. Every figure comes from the accountability model
(domain/accountability.py): obligations, not roll-ups; a unit's own work, not its groups'."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import ClassVar

from tthc_cli.domain.accountability import (
    Assignment,
    UnitFigures,
    all_assignments,
    is_rollup,
    obligations_owed,
    unit_figures,
)
from tthc_cli.domain.plan import (
    AppendixInfo,
    Entry,
    EntryStatus,
    ItemKind,
    Plan,
    PlanItem,
    PlanMeta,
    Role,
    Split,
)
from tthc_cli.domain.queries import items_open_between
from tthc_cli.domain.reporting import Rule, ScheduledPeriod
from tthc_cli.domain.status import ItemStatus, Status
from tthc_cli.i18n import _, ngettext
from tthc_cli.present.labels import dmy, fact_label, item_label, item_title, period_words, status_label
from tthc_cli.present.periodic import unit_reports

Statuses = Mapping[str, ItemStatus]

STATUS_ORDER = [
    Status.OVERDUE,
    Status.DUE_SOON,
    Status.IN_PROGRESS,
    Status.NOT_DUE,
    Status.ONGOING,
    Status.NO_DUE,
    Status.STANDING,
    Status.DONE_LATE,
    Status.DONE_ON_TIME,
    Status.DONE,
]
ATTENTION = (Status.OVERDUE, Status.DUE_SOON)


@dataclass(frozen=True)
class ReportingLine:
    """A periodic report the office is collecting, or will collect next: its period (data window,
    cut-off, each flow's send-by date, under the rule that governs it) and how many of the units'
    reports for it have come in."""

    period: ScheduledPeriod
    received: int
    owed: int


@dataclass(frozen=True)
class ReportingSection:
    """The brief's periodic reporting, from the plan's regime (reporting.yaml) only."""

    title: str
    lines: list[ReportingLine]

    @property
    def rules(self) -> list[Rule]:
        """The rules the lines fall under, in the order they take effect."""
        return list(dict.fromkeys(line.period.rule for line in self.lines))


def reporting_section(plan: Plan, sts: Statuses, as_of: date) -> ReportingSection | None:
    """For each report someone owes, the first period whose send-by days have not all passed on
    `as_of`; None when the plan has no reporting regime (the brief then says nothing of reporting)."""
    found = plan.meta.reporting
    if found is None:
        return None
    lines = []
    for period in found.current(as_of):
        reports = unit_reports(plan, period.code)
        lines.append(ReportingLine(period, sum(1 for r in reports if sts[r.id].done), len(reports)))
    return ReportingSection(found.regime.title, lines)


@dataclass(frozen=True, slots=True, kw_only=True)
class OwnerCount:
    """An owner in the brief's table of who needs attention. A unit by its own figures
    (accountability.UnitFigures: what it owes itself, the numbers of the report's "By unit" and of
    `tthc unit --format json`); a group by the obligations it leads as a whole. `owed` leaves out
    standing responsibilities, as the figures do: they have nothing to deliver."""

    name: str
    overdue: int
    due_soon: int
    owed: int
    group: bool = False
    definite: bool = True  # False: an open-ended group ("các cơ quan … có liên quan")
    on_time_rate: float | None = None  # a unit's, as its figures give it (a group's work has none)


def _owes_itself(row: Assignment) -> bool:
    """A row counted in its unit's `owed` (accountability._figures' rule): definite, its own, as lead,
    not a standing responsibility."""
    return row.definite and row.own and row.role is Role.LEAD and not row.item.standing


def owners_needing_attention(
    plan: Plan, sts: Statuses, as_of: date
) -> tuple[list[OwnerCount], list[OwnerCount]]:
    """For the brief: the units with an obligation of their own overdue or due soon (their figures),
    and the groups with work they lead as a whole overdue or due soon (open-ended ones name no unit
    to chase); most overdue first."""
    reg = plan.registry
    rows = all_assignments(plan)
    units = []
    for figures in unit_figures(plan, sts, as_of):
        mine = rows.get(figures.unit, [])
        soon = sum(1 for r in mine if _owes_itself(r) and sts[r.item.id].status is Status.DUE_SOON)
        units.append(
            OwnerCount(
                name=figures.unit,
                overdue=figures.overdue,
                due_soon=soon,
                owed=figures.owed,
                on_time_rate=figures.on_time_rate,
            )
        )
    tally: dict[str, Counter[Status]] = {}
    for item in obligations_owed(plan):
        if item.standing:
            continue
        for lead in item.lead:
            if reg.is_group(lead):
                tally.setdefault(lead, Counter())[sts[item.id].status] += 1
    groups = [
        OwnerCount(
            name=name,
            overdue=counts[Status.OVERDUE],
            due_soon=counts[Status.DUE_SOON],
            owed=counts.total(),
            group=True,
            definite=not reg.is_open(name),
        )
        for name, counts in tally.items()
    ]

    def order(o: OwnerCount) -> tuple[int, int, str]:
        return (-o.overdue, -o.due_soon, o.name)

    def needing(found: list[OwnerCount]) -> list[OwnerCount]:
        return sorted((o for o in found if o.overdue or o.due_soon), key=order)

    return needing(units), needing(groups)


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
        return self.info.unit_role is Role.INSPECTED

    @property
    def attention(self) -> list[ItemStatus]:
        """Rows overdue or due soon: the only rows the brief lists."""
        return [s for s in self.rows if s.status in ATTENTION]


def appendix_sections(plan: Plan, sts: Statuses) -> list[AppendixSection]:
    return [
        AppendixSection(
            info, [sts[i.id] for i in plan.items if i.kind is ItemKind.ROW and i.appendix == info.name]
        )
        for info in plan.meta.appendices
    ]


def has_own_dates(item: PlanItem) -> bool:
    """Tasks and rows that their own unit carries out (Phụ lục I) have dates of their own to track;
    inspections run in their item's window and duties rarely carry a date."""
    return item.kind is ItemKind.TASK or item.unit_role is Role.LEAD


class PartKind(StrEnum):
    """What an item's parts are, as its counts name them."""

    ROW = "row"  # a row of an appendix (3.2's rows of Phụ lục I)
    UNIT = "unit"  # a unit's share of an item owed unit by unit
    PERIOD = "period"  # a period's share (3.2's periodic reports)
    SHARE = "share"  # a share of one unit for one period (IV.2)


@dataclass(frozen=True, slots=True)
class PartCount:
    """How many of an item's parts of one kind are done, and how many are overdue."""

    kind: PartKind
    done: int
    total: int
    overdue: int = 0


_SHARE_KIND = {Split.UNIT: PartKind.UNIT, Split.PERIOD: PartKind.PERIOD, Split.UNIT_PERIOD: PartKind.SHARE}


def part_counts(plan: Plan, item: PlanItem, sts: Statuses) -> tuple[PartCount, ...]:
    """An item's parts counted by what they are — its appendix rows apart from its shares (3.2: its
    16 rows of Phụ lục I and its 5 periodic reports), as `tthc new`'s carry-over counts them; empty
    for an item without parts. The one count of an item's parts every document and `show` give."""
    parts = plan.children(item.id)
    rows = [k for k in parts if k.kind is ItemKind.ROW]
    shares = [k for k in parts if k.kind is not ItemKind.ROW]
    found = []
    share = _SHARE_KIND[item.split] if item.split is not None else PartKind.SHARE
    for kind, group in ((PartKind.ROW, rows), (share, shares)):
        if group:
            states = [sts[k.id] for k in group]
            found.append(
                PartCount(
                    kind,
                    sum(1 for st in states if st.done),
                    len(group),
                    sum(1 for st in states if st.status is Status.OVERDUE),
                )
            )
    return tuple(found)


def part_count_words(counts: tuple[PartCount, ...]) -> str:
    """ "1/16 dòng phụ lục đã xong; 0/5 kỳ đã xong (1 quá hạn)": each kind of part says what it
    counts; "" for an item without parts."""
    said = []
    for c in counts:
        if c.kind is PartKind.ROW:
            words = ngettext("{done}/{total} appendix row done", "{done}/{total} appendix rows done", c.total)
        elif c.kind is PartKind.UNIT:
            words = ngettext("{done}/{total} unit done", "{done}/{total} units done", c.total)
        elif c.kind is PartKind.PERIOD:
            words = ngettext("{done}/{total} period done", "{done}/{total} periods done", c.total)
        else:
            words = ngettext("{done}/{total} obligation done", "{done}/{total} obligations done", c.total)
        text = words.format(done=c.done, total=c.total)
        if c.overdue:
            text += " (" + _("{count} overdue").format(count=c.overdue) + ")"
        said.append(text)
    return "; ".join(said)


def part_groups(plan: Plan, item: PlanItem) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """An item's parts named, kind by kind as part_counts counts them, each kind headed by how many
    there are: ("16 dòng phụ lục", ("PL I – 1 (Sở Công Thương)", …)), ("5 kỳ", ("quý I/2021", …))."""
    parts = plan.children(item.id)
    rows = [k for k in parts if k.kind is ItemKind.ROW]
    shares = [k for k in parts if k.kind is not ItemKind.ROW]
    found = []
    if rows:
        head = ngettext("%(count)s appendix row", "%(count)s appendix rows", len(rows))
        names = [
            item_label(k, plan.meta) + (f" ({k.unit})" if k.unit_role is Role.INSPECTED else "") for k in rows
        ]
        found.append((head % {"count": len(rows)}, tuple(names)))
    if shares:
        if item.split is Split.UNIT:
            head = ngettext("%(count)s unit", "%(count)s units", len(shares))
        elif item.split is Split.PERIOD:
            head = ngettext("%(count)s period", "%(count)s periods", len(shares))
        else:
            head = ngettext("%(count)s obligation", "%(count)s obligations", len(shares))
        found.append((head % {"count": len(shares)}, tuple(share_name(k) for k in shares)))
    return tuple(found)


def part_words(plan: Plan, sts: Statuses) -> dict[str, str]:
    """Every item with parts -> its count in words (part_count_words), for a document's templates."""
    return {
        item.id: part_count_words(part_counts(plan, item, sts))
        for item in plan.items
        if plan.children(item.id)
    }


def share_name(item: PlanItem) -> str:
    """One share of an item owed unit by unit or period by period, as a list of shares names it: its
    unit and its period as people say it ("Sở Y tế quý I/2021", "quý I/2021", "Sở Y tế"). The one
    way every document and `tthc show` names a share beside its item (templates: the `share` filter)."""
    return " ".join(x for x in (item.unit, period_words(item.period) if item.period else None) if x)


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


def split_sections(plan: Plan, sts: Statuses) -> list[SplitSection]:
    """Each item split into obligations, with its shares (an appendix's rows are shown with their
    appendix, not here: 3.2's periodic reports are its shares, its Phụ lục I rows are not)."""
    return [
        SplitSection(sts[item.id], [sts[k.id] for k in plan.children(item.id) if plan.is_obligation(k)])
        for item in plan.items
        if item.split and not item.standing  # a standing responsibility has nothing to deliver
    ]


@dataclass(frozen=True)
class Line:
    """A line of the brief's lists: one obligation, or — for an item owed unit by unit or period by
    period — its shares that fall in the same list, on one line naming them. `status` is the
    obligation's, or the item's own roll-up."""

    status: ItemStatus
    parts: tuple[ItemStatus, ...] = ()

    @property
    def obligations(self) -> int:
        return len(self.parts) or 1

    @property
    def days_late(self) -> int:
        return max((s.days_late or 0 for s in (self.parts or (self.status,))), default=0)

    @property
    def due(self) -> ItemStatus:
        """The share due first (the obligation itself when alone): its dates stand for the line."""
        return (
            min(self.parts, key=lambda s: s.item.deadline.effective_due or date.max)
            if self.parts
            else self.status
        )


def lines(plan: Plan, sts: Statuses, rows: list[ItemStatus]) -> list[Line]:
    """`rows` (obligations), the shares of one split item gathered on the line of its first."""
    out: list[Line] = []
    gathered: dict[str, int] = {}
    for st in rows:
        parent = st.item.parent if plan.is_obligation(st.item) else None
        if parent is None:
            out.append(Line(st))
        elif parent in gathered:
            line = out[gathered[parent]]
            out[gathered[parent]] = Line(line.status, (*line.parts, st))
        else:
            gathered[parent] = len(out)
            out.append(Line(sts[parent], (st,)))
    return out


def obligations_in(found: list[Line]) -> int:
    return sum(line.obligations for line in found)


@dataclass(frozen=True)
class Completion:
    """An obligation completed in the week, with the entry that completed it (its evidence and who
    reported it)."""

    status: ItemStatus
    entry: Entry


# The sections of each document in their order: the one list their numbers come from. A template
# heads a section `{{ report.number("overdue") }}.` (an appendix's: `report.number(a)`), so adding a
# section is adding its key here and its block to the templates. "appendices" stands for one section
# per appendix of the plan; an optional section has no number when the document leaves it out.
BRIEF_SECTIONS = (
    "overdue",
    "due_this_week",
    "due_next",
    "completed",
    "units",
    "appendices",
    "splits",
    "reporting",
)
BRIEF_OPTIONAL = frozenset({"splits", "reporting"})
REPORT_SECTIONS = ("counts", "overdue", "tasks", "appendices", "splits", "ongoing", "units", "readings")
REPORT_OPTIONAL = frozenset({"splits", "readings"})


class _Document:
    """What the brief and the report share: how many of an item's parts are done (`counted`), an
    appendix's rows by name (templates written for the 2021 plan ask for `reviews` and
    `inspections`), and each section's number from the one list of the document's sections (the
    same in Markdown and HTML)."""

    SECTIONS: ClassVar[tuple[str, ...]]
    OPTIONAL: ClassVar[frozenset[str]]
    appendices: list[AppendixSection]
    counted: Mapping[str, str]

    def parts(self, status: ItemStatus) -> str:
        """How many of the item's parts are done, saying which parts (part_count_words); "" without."""
        return self.counted.get(status.item.id, "")

    @property
    def reviews(self) -> list[ItemStatus]:
        return _rows_of(self.appendices, "review")

    @property
    def inspections(self) -> list[ItemStatus]:
        return _rows_of(self.appendices, "inspection")

    @property
    def sections(self) -> tuple[str, ...]:
        """The keys of the sections this document has, in order ("appendices" stands for one per
        appendix; an optional section the document leaves out has none)."""
        keys: list[str] = []
        for key in self.SECTIONS:
            if key == "appendices":
                keys += [_appendix_key(a) for a in self.appendices]
            elif key not in self.OPTIONAL or getattr(self, key):
                keys.append(key)
        return tuple(keys)

    def number(self, key: str | AppendixSection) -> int:
        """The number of the section `key`, or of an appendix's section."""
        return _number(self.sections, key)


@dataclass(frozen=True)
class Brief(_Document):
    SECTIONS: ClassVar[tuple[str, ...]] = BRIEF_SECTIONS
    OPTIONAL: ClassVar[frozenset[str]] = BRIEF_OPTIONAL
    as_of: date
    week_start: date
    week_end: date
    overdue: list[Line]
    due_this_week: list[Line]
    due_next: list[Line]  # the two weeks after this one
    completed: list[Completion]
    reporting: ReportingSection | None  # None: the plan has no reporting regime
    appendices: list[AppendixSection]
    plan: PlanMeta
    splits: list[SplitSection]
    units: list[OwnerCount] = field(
        default_factory=list
    )  # units with something of their own overdue or due soon
    groups: list[OwnerCount] = field(
        default_factory=list
    )  # groups with work they lead as a whole overdue or soon
    counted: Mapping[str, str] = field(default_factory=dict)  # an item with parts -> part_count_words


def _appendix_key(section: AppendixSection) -> str:
    return f"appendix:{section.info.name}"


def _number(keys: tuple[str, ...], key: str | AppendixSection) -> int:
    name = _appendix_key(key) if isinstance(key, AppendixSection) else key
    if name not in keys:
        # A template asking for a section the document does not have (an office's own template).
        raise ValueError(
            _("the document has no section '{name}'; its sections: {keys}").format(
                name=name, keys=", ".join(keys)
            )
        )
    return keys.index(name) + 1


def _rows_of(sections: list[AppendixSection], name: str) -> list[ItemStatus]:
    """The rows of the appendix called `name` (templates written for the 2021 plan ask for
    'review' and 'inspection')."""
    return next((a.rows for a in sections if a.info.name == name), [])


def week_bounds(day: date) -> tuple[date, date]:
    start = day - timedelta(days=day.weekday())
    return start, start + timedelta(days=6)


def completions(plan: Plan, sts: Statuses, first: date, last: date) -> list[Completion]:
    """Obligations whose completion (the entry that made them done: a repeated "done" is not a second
    completion) falls in [first, last], in date then document order."""
    completing: dict[str, Completion] = {}
    for entry in plan.progress:
        st = sts.get(entry.id)
        if st is None or is_rollup(plan, st.item) or entry.status != EntryStatus.DONE:
            continue
        if st.done and entry.date == st.done_on and first <= entry.date <= last:
            completing.setdefault(entry.id, Completion(st, entry))
    return sorted(completing.values(), key=lambda c: (c.entry.date, plan.order[c.status.item.id]))


def build_brief(plan: Plan, sts: Statuses, as_of: date, week_of: date) -> Brief:
    start, end = week_bounds(week_of)
    owed = obligations_owed(plan)

    def due_between(first: date, last: date) -> list[ItemStatus]:
        done = lambda item, _today: sts[item.id].done  # noqa: E731 - the statuses already decided
        return [sts[i.id] for i in items_open_between(plan, first, last, done, today=as_of, pool=owed)]

    late = [sts[i.id] for i in owed if sts[i.id].status is Status.OVERDUE]
    overdue = sorted(lines(plan, sts, late), key=lambda line: -line.days_late)
    units, groups = owners_needing_attention(plan, sts, as_of)
    return Brief(
        as_of,
        start,
        end,
        overdue,
        lines(plan, sts, due_between(max(start, as_of), end)),
        lines(plan, sts, due_between(max(end + timedelta(days=1), as_of), end + timedelta(days=14))),
        completions(plan, sts, start, min(end, as_of)),
        reporting_section(plan, sts, as_of),
        appendix_sections(plan, sts),
        plan.meta,
        split_sections(plan, sts),
        units,
        groups,
        part_words(plan, sts),
    )


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
    return f"{dmy(first)} – {dmy(last)}"


def build_timeline(plan: Plan, sts: Statuses, as_of: date) -> Timeline:
    first, last = plan.meta.period_start, plan.meta.period_end
    span = (last - first).days + 1

    def frac(day: date) -> float:
        return min(max((day - first).days / span, 0.0), 1.0)

    rows = []
    for item in plan.items:
        if not has_own_dates(item) or plan.is_obligation(item):
            continue  # inspections are drawn through their item (task 6), duties have no dates
        d = item.deadline
        st = sts[item.id]
        ongoing = d.due is None
        start = d.start or first
        end = d.due or d.window_end or last
        milestone = not ongoing and d.kind.is_milestone
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
                item_label(item, plan.meta, unit=False),
            )
        )
    today = frac(as_of) if first <= as_of <= last else None
    months = []
    month = date(first.year, first.month, 1)
    while month <= last:
        if month >= first:
            months.append((frac(month), month.month))
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return Timeline(period_label(plan.meta), today, months, rows)


@dataclass(frozen=True)
class Reading:
    """A fact the data reads rather than copies, for the report's list of readings: where (as the
    document names it), what, and where it is read from."""

    where: str
    fact: str
    basis: str


def readings(plan: Plan) -> list[Reading]:
    """Every inference the data marks, in document order, then the registry's."""
    found = [
        Reading(item_label(item, plan.meta), fact_label(fact), basis)
        for item in plan.items
        if not plan.is_obligation(item)
        for fact, basis in item.inferred
    ]
    reg = plan.registry
    for group in reg.groups.values():
        for member, basis in group.inferred_members:
            found.append(Reading(group.name, _("member: {name}").format(name=member), basis))
        if group.closure_basis:
            found.append(Reading(group.name, _("the list of members is complete"), group.closure_basis))
    for unit in reg.units.values():
        if unit.part_of and unit.part_of_basis:
            found.append(
                Reading(unit.name, _("part of {name}").format(name=unit.part_of), unit.part_of_basis)
            )
    return found


@dataclass(frozen=True)
class Report(_Document):
    SECTIONS: ClassVar[tuple[str, ...]] = REPORT_SECTIONS
    OPTIONAL: ClassVar[frozenset[str]] = REPORT_OPTIONAL
    as_of: date
    counts: list[tuple[Status, int]]  # obligations in each status
    units: list[UnitFigures]
    overdue: list[ItemStatus]
    tasks: list[ItemStatus]
    duties: list[ItemStatus]
    appendices: list[AppendixSection]
    ongoing: list[ItemStatus]
    timeline: Timeline
    plan: PlanMeta
    splits: list[SplitSection]
    readings: list[Reading] = field(default_factory=list)
    counted: Mapping[str, str] = field(default_factory=dict)  # an item with parts -> part_count_words


def build_report(plan: Plan, sts: Statuses, as_of: date) -> Report:
    owed = [sts[i.id] for i in obligations_owed(plan)]
    documented = [sts[i.id] for i in plan.items if not plan.is_obligation(i)]
    tally = Counter(s.status for s in owed)
    return Report(
        as_of=as_of,
        counts=[(status, tally[status]) for status in STATUS_ORDER],
        units=unit_figures(plan, sts, as_of),
        overdue=sorted((s for s in owed if s.status is Status.OVERDUE), key=lambda s: -(s.days_late or 0)),
        tasks=[s for s in documented if s.item.kind is ItemKind.TASK],
        duties=[s for s in documented if s.item.kind is ItemKind.DUTY],
        appendices=appendix_sections(plan, sts),
        # The obligations counted "Thường xuyên" in the first section, every one (IV.3's duty too).
        ongoing=[s for s in owed if s.status is Status.ONGOING],
        timeline=build_timeline(plan, sts, as_of),
        plan=plan.meta,
        splits=split_sections(plan, sts),
        readings=readings(plan),
        counted=part_words(plan, sts),
    )
