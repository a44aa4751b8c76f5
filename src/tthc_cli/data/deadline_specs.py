"""A deadline as the data files write it (a phrase, explicit dates, or a rule the office added) ->
a Deadline, with the problems met on the way: a phrase the parser cannot read, a year outside the
plan period, an explicit date that disagrees with the phrase."""

from __future__ import annotations

import copy
from datetime import date
from functools import lru_cache

from tthc_cli.data.diagnostics import Problem, Severity
from tthc_cli.data.models import DeadlineSpec
from tthc_cli.domain.calendar import WorkingDays
from tthc_cli.domain.deadlines import Deadline, DeadlineError, DeadlineKind, parse_deadline
from tthc_cli.domain.plan import PlanMeta
from tthc_cli.i18n import _


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
