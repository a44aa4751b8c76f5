"""`tthc deadline`: how tthc reads deadline phrases in a plan period."""

from datetime import date
from typing import Annotated

import typer

from tthc_cli.cli.boundary import EXIT_DATA, EXIT_OK, fail
from tthc_cli.cli.commands import query_day, working_days
from tthc_cli.cli.options import DayInput, ItemFormat, Lang, TextFormat, Today, count, day_option
from tthc_cli.domain.deadlines import Deadline, parse_deadline
from tthc_cli.domain.problems import Problem, ProblemError
from tthc_cli.i18n import N_, _
from tthc_cli.present import formats
from tthc_cli.present.labels import dmy
from tthc_cli.textnorm import typed


def deadline_period(
    year: int | None, start: DayInput | None, end: DayInput | None, today: date | None
) -> tuple[date, date]:
    """The plan period `tthc deadline` reads in: --year, or --start/--end (either alone: to the end or
    from the start of its year), else the calendar year of today."""
    if year is not None and (start or end):
        fail(_("give --year or --start/--end, not both"))
    if year is not None:
        return date(year, 1, 1), date(year, 12, 31)
    now = query_day(today)
    first = start.on(now) if start else None
    last = end.on(now) if end else None
    first = first or date((last or now).year, 1, 1)
    last = last or date(first.year, 12, 31)
    if first > last:
        fail(_("--start {start} is after --end {end}").format(start=dmy(first), end=dmy(last)))
    return first, last


def deadline(
    phrases: Annotated[
        list[str],
        typer.Argument(
            metavar=N_("PHRASE"), help=N_('Deadline phrases, each in quotes: "Quý II, III/2022".')
        ),
    ],
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            metavar=N_("YEAR"),
            help=N_("Plan period: this calendar year."),
            min=1900,
            max=2199,
            parser=count("--year", 1900, 2199),
        ),
    ] = None,
    start: Annotated[
        DayInput | None,
        day_option("--start", N_("DATE"), N_("Plan period's first day (default: 1 January).")),
    ] = None,
    end: Annotated[
        DayInput | None, day_option("--end", N_("DATE"), N_("Plan period's last day (default: 31 December)."))
    ] = None,
    fmt: ItemFormat = TextFormat.TEXT,
    today: Today = None,
    lang: Lang = None,
) -> int:
    """How tthc reads each phrase in the plan period; 0 when every one is understood, else 1."""
    first, last = deadline_period(year, start, end, today)
    readings: list[tuple[str, Deadline | Problem]] = []
    calendar = working_days()
    for phrase in phrases:
        text = typed(phrase)
        try:
            readings.append((text, parse_deadline(text, plan_start=first, plan_end=last, calendar=calendar)))
        except ProblemError as exc:
            readings.append((text, exc.problem))
    formats.show(fmt, formats.DeadlineView(tuple(readings), first, last))
    return EXIT_DATA if any(isinstance(r, Problem) for _t, r in readings) else EXIT_OK
