"""The `tthc` command line: one Typer app, every command declared here once, in the order `tthc
--help` lists them, each a function of typed values in cli/commands/ returning its exit code. The
shared options are declared in cli/options.py; help and usage in the reader's language and the error
boundary come with the command classes (cli/help.py).

To add a command: write its function in cli/commands/ (its options as Annotated parameters, reusing
cli/options.py's), declare it below with its help, and run the README test (tests/test_readme.py)
to put its --help in the README.
"""

import sys
from typing import Annotated, Any

import typer

from tthc_cli import __version__
from tthc_cli.cli.commands import deadline, documents, forms, items, new, progress, remind, units, validate
from tthc_cli.cli.completion import install_callback, show_callback
from tthc_cli.cli.help import Command, Group, Root
from tthc_cli.cli.options import Lang
from tthc_cli.cli.usage import missing_command
from tthc_cli.i18n import N_

SETTINGS: dict[str, Any] = {"help_option_names": ["-h", "--help"]}


def _print_version(value: bool) -> None:
    if value:
        sys.stdout.write(f"tthc {__version__}\n")
        raise typer.Exit()


def root(
    ctx: typer.Context,
    show_version: Annotated[
        bool,
        typer.Option(
            "--version",
            help=N_("Print the version and exit."),
            callback=_print_version,
            is_eager=True,
            expose_value=False,
        ),
    ] = False,
    lang: Lang = None,
    install_completion: Annotated[
        bool,
        typer.Option(
            "--install-completion",
            help=N_("Install completion for the current shell."),
            callback=install_callback,
            is_eager=True,
            expose_value=False,
        ),
    ] = False,
    show_completion: Annotated[
        bool,
        typer.Option(
            "--show-completion",
            help=N_("Show completion for the current shell, to copy it or customize the installation."),
            callback=show_callback,
            is_eager=True,
            expose_value=False,
        ),
    ] = False,
) -> None:
    if ctx.invoked_subcommand is None:
        raise missing_command(list(app_commands(ctx)), ctx)


def progress_group(ctx: typer.Context, lang: Lang = None) -> None:
    if ctx.invoked_subcommand is None:
        raise missing_command(list(app_commands(ctx)), ctx)


def app_commands(ctx: typer.Context) -> list[str]:
    return list(getattr(ctx.command, "commands", {}))


app = typer.Typer(
    name="tthc",
    cls=Root,
    help=N_(
        "Follow up a provincial TTHC-control plan kept in YAML: validate it, ask what is due, "
        "what a unit owes."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings=SETTINGS,
)
app.callback(invoke_without_command=True)(root)


def command(parent: typer.Typer, name: str, help: str) -> Any:
    return parent.command(name, cls=Command, help=help, context_settings=SETTINGS)


command(
    app,
    "validate",
    N_("Check the plan files, together as a set; list every problem with file, line and column."),
)(validate.validate)
command(app, "list", N_("Every item of the plan: tasks, duties and appendix rows, with status."))(
    items.list_items
)
command(app, "show", N_("One item in full, with its status and the progress recorded for it."))(items.show)
command(
    app,
    "deadline",
    N_(
        "How tthc reads deadline phrases: kind, dates, occurrences in the plan period, warnings. "
        "Exit 0 when every phrase is understood, 1 otherwise."
    ),
)(deadline.deadline)
command(app, "schema", N_("Write the JSON Schemas the files' yaml-language-server modelines point to."))(
    documents.schema
)
command(
    app, "due", N_("Items whose due date (as written) falls in a range, soonest first, with their status.")
)(items.due)
command(app, "overdue", N_("Items not done and past their effective due date, most days late first."))(
    items.overdue
)
command(app, "upcoming", N_("Items not done falling due from today to today + N days, soonest first."))(
    items.upcoming
)
command(
    app, "unit", N_("Everything a unit leads, coordinates or is inspected in — directly or through a group.")
)(items.unit)
command(
    app,
    "brief",
    N_("The weekly Markdown brief for the Chairman: overdue, due this week and the next two, done."),
)(documents.brief)
command(
    app,
    "report",
    N_("The whole plan's status: counts, overdue, each appendix, per unit, and a timeline (HTML)."),
)(documents.report)
command(
    app,
    "export",
    N_(
        "The plan as a file for other programs: a calendar of the dated items (iCalendar: Outlook, Google "
        "Calendar), an Excel workbook or CSV of every item, or an SQLite database for Datasette."
    ),
)(documents.export)
command(
    app,
    "new",
    N_(
        "Start a plan folder: skeleton files, the unit registry carried over, "
        "the old plan's unfinished items."
    ),
)(new.new_plan)
command(
    app,
    "missing",
    N_("Who has not yet delivered an item each unit (or each period) owes separately, e.g. IV.2."),
)(items.missing)
command(app, "units", N_("The unit registry: units with type and aliases, groups with members."))(units.units)
command(
    app,
    "remind",
    N_(
        "One e-mail per unit with something overdue or due soon (.eml files with -o, or --send through "
        "SMTP); a unit with nothing to say gets nothing."
    ),
)(remind.remind)
command(
    app,
    "form",
    N_("A unit's progress form as an Excel workbook (or one per unit with --all), to fill and send back."),
)(forms.form)

progress_app = typer.Typer(
    cls=Group,
    help=N_("Record what units have done (the progress log, progress.yaml)."),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    context_settings=SETTINGS,
)
progress_app.callback(invoke_without_command=True)(progress_group)
command(
    progress_app,
    "add",
    N_("Append one entry to progress.yaml: checked first, written completely or not at all."),
)(progress.add)
command(
    progress_app,
    "import",
    N_("Read filled forms (tthc form) into the log: every row checked; all recorded, or none."),
)(forms.import_forms)
app.add_typer(progress_app, name="progress")


def main(argv: list[str] | None = None) -> int:
    """Run `tthc` on `argv` (default: sys.argv[1:]) inside the error boundary; the exit code."""
    code: int = typer.main.get_command(app).main(argv, prog_name="tthc", standalone_mode=False)
    return code
