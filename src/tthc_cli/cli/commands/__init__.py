"""The commands of `tthc`, one module per family, each a function `(options) -> int` named in the
command table (cli/table.py); and the steps they share: the date asked about, the data folder, the
validated plan, a unit's name, items shown as a table or JSON/CSV. No Typer, Rich or Pydantic import
here: a query on a plan that validated before touches none of them.
"""

from __future__ import annotations

import os
from datetime import date

from tthc_cli.cli.boundary import EXIT_DATA, fail
from tthc_cli.i18n import _, ngettext

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from tthc_cli.domain.calendar import WorkingDays
    from tthc_cli.domain.plan import Plan, PlanItem
    from tthc_cli.domain.status import ItemStatus
    from tthc_cli.present.tables import Extra

TODAY_ENV = "TTHC_TODAY"
DATA_ENV = "TTHC_DATA"


def real_today() -> date:
    """The calendar's date: the one place the clock is read. Records (progress entries) and the check
    that no entry lies in the future use it, whatever --today or TTHC_TODAY say for queries."""
    return date.today()


def today_from(value: str | None) -> date:
    """The day a query looks at: --today, else TTHC_TODAY, else the real date."""
    raw = value or os.environ.get(TODAY_ENV)
    if not raw:
        return real_today()
    from tthc_cli.domain.userdates import parse_user_date

    try:
        return parse_user_date(raw)
    except ValueError as exc:
        source = "--today" if value else TODAY_ENV
        fail(f"{source}: {exc}")


def parse_date(value: str, option: str, today: date) -> date:
    from tthc_cli.domain.userdates import parse_user_date

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


def cache_folder() -> str | None:
    """The cache folder the environment names; the data layer is handed it, never reads it."""
    from tthc_cli.data.cache import cache_dir

    return cache_dir(os.environ)


def working_days(base: str | None) -> WorkingDays:
    """Vietnam's working days, the holiday tables kept in the cache folder `base` (cache_folder())."""
    from tthc_cli.data.holiday_cache import working_days as cached

    return cached(base)


def load(data: str | None) -> Plan:
    """The validated plan, or a clear refusal. Progress entries are checked against the real date
    (an entry from the future is a mistake whatever --today says); --today only picks the moment a
    query looks at. Files that validated before, byte for byte, are read from the compiled cache."""
    from tthc_cli.cli.reporters import format_text
    from tthc_cli.data.dataset import assemble
    from tthc_cli.data.files import DataDirError, read_data_folder
    from tthc_cli.present.console import note

    directory = data_dir(data)
    try:
        files, labels = read_data_folder(directory)
    except DataDirError as exc:
        fail(str(exc))
    result = assemble(files, labels, today=real_today(), calendar=working_days(cache_folder()))
    if result.plan is None:
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
        from tthc_cli.present.messages import lookup_note

        message += " " + _("Note: {note}.").format(note=lookup_note(look))
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


def check_kinds(plan: Plan, kinds: Sequence[str]) -> set[str] | None:
    """The kinds asked for, all of which the plan must have (its appendices' names included)."""
    unknown = [k for k in kinds if k not in plan.meta.kinds]
    if unknown:
        fail(
            _("--kind {kind}: this plan's kinds are {kinds}").format(
                kind=unknown[0], kinds=", ".join(plan.meta.kinds)
            )
        )
    return set(kinds) or None


def clean_text(text: str | None, option: str) -> str | None:
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
