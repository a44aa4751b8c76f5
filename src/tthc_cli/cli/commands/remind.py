"""`tthc remind`: one e-mail per unit with something overdue or due soon, written as .eml files (-o)
and/or sent through SMTP (--send); the work is in cli/mail.py, imported by this command only."""

import os
from typing import Annotated

import typer

from tthc_cli.cli.boundary import fail
from tthc_cli.cli.commands.documents import refuse_kept_folder
from tthc_cli.cli.options import Data, Lang, Templates, Today, UnitName, count, non_empty
from tthc_cli.i18n import N_, _

DEFAULT_WITHIN = 14  # days ahead, as `tthc upcoming`


def remind(
    unit: UnitName = None,
    within: Annotated[
        int,
        typer.Option(
            "--within",
            metavar=N_("DAYS"),
            help=N_("Remind of what falls due from today to today + DAYS (default 14)."),
            parser=count("--within", 0, 3660),
        ),
    ] = DEFAULT_WITHIN,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar=N_("FOLDER"),
            help=N_("Write one .eml file per unit into this new (or empty) folder."),
            parser=non_empty("-o", N_("a folder")),
        ),
    ] = None,
    send: Annotated[
        bool,
        typer.Option("--send", help=N_("Send the messages through SMTP (smtp.yaml and TTHC_SMTP_*).")),
    ] = False,
    smtp_file: Annotated[
        str | None,
        typer.Option(
            "--smtp",
            metavar=N_("FILE"),
            help=N_("SMTP settings file (default: smtp.yaml in the plan folder, if there)."),
            parser=non_empty("--smtp", N_("a file name")),
        ),
    ] = None,
    forms: Annotated[
        bool,
        typer.Option("--forms", help=N_("Say that units may send back the Excel form the office sent them.")),
    ] = False,
    templates: Templates = None,
    today: Today = None,
    data: Data = None,
    lang: Lang = None,
) -> int:
    if output is None and not send:
        fail(_("say where the reminders go: -o FOLDER (one .eml file per unit), --send (SMTP), or both"))
    if (
        output is not None
        and os.path.lexists(output)
        and not (os.path.isdir(output) and not os.listdir(output))
    ):
        fail(_("-o {folder}: give a new or empty folder (each run writes its own)").format(folder=output))
    if output is not None:
        refuse_kept_folder(output, data)
    # SMTP, TLS, e-mail and the settings' model: imported by this command only (~50 ms of smtplib and
    # ssl, ~100 ms of the validation models before the plan is read; README "Speed").
    from tthc_cli.cli import mail

    return mail.remind(unit, within, output, send, smtp_file, forms, templates, today, data)
