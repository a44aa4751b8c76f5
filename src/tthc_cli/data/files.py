"""Finding the data folder and reading its files' bytes: the I/O in front of the loader. What goes
wrong is a problem (domain/problems.py), worded by present/messages.py."""

from __future__ import annotations

import os
from collections.abc import Sequence

from tthc_cli.domain.plan_files import PROGRESS_DIR, data_file_names
from tthc_cli.domain.problems import Problem, ProblemError, problem
from tthc_cli.fsutil import FileKindError, read_regular

MAX_FILE_BYTES = 128 * 1024 * 1024  # far beyond any real plan; the loader refuses larger files

DATA_DIR_ENV = "TTHC_DATA"


class DataDirError(ProblemError):
    """No data folder, or one that cannot be read: a usage problem the user can fix (exit 2)."""


def unreadable(code: str, path: str, exc: OSError) -> Problem:
    """`code` about `path`, with why the system refused it (its errno, worded by present/)."""
    return problem(code, path=path, errno=exc.errno or 0, reason=exc.strerror or str(exc))


def find_data_dir(explicit: str | None, env: str | None, cwd: str) -> str:
    """--data DIR, else $TTHC_DATA, else the nearest folder upward from `cwd` holding plan.yaml."""
    for given, how in ((explicit, "--data"), (env, DATA_DIR_ENV)):
        if given:
            if not os.path.isdir(given):
                raise DataDirError(problem("not-a-folder", option=how, path=given))
            return given
    here = os.path.abspath(cwd)
    while True:
        # exists, not isfile: a plan.yaml that is a FIFO or device stops the search here and is
        # refused when read, rather than silently skipped in favour of a folder further up.
        if os.path.exists(os.path.join(here, "plan.yaml")):
            return here
        parent = os.path.dirname(here)
        if parent == here:
            raise DataDirError(problem("no-data-folder", env=DATA_DIR_ENV))
        here = parent


def display_path(path: str) -> str:
    """A path as messages show it: relative to the working folder when the file lies inside it (what
    editors and CI annotations resolve, and short), else as given."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path
    return rel if not rel.startswith(os.pardir) else path


def list_data_files(directory: str) -> list[str]:
    """The data file names of a plan folder: plan.yaml, units.yaml, progress.yaml (each listed even
    when absent), every appendix_<name>.yaml it holds and every unit's progress/<slug>.yaml."""
    try:
        units = os.path.join(directory, PROGRESS_DIR)
        return data_file_names(os.listdir(directory), os.listdir(units) if os.path.isdir(units) else ())
    except OSError as exc:
        raise DataDirError(unreadable("folder-unreadable", directory, exc)) from None


def read_data_folder(directory: str) -> tuple[dict[str, bytes | None], dict[str, str]]:
    return read_files(directory, list_data_files(directory))


def read_files(directory: str, names: Sequence[str]) -> tuple[dict[str, bytes | None], dict[str, str]]:
    """Bytes of each data file (None when absent) and the path to show for it. Only regular files
    inside the plan folder are read (a link may point within it, never out of it), never more than
    MAX_FILE_BYTES + 1 bytes: a FIFO, /dev/zero or a link leading out is a usage error."""
    files: dict[str, bytes | None] = {}
    labels: dict[str, str] = {}
    root = os.path.realpath(directory)
    for name in names:
        path = os.path.join(directory, name)
        labels[name] = display_path(path)
        # A data file is the plan folder's own: a link leading out of it (progress/x.yaml ->
        # /proc/self/environ, -> ../.git/config in a merge request) would print what it reads.
        outside = os.path.commonpath([os.path.realpath(path), root]) != root
        if outside and (os.path.isfile(path) or not os.path.exists(path)):  # a device: said below
            raise DataDirError(problem("link-outside", path=path))
        try:
            files[name] = read_regular(path, MAX_FILE_BYTES)
        except FileNotFoundError:
            files[name] = None
        except FileKindError as exc:
            raise DataDirError(problem("not-regular-file", path=path, kind=exc.kind)) from None
        except OSError as exc:
            raise DataDirError(unreadable("file-unreadable", path, exc)) from None
    return files, labels
