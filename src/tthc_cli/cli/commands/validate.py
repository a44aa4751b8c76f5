"""`tthc validate`: every problem of the plan files, with file, line and column."""

from __future__ import annotations

import os

from tthc_cli.cli.boundary import EXIT_DATA, EXIT_OK, fail
from tthc_cli.cli.commands import cache_folder, data_dir, real_today, working_days
from tthc_cli.i18n import _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from datetime import date

    from tthc_cli.cli.params import Options
    from tthc_cli.domain.calendar import WorkingDays
    from tthc_cli.domain.problems import Problem as Diagnostic


def ignored_files(folder: str) -> list[Diagnostic]:
    """A warning for each file in the folder that looks like an appendix but is not read as one."""
    from tthc_cli.data.files import display_path
    from tthc_cli.domain.plan_files import misnamed_appendices
    from tthc_cli.domain.problems import warning

    try:
        listing = os.listdir(folder)
    except OSError:
        return []
    return [
        warning("ignored-file").located(display_path(os.path.join(folder, name)), 0, 0)
        for name in misnamed_appendices(listing)
    ]


def validate(o: Options) -> int:
    """Validate each named data set (a folder, or the folder of a named file); the exit code. The
    progress log is checked against the real date (an entry from the future is a mistake whatever
    TTHC_TODAY says)."""
    from tthc_cli.cli.reporters import MAX_SHOWN, format_github, format_json, format_text
    from tthc_cli.data.files import DataDirError, read_data_folder
    from tthc_cli.domain.plan_files import DATA_FILE_PATTERN, is_data_file
    from tthc_cli.domain.problems import Severity, count
    from tthc_cli.present.console import note, out

    fmt = o.text("fmt")
    now = real_today()
    folders: list[str] = []
    for path in o.texts("paths") or [data_dir(o.maybe_text("data"))]:
        if os.path.isdir(path):
            folder = path
        elif os.path.isfile(path):
            if not is_data_file(os.path.basename(path)):
                fail(
                    _("{path} is not a tthc data file (expected a name like {pattern})").format(
                        path=path, pattern=DATA_FILE_PATTERN
                    )
                )
            folder = os.path.dirname(path) or "."
        elif os.path.exists(path):  # a FIFO, device or socket: refused before anything opens it
            from tthc_cli.fsutil import describe_kind

            fail(
                _("{path} is {kind}, not a data file or folder").format(
                    path=path, kind=describe_kind(os.stat(path).st_mode)
                )
            )
        else:
            fail(_("{path}: no such file or folder").format(path=path))
        if os.path.abspath(folder) not in map(os.path.abspath, folders):
            folders.append(folder)
    base = cache_folder()
    calendar = working_days(base)
    diagnostics = []
    checked = 0
    texts: dict[str, bytes] = {}  # shown path -> the bytes validated, for the excerpts
    for folder in folders:
        try:
            files, labels = read_data_folder(folder)
        except DataDirError as exc:
            fail(str(exc))
        checked += sum(1 for raw in files.values() if raw is not None)
        texts.update((labels[name], raw) for name, raw in files.items() if raw is not None)
        diagnostics += validated(folder, files, labels, now, calendar, base)
        diagnostics += ignored_files(folder)
    if o.flag("strict"):
        diagnostics = [d.as_error() for d in diagnostics]
    errors = sum(1 for d in diagnostics if d.severity is Severity.ERROR)
    if fmt == "json":
        out(format_json(diagnostics))
    elif fmt == "github":
        for d in diagnostics:
            out(format_github(d))
    else:
        # The first MAX_SHOWN in full, then a count, as compilers do: 30,000 problems are one
        # mistake repeated, and printing them all would bury the summary.
        excerpts = _Excerpts(texts)
        for d in diagnostics[:MAX_SHOWN]:
            out(format_text(d))
            excerpt = excerpts.line(d.file, d.line)
            if excerpt is not None:
                out(f"  {d.line:>5} | {excerpt}")
        if len(diagnostics) > MAX_SHOWN:
            out(_("… and {count} more").format(count=f"{len(diagnostics) - MAX_SHOWN:,}"))
        c = count(diagnostics)
        verdict = _("OK") if not errors else _("FAILED")
        note(
            _("{verdict}: {errors} error(s), {warnings} warning(s) in {files} file(s)").format(
                verdict=verdict, errors=c["errors"], warnings=c["warnings"], files=checked
            )
        )
    return EXIT_DATA if errors else EXIT_OK


def validated(
    folder: str,
    files: dict[str, bytes | None],
    labels: dict[str, str],
    now: date,
    calendar: WorkingDays,
    base: str | None,
) -> list[Diagnostic]:
    """What validation says about a folder's files. Files that validated before, byte for byte (and
    with the same tthc), are not validated again: the warnings saved with their compiled plan are the
    answer, in the language they were said in. Errors are never saved: invalid files are always
    validated, so every problem is reported from the files themselves."""
    from tthc_cli.data.dataset import assemble

    return list(assemble(files, labels, today=now, calendar=calendar).problems)


class _Excerpts:
    """Source lines of the bytes just validated (not the file read again, which may have changed),
    each file split once however many problems it has."""

    def __init__(self, texts: Mapping[str, bytes]) -> None:
        self.texts = texts
        self.lines: dict[str, list[str]] = {}

    def line(self, file: str, line: int) -> str | None:
        from tthc_cli.textnorm import split_lines

        if file not in self.lines:
            raw = self.texts.get(file)
            self.lines[file] = [] if raw is None else split_lines(raw.decode("utf-8-sig", errors="replace"))
        lines = self.lines[file]
        return lines[line - 1][:200] if 1 <= line <= len(lines) else None
