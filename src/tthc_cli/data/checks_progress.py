"""The progress log's rule: an entry must be believable — a real item (or one obligation of a split
item), no date in the future or long after the plan, nothing done before it started, no repeats —
and an entry in a unit's own file (progress/<slug>.yaml) must be that unit's report. Each problem
stands at the entry's own file and line."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from tthc_cli.data.build import Sources
from tthc_cli.domain.item_ids import normalise_id, unit_slug
from tthc_cli.domain.plan import Entry, EntryStatus, Plan
from tthc_cli.domain.plan_files import unit_progress_slug
from tthc_cli.domain.problems import Path, Problem, problem, warning
from tthc_cli.domain.suggest import obligation_hint, unknown_id
from tthc_cli.domain.unit_reports import reportable_by_unit

LATE_ENTRY_DAYS = 366


def _wrong_part(plan: Plan, sources: Sources, i: int) -> str:
    """The field of entry `i` that names nothing: its `id`, or — when the ID is right — the `unit:` or
    `period:` written beside it (a unit the item does not bind, a period it does not have)."""
    raw = sources.log[i]  # the plan's log is read from these entries, one for one
    if normalise_id(raw.id) not in plan.by_id or (raw.unit is None and raw.period is None):
        return "id"
    if raw.unit is None:
        return "period"
    if raw.period is None:
        return "unit"
    slug = unit_slug(plan.registry.resolve(raw.unit) or raw.unit)
    units = {k.id.split("/")[1] for k in plan.children(normalise_id(raw.id)) if "/" in k.id}
    return "period" if slug in units else "unit"


# A problem of one entry, and the entry's field it stands at (None: the entry as a whole).
_Found = tuple[Problem, str | None]


@dataclass
class _History:
    """What the log has said so far, entry by entry: when each item started, was done, was last
    mentioned, and every entry already seen."""

    started: dict[str, date] = field(default_factory=dict)
    done: dict[str, date] = field(default_factory=dict)
    last: dict[str, date] = field(default_factory=dict)
    seen: set[tuple[object, ...]] = field(default_factory=set)


def check_progress(plan: Plan, sources: Sources, today: date | None) -> Iterator[Problem]:
    """The log must be believable: real IDs, no future dates, nothing done before it started."""
    history = _History()
    for i, entry in enumerate(plan.progress):
        file, index = sources.entry_at(i)  # the file this entry stands in, and its place there
        path: Path = ("entries", index)
        if entry.id not in plan.by_id:
            yield unknown_id(plan, entry.id).at(file, (*path, _wrong_part(plan, sources, i)))
            continue
        if plan.by_id[entry.id].split:
            yield obligation_hint(plan, entry.id).at(file, (*path, "id"))
            continue
        found = [
            *_dated(plan, entry, today),
            *_in_sequence(history, entry),
            *_by_status(plan, history, entry),
        ]
        for p, where in found:
            yield p.at(file, (*path, where) if where else path)


def _dated(plan: Plan, entry: Entry, today: date | None) -> Iterator[_Found]:
    when, meta = entry.date, plan.meta
    if today is not None and when > today:
        yield problem("future-entry", day=when, today=today), "date"
    if when < meta.period_start:
        yield problem("before-plan", day=when, start=meta.period_start), "date"
    if (when - meta.period_end).days > LATE_ENTRY_DAYS:
        # Work finished after the plan ended is recorded as late; a year after, the date is most
        # likely today's, typed into an old plan's log without --date.
        yield warning("long-after-plan", day=when, end=meta.period_end), "date"


def _in_sequence(history: _History, entry: Entry) -> Iterator[_Found]:
    item, when = entry.id, entry.date
    key = (item, when, entry.status, entry.note, entry.evidence, entry.by)
    if key in history.seen:
        yield warning("duplicate-entry"), None
    history.seen.add(key)
    if item in history.last and when < history.last[item]:
        yield warning("out-of-order", item=item, day=when, previous=history.last[item]), "date"
    history.last[item] = max(history.last.get(item, when), when)


def _by_status(plan: Plan, history: _History, entry: Entry) -> Iterator[_Found]:
    item, when = entry.id, entry.date
    if entry.status == EntryStatus.STARTED:
        if item in history.done:
            yield warning("started-after-done", item=item, day=history.done[item]), "status"
        history.started.setdefault(item, when)
    elif entry.status == EntryStatus.DONE:
        yield from _done(plan, history, entry)
        history.done[item] = when
    elif entry.status == EntryStatus.REOPENED:
        if item not in history.done:
            yield warning("reopened-not-done", item=item), "status"
        history.done.pop(item, None)


def _done(plan: Plan, history: _History, entry: Entry) -> Iterator[_Found]:
    item, when = entry.id, entry.date
    if plan.by_id[item].standing:
        yield warning("standing-done", item=item), "status"
    parts = plan.children(item)
    open_parts = tuple(k.id for k in parts if not (k.id in history.done and history.done[k.id] <= when))
    if open_parts:
        # A parent is done when its parts are: recording it done while one is open would give the
        # Chairman a figure the log contradicts.
        found = problem(
            "done-with-open-parts", item=item, count=len(open_parts), total=len(parts), parts=open_parts
        )
        yield found, "status"
    if item in history.started and when < history.started[item]:
        yield problem("done-before-start", item=item, day=when, started=history.started[item]), "date"
    if item in history.done:
        yield warning("done-twice", item=item, day=history.done[item]), "status"


def check_unit_files(plan: Plan, sources: Sources, today: date | None = None) -> Iterator[Problem]:
    """progress/<slug>.yaml holds one unit's reports: the file names a registered unit, and each entry
    is that unit's — reported by it (`by`, when written, names it) and about an obligation it may
    report on (its own, or its group's work: domain/unit_reports)."""
    files = {file for file, _i in sources.log_at if unit_progress_slug(file)}
    if not files:
        return
    by_slug = {unit_slug(name): name for name in plan.registry.units}
    units = {file: by_slug.get(unit_progress_slug(file) or "") for file in files}
    for file in sorted(f for f, u in units.items() if u is None):
        slug = unit_progress_slug(file) or ""
        close = tuple(s for s in by_slug if s.startswith(slug[:6]))[:3]
        yield problem("unit-file", "unknown", slug=slug, suggestions=close).at(file)
    yield from _not_the_units(plan, sources, {f: u for f, u in units.items() if u is not None})


def _not_the_units(plan: Plan, sources: Sources, units: dict[str, str]) -> Iterator[Problem]:
    """Entries of a unit's file (`units`: file -> its unit) reported by another, or about an item it
    may not report on."""
    may = reportable_by_unit(plan, list(units.values()))
    for i, (raw, entry) in enumerate(zip(sources.log, plan.progress, strict=True)):
        file, index = sources.entry_at(i)
        unit = units.get(file)
        if unit is None:
            continue
        if raw.by is not None and plan.registry.resolve(raw.by) != unit:
            yield problem("unit-file", "by", unit=unit, by=raw.by).at(file, ("entries", index, "by"))
        elif entry.id in plan.by_id and entry.id not in may[unit]:
            yield problem("unit-file", "item", unit=unit, item=entry.id).at(file, ("entries", index, "id"))
