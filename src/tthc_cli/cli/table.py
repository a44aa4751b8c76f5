"""The command table: every command and every option of `tthc`, declared once.

Both command lines read it: the Typer app (cli/app.py) builds its commands and their `--help` from
it, and the fast path (cli/entry.py) parses with it the command lines it is sure of, without
importing Typer. tests/test_table.py walks the Click tree Typer builds and checks it against this
table, and runs command lines through both paths. Cheap to import: no Typer, no Pydantic.
"""

from __future__ import annotations

from tthc_cli.cli.params import CHOICE, FLAG, NUMBER, TEXTS, Command, Param
from tthc_cli.i18n import N_

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping

# Values of options, declared once: the domain's own words where it has them.
TABLE_FORMATS = ("table", "json", "csv", "md")
TEXT_FORMATS = ("text", "json")
DIAGNOSTIC_FORMATS = ("text", "json", "github")
REPORT_FORMATS = ("md", "html")
EXPORT_FORMATS = ("ics", "csv")
ROLES = ("lead", "support", "any")
ENTRY_STATUSES = ("started", "done", "reopened", "note")  # data.models.ProgressStatus (a test checks)
LANGUAGES = ("vi", "en")  # i18n.LANGUAGES (a test checks)


# --- options shared by several commands ---------------------------------------------------------------

DATA = Param(
    "data",
    ("--data",),
    metavar=N_("FOLDER"),
    help=N_("Folder with plan.yaml (default: $TTHC_DATA, else the nearest folder upward holding plan.yaml)."),
)
TODAY = Param(
    "today",
    ("--today",),
    metavar=N_("DATE"),
    help=N_("Take this date (YYYY-MM-DD) as today; default $TTHC_TODAY, else the system date."),
)
FORMAT = Param(
    "fmt", ("--format", "-f"), CHOICE, N_("Output format."), default="table", choices=TABLE_FORMATS
)
TEXT_FORMAT = Param("fmt", ("--format", "-f"), CHOICE, default="text", choices=TEXT_FORMATS)
OPEN = Param("only_open", ("--open",), FLAG, N_("Hide items already done."), default=False)
WARN_DAYS = Param(
    "warn_days",
    ("--warn-days",),
    NUMBER,
    N_("Days before the due date an item counts as 'due soon'."),
    metavar=N_("DAYS"),
    default=7,
    bounds=(0, 366),
)
KINDS = Param(
    "kinds",
    ("--kind",),
    TEXTS,
    # Any text: a plan's kinds include its appendices' names, checked once the plan is loaded.
    N_("Only items of this kind (repeatable): task, duty, or an appendix's name (review, …)."),
    metavar=N_("KIND"),
)
OUTPUT = Param(
    "output", ("--output", "-o"), metavar=N_("FILE"), help=N_("Write to this file (default: stdout).")
)
TEMPLATES = Param(
    "templates",
    ("--templates",),
    metavar=N_("FOLDER"),
    help=N_("Folder of templates overriding the shipped ones."),
)
LANG = Param(
    "lang",
    ("--lang",),
    CHOICE,
    N_("Language of everything tthc prints: vi (default) or en; default $TTHC_LANG."),
    choices=LANGUAGES,
)
ITEM_ID = Param(
    "item_id",
    help=N_("e.g. 1.1, task:6, duty:IV.2, review:6, inspection:II.3"),
    metavar="ID",
    required=True,
    complete="ids",
)
UNIT_NAME = N_("Unit or group, as people write it: 'Sở Y tế', 'so y te', 'Sở LĐ-TB&XH', 'TP Chí Linh'.")
PERIOD = Param(
    "period", ("--period",), metavar=N_("PERIOD"), help=N_("Only this occurrence (2021-Q2, 2021-M03).")
)

# --- the commands, in the order `tthc --help` lists them ------------------------------------------------

COMMANDS: tuple[Command, ...] = (
    Command(
        "validate",
        N_("Check the plan files, together as a set; list every problem with file, line and column."),
        (
            Param(
                "paths",
                kind=TEXTS,
                metavar=N_("PATH"),
                help=N_("Data files or folders (default: the data folder)."),
            ),
            Param(
                "fmt",
                ("--format", "-f"),
                CHOICE,
                N_("text, json, or github annotations."),
                default="text",
                choices=DIAGNOSTIC_FORMATS,
            ),
            Param("strict", ("--strict",), FLAG, N_("Treat warnings as errors."), default=False),
            DATA,
        ),
        "validate:validate",
    ),
    Command(
        "list",
        N_("Every item of the plan: tasks, duties and appendix rows, with status."),
        (FORMAT, KINDS, WARN_DAYS, TODAY, DATA),
        "items:list_items",
    ),
    Command(
        "show",
        N_("One item in full, with its status and the progress recorded for it."),
        (ITEM_ID, TEXT_FORMAT, WARN_DAYS, TODAY, DATA),
        "items:show",
    ),
    Command(
        "deadline",
        N_(
            "How tthc reads deadline phrases: kind, dates, occurrences in the plan period, warnings. "
            "Exit 0 when every phrase is understood, 1 otherwise."
        ),
        (
            Param(
                "phrases",
                kind=TEXTS,
                metavar=N_("PHRASE"),
                help=N_('Deadline phrases, each in quotes: "Quý II, III/2022".'),
                required=True,
            ),
            Param(
                "year",
                ("--year",),
                NUMBER,
                N_("Plan period: this calendar year."),
                metavar=N_("YEAR"),
                bounds=(1900, 2199),
            ),
            Param(
                "start",
                ("--start",),
                metavar=N_("DATE"),
                help=N_("Plan period's first day (default: 1 January)."),
            ),
            Param(
                "end",
                ("--end",),
                metavar=N_("DATE"),
                help=N_("Plan period's last day (default: 31 December)."),
            ),
            TEXT_FORMAT,
            TODAY,
        ),
        "deadline:deadline",
    ),
    Command(
        "schema",
        N_("Write the JSON Schemas the files' yaml-language-server modelines point to."),
        (
            Param(
                "out_dir",
                ("--out",),
                metavar=N_("FOLDER"),
                help=N_("Folder to write into (default: <data>/schemas)."),
            ),
            DATA,
        ),
        "documents:schema",
    ),
    Command(
        "due",
        N_("Items whose due date (as written) falls in a range, soonest first, with their status."),
        (
            Param(
                "before",
                ("--before",),
                metavar=N_("DATE"),
                help=N_(
                    "Last due date, inclusive: YYYY-MM-DD, D/M/YYYY, today, eow, eom, eoq, eoy, +14d, +2w."
                ),
                required=True,
            ),
            Param("after", ("--after",), metavar=N_("DATE"), help=N_("First due date, inclusive.")),
            Param(
                "include_ongoing",
                ("--include-ongoing",),
                FLAG,
                N_("Also list items with no single due date."),
                default=False,
            ),
            Param(
                "unit",
                ("--unit",),
                metavar=N_("UNIT"),
                help=N_("Only what this unit owes."),
                complete="units",
            ),
            Param(
                "role",
                ("--role",),
                CHOICE,
                N_("With --unit: lead, support or any (default any)."),
                choices=ROLES,
            ),
            KINDS,
            OPEN,
            WARN_DAYS,
            FORMAT,
            TODAY,
            DATA,
        ),
        "items:due",
    ),
    Command(
        "overdue",
        N_("Items not done and past their effective due date, most days late first."),
        (FORMAT, TODAY, DATA),
        "items:overdue",
    ),
    Command(
        "upcoming",
        N_("Items not done falling due from today to today + N days, soonest first."),
        (
            Param(
                "within",
                ("--within",),
                NUMBER,
                N_("Days ahead (default 14)."),
                metavar=N_("DAYS"),
                default=14,
                bounds=(0, 3660),
            ),
            WARN_DAYS,
            FORMAT,
            TODAY,
            DATA,
        ),
        "items:upcoming",
    ),
    Command(
        "unit",
        N_("Everything a unit leads, coordinates or is inspected in — directly or through a group."),
        (
            Param("name", metavar=N_("NAME"), help=UNIT_NAME, required=True, complete="units"),
            OPEN,
            WARN_DAYS,
            FORMAT,
            TODAY,
            DATA,
        ),
        "items:unit",
    ),
    Command(
        "brief",
        N_("The weekly Markdown brief for the Chairman: overdue, due this week and the next two, done."),
        (
            Param(
                "week",
                ("--week",),
                metavar=N_("DATE"),
                help=N_("Any day of the week to brief (default: today)."),
            ),
            OUTPUT,
            LANG,
            WARN_DAYS,
            TEMPLATES,
            TODAY,
            DATA,
        ),
        "documents:brief",
    ),
    Command(
        "report",
        N_("The whole plan's status: counts, overdue, each appendix, per unit, and a timeline (HTML)."),
        (
            Param(
                "fmt",
                ("--format", "-f"),
                CHOICE,
                N_("md or html (default: from the -o file's suffix, else md)."),
                choices=REPORT_FORMATS,
            ),
            OUTPUT,
            LANG,
            WARN_DAYS,
            TEMPLATES,
            TODAY,
            DATA,
        ),
        "documents:report",
    ),
    Command(
        "export",
        N_("Dated items as an iCalendar file (Outlook, Google Calendar) or every item as CSV (Excel)."),
        (
            Param(
                "fmt",
                ("--format", "-f"),
                CHOICE,
                N_("ics (calendar) or csv (Excel)."),
                required=True,
                choices=EXPORT_FORMATS,
            ),
            OUTPUT,
            WARN_DAYS,
            TODAY,
            DATA,
        ),
        "documents:export",
    ),
    Command(
        "new",
        N_(
            "Start a plan folder: skeleton files, the unit registry carried over, "
            "the old plan's unfinished items."
        ),
        (
            Param(
                "folder",
                metavar=N_("FOLDER"),
                help=N_("The new plan's folder (must not exist)."),
                required=True,
            ),
            Param(
                "old",
                ("--from",),
                metavar=N_("FOLDER"),
                help=N_("Last year's plan folder, to carry over from."),
            ),
            Param(
                "year",
                ("--year",),
                NUMBER,
                N_("The new plan's year (default: the old plan's + 1)."),
                metavar=N_("YEAR"),
                bounds=(2000, 2100),
            ),
            Param(
                "province",
                ("--province",),
                metavar=N_("NAME"),
                help=N_("The province (default: the old plan's)."),
            ),
            TODAY,
        ),
        "new:new_plan",
    ),
    Command(
        "missing",
        N_("Who has not yet delivered an item each unit (or each period) owes separately, e.g. IV.2."),
        (
            Param("item_id", metavar="ID", help=N_("e.g. duty:IV.2, task:3"), required=True, complete="ids"),
            PERIOD,
            FORMAT,
            WARN_DAYS,
            TODAY,
            DATA,
        ),
        "items:missing",
    ),
    Command(
        "units",
        N_("The unit registry: units with type and aliases, groups with members."),
        (FORMAT, DATA),
        "units:units",
    ),
    Command(
        "progress add",
        N_("Append one entry to progress.yaml: checked first, written completely or not at all."),
        (
            Param(
                "item_id",
                metavar="ID",
                help=N_("e.g. 1.1, review:6, inspection:II.3"),
                required=True,
                complete="ids",
            ),
            Param(
                "status",
                ("--status",),
                CHOICE,
                N_("started, done, reopened or note."),
                required=True,
                choices=ENTRY_STATUSES,
            ),
            Param("when", ("--date",), metavar=N_("DATE"), help=N_("When it happened (default: today).")),
            Param("note", ("--note",), metavar=N_("TEXT"), help=N_("What was done or said.")),
            Param("evidence", ("--evidence",), metavar=N_("TEXT"), help=N_("E.g. the document number.")),
            Param("by", ("--by",), metavar=N_("TEXT"), help=N_("Who reported it.")),
            Param(
                "unit",
                ("--unit",),
                metavar=N_("NAME"),
                help=N_("For an item each unit owes separately: whose obligation (e.g. 'Sở Y tế')."),
                complete="units",
            ),
            Param(
                "period",
                ("--period",),
                metavar=N_("PERIOD"),
                help=N_("For a recurring item: which occurrence (2021-Q2, 2021-M03)."),
            ),
            DATA,
        ),
        "progress:add",
    ),
)

# Commands that hold other commands, with their help.
GROUPS = {"progress": N_("Record what units have done (the progress log, progress.yaml).")}

BY_NAME: Mapping[str, Command] = {c.name: c for c in COMMANDS}


def find(argv: list[str]) -> tuple[Command, list[str]] | None:
    """The command the arguments name, and the arguments after its name."""
    for words in (2, 1):
        found = BY_NAME.get(" ".join(argv[:words])) if len(argv) >= words else None
        if found is not None:
            return found, argv[words:]
    return None


def defaults(command: Command) -> dict[str, object]:
    return {p.dest: p.fresh_default() for p in command.params}
