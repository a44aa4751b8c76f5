"""Validated source models -> the plan's items, with the deadline problems met on the way."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tthc_cli.data.deadline_specs import read_deadline
from tthc_cli.data.diagnostics import Problem
from tthc_cli.data.models import DeadlineSpec
from tthc_cli.domain.calendar import WorkingDays
from tthc_cli.domain.deadlines import Deadline, DeadlineKind
from tthc_cli.domain.item_ids import item_id
from tthc_cli.domain.obligations import split_obligations
from tthc_cli.domain.plan import AppendixInfo, Entry, Plan, PlanItem, PlanMeta
from tthc_cli.domain.plan_files import PLAN, appendix_file
from tthc_cli.domain.units import GroupInfo, Registry, UnitInfo

if TYPE_CHECKING:
    from tthc_cli.data.models import (
        AppendixFile,
        AppendixRow,
        Obligation,
        Party,
        PlanFile,
        ProgressEntry,
        UnitsFile,
    )


class Dataset(Plan):
    """The plan with the validated source files it came from, for the cross-file checks.
    `appendices` maps each appendix's name (appendix_<name>.yaml) to its file, in document order."""

    def __init__(
        self,
        year: int,
        registry: Registry,
        items: list[PlanItem],
        *,
        plan: PlanFile,
        appendices: dict[str, AppendixFile],
        units: UnitsFile,
        meta: PlanMeta,
        progress: list[Entry] | None = None,
    ) -> None:
        super().__init__(year, registry, items, progress, meta)
        self.plan = plan
        self.appendices = appendices
        self.units = units
        # progress.yaml's entries as written, beside `progress` (their IDs narrowed by unit and
        # period): a wrong `unit:` or `period:` is reported at its own line.
        self.log: list[ProgressEntry] = []


def _refs(registry: Registry, party: Party | None) -> tuple[str, ...]:
    if party is None:
        return ()
    resolved = (registry.resolve(r) for r in party.refs)
    return tuple(dict.fromkeys(r for r in resolved if r is not None))


def note_id(ob: Obligation) -> str:
    """An obliging paragraph's ID: note:<where>[.<number>] (note:IV, note:review.2)."""
    return f"note:{ob.where}" + (f".{ob.number}" if ob.number else "")


def _rule(spec: DeadlineSpec | None) -> tuple[str, str] | None:
    return (spec.regulation.text, spec.regulation.basis) if spec and spec.regulation else None


def build_meta(plan: PlanFile, appendices: dict[str, AppendixFile], province: str | None) -> PlanMeta:
    info, decision = plan.plan, plan.decision
    period = info.period
    sections: dict[str, tuple[str, str]] = {
        s.holds: (s.number, s.title) for s in plan.sections if s.holds is not None
    }
    return PlanMeta(
        title=info.title,
        year=info.year,
        province=info.province or province,
        plan_id=info.id,
        period_start=period.start if period else None,
        period_end=period.end if period else None,
        document_kind="decision" if decision is not None else "plan",
        number_text=decision.number_text if decision else info.number_text,
        issuer=decision.issuer if decision else info.issuer,
        signer=decision.signer if decision else info.signer,
        sections=sections,
        appendices=tuple(
            AppendixInfo(
                name,
                a.number,
                a.title,
                item_id("task", a.task) if a.task else None,
                a.unit_role,
                tuple((c.key, c.title) for c in a.columns),
            )
            for name, a in appendices.items()
        ),
    )


def order_appendices(appendices: dict[str, AppendixFile]) -> dict[str, AppendixFile]:
    """Document order: by the appendix number (I, II, … or 1, 2, …), unnumbered last, then name."""

    def key(item: tuple[str, AppendixFile]) -> tuple[int, str]:
        number = item[1].number
        return (_number_rank(number) if number else 10**6, item[0])

    return dict(sorted(appendices.items(), key=key))


_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _number_rank(number: str) -> int:
    if number.isdigit():
        return int(number)
    if all(c in _ROMAN_VALUES for c in number):
        total = 0
        for a, b in zip(number, [*number[1:], ""], strict=True):
            v = _ROMAN_VALUES[a]
            total += -v if b and _ROMAN_VALUES[b] > v else v
        return total
    return ord(number[0]) - ord("A") + 1


def build_items(
    plan: PlanFile,
    appendices: dict[str, AppendixFile],
    registry: Registry,
    meta: PlanMeta,
    calendar: WorkingDays,
) -> tuple[list[PlanItem], list[Problem]]:
    """Every item of the plan, in document order, and the deadline problems met on the way."""
    problems: list[Problem] = []
    items: list[PlanItem] = []
    task_deadlines: dict[str, Deadline] = {}
    for i, task in enumerate(plan.tasks):
        path: tuple[str | int, ...] = ("tasks", i)
        deadline = read_deadline(
            task.deadline,
            meta=meta,
            file=PLAN,
            path=(*path, "deadline"),
            problems=problems,
            calendar=calendar,
        )
        tid = item_id("task", task.number)
        task_deadlines.setdefault(tid, deadline)
        items.append(
            PlanItem(
                id=tid,
                kind="task",
                number=task.number,
                title=task.title,
                lead=_refs(registry, task.lead),
                support=_refs(registry, task.support),
                deadline=deadline,
                lead_text=task.lead.text,
                support_text=task.support.text if task.support else None,
                deliverable=task.deliverable,
                content=tuple(task.content),
                grouping=task.grouping,
                appendix=task.appendix,
                short_title=task.short_title,
                regulation=_rule(task.deadline),
                notes=tuple(task.notes),
                source=(PLAN, path),
            )
        )
    for i, duty in enumerate(plan.duties):
        path = ("duties", i)
        deadline = read_deadline(
            duty.deadline,
            meta=meta,
            file=PLAN,
            path=(*path, "deadline"),
            problems=problems,
            calendar=calendar,
        )
        items.append(
            PlanItem(
                id=item_id("duty", duty.number),
                kind="duty",
                number=duty.number,
                title=duty.text,
                lead=_refs(registry, duty.lead),
                support=_refs(registry, duty.support),
                deadline=deadline,
                lead_text=duty.lead.text,
                support_text=duty.support.text if duty.support else None,
                short_title=duty.short_title,
                notes=tuple(duty.notes),
                regulation=_rule(duty.deadline),
                source=(PLAN, path),
            )
        )
    by_id = {it.id: it for it in items}
    for name, appendix in appendices.items():
        items += _appendix_items(name, appendix, registry, by_id, task_deadlines, meta, problems, calendar)
    for i, ob in enumerate(plan.obligations):
        path = ("obligations", i)
        deadline = read_deadline(
            ob.deadline, meta=meta, file=PLAN, path=(*path, "deadline"), problems=problems, calendar=calendar
        )
        items.append(
            PlanItem(
                id=note_id(ob),
                kind="note",
                number=note_id(ob).removeprefix("note:"),
                title=ob.text,
                lead=_refs(registry, ob.lead),
                support=_refs(registry, ob.support),
                deadline=deadline,
                lead_text=ob.lead.text,
                support_text=ob.support.text if ob.support else None,
                regulation=_rule(ob.deadline),
                source=(PLAN, path),
            )
        )
    each_unit = {item_id("task", t.number) for t in plan.tasks if t.each_unit}
    each_unit |= {item_id("duty", d.number) for d in plan.duties if d.each_unit}
    each_unit |= {note_id(o) for o in plan.obligations if o.each_unit}
    return split_obligations(items, each_unit, registry), problems


def _appendix_items(
    name: str,
    appendix: AppendixFile,
    registry: Registry,
    by_id: dict[str, PlanItem],
    task_deadlines: dict[str, Deadline],
    meta: PlanMeta,
    problems: list[Problem],
    calendar: WorkingDays,
) -> list[PlanItem]:
    """An appendix's rows as items. A row with no deadline of its own runs in the window of the item
    the appendix details (Phụ lục II's inspections run in item 6's window). A 'lead' appendix's row
    unit does the row's work; an 'inspected' one's unit is inspected by the item's lead."""
    file = appendix_file(name)
    parent_id = item_id("task", appendix.task) if appendix.task else None
    parent = by_id.get(parent_id) if parent_id else None
    window = task_deadlines.get(parent_id or "") or Deadline(None, DeadlineKind.UNSPECIFIED, None, None, None)
    blocks: list[tuple[str | None, str | None, list[AppendixRow], dict[int, str], tuple[str | int, ...]]]
    if appendix.blocks:
        blocks = []
        for b, part in enumerate(appendix.blocks):
            notes: dict[int, str] = {}
            for note in part.notes:
                first, last = note.rows
                for stt in range(first, last + 1):
                    notes.setdefault(stt, note.text)
            blocks.append((part.block, part.title, part.rows, notes, ("blocks", b)))
    else:
        blocks = [(None, None, appendix.rows, {}, ())]
    out: list[PlanItem] = []
    for block, block_title, rows, notes, base in blocks:
        for r, row in enumerate(rows):
            path = (*base, "rows", r)
            number = f"{block}.{row.stt}" if block else str(row.stt)
            if row.deadline is not None:
                deadline = read_deadline(
                    row.deadline,
                    meta=meta,
                    file=file,
                    path=(*path, "deadline"),
                    problems=problems,
                    calendar=calendar,
                )
            else:
                deadline = window
            unit = registry.resolve(row.unit)
            inspected = appendix.unit_role == "inspected"
            lead: tuple[str, ...] = (
                (parent.lead if parent else ()) if inspected else ((unit,) if unit else ())
            )
            out.append(
                PlanItem(
                    id=f"{name}:{number}",
                    kind=name,
                    number=number,
                    title=row.text or row.unit,
                    lead=lead,
                    support=(),
                    deadline=deadline,
                    lead_text=(parent.lead_text if parent else None) if inspected else row.unit,
                    support_text=row.unit if inspected else None,
                    parent=parent_id,
                    domains=tuple(row.domains),
                    unit=unit,
                    unit_text=row.unit,
                    block=block,
                    block_title=block_title,
                    note=row.note or notes.get(row.stt),
                    cells=tuple(row.cells.items()),
                    unit_role=appendix.unit_role,
                    regulation=_rule(row.deadline),
                    source=(file, path),
                )
            )
    return out


def registry_of(units_file: UnitsFile) -> Registry:
    """The registry of units and groups that units.yaml declares."""
    registry = Registry.from_infos(
        [UnitInfo(u.name, u.type, tuple(u.aliases), u.requires_type, u.part_of) for u in units_file.units],
        [
            GroupInfo(
                g.name,
                g.kind,
                tuple(g.aliases),
                tuple(g.members),
                tuple(g.scope) if g.scope is not None else None,
                g.appendix,
            )
            for g in units_file.groups
        ],
    )
    registry.province = units_file.province
    return registry


def make_dataset(
    plan: PlanFile,
    appendices: dict[str, AppendixFile],
    units: UnitsFile,
    calendar: WorkingDays,
) -> tuple[Dataset, list[Problem]]:
    appendices = order_appendices(appendices)
    registry = registry_of(units)
    for name, appendix in appendices.items():
        rows = [r for b in appendix.blocks for r in b.rows] if appendix.blocks else appendix.rows
        registry.set_derived(name, filter(None, (registry.resolve(r.unit) for r in rows)))
    meta = build_meta(plan, appendices, units.province)
    items, problems = build_items(plan, appendices, registry, meta, calendar)
    ds = Dataset(
        year=plan.plan.year,
        registry=registry,
        items=items,
        plan=plan,
        appendices=appendices,
        units=units,
        meta=meta,
    )
    return ds, problems
