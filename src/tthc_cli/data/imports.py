"""Filled progress forms read back (`tthc progress import`): each workbook tthc issued (present/forms.py,
its contract in domain/forms.py) opened with openpyxl and bounded, its identity checked (a form of
this plan, of a registered unit, sealed as issued), and every row the unit filled checked on its own —
an obligation of this plan that is the unit's to report, an allowed status, a real date not in the
future — into a log entry reported by the form's unit. Entries already in the log (same obligation,
date, status and evidence) are skipped and counted, so importing a form twice adds nothing. Every
problem stands at its file, sheet, row and column; contradictions with the log are found by the log's
own checks when the entries are recorded (data/progress.record_entries) and placed back on their rows
here (ImportFound.place)."""

from __future__ import annotations

import io
import os
import re
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.xml.functions import fromstring

from tthc_cli.data.files import display_path
from tthc_cli.data.progress import Placed
from tthc_cli.domain.accountability import Assignment, all_assignments
from tthc_cli.domain.forms import (
    FILLED,
    FIRST_ROW,
    FORM_STATUSES,
    FORM_VERSION,
    IDENTITY_SHEET,
    KEY_CHECKSUM,
    KEY_FORM,
    KEY_ISSUED,
    KEY_PLAN,
    KEY_UNIT,
    MAX_ROWS,
    Column,
    FormIdentity,
    sheet_key,
    status_key,
)
from tthc_cli.domain.plan import Entry, EntryStatus, Plan
from tthc_cli.domain.problems import Problem, problem
from tthc_cli.domain.unit_reports import Reportable, Share, owner_of, reportable
from tthc_cli.domain.units import fold
from tthc_cli.fsutil import FileKindError, read_regular
from tthc_cli.textnorm import CONTROL, INVISIBLE, LOOKALIKE_SCRIPTS, lookalike, nfc

MIB = 1024 * 1024
MAX_BYTES = 10 * MIB  # a form of a few hundred rows is tens of kilobytes
MAX_UNPACKED = 64 * MIB  # an .xlsx is a zip: refuse one that unpacks into more
# What each part of a form may unpack to, checked before openpyxl reads any of it. openpyxl builds the
# shared strings and the styles whole in memory, even read only: a 186 KB file whose styles.xml
# unpacked to 60 MB took 23 s and 1.8 GB, a 59 MB sharedStrings.xml 21 s. The sheets it streams.
# Measured: a form of 5,200 rows of 1,500-character texts (more than any unit owes) has a sheet of
# 10.9 MB as tthc writes it and 3.0 MB plus 0.7 MB of shared strings saved by LibreOffice; styles are
# 5-10 KB. A part is bounded by its name and, where [Content_Types].xml gives it a role openpyxl reads
# by (the shared strings, the workbook), by that role too: the smaller bound holds.
SHEET_PART = 32 * MIB  # each xl/worksheets/*.xml
STRINGS_PART = 8 * MIB  # xl/sharedStrings.xml
STYLES_PART = 2 * MIB  # xl/styles.xml
OTHER_PART = 2 * MIB  # every other part openpyxl may read (workbook, relationships, properties, theme)
# Pictures pasted into a form are never read here: the file's bounds are theirs.
_PART_LIMITS = (
    (re.compile(r"xl/worksheets/[^/]+\.xml"), SHEET_PART),
    (re.compile(r"xl/sharedStrings\.xml"), STRINGS_PART),
    (re.compile(r"xl/styles\.xml"), STYLES_PART),
    (re.compile(r"xl/media/[^/]+"), MAX_UNPACKED),
)
_ROLE_LIMITS = {
    "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml": SHEET_PART,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml": STRINGS_PART,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml": STYLES_PART,
}
_OVERRIDE = "{http://schemas.openxmlformats.org/package/2006/content-types}Override"
# A part that unpacks to over 1 MiB may be compressed at most 100:1. Real forms reach 14-26:1 (rows
# of the same few texts); the padding of the files above, 330-390:1.
MAX_RATIO = 100
RATIO_FROM = 1 * MIB
# A workbook with a password to open is no zip: Office encrypts it into an OLE compound file (magic
# D0 CF 11 E0 A1 B1 1A E1) holding an EncryptedPackage stream, its name in UTF-16 in the directory.
_OLE_MAGIC = bytes.fromhex("d0cf11e0a1b11ae1")
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
SHEET = "sheet"  # a form problem's path: (SHEET, sheet name, Column)

# [0-9], not \d: \d also takes '١٦/٦/٢٠٢١' and '１６/６/２０２１', which int() reads; a date is typed in
# ASCII digits.
_DMY = re.compile(r"^([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})$")
_ISO = re.compile(r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$")


@dataclass(frozen=True, slots=True)
class FormRow:
    """One filled row of a form, as the entry it becomes, and where it stands."""

    entry: Entry
    file: str
    sheet: str
    row: int


@dataclass
class ImportFound:
    """What a set of filled forms holds: the entries to append (in the forms' order), the rows
    already in the log (`skipped`), and every problem found, located."""

    rows: list[FormRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped: int = 0

    def place(self, problems: Iterable[Problem], placed: Sequence[Placed]) -> list[Problem]:
        """Problems the log's checks found with the entries appended, each placed back on the form row
        its entry came from (a problem elsewhere in the log is kept where it stands)."""
        out = []
        for p in problems:
            n = next((k for k, where in enumerate(placed) if where.holds(p)), None)
            if n is None or n >= len(self.rows):
                out.append(p)
                continue
            row = self.rows[n]
            column = _FIELD_COLUMN.get(str(p.path[-1]) if p.path else "", Column.STATUS)
            out.append(form_problem(p, row.file, row.sheet, row.row, column))
        return out


# The log's field a problem points at -> the form's column.
_FIELD_COLUMN = {
    "id": Column.ID,
    "date": Column.DATE,
    "status": Column.STATUS,
    "evidence": Column.EVIDENCE,
    "note": Column.NOTE,
}


def form_problem(p: Problem, file: str, sheet: str, row: int, column: Column) -> Problem:
    """`p` placed on a form: its file, the sheet, the row and the column."""
    return replace(p.at(file, (SHEET, sheet, column)), line=row, column=column.number)


def read_forms(paths: Sequence[str], plan: Plan, today: date) -> ImportFound:
    """Every filled row of the forms at `paths`, checked against `plan` on the real date `today`."""
    found = ImportFound()
    seen: set[tuple[object, ...]] = {(e.id, e.date, e.status, e.evidence) for e in plan.progress}
    everyone: list[Mapping[str, list[Assignment]]] = []  # all_assignments, worked out once if needed
    for path in paths:
        _read_form(path, plan, today, seen, found, everyone)
    return found


def _read_form(
    path: str,
    plan: Plan,
    today: date,
    seen: set[tuple[object, ...]],
    found: ImportFound,
    everyone: list[Mapping[str, list[Assignment]]],
) -> None:
    label = display_path(path)
    book = _open(path, label, found)
    if book is None:
        return
    try:
        contents = _contents(book, label, plan, found)
    except DamagedSheet:
        found.problems.append(problem("form-file", "damaged").located(label, 0, 0))
        return
    finally:
        book.close()
    if contents is None:
        return
    identity, words, rows = contents
    unit = identity.unit
    if not everyone:
        everyone.append(all_assignments(plan))
    may = {r.item.id: r for r in reportable(plan, unit, everyone[0])}
    for name, r, cells in rows:
        entry = _entry(cells, name, r, label, plan, unit, may, words, today, found)
        if entry is None:
            continue
        key = (entry.id, entry.date, entry.status, entry.evidence)
        if key in seen:
            found.skipped += 1  # already in the log (or earlier in this import): nothing to add
            continue
        seen.add(key)
        found.rows.append(FormRow(replace(entry, note=with_source(entry.note, path)), label, name, r))


# What the log refuses in a text or cannot write, in a file name: control characters, line breaks and
# tabs, invisible characters (bidi overrides, zero-width spaces), and the bytes of a name that are not
# UTF-8 (os.fsdecode's lone surrogates).
_UNRECORDABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff" + INVISIBLE.pattern[1:-1] + "]")


def source_name(path: str) -> str:
    """The form's file name as a log entry records it: as the log reads text (NFC, no-break spaces as
    spaces: a Mac writes names decomposed), with '?' for what the log refuses, and for Greek or
    Cyrillic letters mixed with Latin ones (a look-alike). The name is the office's, not the unit's:
    nothing in it may refuse the unit's row."""
    name = _UNRECORDABLE.sub("?", nfc(os.path.basename(path)))
    return LOOKALIKE_SCRIPTS.sub("?", name) if lookalike(name) is not None else name


def with_source(note: str | None, path: str) -> str:
    """An imported entry's note: the unit's note, then the form's file name in brackets
    ("Đã gửi bản giấy (so-y-te.xlsx)"), or the file name alone. A note written wholly in Greek or
    Cyrillic letters keeps no file name, which would make it a mix the log refuses as a look-alike."""
    name = source_name(path)
    if not note:
        return name
    both = f"{note} ({name})"
    return note if lookalike(both) is not None and lookalike(note) is None else both


Rows = list[tuple[str, int, dict[Column, Any]]]


def _contents(
    book: Any, label: str, plan: Plan, found: ImportFound
) -> tuple[FormIdentity, Words, Rows] | None:
    """What a workbook says: the form's identity as issued, the words it offered, and the rows its
    unit filled (sheet, row, cells); None (and the problems) when it is not a form of this plan as
    issued."""
    identity, words = _identity(book, label, plan, found)
    if identity is None:
        return None
    sheets = []
    rows: Rows = []
    for share, name, _ids in identity.sheets:
        if name not in book.sheetnames:
            found.problems.append(problem("form-identity", "sheet", sheet=name).located(label, 0, 0))
            return None
        ids, filled = _sheet_rows(book[name], name, label, found)
        sheets.append((share, name, tuple(ids)))
        rows += filled
    returned = replace(identity, sheets=tuple(sheets))
    if returned.checksum() != _value(book, KEY_CHECKSUM):
        found.problems.append(
            problem("form-identity", "checksum", unit=identity.unit).at(
                label, (SHEET, IDENTITY_SHEET, KEY_CHECKSUM)
            )
        )
    return identity, words, rows


def _open(path: str, label: str, found: ImportFound) -> Any:
    """The workbook at `path`, read only and bounded; None (and a problem) when it cannot be."""
    try:
        raw = read_regular(path, MAX_BYTES)
    except FileNotFoundError:
        found.problems.append(problem("form-file", "missing").located(label, 0, 0))
        return None
    except (FileKindError, OSError) as exc:
        found.problems.append(problem("form-file", "unreadable", reason=str(exc)).located(label, 0, 0))
        return None
    if len(raw) > MAX_BYTES:
        found.problems.append(problem("form-file", "too-large", size=MAX_BYTES).located(label, 0, 0))
        return None
    if raw.startswith(_OLE_MAGIC) and _ENCRYPTED_PACKAGE in raw:
        found.problems.append(problem("form-file", "encrypted").located(label, 0, 0))
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            refused = _unbounded_part(archive)
        if refused is not None:
            found.problems.append(refused.located(label, 0, 0))
            return None
        # data_only=False: a formula reads as its formula, so that a row can refuse it (_cell_value).
        # External links hold cached copies of other workbooks, read whole: a form has none to read.
        return load_workbook(io.BytesIO(raw), read_only=True, data_only=False, keep_links=False)
    except Exception:  # openpyxl raises many kinds on a file that is not a workbook
        found.problems.append(problem("form-file", "not-xlsx").located(label, 0, 0))
        return None


def part_limit(name: str, role: str | None = None) -> int:
    """How many bytes the part `name` of a form may unpack to; `role`, the content type
    [Content_Types].xml gives it, when it gives one (the smaller bound holds)."""
    by_name = next((limit for pattern, limit in _PART_LIMITS if pattern.fullmatch(name)), OTHER_PART)
    return by_name if role is None else min(by_name, _ROLE_LIMITS.get(role, OTHER_PART))


def _unbounded_part(archive: zipfile.ZipFile) -> Problem | None:
    """The first bound the archive's parts break, before anything of them is read: all of them
    together, each by its name and role, and each part's compression ratio."""
    infos = archive.infolist()
    if sum(info.file_size for info in infos) > MAX_UNPACKED:
        return problem("form-file", "too-large", size=MAX_UNPACKED)
    for info in infos:
        if info.file_size > part_limit(info.filename):
            return problem("form-file", "part-too-large", part=info.filename, limit=part_limit(info.filename))
        if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            return problem("form-file", "part-ratio", part=info.filename, ratio=ratio, limit=MAX_RATIO)
    sizes = {info.filename: info.file_size for info in infos}
    for name, role in _roles(archive, sizes):
        if sizes[name] > part_limit(name, role):
            return problem("form-file", "part-too-large", part=name, limit=part_limit(name, role))
    return None


def _roles(archive: zipfile.ZipFile, sizes: Mapping[str, int]) -> list[tuple[str, str]]:
    """(part, content type) for each part [Content_Types].xml gives a role (itself bounded above),
    read as openpyxl reads it (packaging/manifest.py: the Override elements)."""
    if "[Content_Types].xml" not in sizes:
        return []
    root = fromstring(archive.read("[Content_Types].xml"))
    overrides = ((o.get("PartName") or "", o.get("ContentType") or "") for o in root.findall(_OVERRIDE))
    return [(name[1:], role) for name, role in overrides if name[1:] in sizes]


def _value(book: Any, key: str) -> Any:
    if IDENTITY_SHEET not in book.sheetnames:
        return None
    for row in _rows(book[IDENTITY_SHEET], min_row=1, max_row=64, max_col=2, values_only=True):
        if row and row[0] == key:
            return row[1] if len(row) > 1 else None
    return None


@dataclass(frozen=True, slots=True)
class Words:
    """The statuses a form offered: its words as written (`offered`), and each word or code, folded,
    to its status (`status`)."""

    offered: tuple[str, ...] = ()
    status: dict[str, EntryStatus] = field(default_factory=dict)


def _identity(book: Any, label: str, plan: Plan, found: ImportFound) -> tuple[FormIdentity | None, Words]:
    """The form's identity as it says it was issued, and the words it offered for each status."""
    where = (SHEET, IDENTITY_SHEET)
    if IDENTITY_SHEET not in book.sheetnames or _value(book, KEY_FORM) is None:
        found.problems.append(problem("form-identity", "not-a-form").located(label, 0, 0))
        return None, Words()
    version = _value(book, KEY_FORM)
    if str(version) != str(FORM_VERSION):
        found.problems.append(
            problem("form-identity", "version", version=str(version), expected=str(FORM_VERSION)).at(
                label, where
            )
        )
        return None, Words()
    plan_id = str(_value(book, KEY_PLAN) or "")
    if plan_id != plan.meta.plan_id:
        found.problems.append(
            problem("form-identity", "plan", plan=plan_id, expected=plan.meta.plan_id).at(label, where)
        )
        return None, Words()
    unit = str(_value(book, KEY_UNIT) or "")
    if unit not in plan.registry.units:
        found.problems.append(problem("form-identity", "unit", unit=unit).at(label, where))
        return None, Words()
    try:
        issued = date.fromisoformat(str(_value(book, KEY_ISSUED)))
    except ValueError:
        found.problems.append(problem("form-identity", "checksum", unit=unit).at(label, where))
        return None, Words()
    sheets = tuple(
        (share, str(_value(book, sheet_key(share)) or ""), ()) for share in (Share.OWN, Share.GROUP)
    )
    by_word: dict[str, EntryStatus] = {}
    offered = []
    for status in FORM_STATUSES:
        by_word[fold(str(status))] = status  # the code itself (started, done, note) is always read
        word = _value(book, status_key(status))
        if word:
            by_word[fold(str(word))] = status
            offered.append(str(word))
    words = Words(tuple(offered) or tuple(str(s) for s in FORM_STATUSES), by_word)
    return FormIdentity(plan_id=plan_id, unit=unit, issued=issued, sheets=sheets), words


class Untyped(StrEnum):
    """What a filled cell holds instead of a value the unit typed (the form-row problem's variant)."""

    FORMULA = "formula"  # =1/0, =DATE(2021;6;18), =HYPERLINK(…): its result is Excel's, not typed
    ERROR = "excel-error"  # #DIV/0!, #N/A: an error value, typed or computed


@dataclass(frozen=True, slots=True)
class UntypedCell:
    """A filled cell holding a formula (its text) or an Excel error (its code)."""

    kind: Untyped
    text: str


def _cell_value(cell: Any, column: Column) -> Any:
    """A cell as the import reads it: its value, or in a column the unit fills an UntypedCell. The
    workbook is read with data_only=False, so a formula reads as its formula whether or not a result
    was saved with it (LibreOffice saves =1/0 with its result, #DIV/0!; a generator saves none)."""
    if column in FILLED and cell.data_type == "f":
        return UntypedCell(Untyped.FORMULA, str(getattr(cell.value, "text", cell.value)))
    if column in FILLED and cell.data_type == "e":
        return UntypedCell(Untyped.ERROR, str(cell.value))
    return cell.value.strip() if isinstance(cell.value, str) else cell.value


class DamagedSheet(Exception):
    """openpyxl failed while reading a sheet's rows (it reads them only when asked)."""


def _rows(ws: Worksheet, **bounds: Any) -> Iterator[tuple[Any, ...]]:
    """`ws.iter_rows(**bounds)`, any failure of openpyxl's on the way raised as DamagedSheet (a cell
    past column XFD raises ValueError), so that a failure of tthc's own is never taken for one."""
    rows = ws.iter_rows(**bounds)
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except Exception as exc:  # openpyxl raises many kinds on a damaged sheet
            raise DamagedSheet from exc
        yield row


def _sheet_rows(ws: Worksheet, name: str, label: str, found: ImportFound) -> tuple[list[str], Rows]:
    """The obligation IDs of a sheet's rows, in order, and the rows the unit filled (their cells)."""
    ids: list[str] = []
    filled = []
    columns = list(Column)
    for r, row in enumerate(
        _rows(ws, min_row=FIRST_ROW, max_row=FIRST_ROW + MAX_ROWS, max_col=len(columns)),
        start=FIRST_ROW,
    ):
        cells = {c: _cell_value(row[c.number - 1], c) if c.number - 1 < len(row) else None for c in columns}
        if cells[Column.ID]:
            ids.append(str(cells[Column.ID]))
        if any(cells[c] not in (None, "") for c in FILLED):
            if not cells[Column.ID]:
                found.problems.append(form_problem(problem("form-row", "no-id"), label, name, r, Column.ID))
                continue
            filled.append((name, r, cells))
    return ids, filled


def _entry(
    cells: dict[Column, Any],
    sheet: str,
    r: int,
    label: str,
    plan: Plan,
    unit: str,
    may: dict[str, Reportable],
    words: Words,
    today: date,
    found: ImportFound,
) -> Entry | None:
    """The entry a filled row makes, or None with its problems recorded."""
    before = len(found.problems)

    def bad(column: Column, code: str, variant: str = "", **params: Any) -> None:
        found.problems.append(form_problem(problem(code, variant, **params), label, sheet, r, column))

    untyped = {c for c in FILLED if isinstance(cells[c], UntypedCell)}
    for column in FILLED:
        if isinstance(cell := cells[column], UntypedCell):
            bad(column, "form-row", str(cell.kind), value=cell.text)
    item_id = str(cells[Column.ID])
    if item_id not in plan.by_id:
        bad(Column.ID, "form-row", "unknown-id", id=item_id)
    elif item_id not in may:
        owner = owner_of(plan, plan.by_id[item_id])
        bad(Column.ID, "form-row", "not-unit", id=item_id, unit=unit, owner=owner)
    status = None
    chosen = cells[Column.STATUS]
    if chosen in (None, ""):
        bad(Column.STATUS, "form-row", "no-status")
    elif Column.STATUS not in untyped:
        status = words.status.get(fold(str(chosen)))
        if status is None:
            bad(Column.STATUS, "form-row", "status", value=str(chosen), allowed=words.offered)
    day = None if Column.DATE in untyped else _day(cells[Column.DATE], bad)
    if day is not None and day > today:
        bad(Column.DATE, "form-row", "future", day=day, today=today)
    texts = {}
    for column in (Column.EVIDENCE, Column.NOTE):
        value = cells[column] if column not in untyped else None
        # As the log reads text (loader: NFC, no-break spaces as spaces), or it would not read back.
        text = nfc(str(value)).strip() if value not in (None, "") else None
        if text and (CONTROL.search(text) or INVISIBLE.search(text)):
            bad(column, "form-row", "control")
        texts[column] = text or None
    if len(found.problems) > before or status is None or day is None:
        return None
    return Entry(item_id, day, status, texts[Column.NOTE], texts[Column.EVIDENCE], unit)


def _day(value: Any, bad: Any) -> date | None:
    """A date cell: an Excel date, or text typed D/M/YYYY (or YYYY-MM-DD)."""
    if value in (None, ""):
        bad(Column.DATE, "form-row", "no-date")
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    m = _DMY.match(text)
    parts = (int(m[3]), int(m[2]), int(m[1])) if m else None
    if parts is None and (iso := _ISO.match(text)):
        parts = (int(iso[1]), int(iso[2]), int(iso[3]))
    if parts is None:
        bad(Column.DATE, "form-row", "date", value=text)
        return None
    try:
        return date(*parts)
    except ValueError:
        bad(Column.DATE, "form-row", "impossible-date", value=text)
        return None
