"""The counts CSV (`tthc report --counts FILE.csv`): the one-stop system's numbers for a period, read
and checked row by row. Every problem is located at the file's own line and the column's header
code; a file with any error yields no table (nothing is written from half a file)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol

from tthc_cli.domain.counts import (
    COLUMNS,
    FIELD,
    LABEL_COLUMNS,
    LEVEL,
    MAX_COUNT,
    NUMBER_COLUMNS,
    UNIT,
    CountsRow,
    CountsTable,
    Level,
    arithmetic_problems,
)
from tthc_cli.domain.problems import Problem, problem, warning
from tthc_cli.domain.suggest import nearest
from tthc_cli.domain.units import Registry, fold
from tthc_cli.fsutil import read_regular
from tthc_cli.textnorm import CONTROL, typed, whole_number

MAX_BYTES = 2 * 1024 * 1024  # a province's form is a few dozen rows; 2 MB is thousands
MAX_ROWS = 5000

# A level as people write it, folded: the code, or the words of the form's groups.
LEVEL_WORDS = {
    Level.PROVINCE: ("tinh", "cap tinh", "so ban nganh", "so, ban, nganh"),
    Level.DISTRICT: ("huyen", "cap huyen", "huyen thi xa thanh pho", "huyen, thi xa, thanh pho"),
    Level.COMMUNE: ("xa", "cap xa", "xa phuong thi tran", "xa, phuong, thi tran"),
}
_LEVELS = {fold(word): level for level, words in LEVEL_WORDS.items() for word in words}


def read_counts_file(
    path: str, registry: Registry, domains: Iterable[str] = ()
) -> tuple[CountsTable | None, list[Problem]]:
    """Read `path` (raises OSError or fsutil.FileKindError when it cannot be read at all)."""
    raw = read_regular(path, MAX_BYTES)
    if len(raw) > MAX_BYTES:
        return None, [problem("counts-file", "too-large", size=MAX_BYTES).at(path)]
    return read_counts(raw, path, registry, domains)


def read_counts(
    raw: bytes, source: str, registry: Registry, domains: Iterable[str] = ()
) -> tuple[CountsTable | None, list[Problem]]:
    """The table and every problem; the table is None when any problem is an error."""
    try:
        text = raw.decode("utf-8-sig")  # Excel's "CSV UTF-8" starts with a byte-order mark
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [_at(problem("counts-file", "not-utf8", offset=exc.start), source, line)]
    first = text.split("\n", 1)[0]
    # Excel in a Vietnamese locale (decimal comma) separates fields with ';'.
    delimiter = ";" if ";" in first and "," not in first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header_row = next(reader, None)
    except csv.Error as exc:
        return None, [_at(_syntax(exc), source, 1)]
    if header_row is None or not any(cell.strip() for cell in header_row):
        return None, [_at(problem("counts-file", "empty"), source, 1)]
    header, header_problems = _header(header_row)
    if header_problems:
        return None, [_at(p, source, 1) for p in header_problems]
    rows, found = _rows(reader, header, source, registry, {fold(d): d for d in domains})
    if any(p.is_error for p in found):
        return None, found
    present = set(header)
    table = CountsTable(source, tuple(rows), UNIT in present, LEVEL in present, FIELD in present)
    return table, found


def _syntax(exc: csv.Error) -> Problem:
    """What the csv module could not read, said without its English: a quote not closed, text after a
    closing quote, a cell past the module's size limit."""
    detail = str(exc)
    variant = (
        "syntax-quote"
        if "expected after" in detail
        else "syntax-end"
        if "end of data" in detail
        else "syntax-large"
        if "field limit" in detail
        else "syntax"
    )
    return problem("counts-file", variant)


class _Reader(Protocol):
    """csv.reader's result as _rows uses it: rows, and the line the last one ended on."""

    line_num: int

    def __iter__(self) -> Iterator[list[str]]: ...

    def __next__(self) -> list[str]: ...


def _rows(
    reader: _Reader, header: list[str], source: str, registry: Registry, known: dict[str, str]
) -> tuple[list[CountsRow], list[Problem]]:
    """The rows under the header, each checked; a row the same unit, level and field had already
    given is a duplicate."""
    found: list[Problem] = []
    rows: list[CountsRow] = []
    seen: dict[tuple[str | None, str | None, str | None], int] = {}
    previous_end = reader.line_num
    while True:
        try:
            cells = next(reader, None)
        except csv.Error as exc:
            found.append(_at(_syntax(exc), source, reader.line_num))
            break
        if cells is None:
            break
        line, previous_end = previous_end + 1, reader.line_num
        if not any(cell.strip() for cell in cells):
            continue  # a blank line, or a row of empty cells Excel leaves below a table
        if len(rows) >= MAX_ROWS:
            found.append(_at(problem("counts-file", "too-many-rows", limit=MAX_ROWS), source, line))
            break
        row, row_problems = _row(header, cells, line, registry, known)
        found += [_at(p, source, line) for p in row_problems]
        if row is None:
            continue
        key = (row.unit, row.level, fold(row.field) if row.field else None)
        if key in seen:
            found.append(_at(problem("counts-duplicate", first=seen[key]), source, line))
        else:
            seen[key] = line
        rows.append(row)
    if not rows and not found:
        found.append(_at(problem("counts-file", "no-rows"), source, previous_end))
    return rows, found


def _at(p: Problem, source: str, line: int) -> Problem:
    return p.located(source, line, 0) if p.file == "" else p


def _header(cells: Sequence[str]) -> tuple[list[str], list[Problem]]:
    codes = [typed(c).lower() for c in cells]
    while codes and codes[-1] == "":  # trailing separators
        codes.pop()
    found = []
    for code in codes:
        if code not in COLUMNS:
            found.append(
                problem(
                    "counts-header",
                    "unknown",
                    name=code,
                    suggestions=tuple(nearest(code, COLUMNS)),
                ).at("", (code,))
            )
    for code in dict.fromkeys(c for c in codes if codes.count(c) > 1):
        found.append(problem("counts-header", "duplicate", name=code).at("", (code,)))
    missing = tuple(c for c in NUMBER_COLUMNS if c not in codes)
    if missing:
        found.append(problem("counts-header", "missing", columns=missing))
    if not any(c in codes for c in LABEL_COLUMNS):
        found.append(problem("counts-header", "no-label", columns=LABEL_COLUMNS))
    return codes, found


def _number(text: str) -> tuple[int | None, str]:
    """The cell's whole number, or None and why not ('empty', 'negative', 'not-whole', 'too-large')."""
    cell = text.strip()
    if not cell:
        return None, "empty"
    if cell.isascii() and cell.isdigit():
        value = whole_number(cell, MAX_COUNT)
        return (value, "") if value is not None else (None, "too-large")
    if cell.startswith("-") and cell[1:].strip().isascii() and cell[1:].strip().isdigit():
        return None, "negative"
    return None, "not-whole"


def _row(
    header: list[str], cells: list[str], line: int, registry: Registry, domains: dict[str, str]
) -> tuple[CountsRow | None, list[Problem]]:
    extra = cells[len(header) :]
    if len(cells) < len(header) or any(c.strip() for c in extra):
        return None, [problem("counts-cells", expected=len(header), got=len(cells))]
    values = dict(zip(header, cells, strict=False))
    numbers, found = _numbers(values)
    labels: dict[str, str] = {}
    for column in LABEL_COLUMNS:
        text = typed(values.get(column, ""))
        if CONTROL.search(text):
            found.append(problem("counts-text").at("", (column,)))
        elif text:
            labels[column] = " ".join(text.split())
    if not labels:
        found.append(problem("counts-label", columns=tuple(c for c in LABEL_COLUMNS if c in header)))
    unit = _unit(labels.get(UNIT), registry, found)
    level = None
    if LEVEL in labels:
        level = _LEVELS.get(fold(labels[LEVEL]))
        if level is None:
            found.append(problem("counts-level", value=labels[LEVEL], levels=tuple(Level)).at("", (LEVEL,)))
    field = labels.get(FIELD)
    if field is not None and domains and fold(field) not in domains:
        # The one-stop system's list of fields is wider than the plan's review list (Phụ lục I): a field
        # the plan does not name is reported for a second look, never refused.
        close = tuple(nearest(fold(field), domains))
        found.append(
            warning("counts-field", name=field, suggestions=tuple(domains[k] for k in close)).at("", (FIELD,))
        )
    if len(numbers) == len(NUMBER_COLUMNS):
        found += arithmetic_problems(numbers)
    if any(p.is_error for p in found):
        return None, found
    ordered = tuple((c, numbers[c]) for c in NUMBER_COLUMNS)
    return CountsRow(line=line, unit=unit, level=level, field=field, numbers=ordered), found


def _numbers(values: dict[str, str]) -> tuple[dict[str, int], list[Problem]]:
    """The row's counts, and a problem for each cell that is not a whole number."""
    numbers: dict[str, int] = {}
    found: list[Problem] = []
    for column in NUMBER_COLUMNS:
        value, why = _number(values[column])
        if value is None:
            found.append(problem("counts-number", why, value=values[column].strip()).at("", (column,)))
        else:
            numbers[column] = value
    return numbers, found


def _unit(name: str | None, registry: Registry, found: list[Problem]) -> str | None:
    """The registered unit the row names (a group counts nothing of its own), else None with why."""
    if name is None:
        return None
    look = registry.lookup(name)
    if look.name is None:
        suggestions = look.candidates or look.suggestions
        found.append(problem("counts-unit", name=name, suggestions=suggestions).at("", (UNIT,)))
        return None
    if registry.is_group(look.name):
        found.append(problem("counts-unit", "group", name=look.name).at("", (UNIT,)))
        return None
    return look.name
