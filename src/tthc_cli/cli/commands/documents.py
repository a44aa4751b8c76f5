"""The documents tthc writes: the weekly brief, the report, the calendar/CSV export, the JSON Schemas;
printed, or written to -o completely or not at all."""

import os
import sys
from collections.abc import Callable
from datetime import date
from typing import Annotated, TypeVar

import typer

from tthc_cli import i18n
from tthc_cli.cli import publish
from tthc_cli.cli.boundary import EXIT_DATA, EXIT_OK, UserError, fail
from tthc_cli.cli.commands import data_dir, load, query_day, statuses_on
from tthc_cli.cli.options import (
    DEFAULT_WARN_DAYS,
    Data,
    DayInput,
    ExportFormat,
    Lang,
    Output,
    ReportFormat,
    Templates,
    Today,
    WarnDays,
    choice,
    day_option,
    non_empty,
    report_period_option,
)
from tthc_cli.data.counts import read_counts_file
from tthc_cli.domain.counts import CountsTable
from tthc_cli.domain.plan import Plan
from tthc_cli.domain.plan_files import PROGRESS_DIR, SCHEMAS_DIR, SMTP_FILE, data_file_names, is_data_file
from tthc_cli.domain.report_periods import ReportPeriod
from tthc_cli.domain.status import ItemStatus
from tthc_cli.fsutil import FileKindError, atomic_write, output_target
from tthc_cli.i18n import N_, _, os_reason
from tthc_cli.present import formats
from tthc_cli.present.console import note, out
from tthc_cli.present.documents import build_brief, build_report
from tthc_cli.present.labels import plan_title
from tthc_cli.present.messages import message, not_regular
from tthc_cli.present.periodic import build_periodic_report, outside_plan, owed_reports, regime_period
from tthc_cli.present.reporters import first_shown, format_text, more_line

F = TypeVar("F", ReportFormat, ExportFormat)
T = TypeVar("T")

REPORT_SUFFIXES = {
    ".md": ReportFormat.MD,
    ".markdown": ReportFormat.MD,
    ".html": ReportFormat.HTML,
    ".htm": ReportFormat.HTML,
    ".docx": ReportFormat.DOCX,
}
EXPORT_SUFFIXES = {
    ".ics": ExportFormat.ICS,
    ".csv": ExportFormat.CSV,
    ".xlsx": ExportFormat.XLSX,
    **publish.SUFFIXES,
}


def format_for(
    fmt: F | None, output: str | None, suffixes: dict[str, F], fits: dict[F, F] | None = None
) -> F | None:
    """The format asked for, else the one the -o file's suffix names (bao-cao.html -> html). A
    --format that contradicts the suffix is refused rather than writing Markdown into a .html; `fits`
    names formats another's suffix suits too (csv-excel is a .csv)."""
    implied = suffixes.get(os.path.splitext(output or "")[1].lower())
    if fmt is None:
        return implied
    if implied is not None and implied != fmt and (fits or {}).get(fmt) != implied:
        fail(
            _("--format {fmt} does not match -o {output}; name the file *.{fmt} or drop --format").format(
                fmt=fmt, output=output
            )
        )
    return fmt


def as_of(today: date | None, data: str | None, warn_days: int) -> tuple[date, Plan, dict[str, ItemStatus]]:
    """The date asked about, the plan, and every item's status on that date."""
    now = query_day(today)
    plan = load(data)
    return now, plan, statuses_on(plan, now, warn_days)


def emit(text: str | bytes, output: str | None, data: str | None) -> None:
    """Print, or write `output` completely or not at all — never over a data file or a folder."""
    if output is None:
        if isinstance(text, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(text)
        else:
            out(text)
        return
    try:
        target = output_target(output)
    except FileKindError as exc:
        fail(
            _("-o {problem}; give the name of a regular file, or leave out -o to print").format(
                problem=not_regular(exc.path, exc.kind)
            )
        )
    folder = os.path.dirname(target)
    if not os.path.isdir(folder):
        fail(_("-o {output}: the folder {folder} does not exist").format(output=output, folder=folder))
    try:
        directory: str | None = data_dir(data)
    except UserError:
        directory = None
    kept = _kept_file(target, directory) if directory is not None else None
    if kept is not None:
        message = _("-o {output}: that is {name}, a file of the plan folder; choose another name")
        fail(message.format(output=output, name=kept))
    try:
        atomic_write(target, text if isinstance(text, bytes) else text.encode("utf-8"))
    except OSError as exc:
        fail(_("cannot write {path}: {reason}").format(path=output, reason=os_reason(exc)))
    note(_("wrote {path}").format(path=output))


def refuse_kept_folder(output: str, data: str | None) -> None:
    """-o FOLDER of the commands writing a file per unit (remind, form --all): never the plan folder's
    progress/ or schemas/ (or a folder inside them), whose files tthc reads and writes itself."""
    try:
        directory = os.path.realpath(data_dir(data))
    except UserError:
        return
    rel = os.path.relpath(os.path.realpath(output), directory).replace(os.sep, "/")
    for kept in (PROGRESS_DIR, SCHEMAS_DIR):
        if rel == kept or rel.startswith(kept + "/"):
            message = _("-o {output}: that is {name}, a folder of the plan folder; choose another folder")
            fail(message.format(output=output, name=kept + "/"))


def _kept_file(target: str, directory: str) -> str | None:
    """The name, in the plan folder, of a file tthc keeps there that writing `target` would replace: a
    data file (existing or not: `-o progress/so-y-te.yaml` would start a unit's log), a lock, the SMTP
    settings, a schema; also the same file reached through a hard link."""
    folder = os.path.realpath(directory)
    rel = os.path.relpath(target, folder).replace(os.sep, "/")
    if rel != os.pardir and not rel.startswith(os.pardir + "/"):
        base = rel.rsplit("/", 1)[-1]
        if (
            is_data_file(rel)
            or rel == SMTP_FILE
            or rel.startswith(SCHEMAS_DIR + "/")
            or (base.startswith(".") and base.endswith(".lock"))
        ):
            return rel
    if os.path.exists(target):
        progress = os.path.join(folder, PROGRESS_DIR)
        listing = os.listdir(progress) if os.path.isdir(progress) else []
        for name in data_file_names(os.listdir(folder), listing):
            kept = os.path.join(folder, name)
            if os.path.exists(kept) and os.path.samefile(target, kept):
                return name
    return None


def render(make: Callable[[], T]) -> T:
    """Render, turning a broken user template into a message instead of a traceback."""
    # Jinja, imported by the commands that render only (~40 ms; README "Speed").
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


def brief(
    week: Annotated[
        DayInput | None,
        day_option("--week", N_("DATE"), N_("Any day of the week to brief (default: today).")),
    ] = None,
    output: Output = None,
    lang: Lang = None,
    warn_days: WarnDays = DEFAULT_WARN_DAYS,
    templates: Templates = None,
    today: Today = None,
    data: Data = None,
) -> int:
    now, plan, sts = as_of(today, data, warn_days)
    week_of = week.on(now) if week else now
    view = formats.BriefView(build_brief(plan, sts, now, week_of), plan, i18n.language(), templates)
    emit(render(lambda: str(formats.render("md", view))), output, data)
    return EXIT_OK


def report(
    fmt: Annotated[
        ReportFormat | None,
        typer.Option(
            "--format",
            "-f",
            help=N_(
                "md or html (default: from the -o file's suffix, else md); docx for the periodic report "
                "(--period)."
            ),
            parser=choice("--format", ReportFormat),
        ),
    ] = None,
    period: Annotated[
        ReportPeriod | None,
        typer.Option(
            "--period",
            metavar=N_("PERIOD"),
            help=N_(
                "The periodic report the office signs, for this period, as tables name it (quarter "
                "II/2021) or by its code: 2021-Q2, 2021-H1, 2021-9M (nine months), 2021-M09, 2021 (the "
                "year)."
            ),
            parser=report_period_option,
        ),
    ] = None,
    counts: Annotated[
        str | None,
        typer.Option(
            "--counts",
            metavar=N_("FILE.csv"),
            help=N_("The one-stop system's dossier counts for the period, laid into the form's table."),
            parser=non_empty("--counts", N_("a file name")),
        ),
    ] = None,
    output: Output = None,
    lang: Lang = None,
    warn_days: WarnDays = DEFAULT_WARN_DAYS,
    templates: Templates = None,
    today: Today = None,
    data: Data = None,
) -> int:
    kind = format_for(fmt, output, REPORT_SUFFIXES) or ReportFormat.MD
    if period is None:
        if counts is not None or kind is ReportFormat.DOCX:
            fail(
                _("{option} goes with the periodic report: add --period (e.g. 2021-Q2)").format(
                    option="--counts" if counts is not None else "--format docx"
                )
            )
        now, plan, sts = as_of(today, data, warn_days)
        view = formats.ReportView(build_report(plan, sts, now), plan, i18n.language(), templates)
        emit(render(lambda: str(formats.render(kind, view))), output, data)
        return EXIT_OK
    if kind is ReportFormat.DOCX and output is None and sys.stdout.isatty():
        fail(_("a Word document cannot be shown on the terminal: add -o FILE.docx"))
    periodic(kind, period, counts, output, warn_days, templates, today, data)
    return EXIT_OK


def periodic(
    kind: ReportFormat,
    period: ReportPeriod,
    counts: str | None,
    output: str | None,
    warn_days: int,
    templates: str | None,
    today: date | None,
    data: str | None,
) -> None:
    """`tthc report --period`: the periodic report, with the counts CSV checked first (a bad row is
    an error at its line, and nothing is written)."""
    from tthc_cli.present.periodic_render import PeriodicView  # Jinja and docxtpl: rendering only

    now = query_day(today)
    plan = load(data)
    outside = outside_plan(plan, period)
    if outside is not None:
        fail(f"--period: {message(outside)}")
    table = read_counts_option(counts, plan) if counts is not None else None
    window = regime_period(plan, period)  # the reporting regime's data window, if the plan has one
    built = build_periodic_report(
        plan, window, now, warn_days, reports=owed_reports(plan, window), counts=table
    )
    view = PeriodicView(built, i18n.language(), templates)
    emit(render(lambda: formats.render(kind, view)), output, data)


def read_counts_option(path: str, plan: Plan) -> CountsTable:
    """The counts CSV, every problem shown at its line; any error stops the command (exit 1)."""
    domains = dict.fromkeys(d for item in plan.items for d in item.domains)
    try:
        table, problems = read_counts_file(path, plan.registry, domains)
    except FileKindError as exc:
        fail(_("--counts {problem}").format(problem=not_regular(exc.path, exc.kind)))
    except OSError as exc:
        fail(_("cannot read {path}: {reason}").format(path=path, reason=os_reason(exc)))
    shown, left = first_shown(problems)
    for found in shown:
        note(format_text(found))
    if left:
        note(more_line(left))
    if table is None:
        errors = sum(1 for p in problems if p.is_error)
        fail(
            _("{path}: {count} error(s) in the counts; nothing written").format(path=path, count=errors),
            EXIT_DATA,
        )
    return table


def export(
    fmt: Annotated[
        ExportFormat | None,
        typer.Option(
            "--format",
            "-f",
            help=N_(
                "ics (calendar), xlsx (Excel workbook: items, obligations, units), csv (codes, for "
                "tools), csv-excel (for Excel under Vietnamese settings) or sqlite (Datasette); "
                "default: from the -o file's suffix."
            ),
            parser=choice("--format", ExportFormat),
        ),
    ] = None,
    output: Output = None,
    warn_days: WarnDays = DEFAULT_WARN_DAYS,
    today: Today = None,
    data: Data = None,
    lang: Lang = None,
) -> int:
    kind = format_for(fmt, output, EXPORT_SUFFIXES, {ExportFormat.CSV_EXCEL: ExportFormat.CSV})
    if kind is None:
        fail(
            _(
                "say which format: --format ics, xlsx, csv, csv-excel or sqlite (or -o a file named "
                "*.ics, *.xlsx, *.csv or *.db)"
            )
        )
    if kind is ExportFormat.SQLITE and output is None:
        fail(_("--format sqlite writes a database and its Datasette metadata: give -o FILE.db"))
    if kind is ExportFormat.XLSX and output is None and sys.stdout.isatty():
        fail(_("an Excel workbook is not for the screen: write it to a file with -o (e.g. -o ke-hoach.xlsx)"))
    now, plan, sts = as_of(today, data, warn_days)
    if kind is ExportFormat.SQLITE and output is not None:
        publish.no_stale_journal(output)
        publication = formats.PublicationView(plan, sts, now, warn_days)
        emit(formats.render(kind, publication), output, data)
        publish.write_metadata(publication, output)
        return EXIT_OK
    view = formats.items_view(plan_title(plan.meta), plan.items, plan, sts, now)
    emit(formats.render(kind, view), output, data)
    return EXIT_OK


def schema(
    out_dir: Annotated[
        str | None,
        typer.Option(
            "--out", metavar=N_("FOLDER"), help=N_("Folder to write into (default: <data>/schemas).")
        ),
    ] = None,
    data: Data = None,
    lang: Lang = None,
) -> int:
    # The schemas come from the Pydantic models: imported by this command only (~120 ms).
    from tthc_cli.data.schemas import write_schemas

    folder = out_dir or os.path.join(data_dir(data), SCHEMAS_DIR)
    try:
        written = write_schemas(folder)
    except OSError as exc:
        fail(_("cannot write schemas to {folder}: {reason}").format(folder=folder, reason=os_reason(exc)))
    for path in written:
        note(_("wrote {path}").format(path=path))
    return EXIT_OK
