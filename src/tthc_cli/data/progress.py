"""Appending to the progress log as text — every existing byte (comments, layout) stays as it was — and
recording one entry as a transaction (record_entry): locked, validated with the whole set, atomic."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from datetime import date

from tthc_cli.data.dataset import assemble
from tthc_cli.data.files import read_data_folder
from tthc_cli.domain.calendar import WorkingDays
from tthc_cli.domain.plan import Entry
from tthc_cli.domain.plan_files import PROGRESS
from tthc_cli.domain.problems import Problem, ProblemError, problem
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


def append_entry_bytes(raw: bytes, entry: Entry) -> bytes:
    """`append_entry` on the file's bytes, keeping its form: a BOM stays, and the added lines end
    as the file's own do (CRLF, or a lone CR), so the file never mixes line ends."""
    bom = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""
    try:
        text = raw[len(bom) :].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise AppendError(problem("progress-shape", "not-utf8", offset=exc.start + len(bom))) from None
    newline = "\r\n" if "\r\n" in text else ("\r" if "\r" in text and "\n" not in text else "\n")
    if newline == "\n":
        return bom + append_entry(text, entry).encode("utf-8")
    # Analyse with LF line ends; what is added is then written with the file's own.
    added = append_entry(text.replace(newline, "\n"), entry)[len(text.replace(newline, "\n")) :]
    return bom + (text + added.replace("\n", newline)).encode("utf-8")


def append_entry(text: str, entry: Entry) -> str:
    """The log with `entry` added at the end. The existing text is kept byte for byte; only a final
    newline (if missing) and, for a file with no `entries:` key yet, that key are added."""
    if text and not text.endswith("\n"):
        text += "\n"
    keys = list(_ENTRIES_KEY.finditer(text))
    if not keys:
        if re.search(r"^\S", text, re.MULTILINE) and not all(
            line.startswith("#") for line in text.splitlines() if line.strip()
        ):
            raise AppendError(problem("progress-shape", "no-entries-key"))
        return text + "entries:\n" + entry_lines(entry, "  ")
    tail = text[keys[-1].end() :]
    # Anything after the last entry that is not indented (another top-level key) would swallow or
    # break the append: refuse rather than guess.
    if re.search(r"^[^\s#-]", tail, re.MULTILINE):
        raise AppendError(problem("progress-shape", "entries-not-last"))
    # The first entry's indent: a later "- " line may be inside a note's block scalar (`note: |`).
    first = _ITEM.search(tail)
    indent = first.group(1) if first else "  "
    return text + entry_lines(entry, indent)


class EntryRefused(Exception):
    """The log with the entry appended would not be valid, or would not read back as that entry; the
    file is left unchanged. `problems`: what validation found (empty when the entry read back wrong)."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__("the entry was not recorded")
        self.problems = list(problems)


def record_entry(directory: str, entry: Entry, today: date, calendar: WorkingDays) -> list[Problem]:
    """Append `entry` to the folder's progress.yaml as one transaction: under a lock (concurrent
    appends queue there), read the data set again, append, validate the whole set with the entry, and
    write atomically (through a symlink, keeping mode and owner). The file may have grown since the
    caller looked at it: what matters is that the set stays valid and its last entry is exactly the one
    added. Returns the warnings about progress.yaml; raises AppendError (the log's shape does not take
    an entry), EntryRefused, or OSError/DataDirError (the file cannot be read or written)."""
    path = os.path.join(directory, PROGRESS)
    with locked(path):
        files, labels = read_data_folder(directory)
        new_raw = append_entry_bytes(files[PROGRESS] or b"", entry)
        files[PROGRESS] = new_raw
        result = assemble(files, labels, today=today, calendar=calendar)
        last = result.plan.progress[-1] if result.plan and result.plan.progress else None
        if last is None or (last.id, last.date, last.status, last.note) != (
            entry.id,
            entry.date,
            entry.status,
            entry.note,
        ):
            raise EntryRefused(result.errors)
        atomic_write(path, new_raw)
    return [p for p in result.problems if not p.is_error and p.file == labels[PROGRESS]]
