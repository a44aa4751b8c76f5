"""Validated source models -> the plan's items, with the deadline problems met on the way."""

from __future__ import annotations

import copy
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from tthc_cli.data.diagnostics import Problem, Severity
from tthc_cli.data.models import DeadlineSpec
from tthc_cli.domain.calendar import WorkingDays
from tthc_cli.domain.deadlines import Deadline, DeadlineError, DeadlineKind, Occurrence, parse_deadline
from tthc_cli.domain.plan import (
    PLAN,
    AppendixInfo,
    Entry,
    Plan,
    PlanItem,
    PlanMeta,
    appendix_file,
    item_id,
    obligation_id,
)
from tthc_cli.domain.units import GroupInfo, Registry, UnitInfo
from tthc_cli.i18n import _

if TYPE_CHECKING:
    from tthc_cli.data.models import AppendixFile, AppendixRow, Obligation, Party, PlanFile, UnitsFile


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


def _refs(registry: Registry, party: Party | None) -> tuple[str, ...]:
    if party is None:
        return ()
    resolved = (registry.resolve(r) for r in party.refs)
    return tuple(dict.fromkeys(r for r in resolved if r is not None))


def plan_year(meta: PlanMeta) -> int | None:
    """The year a date written without one belongs to: the plan's year, unless the plan runs into
    later years (a multi-year plan): then "Trước ngày 15/12" is ambiguous and must say its year."""
    return meta.year if meta.period_end.year <= meta.year else None


@lru_cache(maxsize=4096)
def _parse_cached(
    text: str | None, period: tuple[date, date, int | None], tentative: bool, calendar: WorkingDays
) -> Deadline:
    # Plans repeat a handful of phrases ("Thường xuyên năm 2021.") thousands of times; Deadline is
    # immutable, so one parse serves them all. Errors are not cached (they are rare).
    start, end, year = period
    return parse_deadline(
        text, plan_start=start, plan_end=end, tentative=tentative, default_year=year, calendar=calendar
    )


def note_id(ob: Obligation) -> str:
    """An obliging paragraph's ID: note:<where>[.<number>] (note:IV, note:review.2)."""
    return f"note:{ob.where}" + (f".{ob.number}" if ob.number else "")


def _rule(spec: DeadlineSpec | None) -> tuple[str, str] | None:
    return (spec.regulation.text, spec.regulation.basis) if spec and spec.regulation else None


def read_deadline(
    spec: DeadlineSpec | None,
    *,
    meta: PlanMeta,
    file: str,
    path: tuple[str | int, ...],
    problems: list[Problem],
    calendar: WorkingDays,
) -> Deadline:
    """Parse a deadline spec; explicit dates must agree with any phrase the parser understands. A
    deadline left to regulation, with the rule added by the office, takes its dates from the rule."""
    if spec is None:
        return Deadline(None, DeadlineKind.UNSPECIFIED, None, None, None)
    if spec.regulation is not None:
        rule = DeadlineSpec(text=spec.regulation.text, tentative=spec.tentative)
        derived = read_deadline(
            rule, meta=meta, file=file, path=(*path, "regulation"), problems=problems, calendar=calendar
        )
        derived = copy.copy(derived)  # parses are shared between items: never change one in place
        derived.text = spec.text
        return derived
    parsed: Deadline | None = None
    plan_start = meta.period_start
    try:
        parsed = _parse_cached(
            spec.text, (plan_start, meta.period_end, plan_year(meta)), spec.tentative, calendar
        )
    except DeadlineError as exc:
        if spec.due is None:
            problems.append(Problem(file, (*path, "text"), exc.code, str(exc)))
    else:
        for warning in parsed.warnings:  # a year outside the plan period, at the phrase's line
            problems.append(Problem(file, (*path, "text"), warning.code, warning.message, Severity.WARNING))
    explicit = spec.due is not None or spec.start is not None
    if parsed is not None and parsed.kind is not DeadlineKind.UNSPECIFIED:
        if explicit:
            for name, mine in (("start", spec.start), ("due", spec.due)):
                theirs = getattr(parsed, name)
                if mine is not None and mine != theirs:
                    said = theirs.strftime("%d/%m/%Y") if theirs else _("no date")
                    problems.append(
                        Problem(
                            file,
                            (*path, name),
                            "deadline-mismatch",
                            _(
                                "{field} {day} disagrees with the phrase '{phrase}' ({said}); "
                                "correct one of them or drop the explicit date"
                            ).format(field=name, day=f"{mine:%d/%m/%Y}", phrase=spec.text, said=said),
                        )
                    )
        return parsed
    if explicit:
        start = spec.start or min(plan_start, spec.due or plan_start)
        kind = DeadlineKind.WINDOW if spec.start and spec.due else DeadlineKind.BY_DATE
        effective = None if spec.due is None else calendar.next_working_day(spec.due)
        return Deadline(spec.text, kind, start, spec.due, spec.due, spec.tentative, effective_due=effective)
    return parsed or Deadline(spec.text, DeadlineKind.UNSPECIFIED, None, None, None, spec.tentative)


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
