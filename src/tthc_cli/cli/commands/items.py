"""The questions about items: list, show, due, overdue, upcoming, unit, missing."""

from datetime import date, timedelta
from typing import Annotated

import typer

from tthc_cli.cli.boundary import EXIT_DATA, EXIT_OK, fail
from tthc_cli.cli.commands import kinds_asked, load, query_day, resolve_unit, statuses_on
from tthc_cli.cli.completion import complete_ids, complete_units
from tthc_cli.cli.options import (
    DEFAULT_WARN_DAYS,
    Data,
    DayInput,
    Format,
    Ids,
    ItemFormat,
    ItemId,
    Kinds,
    Lang,
    Open,
    Period,
    RoleFilter,
    TableFormat,
    TextFormat,
    Today,
    UnitName,
    WarnDays,
    choice,
    count,
    day_option,
)
from tthc_cli.domain.accountability import assignments, figures_of
from tthc_cli.domain.plan import Plan
from tthc_cli.domain.problems import ProblemError
from tthc_cli.domain.queries import (
    items_due,
    items_overdue,
    items_upcoming,
    obligations,
    open_ended_members,
)
from tthc_cli.domain.suggest import unknown_id
from tthc_cli.i18n import N_, _
from tthc_cli.present import formats
from tthc_cli.present.labels import dmy, item_label, period_words, plan_title
from tthc_cli.present.messages import message


def list_items(
    fmt: Format = TableFormat.TABLE,
    kinds: Kinds = None,
    warn_days: WarnDays = DEFAULT_WARN_DAYS,
    ids: Ids = False,
    today: Today = None,
    data: Data = None,
    lang: Lang = None,
) -> int:
    now = query_day(today)
    plan = load(data)
    wanted = kinds_asked(plan, kinds)
    items = [i for i in plan.items if wanted is None or i.kind_code in wanted]
    title = _("{plan}: {count} items (status on {today})").format(
        plan=plan_title(plan.meta), count=len(items), today=dmy(now)
    )
    formats.show(fmt, formats.items_view(title, items, plan, statuses_on(plan, now, warn_days), now, ids=ids))
    return EXIT_OK


def after_period(plan: Plan, now: date) -> tuple[str, ...]:
    """Said once, before a query's answer, when the day asked is after the plan's period: every item
    not done then is overdue, which is the answer but rarely the question."""
    meta = plan.meta
    if now <= meta.period_end:
        return ()
    return (
        _(
            "Today ({today}) is after the plan's period ({start} – {end}): every item not done by "
            "then counts as overdue; --today shows a day inside the period."
        ).format(today=dmy(now), start=dmy(meta.period_start), end=dmy(meta.period_end)),
    )


def show(
    item_id: ItemId,
    fmt: ItemFormat = TextFormat.TEXT,
    warn_days: WarnDays = DEFAULT_WARN_DAYS,
    today: Today = None,
    data: Data = None,
    lang: Lang = None,
) -> int:
    """The item with its status on --today and its progress log up to then: as text, or as JSON (the
    item object of every other command plus `status` and `progress`)."""
    plan = load(data)
    item = plan.by_id.get(plan.find_id(item_id))
    if item is None:
        fail(message(unknown_id(plan, item_id)), EXIT_DATA)
    now = query_day(today)
    status = statuses_on(plan, now, warn_days)[item.id]
    log = [e for e in plan.progress if e.id == item.id and e.date <= now]
    formats.show(fmt, formats.ItemView(item, plan, status, tuple(log), now))
    return EXIT_OK


def due(
    before: Annotated[
        DayInput,
        day_option(
            "--before",
            N_("DATE"),
            N_("Last due date, inclusive: YYYY-MM-DD, D/M/YYYY, today, eow, eom, eoq, eoy, +14d, +2w."),
        ),
    ],
    after: Annotated[
        DayInput | None, day_option("--after", N_("DATE"), N_("First due date, inclusive."))
    ] = None,
    include_ongoing: Annotated[
        bool, typer.Option("--include-ongoing", help=N_("Also list items with no single due date."))
    ] = False,
    unit: UnitName = None,
    role: Annotated[
        RoleFilter | None,
        typer.Option(
            "--role",
            help=N_("With --unit: lead, support or any (default any)."),
            parser=choice("--role", RoleFilter),
        ),
    ] = None,
    kinds: Kinds = None,
    only_open: Open = False,
    warn_days: WarnDays = DEFAULT_WARN_DAYS,
    fmt: Format = TableFormat.TABLE,
    ids: Ids = False,
    today: Today = None,
    data: Data = None,
    lang: Lang = None,
) -> int:
    if role is not None and unit is None:
        fail(_("--role needs --unit: say whose role to filter by (e.g. --unit 'Sở Y tế' --role lead)"))
    now = query_day(today)
    last = before.on(now)
    first = after.on(now) if after else None
    if first and first > last:
        fail(_("--after {first} is later than --before {last}").format(first=dmy(first), last=dmy(last)))
    plan = load(data)
    target = resolve_unit(plan, unit) if unit else None
    wanted = kinds_asked(plan, kinds)
    result = items_due(
        plan,
        before=last,
        after=first,
        include_ongoing=include_ongoing,
        kinds=[k for k in plan.meta.kinds if wanted and k in wanted] or None,
        unit=target,
        role=(role or RoleFilter.ANY).value,
    )
    sts = statuses_on(plan, now, warn_days)
    rows = [i for i in result.items if not (only_open and sts[i.id].done)]
    if first:
        title = _("Due {first} – {last}: {count} items (status on {today})")
    else:
        title = _("Due by {last}: {count} items (status on {today})")
    notes: tuple[str, ...] = ()
    if result.without_due:
        notes = (
            _(
                "{count} item(s) with no single due date (ongoing or undated) left out; "
                "add --include-ongoing to list them"
            ).format(count=result.without_due),
        )
    title = title.format(
        first=dmy(first) if first else "",
        last=dmy(last),
        count=len(rows),
        today=dmy(now),
    )
    formats.show(
        fmt,
        formats.items_view(
            title, rows, plan, sts, now, notes=notes, ids=ids, preamble=after_period(plan, now)
        ),
    )
    return EXIT_OK


def overdue(
    fmt: Format = TableFormat.TABLE,
    ids: Ids = False,
    today: Today = None,
    data: Data = None,
    lang: Lang = None,
) -> int:
    now = query_day(today)
    plan = load(data)
    sts = statuses_on(plan, now, DEFAULT_WARN_DAYS)
    rows = items_overdue(plan, now, is_done=lambda item, _: sts[item.id].done)
    title = _("Overdue on {today}: {count} items").format(today=dmy(now), count=len(rows))
    view = formats.items_view(
        title,
        [i for i, _n in rows],
        plan,
        sts,
        now,
        days_late=[n for _i, n in rows],
        ids=ids,
        preamble=after_period(plan, now),
    )
    formats.show(fmt, view)
    return EXIT_OK


def upcoming(
    within: Annotated[
        int,
        typer.Option(
            "--within",
            metavar=N_("DAYS"),
            help=N_("Days ahead."),
            min=0,
            max=3660,
            parser=count("--within", 0, 3660),
        ),
    ] = 14,
    warn_days: WarnDays = DEFAULT_WARN_DAYS,
    fmt: Format = TableFormat.TABLE,
    ids: Ids = False,
    today: Today = None,
    data: Data = None,
    lang: Lang = None,
) -> int:
    now = query_day(today)
    plan = load(data)
    sts = statuses_on(plan, now, warn_days)
    rows = items_upcoming(plan, now, within, is_done=lambda item, _: sts[item.id].done)
    # Not "Sắp đến hạn": that is a status (within --warn-days), and rows further out are "Chưa đến hạn".
    last = now + timedelta(days=within)
    title = _("Due in the next {days} days ({first} – {last}): {count} items not done").format(
        days=within, first=dmy(now), last=dmy(last), count=len(rows)
    )
    formats.show(
        fmt, formats.items_view(title, rows, plan, sts, now, ids=ids, preamble=after_period(plan, now))
    )
    return EXIT_OK


def unit(
    name: Annotated[
        str,
        typer.Argument(
            metavar=N_("NAME"),
            help=N_("Unit or group, as people write it: 'Sở Y tế', 'so y te', 'Sở LĐ-TB&XH', 'TP Chí Linh'."),
            autocompletion=complete_units,
        ),
    ],
    only_open: Open = False,
    warn_days: WarnDays = DEFAULT_WARN_DAYS,
    fmt: Format = TableFormat.TABLE,
    ids: Ids = False,
    today: Today = None,
    data: Data = None,
    lang: Lang = None,
) -> int:
    now = query_day(today)
    plan = load(data)
    target = resolve_unit(plan, name)
    sts = statuses_on(plan, now, warn_days)
    rows = [r for r in assignments(plan, target) if not (only_open and sts[r.item.id].done)]
    notes: tuple[str, ...] = ()
    if not rows:
        if only_open:
            notes = (_("{unit} has no items in the plan left open").format(unit=target),)
        else:
            notes = (_("{unit} has no items in the plan").format(unit=target),)
    # A unit's own figures (none for a group), for scripts: the report's table counts the same.
    figures = figures_of(plan, target, sts, now) if target in plan.registry.units else None
    formats.show(fmt, formats.UnitView(target, tuple(rows), plan, sts, now, figures, notes, ids))
    return EXIT_OK


def missing(
    item_id: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help=N_("e.g. duty:IV.2, task:3, or as tables name it: 'Item IV.2'"),
            autocompletion=complete_ids,
        ),
    ],
    period: Period = None,
    fmt: Format = TableFormat.TABLE,
    warn_days: WarnDays = DEFAULT_WARN_DAYS,
    ids: Ids = False,
    today: Today = None,
    data: Data = None,
    lang: Lang = None,
) -> int:
    """Who has not delivered an item that each unit (or each period) owes separately."""
    now = query_day(today)
    plan = load(data)
    key = plan.find_id(item_id)
    if key not in plan.by_id:
        fail(message(unknown_id(plan, item_id)), EXIT_DATA)
    named = plan.by_id[key]
    # One unit's share named ('Mục IV.2 – Sở Y tế'): its reports, of every period or the one asked.
    base = named.parent if named.parent is not None and named.unit and not plan.children(key) else None
    own = [k for k in plan.children(base) if k.unit == named.unit and k.period] if base else []
    try:
        code = plan.period_of(base if base and own else key, period) if period is not None else None
        kids = [k for k in own if code in (None, k.period)] if own else obligations(plan, key, code)
    except ProblemError as exc:
        fail(message(exc.problem), EXIT_DATA)
    sts = statuses_on(plan, now, warn_days)
    left = [k for k in kids if not sts[k.id].done]
    whole = item_label(named, plan.meta)
    title = _("{item}: {done}/{total} done, {left} not yet (status on {day})").format(
        item=whole + (f" ({period_words(code)})" if code else ""),
        done=len(kids) - len(left),
        total=len(kids),
        left=len(left),
        day=dmy(now),
    )
    notes = tuple(
        _(
            "'{group}': the plan does not list all its members; a body not in units.yaml may owe "
            "{item} too (add it to the group to track it)"
        ).format(group=group, item=whole)
        for group in open_ended_members(plan, plan.by_id[key])
    )
    formats.show(fmt, formats.ObligationsView(title, tuple(left), plan, sts, now, notes, ids))
    return EXIT_OK
