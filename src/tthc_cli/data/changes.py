"""A merge request's changes checked as a forge's CI would (`tthc validate --changes BASE..HEAD`), with
git itself (`git diff --name-status`, `git show REV:path`): the progress log is append-only — in
every log file the change touches (progress.yaml, progress/<slug>.yaml), the entries of BASE are the
first entries of HEAD, unchanged, and no log file is deleted or renamed — and the data set as HEAD
has it is what gets validated (so each unit's file holding only its own reports is checked there).
Entries are compared as data, field by field: a comment edited, or an entry re-indented, is no breach;
a value changed, an entry removed, reordered or inserted before the end is."""

from __future__ import annotations

import subprocess
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO, Any, cast

from tthc_cli.data.files import MAX_FILE_BYTES
from tthc_cli.data.loader import parse_document
from tthc_cli.domain.plan_files import PROGRESS_DIR, data_file_names, is_progress_file
from tthc_cli.domain.problems import Problem, problem
from tthc_cli.fsutil import Oversized

GIT_TIMEOUT = 60  # seconds for one git command: a forge's clone answers in milliseconds


class ChangesError(Exception):
    """git cannot answer: not installed, not a repository, a revision it does not know. `reason`:
    "no-git", "not-a-repository", "dubious-ownership" (`detail`: git's advice, the `git config …
    safe.directory` line), "revision" (with `detail`: the revision), "shallow" (BASE...HEAD in a
    shallow clone: the history that joins them was not fetched), "no-merge-base" (the two commits
    share no history), "git" (git's own words)."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.detail = detail


def _git(cwd: str, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=GIT_TIMEOUT, check=False)
    except FileNotFoundError:
        raise ChangesError("no-git") from None
    except subprocess.TimeoutExpired:
        raise ChangesError("git", f"git {' '.join(args)}: timed out") from None
    if done.returncode != 0:
        raise ChangesError("git", done.stderr.decode("utf-8", "replace").strip())
    return done.stdout


@dataclass(frozen=True, slots=True)
class Revisions:
    """The two revisions compared (commit IDs), the repository's top folder, and the data folder's
    path inside it ('' at the top, else ending in '/')."""

    base: str
    head: str
    top: str
    prefix: str


def revisions(folder: str, spec: str) -> Revisions:
    """'BASE..HEAD', 'BASE...HEAD' (from where HEAD left BASE: their merge base, as a forge compares a
    merge request) or 'BASE' alone (BASE..HEAD), resolved in the repository holding `folder`."""
    try:
        top = _git(folder, "rev-parse", "--show-toplevel").decode("utf-8", "surrogateescape").strip()
        prefix = _git(folder, "rev-parse", "--show-prefix").decode("utf-8", "surrogateescape").strip()
    except ChangesError as exc:
        if exc.reason == "git" and "dubious ownership" in exc.detail:
            # git refuses a repository another user owns (CI containers); it says how to trust it
            advice = [ln.strip() for ln in exc.detail.splitlines() if "safe.directory" in ln]
            raise ChangesError("dubious-ownership", advice[0] if advice else "") from None
        if exc.reason == "git":
            raise ChangesError("not-a-repository", folder) from None
        raise
    if "..." in spec:
        left, right = spec.split("...", 1)
    elif ".." in spec:
        left, right = spec.split("..", 1)
    else:
        left, right = spec, "HEAD"
    base, head = (_commit(top, rev or "HEAD") for rev in (left, right))
    if "..." in spec:
        base = _merge_base(top, base, head)
    return Revisions(base, head, top, prefix)


def _merge_base(top: str, base: str, head: str) -> str:
    """Where HEAD left BASE. git says nothing when there is no such commit (exit 1): because the
    clone is shallow (actions/checkout fetches one commit by default) or the histories never met."""
    try:
        return _git(top, "merge-base", base, head).decode("ascii").strip()
    except ChangesError as exc:
        if exc.reason != "git" or exc.detail:
            raise
    if _git(top, "rev-parse", "--is-shallow-repository").strip() == b"true":
        raise ChangesError("shallow")
    raise ChangesError("no-merge-base")


def _commit(top: str, rev: str) -> str:
    if rev.startswith("-"):
        raise ChangesError("revision", rev)  # never an option to git
    try:
        return _git(top, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").decode("ascii").strip()
    except ChangesError:
        raise ChangesError("revision", rev) from None


def changed_files(revs: Revisions) -> list[tuple[str, str]]:
    """(status letter, path inside the data folder) of every file changed between the revisions in
    the data folder; a rename is a deletion and an addition."""
    out = _git(
        revs.top,
        "diff",
        "--name-status",
        "--no-renames",
        "-z",
        revs.base,
        revs.head,
        "--",
        revs.prefix or ".",
    )
    fields = out.decode("utf-8", "surrogateescape").split(
        "\0"
    )  # a name git cannot decode: kept, as os.listdir
    found = []
    for status, path in zip(fields[0::2], fields[1::2], strict=False):
        if path.startswith(revs.prefix):
            found.append((status[:1], path[len(revs.prefix) :]))
    return found


def show(revs: Revisions, rev: str, name: str) -> bytes:
    """The bytes of the data file `name` at `rev`, at most MAX_FILE_BYTES + 1 of them (the loader
    refuses a larger file): git is stopped there, so a blob that packs small and unpacks to
    gigabytes costs no more than a file on disk."""
    return _blob(revs, rev, f"{revs.prefix}{name}")


def _blob(revs: Revisions, rev: str, path: str) -> bytes:
    """The bytes of the file at `path` (inside the repository) at `rev`, bounded as show's."""
    args = ("cat-file", "blob", f"{rev}:{path}")
    try:
        proc = subprocess.Popen(["git", *args], cwd=revs.top, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except FileNotFoundError:
        raise ChangesError("no-git") from None
    timer = threading.Timer(GIT_TIMEOUT, proc.kill)
    timer.start()
    try:
        with proc:  # closes the pipes and waits for git
            out, err = cast(IO[bytes], proc.stdout), cast(IO[bytes], proc.stderr)
            chunks, left = [], MAX_FILE_BYTES + 1
            while left > 0 and (chunk := out.read(min(left, 1 << 20))):
                chunks.append(chunk)
                left -= len(chunk)
            if left <= 0:
                proc.kill()  # what is left would only be refused
            error = err.read(64 * 1024) if left > 0 else b""
            code = proc.wait()
    finally:
        timer.cancel()
    if left > 0 and code != 0:
        raise ChangesError("git", error.decode("utf-8", "replace").strip() or f"git {' '.join(args)}: {code}")
    if left > 0:
        return b"".join(chunks)
    size = _git(revs.top, "cat-file", "-s", f"{rev}:{path}")  # the blob's size, for the message
    return Oversized(b"".join(chunks), int(size.decode("ascii").strip() or 0))


def files_at(revs: Revisions, rev: str) -> tuple[dict[str, bytes | None], dict[str, str]]:
    """The data set as `rev` has it (as data/files.read_data_folder gives the working tree's): each
    data file's bytes, and the path to show for it (inside the repository, as a forge shows it)."""
    listing = _git(revs.top, "ls-tree", "-r", "-z", "--name-only", rev, "--", revs.prefix or ".")
    paths = listing.decode("utf-8", "surrogateescape").split("\0")
    names = {p[len(revs.prefix) :] for p in paths if p.startswith(revs.prefix)}
    top = [n for n in names if "/" not in n]
    units = [n.split("/", 1)[1] for n in names if n.startswith(f"{PROGRESS_DIR}/") and n.count("/") == 1]
    files = {name: show(revs, rev, name) if name in names else None for name in data_file_names(top, units)}
    labels = {name: f"{revs.prefix}{name}" for name in files}
    return files, labels


def _entries(label: str, raw: bytes) -> tuple[list[Any], Any]:
    doc = parse_document(label, raw)
    data = doc.data if isinstance(doc.data, dict) else {}
    entries = data.get("entries") or []
    return (entries if isinstance(entries, list) else []), doc


def log_breaches(revs: Revisions, changed: Sequence[tuple[str, str]]) -> list[Problem]:
    """Every place the change rewrites the log's history: a log file deleted (or renamed), an entry
    of BASE changed or gone from HEAD. Each problem stands at the file and line of HEAD it concerns
    (a deleted file: the file as a whole). When the change moved the plan folder here, each log file
    is compared with the file it was moved from."""
    moved, gone = _moved_logs(revs)
    found = [problem("log-history", "deleted").located(path, 0, 0) for path in gone]
    for status, name in changed:
        if not is_progress_file(name):
            continue
        label = f"{revs.prefix}{name}"
        if status == "D":
            found.append(problem("log-history", "deleted").located(label, 0, 0))
        elif status != "A" or name in moved:
            was = moved.get(name, label)
            found += _rewrites(label, _blob(revs, revs.base, was), show(revs, revs.head, name))
    return found


def _rewrites(label: str, base: bytes, head: bytes) -> list[Problem]:
    """Where the log file `label`, as HEAD has it, rewrites the entries BASE's file held."""
    found: list[Problem] = []
    new, doc = _entries(label, head)
    if doc.data is None:  # HEAD's file does not read (too large, broken YAML): validation says so
        return found
    old, old_doc = _entries(label, base)
    if any(p.is_error for p in old_doc.diagnostics):
        # What the base held cannot be told, so neither can what the change rewrote: a change
        # that fixes the base's mistake could rewrite every entry with it.
        return [problem("log-history", "base-unreadable").located(label, 1, 1)]
    for i, was in enumerate(old):
        if i >= len(new):
            line, column = doc.locate(("entries",), key=True)
            found.append(
                problem("log-history", "removed", count=len(old) - len(new), kept=len(new)).located(
                    label, line, column
                )
            )
            break
        if new[i] != was:
            fields = _differing(was, new[i])
            line, column = doc.locate(("entries", i))
            found.append(
                problem("log-history", "changed", number=i + 1, fields=fields or ("entries",)).located(
                    label, line, column
                )
            )
    return found


def _moved_logs(revs: Revisions) -> tuple[dict[str, str], list[str]]:
    """When BASE has no data folder where HEAD has it, the change moved the folder here (git finds the
    renames) or made it anew: each log file moved in (its name in the folder -> its path in BASE), and
    the log files of the folder it left that did not come along (paths in BASE). Without this, every
    file of a moved folder looks added and passes, whatever was rewritten on the way."""
    if not revs.prefix or _git(revs.top, "ls-tree", "--name-only", revs.base, "--", revs.prefix.rstrip("/")):
        return {}, []
    out = _git(revs.top, "diff", "--name-status", "--find-renames", "-z", revs.base, revs.head)
    fields = out.decode("utf-8", "surrogateescape").split("\0")
    moved: dict[str, str] = {}
    left: set[str] = set()  # the folders (in BASE) the logs came from
    i = 0
    while i < len(fields) - 1:
        status = fields[i]
        if status.startswith(("R", "C")) and i + 2 < len(fields):
            old, new = fields[i + 1], fields[i + 2]
            i += 3
            name = new[len(revs.prefix) :] if new.startswith(revs.prefix) else ""
            if status.startswith("R") and is_progress_file(name) and old.endswith(name):
                moved[name] = old
                left.add(old[: len(old) - len(name)])
        else:
            i += 2
    gone = []
    for folder in sorted(left):
        listing = _git(revs.top, "ls-tree", "-r", "-z", "--name-only", revs.base, "--", folder or ".")
        for path in listing.decode("utf-8", "surrogateescape").split("\0"):
            name = path[len(folder) :]
            if path.startswith(folder) and is_progress_file(name) and moved.get(name) != path:
                gone.append(path)
    return moved, gone


def _differing(was: Any, now: Any) -> tuple[str, ...]:
    """The fields in which an entry of BASE and the entry at its place in HEAD differ."""
    if not isinstance(was, dict) or not isinstance(now, dict):
        return ()
    return tuple(sorted(str(k) for k in set(was) | set(now) if was.get(k) != now.get(k)))
