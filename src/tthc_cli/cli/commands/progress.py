"""`tthc progress add`: one entry in the progress log, checked first, written completely or not at all."""

import os
from typing import Annotated

import typer

from tthc_cli.cli.boundary import EXIT_DATA, EXIT_OK, fail
from tthc_cli.cli.commands import (
    clean_text,
    data_dir,
    load,
    real_today,
    resolve_unit,
    working_days,
)
from tthc_cli.cli.completion import complete_ids, complete_units
from tthc_cli.cli.options import Data, DayInput, Lang, day_option, entry_status_option
from tthc_cli.data.files import DataDirError
from tthc_cli.domain.item_ids import obligation_id
from tthc_cli.domain.plan import Entry, EntryStatus, PlanItem
from tthc_cli.domain.problems import ProblemError
from tthc_cli.domain.suggest import obligation_hint, unknown_id
from tthc_cli.i18n import N_, _, os_reason
from tthc_cli.present.console import note
from tthc_cli.present.labels import dmy, entry_status_label, item_label, period_words
from tthc_cli.present.messages import message
from tthc_cli.present.reporters import format_text


def _one_address(
    label: str, named: PlanItem, unit: str | None, code: str | None
) -> tuple[str | None, str | None]:
    """The unit and period of an obligation named in full, with --unit/--period: each said once, or
    twice alike; a name saying one and an option another is refused, naming both."""
    for option, said, given, shown in (
        ("--unit", named.unit, unit, unit),
        ("--period", named.period, code, period_words(code) if code else None),
    ):
        if said is not None and given is not None and given != said:
            fail(
                _("'{name}' already names {named}; {option} says {given}: give it once").format(
                    name=label,
                    named=said if option == "--unit" else period_words(said),
                    option=option,
                    given=shown,
                ),
                EXIT_DATA,
            )
    return unit or named.unit, code or named.period


def add(
    item_id: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help=N_("e.g. 1.1, review:6, inspection:II.3, or as tables name it: 'Item 3.2', 'App. I – 6'"),
            autocompletion=complete_ids,
        ),
    ],
    status: Annotated[
        EntryStatus,
        typer.Option(
            "--status",
            help=N_(
                "started (bắt đầu), done (hoàn thành, xong), reopened (mở lại) or note (ghi chú): the code "
                "or the word, with or without diacritics; the code is recorded."
            ),
            parser=entry_status_option,
        ),
    ],
    when: Annotated[
        DayInput | None, day_option("--date", N_("DATE"), N_("When it happened (default: today)."))
    ] = None,
    note_text: Annotated[
        str | None, typer.Option("--note", metavar=N_("TEXT"), help=N_("What was done or said."))
    ] = None,
    evidence: Annotated[
        str | None, typer.Option("--evidence", metavar=N_("TEXT"), help=N_("E.g. the document number."))
    ] = None,
    by: Annotated[str | None, typer.Option("--by", metavar=N_("TEXT"), help=N_("Who reported it."))] = None,
    unit: Annotated[
        str | None,
        typer.Option(
            "--unit",
            metavar=N_("NAME"),
            help=N_("For an item each unit owes separately: whose obligation (e.g. 'Sở Y tế')."),
            autocompletion=complete_units,
        ),
    ] = None,
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            metavar=N_("PERIOD"),
            help=N_(
                "For a recurring item: which occurrence, as tables name it (quarter II/2021) or by its "
                "code (2021-Q2, 2021-M03)."
            ),
        ),
    ] = None,
    data: Data = None,
    lang: Lang = None,
) -> int:
    # Validation (the models, ~100 ms to import): for the commands that read the plan, never for
    # --help, completion or a usage mistake (the same boundary as commands.validate_files).
    from tthc_cli.data.progress import AppendError, EntryRefused, log_file_for, record_entries

    # A record is dated by the real calendar: --today and TTHC_TODAY move only what queries look at.
    now = real_today()
    day = when.on(now) if when else now
    if day > now:
        fail(
            _("--date {day} is after today ({today}); record progress once it has happened").format(
                day=dmy(day), today=dmy(now)
            )
        )
    directory = data_dir(data)
    plan = load(directory)
    key = plan.find_id(item_id)
    if unit is not None or period is not None:
        named = plan.by_id.get(key)
        base = named.parent if named is not None and named.parent is not None else key
        try:  # a period as tables print it ('quý II/2021') or its code; one the item lacks is said so
            code = plan.period_of(base, period) if period is not None and base in plan.by_id else period
        except ProblemError as exc:
            fail(message(exc.problem), EXIT_DATA)
        whose = resolve_unit(plan, unit) if unit is not None else None
        if base != key and named is not None:  # the name is an obligation already: its unit, its period
            whose, code = _one_address(item_label(named, plan.meta), named, whose, code)
        key = obligation_id(base, whose, code)
        split = plan.by_id[base].split if base in plan.by_id else None
        if key not in plan.by_id and whose is None and split is not None and split.by_unit:
            fail(message(obligation_hint(plan, base)), EXIT_DATA)  # a period of no one's: whose?
    if key not in plan.by_id:
        fail(message(unknown_id(plan, key if unit is not None or period is not None else item_id)), EXIT_DATA)
    if plan.by_id[key].split:
        fail(message(obligation_hint(plan, key)), EXIT_DATA)
    reported_by = clean_text(by, "--by")
    # A registered unit or group is recorded by its registered name, as the file it is filed in names
    # it ('  so y te  ' is Sở Y tế); a name the registry does not know stays as typed.
    reporter = plan.registry.resolve(reported_by) if reported_by else None
    entry = Entry(
        key,
        day,
        status,
        clean_text(note_text, "--note"),
        clean_text(evidence, "--evidence"),
        reporter or reported_by,
    )
    target = log_file_for(directory, plan, entry.by, key)
    path = os.path.join(directory, target)
    try:
        warnings = record_entries(
            directory, [(target, entry)], now, working_days(), units={target: reporter or ""}
        )
    except AppendError as exc:
        fail(message(exc.problem), EXIT_DATA)
    except EntryRefused as exc:
        if exc.problems:
            note(
                _("{file} with the new entry appended at its end would have these problems:").format(
                    file=target
                )
            )
            for d in exc.problems[:10]:
                note(format_text(d))
        else:
            note(
                _("{file} with the new entry appended would not read back as that entry").format(file=target)
            )
        fail(_("the entry was not recorded; the file is unchanged"), EXIT_DATA)
    except DataDirError as exc:
        fail(message(exc.problem))
    except OSError as exc:
        fail(_("cannot write {path}: {reason}").format(path=path, reason=os_reason(exc)))
    for d in warnings:
        note(format_text(d))
    note(
        _("recorded: {id} {status} {day} in {path}").format(
            id=item_label(plan.by_id[key], plan.meta),
            status=entry_status_label(status),
            day=dmy(day),
            path=path,
        )
    )
    return EXIT_OK
