"""What each read-only command does, with plain arguments: shared by the Typer shell (cli.py) and the
fast entry (entry.py), so both print exactly the same. No Typer, Rich or Pydantic import here: a
query on a plan that validated before touches none of them.

Exit codes: 0 done (even with no rows); 1 the data has problems, or a unit/ID matches nothing or
several; 2 usage error (bad option value, unreadable date, a path that cannot be read or written).
"""

from __future__ import annotations

import os
from datetime import date, timedelta

from tthc_cli.i18n import _, ngettext

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from typing import NoReturn

    from tthc_cli.data.diagnostics import Diagnostic
    from tthc_cli.domain.plan import Plan, PlanItem
    from tthc_cli.domain.status import ItemStatus
    from tthc_cli.present.tables import Cell, Extra

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2
TODAY_ENV = "TTHC_TODAY"
TABLE_FORMATS = ("table", "json", "csv", "md")
ROLES = ("lead", "support", "any")


class UserError(Exception):
    """A problem the user can fix; shown as one line, never a traceback."""

    def __init__(self, message: str, exit_code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def fail(message: str, exit_code: int = EXIT_USAGE) -> NoReturn:
    raise UserError(message, exit_code)


# --- shared steps ------------------------------------------------------------------------------------


def real_today() -> date:
    """The calendar's date: the one place the clock is read. Records (progress entries) and the check
    that no entry lies in the future use it, whatever --today or TTHC_TODAY say for queries."""
    return date.today()


def today_from(value: str | None) -> date:
    """The day a query looks at: --today, else TTHC_TODAY, else the real date."""
    raw = value or os.environ.get(TODAY_ENV)
    if not raw:
        return real_today()
    from tthc_cli.domain.deadlines import parse_user_date

    try:
        return parse_user_date(raw)
    except ValueError as exc:
        source = "--today" if value else TODAY_ENV
        fail(f"{source}: {exc}")


def parse_date(value: str, option: str, today: date) -> date:
    from tthc_cli.domain.deadlines import parse_user_date

    try:
        return parse_user_date(value, today)
    except ValueError as exc:
        fail(f"{option}: {exc}")


def data_dir(data: str | None) -> str:
    from tthc_cli.data.files import DataDirError, find_data_dir

    env = os.environ.get("TTHC_DATA")
    cwd = os.getcwd()
    try:
        found = find_data_dir(data, env, cwd)
    except DataDirError as exc:
        fail(str(exc))
    if not data and not env and os.path.realpath(found) != os.path.realpath(cwd):
        # Found by looking upward: say so, or an answer may silently come from another plan.
        from tthc_cli.present.console import note

        note(
            "tthc: "
            + _("using the plan data in {folder} (found above the current folder)").format(folder=found)
        )
    return found


def load(data: str | None) -> Plan:
    """The validated plan, or a clear refusal. Progress entries are checked against the real date
    (an entry from the future is a mistake whatever --today says); --today only picks the moment a
    query looks at. Files that validated before, byte for byte, are read from the compiled cache."""
    from tthc_cli.data import plan_cache
    from tthc_cli.data.files import DataDirError, read_data_folder

    directory = data_dir(data)
    try:
        files, labels = read_data_folder(directory)
    except DataDirError as exc:
        fail(str(exc))
    key = plan_cache.fingerprint(files)
    cached = plan_cache.read(directory, key)
    if cached is not None:
        return cached
    from tthc_cli.data.dataset import assemble
    from tthc_cli.data.diagnostics import format_text
    from tthc_cli.domain import deadlines
    from tthc_cli.present.console import note

    deadlines.use_holiday_source(plan_cache.cached_holidays)
    result = assemble(files, labels, today=real_today())
    if result.dataset is None:
        for d in result.errors[:10]:
            note(format_text(d))
        more = len(result.errors) - 10
        if more > 0:
            note(_("… and {count} more").format(count=more))
        fail(
            ngettext(
                "the plan data has {count} error; fix it first (tthc validate lists every problem)",
                "the plan data has {count} errors; fix them first (tthc validate lists every problem)",
                len(result.errors),
            ).format(count=len(result.errors)),
            EXIT_DATA,
        )
    plan_cache.write(directory, key, result.dataset)
    return result.dataset


def resolve_unit(plan: Plan, name: str) -> str:
    look = plan.registry.lookup(name)
    if look.name:
        return look.name
    if look.candidates:
        fail(
            _("'{name}' matches several units: {units}. Type more of the name.").format(
                name=name, units="; ".join(look.candidates)
            ),
            EXIT_DATA,
        )
    message = _("no unit or group is called '{name}'.").format(name=name)
    if look.note:
        message += " " + _("Note: {note}.").format(note=look.note)
    if look.suggestions:
        message += " " + _("Did you mean: {names}?").format(names="; ".join(look.suggestions))
    fail(message + " " + _("('tthc units' lists every name.)"), EXIT_DATA)


def statuses_on(plan: Plan, now: date, warn_days: int) -> dict[str, ItemStatus]:
    from tthc_cli.domain.status import statuses

    return statuses(plan, now, warn_days)


def show_items(
    items: Sequence[PlanItem],
    fmt: str,
    *,
    title: str,
    statuses: Mapping[str, ItemStatus] | None = None,
    extra: Sequence[Extra] = (),
    status_column: bool = True,
    labels: Mapping[str, str] | None = None,
) -> None:
    """Items as a table (with the status column unless `status_column` is False), Markdown, or as
    JSON/CSV, which always carry the status when `statuses` is given."""
    from tthc_cli.present import tables
    from tthc_cli.present.console import out, print_table

    columns = list(extra)
    if statuses is not None:
        columns.insert(0, tables.status_extra(items, statuses))
    if fmt == "json":
        out(tables.items_json(items, columns))
    elif fmt == "csv":
        out(tables.items_csv(items, columns))
    else:
        shown = columns if status_column or statuses is None else columns[1:]
        table = tables.item_table(items, extra=shown, **({"labels": labels} if labels else {}))
        if fmt == "md":
            out(tables.to_markdown(table))
        else:
            print_table(table, title=title)


REPORT_SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}


def report_format(fmt: str | None, output: str | None) -> str:
    """The report's format: --format, else the -o file's suffix (bao-cao.html -> html), else Markdown.
    A --format that contradicts the suffix is refused rather than writing Markdown into a .html."""
    suffix = os.path.splitext(output or "")[1].lower()
    implied = REPORT_SUFFIXES.get(suffix)
    if fmt is None:
        return implied or "md"
    if implied is not None and implied != fmt:
        fail(
            _("--format {fmt} does not match -o {output}; name the file *.{fmt} or drop --format").format(
                fmt=fmt, output=output
            )
        )
    return fmt


# --- commands ----------------------------------------------------------------------------------------


def ignored_files(folder: str) -> list[Diagnostic]:
    """A warning for each file in the folder that looks like an appendix but is not read as one."""
    from tthc_cli.data.diagnostics import Diagnostic, Severity
    from tthc_cli.data.files import display_path
    from tthc_cli.domain.plan import misnamed_appendices

    try:
        listing = os.listdir(folder)
    except OSError:
        return []
    return [
        Diagnostic(
            display_path(os.path.join(folder, name)),
            0,
            0,
            Severity.WARNING,
            "ignored-file",
            "",
            _(
                "not read: an appendix file is named appendix_<name>.yaml, the name in lower-case "
                "letters, digits and _ (e.g. appendix_ra_soat.yaml)"
            ),
        )
        for name in misnamed_appendices(listing)
    ]


def run_validate(paths: Sequence[str], fmt: str, strict: bool, data: str | None) -> int:
    """Validate each named data set (a folder, or the folder of a named file); the exit code. The
    progress log is checked against the real date (an entry from the future is a mistake whatever
    TTHC_TODAY says)."""
    from tthc_cli.data import plan_cache
    from tthc_cli.data.dataset import assemble
    from tthc_cli.data.diagnostics import (
        MAX_SHOWN,
        Severity,
        count,
        format_github,
        format_json,
        format_text,
        strictly,
    )
    from tthc_cli.data.files import DataDirError, read_data_folder
    from tthc_cli.domain import deadlines
    from tthc_cli.domain.plan import DATA_FILE_PATTERN, is_data_file
    from tthc_cli.present.console import note, out

    now = real_today()
    folders: list[str] = []
    for path in paths or [data_dir(data)]:
        if os.path.isdir(path):
            folder = path
        elif os.path.isfile(path):
            if not is_data_file(os.path.basename(path)):
                fail(
                    _("{path} is not a tthc data file (expected a name like {pattern})").format(
                        path=path, pattern=DATA_FILE_PATTERN
                    )
                )
            folder = os.path.dirname(path) or "."
        elif os.path.exists(path):  # a FIFO, device or socket: refused before anything opens it
            from tthc_cli.data.fsutil import describe_kind

            fail(
                _("{path} is {kind}, not a data file or folder").format(
                    path=path, kind=describe_kind(os.stat(path).st_mode)
                )
            )
        else:
            fail(_("{path}: no such file or folder").format(path=path))
        if os.path.abspath(folder) not in map(os.path.abspath, folders):
            folders.append(folder)
    deadlines.use_holiday_source(plan_cache.cached_holidays)
    diagnostics = []
    checked = 0
    texts: dict[str, bytes] = {}  # shown path -> the bytes validated, for the excerpts
    for folder in folders:
        try:
            files, labels = read_data_folder(folder)
        except DataDirError as exc:
            fail(str(exc))
        checked += sum(1 for raw in files.values() if raw is not None)
        texts.update((labels[name], raw) for name, raw in files.items() if raw is not None)
        diagnostics += assemble(files, labels, today=now).diagnostics
        diagnostics += ignored_files(folder)
    if strict:
        diagnostics = strictly(diagnostics)
    errors = sum(1 for d in diagnostics if d.severity is Severity.ERROR)
    if fmt == "json":
        out(format_json(diagnostics))
    elif fmt == "github":
        for d in diagnostics:
            out(format_github(d))
    else:
        # The first MAX_SHOWN in full, then a count, as compilers do: 30,000 problems are one
        # mistake repeated, and printing them all would bury the summary.
        excerpts = _Excerpts(texts)
        for d in diagnostics[:MAX_SHOWN]:
            out(format_text(d))
            excerpt = excerpts.line(d.file, d.line)
            if excerpt is not None:
                out(f"  {d.line:>5} | {excerpt}")
        if len(diagnostics) > MAX_SHOWN:
            out(_("… and {count} more").format(count=f"{len(diagnostics) - MAX_SHOWN:,}"))
        c = count(diagnostics)
        verdict = _("OK") if not errors else _("FAILED")
        note(
            _("{verdict}: {errors} error(s), {warnings} warning(s) in {files} file(s)").format(
                verdict=verdict, errors=c["errors"], warnings=c["warnings"], files=checked
            )
        )
    return EXIT_DATA if errors else EXIT_OK


class _Excerpts:
    """Source lines of the bytes just validated (not the file read again, which may have changed),
    each file split once however many problems it has."""

    def __init__(self, texts: Mapping[str, bytes]) -> None:
        self.texts = texts
        self.lines: dict[str, list[str]] = {}

    def line(self, file: str, line: int) -> str | None:
        from tthc_cli.textnorm import split_lines

        if file not in self.lines:
            raw = self.texts.get(file)
            self.lines[file] = [] if raw is None else split_lines(raw.decode("utf-8-sig", errors="replace"))
        lines = self.lines[file]
        return lines[line - 1][:200] if 1 <= line <= len(lines) else None


def check_kinds(plan: Plan, kinds: Sequence[str]) -> set[str] | None:
    """The kinds asked for, all of which the plan must have (its appendices' names included)."""
    unknown = plan.meta.check_kinds(kinds)
    if unknown:
        fail(
            _("--kind {kind}: this plan's kinds are {kinds}").format(
                kind=unknown[0], kinds=", ".join(plan.meta.kinds)
            )
        )
    return set(kinds) or None


def run_list(
    fmt: str, kinds: Sequence[str], data: str | None, today: str | None = None, warn_days: int = 7
) -> None:
    now = today_from(today)
    plan = load(data)
    wanted = check_kinds(plan, kinds)
    items = [i for i in plan.items if wanted is None or i.kind in wanted]
    title = _("{plan}: {count} items (status on {today})").format(
        plan=plan.meta.short_title, count=len(items), today=f"{now:%d/%m/%Y}"
    )
    show_items(
        items,
        fmt,
        title=title,
        statuses=statuses_on(plan, now, warn_days),
        labels=plan.meta.kind_labels(),
    )


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


def run_show(item_id: str, fmt: str, data: str | None, today: str | None = None, warn_days: int = 7) -> None:
    """The item with its status on --today and its progress log up to then: as text, or as JSON (the
    item object of every other command plus `status` and `progress`)."""
    from tthc_cli.domain.queries import item_to_dict
    from tthc_cli.present.console import out
    from tthc_cli.present.tables import to_json

    plan = load(data)
    key = plan.find_id(item_id)
    item = plan.by_id.get(key) or item_by_label(plan, item_id)
    if item is None:
        import difflib

        close = difflib.get_close_matches(key, list(plan.by_id), n=3, cutoff=0.6)
        hint = (
            "; " + _("did you mean {ids}?").format(ids=", ".join(close))
            if close
            else " " + _("(tthc list shows every ID)")
        )
        fail(_("no item has the ID '{id}'").format(id=item_id) + hint, EXIT_DATA)
    now = today_from(today)
    status = statuses_on(plan, now, warn_days)[item.id]
    log = [e for e in plan.progress if e.id == item.id and e.date <= now]
    if fmt == "json":
        from tthc_cli.present.tables import entry_to_dict, status_extra

        shown = item_to_dict(item)
        shown["status"] = status_extra([item], {item.id: status}).data[0]
        shown["progress"] = [entry_to_dict(e) for e in log]
        out(to_json(shown))
    else:
        from tthc_cli.present.render import item_text

        out(item_text(item, plan, status, log, now))


def run_due(
    *,
    before: str,
    after: str | None,
    include_ongoing: bool,
    unit: str | None,
    role: str | None,
    kinds: Sequence[str],
    only_open: bool,
    warn_days: int,
    fmt: str,
    today: str | None,
    data: str | None,
) -> None:
    from tthc_cli.domain.queries import items_due
    from tthc_cli.present.console import note

    if role is not None and unit is None:
        fail(_("--role needs --unit: say whose role to filter by (e.g. --unit 'Sở Y tế' --role lead)"))
    now = today_from(today)
    last = parse_date(before, "--before", now)
    first = parse_date(after, "--after", now) if after else None
    if first and first > last:
        fail(
            _("--after {first} is later than --before {last}").format(
                first=f"{first:%d/%m/%Y}", last=f"{last:%d/%m/%Y}"
            )
        )
    plan = load(data)
    target = resolve_unit(plan, unit) if unit else None
    wanted = check_kinds(plan, kinds)
    result = items_due(
        plan,
        before=last,
        after=first,
        include_ongoing=include_ongoing,
        kinds=[k for k in plan.meta.kinds if wanted and k in wanted] or None,
        unit=target,
        role=role or "any",
    )
    sts = statuses_on(plan, now, warn_days)
    rows = [i for i in result.items if not (only_open and sts[i.id].done)]
    if first:
        title = _("Due {first} – {last}: {count} items (status on {today})")
    else:
        title = _("Due by {last}: {count} items (status on {today})")
    show_items(
        rows,
        fmt,
        title=title.format(
            first=f"{first:%d/%m/%Y}" if first else "",
            last=f"{last:%d/%m/%Y}",
            count=len(rows),
            today=f"{now:%d/%m/%Y}",
        ),
        statuses=sts,
        labels=plan.meta.kind_labels(),
    )
    if result.without_due:
        note(
            _(
                "{count} item(s) with no single due date (ongoing or undated) left out; "
                "add --include-ongoing to list them"
            ).format(count=result.without_due)
        )


def run_overdue(*, fmt: str, today: str | None, data: str | None) -> None:
    from tthc_cli.domain.queries import items_overdue
    from tthc_cli.present.tables import Extra

    now = today_from(today)
    plan = load(data)
    sts = statuses_on(plan, now, 7)
    rows = items_overdue(plan, now, is_done=lambda item, _: sts[item.id].done)
    late: list[Cell] = [n for _, n in rows]
    show_items(
        [i for i, _ in rows],
        fmt,
        title=_("Overdue on {today}: {count} items").format(today=f"{now:%d/%m/%Y}", count=len(rows)),
        statuses=sts,
        labels=plan.meta.kind_labels(),
        extra=[Extra("days_late", _("Days late"), late, list(late))],
        status_column=False,  # every row is "Quá hạn": the table shows the days late instead
    )


def run_upcoming(*, within: int, warn_days: int, fmt: str, today: str | None, data: str | None) -> None:
    from tthc_cli.domain.queries import items_upcoming

    now = today_from(today)
    plan = load(data)
    sts = statuses_on(plan, now, warn_days)
    rows = items_upcoming(plan, now, within, is_done=lambda item, _: sts[item.id].done)
    # Not "Sắp đến hạn": that is a status (within --warn-days), and rows further out are "Chưa đến hạn".
    last = now + timedelta(days=within)
    title = _("Due in the next {days} days ({first} – {last}): {count} items not done").format(
        days=within, first=f"{now:%d/%m/%Y}", last=f"{last:%d/%m/%Y}", count=len(rows)
    )
    show_items(rows, fmt, title=title, statuses=sts, labels=plan.meta.kind_labels())


def run_unit(
    *, name: str, only_open: bool, warn_days: int, fmt: str, today: str | None, data: str | None
) -> None:
    from tthc_cli.domain.queries import unit_rows
    from tthc_cli.present import tables
    from tthc_cli.present.console import note, out, print_table

    now = today_from(today)
    plan = load(data)
    target = resolve_unit(plan, name)
    sts = statuses_on(plan, now, warn_days)
    rows = [r for r in unit_rows(plan, target) if not (only_open and sts[r.item.id].done)]
    definite = [r for r in rows if r.definite]
    maybe = [r for r in rows if not r.definite]
    head = _("{unit}: {count} items to carry out (status on {today})").format(
        unit=target, count=len(definite), today=f"{now:%d/%m/%Y}"
    )
    head_maybe = _("Possibly concerned — assigned to an open-ended group: {count} items").format(
        count=len(maybe)
    )
    if fmt == "json":
        out(tables.unit_json(rows, sts))
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


def deadline_period(
    year: int | None, start: str | None, end: str | None, today: str | None
) -> tuple[date, date]:
    """The plan period `tthc deadline` reads in: --year, or --start/--end (either alone: to the end or
    from the start of its year), else the calendar year of today."""
    if year is not None and (start or end):
        fail(_("give --year or --start/--end, not both"))
    if year is not None:
        return date(year, 1, 1), date(year, 12, 31)
    now = today_from(today)
    first = parse_date(start, "--start", now) if start else None
    last = parse_date(end, "--end", now) if end else None
    first = first or date((last or now).year, 1, 1)
    last = last or date(first.year, 12, 31)
    if first > last:
        fail(
            _("--start {start} is after --end {end}").format(
                start=f"{first:%d/%m/%Y}", end=f"{last:%d/%m/%Y}"
            )
        )
    return first, last


def run_deadline(
    *,
    phrases: Sequence[str],
    year: int | None,
    start: str | None,
    end: str | None,
    fmt: str,
    today: str | None,
) -> int:
    """How tthc reads each phrase in the plan period; 0 when every one is understood, else 1."""
    from tthc_cli.domain.deadlines import Deadline, DeadlineError, parse_deadline
    from tthc_cli.present.console import out
    from tthc_cli.present.deadline_view import readings_json, readings_text
    from tthc_cli.textnorm import typed

    if not phrases:
        fail(_('give at least one deadline phrase, e.g. tthc deadline "Trước ngày 20 hằng tháng"'))
    first, last = deadline_period(year, start, end, today)
    readings: list[tuple[str, Deadline | DeadlineError]] = []
    for phrase in phrases:
        text = typed(phrase)
        try:
            readings.append((text, parse_deadline(text, plan_start=first, plan_end=last)))
        except DeadlineError as exc:
            readings.append((text, exc))
    out(readings_json(readings) if fmt == "json" else readings_text(readings, first, last))
    return EXIT_DATA if any(isinstance(r, DeadlineError) for _t, r in readings) else EXIT_OK


def run_missing(
    *, item_id: str, period: str | None, warn_days: int, fmt: str, today: str | None, data: str | None
) -> None:
    """Who has not delivered an item that each unit (or each period) owes separately."""
    from tthc_cli.domain.queries import MissingError, obligations, open_ended_members
    from tthc_cli.present import tables
    from tthc_cli.present.console import note, out, print_table

    now = today_from(today)
    plan = load(data)
    key = plan.find_id(item_id)
    if key not in plan.by_id:
        from tthc_cli.data.checks import _unknown_id

        fail(_unknown_id(plan, item_id), EXIT_DATA)
    try:
        kids = obligations(plan, key, period)
    except MissingError as exc:
        fail(str(exc), EXIT_DATA)
    sts = statuses_on(plan, now, warn_days)
    missing = [k for k in kids if not sts[k.id].done]
    title = _("{item}: {done}/{total} done, {left} not yet (status on {day})").format(
        item=key + (f" ({period.strip().upper()})" if period else ""),
        done=len(kids) - len(missing),
        total=len(kids),
        left=len(missing),
        day=f"{now:%d/%m/%Y}",
    )
    if fmt in ("json", "csv"):
        show_items(missing, fmt, title=title, statuses=sts)
    else:
        table = tables.obligation_table(missing, sts)
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
