"""`tthc progress add`: one entry in the progress log, checked first, written completely or not at all."""

from __future__ import annotations

import os

from tthc_cli.cli.boundary import EXIT_DATA, EXIT_OK, fail
from tthc_cli.cli.commands import (
    cache_folder,
    clean_text,
    data_dir,
    load,
    parse_date,
    real_today,
    resolve_unit,
    working_days,
)
from tthc_cli.i18n import _, os_reason

TYPE_CHECKING = False
if TYPE_CHECKING:
    from tthc_cli.cli.params import Options


def add(o: Options) -> int:
    from tthc_cli.cli.reporters import format_text
    from tthc_cli.data.files import DataDirError
    from tthc_cli.data.progress import AppendError, EntryRefused, record_entry
    from tthc_cli.domain.item_ids import obligation_id
    from tthc_cli.domain.plan import Entry, EntryStatus
    from tthc_cli.domain.plan_files import PROGRESS
    from tthc_cli.domain.suggest import obligation_hint, unknown_id
    from tthc_cli.present.console import note
    from tthc_cli.present.labels import entry_status_label
    from tthc_cli.present.messages import message

    # A record is dated by the real calendar: --today and TTHC_TODAY move only what queries look at.
    now = real_today()
    when = o.maybe_text("when")
    day = parse_date(when, "--date", now) if when else now
    if day > now:
        fail(
            _("--date {day} is after today ({today}); record progress once it has happened").format(
                day=f"{day:%d/%m/%Y}", today=f"{now:%d/%m/%Y}"
            )
        )
    directory = data_dir(o.maybe_text("data"))
    plan = load(directory)
    key = plan.find_id(o.text("item_id"))
    unit, period = o.maybe_text("unit"), o.maybe_text("period")
    if unit is not None or period is not None:
        key = obligation_id(key, resolve_unit(plan, unit) if unit is not None else None, period)
    if key not in plan.by_id:
        fail(message(unknown_id(plan, key)), EXIT_DATA)
    if plan.by_id[key].split:
        fail(message(obligation_hint(plan, key)), EXIT_DATA)
    status = EntryStatus(o.text("status"))
    entry = Entry(
        key,
        day,
        status,
        clean_text(o.maybe_text("note"), "--note"),
        clean_text(o.maybe_text("evidence"), "--evidence"),
        clean_text(o.maybe_text("by"), "--by"),
    )
    path = os.path.join(directory, PROGRESS)
    try:
        warnings = record_entry(directory, entry, now, working_days(cache_folder()))
    except AppendError as exc:
        fail(message(exc.problem), EXIT_DATA)
    except EntryRefused as exc:
        if exc.problems:
            note(_("progress.yaml with the new entry appended at its end would have these problems:"))
            for d in exc.problems[:10]:
                note(format_text(d))
        else:
            note(_("progress.yaml with the new entry appended would not read back as that entry"))
        fail(_("the entry was not recorded; the file is unchanged"), EXIT_DATA)
    except (OSError, DataDirError) as exc:
        fail(_("cannot write {path}: {reason}").format(path=path, reason=os_reason(exc)))
    for d in warnings:
        note(format_text(d))
    note(
        _("recorded: {id} {status} {day} in {path}").format(
            id=key, status=entry_status_label(status), day=f"{day:%d/%m/%Y}", path=path
        )
    )
    return EXIT_OK
