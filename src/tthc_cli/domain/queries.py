"""The office's questions -> result rows: due, overdue, upcoming, unit. Pure: `today` is a parameter."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from tthc_cli.domain.plan import Plan, PlanItem, Role
from tthc_cli.domain.problems import ProblemError, problem
from tthc_cli.domain.units import GroupKind

# An item counts as done when this says so; the progress log (status.py) provides it.
IsDone = Callable[[PlanItem, date], bool]

ROLE_ORDER: dict[Role, int] = {Role.LEAD: 0, Role.INSPECTED: 1, Role.SUPPORT: 2}


def never_done(item: PlanItem, today: date) -> bool:
    return False


def _order(ds: Plan) -> dict[str, int]:
    return {item.id: i for i, item in enumerate(ds.items)}


def sort_by_due(ds: Plan, items: Iterable[PlanItem]) -> list[PlanItem]:
    order = _order(ds)
    return sorted(items, key=lambda it: (it.deadline.due or date.max, order[it.id]))


@dataclass(frozen=True, slots=True)
class UnitRow:
    """`via`: the group the row comes through (None when the unit is named itself); `definite` is
    False for an open-ended group that may concern the unit."""

    item: PlanItem
    role: Role
    via: str | None
    definite: bool


@dataclass(frozen=True, slots=True)
class DueResult:
    items: list[PlanItem]
    without_due: int  # ongoing / undated items left out


def items_due(
    ds: Plan,
    *,
    before: date,
    after: date | None = None,
    include_ongoing: bool = False,
    kinds: Iterable[str] | None = None,
    unit: str | None = None,
    role: str = "any",
) -> DueResult:
    """Items whose (nominal) due date lies in [after, before], both inclusive, by due date then ID."""
    pool = filter_items(ds, ds.items, kinds=kinds, unit=unit, role=role)
    dated = [
        i
        for i in pool
        if i.deadline.due is not None
        and i.deadline.due <= before
        and (after is None or i.deadline.due >= after)
    ]
    # An undated obligation is stood for by its item when that is listed too (IV.2, not its 29 units).
    listed = {i.id for i in pool}
    undated = [i for i in pool if i.deadline.due is None and i.parent not in listed]
    rows = sort_by_due(ds, dated)
    if include_ongoing:
        rows += undated
    return DueResult(rows, 0 if include_ongoing else len(undated))


def items_overdue(ds: Plan, today: date, is_done: IsDone = never_done) -> list[tuple[PlanItem, int]]:
    """Not done and past the effective due date (Art. 148(5) moves a weekend/holiday due date to the
    next working day), with days late, most late first."""
    out = []
    for item in ds.items:
        late = item.deadline.days_late(today)
        if late is not None and not is_done(item, today):
            out.append((item, late))
    order = _order(ds)
    return sorted(out, key=lambda pair: (-pair[1], order[pair[0].id]))


def items_upcoming(ds: Plan, today: date, within: int, is_done: IsDone = never_done) -> list[PlanItem]:
    """Not done, effective due date from today to today + within days, soonest first."""
    return items_open_between(ds, today, today + timedelta(days=within), is_done, today=today)


def items_open_between(
    ds: Plan,
    first: date,
    last: date,
    is_done: IsDone = never_done,
    *,
    today: date,
    pool: Iterable[PlanItem] | None = None,
) -> list[PlanItem]:
    """Items of `pool` (default: every item) not done on `today` whose effective due date lies in
    [first, last], both inclusive: soonest first, then in document order."""
    rows = [
        i
        for i in (ds.items if pool is None else pool)
        if i.deadline.effective_due is not None
        and first <= i.deadline.effective_due <= last
        and not is_done(i, today)
    ]
    order = _order(ds)
    return sorted(rows, key=lambda it: (it.deadline.effective_due or date.max, order[it.id]))


def unit_rows(ds: Plan, target: str) -> list[UnitRow]:
    """Everything `target` (a canonical unit or group name) leads, coordinates or is inspected in,
    named directly or through a group. Open-ended groups give rows with definite=False.

    One row per item: a direct mention wins over a group (item 8 names Văn phòng UBND tỉnh as
    coordinator although it is also one of "các sở, ngành" that lead), then the stronger role.
    """
    reg = ds.registry
    rows: list[UnitRow] = []
    # An item split into obligations is owed through them: the unit sees its own obligation (or the
    # occurrences), not the item as a whole, unless it only coordinates the item.
    owners: dict[str, set[str | None]] = {}
    for item in ds.items:
        if item.parent is not None and item.parent in ds.by_id and ds.by_id[item.parent].split:
            owners.setdefault(item.parent, set()).add(item.unit)
    for item in ds.items:
        if item.split and (None in owners.get(item.id, ()) or target in owners.get(item.id, ())):
            continue
        direct: list[Role] = []
        via: list[tuple[Role, str]] = []
        maybe: list[tuple[Role, str]] = []
        if item.unit_role is Role.INSPECTED and item.unit == target:
            direct.append(Role.INSPECTED)
        for role, refs in ((Role.LEAD, item.lead), (Role.SUPPORT, item.support)):
            for ref in refs:
                if ref == target:
                    direct.append(role)
                elif reg.is_open(ref):
                    scope = reg.scope(ref)
                    if scope is None or target in scope:
                        maybe.append((role, ref))
                elif target in reg.expand(ref):
                    via.append((role, ref))
        if direct:
            rows.append(UnitRow(item, min(direct, key=ROLE_ORDER.__getitem__), None, True))
        elif via:
            role, group = min(via, key=lambda rv: ROLE_ORDER[rv[0]])
            rows.append(UnitRow(item, role, group, True))
        elif maybe:
            role, group = min(maybe, key=lambda rv: ROLE_ORDER[rv[0]])
            rows.append(UnitRow(item, role, group, False))
    return rows


def filter_items(
    ds: Plan,
    items: Iterable[PlanItem],
    *,
    kinds: Iterable[str] | None = None,
    unit: str | None = None,
    role: str = "any",
) -> list[PlanItem]:
    """Keep items of the given kinds that `unit` (canonical) definitely owes in `role`."""
    wanted = set(kinds) if kinds else None
    keep = [i for i in items if wanted is None or i.kind_code in wanted]
    if unit is None:
        return keep
    owed = {r.item.id: r for r in unit_rows(ds, unit) if r.definite}
    return [i for i in keep if i.id in owed and (role == "any" or owed[i.id].role == role)]


# --- obligations: who has not delivered ---------------------------------------------------------------


def obligations(ds: Plan, item_id: str, period: str | None = None) -> list[PlanItem]:
    """The obligations of an item split by unit and/or period, of one period if asked. Raises
    ProblemError when the item has none (`not-split`), or none in that period (`unknown-period`)."""
    item = ds.by_id[item_id]
    kids = ds.children(item_id) if item.split else []
    if not kids:
        raise ProblemError(problem("not-split", item=item_id))
    if period is None:
        return kids
    wanted = [k for k in kids if k.period == period.strip().upper()]
    if not wanted:
        periods = tuple(dict.fromkeys(k.period for k in kids if k.period))
        raise ProblemError(problem("unknown-period", item=item_id, period=period, periods=periods))
    return wanted


def open_ended_members(ds: Plan, item: PlanItem) -> list[str]:
    """The groups among an item's leads whose membership the plan does not list in full (collective
    groups): a body the registry does not list yet may owe the item too."""
    reg = ds.registry
    found: list[str] = []
    for ref in item.lead:
        for name in sorted(reg.expand(ref)):
            group = reg.groups.get(name)
            if group is not None and group.kind is GroupKind.COLLECTIVE and name not in found:
                found.append(name)
    return found
