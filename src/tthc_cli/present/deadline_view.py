"""`tthc deadline`: how a phrase is read, as JSON (ISO dates) or as text (dd/mm/yyyy). Pure strings."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from tthc_cli.domain.calendar import iso_date
from tthc_cli.domain.deadlines import Deadline, DeadlineKind
from tthc_cli.domain.problems import Problem
from tthc_cli.i18n import N_, _
from tthc_cli.present.contracts import deadline_to_dict
from tthc_cli.present.labels import dmy
from tthc_cli.present.messages import message, quote_text

# A phrase as typed and what tthc made of it: its deadline, or the problem that stopped the reading.
Reading = tuple[str, Deadline | Problem]

# What each kind means, in words, beside its code (the code is what JSON and the data carry).
KIND_WORDS = {
    DeadlineKind.BY_DATE: N_("by a date"),
    DeadlineKind.BEFORE_MONTH: N_("before a month begins"),
    DeadlineKind.MONTH: N_("within a month"),
    DeadlineKind.WINDOW: N_("within a stretch of time"),
    DeadlineKind.QUARTER: N_("within a quarter"),
    DeadlineKind.HALF_YEAR: N_("within a half year"),
    DeadlineKind.YEAR: N_("within a year"),
    DeadlineKind.YEARS: N_("over several years"),
    DeadlineKind.OPEN_START: N_("from a start, no end stated"),
    DeadlineKind.ONGOING: N_("ongoing"),
    DeadlineKind.RECURRING: N_("recurring"),
    DeadlineKind.AS_REGULATED: N_("as the regulations say"),
    DeadlineKind.ON_REQUEST: N_("when requested"),
    DeadlineKind.PER_ROADMAP: N_("on the roadmap of the ministries"),
    DeadlineKind.RELATIVE: N_("days after an event"),
    DeadlineKind.ON_EVENT: N_("when an event happens"),
    DeadlineKind.UNSPECIFIED: N_("none stated"),
}


def _dmy(d: date | None) -> str:
    return dmy(d) if d else "—"


def _suggestions(p: Problem) -> list[str]:
    found = p.args.get("suggestions")
    return list(found) if isinstance(found, tuple) else []


def reading_to_dict(text: str, result: Deadline | Problem) -> dict[str, Any]:
    """The JSON of one phrase: the item contract's deadline fields, then occurrences and warnings;
    an unreadable phrase has kind null and an `error` with the nearest forms."""
    if isinstance(result, Problem):
        return {
            "text": text,
            "kind": None,
            "start": None,
            "due": None,
            "effective_due": None,
            "tentative": False,
            "occurrences": [],
            "warnings": [],
            "error": {"code": result.code, "message": message(result), "suggestions": _suggestions(result)},
        }
    d = result
    return {
        **deadline_to_dict(d),
        "occurrences": [
            {
                "period": o.period,
                "start": iso_date(o.start),
                "due": iso_date(o.due),
                "effective_due": iso_date(o.effective_due),
            }
            for o in d.occurrences
        ],
        "warnings": [{"code": w.code, "message": message(w)} for w in d.warnings],
        "start_by": iso_date(d.start_by),
        "after_days": d.after_days,
    }


def _due(due: date, effective: date | None) -> str:
    text = _dmy(due)
    return text + (f" (→ {_dmy(effective)})" if effective and effective != due else "")


def reading_lines(text: str, result: Deadline | Problem) -> list[str]:
    """A few lines a drafter reads: the phrase (its beginning, if long), its kind and dates, each
    occurrence, any warning."""
    lines = [quote_text(text)]
    if isinstance(result, Problem):
        lines.append("  " + _("error[{code}]: {message}").format(code=result.code, message=message(result)))
        return lines
    d = result
    kind = f"{d.kind.value} — {_(KIND_WORDS[d.kind])}" + (" " + _("(tentative)") if d.tentative else "")
    lines.append("  " + _("kind: {kind}").format(kind=kind))
    if d.start is not None:
        lines.append("  " + _("start: {date}").format(date=_dmy(d.start)))
    if d.start_by is not None:
        lines.append("  " + _("begin by: {date}").format(date=_dmy(d.start_by)))
    if d.due is not None:
        lines.append("  " + _("due: {date}").format(date=_due(d.due, d.effective_due)))
    elif d.after_days is not None:
        lines.append("  " + _("due: {days} days after the event it names").format(days=d.after_days))
    elif d.kind is DeadlineKind.ON_EVENT:
        lines.append("  " + _("due: when the event it names happens"))
    else:
        lines.append("  " + _("due: none (listed apart, never overdue)"))
    if d.occurrences and (len(d.occurrences) > 1 or d.every):
        lines.append("  " + _("occurrences in the plan period: {n}").format(n=len(d.occurrences)))
        for o in d.occurrences:
            lines.append(f"    {o.period:<23} {_dmy(o.start)} – {_due(o.due, o.effective_due)}")
    for w in d.warnings:
        lines.append("  " + _("warning[{code}]: {message}").format(code=w.code, message=message(w)))
    return lines


def readings_text(readings: Sequence[Reading], plan_start: date, plan_end: date) -> str:
    head = _("Plan period: {start} – {end}").format(start=_dmy(plan_start), end=_dmy(plan_end))
    blocks = ["\n".join(reading_lines(t, r)) for t, r in readings]
    return head + "\n\n" + "\n\n".join(blocks) + "\n"
