"""`tthc deadline`: how tthc reads deadline phrases in a plan period."""

from __future__ import annotations

from datetime import date

from tthc_cli.cli.boundary import EXIT_DATA, EXIT_OK, fail
from tthc_cli.cli.commands import cache_folder, parse_date, today_from, working_days
from tthc_cli.i18n import _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from tthc_cli.cli.params import Options


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


def deadline(o: Options) -> int:
    """How tthc reads each phrase in the plan period; 0 when every one is understood, else 1."""
    from tthc_cli.domain.deadlines import Deadline, DeadlineError, parse_deadline
    from tthc_cli.present.console import out
    from tthc_cli.present.deadline_view import readings_json, readings_text
    from tthc_cli.textnorm import typed

    phrases = o.texts("phrases")
    if not phrases:
        fail(_('give at least one deadline phrase, e.g. tthc deadline "Trước ngày 20 hằng tháng"'))
    first, last = deadline_period(
        o.maybe_number("year"), o.maybe_text("start"), o.maybe_text("end"), o.maybe_text("today")
    )
    readings: list[tuple[str, Deadline | DeadlineError]] = []
    calendar = working_days(cache_folder())
    for phrase in phrases:
        text = typed(phrase)
        try:
            readings.append((text, parse_deadline(text, plan_start=first, plan_end=last, calendar=calendar)))
        except DeadlineError as exc:
            readings.append((text, exc))
    out(readings_json(readings) if o.text("fmt") == "json" else readings_text(readings, first, last))
    return EXIT_DATA if any(isinstance(r, DeadlineError) for _t, r in readings) else EXIT_OK
