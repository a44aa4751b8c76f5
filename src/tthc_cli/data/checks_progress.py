"""The progress log's rule: an entry must be believable — a real item (or one obligation of a split
item), no date in the future or long after the plan, nothing done before it started, no repeats."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from tthc_cli.data.build import Dataset
from tthc_cli.data.diagnostics import Problem, Severity
from tthc_cli.domain.item_ids import normalise_id, unit_slug
from tthc_cli.domain.plan_files import PROGRESS
from tthc_cli.domain.suggest import obligation_hint, unknown_id
from tthc_cli.i18n import _

LATE_ENTRY_DAYS = 366


def _wrong_part(ds: Dataset, i: int) -> str:
    """The field of entry `i` that names nothing: its `id`, or — when the ID is right — the `unit:` or
    `period:` written beside it (a unit the item does not bind, a period it does not have)."""
    raw = ds.log[i] if i < len(ds.log) else None
    if raw is None or normalise_id(raw.id) not in ds.by_id or (raw.unit is None and raw.period is None):
        return "id"
    if raw.unit is None:
        return "period"
    if raw.period is None:
        return "unit"
    slug = unit_slug(ds.registry.resolve(raw.unit) or raw.unit)
    units = {k.id.split("/")[1] for k in ds.children(normalise_id(raw.id)) if "/" in k.id}
    return "period" if slug in units else "unit"


def check_progress(ds: Dataset, today: date | None) -> Iterator[Problem]:
    """The log must be believable: real IDs, no future dates, nothing done before it started."""
    started: dict[str, date] = {}
    done: dict[str, date] = {}
    last: dict[str, date] = {}
    seen: set[tuple[object, ...]] = set()
    for i, entry in enumerate(ds.progress):
        path: tuple[str | int, ...] = ("entries", i)
        item = entry.id
        if item not in ds.by_id:
            yield Problem(PROGRESS, (*path, _wrong_part(ds, i)), "unknown-id", unknown_id(ds, item))
            continue
        if ds.by_id[item].split:
            yield Problem(PROGRESS, (*path, "id"), "obligation-address", obligation_hint(ds, item))
            continue
        when = entry.date
        if today is not None and when > today:
            yield Problem(
                PROGRESS,
                (*path, "date"),
                "future-entry",
                _("{day} is after today ({today}); record progress once it has happened").format(
                    day=f"{when:%d/%m/%Y}", today=f"{today:%d/%m/%Y}"
                ),
            )
        if when < ds.meta.period_start:
            yield Problem(
                PROGRESS,
                (*path, "date"),
                "before-plan",
                _("{day} is before the plan period starts ({start})").format(
                    day=f"{when:%d/%m/%Y}", start=f"{ds.meta.period_start:%d/%m/%Y}"
                ),
            )
        if (when - ds.meta.period_end).days > LATE_ENTRY_DAYS:
            # Work finished after the plan ended is recorded as late; a year after, the date is most
            # likely today's, typed into an old plan's log without --date.
            yield Problem(
                PROGRESS,
                (*path, "date"),
                "long-after-plan",
                _("{day} is more than a year after the plan period ended ({end}); check the date").format(
                    day=f"{when:%d/%m/%Y}", end=f"{ds.meta.period_end:%d/%m/%Y}"
                ),
                Severity.WARNING,
            )
        key = (item, when, entry.status, entry.note, entry.evidence, entry.by)
        if key in seen:
            yield Problem(
                PROGRESS, path, "duplicate-entry", _("the same entry appears twice"), Severity.WARNING
            )
        seen.add(key)
        if item in last and when < last[item]:
            yield Problem(
                PROGRESS,
                (*path, "date"),
                "out-of-order",
                _(
                    "{item}: dated {day}, before the previous entry for it ({previous}); "
                    "keep the log in date order"
                ).format(item=item, day=f"{when:%d/%m/%Y}", previous=f"{last[item]:%d/%m/%Y}"),
                Severity.WARNING,
            )
        last[item] = max(last.get(item, when), when)
        if entry.status == "started":
            if item in done:
                yield Problem(
                    PROGRESS,
                    (*path, "status"),
                    "started-after-done",
                    _("{item} is already done ({day}); append 'reopened' first").format(
                        item=item, day=f"{done[item]:%d/%m/%Y}"
                    ),
                    Severity.WARNING,
                )
            started.setdefault(item, when)
        elif entry.status == "done":
            if item in started and when < started[item]:
                yield Problem(
                    PROGRESS,
                    (*path, "date"),
                    "done-before-start",
                    _("{item} is recorded done on {day}, before it started ({started})").format(
                        item=item, day=f"{when:%d/%m/%Y}", started=f"{started[item]:%d/%m/%Y}"
                    ),
                )
            if item in done:
                yield Problem(
                    PROGRESS,
                    (*path, "status"),
                    "done-twice",
                    _("{item} is already done ({day}); append 'reopened' in between").format(
                        item=item, day=f"{done[item]:%d/%m/%Y}"
                    ),
                    Severity.WARNING,
                )
            done[item] = when
        elif entry.status == "reopened":
            if item not in done:
                yield Problem(
                    PROGRESS,
                    (*path, "status"),
                    "reopened-not-done",
                    _("{item} is not done, so it cannot be reopened").format(item=item),
                    Severity.WARNING,
                )
            done.pop(item, None)
