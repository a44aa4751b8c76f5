"""Appending to the progress log as text — every existing byte (comments, layout) stays as it was — and
recording entries as one transaction (record_entries): locked, validated with the whole set, atomic per
file; where an entry goes (progress.yaml, or in the per-unit layout the reporting unit's own file)."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from tthc_cli.data.dataset import assemble
from tthc_cli.data.files import display_path, read_data_folder
from tthc_cli.domain.calendar import WorkingDays
from tthc_cli.domain.item_ids import unit_slug
from tthc_cli.domain.plan import Entry, Plan
from tthc_cli.domain.plan_files import PROGRESS, PROGRESS_DIR, unit_progress_file, unit_progress_slug
from tthc_cli.domain.problems import Problem, ProblemError, problem
from tthc_cli.domain.unit_reports import reportable_by_unit
from tthc_cli.fsutil import atomic_write, locked

_ENTRIES_KEY = re.compile(r"^entries:[ \t]*(?:#.*)?$", re.MULTILINE)
_ITEM = re.compile(r"^([ \t]*)- ", re.MULTILINE)


def _quoted(text: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar: no character can change its meaning.
    return json.dumps(text, ensure_ascii=False)


def entry_lines(entry: Entry, indent: str) -> str:
    pad = indent + "  "
    lines = [
        f"{indent}- id: {_quoted(entry.id)}",
        f"{pad}date: {entry.date.isoformat()}",
        f"{pad}status: {entry.status}",
    ]
    for key in ("note", "evidence", "by"):
        value = getattr(entry, key)
        if value:
            lines.append(f"{pad}{key}: {_quoted(value)}")
    return "\n".join(lines) + "\n"


class AppendError(ProblemError):
    """The file's shape does not let an entry be appended at its end (`progress-shape`)."""


def _ready(text: str) -> tuple[str, str]:
    """The log's text ready to take entries at its end — a final newline, and the `entries:` key if it
    has none — and the indent its entries are written with."""
    if text and not text.endswith("\n"):
        text += "\n"
    keys = list(_ENTRIES_KEY.finditer(text))
    if not keys:
        if re.search(r"^\S", text, re.MULTILINE) and not all(
            line.startswith("#") for line in text.splitlines() if line.strip()
        ):
            raise AppendError(problem("progress-shape", "no-entries-key"))
        return text + "entries:\n", "  "
    tail = text[keys[-1].end() :]
    # Anything after the last entry that is not indented (another top-level key) would swallow or
    # break the append: refuse rather than guess.
    if re.search(r"^[^\s#-]", tail, re.MULTILINE):
        raise AppendError(problem("progress-shape", "entries-not-last"))
    # The first entry's indent: a later "- " line may be inside a note's block scalar (`note: |`).
    first = _ITEM.search(tail)
    return text, first.group(1) if first else "  "


_LINE_END = re.compile(r"\r\n|\r|\n")


def append_entries_bytes(raw: bytes, entries: Sequence[Entry]) -> tuple[bytes, list[tuple[int, int]]]:
    """Every entry appended to the file's bytes at once (the file's shape is read once, so a thousand
    entries cost what their own lines do), keeping its form: a BOM stays, and the added lines end as
    the file's own do (CRLF, or a lone CR). Also the lines (first, last) each entry takes in the new
    file — to place a problem found on an appended entry back where that entry came from."""
    bom = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""
    try:
        text = raw[len(bom) :].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise AppendError(problem("progress-shape", "not-utf8", offset=exc.start + len(bom))) from None
    newline = "\r\n" if "\r\n" in text else ("\r" if "\r" in text and "\n" not in text else "\n")
    # Analyse with LF line ends; what is added is then written with the file's own.
    plain = text.replace(newline, "\n") if newline != "\n" else text
    prepared, indent = _ready(plain)
    line = len(_LINE_END.findall(prepared))  # the loader counts LF, CRLF and a lone CR as line ends
    blocks, spans = [], []
    for entry in entries:
        block = entry_lines(entry, indent)
        count = block.count("\n")
        spans.append((line + 1, line + count))
        line += count
        blocks.append(block)
    added = prepared[len(plain) :] + "".join(blocks)
    if newline != "\n":
        added = added.replace("\n", newline)
    return bom + (text + added).encode("utf-8"), spans


def uses_unit_files(directory: str) -> bool:
    """The folder keeps a progress file per unit (progress/<slug>.yaml): its progress/ folder exists."""
    return os.path.isdir(os.path.join(directory, PROGRESS_DIR))


def log_file_for(directory: str, plan: Plan, reporter: str | None, item_id: str) -> str:
    """Where an entry goes. In the per-unit layout, the file of the unit that reported it, when that
    unit may report on the obligation (its own, or its group's work: domain/unit_reports) — so a
    merge request from a unit touches only its own file; everything else (the office's own records,
    a report by a group or by someone not registered) goes to progress.yaml, as without the layout."""
    if reporter is None or not uses_unit_files(directory):
        return PROGRESS
    unit = plan.registry.resolve(reporter)
    if unit is None or unit not in plan.registry.units:
        return PROGRESS
    if item_id not in reportable_by_unit(plan, [unit])[unit]:
        return PROGRESS
    return unit_log_file(directory, unit)


def unit_log_file(directory: str, unit: str) -> str:
    """The file a registered unit's own reports go to (checked to be its to report): its
    progress/<slug>.yaml in the per-unit layout, else progress.yaml."""
    name = unit_progress_file(unit_slug(unit))
    if not uses_unit_files(directory) or unit_progress_slug(name) is None:
        return PROGRESS
    return name


def unit_file_text(unit: str) -> str:
    """A unit's new progress file: what it is for, then the key entries are appended under."""
    return (
        f"# {unit}: the progress this unit reports (tthc progress add --by, tthc progress import).\n"
        "# Append-only, like progress.yaml: to undo 'done', append 'reopened'. Entries without `by`\n"
        "# were reported by this unit.\n"
        "entries:\n"
    )


@dataclass(frozen=True, slots=True)
class Placed:
    """Where an appended entry stands in the log as it would be written: its file (data file name, and
    as shown in messages) and its lines there."""

    file: str
    label: str
    first_line: int
    last_line: int

    def holds(self, p: Problem) -> bool:
        return p.file == self.label and self.first_line <= p.line <= self.last_line


class EntryRefused(Exception):
    """The log with the entries appended would not be valid, or would not read back as those entries;
    every file is left unchanged. `problems`: what validation found (empty when an entry read back
    wrong); `placed`: where each entry would have stood, in the order given."""

    def __init__(self, problems: Sequence[Problem], placed: Sequence[Placed] = ()) -> None:
        super().__init__("the entry was not recorded")
        self.problems = list(problems)
        self.placed = list(placed)


def record_entries(
    directory: str,
    batch: Sequence[tuple[str, Entry]],
    today: date,
    calendar: WorkingDays,
    refuse: frozenset[str] = frozenset(),
    units: Mapping[str, str] | None = None,
) -> list[Problem]:
    """Append each (file, entry) of `batch` to that log file as one transaction: under the log's one
    lock (concurrent appends to any of its files queue there), read the data set again, append, validate
    the whole set with the entries, and write each changed file atomically (through a symlink, keeping
    mode and owner); a unit's file that does not exist yet is created. A file may have grown since the
    caller looked at it: what matters is that the set stays valid and that each file's last entries
    are exactly the ones added. `refuse`: codes of warnings that refuse the batch when they stand on an
    appended entry (an import refuses `done-twice`); `units`: the unit each new unit file is for, named
    in its opening comment. Returns the warnings about the files written;
    raises AppendError (a file's shape does not take an entry), EntryRefused, or OSError/DataDirError
    (a file cannot be read or written). Files are replaced one after another: a crash between two
    leaves some appended, which is why importing again skips what is already there."""
    with locked(os.path.join(directory, PROGRESS)):
        files, labels = read_data_folder(directory)
        grouped, new, in_order = _append(directory, files, labels, batch, units or {})
        result = assemble(files, labels, today=today, calendar=calendar)
        stopping = [
            p
            for p in result.problems
            if p.is_error or (p.code in refuse and any(where.holds(p) for where in in_order))
        ]
        if stopping or result.plan is None or result.sources is None:
            raise EntryRefused(stopping, in_order)
        if not _reads_back(result.plan.progress, result.sources.log_at, grouped, batch):
            raise EntryRefused([], in_order)
        for target, data in new.items():
            atomic_write(os.path.join(directory, target), data)
    written = {labels[t] for t in grouped}
    return [p for p in result.problems if not p.is_error and p.file in written]


def _append(
    directory: str,
    files: dict[str, bytes | None],
    labels: dict[str, str],
    batch: Sequence[tuple[str, Entry]],
    units: Mapping[str, str],
) -> tuple[dict[str, list[int]], dict[str, bytes], list[Placed]]:
    """The batch appended to the files as read (`files` and `labels` updated in place, for the
    validation): the batch's positions by file, each changed file's new bytes, and where each entry
    stands, in the batch's order. A unit's file not there yet starts with its opening comment."""
    grouped: dict[str, list[int]] = {}
    for n, (target, _entry) in enumerate(batch):
        grouped.setdefault(target, []).append(n)
    placed: dict[int, Placed] = {}
    new: dict[str, bytes] = {}
    for target, numbers in grouped.items():
        labels.setdefault(target, display_path(os.path.join(directory, target)))
        raw = files.get(target)
        if raw is None:
            unit = units.get(target) or unit_progress_slug(target) or target
            raw = (unit_file_text(unit) if target != PROGRESS else "").encode("utf-8")
        new[target], spans = append_entries_bytes(raw, [batch[n][1] for n in numbers])
        files[target] = new[target]
        for n, (first, last) in zip(numbers, spans, strict=True):
            placed[n] = Placed(target, labels[target], first, last)
    return grouped, new, [placed[n] for n in range(len(batch))]


def _reads_back(
    log: Sequence[Entry],
    log_at: Sequence[tuple[str, int]],
    grouped: dict[str, list[int]],
    batch: Sequence[tuple[str, Entry]],
) -> bool:
    """Each file's last entries, read back from the validated set, are the ones appended, in order."""
    for target, numbers in grouped.items():
        mine = [
            log[i] for i, (file, _index) in sorted(enumerate(log_at), key=lambda t: t[1][1]) if file == target
        ]
        tail = mine[len(mine) - len(numbers) :]
        wanted = [batch[n][1] for n in numbers]
        if len(tail) != len(wanted) or any(
            (got.id, got.date, got.status, got.note, got.evidence)
            != (e.id, e.date, e.status, e.note, e.evidence)
            for got, e in zip(tail, wanted, strict=True)
        ):
            return False
    return True
