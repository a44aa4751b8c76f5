"""`tthc new`: start next year's plan folder."""

from __future__ import annotations

import os

from tthc_cli.cli.boundary import EXIT_OK, fail
from tthc_cli.cli.commands import clean_text, load, real_today, statuses_on, today_from
from tthc_cli.i18n import _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from tthc_cli.cli.params import Options


def new_plan(o: Options) -> int:
    from tthc_cli.data.files import DataDirError
    from tthc_cli.data.schemas import schema_texts
    from tthc_cli.fsutil import create_folder_with
    from tthc_cli.present.console import note
    from tthc_cli.present.newplan import CARRY_OVER, carry_over_markdown, new_plan_files, unfinished

    folder, old, year = o.text("folder"), o.maybe_text("old"), o.maybe_number("year")
    if not folder.strip():
        fail(_("give the name of the new plan's folder"))
    province = clean_text(o.maybe_text("province"), "--province")
    target = os.path.abspath(folder)
    if os.path.exists(target) and not (os.path.isdir(target) and not os.listdir(target)):
        fail(_("{folder}: already exists; give the name of a new folder").format(folder=folder))
    if not os.path.isdir(os.path.dirname(target)):
        fail(_("{folder}: the folder above it does not exist").format(folder=folder))
    now = today_from(o.maybe_text("today"))
    old_units = carry = None
    if old is not None:
        plan = load(old)
        year = year or plan.year + 1
        province = province or plan.meta.province
        try:
            with open(os.path.join(old, "units.yaml"), encoding="utf-8-sig") as handle:
                old_units = handle.read()
        except (OSError, UnicodeDecodeError, DataDirError) as exc:
            fail(_("cannot read {path}: {why}").format(path=os.path.join(old, "units.yaml"), why=exc))
        sts = statuses_on(plan, now, 7)
        carry = carry_over_markdown(plan, sts, now, year)
        left = len(unfinished(plan, sts))
    year = year or now.year
    # Editors find the schemas through a relative path: the repository's schemas/ folder when the new
    # folder lies inside it, else a copy written beside the files.
    prefix, extra = _schema_prefix(target), {}
    if prefix is None:
        prefix, extra = "schemas/", {f"schemas/{name}": text for name, text in schema_texts().items()}
    files = new_plan_files(
        year=year,
        province=province,
        schema_prefix=prefix,
        made_on=real_today(),
        old_units=old_units,
        carry_over=carry,
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
