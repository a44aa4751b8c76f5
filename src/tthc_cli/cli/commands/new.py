"""`tthc new`: start next year's plan folder."""

import os
from typing import Annotated

import typer

from tthc_cli.cli.boundary import EXIT_OK, fail
from tthc_cli.cli.commands import load, query_day, statuses_on
from tthc_cli.cli.options import DEFAULT_WARN_DAYS, Lang, Today, count, non_empty, plain_text
from tthc_cli.data.files import DataDirError
from tthc_cli.domain.plan_files import REPORTING
from tthc_cli.fsutil import create_folder_with
from tthc_cli.i18n import N_, _
from tthc_cli.present.console import note
from tthc_cli.present.newplan import CARRY_OVER, carry_over_markdown, new_plan_files, unfinished


def new_plan(
    folder: Annotated[
        str,
        typer.Argument(metavar=N_("FOLDER"), help=N_("The new plan's folder (must not exist).")),
    ],
    old: Annotated[
        str | None,
        typer.Option(
            "--from",
            metavar=N_("FOLDER"),
            help=N_("Last year's plan folder, to carry over from."),
            parser=non_empty("--from", N_("a folder")),
        ),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            metavar=N_("YEAR"),
            help=N_("The new plan's year (default: the old plan's + 1)."),
            min=2000,
            max=2100,
            parser=count("--year", 2000, 2100),
        ),
    ] = None,
    province: Annotated[
        str | None,
        typer.Option(
            "--province",
            metavar=N_("NAME"),
            help=N_("The province (default: the old plan's)."),
            parser=plain_text("--province"),
        ),
    ] = None,
    today: Today = None,
    lang: Lang = None,
) -> int:
    if not folder.strip():
        fail(_("give the name of the new plan's folder"))
    target = os.path.abspath(folder)
    if os.path.exists(target) and not (os.path.isdir(target) and not os.listdir(target)):
        fail(_("{folder}: already exists; give the name of a new folder").format(folder=folder))
    if not os.path.isdir(os.path.dirname(target)):
        fail(_("{folder}: the folder above it does not exist").format(folder=folder))
    now = query_day(today)
    old_units = carry = old_reporting = None
    if old is not None:
        if not os.path.isdir(old):
            fail(_("--from {path!r} is not a folder").format(path=old))
        plan = load(old)
        year = year or plan.year + 1
        province = province or plan.meta.province
        try:
            with open(os.path.join(old, "units.yaml"), encoding="utf-8-sig") as handle:
                old_units = handle.read()
        except (OSError, UnicodeDecodeError, DataDirError) as exc:
            fail(_("cannot read {path}: {why}").format(path=os.path.join(old, "units.yaml"), why=exc))
        if plan.meta.reporting is not None:  # the reporting regime goes on: carried over as it is
            try:
                with open(os.path.join(old, REPORTING), encoding="utf-8-sig") as handle:
                    old_reporting = handle.read()
            except (OSError, UnicodeDecodeError) as exc:
                fail(_("cannot read {path}: {why}").format(path=os.path.join(old, REPORTING), why=exc))
        sts = statuses_on(plan, now, DEFAULT_WARN_DAYS)
        carry = carry_over_markdown(plan, sts, now, year)
        left = len(unfinished(plan, sts))
    year = year or now.year
    # Editors find the schemas through a relative path: the repository's schemas/ folder when the new
    # folder lies inside it, else a copy written beside the files.
    prefix, extra = _schema_prefix(target), {}
    if prefix is None:
        # The schemas come from the Pydantic models: imported here only (~120 ms).
        from tthc_cli.data.schemas import schema_texts

        prefix, extra = "schemas/", {f"schemas/{name}": text for name, text in schema_texts().items()}
    files = new_plan_files(
        year=year,
        province=province,
        schema_prefix=prefix,
        made_on=now,  # the day the plan is started, as --today says (the file says "made on …")
        old_units=old_units,
        carry_over=carry,
        old_reporting=old_reporting,
    )
    try:
        create_folder_with(target, {name: text.encode("utf-8") for name, text in {**files, **extra}.items()})
    except OSError as exc:
        fail(_("cannot create {folder}: {why}").format(folder=folder, why=exc.strerror or exc))
    note(_("created {folder}: {files}").format(folder=folder, files=", ".join(sorted(files))))
    if carry is not None:
        note(
            _("{n} unfinished item(s) of the old plan listed in {file}: decide which to carry over").format(
                n=left, file=os.path.join(folder, CARRY_OVER)
            )
        )
    note(_("next: fill in plan.yaml, then run: tthc validate --data {folder}").format(folder=folder))
    return EXIT_OK


def _schema_prefix(target: str) -> str | None:
    """The relative path from `target` to the nearest schemas/ folder above it holding plan.schema.json."""
    here = os.path.dirname(target)
    while True:
        if os.path.isfile(os.path.join(here, "schemas", "plan.schema.json")):
            rel = os.path.relpath(os.path.join(here, "schemas"), target)
            return rel.replace(os.sep, "/") + "/"
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent
