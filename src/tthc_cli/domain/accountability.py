"""Who owes what: the one model of accountability every answer and every figure obeys.

- An **obligation** is what someone answers for: an item, or one part of it. An item with parts — the
  rows of its appendix (Phụ lục I's reviews for 3.2, Phụ lục II's inspections for 6), or the
  obligations it is split into (one per unit, one per period: IV.2, a monthly report) — is a
  roll-up: its parts are the obligations, and it is done when they all are.
- Its **owner** is its lead: a unit named in the item (or the unit of a part), or a group named as
  a whole. Work a group leads as a whole is the group's: a member sees it as the group's work, with
  who reported it, and it is never counted as the member's own.
- A unit's **role** in an item: named directly, that role (the strongest of lead, inspected,
  support). Otherwise through the groups the item names that include it — and an item that names a
  group explicitly is read through that group, not through a wider class that happens to include it
  (7.1 names "UBND cấp huyện, cấp xã" as coordinators: a district coordinates 7.1 although it is
  also one of "the bodies that handle TTHC files" that lead it). So a member and its group never
  get different answers about the same item.
- **On time** needs a due date: a done obligation without one is "Hoàn thành (không có hạn)", never
  "Hoàn thành đúng hạn", and stands outside on-time rates.
- A unit's **on-time rate**: of the dated obligations it owes itself that are done or whose
  effective due date has passed, the share done on or before their effective due date.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

from tthc_cli.domain.plan import Plan, PlanItem, Role
from tthc_cli.domain.status import ItemStatus, Status

ROLE_ORDER: dict[Role, int] = {Role.LEAD: 0, Role.INSPECTED: 1, Role.SUPPORT: 2}


def is_rollup(plan: Plan, item: PlanItem) -> bool:
    """An item with parts (appendix rows or obligations): its parts are what is owed, not itself."""
    return bool(plan.children(item.id))


def obligations_owed(plan: Plan) -> list[PlanItem]:
    """Every obligation of the plan, in document order: the items without parts."""
    return [item for item in plan.items if not is_rollup(plan, item)]


@dataclass(frozen=True, slots=True)
class Assignment:
    """An item as one unit or group sees it. `via`: the group it reaches the unit through (None when
    the unit is named itself, or owns the part); `definite` is False for an open-ended group that may
    concern it; `own` is True when the unit itself answers for it (it leads it by name, or it is the
    unit of this part) — only those count in its figures."""

    item: PlanItem
    role: Role
    via: str | None
    definite: bool
    own: bool
    basis: str | None = None  # the target belongs to `via` by a membership the source does not print


def _strongest(pairs: list[tuple[Role, str]]) -> tuple[Role, str]:
    return min(pairs, key=lambda rv: ROLE_ORDER[rv[0]])


def concerned(plan: Plan, item: PlanItem) -> dict[str, Assignment]:
    """Every unit and group `item` concerns, and how (the rules of the module docstring): named
    directly, that role; else through the narrowest groups the item names that include it; else, for
    an open-ended group, possibly (definite False). Each named group is expanded once."""
    reg = plan.registry
    direct: dict[str, list[Role]] = {}
    via: dict[str, list[tuple[Role, str]]] = {}
    maybe: dict[str, list[tuple[Role, str]]] = {}
    if item.unit_role is Role.INSPECTED and item.unit is not None:
        direct.setdefault(item.unit, []).append(Role.INSPECTED)
    for role, refs in ((Role.LEAD, item.lead), (Role.SUPPORT, item.support)):
        for ref in refs:
            direct.setdefault(ref, []).append(role)
            if reg.is_open(ref):
                scope = reg.scope(ref)
                for name in reg.all_names() if scope is None else scope:
                    maybe.setdefault(name, []).append((role, ref))
            else:
                for name in reg.expand(ref):
                    via.setdefault(name, []).append((role, ref))
    found: dict[str, Assignment] = {}
    for name in {**maybe, **via, **direct}:
        if name in direct:
            role = min(direct[name], key=ROLE_ORDER.__getitem__)
            found[name] = Assignment(item, role, None, True, own=role is Role.LEAD)
        elif name in via:
            # An explicit naming wins over a wider class: a group named in the item that includes the
            # target is read before any named group that includes that group.
            named = {group for _role, group in via[name]}
            narrowest = [
                (role, group)
                for role, group in via[name]
                if not any(other != group and other in reg.expand(group) for other in named)
            ]
            role, group = _strongest(narrowest)
            found[name] = Assignment(item, role, group, True, False, reg.membership_basis(group, name))
        else:
            role, group = _strongest(maybe[name])
            found[name] = Assignment(item, role, group, False, own=False)
    return found


def role_of(plan: Plan, item: PlanItem, target: str) -> Assignment | None:
    """How `target` (a canonical unit or group name) is concerned with `item`, or None."""
    return concerned(plan, item).get(target)


def all_assignments(plan: Plan) -> dict[str, list[Assignment]]:
    """For every unit and group, everything it leads, coordinates or is inspected in, named directly
    or through a group, in document order. An item with parts is answered through the target's parts
    (its row of an appendix, its own share of an item split unit by unit); the item itself is listed
    only where none of its parts concerns the target (a group whose members each owe a share, a unit
    coordinating IV.2), or where the item names the target in another role than lead (Ban Quản lý
    coordinates 3.2 by name and leads its own row of Phụ lục I). An item with parts is never anyone's
    own obligation: its parts are. One pass over the plan, whatever the number of units."""
    rows: dict[str, list[Assignment]] = {}
    for item in plan.items:
        found = concerned(plan, item)
        parts = plan.children(item.id)
        if not parts:
            for target, row in found.items():
                rows.setdefault(target, []).append(row)
            continue
        by_parts = {t for part in parts for t, row in concerned(plan, part).items() if row.definite}
        for target, row in found.items():
            named_otherwise = row.via is None and row.role is not Role.LEAD
            if target in by_parts and not named_otherwise:
                continue  # the target's parts are listed instead
            rows.setdefault(target, []).append(replace(row, own=False))
    return rows


def assignments(plan: Plan, target: str) -> list[Assignment]:
    """Everything `target` leads, coordinates or is inspected in (all_assignments), in document order."""
    return all_assignments(plan).get(target, [])


@dataclass(frozen=True, slots=True)
class UnitFigures:
    """What one unit owes itself, on a date: its own obligations (`owed`, led by it by name, or its
    part of an item), how they stand, and its on-time rate; its coordinating work and inspections
    counted apart. Group work reaching it through a group is not in these figures."""

    unit: str
    owed: int = 0
    done_on_time: int = 0
    done_late: int = 0
    done_undated: int = 0
    overdue: int = 0
    judged: int = 0  # dated, and done or past their effective due date
    support: int = 0
    support_done: int = 0
    inspected: int = 0

    @property
    def done(self) -> int:
        return self.done_on_time + self.done_late + self.done_undated

    @property
    def open(self) -> int:
        return self.owed - self.done

    @property
    def on_time_rate(self) -> float | None:
        return self.done_on_time / self.judged if self.judged else None


def figures_of(plan: Plan, unit: str, statuses: Mapping[str, ItemStatus], today: date) -> UnitFigures:
    return _figures(unit, assignments(plan, unit), statuses, today)


def _figures(
    unit: str, rows: list[Assignment], statuses: Mapping[str, ItemStatus], today: date
) -> UnitFigures:
    counts = dict.fromkeys(
        ("owed", "on_time", "late", "undated", "overdue", "judged", "support", "support_done", "inspected"), 0
    )
    for row in rows:
        if not row.definite or row.item.standing:
            continue  # a standing responsibility is never done nor late: outside the figures
        st = statuses[row.item.id]
        if row.role is Role.SUPPORT:
            counts["support"] += 1
            counts["support_done"] += st.done
        elif row.role is Role.INSPECTED:
            counts["inspected"] += 1
        elif row.own:
            counts["owed"] += 1
            counts["on_time"] += st.status is Status.DONE_ON_TIME
            counts["late"] += st.status is Status.DONE_LATE
            counts["undated"] += st.status is Status.DONE
            counts["overdue"] += st.status is Status.OVERDUE
            due = row.item.deadline.effective_due
            counts["judged"] += due is not None and (st.done or due < today)
    return UnitFigures(
        unit,
        owed=counts["owed"],
        done_on_time=counts["on_time"],
        done_late=counts["late"],
        done_undated=counts["undated"],
        overdue=counts["overdue"],
        judged=counts["judged"],
        support=counts["support"],
        support_done=counts["support_done"],
        inspected=counts["inspected"],
    )


def unit_figures(plan: Plan, statuses: Mapping[str, ItemStatus], today: date) -> list[UnitFigures]:
    """Every registered unit's figures, in the registry's order (one pass over the plan)."""
    rows = all_assignments(plan)
    return [_figures(unit, rows.get(unit, []), statuses, today) for unit in plan.registry.units]


def reported_by(status: ItemStatus) -> str | None:
    """Who reported the entry that last moved an obligation (the log's `by`)."""
    return status.last.by if status.last is not None else None
