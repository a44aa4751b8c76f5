"""Result rows -> tables in text, Markdown, CSV and JSON. Pure string building; the CLI prints."""

from __future__ import annotations

import csv
import io
import json
import re
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from tthc_cli.domain.accountability import Assignment, UnitFigures
from tthc_cli.domain.calendar import iso_date
from tthc_cli.domain.plan import PlanItem, PlanMeta, Role
from tthc_cli.domain.status import ItemStatus
from tthc_cli.i18n import _, pgettext
from tthc_cli.present.contracts import figures_to_dict, item_to_dict, unit_row_to_dict
from tthc_cli.present.labels import (
    dmy,
    inferred_words,
    item_label,
    item_text,
    period_words,
    role_label,
    status_label,
)
from tthc_cli.textnorm import visible

Cell = str | int | date | None


@dataclass(frozen=True, slots=True)
class Extra:
    """A column added to item rows: `cells` for tables, `data` for JSON/CSV (same order as items)."""

    key: str
    header: str
    cells: list[Cell]
    data: list[Any]


def status_extra(
    items: Sequence[PlanItem], statuses: Mapping[str, ItemStatus], reporter: Sequence[bool] = ()
) -> Extra:
    """Each item's status as a column; where `reporter` is true for a row (a member's view of its
    group's work), who reported the completion too."""
    cells: list[Cell] = []
    data: list[Any] = []
    for n, item in enumerate(items):
        st = statuses[item.id]
        label = status_label(st.status)
        if st.children_total:
            label += " " + _("({done}/{total} sub-items done)").format(
                done=st.children_done, total=st.children_total
            )
        if st.done_by and n < len(reporter) and reporter[n]:
            label += " — " + _("reported by {unit}").format(unit=st.done_by)
        cells.append(label)
        data.append(
            {
                "code": st.status.value,
                "label": status_label(st.status),
                "done_on": iso_date(st.done_on),
                "days_late": st.days_late,
                "children_done": st.children_done,
                "children_total": st.children_total,
                "reported_by": st.done_by,
            }
        )
    return Extra("status", _("Status"), cells, data)


@dataclass(frozen=True, slots=True)
class Table:
    """A table for people. Column 0 is how the document numbers each row ("Mục 3.2", "PL I – 6 (Sở Y
    tế)"). `widths`: characters a column may take before wrapping (None: as needed). For a terminal:
    `one_line`, columns cut to one line (the full text is in `tthc show`); `content`, the column that
    gets the room left (the item's text); `drop`, columns left out, first to last, while the table
    does not fit (named under it); `codes`, each row's status code (colours the status column,
    `status_at`)."""

    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[int | None, ...] = ()
    one_line: tuple[int, ...] = ()
    drop: tuple[int, ...] = ()
    status_at: int | None = None
    codes: tuple[str, ...] = field(default=())
    content: int | None = None
    id_at: int | None = None

    def add(self, column: Extra) -> Table:
        """This table with an extra column (its `cells`); the status column also brings its codes."""
        status = column.key == "status"
        return replace(
            self,
            headers=(*self.headers, column.header),
            rows=tuple((*row, value) for row, value in zip(self.rows, column.cells, strict=True)),
            status_at=len(self.headers) if status else self.status_at,
            codes=tuple(d["code"] for d in column.data) if status else self.codes,
            id_at=len(self.headers) if column.key == "id" else self.id_at,
        )


def id_extra(items: Sequence[PlanItem]) -> Extra:
    """The items' IDs as a column (--ids): what `tthc progress add` is typed with."""
    ids: list[Cell] = [item.id for item in items]
    return Extra("id", _("ID"), ids, ids)


def due_cell(item: PlanItem) -> str:
    """The due date as written, and the effective one beside it, labelled, where a weekend or holiday
    moves it (Bộ luật Dân sự 2015, Art. 148(5)): "31/07/2021 (hạn thực tế 02/08/2021)"."""
    d = item.deadline
    if d.due is None:
        return "—"
    return due_words(d.due, d.effective_due)


def due_words(due: date, effective: date | None) -> str:
    if effective is not None and effective != due:
        return _("{due} (effective due date {effective})").format(due=dmy(due), effective=dmy(effective))
    return dmy(due)


def deadline_text(item: PlanItem, *, basis: bool = True) -> str:
    """The deadline as the plan writes it, and the rule that dates it where the plan leaves it to
    regulation — shown as the regulation's, never as the plan's. In full (`show`) with the rule's basis;
    in a table cell (`basis=False`) the rule's phrase and, if it is assumed, that it is."""
    text = item.deadline.text or _("(none stated)")
    rule = item.regulation
    if rule and basis:
        text += " [" + _("regulation: {rule} — {basis}").format(rule=rule.text, basis=rule.basis) + "]"
    elif rule:
        said = _("regulation: {rule}").format(rule=rule.text)
        text += " [" + (_("{rule}, assumed").format(rule=said) if rule.assumed else said) + "]"
    return text + (f" [{_('tentative')}]" if item.deadline.tentative else "")


def _names(names: Sequence[str]) -> str:
    return "; ".join(names)


def item_table(
    items: Sequence[PlanItem],
    meta: PlanMeta,
    *,
    extra: Sequence[Extra] = (),
    labels: Mapping[str, str] | None = None,
    ids: bool = False,
) -> Table:
    """Items as people read them: the document's numbering first, then what, who, when. `labels`:
    the kind labels of the plan (labels.kind_labels); without them, the kind codes. `ids`: a last
    column with each item's ID (for `tthc progress add`)."""
    labels = labels or {}
    headers = (
        pgettext("column", "Item no."),
        _("Kind"),
        _("Item"),
        _("Lead"),
        _("Coordinating / unit"),
        _("Deadline"),
        _("Due"),
    )
    rows: list[tuple[Cell, ...]] = []
    for item in items:
        other = item.unit if item.unit_role is Role.INSPECTED else _names(item.support)
        rows.append(
            (
                item_label(item, meta),
                labels.get(item.kind_code, item.kind_code),
                item_text(item),
                _names(item.lead),
                other,
                deadline_text(item, basis=False),
                due_cell(item),
            )
        )
    # On a narrow terminal: the kind (the numbering says it), the phrase (the date stays), the
    # coordinators go; then the texts shrink and wrap, so that who leads stays beside when and the
    # status — overdue (days late) gives up the due date first, which its days late say. Only on a
    # terminal too narrow for those does the item's text go, and the lead last.
    late = any(column.key == "days_late" for column in extra)
    drop = (1, 5, 4, 6, SHRINK, 2, 3) if late else (1, 5, 4, SHRINK, 2, 3)
    widths = (LABEL_WIDTH, 14, 60, 24, 24, 22, 14) + (16,) * len(extra)
    table = Table(headers, tuple(rows), widths, one_line=(2,), drop=drop, content=2)
    for column in extra:
        table = table.add(column)
    return table.add(id_extra(items)) if ids else table


def unit_table(
    rows: Sequence[Assignment],
    meta: PlanMeta,
    statuses: Mapping[str, ItemStatus] | None = None,
    *,
    ids: bool = False,
) -> Table:
    """What one unit owes, a row per item: the document's numbering (a share of the unit's own
    without its name: the table is the unit's), its role, the group it comes through."""
    headers = (
        pgettext("column", "Item no."),
        _("Role"),
        _("Through group"),
        _("Item"),
        _("Details"),
        _("Deadline"),
        _("Due"),
    )
    out: list[tuple[Cell, ...]] = []
    for r in rows:
        item = r.item
        if item.domains:
            detail = _("Domains") + ": " + "; ".join(item.domains)
        elif item.block is not None:
            detail = f"{_('Block')} {item.block}" + (f" — {item.note}" if item.note else "")
        elif item.note is not None:
            detail = item.note
        else:
            detail = item.deliverable or ""
        out.append(
            (
                item_label(item, meta, unit=False, whose=False),
                role_label(r.role),
                (r.via or "") + (f" ({inferred_words(r.basis)})" if r.basis else ""),
                item_text(item),
                detail,
                deadline_text(item, basis=False),
                due_cell(item),
            )
        )
    # On a narrow terminal: the details and the phrase go, then the texts shrink and wrap; the group
    # the item comes through goes only if that is not enough (at 80 columns), before the role.
    table = Table(
        headers,
        tuple(out),
        (LABEL_WIDTH, 14, 26, 60, 30, 22, 14),
        one_line=(3, 4),
        drop=(4, 5, SHRINK, 2, 1),
        content=3,
    )
    if statuses is not None:
        table = table.add(status_extra([r.item for r in rows], statuses, [r.via is not None for r in rows]))
    return table.add(id_extra([r.item for r in rows])) if ids else table


def obligation_table(
    items: Sequence[PlanItem], meta: PlanMeta, statuses: Mapping[str, ItemStatus], *, ids: bool = False
) -> Table:
    """Obligations of one item (one per unit and/or period): who, which period, when, where it stands."""
    periods = any(item.period for item in items)  # the column only where the item recurs
    headers = (pgettext("column", "Item no."), _("Unit"), *((_("Period"),) if periods else ()), _("Due"))
    rows = tuple(
        (
            item_label(item, meta),
            item.unit or _names(item.lead),
            *((period_words(item.period) if item.period else "",) if periods else ()),
            due_cell(item),
        )
        for item in items
    )
    widths = (LABEL_WIDTH, 40, *((20,) if periods else ()), 14)
    # Who has not delivered is the answer: the period goes first (each row's numbering says it), then
    # the texts shrink; the unit's column goes last (the numbering names the unit of a unit's share).
    drop = (2, SHRINK, 1) if periods else (SHRINK, 1)
    table = Table(headers, rows, widths, drop=drop, content=1).add(status_extra(items, statuses))
    return table.add(id_extra(items)) if ids else table


# --- plain-text tables -------------------------------------------------------------------------------


LABEL_WIDTH = 20  # the document's numbering: "PL I – 6 (Sở Y tế)"; an obligation's longer label wraps
LABEL_NARROW = 18  # the numbering once the texts give up their room (SHRINK): "PL I – 6 (Sở Y tế)" whole
NARROW_TEXT = 16  # the item's text then (cut to two lines on a terminal, `tthc show` has it whole)
ID_WIDTH = 24  # longer IDs (an obligation's: task:5/so-tu-phap/2021-Q2) wrap rather than crowd out the rest
MIN_TEXT = 18  # a column cut to one line keeps at least this much of its text
SHRINK = -1  # a step of Table.drop: from here on the item's text gives up its room (CONTENT_ROOM) first
CONTENT_ROOM = 36  # columns are left out (in the table's order) until the item's text has this much
SHORT_COLUMN = 16  # a date, a status word, a unit's name on two lines
KEPT_COLUMN = 14  # while deciding which columns a width can show: "Chưa đến hạn" on one line
PLAIN_WIDTH = 160  # a plain table's width when nothing says otherwise (a pipe without COLUMNS)


@dataclass(frozen=True, slots=True)
class Fit:
    """The columns shown at a width and the width of each (in column order), and those left out."""

    sizes: dict[int, int]
    dropped: tuple[int, ...]


def _cell_texts(table: Table) -> list[list[str]]:
    return [[visible(_text(c)) for c in row] for row in table.rows]


def fit_columns(table: Table, width: int) -> Fit:
    """The columns shown `width` characters wide and the width of each. Each column's least useful
    width: the numbering LABEL_WIDTH (longer labels wrap), the ID ID_WIDTH, the item's text
    CONTENT_ROOM while deciding what to leave out and MIN_TEXT after, another one-line text MIN_TEXT,
    other text its longest word (at most 16: a date stays whole). `table.drop` is taken step by step
    while the table does not fit (borders and padding included): a column is left out, or, at SHRINK,
    the texts give up their room instead — from there on the numbering counts LABEL_NARROW, the item's
    text NARROW_TEXT and every other column its longest word, so that who and when stay on the screen
    and the text wraps. What is left goes to the item's text up to CONTENT_ROOM, to short columns up
    to 16 (status words and dates on one line), to the item's text again, then to the others up to
    `table.widths`; once shrunk, first to the short columns (a unit's name on fewer lines) and to the
    numbering (back to LABEL_WIDTH)."""
    least = _LeastWidths.of(table)
    shown, shrunk = _columns_shown(table, width, least)
    sizes = {i: least(i, shrunk=shrunk) for i in shown}
    _share_room(table, least.natural, sizes, width - 3 * len(shown) - 1 - sum(sizes.values()), shrunk)
    return Fit(sizes, tuple(i for i in range(len(table.headers)) if i not in sizes))


@dataclass(frozen=True, slots=True)
class _LeastWidths:
    """Each column's least useful width (fit_columns), while deciding what to leave out or after."""

    table: Table
    texts: list[list[str]]
    natural: list[int]  # each column's longest cell, header included

    @classmethod
    def of(cls, table: Table) -> _LeastWidths:
        texts, headers = _cell_texts(table), table.headers
        natural = [max([len(headers[i])] + [len(r[i]) for r in texts]) for i in range(len(headers))]
        return cls(table, texts, natural)

    def __call__(self, i: int, *, shrunk: bool, deciding: bool = False) -> int:
        table = self.table
        whole = self.natural[i]
        deciding = deciding and not shrunk
        if i == 0:
            return min(whole, LABEL_NARROW if shrunk else LABEL_WIDTH)
        if i == table.id_at:
            return min(whole, ID_WIDTH)
        if i == table.content:
            return min(whole, CONTENT_ROOM if deciding else NARROW_TEXT if shrunk else MIN_TEXT)
        if i in table.one_line:
            return min(whole, MIN_TEXT)
        if deciding:  # a column kept must read comfortably: a group's name on two or three lines
            return min(whole, KEPT_COLUMN)
        longest = max([len(w) for r in self.texts for w in r[i].split()] or [0])
        return min(whole, max(min(longest, SHORT_COLUMN), min(len(table.headers[i]), 12), 4))


def _columns_shown(table: Table, width: int, least: _LeastWidths) -> tuple[list[int], bool]:
    """The columns kept at `width`, `table.drop` taken step by step until the table fits, and
    whether the texts gave up their room (SHRINK) on the way."""
    shown, shrunk = list(range(len(table.headers))), False
    for step in table.drop:
        needed = sum(least(j, shrunk=shrunk, deciding=True) for j in shown)
        if needed + 3 * len(shown) + 1 <= width:
            break
        if step == SHRINK:
            shrunk = True
        elif step in shown:
            shown.remove(step)
    return shown, shrunk


def _share_room(table: Table, natural: list[int], sizes: dict[int, int], room: int, shrunk: bool) -> None:
    """Give the `room` left over to the columns of `sizes`, in fit_columns' order of need."""
    caps = list(table.widths) + [None] * (len(natural) - len(table.widths))

    def capped(i: int) -> int:
        return min(natural[i], caps[i] or natural[i])

    shown = list(sizes)
    first = [(i, min(natural[i], CONTENT_ROOM)) for i in shown if i == table.content]
    short = [(i, min(capped(i), 16)) for i in shown if i != table.content]
    if shrunk:  # who and when first (a unit's name on fewer lines), then the numbering back to whole
        short = [(i, w) for i, w in short if i != 0] + [(0, min(natural[0], LABEL_WIDTH))] * (0 in shown)
    content = [(i, capped(i)) for i in shown if i == table.content]
    others = [(i, capped(i)) for i in shown if i != table.content]
    texts_rest = [(i, natural[i]) for i in shown if i in table.one_line]
    for i, target in (short + first if shrunk else first + short) + content + others + texts_rest:
        grow = max(0, min(room, target - sizes[i]))
        sizes[i] += grow
        room -= grow


def dropped_note(table: Table, fit: Fit, width: int) -> str | None:
    """The one line under a table that lost columns for width, naming them (and, where the line has
    room, how to see them)."""
    if not fit.dropped:
        return None
    columns = ", ".join(table.headers[i] for i in fit.dropped)
    line = _("Columns hidden: {columns} — widen the window or use --format md").format(columns=columns)
    if len(line) <= width:
        return line
    return _("Columns hidden: {columns}").format(columns=columns)


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for part in text.split("\n"):
        lines += textwrap.wrap(part, width, break_long_words=True, break_on_hyphens=False) or [""]
    return lines


def format_table(table: Table, *, width: int = PLAIN_WIDTH) -> str:
    """An ASCII table that survives any pipe, file or email, without colour (a terminal gets the rich
    table, console.py), `width` characters wide at most: columns are chosen as on a terminal
    (fit_columns), long text wraps inside its column, and the columns left out are named under it."""
    texts = _cell_texts(table)
    fit = fit_columns(table, width)
    columns = list(fit.sizes)
    widths = [fit.sizes[i] for i in columns]
    rule = "+" + "+".join("-" * (w + 2) for w in widths) + "+"

    def render(cells: Sequence[str]) -> list[str]:
        wrapped = [_wrap(cells[i], fit.sizes[i]) for i in columns]
        height = max(len(w) for w in wrapped)
        lines = []
        for k in range(height):
            parts = [
                (w[k] if k < len(w) else "").ljust(size) for w, size in zip(wrapped, widths, strict=True)
            ]
            lines.append("| " + " | ".join(parts) + " |")
        return lines

    out = [rule, *render(table.headers), rule]
    for row in texts:
        out += render(row)
    out.append(rule)
    remark = dropped_note(table, fit, width)
    if remark:
        out.append(remark)
    return "\n".join(out) + "\n"


# --- formats --------------------------------------------------------------------------------------


def _text(cell: Cell, *, iso: bool = False) -> str:
    if cell is None:
        return ""
    if isinstance(cell, date):
        return cell.isoformat() if iso else dmy(cell)
    return str(cell)


def markdown_cell(text: str, limit: int | None = None) -> str:
    """Text that cannot break a Markdown table or turn into markup: one line, no raw HTML, pipes,
    emphasis and strike-through characters escaped, bare addresses not turned into links (GFM). With
    `limit`, long text is cut at a word and marked with '…'."""
    text = " ".join(str(text).split())
    if limit is not None and len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + " …"
    for ch, rep in (
        ("\\", "\\\\"),
        ("|", "\\|"),
        ("<", "&lt;"),
        (">", "&gt;"),
        ("*", "\\*"),
        ("_", "\\_"),
        ("`", "\\`"),
        ("[", "\\["),
        ("]", "\\]"),
        ("~", "\\~"),  # ~~x~~ is struck through under GFM
    ):
        text = text.replace(ch, rep)
    # GFM links bare addresses (https://…, www.…): an escaped character breaks the pattern.
    return _AUTOLINK.sub(lambda m: m.group(0)[:-1] + "\\" + m.group(0)[-1], text)


_AUTOLINK = re.compile(r"(?i)(?:\b(?:https?|ftp)(?=://)|\bwww(?=\.))[:.]?")


def to_markdown(table: Table) -> str:
    lines = [
        "| " + " | ".join(markdown_cell(h) for h in table.headers) + " |",
        "|" + "|".join("---" for _ in table.headers) + "|",
    ]
    lines += ["| " + " | ".join(markdown_cell(_text(c)) for c in row) + " |" for row in table.rows]
    return "\n".join(lines) + "\n"


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(text: str) -> str:
    """Excel runs a cell that starts with = + - @ (or tab/CR) as a formula: make it text."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> str:
    """The CSV for tools: column codes as headers (the same in every language), IDs and codes, ISO
    dates, UTF-8 without a BOM (RFC 4180). People open `csv-excel` (spreadsheet.py) instead. A cell
    that would run as a formula is still made text: such a file is opened by hand sooner or later."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([csv_cell(_text(c, iso=True)) for c in row])
    return buf.getvalue()


# The status columns of every CSV (list, due, overdue, upcoming, unit, export): one declaration.
STATUS_CSV_COLUMNS = ("status", "status_label", "done_on", "days_late", "children_done", "children_total")


def _csv_columns(extra: Sequence[Extra]) -> list[tuple[str, list[Cell]]]:
    """Extra columns as CSV (header, values): the status column spreads into STATUS_CSV_COLUMNS; a
    column repeating one already there (overdue's days_late) is left out."""
    out: list[tuple[str, list[Cell]]] = []
    for column in extra:
        if column.key == "status":
            fields = {"status": "code", "status_label": "label"}
            for key in STATUS_CSV_COLUMNS:
                out.append((key, [d[fields.get(key, key)] for d in column.data]))
        elif column.key not in {key for key, _ in out}:
            out.append((column.key, list(column.data)))
    return out


def items_csv(items: Sequence[PlanItem], extra: Sequence[Extra] = ()) -> str:
    columns = _csv_columns(extra)
    headers = [
        "id",
        "kind",
        "title",
        "lead",
        "support",
        "unit",
        "deadline_text",
        "deadline_kind",
        "start",
        "due",
        "effective_due",
        "tentative",
        *(key for key, _ in columns),
    ]
    rows: list[list[Cell]] = []
    for n, item in enumerate(items):
        d = item.deadline
        rows.append(
            [
                item.id,
                item.kind_code,
                item.title,
                _names(item.lead),
                _names(item.support),
                item.unit,
                d.text,
                d.kind.value,
                d.start,
                d.due,
                d.effective_due,
                str(d.tentative).lower(),
                *(values[n] for _, values in columns),
            ]
        )
    return to_csv(headers, rows)


def unit_csv(rows: Sequence[Assignment], statuses: Mapping[str, ItemStatus] | None = None) -> str:
    def column(key: str, values: list[Cell]) -> Extra:
        return Extra(key, key, values, values)

    extra = [
        column("role", [r.role for r in rows]),
        column("via", [r.via for r in rows]),
        column("definite", [str(r.definite).lower() for r in rows]),
        column("own", [str(r.own).lower() for r in rows]),
    ]
    if statuses is not None:  # first, where every other CSV has it
        extra.insert(0, status_extra([r.item for r in rows], statuses))
    return items_csv([r.item for r in rows], extra)


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def items_data(items: Sequence[PlanItem], extra: Sequence[Extra] = ()) -> list[dict[str, Any]]:
    """Items as the JSON item contract, each with the extra columns' values under their keys."""
    out = []
    for n, item in enumerate(items):
        d = item_to_dict(item)
        for column in extra:
            d[column.key] = column.data[n]
        out.append(d)
    return out


def unit_data(
    unit: str,
    rows: Sequence[Assignment],
    statuses: Mapping[str, ItemStatus],
    figures: UnitFigures | None,
    as_of: date,
) -> dict[str, Any]:
    """What a unit owes, for scripts: its figures (None for a group) and every row with its status."""
    out = []
    column = status_extra([r.item for r in rows], statuses)
    for n, row in enumerate(rows):
        d = unit_row_to_dict(row)
        d["status"] = column.data[n]
        out.append(d)
    return {"unit": unit, "as_of": as_of.isoformat(), "figures": figures_to_dict(figures), "items": out}
