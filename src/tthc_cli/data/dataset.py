"""The data set as a whole: the files' bytes -> validated models -> the plan, with every problem located
at its file, line and column."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date

from pydantic import BaseModel

from tthc_cli.data.build import Sources, build_plan, order_appendices
from tthc_cli.data.checks import run_checks
from tthc_cli.data.document import Document
from tthc_cli.data.loader import parse_document
from tthc_cli.data.models import AppendixFile, PlanFile, ProgressFile, ReportingFile, UnitsFile, model_for
from tthc_cli.data.places import Step
from tthc_cli.data.progress_files import merged_log
from tthc_cli.data.salvage import REFERENT_CODES, Salvaged, salvage
from tthc_cli.data.schema_check import validate_model
from tthc_cli.domain.calendar import VIETNAM, WorkingDays
from tthc_cli.domain.obligations import MAX_OBLIGATIONS
from tthc_cli.domain.plan import Plan
from tthc_cli.domain.plan_files import PLAN, REPORTING, REQUIRED_FILES, UNITS, appendix_name, is_progress_file
from tthc_cli.domain.problems import Problem, problem


@dataclass(frozen=True)
class Loaded:
    """What a plan folder's files give: the plan (None when any error stands), and every problem,
    located, in file and line order."""

    plan: Plan | None
    problems: tuple[Problem, ...] = ()
    sources: Sources | None = None  # the validated files, when every file fits its schema

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused while a plan's objects are made: millions of objects
    that form no cycles, and the collector's repeated full passes over them cost ~3/4 of a large
    validation (100k items: 19.7 s -> 4.3 s). Restored afterwards, whatever happens."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _locate(docs: Mapping[str, Document], labels: Mapping[str, str], p: Problem) -> Problem:
    if p.line:
        return p
    doc = docs.get(p.file)
    if doc is None:
        return p.located(labels.get(p.file, p.file), 0, 0)
    return doc.located(p, p.path, key=p.at_key)  # its line, column and place in the document


def _appendix_numbered(p: Problem, numbers: Mapping[str, str]) -> Problem:
    """A paragraph of plan.yaml placed under an appendix by its file's name (`where: review`) is named
    by the number the document prints for that appendix ("Phụ lục I"), which only its file gives."""
    steps = p.place
    if not any(step == Step.NOTE and name.partition(".")[0] in numbers for step, name in steps):
        return p
    place = []
    for step, name in steps:
        where, _dot, rest = name.partition(".")
        if step == Step.NOTE and where in numbers:
            step, name = Step.APPENDIX_NOTE, f"{numbers[where]}.{rest}" if rest else numbers[where]
        place.append((step, name))
    return replace(p, place=tuple(place))


def _as_written(problems: list[Problem], salvaged: Mapping[str, Salvaged]) -> list[Problem]:
    """Cross-file problems found on salvaged files, pointed back at the files as written; lookups
    into a file that lost elements are left out (the element may only have been set aside)."""
    skip: set[str] = set()
    for name, kept in salvaged.items():
        if kept.dropped and not is_progress_file(name):
            skip |= REFERENT_CODES["units" if name == UNITS else "items"]
    out = []
    for p in problems:
        if p.code in skip:
            continue
        found = salvaged.get(p.file)
        if found is not None and found.removed:
            p = p.at(p.file, found.original_path(p.path), key=p.at_key)
        if found is not None and found.lost_a_field(p.path):
            continue  # judged without a field already reported where it stands
        out.append(p)
    return out


def assemble(
    files: Mapping[str, bytes | None],
    labels: Mapping[str, str] | None = None,
    today: date | None = None,
    calendar: WorkingDays = VIETNAM,
    max_obligations: int = MAX_OBLIGATIONS,
) -> Loaded:
    """Validate the data files together. `files` maps each data file name to its bytes (None when
    missing); `labels` gives the path to show for each in messages; `today` dates the progress log
    (entries after it are errors); due dates on a day off move on `calendar`; a plan asking for more
    than `max_obligations` obligations is refused before they are made."""
    with _collector_paused():
        return _assemble(files, labels or {}, today, calendar, max_obligations)


@dataclass
class _Read:
    """Each file read on its own: its document, the model it makes (the parts that fit, salvaged),
    and the problems found so far."""

    docs: dict[str, Document]
    models: dict[str, BaseModel | None]
    salvaged: dict[str, Salvaged]
    found: list[Problem]


def _read_files(files: Mapping[str, bytes | None], labels: Mapping[str, str]) -> _Read:
    read = _Read({}, {}, {}, [])
    for name in files:
        model = model_for(name)
        if model is None:
            continue
        raw = files.get(name)
        if raw is None:
            if name in REQUIRED_FILES:
                missing = problem("missing-file", name=name, required=REQUIRED_FILES)
                read.found.append(missing.located(labels.get(name, name), 1, 1))
                read.models[name] = None
            elif is_progress_file(name):
                read.models[name] = ProgressFile()  # no log yet: nothing recorded
            continue
        doc = read.docs[name] = parse_document(labels.get(name, name), raw)
        read.models[name] = validate_model(doc, model)
        read.found.extend(doc.diagnostics)
        if read.models[name] is None and doc.data is not None:
            # Check the rest of the set against the parts of this file that fit its schema.
            read.salvaged[name] = kept = salvage(doc.data, model)
            kept.fields |= doc.unread  # a date the calendar does not have was left out too
            read.models[name] = kept.model
    return read


def _sources(models: Mapping[str, BaseModel | None], appendices: dict[str, AppendixFile]) -> Sources | None:
    """The files as the plan is built from them, when the plan, the registry and every appendix
    could be read (in part at least)."""
    plan_file, units = models.get(PLAN), models.get(UNITS)
    appendices_ok = all(isinstance(m, AppendixFile) for n, m in models.items() if appendix_name(n))
    if not (isinstance(plan_file, PlanFile) and isinstance(units, UnitsFile) and appendices_ok):
        return None
    logs = [
        (n, m.entries or []) for n, m in models.items() if is_progress_file(n) and isinstance(m, ProgressFile)
    ]
    log, log_at = merged_log(logs)
    regime = models.get(REPORTING)  # absent: the plan has no reporting regime
    reporting = regime if isinstance(regime, ReportingFile) else None
    return Sources(plan_file, order_appendices(appendices), units, log, log_at, reporting)


def _assemble(
    files: Mapping[str, bytes | None],
    labels: Mapping[str, str],
    today: date | None,
    calendar: WorkingDays,
    max_obligations: int,
) -> Loaded:
    read = _read_files(files, labels)
    found = read.found
    appendices = {
        appendix_name(n) or n: m
        for n, m in read.models.items()
        if appendix_name(n) and isinstance(m, AppendixFile)
    }
    plan = None
    sources = _sources(read.models, appendices)
    if sources is not None:
        plan, made = build_plan(sources, calendar, max_obligations)
        rules = [*made, *run_checks(plan, sources, today)]
        found.extend(_locate(read.docs, labels, p) for p in _as_written(rules, read.salvaged))
    numbers = {n: a.number for n, a in appendices.items() if a.number}
    found = sorted((_appendix_numbered(p, numbers) for p in found), key=Problem.sort_key)
    result = Loaded(plan, tuple(found), sources)
    return Loaded(None, result.problems, sources) if result.errors else result
