"""The data set as a whole: the files' bytes -> validated models -> Dataset, with every problem located."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from pydantic import BaseModel

from tthc_cli.data.build import Dataset, make_dataset
from tthc_cli.data.checks import check_dataset
from tthc_cli.data.diagnostics import Diagnostic, Problem, Severity
from tthc_cli.data.document import Document
from tthc_cli.data.loader import parse_document
from tthc_cli.data.models import AppendixFile, PlanFile, ProgressFile, UnitsFile, model_for
from tthc_cli.data.salvage import REFERENT_CODES, Salvaged, salvage
from tthc_cli.data.schema_check import validate_model
from tthc_cli.domain.calendar import VIETNAM, WorkingDays
from tthc_cli.domain.item_ids import normalise_id, unit_slug
from tthc_cli.domain.plan import Entry
from tthc_cli.domain.plan_files import PLAN, PROGRESS, REQUIRED_FILES, UNITS, appendix_name
from tthc_cli.domain.records import many_records


def entry_id(plan: Dataset, typed_id: str, unit: str | None, period: str | None) -> str:
    """The obligation a log entry is about: its `id`, narrowed by `unit` (any registered spelling)
    and `period`. A unit the registry does not know is kept as typed, for the check to report."""
    key = normalise_id(typed_id)
    if unit is not None:
        key += "/" + unit_slug(plan.registry.resolve(unit) or unit)
    if period is not None:
        key += "/" + period.strip().upper()
    return key


@dataclass
class LoadResult:
    dataset: Dataset | None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]


def _locate(docs: Mapping[str, Document], labels: Mapping[str, str], p: Problem) -> Diagnostic:
    doc = docs.get(p.file)
    line, col = doc.locate(p.path, key=p.key) if doc else (0, 0)
    from tthc_cli.data.diagnostics import format_path

    return Diagnostic(
        labels.get(p.file, p.file), line, col, p.severity, p.code, format_path(p.path), p.message
    )


def _as_written(problems: list[Problem], salvaged: Mapping[str, Salvaged]) -> list[Problem]:
    """Cross-file problems found on salvaged files, pointed back at the files as written; lookups
    into a file that lost elements are left out (the element may only have been set aside)."""
    skip: set[str] = set()
    for name, kept in salvaged.items():
        if kept.dropped and name != PROGRESS:
            skip |= REFERENT_CODES["units" if name == UNITS else "items"]
    out = []
    for p in problems:
        if p.code in skip:
            continue
        found = salvaged.get(p.file)
        if found is not None and found.removed:
            p = Problem(p.file, found.original_path(p.path), p.code, p.message, p.severity, key=p.key)
        out.append(p)
    return out


def assemble(
    files: Mapping[str, bytes | None],
    labels: Mapping[str, str] | None = None,
    today: date | None = None,
    calendar: WorkingDays = VIETNAM,
) -> LoadResult:
    """Validate the data files together. `files` maps each data file name to its bytes (None when
    missing); `labels` gives the path to show for each in messages; `today` dates the progress log
    (entries after it are errors); due dates on a day off move on `calendar`."""
    with many_records():
        return _assemble(files, labels or {}, today, calendar)


def _assemble(
    files: Mapping[str, bytes | None], labels: Mapping[str, str], today: date | None, calendar: WorkingDays
) -> LoadResult:
    labels = dict(labels or {})
    docs: dict[str, Document] = {}
    models: dict[str, BaseModel | None] = {}
    diagnostics: list[Diagnostic] = []
    salvaged: dict[str, Salvaged] = {}
    for name in files:
        model = model_for(name)
        if model is None:
            continue
        label = labels.get(name, name)
        raw = files.get(name)
        if raw is None and name not in REQUIRED_FILES:
            if name == PROGRESS:
                models[name] = ProgressFile()  # no log yet: nothing recorded
            continue
        if raw is None:
            diagnostics.append(
                Diagnostic(
                    label,
                    1,
                    1,
                    Severity.ERROR,
                    "missing-file",
                    "",
                    f"{name} is missing; a plan folder needs {' and '.join(REQUIRED_FILES)}",
                )
            )
            models[name] = None
            continue
        doc = parse_document(label, raw)
        docs[name] = doc
        models[name] = validate_model(doc, model)
        diagnostics.extend(doc.diagnostics)
        if models[name] is None and doc.data is not None:
            # Check the rest of the set against the parts of this file that fit its schema.
            salvaged[name] = kept = salvage(doc.data, model)
            models[name] = kept.model
    dataset = None
    plan, units = models.get(PLAN), models.get(UNITS)
    appendices = {
        appendix_name(n) or n: m
        for n, m in models.items()
        if appendix_name(n) and isinstance(m, AppendixFile)
    }
    appendices_ok = all(isinstance(m, AppendixFile) for n, m in models.items() if appendix_name(n))
    if isinstance(plan, PlanFile) and isinstance(units, UnitsFile) and appendices_ok:
        dataset, problems = make_dataset(plan, appendices, units, calendar)
        progress = models.get(PROGRESS)
        if isinstance(progress, ProgressFile):
            dataset.log = list(progress.entries or [])
            dataset.progress = [
                Entry(entry_id(dataset, e.id, e.unit, e.period), e.date, e.status, e.note, e.evidence, e.by)
                for e in progress.entries or []
            ]
        problems += check_dataset(dataset, today)
        diagnostics.extend(_locate(docs, labels, p) for p in _as_written(problems, salvaged))
    diagnostics.sort(key=Diagnostic.sort_key)
    result = LoadResult(dataset, diagnostics)
    if result.errors:
        result.dataset = None
    return result
