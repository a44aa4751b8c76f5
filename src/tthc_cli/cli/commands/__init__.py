"""The commands of `tthc`, one module per family, each a function taking typed values and returning
an exit code (cli/app.py declares them to Typer); and the steps they share: the day a query looks at,
the data folder, the validated plan, a unit's name, the kinds asked for.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from tthc_cli import i18n
from tthc_cli.cli.boundary import EXIT_DATA, fail
from tthc_cli.data.files import DataDirError, find_data_dir, read_data_folder
from tthc_cli.domain.calendar import VIETNAM, WorkingDays
from tthc_cli.domain.plan import Plan
from tthc_cli.domain.problems import ProblemError
from tthc_cli.domain.status import ItemStatus, statuses
from tthc_cli.domain.units import fold
from tthc_cli.domain.userdates import parse_user_date
from tthc_cli.i18n import _, ngettext
from tthc_cli.present.console import note
from tthc_cli.present.labels import grouped, kind_labels, kind_names
from tthc_cli.present.messages import lookup_note, message, quote_text
from tthc_cli.present.reporters import format_text
from tthc_cli.textnorm import CONTROL, INVISIBLE, control_name, visible, whole_number

if TYPE_CHECKING:
    from tthc_cli.data.dataset import Loaded

TODAY_ENV = "TTHC_TODAY"
DATA_ENV = "TTHC_DATA"
MAX_OBLIGATIONS_ENV = "TTHC_MAX_OBLIGATIONS"
# How far TTHC_MAX_OBLIGATIONS may raise the bound: ten times the default. Costs grow with the
# obligations (20,000: every command under 9 s; 1.04 M: validate 18 s, overdue over a minute and
# 1.5 GB), so a higher ceiling only moves the hang (README "Bounded fan-out").
MAX_OBLIGATIONS_CEILING = 200_000


def real_today() -> date:
    """The calendar's date: the one place the clock is read. Records (progress entries) and the check
    that no entry lies in the future use it, whatever --today or TTHC_TODAY say for queries."""
    return date.today()


def real_now() -> datetime:
    """The moment, with the local time zone: a message's Date header."""
    return datetime.now().astimezone()


def query_day(today: date | None) -> date:
    """The day a query looks at: --today, else TTHC_TODAY, else the real date."""
    if today is not None:
        return today
    raw = os.environ.get(TODAY_ENV)
    if not raw:
        return real_today()
    try:
        return parse_user_date(raw)
    except ProblemError as exc:
        fail(f"{TODAY_ENV}: {message(exc.problem)}")


def data_dir(data: str | None) -> str:
    env = os.environ.get(DATA_ENV)
    cwd = os.getcwd()
    try:
        found = find_data_dir(data, env, cwd)
    except DataDirError as exc:
        fail(message(exc.problem))
    if not data and not env and os.path.realpath(found) != os.path.realpath(cwd):
        # Found by looking upward: say so, or an answer may silently come from another plan.
        note(
            "tthc: "
            + _("using the plan data in {folder} (found above the current folder)").format(folder=found)
        )
    return found


def working_days() -> WorkingDays:
    """Vietnam's working days: the holiday table shipped with tthc (domain/holiday_table.py), the
    `holidays` package asked only for a year outside it."""
    return VIETNAM


def validate_files(
    files: dict[str, bytes | None], labels: dict[str, str], now: date, calendar: WorkingDays
) -> Loaded:
    """Validate and build the plan from its files' bytes."""
    from tthc_cli.data.dataset import assemble

    return assemble(files, labels, today=now, calendar=calendar, max_obligations=max_obligations())


def max_obligations() -> int:
    """The bound on the obligations a plan may ask for (domain/obligations.MAX_OBLIGATIONS), raised
    for a plan that really needs more with TTHC_MAX_OBLIGATIONS."""
    from tthc_cli.domain.obligations import MAX_OBLIGATIONS

    bound = env_number(
        MAX_OBLIGATIONS_ENV,
        MAX_OBLIGATIONS_CEILING,
        _("{env}={value}: write a whole number from 1 to {high}"),
    )
    return MAX_OBLIGATIONS if bound is None else bound


def env_number(name: str, high: int, wording: str) -> int | None:
    """The whole number from 1 to `high` the environment variable `name` sets, None when it is unset;
    anything else stops the run with `wording` (its {env}, {value} and {high})."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return None
    number = whole_number(raw, high)
    if not number:
        fail(wording.format(env=name, value=quote_text(raw), high=grouped(high)))
    return number


def load(data: str | None) -> Plan:
    """The validated plan, or a clear refusal. Progress entries are checked against the real date
    (an entry from the future is a mistake whatever --today says); --today only picks the moment a
    query looks at."""
    directory = data_dir(data)
    try:
        files, labels = read_data_folder(directory)
    except DataDirError as exc:
        fail(message(exc.problem))
    result = validate_files(files, labels, real_today(), working_days())
    if result.plan is None:
        for d in result.errors[:10]:
            note(format_text(d))
        more = len(result.errors) - 10
        if more > 0:
            note(_("… and {count} more").format(count=grouped(more)))
        fail(
            ngettext(
                "the plan data has {count} error; fix it first (tthc validate lists every problem)",
                "the plan data has {count} errors; fix them first (tthc validate lists every problem)",
                len(result.errors),
            ).format(count=len(result.errors)),
            EXIT_DATA,
        )
    return result.plan


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
        message += " " + _("Note: {note}.").format(note=lookup_note(look))
    if look.suggestions:
        message += " " + _("Did you mean: {names}?").format(names="; ".join(look.suggestions))
    fail(message + " " + _("('tthc units' lists every name.)"), EXIT_DATA)


def statuses_on(plan: Plan, now: date, warn_days: int) -> dict[str, ItemStatus]:
    return statuses(plan, now, warn_days)


def kinds_asked(plan: Plan, kinds: Sequence[str] | None) -> set[str] | None:
    """The kinds asked for (None: all), each given by its code (`review`) or by the name tables show
    for it (`PL I`, `Nhiệm vụ`, in either language); every one must be a kind of this plan."""
    if not kinds:
        return None
    by_name: dict[str, str] = {fold(code): code for code in plan.meta.kinds}
    for lang in i18n.LANGUAGES:
        with i18n.using(lang):
            by_name.update((fold(n), code) for code, names in kind_names(plan.meta).items() for n in names)
    wanted = set()
    for kind in kinds:
        code = by_name.get(fold(kind))
        if code is None:
            labels = kind_labels(plan.meta)
            listed = ", ".join(f"{labels.get(code, code)} ({code})" for code in plan.meta.kinds)
            fail(_("--kind {kind}: this plan's kinds are {kinds}").format(kind=visible(kind), kinds=listed))
        wanted.add(code)
    return wanted


_UNDECODED_BYTE = re.compile("[\udc80-\udcff]")


def clean_text(text: str | None, option: str) -> str | None:
    """NFC and trimmed; a control character (an escape sequence pasted from a terminal) or an
    invisible one (a bidi override, a zero-width joiner) is refused: validate would reject the file it
    makes, and `show` would send it to a terminal."""
    if text is None:
        return None
    if m := _UNDECODED_BYTE.search(text):  # bytes that were not UTF-8 (Python's surrogateescape)
        fail(
            _(
                "{option}: '{value}' is not valid text: the byte {byte} is not UTF-8; "
                "type it again in a UTF-8 terminal"
            ).format(
                option=option,
                value=quote_text(text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")),
                byte=f"0x{ord(m.group()) - 0xDC00:02X}",
            )
        )
    text = unicodedata.normalize("NFC", text).strip()
    if m := CONTROL.search(text):
        fail(
            _("{option}: contains the control character {char}; type plain text").format(
                option=option, char=control_name(m.group())
            )
        )
    if m := INVISIBLE.search(text):
        fail(
            _("{option}: contains the invisible character {char}; type plain text").format(
                option=option, char=control_name(m.group())
            )
        )
    return text or None
