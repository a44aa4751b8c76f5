"""Items split into obligations: an item that binds its units one by one, or recurs, gets one child
item per unit and/or occurrence, each with its own ID, due date, status and progress. An item whose
words ask for periodic reports gets, when the plan has a reporting regime, one more per reporter and
period of the regime (domain/reporting.py): due on the period's send-by date, starting with its data
window."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from tthc_cli.domain.deadlines import Deadline, DeadlineKind, Occurrence
from tthc_cli.domain.item_ids import obligation_id
from tthc_cli.domain.plan import PlanItem, Regulation, ReportsAsked, Split
from tthc_cli.domain.problems import Problem, ProblemError, problem, warning
from tthc_cli.domain.report_periods import PeriodKind
from tthc_cli.domain.reporting import KIND_ORDER, Schedule, ScheduledPeriod, Source, flow_for
from tthc_cli.domain.units import Registry


def fan_out_units(registry: Registry, refs: tuple[str, ...]) -> list[str]:
    """Who owes an item that binds its units one by one: each unit it names, every unit of each group
    it names (open-ended groups name no one; a collective group gives the members the registry knows),
    and — for a class the plan never enumerates (a collective group with no member listed: "UBND cấp
    xã") — the class itself, as one obligation, so that it is counted rather than dropped."""
    units: dict[str, None] = {}
    classes: dict[str, None] = {}
    for ref in refs:
        # An open-ended group expands to itself alone, neither a unit nor a class: it names no one.
        for name in registry.expand(ref):
            if name in registry.units:
                units.setdefault(name)
            elif registry.is_unlisted_class(name):
                classes.setdefault(name)
    unit_order = {name: i for i, name in enumerate(registry.units)}
    group_order = {name: i for i, name in enumerate(registry.groups)}
    return sorted(units, key=lambda n: unit_order[n]) + sorted(classes, key=lambda n: group_order[n])


def _occurrence_deadline(deadline: Deadline, occ: Occurrence) -> Deadline:
    return Deadline(
        text=deadline.text,
        kind=DeadlineKind.BY_DATE,
        start=occ.start,
        due=occ.due,
        window_end=occ.due,
        tentative=deadline.tentative,
        effective_due=occ.effective_due,
    )


def split_mode(units: list[str], occurrences: tuple[Occurrence, ...]) -> Split | None:
    if units and occurrences:
        return Split.UNIT_PERIOD
    if units:
        return Split.UNIT
    if occurrences:
        return Split.PERIOD
    return None


def obligations_of(item: PlanItem, units: list[str]) -> list[PlanItem]:
    """The item's obligations: one per unit of `units` (or one for its leads as a whole when empty)
    and per occurrence of a recurring deadline (or one when it does not recur)."""
    occurrences = item.deadline.occurrences if item.deadline.kind is DeadlineKind.RECURRING else ()
    kids = []
    owners: list[str | None] = list(units) or [None]
    for unit in owners:
        for occ in occurrences or (None,):
            kids.append(
                PlanItem(
                    id=obligation_id(item.id, unit, occ.period if occ else None),
                    kind=item.kind,
                    number=item.number,
                    title=item.title,
                    lead=(unit,) if unit else item.lead,
                    support=() if unit else item.support,
                    deadline=item.deadline if occ is None else _occurrence_deadline(item.deadline, occ),
                    lead_text=item.lead_text,
                    support_text=item.support_text,
                    deliverable=item.deliverable,
                    parent=item.id,
                    unit=unit,
                    unit_text=unit,
                    short_title=item.short_title,
                    period=occ.period if occ else None,
                    regulation=item.regulation,
                    source=item.source,
                    inferred=item.inferred,
                    standing=item.standing,
                )
            )
    return kids


# The most obligations a plan may ask for (units x occurrences, over its items) before anything is built:
# a real plan asks for hundreds (Hải Dương 2021: 112), a large city's a few thousand; a file asking
# for a million (2,000 units, weekly, ten years) is refused at the line that asks, not run out of
# memory. The command line lets a plan that needs more raise it (TTHC_MAX_OBLIGATIONS).
MAX_OBLIGATIONS = 20_000


def split_obligations(
    items: Iterable[PlanItem],
    each_unit: set[str],
    registry: Registry,
    limit: int = MAX_OBLIGATIONS,
    reports: Mapping[str, ReportsOwed] | None = None,
) -> list[PlanItem]:
    """Each item, followed by its obligations when it binds its units one by one or recurs, then by
    its periodic reports (`reports`, by item ID: report_dues): the item then says how it is split
    (`split`), and each obligation has its own due date, status and progress. Raises ProblemError
    (`too-many-obligations`, at the item that asks for the most, when the plan passes `limit` in all)
    before making any; its `path` names the field that asks (each_unit, the deadline, or the reports)."""
    planned = []
    made = 0
    for item in items:
        units = fan_out_units(registry, item.lead) if item.id in each_unit else []
        occurrences = item.deadline.occurrences if item.deadline.kind is DeadlineKind.RECURRING else ()
        owed = (reports or {}).get(item.id)
        mode = split_mode(units, occurrences)
        if owed is not None and owed.count:
            mode = Split.UNIT_PERIOD if mode is Split.UNIT else mode or Split.PERIOD
        own = max(1, len(units)) * max(1, len(occurrences)) if mode and (units or occurrences) else 0
        count = own + (owed.count if owed is not None and mode else 0)
        made += count
        planned.append((item, units, occurrences, owed, mode, own, count))
    if made > limit:  # blamed on the item that asks for the most, not the one that crossed the line
        item, units, occurrences, _owed, _mode, own, count = max(planned, key=lambda p: p[-1])
        raise ProblemError(_too_many(item, units, occurrences, own, count, limit))
    out: list[PlanItem] = []
    for item, units, occurrences, owed, mode, _own, _count in planned:
        if mode is None:
            out.append(item)
            continue
        out.append(replace(item, split=mode))
        kids = obligations_of(item, units) if units or occurrences else []
        out.extend(kids)
        if owed is not None:
            out.extend(report_obligations(item, owed, registry, {k.id for k in kids}))
    return out


def _too_many(
    item: PlanItem,
    units: Sequence[str],
    occurrences: Sequence[object],
    own: int,
    count: int,
    limit: int,
) -> Problem:
    """`too-many-obligations` at the field that asks the most: each_unit or the deadline when the
    item's own parts outnumber its reports, its reports otherwise."""
    if own and own >= count - own:
        found = problem(
            "too-many-obligations",
            item=item.id,
            count=own,
            units=max(1, len(units)),  # the factors of `count`: one occurrence when none recur
            occurrences=max(1, len(occurrences)),
            limit=limit,
        )
        return replace(found, path=("each_unit",) if units else ("deadline", "text"))
    found = problem("too-many-obligations", "reports", item=item.id, count=count, limit=limit)
    return replace(found, path=("reporting",))


# --- periodic reports -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportsOwed:
    """The periodic reports an item's words ask for under the plan's regime: who reports (each unit,
    or the item's reporters as a whole: `unit` None) and for which periods."""

    reporters: tuple[tuple[str | None, tuple[str, ...]], ...]
    periods: tuple[ScheduledPeriod, ...]

    @property
    def count(self) -> int:
        """At most this many obligations (a reporter no flow covers in a period owes none there)."""
        return len(self.reporters) * len(self.periods)


def report_kinds(reports: ReportsAsked, schedule: Schedule) -> tuple[PeriodKind, ...]:
    """The periodic reports an item's words ask for: the periods they name ("định kỳ quý, năm":
    quarterly and yearly); for words that leave them to regulation ("theo quy định") and name none,
    every report the regime has someone owe during the plan; none for "đột xuất" or "định kỳ" alone."""
    if reports.periods:
        return tuple(PeriodKind(p) for p in reports.periods)
    if not reports.as_regulated:
        return ()
    # the reports of the rules in force during the plan: a rule taking effect after it asks nothing
    return tuple(k for k in schedule.regime.kinds(owed_only=True) if schedule.of_kind(k))


def report_dues(
    item: PlanItem, each_unit: bool, schedule: Schedule, registry: Registry
) -> tuple[ReportsOwed | None, list[Problem]]:
    """The periodic reports `item` owes under `schedule`, and what to warn about, placed at the item's
    `reporting`: a period its words name that the regime has no report for (`reporting-no-report`),
    a reporter no flow of a rule covers (`reporting-no-flow`: it owes no report under that rule —
    nothing is invented)."""
    asked = item.reports
    if asked is None:
        return None, []
    file, path = item.source
    problems: list[Problem] = []
    periods: list[ScheduledPeriod] = []
    for kind in report_kinds(asked, schedule):
        found = schedule.of_kind(kind)
        if not found:
            # A rule that has the report but takes effect after the plan's period: not missing.
            later = next((r for r in schedule.regime.rules if r.report(kind) and r.start), None)
            said = (
                warning(
                    "reporting-no-report",
                    "later",
                    item=item.id,
                    period=kind,
                    rule=later.title,
                    start=later.start,
                )
                if later is not None
                else warning("reporting-no-report", item=item.id, period=kind)
            )
            problems.append(said.at(file, (*path, "reporting", "periods")))
        periods += found
    periods.sort(key=lambda p: (p.cutoff, KIND_ORDER.index(p.kind)))
    who = asked.by or item.lead
    reporters: tuple[tuple[str | None, tuple[str, ...]], ...] = (
        tuple((unit, (unit,)) for unit in fan_out_units(registry, who)) if each_unit else ((None, who),)
    )
    if not periods or not reporters:
        return None, problems
    for rule in dict.fromkeys(p.rule for p in periods):
        for unit, lead in reporters:
            if flow_for(rule, lead, registry) is None:
                problems.append(
                    warning(
                        "reporting-no-flow", item=item.id, unit=unit or "; ".join(lead), rule=rule.title
                    ).at(file, (*path, "reporting"))
                )
    return ReportsOwed(reporters=reporters, periods=tuple(periods)), problems


def _words(source: Source) -> str:
    """A fact's source in a line: its basis, or — for an assumption — what the note says of it."""
    return (source.note or source.basis or "") if source.assumption else (source.basis or source.note or "")


def report_obligations(
    item: PlanItem, owed: ReportsOwed, registry: Registry, taken: set[str] | frozenset[str] = frozenset()
) -> list[PlanItem]:
    """One obligation per reporter and period: `duty:IV.2/so-y-te/2021-Q2` (a unit's report) or
    `task:3.2/2021-Q2` (the item's reporters as a whole), titled with the words that ask for it, due on
    the send-by date of the reporter's flow (its phrase and source as the deadline's `regulation`),
    starting with the period's data window. A period the item's own deadline already dates (an ID in
    `taken`) keeps the plan's dates."""
    asked = item.reports
    assert asked is not None
    kids = []
    for period in owed.periods:
        for unit, lead in owed.reporters:
            flow = flow_for(period.rule, lead, registry)
            send = period.send_of(flow) if flow is not None else None
            key = obligation_id(item.id, unit, period.code)
            if flow is None or send is None or key in taken:
                continue
            kids.append(
                PlanItem(
                    id=key,
                    kind=item.kind,
                    number=item.number,
                    title=asked.text,
                    lead=lead,
                    support=(),
                    # The plan's words that ask for the report, and the regime's rule that dates it
                    # (shown as the regulation's, with its basis or what is assumed, never as the plan's).
                    deadline=Deadline(
                        text=asked.text,
                        kind=DeadlineKind.BY_DATE,
                        start=period.window_start,
                        due=send.due,
                        window_end=send.due,
                        effective_due=send.effective_due,
                    ),
                    lead_text=unit if unit else item.lead_text if not asked.by else None,
                    parent=item.id,
                    unit=unit,
                    unit_text=unit,
                    period=period.code,
                    regulation=Regulation(
                        flow.send, _words(flow.send_source) or period.rule.title, flow.send_source.assumption
                    ),
                    source=item.source,
                    inferred=item.inferred,
                )
            )
    return kids
