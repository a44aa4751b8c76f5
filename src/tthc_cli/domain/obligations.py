"""Items split into obligations: an item that binds its units one by one, or recurs, gets one child
item per unit and/or occurrence, each with its own ID, due date, status and progress."""

from __future__ import annotations

from tthc_cli.domain.deadlines import Deadline, DeadlineKind, Occurrence
from tthc_cli.domain.item_ids import obligation_id
from tthc_cli.domain.plan import PlanItem
from tthc_cli.domain.units import Registry


def fan_out_units(registry: Registry, refs: tuple[str, ...]) -> list[str]:
    """The units an item binds one by one: each unit it names, and every unit of each group it names
    (open-ended groups name no one; a collective group gives the members the registry knows)."""
    out: dict[str, None] = {}
    for ref in refs:
        if registry.is_open(ref):
            continue
        for name in registry.expand(ref):
            if name in registry.units:
                out.setdefault(name)
    order = {name: i for i, name in enumerate(registry.units)}
    return sorted(out, key=lambda n: order[n])


def split_obligations(items: list[PlanItem], each_unit: set[str], registry: Registry) -> list[PlanItem]:
    """Each item that binds its units one by one, or recurs, followed by its obligations: one child
    item per unit and/or occurrence, with its own due date, status and progress."""
    out: list[PlanItem] = []
    for item in items:
        units: list[str | None] = [None]
        if item.id in each_unit:
            units = list(fan_out_units(registry, item.lead)) or [None]
        occurrences = item.deadline.occurrences if item.deadline.kind is DeadlineKind.RECURRING else ()
        periods: list[tuple[str | None, Occurrence | None]] = [(o.period, o) for o in occurrences]
        split = "+".join(part for part, on in (("unit", units != [None]), ("period", bool(periods))) if on)
        periods = periods or [(None, None)]
        if not split:
            out.append(item)
            continue
        item.split = split
        out.append(item)
        for unit in units:
            for period, occ in periods:
                deadline = item.deadline
                if occ is not None:
                    d = item.deadline
                    deadline = Deadline(
                        d.text,
                        DeadlineKind.BY_DATE,
                        occ.start,
                        occ.due,
                        occ.due,
                        d.tentative,
                        effective_due=occ.effective_due,
                    )
                out.append(
                    PlanItem(
                        id=obligation_id(item.id, unit, period),
                        kind=item.kind,
                        number=item.number,
                        title=item.title,
                        lead=(unit,) if unit else item.lead,
                        support=() if unit else item.support,
                        deadline=deadline,
                        lead_text=item.lead_text,
                        support_text=item.support_text,
                        deliverable=item.deliverable,
                        parent=item.id,
                        unit=unit,
                        unit_text=unit,
                        short_title=item.short_title,
                        period=period,
                        regulation=item.regulation,
                        source=item.source,
                    )
                )
    return out
