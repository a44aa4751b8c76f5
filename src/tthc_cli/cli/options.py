"""Every option and argument of `tthc`, declared once as an Annotated type, and the values commands
receive: formats and roles as StrEnums, dates read by a parser, counts within their bounds, folder
names that cannot be empty. Help texts and placeholders are msgids, translated when the help is shown
(cli/help.py); a value that cannot be read is refused here, naming the option and what would be right.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, TypeVar

import typer

from tthc_cli import i18n
from tthc_cli.cli.boundary import fail
from tthc_cli.cli.commands import clean_text
from tthc_cli.cli.completion import complete_ids, complete_units
from tthc_cli.cli.usage import BadValue
from tthc_cli.domain.plan import ENTRY_STATUS_WORDS, EntryStatus, entry_status
from tthc_cli.domain.problems import ProblemError
from tthc_cli.domain.report_periods import ReportPeriod, report_period
from tthc_cli.domain.status import DEFAULT_WARN_DAYS
from tthc_cli.domain.userdates import parse_user_date
from tthc_cli.i18n import LANG_ENV, LANGUAGES, N_, _
from tthc_cli.present.messages import message, quote_text
from tthc_cli.textnorm import control_name, visible, whole_number

__all__ = ["DEFAULT_WARN_DAYS"]  # every `--warn-days` defaults to the domain's own window


# --- the words an option takes: the values commands receive ---------------------------------------


class TableFormat(StrEnum):
    """Formats of the commands that list rows (present/formats.py renders each)."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    CSV_EXCEL = "csv-excel"
    MD = "md"


class TextFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


class CheckFormat(StrEnum):
    """How `validate` reports (present/reporters.py)."""

    TEXT = "text"
    JSON = "json"
    GITHUB = "github"


class ReportFormat(StrEnum):
    MD = "md"
    HTML = "html"
    DOCX = "docx"  # the periodic report only (--period)


class ExportFormat(StrEnum):
    ICS = "ics"
    CSV = "csv"
    SQLITE = "sqlite"
    CSV_EXCEL = "csv-excel"
    XLSX = "xlsx"


class RoleFilter(StrEnum):
    """`--role`: the roles of domain.plan.Role a unit may owe an item in, or any."""

    LEAD = "lead"
    SUPPORT = "support"
    ANY = "any"


# --- parsers: what a typed value becomes ------------------------------------------------------------


E = TypeVar("E", bound=StrEnum)


def choice(option: str, words: type[E]) -> Callable[[str], E]:
    """One of the words of `words`, exactly as written."""

    def parse(text: str) -> E:
        try:
            return words(text)
        except ValueError:
            raise BadValue(
                _("{option}: choose one of: {choices}").format(
                    option=f"{option} {visible(quote_text(text))}", choices=", ".join(words)
                )
            ) from None

    return parse


def count(option: str, low: int, high: int) -> Callable[[str], int]:
    """A whole number within [low, high], ASCII digits only: Python's int() would also take '٣'
    (Arabic-Indic three) or '3_0', and '²'.isdigit() is true although int('²') fails."""

    def parse(text: str) -> int:
        value = whole_number(str(text), high)
        if value is not None and value >= low:
            return value
        raise BadValue(
            _("{option}: give a whole number from {low} to {high}").format(
                option=f"{option} {visible(quote_text(text))}", low=low, high=high
            )
        )

    return parse


def non_empty(option: str, what: str) -> Callable[[str], str]:
    """Text that says something: `--data ''` is a mistake, not "no --data" (which would search)."""

    def parse(text: str) -> str:
        if not text.strip():
            fail(_("{option}: give {what}; an empty value names nothing").format(option=option, what=_(what)))
        return text

    return parse


_LINE_BREAK_OR_TAB = re.compile("[\t\n]")


def plain_text(option: str) -> Callable[[str], str]:
    """Text that goes into a data file as it is typed (a province's name): not empty, and free of
    control and invisible characters, which `tthc validate` would then refuse in the file. A name is
    one line: a line feed or a tab (which clean_text lets through for a note) is refused too, as YAML
    would fold it into a space and the name would silently change."""

    def parse(text: str) -> str:
        cleaned = clean_text(text, option)
        if cleaned is not None and (m := _LINE_BREAK_OR_TAB.search(cleaned)):
            fail(
                _("{option}: contains the control character {char}; type plain text").format(
                    option=option, char=control_name(m.group())
                )
            )
        if cleaned is None:
            fail(
                _("{option}: give {what}; an empty value names nothing").format(
                    option=option, what=_("a name")
                )
            )
        return cleaned

    return parse


def entry_status_option(text: str) -> EntryStatus:
    """--status of `tthc progress add`: a code (done) or the words the office uses (hoàn thành, xong,
    Đã hoàn thành), folded; the code is what is recorded."""
    found = entry_status(text)
    if found is None:
        raise BadValue(
            _("{option}: choose one of: {choices}").format(
                option=f"--status {visible(text)}", choices=status_words()
            )
        )
    return found


def status_words() -> str:
    """'started (bắt đầu), done (hoàn thành, xong), …': every code with the words it is also typed as."""
    return ", ".join(f"{status} ({', '.join(ENTRY_STATUS_WORDS[status][:2])})" for status in EntryStatus)


def report_period_option(text: str) -> ReportPeriod:
    """--period of `tthc report`: a period the office reports on (2021-Q2, 2021-H1, 2021-9M, 2021)."""
    try:
        return report_period(text)
    except ProblemError as exc:
        raise BadValue(f"--period {visible(quote_text(text))}: {message(exc.problem)}") from None


@dataclass(frozen=True, slots=True)
class DayInput:
    """A date as typed, read on the day a query looks at: `today`, `eom`, `+2w` depend on it. Its form
    is checked when the command line is read (`31/6/2021` is refused there), its value by `on`."""

    text: str
    option: str

    def on(self, today: date) -> date:
        try:
            return parse_user_date(self.text, today)
        except ProblemError as exc:
            fail(f"{self.option}: {message(exc.problem)}")


_ANY_DAY = date(2000, 1, 1)  # relative forms are read again on the real day; this checks the form


def day(option: str) -> Callable[[str], DayInput]:
    def parse(text: str) -> DayInput:
        DayInput(text, option).on(_ANY_DAY)
        return DayInput(text, option)

    return parse


def fixed_day(option: str) -> Callable[[str], date]:
    """A date that is not relative to anything (--today itself)."""

    def parse(text: str) -> date:
        try:
            return parse_user_date(text)
        except ProblemError as exc:
            fail(f"{option}: {message(exc.problem)}")

    return parse


# --- --lang: every command takes it ----------------------------------------------------------------


def choose_language(ctx: typer.Context, param: typer.CallbackParam, value: str | None) -> None:
    """--lang (wherever it stands), else $TTHC_LANG, else Vietnamese; an unknown one is refused."""
    apply_language(ctx, value, ctx.get_parameter_source(param.name or ""), strict=True)


def apply_language(ctx: typer.Context, value: object, source: object, *, strict: bool) -> None:
    """Speak `value` from now on. The root and each command declare --lang: a language given on the
    command line is not undone by a later default or by the variable (the context's `meta` is shared
    by the root and its command). `strict`: refuse an unknown language (else leave it to be refused
    when the option is processed)."""
    from_line = getattr(source, "name", None) == "COMMANDLINE"
    if not isinstance(value, str) or (not from_line and ctx.meta.get(_LANG_GIVEN)):
        return
    if value not in LANGUAGES:
        if strict:  # said in the default language: the one asked for is unknown
            given = f"--lang {value}" if from_line else f"{LANG_ENV}={value}"
            fail(
                _("{given}: unknown language; choose one of: {choices}").format(
                    given=visible(quote_text(given)), choices=", ".join(LANGUAGES)
                )
            )
        return
    i18n.activate(value)
    if from_line:
        ctx.meta[_LANG_GIVEN] = True


_LANG_GIVEN = "tthc.lang_given"

# --- the options shared by several commands -----------------------------------------------------------

Data = Annotated[
    str | None,
    typer.Option(
        "--data",
        metavar=N_("FOLDER"),
        help=N_(
            "Folder with plan.yaml (default: $TTHC_DATA, else the nearest folder upward holding plan.yaml)."
        ),
        parser=non_empty("--data", N_("a folder")),
    ),
]
Today = Annotated[
    date | None,
    typer.Option(
        "--today",
        metavar=N_("DATE"),
        help=N_(
            "Take this date (YYYY-MM-DD or D/M/YYYY) as today; default $TTHC_TODAY, else the system date."
        ),
        parser=fixed_day("--today"),
    ),
]
Format = Annotated[
    TableFormat,
    typer.Option(
        "--format",
        "-f",
        help=N_(
            "Output format: table, json, csv (codes and ISO dates, for tools), csv-excel (the reader's "
            "words, dd/mm/yyyy, ';': opens in Excel by double-click), md."
        ),
        parser=choice("--format", TableFormat),
    ),
]
ItemFormat = Annotated[TextFormat, typer.Option("--format", "-f", parser=choice("--format", TextFormat))]
WarnDays = Annotated[
    int,
    typer.Option(
        "--warn-days",
        metavar=N_("DAYS"),
        help=N_("Days before the due date an item counts as 'due soon'."),
        min=0,
        max=366,
        parser=count("--warn-days", 0, 366),
    ),
]
Open = Annotated[bool, typer.Option("--open", help=N_("Hide items already done."))]
Ids = Annotated[
    bool, typer.Option("--ids", help=N_("Add a column with each row's ID (what tthc progress add takes)."))
]
Kinds = Annotated[
    list[str] | None,
    typer.Option(
        "--kind",
        metavar=N_("KIND"),
        # Any text: a plan's kinds include its appendices' names, checked once the plan is loaded.
        help=N_(
            "Only items of this kind (repeatable), as tables name it (Nhiệm vụ, Mục IV, PL I, Ghi chú), "
            "by its full name (Trách nhiệm, Phụ lục I) or by its code (task, duty, review, …)."
        ),
    ),
]
Output = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        metavar=N_("FILE"),
        help=N_("Write to this file (default: stdout)."),
        parser=non_empty("-o", N_("a file name")),
    ),
]
Templates = Annotated[
    str | None,
    typer.Option(
        "--templates",
        metavar=N_("FOLDER"),
        help=N_("Folder of templates overriding the shipped ones."),
        parser=non_empty("--templates", N_("a folder")),
    ),
]
Lang = Annotated[
    str | None,
    typer.Option(
        "--lang",
        metavar="<vi|en>",
        help=N_("Language of everything tthc prints: vi (default) or en; default $TTHC_LANG."),
        envvar=LANG_ENV,
        is_eager=True,
        expose_value=False,
        callback=choose_language,
    ),
]
ItemId = Annotated[
    str,
    typer.Argument(
        metavar="ID",
        help=N_(
            "e.g. 1.1, task:6, duty:IV.2, review:6, inspection:II.3, or as tables name it: 'Item 3.2', "
            "'App. I – 6'"
        ),
        autocompletion=complete_ids,
    ),
]
UnitName = Annotated[
    str | None,
    typer.Option(
        "--unit", metavar=N_("UNIT"), help=N_("Only what this unit owes."), autocompletion=complete_units
    ),
]
Period = Annotated[
    str | None,
    typer.Option(
        "--period",
        metavar=N_("PERIOD"),
        help=N_(
            "Only this occurrence, as tables name it (quarter II/2021) or by its code (2021-Q2, 2021-M03)."
        ),
    ),
]


def day_option(flag: str, metavar: str, help: str) -> Any:
    """An option holding a date typed relative to the day asked about (--before +2w)."""
    return typer.Option(flag, metavar=metavar, help=help, parser=day(flag))
