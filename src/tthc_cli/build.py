"""Validated source models -> the plan's items, with the deadline problems met on the way."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from .catalog import INSPECTION, PLAN, REVIEW, Entry, Plan, PlanItem
from .deadlines import Deadline, DeadlineError, DeadlineKind, parse_deadline
from .diagnostics import Problem, Severity
from .units import Registry

if TYPE_CHECKING:
    from .models import DeadlineSpec, InspectionFile, Party, PlanFile, ReviewFile, UnitsFile


class Dataset(Plan):
    """The plan with the validated source files it came from, for the cross-file checks."""

    def __init__(
        self,
        year: int,
        registry: Registry,
        items: list[PlanItem],
        *,
        plan: PlanFile,
        review: ReviewFile,
        inspection: InspectionFile,
        units: UnitsFile,
        progress: list[Entry] | None = None,
    ) -> None:
        super().__init__(year, registry, items, progress)
        self.plan = plan
        self.review = review
        self.inspection = inspection
        self.units = units


def _refs(registry: Registry, party: Party | None) -> tuple[str, ...]:
    if party is None:
        return ()
    resolved = (registry.resolve(r) for r in party.refs)
    return tuple(dict.fromkeys(r for r in resolved if r is not None))


@lru_cache(maxsize=4096)
def _parse_cached(text: str | None, plan_start: date, tentative: bool) -> Deadline:
    # Plans repeat a handful of phrases ("Thường xuyên năm 2021.") thousands of times; Deadline is
    # immutable, so one parse serves them all. Errors are not cached (they are rare).
    return parse_deadline(text, plan_start=plan_start, tentative=tentative, default_year=plan_start.year)


def read_deadline(
    spec: DeadlineSpec | None,
    *,
    plan_start: date,
    file: str,
    path: tuple[str | int, ...],
    problems: list[Problem],
) -> Deadline:
    """Parse a deadline spec; explicit dates must agree with any phrase the parser understands."""
    if spec is None:
        return Deadline(None, DeadlineKind.UNSPECIFIED, None, None, None)
    parsed: Deadline | None = None
    try:
        parsed = _parse_cached(spec.text, plan_start, spec.tentative)
    except DeadlineError as exc:
        if spec.due is None:
            problems.append(Problem(file, (*path, "text"), exc.code, str(exc)))
    explicit = spec.due is not None or spec.start is not None
    if parsed is not None and parsed.kind is not DeadlineKind.UNSPECIFIED:
        if explicit:
            for name, mine in (("start", spec.start), ("due", spec.due)):
                theirs = getattr(parsed, name)
                if mine is not None and mine != theirs:
                    said = theirs.strftime("%d/%m/%Y") if theirs else "no date"
                    problems.append(
                        Problem(
                            file,
                            (*path, name),
                            "deadline-mismatch",
                            f"{name} {mine:%d/%m/%Y} disagrees with the phrase '{spec.text}' ({said}); "
                            "correct one of them or drop the explicit date",
                        )
                    )
        return parsed
    if explicit:
        start = spec.start or min(plan_start, spec.due or plan_start)
        kind = DeadlineKind.WINDOW if spec.start and spec.due else DeadlineKind.BY_DATE
        return Deadline(spec.text, kind, start, spec.due, spec.due, spec.tentative)
    return parsed or Deadline(spec.text, DeadlineKind.UNSPECIFIED, None, None, None, spec.tentative)


def build_items(
    plan: PlanFile, review: ReviewFile, inspection: InspectionFile, registry: Registry
) -> tuple[list[PlanItem], list[Problem]]:
    """Every item of the plan, in document order, and the deadline problems met on the way."""
    problems: list[Problem] = []
    start = date(plan.plan.year, 1, 1)
    items: list[PlanItem] = []
    task_deadlines: dict[str, Deadline] = {}
    for i, task in enumerate(plan.tasks):
        path: tuple[str | int, ...] = ("tasks", i)
        deadline = read_deadline(
            task.deadline, plan_start=start, file=PLAN, path=(*path, "deadline"), problems=problems
        )
        task_deadlines.setdefault(task.number, deadline)
        items.append(
            PlanItem(
                id=f"task:{task.number}",
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
                source=(PLAN, path),
            )
        )
    for i, duty in enumerate(plan.duties):
        path = ("duties", i)
        deadline = read_deadline(
            duty.deadline, plan_start=start, file=PLAN, path=(*path, "deadline"), problems=problems
        )
        items.append(
            PlanItem(
                id=f"duty:{duty.number}",
                kind="duty",
                number=duty.number,
                title=duty.text,
                lead=_refs(registry, duty.lead),
                support=_refs(registry, duty.support),
                deadline=deadline,
                lead_text=duty.lead.text,
                support_text=duty.support.text if duty.support else None,
                source=(PLAN, path),
            )
        )
    for i, row in enumerate(review.rows):
        path = ("rows", i)
        deadline = read_deadline(
            row.deadline, plan_start=start, file=REVIEW, path=(*path, "deadline"), problems=problems
        )
        unit = registry.resolve(row.unit)
        items.append(
            PlanItem(
                id=f"review:{row.stt}",
                kind="review",
                number=str(row.stt),
                title=row.text,
                lead=(unit,) if unit else (),
                support=(),
                deadline=deadline,
                lead_text=row.unit,
                parent=f"task:{review.task}",
                domains=tuple(row.domains),
                unit=unit,
                unit_text=row.unit,
                source=(REVIEW, path),
            )
        )
    # Phụ lục II rows have no dates of their own: they run in their task's window (item 6), and the
    # inspecting office is that task's lead.
    parent_id = f"task:{inspection.task}"
    parent = next((it for it in items if it.id == parent_id), None)
    window = task_deadlines.get(inspection.task) or Deadline(None, DeadlineKind.UNSPECIFIED, None, None, None)
    for b, block in enumerate(inspection.blocks):
        notes: dict[int, str] = {}
        for note in block.notes:
            first, last = note.rows
            for stt in range(first, last + 1):
                notes.setdefault(stt, note.text)
        for r, irow in enumerate(block.rows):
            unit = registry.resolve(irow.unit)
            items.append(
                PlanItem(
                    id=f"inspection:{block.block}.{irow.stt}",
                    kind="inspection",
                    number=f"{block.block}.{irow.stt}",
                    title=irow.unit,
                    lead=parent.lead if parent else (),
                    support=(),
                    deadline=window,
                    lead_text=parent.lead_text if parent else None,
                    support_text=irow.unit,
                    parent=parent_id,
                    unit=unit,
                    unit_text=irow.unit,
                    block=block.block,
                    block_title=block.title,
                    note=notes.get(irow.stt),
                    source=(INSPECTION, ("blocks", b, "rows", r)),
                )
            )
    return items, problems


def year_warnings(items: list[PlanItem], year: int) -> list[Problem]:
    out = []
    for item in items:
        d = item.deadline
        for when in (d.start, d.due):
            if when is not None and when.year != year:
                file, path = item.source
                out.append(
                    Problem(
                        file,
                        (*path, "deadline", "text"),
                        "deadline-outside-year",
                        f"{item.id}: {when:%d/%m/%Y} falls outside the plan year {year}",
                        Severity.WARNING,
                    )
                )
                break
    return out


def make_dataset(
    plan: PlanFile,
    review: ReviewFile,
    inspection: InspectionFile,
    units: UnitsFile,
) -> tuple[Dataset, list[Problem]]:
    registry = Registry.build(units)
    registry.set_derived("review", filter(None, (registry.resolve(r.unit) for r in review.rows)))
    registry.set_derived(
        "inspection", filter(None, (registry.resolve(r.unit) for b in inspection.blocks for r in b.rows))
    )
    items, problems = build_items(plan, review, inspection, registry)
    ds = Dataset(
        year=plan.plan.year,
        registry=registry,
        items=items,
        plan=plan,
        review=review,
        inspection=inspection,
        units=units,
    )
    return ds, problems
