"""Items split into obligations: an item that binds its units one by one, or recurs, gets one child
item per unit and/or occurrence, each with its own ID, due date, status and progress."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from tthc_cli.domain.deadlines import Deadline, DeadlineKind, Occurrence
from tthc_cli.domain.item_ids import obligation_id
from tthc_cli.domain.plan import PlanItem, Split
from tthc_cli.domain.problems import ProblemError, problem
from tthc_cli.domain.units import Registry


def fan_out_units(registry: Registry, refs: tuple[str, ...]) -> list[str]:
    """Who owes an item that binds its units one by one: each unit it names, every unit of each group
    it names (open-ended groups name no one; a collective group gives the members the registry knows),
    and — for a class the plan never enumerates (a collective group with no member listed: "UBND cấp
    xã") — the class itself, as one obligation, so that it is counted rather than dropped."""
    units: dict[str, None] = {}
    classes: dict[str, None] = {}
    for ref in refs:
        if registry.is_open(ref):
            continue
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
    items: Iterable[PlanItem], each_unit: set[str], registry: Registry, limit: int = MAX_OBLIGATIONS
) -> list[PlanItem]:
    """Each item, followed by its obligations when it binds its units one by one or recurs: the item
    then says how it is split (`split`), and each obligation has its own due date, status and progress.
    Raises ProblemError (`too-many-obligations`, on the first item that passes `limit` in all) before
    making them; its `path` names the field that asks (each_unit, or the deadline)."""
    out: list[PlanItem] = []
    made = 0
    for item in items:
        units = fan_out_units(registry, item.lead) if item.id in each_unit else []
        occurrences = item.deadline.occurrences if item.deadline.kind is DeadlineKind.RECURRING else ()
        mode = split_mode(units, occurrences)
        if mode is None:
            out.append(item)
            continue
        count = max(1, len(units)) * max(1, len(occurrences))
        made += count
        if made > limit:
            found = problem(
                "too-many-obligations",
                item=item.id,
                count=count,
                units=len(units),
                occurrences=len(occurrences),
                limit=limit,
            )
            raise ProblemError(replace(found, path=("each_unit",) if units else ("deadline", "text")))
        out.append(replace(item, split=mode))
        out.extend(obligations_of(item, units))
    return out
