"""What a unit reports on, by itself — on a form, or in its own progress file: the obligations it owes
itself (accountability: `own` rows — its share of an item owed unit by unit, its appendix row, an
item naming it as lead) and the work a group it belongs to leads as a whole, which any member may
report (the log records who did; it is never counted as the member's own). Nothing it coordinates or
is inspected in: the lead reports those."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from tthc_cli.domain.accountability import Assignment, all_assignments, is_rollup
from tthc_cli.domain.plan import Plan, PlanItem, Role
from tthc_cli.domain.status import ItemStatus


class Share(StrEnum):
    """Whose work a reported obligation is: the unit's own, or its group's."""

    OWN = "own"
    GROUP = "group"


@dataclass(frozen=True, slots=True)
class Reportable:
    """An obligation a unit may report on: the item, whose work it is, and the group it comes
    through (None for the unit's own)."""

    item: PlanItem
    share: Share
    via: str | None = None


def _reportable(plan: Plan, rows: list[Assignment]) -> list[Reportable]:
    found: list[Reportable] = []
    for row in rows:
        item = row.item
        if item.standing or not row.definite or row.role is not Role.LEAD or is_rollup(plan, item):
            continue  # nothing to deliver; not surely its; not its to report; reported through its parts
        found.append(Reportable(item, Share.OWN if row.own else Share.GROUP, None if row.own else row.via))
    return found


def reportable(plan: Plan, unit: str, rows: Mapping[str, list[Assignment]] | None = None) -> list[Reportable]:
    """Everything `unit` (a canonical unit name) may report on, in document order: its own
    obligations first, then its groups' work. `rows`: every target's assignments
    (accountability.all_assignments), when the caller asks for many units (one pass over the plan)."""
    found = _reportable(plan, (all_assignments(plan) if rows is None else rows).get(unit, []))
    return [r for r in found if r.share is Share.OWN] + [r for r in found if r.share is Share.GROUP]


def reportable_by_unit(plan: Plan, units: list[str]) -> dict[str, dict[str, Reportable]]:
    """For each of `units`, what it may report on, by obligation ID (one pass over the plan)."""
    rows = all_assignments(plan)
    return {unit: {r.item.id: r for r in _reportable(plan, rows.get(unit, []))} for unit in units}


def open_reportable(
    plan: Plan,
    unit: str,
    statuses: Mapping[str, ItemStatus],
    rows: Mapping[str, list[Assignment]] | None = None,
) -> list[Reportable]:
    """What `unit` may report on that is not done on the day `statuses` were judged: a form's rows."""
    return [r for r in reportable(plan, unit, rows) if not statuses[r.item.id].done]


def owner_of(plan: Plan, item: PlanItem) -> str | None:
    """The one registered unit an obligation is owed by (its share's unit, an appendix row's unit, a
    sole lead that is a unit), else None (a group's work, several leads)."""
    if item.unit is not None and item.unit_role is not Role.INSPECTED and item.unit in plan.registry.units:
        return item.unit
    if len(item.lead) == 1 and item.lead[0] in plan.registry.units:
        return item.lead[0]
    return None
