"""`tthc form`: each unit's progress form as an Excel workbook, for one unit or every unit at once;
`tthc progress import`: filled forms read back into the log, every row checked, all or nothing."""

import os
from typing import Annotated

import typer

from tthc_cli.cli.boundary import EXIT_DATA, EXIT_OK, fail
from tthc_cli.cli.commands import (
    data_dir,
    load,
    query_day,
    real_today,
    resolve_unit,
    statuses_on,
    working_days,
)
from tthc_cli.cli.commands.documents import emit, refuse_kept_folder
from tthc_cli.cli.completion import complete_units
from tthc_cli.cli.options import DEFAULT_WARN_DAYS, Data, Lang, Today, WarnDays, non_empty
from tthc_cli.domain.accountability import all_assignments
from tthc_cli.domain.item_ids import unit_slug
from tthc_cli.domain.problems import Problem
from tthc_cli.i18n import N_, _, ngettext, os_reason
from tthc_cli.present.console import note
from tthc_cli.present.reporters import first_shown, more_line


def form(
    unit: Annotated[
        str | None,
        typer.Option(
            "--unit",
            metavar=N_("UNIT"),
            help=N_("The unit whose form to write, as people write it ('Sở Y tế', 'so y te')."),
            autocompletion=complete_units,
        ),
    ] = None,
    every: Annotated[
        bool,
        typer.Option("--all", help=N_("A form for every unit with something open, into the -o folder.")),
    ] = False,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar=N_("PATH"),
            help=N_("The .xlsx file (default: the unit's slug, so-y-te.xlsx); with --all, a folder."),
            parser=non_empty("-o", N_("a file name")),
        ),
    ] = None,
    warn_days: WarnDays = DEFAULT_WARN_DAYS,
    today: Today = None,
    data: Data = None,
    lang: Lang = None,
) -> int:
    # openpyxl (~150 ms) for the commands that write or read workbooks only.
    from tthc_cli.present.forms import form_rows, log_by_item, unit_form

    if every == (unit is not None):
        fail(_("name one unit with --unit, or every unit with --all"))
    if every and output is None:
        fail(_("--all writes one file per unit: name the folder with -o (e.g. -o bieu-mau/)"))
    now = query_day(today)
    plan = load(data)
    sts = statuses_on(plan, now, warn_days)
    if unit is not None:
        target = resolve_unit(plan, unit)
        if target not in plan.registry.units:
            fail(
                _("'{name}' is a group; a form is for one unit (tthc units lists them)").format(name=target),
                EXIT_DATA,
            )
        rows = form_rows(plan, target, sts)
        workbook, _identity = unit_form(plan, target, sts, now, rows)
        if not any(rows.values()):
            note(_("{unit} has nothing open to report on; the form has no rows").format(unit=target))
        emit(workbook, output or f"{unit_slug(target)}.xlsx", data)
        return EXIT_OK
    folder = output or ""
    if os.path.exists(folder) and not os.path.isdir(folder):
        fail(_("-o {path}: with --all, -o names a folder").format(path=folder))
    refuse_kept_folder(folder, data)
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as exc:
        fail(_("cannot write {path}: {reason}").format(path=folder, reason=os_reason(exc)))
    written = 0
    everyone, log = all_assignments(plan), log_by_item(plan, now)  # once for every unit's form
    for name in plan.registry.units:
        rows = form_rows(plan, name, sts, everyone)
        if not any(rows.values()):
            continue  # a unit with nothing open gets no form
        workbook, _identity = unit_form(plan, name, sts, now, rows, log)
        emit(workbook, os.path.join(folder, f"{unit_slug(name)}.xlsx"), data)
        written += 1
    note(
        ngettext("{count} form written in {folder}", "{count} forms written in {folder}", written).format(
            count=written, folder=folder
        )
    )
    return EXIT_OK


def import_forms(
    files: Annotated[
        list[str],
        typer.Argument(metavar=N_("FILE.xlsx"), help=N_("Filled forms (tthc form), one or more.")),
    ],
    data: Data = None,
    lang: Lang = None,
) -> int:
    # openpyxl and the validation models (~250 ms): for this command only.
    from tthc_cli.data.imports import read_forms
    from tthc_cli.data.progress import AppendError, EntryRefused, record_entries, unit_log_file

    now = real_today()  # a form's dates are checked against the real calendar, whatever --today says
    directory = data_dir(data)
    plan = load(directory)
    found = read_forms(files, plan, now)
    problems = list(found.problems)
    # Every row was checked to be its form's unit's to report: in the per-unit layout, that unit's file.
    batch = [(unit_log_file(directory, row.entry.by or ""), row.entry) for row in found.rows]
    warnings: list[Problem] = []
    refused = bool(problems)  # a row or a form with a problem: nothing is recorded
    if not refused and batch:
        units = {target: row.entry.by or "" for (target, _e), row in zip(batch, found.rows, strict=True)}
        try:
            warnings = record_entries(directory, batch, now, working_days(), IMPORT_REFUSES, units)
        except AppendError as exc:
            from tthc_cli.present.messages import message

            fail(message(exc.problem), EXIT_DATA)
        except EntryRefused as exc:
            # Refused by an error or by a contradiction with the log (IMPORT_REFUSES, warnings): either
            # way no file was written, and that is what is said.
            refused = True
            problems += found.place(exc.problems, exc.placed)
        except OSError as exc:
            fail(_("cannot write the progress log: {reason}").format(reason=os_reason(exc)))
    _show(problems)
    if refused:
        if not problems:
            note(_("the log with the forms' rows appended would not read back as those rows"))
        fail(
            ngettext(
                "{count} problem in the forms; nothing was recorded (fix the rows and import again)",
                "{count} problems in the forms; nothing was recorded (fix the rows and import again)",
                len(problems),
            ).format(count=len(problems)),
            EXIT_DATA,
        )
    _show(warnings)  # about the files written: shown, the rows written all the same
    note(_recorded(len(batch), len(files), sorted({t for t, _e in batch}), found.skipped))
    return EXIT_OK


def _show(problems: list[Problem]) -> None:
    """Each problem at its place, the first MAX_SHOWN of them and then how many more, as validate
    prints them (a form of 5,000 bad rows printed 957 KB)."""
    # openpyxl (present/forms.py), as for the import itself: for this command only.
    from tthc_cli.present.forms import format_form_problem

    shown, left = first_shown(problems)
    for p in shown:
        note(format_form_problem(p))
    if left:
        note(more_line(left))


def _recorded(added: int, forms: int, targets: list[str], skipped: int) -> str:
    """What an import that went through did: the entries written and where, or that there was nothing
    new (a form imported again: every row already in the log) or nothing filled."""
    if added:
        return _(
            "recorded {added} entries from {forms} form(s) in {files}; {skipped} already in the log"
        ).format(added=added, forms=forms, files=", ".join(targets), skipped=skipped)
    if skipped:
        return ngettext(
            "nothing new to record: the {skipped} filled row of {forms} form(s) is already in the log",
            "nothing new to record: the {skipped} filled rows of {forms} form(s) are already in the log",
            skipped,
        ).format(skipped=skipped, forms=forms)
    return _("nothing to record: no row of the {forms} form(s) is filled in").format(forms=forms)


# Warnings of the log that an import refuses when they stand on a row it brings: a unit's form
# contradicting the log is sent back, not recorded with a remark (an out-of-order date is not a
# contradiction: forms arrive late).
IMPORT_REFUSES = frozenset(
    {"done-twice", "started-after-done", "reopened-not-done", "standing-done", "duplicate-entry"}
)
