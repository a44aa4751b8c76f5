"""The office's questions -> the obligations that answer them: due in a range, overdue, upcoming, who
has not delivered. Pure: `today` is a parameter. They list obligations (domain/accountability.py):
an item with parts is answered through its parts, never as one more row."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from tthc_cli.domain.accountability import assignments, obligations_owed
from tthc_cli.domain.plan import Plan, PlanItem
from tthc_cli.domain.problems import ProblemError, problem
from tthc_cli.domain.units import GroupKind

# An item counts as done when this says so; the progress log (status.py) provides it.
IsDone = Callable[[PlanItem, date], bool]


def never_done(item: PlanItem, today: date) -> bool:
    return False


@dataclass(frozen=True, slots=True)
class DueResult:
    items: list[PlanItem]
    without_due: int  # ongoing / undated obligations left out


def items_due(
    plan: Plan,
    *,
    before: date,
    after: date | None = None,
    include_ongoing: bool = False,
    kinds: Iterable[str] | None = None,
    unit: str | None = None,
    role: str = "any",
) -> DueResult:
    """Obligations whose (nominal) due date lies in [after, before], both inclusive, by due date then
    document order; with `include_ongoing`, those without a due date after them."""
    pool = filter_items(plan, obligations_owed(plan), kinds=kinds, unit=unit, role=role)
    dated = [
        i
        for i in pool
        if i.deadline.due is not None
        and i.deadline.due <= before
        and (after is None or i.deadline.due >= after)
    ]
    undated = [i for i in pool if i.deadline.due is None]
    rows = sorted(dated, key=lambda it: (it.deadline.due or date.max, plan.order[it.id]))
    if include_ongoing:
        rows += undated
    return DueResult(rows, 0 if include_ongoing else len(undated))


def items_overdue(plan: Plan, today: date, is_done: IsDone = never_done) -> list[tuple[PlanItem, int]]:
    """Obligations not done and past the effective due date (Art. 148(5) moves a weekend/holiday due
    date to the next working day), with days late, most late first."""
    out = []
    for item in obligations_owed(plan):
        late = item.deadline.days_late(today)
        if late is not None and not is_done(item, today):
            out.append((item, late))
    return sorted(out, key=lambda pair: (-pair[1], plan.order[pair[0].id]))


def items_upcoming(plan: Plan, today: date, within: int, is_done: IsDone = never_done) -> list[PlanItem]:
    """Obligations not done, effective due date from today to today + within days, soonest first."""
    return items_open_between(plan, today, today + timedelta(days=within), is_done, today=today)


def items_open_between(
    plan: Plan,
    first: date,
    last: date,
    is_done: IsDone = never_done,
    *,
    today: date,
    pool: Iterable[PlanItem] | None = None,
) -> list[PlanItem]:
    """Obligations of `pool` (default: every one) not done on `today` whose effective due date lies
    in [first, last], both inclusive: soonest first, then in document order."""
    rows = [
        i
        for i in (obligations_owed(plan) if pool is None else pool)
        if i.deadline.effective_due is not None
        and first <= i.deadline.effective_due <= last
        and not is_done(i, today)
    ]
    return sorted(rows, key=lambda it: (it.deadline.effective_due or date.max, plan.order[it.id]))


def filter_items(
    plan: Plan,
    items: Iterable[PlanItem],
    *,
    kinds: Iterable[str] | None = None,
    unit: str | None = None,
    role: str = "any",
) -> list[PlanItem]:
    """Keep items of the given kind codes that `unit` (canonical) definitely owes in `role`."""
    wanted = set(kinds) if kinds else None
    keep = [i for i in items if wanted is None or i.kind_code in wanted]
    if unit is None:
        return keep
    owed = {r.item.id: r for r in assignments(plan, unit) if r.definite}
    return [i for i in keep if i.id in owed and (role == "any" or owed[i.id].role == role)]


# --- obligations: who has not delivered ---------------------------------------------------------------


def obligations(plan: Plan, item_id: str, period: str | None = None) -> list[PlanItem]:
    """The obligations of an item split by unit and/or period, of one period if asked. Raises
    ProblemError when the item has none (`not-split`), or none in that period (`unknown-period`)."""
    item = plan.by_id[item_id]
    if item.standing:
        raise ProblemError(problem("standing", item=item_id))
    kids = plan.children(item_id) if item.split else []
    if not kids:
        raise ProblemError(problem("not-split", item=item_id))
    if period is None:
        return kids
    wanted = [k for k in kids if k.period == period.strip().upper()]
    if not wanted:
        periods = tuple(dict.fromkeys(k.period for k in kids if k.period))
        raise ProblemError(problem("unknown-period", item=item_id, period=period, periods=periods))
    return wanted


def open_ended_members(plan: Plan, item: PlanItem) -> list[str]:
    """The groups among an item's leads whose membership the plan does not list in full (collective
    groups): a body the registry does not list yet may owe the item too."""
    reg = plan.registry
    found: list[str] = []
    for ref in item.lead:
        for name in sorted(reg.expand(ref)):
            group = reg.groups.get(name)
            if group is not None and group.kind is GroupKind.COLLECTIVE and name not in found:
                found.append(name)
    return found
