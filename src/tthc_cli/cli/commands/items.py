"""The questions about items: list, show, due, overdue, upcoming, unit, missing."""

from __future__ import annotations

from datetime import timedelta

from tthc_cli.cli.boundary import EXIT_DATA, EXIT_OK, fail
from tthc_cli.cli.commands import (
    check_kinds,
    load,
    parse_date,
    resolve_unit,
    show_items,
    statuses_on,
    today_from,
)
from tthc_cli.i18n import _
from tthc_cli.present.labels import kind_labels, plan_title

TYPE_CHECKING = False
if TYPE_CHECKING:
    from tthc_cli.cli.params import Options
    from tthc_cli.domain.plan import Plan, PlanItem
    from tthc_cli.present.tables import Cell


def list_items(o: Options) -> int:
    now = today_from(o.maybe_text("today"))
    plan = load(o.maybe_text("data"))
    wanted = check_kinds(plan, o.texts("kinds"))
    items = [i for i in plan.items if wanted is None or i.kind_code in wanted]
    title = _("{plan}: {count} items (status on {today})").format(
        plan=plan_title(plan.meta), count=len(items), today=f"{now:%d/%m/%Y}"
    )
    show_items(
        items,
        o.text("fmt"),
        title=title,
        statuses=statuses_on(plan, now, o.number("warn_days")),
        labels=kind_labels(plan.meta),
    )
    return EXIT_OK


def item_by_label(plan: Plan, text: str) -> PlanItem | None:
    """The item a person names as the brief and report do: "Mục 3.2", "PL I – 6 (Sở Y tế)", "PL I – 6",
    "pl ii - ii.12" (compared on the folded key, with or without the unit)."""
    from tthc_cli.domain.units import fold
    from tthc_cli.present.labels import item_label

    key = fold(text)
    if not key:
        return None
    for item in plan.items:
        if key in (fold(item_label(item, plan.meta)), fold(item_label(item, plan.meta, unit=False))):
            return item
    return None


def show(o: Options) -> int:
    """The item with its status on --today and its progress log up to then: as text, or as JSON (the
    item object of every other command plus `status` and `progress`)."""
    from tthc_cli.present.console import out
    from tthc_cli.present.contracts import entry_to_dict, item_to_dict
    from tthc_cli.present.tables import to_json

    item_id = o.text("item_id")
    plan = load(o.maybe_text("data"))
    key = plan.find_id(item_id)
    item = plan.by_id.get(key) or item_by_label(plan, item_id)
    if item is None:
        from tthc_cli.domain.suggest import unknown_id
        from tthc_cli.present.messages import message

        fail(message(unknown_id(plan, item_id)), EXIT_DATA)
    now = today_from(o.maybe_text("today"))
    status = statuses_on(plan, now, o.number("warn_days"))[item.id]
    log = [e for e in plan.progress if e.id == item.id and e.date <= now]
    if o.text("fmt") == "json":
        from tthc_cli.present.tables import status_extra

        shown = item_to_dict(item)
        shown["status"] = status_extra([item], {item.id: status}).data[0]
        shown["progress"] = [entry_to_dict(e) for e in log]
        out(to_json(shown))
    else:
        from tthc_cli.present.render import item_text

        out(item_text(item, plan, status, log, now))
    return EXIT_OK


def due(o: Options) -> int:
    from tthc_cli.domain.queries import items_due
    from tthc_cli.present.console import note

    unit, role = o.maybe_text("unit"), o.maybe_text("role")
    if role is not None and unit is None:
        fail(_("--role needs --unit: say whose role to filter by (e.g. --unit 'Sở Y tế' --role lead)"))
    now = today_from(o.maybe_text("today"))
    last = parse_date(o.text("before"), "--before", now)
    after = o.maybe_text("after")
    first = parse_date(after, "--after", now) if after else None
    if first and first > last:
        fail(
            _("--after {first} is later than --before {last}").format(
                first=f"{first:%d/%m/%Y}", last=f"{last:%d/%m/%Y}"
            )
        )
    plan = load(o.maybe_text("data"))
    target = resolve_unit(plan, unit) if unit else None
    wanted = check_kinds(plan, o.texts("kinds"))
    result = items_due(
        plan,
        before=last,
        after=first,
        include_ongoing=o.flag("include_ongoing"),
        kinds=[k for k in plan.meta.kinds if wanted and k in wanted] or None,
        unit=target,
        role=role or "any",
    )
    sts = statuses_on(plan, now, o.number("warn_days"))
    rows = [i for i in result.items if not (o.flag("only_open") and sts[i.id].done)]
    if first:
        title = _("Due {first} – {last}: {count} items (status on {today})")
    else:
        title = _("Due by {last}: {count} items (status on {today})")
    show_items(
        rows,
        o.text("fmt"),
        title=title.format(
            first=f"{first:%d/%m/%Y}" if first else "",
            last=f"{last:%d/%m/%Y}",
            count=len(rows),
            today=f"{now:%d/%m/%Y}",
        ),
        statuses=sts,
        labels=kind_labels(plan.meta),
    )
    if result.without_due:
        note(
            _(
                "{count} item(s) with no single due date (ongoing or undated) left out; "
                "add --include-ongoing to list them"
            ).format(count=result.without_due)
        )
    return EXIT_OK


def overdue(o: Options) -> int:
    from tthc_cli.domain.queries import items_overdue
    from tthc_cli.present.tables import Extra

    now = today_from(o.maybe_text("today"))
    plan = load(o.maybe_text("data"))
    sts = statuses_on(plan, now, 7)
    rows = items_overdue(plan, now, is_done=lambda item, _: sts[item.id].done)
    late: list[Cell] = [n for _, n in rows]
    show_items(
        [i for i, _ in rows],
        o.text("fmt"),
        title=_("Overdue on {today}: {count} items").format(today=f"{now:%d/%m/%Y}", count=len(rows)),
        statuses=sts,
        labels=kind_labels(plan.meta),
        extra=[Extra("days_late", _("Days late"), late, list(late))],
        status_column=False,  # every row is "Quá hạn": the table shows the days late instead
    )
    return EXIT_OK


def upcoming(o: Options) -> int:
    from tthc_cli.domain.queries import items_upcoming

    within = o.number("within")
    now = today_from(o.maybe_text("today"))
    plan = load(o.maybe_text("data"))
    sts = statuses_on(plan, now, o.number("warn_days"))
    rows = items_upcoming(plan, now, within, is_done=lambda item, _: sts[item.id].done)
    # Not "Sắp đến hạn": that is a status (within --warn-days), and rows further out are "Chưa đến hạn".
    last = now + timedelta(days=within)
    title = _("Due in the next {days} days ({first} – {last}): {count} items not done").format(
        days=within, first=f"{now:%d/%m/%Y}", last=f"{last:%d/%m/%Y}", count=len(rows)
    )
    show_items(rows, o.text("fmt"), title=title, statuses=sts, labels=kind_labels(plan.meta))
    return EXIT_OK


def unit(o: Options) -> int:
    from tthc_cli.domain.accountability import assignments, figures_of
    from tthc_cli.present import tables
    from tthc_cli.present.console import note, out, print_table

    only_open, fmt = o.flag("only_open"), o.text("fmt")
    now = today_from(o.maybe_text("today"))
    plan = load(o.maybe_text("data"))
    target = resolve_unit(plan, o.text("name"))
    sts = statuses_on(plan, now, o.number("warn_days"))
    rows = [r for r in assignments(plan, target) if not (only_open and sts[r.item.id].done)]
    definite = [r for r in rows if r.definite]
    maybe = [r for r in rows if not r.definite]
    head = _("{unit}: {count} items to carry out (status on {today})").format(
        unit=target, count=len(definite), today=f"{now:%d/%m/%Y}"
    )
    head_maybe = _("Possibly concerned — assigned to an open-ended group: {count} items").format(
        count=len(maybe)
    )
    if fmt == "json":
        figures = figures_of(plan, target, sts, now) if target in plan.registry.units else None
        out(tables.unit_json(target, rows, sts, figures, now))
    elif fmt == "csv":
        out(tables.unit_csv(rows, sts))
    elif fmt == "md":
        # The heading holds the unit's name as registered: escaped like every Markdown cell.
        out(f"## {tables.markdown_cell(head)}\n\n" + tables.to_markdown(tables.unit_table(definite, sts)))
        if maybe:
            out(
                f"\n## {tables.markdown_cell(head_maybe)}\n\n"
                + tables.to_markdown(tables.unit_table(maybe, sts))
            )
    else:
        print_table(tables.unit_table(definite, sts), title=head)
        if maybe:
            print_table(tables.unit_table(maybe, sts), title=head_maybe)
    if not rows:
        if only_open:
            note(_("{unit} has no items in the plan left open").format(unit=target))
        else:
            note(_("{unit} has no items in the plan").format(unit=target))
    return EXIT_OK


def missing(o: Options) -> int:
    """Who has not delivered an item that each unit (or each period) owes separately."""
    from tthc_cli.domain.problems import ProblemError
    from tthc_cli.domain.queries import obligations, open_ended_members
    from tthc_cli.domain.suggest import unknown_id
    from tthc_cli.present import tables
    from tthc_cli.present.console import note, out, print_table
    from tthc_cli.present.messages import message

    item_id, period, fmt = o.text("item_id"), o.maybe_text("period"), o.text("fmt")
    now = today_from(o.maybe_text("today"))
    plan = load(o.maybe_text("data"))
    key = plan.find_id(item_id)
    if key not in plan.by_id:
        fail(message(unknown_id(plan, item_id)), EXIT_DATA)
    try:
        kids = obligations(plan, key, period)
    except ProblemError as exc:
        fail(message(exc.problem), EXIT_DATA)
    sts = statuses_on(plan, now, o.number("warn_days"))
    left = [k for k in kids if not sts[k.id].done]
    title = _("{item}: {done}/{total} done, {left} not yet (status on {day})").format(
        item=key + (f" ({period.strip().upper()})" if period else ""),
        done=len(kids) - len(left),
        total=len(kids),
        left=len(left),
        day=f"{now:%d/%m/%Y}",
    )
    if fmt in ("json", "csv"):
        show_items(left, fmt, title=title, statuses=sts)
    else:
        table = tables.obligation_table(left, sts)
        if fmt == "md":
            out(f"## {title}\n\n" + tables.to_markdown(table))
        else:
            print_table(table, title=title)
    for group in open_ended_members(plan, plan.by_id[key]):
        note(
            _(
                "'{group}': the plan does not list all its members; a body not in units.yaml may owe "
                "{item} too (add it to the group to track it)"
            ).format(group=group, item=key)
        )
    return EXIT_OK
