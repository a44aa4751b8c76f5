"""The command line: parse options, call the core, print. The only Typer user.

Exit codes: 0 done (even with no rows); 1 the data has problems, or a unit/ID matches nothing or
several; 2 usage error (bad option value, unreadable date, a path that cannot be read).
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
import typer.core

if TYPE_CHECKING:
    from datetime import date

    from tthc_cli.domain.plan import Plan
    from tthc_cli.domain.status import ItemStatus


from tthc_cli import i18n
from tthc_cli.cli.commands import (
    EXIT_DATA,
    EXIT_USAGE,
    UserError,
    fail,
    real_today,
    report_format,
    run_deadline,
    run_due,
    run_list,
    run_missing,
    run_overdue,
    run_show,
    run_unit,
    run_upcoming,
    run_validate,
)
from tthc_cli.cli.commands import data_dir as _data_dir
from tthc_cli.cli.commands import load as _load
from tthc_cli.cli.commands import parse_date as _date
from tthc_cli.cli.commands import resolve_unit as _resolve_unit
from tthc_cli.cli.commands import statuses_on as _statuses
from tthc_cli.cli.commands import today_from as _today
from tthc_cli.i18n import N_, _, os_reason, pgettext
from tthc_cli.textnorm import visible

# Typer looks its help words ("Options", "default: …") up through gettext: ours is the catalogue.
typer.core._ = _  # type: ignore[attr-defined]


def _localise_help_option(option: Any) -> Any:
    if option is not None:
        option.help = _("Show this message and exit.")
    return option


def _plain_argument(param: Any) -> None:
    """Show an argument as its placeholder word (`NAME`, `[PATH]...`), not Typer's `{NAME} <str>`."""
    word = str(param.metavar or param.name).upper()
    usage = word if param.required else f"[{word}]"
    usage += "..." if param.nargs != 1 else ""
    param.display_type_rich = lambda *args, **kwargs: ""
    param._usage_display_name = lambda *args, **kwargs: usage


class Command(typer.core.TyperCommand):
    """A command whose usage line and help option speak the user's language."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options_metavar = _("[OPTIONS]")
        for param in self.params:
            if getattr(param, "param_type_name", "") == "argument":
                _plain_argument(param)

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = " ".join(self.collect_usage_pieces(ctx))
        formatter.write_usage(ctx.command_path, pieces, prefix=_("Usage: "))

    def get_help_option(self, ctx: Any) -> Any:
        return _localise_help_option(super().get_help_option(ctx))


_COMPLETION_HELP = {
    "install_completion": N_("Install completion for the current shell."),
    "show_completion": N_("Show completion for the current shell, to copy it or customize the installation."),
}


class Group(typer.core.TyperGroup):
    """The command table; its `main` is the one place a usage mistake becomes one `tthc:` line."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options_metavar = _("[OPTIONS]")
        self.subcommand_metavar = _("COMMAND [ARGS]...")

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = " ".join(self.collect_usage_pieces(ctx))
        formatter.write_usage(ctx.command_path, pieces, prefix=_("Usage: "))

    def get_help_option(self, ctx: Any) -> Any:
        return _localise_help_option(super().get_help_option(ctx))

    def get_params(self, ctx: Any) -> Any:
        params = super().get_params(ctx)
        for param in params:  # Typer's own completion options, in the user's language too
            words = _COMPLETION_HELP.get(getattr(param, "name", None) or "")
            if words:
                param.help = _(words)  # type: ignore[attr-defined]
        return params

    def main(  # type: ignore[override]
        self,
        args: Any = None,
        prog_name: Any = None,
        complete_var: Any = None,
        standalone_mode: bool = True,
        **kwargs: Any,
    ) -> Any:
        from tthc_cli.cli.usage import see_help, usage_message

        argv = list(sys.argv[1:] if args is None else args)
        try:
            code = super().main(argv, prog_name, complete_var, standalone_mode=False, **kwargs)
        except _USAGE_ERROR as exc:
            if type(exc).__name__ == "NoArgsIsHelpError":  # bare `tthc`: the help is the answer
                exc.show()  # type: ignore[attr-defined]
                code = exc.exit_code  # type: ignore[attr-defined]
            else:
                ctx = getattr(exc, "ctx", None)
                where = see_help(ctx.command_path if ctx is not None else "tthc")
                sys.stderr.write(f"tthc: {visible(usage_message(exc, argv))} ({where})\n")
                code = EXIT_USAGE
        if not standalone_mode:
            return code
        raise SystemExit(code if isinstance(code, int) else 0)


# Click's UsageError, reached through a public name (its module path differs between Typer versions).
_USAGE_ERROR: type[Exception] = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")

app = typer.Typer(
    name="tthc",
    cls=Group,
    help=_(
        "Follow up a provincial TTHC-control plan kept in YAML: validate it, ask what is due, "
        "what a unit owes."
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


F = TypeVar("F", bound=Callable[..., Any])


def _print_version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        sys.stdout.write(f"tthc {version('tthc')}\n")
        raise typer.Exit()


class Lang(StrEnum):
    vi = "vi"
    en = "en"


LangOpt = Annotated[
    Lang | None,
    typer.Option(
        "--lang", help=_("Language of everything tthc prints: vi (default) or en; default $TTHC_LANG.")
    ),
]


@app.callback()
def _options(
    show_version: Annotated[
        bool,
        typer.Option(
            "--version", help=_("Print the version and exit."), callback=_print_version, is_eager=True
        ),
    ] = False,
    lang: LangOpt = None,
) -> None:
    # Options that apply before any command (the help text is the app's own). entry.py takes --lang
    # from anywhere on the command line before Typer runs; declaring it here documents it and
    # serves callers of `app` itself (tests).
    del show_version
    if lang is not None:
        i18n.activate(lang.value)


def command(name: str | None = None, group: typer.Typer | None = None, *, help: str) -> Callable[[F], F]:
    """Register a command; this wrapper is the one place a UserError becomes a message and an exit
    code. Anything else escaping a command is a bug and keeps its traceback."""

    def register(fn: F) -> F:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            try:
                return fn(*args, **kwargs)
            except UserError as exc:
                sys.stderr.write(f"tthc: {visible(str(exc))}\n")
                raise typer.Exit(exc.exit_code) from None

        (group or app).command(name, cls=Command, help=help)(wrapper)
        return fn

    return register


# --- shared options ---------------------------------------------------------------------------------


def _complete_units(incomplete: str) -> list[str]:
    ds = _try_load()
    if ds is None:
        return []
    from tthc_cli.cli.completion import match_names

    return match_names(ds.registry.all_names(), incomplete)


def _complete_ids(incomplete: str) -> list[str]:
    ds = _try_load()
    return [i.id for i in ds.items if i.id.startswith(incomplete)] if ds else []


DataOpt = Annotated[
    str | None,
    typer.Option(
        "--data",
        metavar=_("FOLDER"),
        help=_(
            "Folder with plan.yaml (default: $TTHC_DATA, else the nearest folder upward holding plan.yaml)."
        ),
    ),
]
TodayOpt = Annotated[
    str | None,
    typer.Option(
        "--today",
        metavar=_("DATE"),
        help=_("Take this date (YYYY-MM-DD) as today; default $TTHC_TODAY, else the system date."),
    ),
]


class TableFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


FormatOpt = Annotated[TableFormat, typer.Option("--format", "-f", help=_("Output format."))]
OpenOpt = Annotated[bool, typer.Option("--open", help=_("Hide items already done."))]


def _whole_number(low: int, high: int) -> Callable[[str], int]:
    """A parser for a count typed on the command line: ASCII digits only, in [low, high]. Python's
    int() would also take '٣' (Arabic-Indic three) or ' 3_0', and '²' makes it raise."""

    def parse(text: str) -> int:
        value = str(text).strip()
        if not (value.isascii() and value.isdigit()) or not low <= int(value) <= high:
            raise typer.BadParameter(f"{visible(value)!r}: write a whole number from {low} to {high}")
        return int(value)

    return parse


WarnOpt = Annotated[
    int,
    typer.Option(
        "--warn-days",
        metavar=_("DAYS"),
        min=0,
        max=366,
        parser=_whole_number(0, 366),
        help=_("Days before the due date an item is 'Sắp đến hạn'."),
    ),
]


class RoleChoice(StrEnum):
    lead = "lead"
    support = "support"
    any = "any"


def _try_load() -> Plan | None:
    try:
        return _load(None)
    except (UserError, OSError):
        return None


class DiagFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


@command(help=_("Check the plan files, together as a set; list every problem with file, line and column."))
def validate(
    paths: Annotated[
        list[str] | None,
        typer.Argument(metavar=_("PATH"), help=_("Data files or folders (default: the data folder).")),
    ] = None,
    fmt: Annotated[
        DiagFormat, typer.Option("--format", "-f", help=_("text, json, or github annotations."))
    ] = DiagFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help=_("Treat warnings as errors."))] = False,
    data: DataOpt = None,
) -> None:
    raise typer.Exit(run_validate(paths or [], fmt.value, strict, data))


@command(
    "list",
    help=_("Every item of the plan: tasks, duties and appendix rows, with status."),
)
def list_items(
    fmt: FormatOpt = TableFormat.table,
    kind: Annotated[
        list[str] | None,
        typer.Option(
            "--kind",
            metavar=_("KIND"),
            help=_("Only items of this kind (repeatable): task, duty, or an appendix's name (review, …)."),
        ),
    ] = None,
    warn_days: WarnOpt = 7,
    today: TodayOpt = None,
    data: DataOpt = None,
) -> None:
    run_list(fmt.value, list(kind or []), data, today, warn_days)


class ShowFormat(StrEnum):
    text = "text"
    json = "json"


@command(help=_("One item in full, with its status and the progress recorded for it."))
def show(
    item_id: Annotated[
        str,
        typer.Argument(
            metavar=pgettext("placeholder", "ID"),
            help=_("e.g. 1.1, task:6, duty:IV.2, review:6, inspection:II.3"),
            autocompletion=_complete_ids,
        ),
    ],
    fmt: Annotated[ShowFormat, typer.Option("--format", "-f")] = ShowFormat.text,
    warn_days: WarnOpt = 7,
    today: TodayOpt = None,
    data: DataOpt = None,
) -> None:
    run_show(item_id, fmt.value, data, today, warn_days)


class DeadlineFormat(StrEnum):
    text = "text"
    json = "json"


@command(
    help=_(
        "How tthc reads deadline phrases: kind, dates, occurrences in the plan period, warnings. "
        "Exit 0 when every phrase is understood, 1 otherwise."
    )
)
def deadline(
    phrases: Annotated[
        list[str],
        typer.Argument(metavar=_("PHRASE"), help=_('Deadline phrases, each in quotes: "Quý II, III/2022".')),
    ],
    year: Annotated[
        int | None,
        typer.Option(
            "--year", min=1900, max=2199, metavar=_("YEAR"), help=_("Plan period: this calendar year.")
        ),
    ] = None,
    start: Annotated[
        str | None,
        typer.Option("--start", metavar=_("DATE"), help=_("Plan period's first day (default: 1 January).")),
    ] = None,
    end: Annotated[
        str | None,
        typer.Option("--end", metavar=_("DATE"), help=_("Plan period's last day (default: 31 December).")),
    ] = None,
    fmt: Annotated[DeadlineFormat, typer.Option("--format", "-f")] = DeadlineFormat.text,
    today: TodayOpt = None,
) -> None:
    raise typer.Exit(
        run_deadline(phrases=phrases, year=year, start=start, end=end, fmt=fmt.value, today=today)
    )


@command(help=_("Write the JSON Schemas the files' yaml-language-server modelines point to."))
def schema(
    out_dir: Annotated[
        str | None,
        typer.Option("--out", metavar=_("FOLDER"), help=_("Folder to write into (default: <data>/schemas).")),
    ] = None,
    data: DataOpt = None,
) -> None:
    from tthc_cli.data.schemas import write_schemas
    from tthc_cli.present.console import note

    folder = out_dir or os.path.join(_data_dir(data), "schemas")
    try:
        written = write_schemas(folder)
    except OSError as exc:
        fail(_("cannot write schemas to {folder}: {reason}").format(folder=folder, reason=os_reason(exc)))
    for path in written:
        note(_("wrote {path}").format(path=path))


@command(help=_("Items whose due date (as written) falls in a range, soonest first, with their status."))
def due(
    before: Annotated[
        str,
        typer.Option(
            "--before",
            metavar=_("DATE"),
            help=_("Last due date, inclusive: YYYY-MM-DD, D/M/YYYY, today, eow, eom, eoq, eoy, +14d, +2w."),
        ),
    ],
    after: Annotated[
        str | None, typer.Option("--after", metavar=_("DATE"), help=_("First due date, inclusive."))
    ] = None,
    include_ongoing: Annotated[
        bool, typer.Option("--include-ongoing", help=_("Also list items with no single due date."))
    ] = False,
    unit: Annotated[
        str | None,
        typer.Option(
            "--unit", metavar=_("UNIT"), help=_("Only what this unit owes."), autocompletion=_complete_units
        ),
    ] = None,
    role: Annotated[
        RoleChoice | None, typer.Option("--role", help=_("With --unit: lead, support or any (default any)."))
    ] = None,
    kind: Annotated[
        list[str] | None,
        typer.Option(
            "--kind",
            metavar=_("KIND"),
            help=_("Only items of this kind (repeatable): task, duty, or an appendix's name (review, …)."),
        ),
    ] = None,
    only_open: OpenOpt = False,
    warn_days: WarnOpt = 7,
    fmt: FormatOpt = TableFormat.table,
    today: TodayOpt = None,
    data: DataOpt = None,
) -> None:
    run_due(
        before=before,
        after=after,
        include_ongoing=include_ongoing,
        unit=unit,
        role=role.value if role else None,
        kinds=list(kind or []),
        only_open=only_open,
        warn_days=warn_days,
        fmt=fmt.value,
        today=today,
        data=data,
    )


@command(help=_("Items not done and past their effective due date, most days late first."))
def overdue(
    fmt: FormatOpt = TableFormat.table,
    today: TodayOpt = None,
    data: DataOpt = None,
) -> None:
    run_overdue(fmt=fmt.value, today=today, data=data)


@command(help=_("Items not done falling due from today to today + N days, soonest first."))
def upcoming(
    within: Annotated[
        int,
        typer.Option(
            "--within",
            metavar=_("DAYS"),
            min=0,
            max=3660,
            parser=_whole_number(0, 3660),
            help=_("Days ahead (default 14)."),
        ),
    ] = 14,
    warn_days: WarnOpt = 7,
    fmt: FormatOpt = TableFormat.table,
    today: TodayOpt = None,
    data: DataOpt = None,
) -> None:
    run_upcoming(within=within, warn_days=warn_days, fmt=fmt.value, today=today, data=data)


@command(help=_("Everything a unit leads, coordinates or is inspected in — directly or through a group."))
def unit(
    name: Annotated[
        str,
        typer.Argument(
            metavar=_("NAME"),
            help=_("Unit or group, as people write it: 'Sở Y tế', 'so y te', 'Sở LĐ-TB&XH', 'TP Chí Linh'."),
            autocompletion=_complete_units,
        ),
    ],
    only_open: OpenOpt = False,
    warn_days: WarnOpt = 7,
    fmt: FormatOpt = TableFormat.table,
    today: TodayOpt = None,
    data: DataOpt = None,
) -> None:
    run_unit(name=name, only_open=only_open, warn_days=warn_days, fmt=fmt.value, today=today, data=data)


class ReportFormat(StrEnum):
    md = "md"
    html = "html"


class ExportFormat(StrEnum):
    ics = "ics"
    csv = "csv"


OutOpt = Annotated[
    str | None,
    typer.Option("--output", "-o", metavar=_("FILE"), help=_("Write to this file (default: stdout).")),
]
TemplatesOpt = Annotated[
    str | None,
    typer.Option(
        "--templates", metavar=_("FOLDER"), help=_("Folder of templates overriding the shipped ones.")
    ),
]


def _as_of(today: str | None, data: str | None, warn_days: int) -> tuple[date, Plan, dict[str, ItemStatus]]:
    """The date asked about, the plan, and every item's status on that date."""
    now = _today(today)
    plan = _load(data)
    return now, plan, _statuses(plan, now, warn_days)


def _emit(text: str | bytes, output: str | None, data: str | None) -> None:
    """Print, or write `output` completely or not at all — never over a data file or a folder."""
    from tthc_cli.data.fsutil import atomic_write
    from tthc_cli.domain.plan import data_file_names
    from tthc_cli.present.console import note, out

    if output is None:
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
        else:
            out(text)
        return
    from tthc_cli.data.fsutil import FileKindError, output_target

    try:
        target = output_target(output)
    except FileKindError as exc:
        fail(_("-o {problem}; give the name of a regular file, or leave out -o to print").format(problem=exc))
    folder = os.path.dirname(target)
    if not os.path.isdir(folder):
        fail(_("-o {output}: the folder {folder} does not exist").format(output=output, folder=folder))
    try:
        data_dir = _data_dir(data)
    except UserError:
        data_dir = None
    if data_dir is not None:
        for name in data_file_names(os.listdir(data_dir)):
            protected = os.path.join(data_dir, name)
            if os.path.exists(target) and os.path.exists(protected) and os.path.samefile(target, protected):
                fail(
                    _("-o {output}: that is the data file {name}; choose another name").format(
                        output=output, name=name
                    )
                )
    try:
        atomic_write(target, text if isinstance(text, bytes) else text.encode("utf-8"))
    except OSError as exc:
        fail(_("cannot write {path}: {reason}").format(path=output, reason=os_reason(exc)))
    note(_("wrote {path}").format(path=output))


@command(help=_("The weekly Markdown brief for the Chairman: overdue, due this week and the next two, done."))
def brief(
    week: Annotated[
        str | None,
        typer.Option("--week", metavar=_("DATE"), help=_("Any day of the week to brief (default: today).")),
    ] = None,
    output: OutOpt = None,
    lang: LangOpt = None,
    warn_days: WarnOpt = 7,
    templates: TemplatesOpt = None,
    today: TodayOpt = None,
    data: DataOpt = None,
) -> None:
    from tthc_cli.present.render import render_brief
    from tthc_cli.present.reports import build_brief

    now, ds, sts = _as_of(today, data, warn_days)
    week_of = _date(week, "--week", now) if week else now
    text = _render(lambda: render_brief(build_brief(ds, sts, now, week_of), ds, _language(lang), templates))
    _emit(text, output, data)


@command(help=_("The whole plan's status: counts, overdue, each appendix, per unit, and a timeline (HTML)."))
def report(
    fmt: Annotated[
        ReportFormat | None,
        typer.Option("--format", "-f", help=_("md or html (default: from the -o file's suffix, else md).")),
    ] = None,
    output: OutOpt = None,
    lang: LangOpt = None,
    warn_days: WarnOpt = 7,
    templates: TemplatesOpt = None,
    today: TodayOpt = None,
    data: DataOpt = None,
) -> None:
    from tthc_cli.present.render import render_report
    from tthc_cli.present.reports import build_report

    kind = report_format(fmt.value if fmt else None, output)
    now, ds, sts = _as_of(today, data, warn_days)
    text = _render(lambda: render_report(build_report(ds, sts, now), ds, kind, _language(lang), templates))
    _emit(text, output, data)


def _language(lang: Lang | None) -> str:
    """A command's own --lang (callers of `app`), else the language chosen at the edge."""
    if lang is not None:
        i18n.activate(lang.value)
    return i18n.language()


def _render(make: Callable[[], str]) -> str:
    """Render, turning a broken user template into a message instead of a traceback."""
    import jinja2

    from tthc_cli.present.render import TemplateFailure

    try:
        return make()
    except TemplateFailure as exc:
        fail(str(exc))
    except jinja2.TemplateSyntaxError as exc:
        fail(
            _("template {name}:{line}: {message}").format(
                name=exc.filename or exc.name, line=exc.lineno, message=exc.message
            )
        )
    except jinja2.TemplateNotFound as exc:
        fail(_("template not found: {name}").format(name=exc.name))
    except jinja2.exceptions.SecurityError as exc:
        fail(_("template refused by the sandbox: {message}").format(message=exc))
    except jinja2.UndefinedError as exc:
        fail(_("template error: {message}").format(message=exc.message))


@command(help=_("Dated items as an iCalendar file (Outlook, Google Calendar) or every item as CSV (Excel)."))
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help=_("ics (calendar) or csv (Excel)."))],
    output: OutOpt = None,
    warn_days: WarnOpt = 7,
    today: TodayOpt = None,
    data: DataOpt = None,
) -> None:
    from tthc_cli.present.export import to_csv, to_ics

    now, ds, sts = _as_of(today, data, warn_days)
    _emit(to_ics(ds, sts, now) if fmt is ExportFormat.ics else to_csv(ds, sts), output, data)


progress_app = typer.Typer(
    cls=Group, help=_("Record what units have done (the progress log, progress.yaml)."), no_args_is_help=True
)
app.add_typer(progress_app, name="progress")


class EntryStatus(StrEnum):
    started = "started"
    done = "done"
    reopened = "reopened"
    note = "note"


@command(
    "add",
    group=progress_app,
    help=_("Append one entry to progress.yaml: checked first, written completely or not at all."),
)
def progress_add(
    item_id: Annotated[
        str,
        typer.Argument(
            metavar=pgettext("placeholder", "ID"),
            help=_("e.g. 1.1, review:6, inspection:II.3"),
            autocompletion=_complete_ids,
        ),
    ],
    status: Annotated[EntryStatus, typer.Option("--status", help=_("started, done, reopened or note."))],
    when: Annotated[
        str | None, typer.Option("--date", metavar=_("DATE"), help=_("When it happened (default: today)."))
    ] = None,
    note_text: Annotated[
        str | None, typer.Option("--note", metavar=_("TEXT"), help=_("What was done or said."))
    ] = None,
    evidence: Annotated[
        str | None, typer.Option("--evidence", metavar=_("TEXT"), help=_("E.g. the document number."))
    ] = None,
    by: Annotated[str | None, typer.Option("--by", metavar=_("TEXT"), help=_("Who reported it."))] = None,
    for_unit: Annotated[
        str | None,
        typer.Option(
            "--unit",
            metavar=_("NAME"),
            help=_("For an item each unit owes separately: whose obligation (e.g. 'Sở Y tế')."),
            autocompletion=_complete_units,
        ),
    ] = None,
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            metavar=_("PERIOD"),
            help=_("For a recurring item: which occurrence (2021-Q2, 2021-M03)."),
        ),
    ] = None,
    data: DataOpt = None,
) -> None:
    # A record is dated by the real calendar: --today and TTHC_TODAY move only what queries look at.
    from tthc_cli.data.dataset import assemble
    from tthc_cli.data.diagnostics import Severity, format_text
    from tthc_cli.data.files import DataDirError, read_data_folder
    from tthc_cli.data.fsutil import atomic_write, locked
    from tthc_cli.data.progress import AppendError, NewEntry, append_entry_bytes
    from tthc_cli.domain.plan import obligation_id
    from tthc_cli.present.console import note
    from tthc_cli.present.labels import entry_status_label

    now = real_today()
    day = _date(when, "--date", now) if when else now
    if day > now:
        fail(
            _("--date {day} is after today ({today}); record progress once it has happened").format(
                day=f"{day:%d/%m/%Y}", today=f"{now:%d/%m/%Y}"
            )
        )
    directory = _data_dir(data)
    ds = _load(directory)
    key = ds.find_id(item_id)
    if for_unit is not None:
        key = obligation_id(key, _resolve_unit(ds, for_unit))
    if period is not None:
        key = obligation_id(key, None, period.strip().upper())
    if key not in ds.by_id:
        from tthc_cli.data.checks import _unknown_id

        fail(_unknown_id(ds, key), EXIT_DATA)
    if ds.by_id[key].split:
        from tthc_cli.data.checks import obligation_hint

        fail(obligation_hint(ds, key), EXIT_DATA)
    entry = NewEntry(
        key,
        day,
        status.value,
        _clean_text(note_text, "--note"),
        _clean_text(evidence, "--evidence"),
        _clean_text(by, "--by"),
    )
    path = os.path.join(directory, "progress.yaml")
    try:
        with locked(path):  # concurrent appends queue here; each re-reads the file under the lock
            files, labels = read_data_folder(directory)
            raw = files["progress.yaml"] or b""
            try:
                new_raw = append_entry_bytes(raw, entry)
            except AppendError as exc:
                fail(str(exc), EXIT_DATA)
            files["progress.yaml"] = new_raw
            result = assemble(files, labels, today=now)
            # The file may have grown since `ds` was loaded (another append): what matters is that the
            # whole set is still valid and its last entry is exactly the one added.
            last = result.dataset.progress[-1] if result.dataset and result.dataset.progress else None
            if last is None or (last.id, last.date, last.status, last.note) != (
                key,
                day,
                status.value,
                entry.note,
            ):
                if result.errors:
                    note(_("progress.yaml with the new entry appended at its end would have these problems:"))
                    for d in result.errors[:10]:
                        note(format_text(d))
                else:
                    note(_("progress.yaml with the new entry appended would not read back as that entry"))
                fail(_("the entry was not recorded; the file is unchanged"), EXIT_DATA)
            for d in result.diagnostics:
                if d.severity is Severity.WARNING and d.file == labels["progress.yaml"]:
                    note(format_text(d))
            atomic_write(path, new_raw)  # through a symlink, keeping mode and owner
    except (OSError, DataDirError) as exc:
        fail(_("cannot write {path}: {reason}").format(path=path, reason=os_reason(exc)))
    note(
        _("recorded: {id} {status} {day} in {path}").format(
            id=key, status=entry_status_label(status.value), day=f"{day:%d/%m/%Y}", path=path
        )
    )


def _clean_text(text: str | None, option: str) -> str | None:
    """NFC and trimmed; a control character (an escape sequence pasted from a terminal) is refused:
    validate would reject the file it makes, and `show` would send it to a terminal."""
    if text is None:
        return None
    import unicodedata

    from tthc_cli.textnorm import CONTROL, control_name

    text = unicodedata.normalize("NFC", text).strip()
    if m := CONTROL.search(text):
        fail(
            _("{option}: contains the control character {char}; type plain text").format(
                option=option, char=control_name(m.group())
            )
        )
    return text or None


@command(
    "new",
    help=_(
        "Start a plan folder: skeleton files, the unit registry carried over, "
        "the old plan's unfinished items."
    ),
)
def new_plan(
    folder: Annotated[
        str, typer.Argument(metavar=_("FOLDER"), help=_("The new plan's folder (must not exist)."))
    ],
    old: Annotated[
        str | None,
        typer.Option("--from", metavar=_("FOLDER"), help=_("Last year's plan folder, to carry over from.")),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option(
            "--year", min=2000, max=2100, help=_("The new plan's year (default: the old plan's + 1).")
        ),
    ] = None,
    province: Annotated[
        str | None,
        typer.Option("--province", metavar=_("NAME"), help=_("The province (default: the old plan's).")),
    ] = None,
    today: TodayOpt = None,
) -> None:
    from tthc_cli.data.files import DataDirError
    from tthc_cli.data.fsutil import create_folder_with
    from tthc_cli.data.schemas import schema_texts
    from tthc_cli.present.console import note
    from tthc_cli.present.newplan import CARRY_OVER, carry_over_markdown, new_plan_files, unfinished

    if not folder.strip():
        fail(_("give the name of the new plan's folder"))
    province = _clean_text(province, "--province")
    target = os.path.abspath(folder)
    if os.path.exists(target) and not (os.path.isdir(target) and not os.listdir(target)):
        fail(_("{folder}: already exists; give the name of a new folder").format(folder=folder))
    if not os.path.isdir(os.path.dirname(target)):
        fail(_("{folder}: the folder above it does not exist").format(folder=folder))
    now = _today(today)
    old_units = carry = None
    if old is not None:
        plan = _load(old)
        year = year or plan.year + 1
        province = province or plan.meta.province
        try:
            with open(os.path.join(old, "units.yaml"), encoding="utf-8-sig") as handle:
                old_units = handle.read()
        except (OSError, UnicodeDecodeError, DataDirError) as exc:
            fail(_("cannot read {path}: {why}").format(path=os.path.join(old, "units.yaml"), why=exc))
        sts = _statuses(plan, now, 7)
        carry = carry_over_markdown(plan, sts, now, year)
        left = len(unfinished(plan, sts))
    year = year or now.year
    # Editors find the schemas through a relative path: the repository's schemas/ folder when the new
    # folder lies inside it, else a copy written beside the files.
    prefix, extra = _schema_prefix(target), {}
    if prefix is None:
        prefix, extra = "schemas/", {f"schemas/{name}": text for name, text in schema_texts().items()}
    files = new_plan_files(
        year=year,
        province=province,
        schema_prefix=prefix,
        made_on=real_today(),
        old_units=old_units,
        carry_over=carry,
    )
    try:
        create_folder_with(target, {name: text.encode("utf-8") for name, text in {**files, **extra}.items()})
    except OSError as exc:
        fail(_("cannot create {folder}: {why}").format(folder=folder, why=exc.strerror or exc))
    note(_("created {folder}: {files}").format(folder=folder, files=", ".join(sorted(files))))
    if carry is not None:
        note(
            _("{n} unfinished item(s) of the old plan listed in {file}: decide which to carry over").format(
                n=left, file=os.path.join(folder, CARRY_OVER)
            )
        )
    note(_("next: fill in plan.yaml, then run: tthc validate --data {folder}").format(folder=folder))


def _schema_prefix(target: str) -> str | None:
    """The relative path from `target` to the nearest schemas/ folder above it holding plan.schema.json."""
    here = os.path.dirname(target)
    while True:
        if os.path.isfile(os.path.join(here, "schemas", "plan.schema.json")):
            rel = os.path.relpath(os.path.join(here, "schemas"), target)
            return rel.replace(os.sep, "/") + "/"
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


@command(
    "missing",
    help=_("Who has not yet delivered an item each unit (or each period) owes separately, e.g. IV.2."),
)
def missing(
    item_id: Annotated[
        str, typer.Argument(metavar=_("ID"), help=_("e.g. duty:IV.2, task:3"), autocompletion=_complete_ids)
    ],
    period: Annotated[
        str | None,
        typer.Option("--period", metavar=_("PERIOD"), help=_("Only this occurrence (2021-Q2, 2021-M03).")),
    ] = None,
    fmt: FormatOpt = TableFormat.table,
    warn_days: WarnOpt = 7,
    today: TodayOpt = None,
    data: DataOpt = None,
) -> None:
    run_missing(item_id=item_id, period=period, warn_days=warn_days, fmt=fmt.value, today=today, data=data)


@command(help=_("The unit registry: units with type and aliases, groups with members."))
def units(
    fmt: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.table,
    data: DataOpt = None,
) -> None:
    from tthc_cli.domain.units import GROUP_LABELS, TYPE_LABELS
    from tthc_cli.present import tables
    from tthc_cli.present.console import out, print_table

    ds = _load(data)
    reg = ds.registry
    unit_rows_: list[list[tables.Cell]] = [
        [u.name, TYPE_LABELS[u.type], "; ".join(u.aliases)] for u in reg.units.values()
    ]
    group_rows: list[list[tables.Cell]] = [
        [
            g.name,
            GROUP_LABELS[g.kind],
            "; ".join(g.aliases),
            "; ".join(reg.members(g.name)) or (_("(not listed)") if g.kind != "open" else "—"),
        ]
        for g in reg.groups.values()
    ]
    if fmt is TableFormat.json:
        out(
            tables.to_json(
                {
                    "units": [
                        {"name": u.name, "type": u.type, "aliases": u.aliases} for u in reg.units.values()
                    ],
                    "groups": [
                        {
                            "name": g.name,
                            "kind": g.kind,
                            "aliases": g.aliases,
                            "members": list(reg.members(g.name)),
                            "definite": g.kind != "open",
                        }
                        for g in reg.groups.values()
                    ],
                }
            )
        )
        return
    units_table = tables.Table([_("Unit"), _("Type"), _("Other names")], unit_rows_, (44, 16, 50))
    groups_table = tables.Table(
        [_("Group"), _("Kind of group"), _("Other names"), _("Members")], group_rows, (40, 22, 30, 60)
    )
    if fmt is TableFormat.csv:
        out(
            tables.to_csv(
                ["name", "kind", "type", "aliases", "members"],
                [[r[0], "unit", *r[1:], ""] for r in unit_rows_]
                + [[r[0], "group", *r[1:]] for r in group_rows],
            )
        )
    elif fmt is TableFormat.md:
        out(tables.to_markdown(units_table) + "\n" + tables.to_markdown(groups_table))
    else:
        print_table(units_table, title=_("Units: {count}").format(count=len(unit_rows_)))
        print_table(groups_table, title=_("Groups: {count}").format(count=len(group_rows)))


def _use_tthc_completion() -> None:
    """Typer registers its completion classes each time the app is built; ours (quoting, folded
    matching: completion.py) are registered right after."""
    import typer.completion

    from tthc_cli.cli.completion import register

    typer_init = typer.completion.completion_init  # type: ignore[attr-defined]

    def init() -> None:
        typer_init()
        register()

    typer.completion.completion_init = init  # type: ignore[attr-defined]


_use_tthc_completion()


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        raise SystemExit(130) from None
