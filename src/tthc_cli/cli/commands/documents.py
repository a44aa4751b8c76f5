"""The documents tthc writes: the weekly brief, the report, the calendar/CSV export, the JSON Schemas;
printed, or written to -o completely or not at all."""

from __future__ import annotations

import os
import sys

from tthc_cli import i18n
from tthc_cli.cli.boundary import EXIT_OK, UserError, fail
from tthc_cli.cli.commands import data_dir, load, parse_date, statuses_on, today_from
from tthc_cli.i18n import _, os_reason

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date

    from tthc_cli.cli.params import Options
    from tthc_cli.domain.plan import Plan
    from tthc_cli.domain.status import ItemStatus

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


def as_of(o: Options) -> tuple[date, Plan, dict[str, ItemStatus]]:
    """The date asked about, the plan, and every item's status on that date."""
    now = today_from(o.maybe_text("today"))
    plan = load(o.maybe_text("data"))
    return now, plan, statuses_on(plan, now, o.number("warn_days"))


def emit(text: str | bytes, output: str | None, data: str | None) -> None:
    """Print, or write `output` completely or not at all — never over a data file or a folder."""
    from tthc_cli.domain.plan_files import data_file_names
    from tthc_cli.fsutil import atomic_write
    from tthc_cli.present.console import note, out

    if output is None:
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
        else:
            out(text)
        return
    from tthc_cli.fsutil import FileKindError, output_target

    try:
        target = output_target(output)
    except FileKindError as exc:
        fail(_("-o {problem}; give the name of a regular file, or leave out -o to print").format(problem=exc))
    folder = os.path.dirname(target)
    if not os.path.isdir(folder):
        fail(_("-o {output}: the folder {folder} does not exist").format(output=output, folder=folder))
    try:
        directory: str | None = data_dir(data)
    except UserError:
        directory = None
    if directory is not None:
        for name in data_file_names(os.listdir(directory)):
            protected = os.path.join(directory, name)
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


def language(o: Options) -> str:
    """The command's own --lang (callers of the Typer app), else the language chosen at the edge."""
    lang = o.maybe_text("lang")
    if lang is not None:
        i18n.activate(lang)
    return i18n.language()


def render(make: Callable[[], str]) -> str:
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


def brief(o: Options) -> int:
    from tthc_cli.present.documents import build_brief
    from tthc_cli.present.render import render_brief

    now, plan, sts = as_of(o)
    week = o.maybe_text("week")
    week_of = parse_date(week, "--week", now) if week else now
    templates = o.maybe_text("templates")
    text = render(lambda: render_brief(build_brief(plan, sts, now, week_of), plan, language(o), templates))
    emit(text, o.maybe_text("output"), o.maybe_text("data"))
    return EXIT_OK


def report(o: Options) -> int:
    from tthc_cli.present.documents import build_report
    from tthc_cli.present.render import render_report

    kind = report_format(o.maybe_text("fmt"), o.maybe_text("output"))
    now, plan, sts = as_of(o)
    templates = o.maybe_text("templates")
    text = render(lambda: render_report(build_report(plan, sts, now), plan, kind, language(o), templates))
    emit(text, o.maybe_text("output"), o.maybe_text("data"))
    return EXIT_OK


def export(o: Options) -> int:
    from tthc_cli.present.export import to_csv, to_ics

    now, plan, sts = as_of(o)
    text = to_ics(plan, sts, now) if o.text("fmt") == "ics" else to_csv(plan, sts)
    emit(text, o.maybe_text("output"), o.maybe_text("data"))
    return EXIT_OK


def schema(o: Options) -> int:
    from tthc_cli.data.schemas import write_schemas
    from tthc_cli.present.console import note

    folder = o.maybe_text("out_dir") or os.path.join(data_dir(o.maybe_text("data")), "schemas")
    try:
        written = write_schemas(folder)
    except OSError as exc:
        fail(_("cannot write schemas to {folder}: {reason}").format(folder=folder, reason=os_reason(exc)))
    for path in written:
        note(_("wrote {path}").format(path=path))
    return EXIT_OK
