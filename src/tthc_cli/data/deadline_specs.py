"""A deadline as the data files write it (a phrase, explicit dates, or a rule the office added) ->
a Deadline, with the problems met on the way: a phrase the parser cannot read, a year outside the
plan period, an explicit date that disagrees with the phrase."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import lru_cache

from tthc_cli.data.models import DeadlineSpec
from tthc_cli.domain.calendar import WorkingDays
from tthc_cli.domain.deadlines import Deadline, DeadlineKind, parse_deadline, unspecified
from tthc_cli.domain.plan import PlanMeta
from tthc_cli.domain.problems import Problem, ProblemError, problem


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
    deadline left to regulation, with the rule added by the office, takes its dates from the rule.
    The problems found are appended to `problems`, placed at their field of `file`."""
    if spec is None:
        return unspecified()
    if spec.regulation is not None:
        rule = DeadlineSpec(text=spec.regulation.text, tentative=spec.tentative)
        derived = read_deadline(
            rule, meta=meta, file=file, path=(*path, "regulation"), problems=problems, calendar=calendar
        )
        return replace(derived, text=spec.text)
    parsed: Deadline | None = None
    try:
        parsed = _parse_cached(
            spec.text, (meta.period_start, meta.period_end, plan_year(meta)), spec.tentative, calendar
        )
    except ProblemError as exc:
        if spec.due is None:  # explicit dates stand in for a phrase tthc cannot read
            problems.append(exc.problem.at(file, (*path, "text")))
    else:
        # A year outside the plan period, at the phrase's line.
        problems.extend(w.at(file, (*path, "text")) for w in parsed.warnings)
    if parsed is not None and parsed.kind is not DeadlineKind.UNSPECIFIED:
        problems.extend(found.at(file, (*path, name)) for name, found in _disagreements(spec, parsed))
        return parsed
    if spec.due is not None or spec.start is not None:
        return _explicit(spec, meta.period_start, calendar)
    return parsed or unspecified(spec.text, spec.tentative)


def _disagreements(spec: DeadlineSpec, parsed: Deadline) -> list[tuple[str, Problem]]:
    """Each explicit start or due date that differs from the phrase's reading, by its field."""
    found = []
    for name, mine in (("start", spec.start), ("due", spec.due)):
        theirs = getattr(parsed, name)
        if mine is not None and mine != theirs:
            said = problem("deadline-mismatch", field=name, day=mine, phrase=spec.text, said=theirs)
            found.append((name, said))
    return found


def _explicit(spec: DeadlineSpec, plan_start: date, calendar: WorkingDays) -> Deadline:
    """A deadline given by its dates only (the phrase, if any, is not read)."""
    start = spec.start or min(plan_start, spec.due or plan_start)
    return Deadline(
        text=spec.text,
        kind=DeadlineKind.WINDOW if spec.start and spec.due else DeadlineKind.BY_DATE,
        start=start,
        due=spec.due,
        window_end=spec.due,
        tentative=spec.tentative,
        effective_due=None if spec.due is None else calendar.next_working_day(spec.due),
    )
