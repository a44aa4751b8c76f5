"""`tthc validate`: every problem of the plan files, with file, line and column."""

import os
from typing import Annotated

import typer

from tthc_cli.cli.boundary import EXIT_DATA, EXIT_OK, fail
from tthc_cli.cli.commands import data_dir, real_today, validate_files, working_days
from tthc_cli.cli.options import CheckFormat, Data, Lang, choice, non_empty
from tthc_cli.data.files import DataDirError, display_path, read_data_folder
from tthc_cli.domain.plan_files import (
    DATA_FILE_PATTERN,
    PROGRESS_DIR,
    is_data_file,
    misnamed_appendices,
    misnamed_progress_files,
)
from tthc_cli.domain.problems import Problem, warning
from tthc_cli.fsutil import file_kind
from tthc_cli.i18n import N_, _
from tthc_cli.present.messages import file_kind_words, message
from tthc_cli.present.reporters import REPORTER_BY_NAME, CheckResult


def ignored_files(folder: str) -> list[Problem]:
    """A warning for each file in the folder that looks like an appendix but is not read as one."""
    try:
        listing = os.listdir(folder)
    except OSError:
        return []
    units = os.path.join(folder, PROGRESS_DIR)
    try:
        unit_listing = os.listdir(units) if os.path.isdir(units) else []
    except OSError:
        unit_listing = []
    return [
        warning("ignored-file").located(display_path(os.path.join(folder, name)), 0, 0)
        for name in misnamed_appendices(listing)
    ] + [
        warning("ignored-file", "unit").located(display_path(os.path.join(folder, name)), 0, 0)
        for name in misnamed_progress_files(unit_listing)
    ]


def folder_of(path: str) -> str:
    """The data folder a path names: itself, or the folder of a data file; anything else refused
    before it is opened (a FIFO, a device)."""
    if os.path.isdir(path):
        return path
    if os.path.isfile(path):
        parent = os.path.dirname(os.path.abspath(path))
        if os.path.basename(parent) == PROGRESS_DIR and is_data_file(
            f"{PROGRESS_DIR}/{os.path.basename(path)}"
        ):
            return os.path.dirname(parent)  # a unit's progress file: its plan folder is above
        if not is_data_file(os.path.basename(path)):
            fail(
                _("{path} is not a tthc data file (expected a name like {pattern})").format(
                    path=path, pattern=DATA_FILE_PATTERN
                )
            )
        return os.path.dirname(path) or "."
    if os.path.exists(path):
        fail(
            _("{path} is {kind}, not a data file or folder").format(
                path=path, kind=file_kind_words(file_kind(os.stat(path).st_mode))
            )
        )
    fail(_("{path}: no such file or folder").format(path=path))


def validate(
    paths: Annotated[
        list[str] | None,
        typer.Argument(metavar=N_("PATH"), help=N_("Data files or folders (default: the data folder).")),
    ] = None,
    fmt: Annotated[
        CheckFormat,
        typer.Option(
            "--format",
            "-f",
            help=N_("text, json, or github annotations."),
            parser=choice("--format", CheckFormat),
        ),
    ] = CheckFormat.TEXT,
    strict: Annotated[bool, typer.Option("--strict", help=N_("Treat warnings as errors."))] = False,
    changes: Annotated[
        str | None,
        typer.Option(
            "--changes",
            metavar="BASE..HEAD",
            help=N_(
                "Check a merge request with git: the data as HEAD has it, and no entry of the "
                "progress log changed or removed since BASE (BASE...HEAD: since they parted)."
            ),
            parser=non_empty("--changes", N_("a range of commits")),
        ),
    ] = None,
    data: Data = None,
    lang: Lang = None,
) -> int:
    """Validate each named data set (a folder, or the folder of a named file); the exit code. The
    progress log is checked against the real date (an entry from the future is a mistake whatever
    TTHC_TODAY says)."""
    folders: list[str] = []
    for path in paths or [data_dir(data)]:
        folder = folder_of(path)
        if os.path.abspath(folder) not in map(os.path.abspath, folders):
            folders.append(folder)
    now = real_today()
    calendar = working_days()
    problems: list[Problem] = []
    checked = 0
    sources: dict[str, bytes] = {}  # shown path -> the bytes validated, for the excerpts
    for folder in folders:
        if changes is not None:  # the data as HEAD has it, and the log's history (data/changes.py)
            # The YAML reader and git's plumbing (~16 ms) only when a change is checked.
            from tthc_cli.cli.commands.changes import validate_changes

            found, read, shown = validate_changes(folder, changes, now, calendar)
            problems += found
            checked += read
            sources.update(shown)
            continue
        try:
            files, labels = read_data_folder(folder)
        except DataDirError as exc:
            fail(message(exc.problem))
        checked += sum(1 for raw in files.values() if raw is not None)
        sources.update((labels[name], raw) for name, raw in files.items() if raw is not None)
        problems += validate_files(files, labels, now, calendar).problems
        problems += ignored_files(folder)
    if strict:
        problems = [p.as_error() for p in problems]
    result = CheckResult(tuple(problems), checked, sources)
    REPORTER_BY_NAME[fmt]().report(result)
    return EXIT_DATA if result.failed else EXIT_OK
