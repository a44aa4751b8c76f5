"""Validated source files -> the plan: its items (obligations included), registry, description,
progress log and reporting regime, with the deadline problems met on the way."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from tthc_cli.data.deadline_specs import read_deadline
from tthc_cli.data.models import (
    AppendixFile,
    AppendixRow,
    DeadlineSpec,
    Duty,
    Obligation,
    Party,
    PlanFile,
    ProgressEntry,
    Reporting,
    ReportingFile,
    Task,
    UnitsFile,
)
from tthc_cli.data.reporting_file import check_reporting_file, regime_of
from tthc_cli.domain.calendar import WorkingDays
from tthc_cli.domain.deadlines import Deadline, unspecified
from tthc_cli.domain.item_ids import item_id, normalise_id, obligation_id, unit_slug
from tthc_cli.domain.obligations import MAX_OBLIGATIONS, ReportsOwed, report_dues, split_obligations
from tthc_cli.domain.plan import (
    AppendixInfo,
    Entry,
    EntryStatus,
    Fact,
    ItemKind,
    Plan,
    PlanItem,
    PlanMeta,
    Regulation,
    ReportsAsked,
    Role,
    plan_meta,
)
from tthc_cli.domain.plan_files import PLAN, PROGRESS, appendix_file, unit_progress_slug
from tthc_cli.domain.problems import Problem, ProblemError
from tthc_cli.domain.reporting import schedule
from tthc_cli.domain.units import GroupInfo, GroupKind, Registry, UnitInfo, UnitType
from tthc_cli.textnorm import whole_number


@dataclass(frozen=True)
class Sources:
    """The validated files a plan is built from, kept for the cross-file checks: plan.yaml, each
    appendix (by name, in document order), units.yaml, and progress.yaml's entries as written (a
    wrong `unit:` or `period:` is reported at its own line) — from progress.yaml and each unit's
    progress/<slug>.yaml, merged — with where each was read from (`log_at`: file name, index in its
    `entries`; empty: all from progress.yaml, in order), and reporting.yaml (None: no regime)."""

    plan: PlanFile
    appendices: dict[str, AppendixFile]
    units: UnitsFile
    log: tuple[ProgressEntry, ...] = ()
    log_at: tuple[tuple[str, int], ...] = ()
    reporting: ReportingFile | None = None

    def entry_at(self, i: int) -> tuple[str, int]:
        """The file and the index in it of the log's entry `i`."""
        return self.log_at[i] if i < len(self.log_at) else (PROGRESS, i)


def _refs(registry: Registry, party: Party | None) -> tuple[str, ...]:
    if party is None:
        return ()
    resolved = (registry.resolve(r) for r in party.refs)
    return tuple(dict.fromkeys(r for r in resolved if r is not None))


def note_id(ob: Obligation) -> str:
    """An obliging paragraph's ID: note:<where>[.<number>] (note:IV, note:review.2)."""
    return f"note:{ob.where}" + (f".{ob.number}" if ob.number else "")


def _inferred(
    lead: Party | None, support: Party | None, deadline: DeadlineSpec | None, reporting: Reporting | None
) -> tuple[tuple[Fact, str], ...]:
    """The facts of an item the data marks as read rather than copied, with their bases."""
    marks = [
        (Fact.LEAD, lead.inferred.basis if lead and lead.inferred else None),
        (Fact.SUPPORT, support.inferred.basis if support and support.inferred else None),
        (Fact.DEADLINE, deadline.inferred.basis if deadline and deadline.inferred else None),
        (Fact.REPORTS, reporting.inferred.basis if reporting else None),
    ]
    return tuple((fact, basis) for fact, basis in marks if basis)


def _reports(registry: Registry, reporting: Reporting | None) -> ReportsAsked | None:
    if reporting is None:
        return None
    return ReportsAsked(
        reporting.text,
        tuple(reporting.periods),
        reporting.ad_hoc,
        reporting.as_regulated,
        _refs(registry, reporting.by),
        reporting.inferred.basis,
    )


def _rule(spec: DeadlineSpec | None) -> Regulation | None:
    return Regulation(spec.regulation.text, spec.regulation.basis) if spec and spec.regulation else None


def build_meta(plan: PlanFile, appendices: dict[str, AppendixFile], province: str | None) -> PlanMeta:
    info, decision = plan.plan, plan.decision
    period = info.period
    sections: dict[str, tuple[str, str]] = {
        s.holds: (s.number, s.title) for s in plan.sections if s.holds is not None
    }
    return plan_meta(
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
                Role(a.unit_role),
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
    if (rank := whole_number(number, 10**6)) is not None:
        return rank
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
    max_obligations: int = MAX_OBLIGATIONS,
) -> tuple[list[PlanItem], list[Problem]]:
    """Every item of the plan, in document order, and the deadline problems met on the way."""
    problems: list[Problem] = []
    items: list[PlanItem] = []
    task_deadlines: dict[str, Deadline] = {}

    def work(
        entry: Task | Duty | Obligation,
        kind: ItemKind,
        iid: str,
        number: str,
        title: str,
        path: tuple[str | int, ...],
        **own: Any,
    ) -> PlanItem:
        """A task, a duty or an obliging note: what the three share, read one way; `own`, what one
        kind alone has."""
        return PlanItem(
            id=iid,
            kind=kind,
            number=number,
            title=title,
            lead=_refs(registry, entry.lead),
            support=_refs(registry, entry.support),
            deadline=read_deadline(
                entry.deadline,
                meta=meta,
                file=PLAN,
                path=(*path, "deadline"),
                problems=problems,
                calendar=calendar,
            ),
            lead_text=entry.lead.text,
            support_text=entry.support.text if entry.support else None,
            regulation=_rule(entry.deadline),
            source=(PLAN, path),
            inferred=_inferred(entry.lead, entry.support, entry.deadline, entry.reporting),
            reports=_reports(registry, entry.reporting),
            standing=entry.standing,
            **own,
        )

    for i, task in enumerate(plan.tasks):
        item = work(
            task,
            ItemKind.TASK,
            item_id("task", task.number),
            task.number,
            task.title,
            ("tasks", i),
            deliverable=task.deliverable,
            content=tuple(task.content),
            grouping=task.grouping,
            appendix=task.appendix,
            short_title=task.short_title,
            notes=tuple(task.notes),
        )
        task_deadlines.setdefault(item.id, item.deadline)
        items.append(item)
    for i, duty in enumerate(plan.duties):
        items.append(
            work(
                duty,
                ItemKind.DUTY,
                item_id("duty", duty.number),
                duty.number,
                duty.text,
                ("duties", i),
                short_title=duty.short_title,
                notes=tuple(duty.notes),
            )
        )
    by_id = {it.id: it for it in items}
    for name, appendix in appendices.items():
        items += _appendix_items(name, appendix, registry, by_id, task_deadlines, meta, problems, calendar)
    for i, ob in enumerate(plan.obligations):
        nid = note_id(ob)
        items.append(work(ob, ItemKind.NOTE, nid, nid.removeprefix("note:"), ob.text, ("obligations", i)))
    each_unit = {item_id("task", t.number) for t in plan.tasks if t.each_unit}
    each_unit |= {item_id("duty", d.number) for d in plan.duties if d.each_unit}
    each_unit |= {note_id(o) for o in plan.obligations if o.each_unit}
    reports: dict[str, ReportsOwed] = {}
    if meta.reporting is not None:  # the reports the items' words ask for, dated by the regime
        for item in items:
            owed, warned = report_dues(item, item.id in each_unit, meta.reporting, registry)
            problems += warned
            if owed is not None:
                reports[item.id] = owed
    try:
        return split_obligations(items, each_unit, registry, max_obligations, reports), problems
    except ProblemError as exc:  # too many obligations asked for: reported at the item that passes the bound
        found = exc.problem
        file, path = next((i.source for i in items if i.id == found.args["item"]), (PLAN, ()))
        return items, [*problems, found.at(file, (*path, *found.path))]


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
    window = task_deadlines.get(parent_id or "") or unspecified()
    out: list[PlanItem] = []
    for block, block_title, rows, notes, base in _blocks(appendix):
        for r, row in enumerate(rows):
            path = (*base, "rows", r)
            number = f"{block}.{row.stt}" if block else str(row.stt)
            deadline = window
            if row.deadline is not None:
                deadline = read_deadline(
                    row.deadline,
                    meta=meta,
                    file=file,
                    path=(*path, "deadline"),
                    problems=problems,
                    calendar=calendar,
                )
            unit = registry.resolve(row.unit)
            inspected = appendix.unit_role == "inspected"
            lead: tuple[str, ...] = (
                (parent.lead if parent else ()) if inspected else ((unit,) if unit else ())
            )
            out.append(
                PlanItem(
                    id=f"{name}:{number}",
                    kind=ItemKind.ROW,
                    appendix=name,
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
                    note=row.note or (notes[row.stt][0] if row.stt in notes else None),
                    cells=tuple(row.cells.items()),
                    unit_role=Role(appendix.unit_role),
                    regulation=_rule(row.deadline),
                    source=(file, path),
                    inferred=_note_mark(row, notes),
                )
            )
    return out


Notes = dict[int, tuple[str, str | None]]  # row -> (note, basis when spread there from another row)
Block = tuple[str | None, str | None, list[AppendixRow], Notes, tuple[str | int, ...]]


def _blocks(appendix: AppendixFile) -> list[Block]:
    """The appendix's tables — its blocks, or its one table of rows — each with its number, title,
    rows, the notes of its merged cells by row, and its path in the file."""
    if not appendix.blocks:
        return [(None, None, appendix.rows, {}, ())]
    blocks: list[Block] = []
    for b, part in enumerate(appendix.blocks):
        notes: Notes = {}
        for note in part.notes:
            first, last = note.rows
            spread = (note.basis or "") if note.inferred else None
            for stt in range(first, last + 1):
                notes.setdefault(stt, (note.text, spread if stt != first else None))
        blocks.append((part.block, part.title, part.rows, notes, ("blocks", b)))
    return blocks


def _note_mark(row: AppendixRow, notes: Notes) -> tuple[tuple[Fact, str], ...]:
    """A note spread onto this row from the merged cell of another (Phụ lục II): marked, with its basis."""
    if row.note is not None or row.stt not in notes:
        return ()
    basis = notes[row.stt][1]
    return ((Fact.NOTE, basis),) if basis is not None else ()


def registry_of(units_file: UnitsFile, appendices: dict[str, AppendixFile]) -> Registry:
    """The registry of units and groups that units.yaml declares; a group of kind 'appendix' has the
    units of that appendix as members."""
    return Registry.from_infos(
        [
            UnitInfo(
                u.name,
                UnitType(u.type),
                tuple(u.aliases),
                u.requires_type,
                u.part_of,
                u.inferred_part_of.basis if u.inferred_part_of else None,
                u.email,
            )
            for u in units_file.units
        ],
        [
            GroupInfo(
                g.name,
                GroupKind(g.kind),
                tuple(g.aliases),
                tuple(g.members),
                tuple(g.scope) if g.scope is not None else None,
                g.appendix,
                tuple((m.name, m.basis) for m in g.inferred_members),
                g.inferred_closure.basis if g.inferred_closure else None,
            )
            for g in units_file.groups
        ],
        derived={name: [r.unit for r in rows_of(appendix)] for name, appendix in appendices.items()},
        province=units_file.province,
    )


def rows_of(appendix: AppendixFile) -> list[AppendixRow]:
    """An appendix's rows in document order, whether flat or in blocks."""
    return [r for b in appendix.blocks for r in b.rows] if appendix.blocks else list(appendix.rows)


def entry_id(registry: Registry, typed_id: str, unit: str | None, period: str | None) -> str:
    """The obligation a log entry is about: its `id`, narrowed by `unit` (any registered spelling)
    and `period`. A unit the registry does not know is kept as typed, for the check to report."""
    key = normalise_id(typed_id)
    if unit is None and period is None:
        return key
    canonical = registry.resolve(unit) or unit if unit is not None else None
    return obligation_id(key, canonical, period)


def log_entries(
    registry: Registry, log: tuple[ProgressEntry, ...], log_at: tuple[tuple[str, int], ...] = ()
) -> tuple[Entry, ...]:
    """The log's entries as the plan holds them. An entry of a unit's own file (progress/<slug>.yaml)
    that does not say `by` was reported by that unit."""
    by_slug = {unit_slug(name): name for name in registry.units} if log_at else {}
    reporters = [by_slug.get(unit_progress_slug(file) or "") for file, _i in log_at]
    return tuple(
        Entry(
            entry_id(registry, e.id, e.unit, e.period),
            e.date,
            EntryStatus(e.status),
            e.note,
            e.evidence,
            e.by or (reporters[i] if i < len(reporters) else None),
        )
        for i, e in enumerate(log)
    )


def build_plan(
    sources: Sources, calendar: WorkingDays, max_obligations: int = MAX_OBLIGATIONS
) -> tuple[Plan, list[Problem]]:
    """The plan the validated files describe, and the deadline and reporting-regime problems met on
    the way."""
    appendices = sources.appendices
    registry = registry_of(sources.units, appendices)
    meta = build_meta(sources.plan, appendices, sources.units.province)
    regime_problems: list[Problem] = []
    if sources.reporting is not None:
        regime_problems += check_reporting_file(sources.reporting, registry)
        dated, found = schedule(
            regime_of(sources.reporting, registry), meta.period_start, meta.period_end, calendar
        )
        regime_problems += found
        meta = replace(meta, reporting=dated)
    items, problems = build_items(sources.plan, appendices, registry, meta, calendar, max_obligations)
    problems += regime_problems
    plan = Plan(meta, registry, tuple(items), log_entries(registry, sources.log, sources.log_at))
    return plan, problems
