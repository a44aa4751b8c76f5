"""`tthc validate --changes BASE..HEAD`: a merge request checked as a forge's CI would — the data set as
HEAD has it validated, and the progress log's history kept (data/changes.py)."""

from datetime import date

from tthc_cli.cli.boundary import fail
from tthc_cli.cli.commands import validate_files
from tthc_cli.data.changes import ChangesError, changed_files, files_at, log_breaches, revisions
from tthc_cli.domain.calendar import WorkingDays
from tthc_cli.domain.problems import Problem
from tthc_cli.i18n import _


def validate_changes(
    folder: str, spec: str, now: date, calendar: WorkingDays
) -> tuple[list[Problem], int, dict[str, bytes]]:
    """The problems of the change `spec` to the data folder `folder`: HEAD's data set validated, and
    each rewrite of the log's history; how many files were read, and their bytes (for excerpts)."""
    try:
        revs = revisions(folder, spec)
        files, labels = files_at(revs, revs.head)
        breaches = log_breaches(revs, changed_files(revs))
    except ChangesError as exc:
        fail(changes_error(exc, spec))
    problems = list(validate_files(files, labels, now, calendar).problems) + breaches
    shown = {labels[name]: raw for name, raw in files.items() if raw is not None}
    return problems, len(shown), shown


def changes_error(exc: ChangesError, spec: str) -> str:
    if exc.reason == "no-git":
        return _("--changes needs git, and git is not installed (or not on PATH)")
    if exc.reason == "not-a-repository":
        return _("--changes: {folder} is not inside a git repository").format(folder=exc.detail)
    if exc.reason == "dubious-ownership":
        return _(
            "--changes: git refuses to work in this repository: it belongs to another user "
            '("dubious ownership"); if you trust it, git\'s advice is: {advice}'
        ).format(advice=exc.detail or "git config --global --add safe.directory <folder>")
    if exc.reason == "shallow":
        return _(
            "--changes {spec}: this clone is shallow, so git cannot find where the two branches parted; "
            "fetch the full history (git fetch --unshallow; in CI: actions/checkout with fetch-depth: 0)"
        ).format(spec=spec)
    if exc.reason == "no-merge-base":
        return _(
            "--changes {spec}: the two commits share no history, so there is no point where they parted; "
            "name the base commit itself (BASE..HEAD)"
        ).format(spec=spec)
    if exc.reason == "revision":
        return _("--changes {spec}: git knows no commit '{rev}' (fetch it first: git fetch origin)").format(
            spec=spec, rev=exc.detail
        )
    return _("--changes {spec}: git says: {detail}").format(spec=spec, detail=exc.detail)
