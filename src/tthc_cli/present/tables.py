"""Result rows -> tables in text, Markdown, CSV and JSON. Pure string building; the CLI prints."""

from __future__ import annotations

import csv
import io
import json
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tthc_cli.domain.accountability import Assignment, UnitFigures
from tthc_cli.domain.calendar import iso_date
from tthc_cli.domain.plan import PlanItem, Role
from tthc_cli.domain.status import ItemStatus
from tthc_cli.i18n import _
from tthc_cli.present.contracts import figures_to_dict, item_to_dict, unit_row_to_dict
from tthc_cli.present.labels import csv_header, inferred_words, role_label, status_label
from tthc_cli.textnorm import visible

Cell = str | int | date | None


@dataclass(frozen=True, slots=True)
class Extra:
    """A column added to item rows: `cells` for tables, `data` for JSON/CSV (same order as items)."""

    key: str
    header: str
    cells: list[Cell]
    data: list[Any]


def status_extra(items: Sequence[PlanItem], statuses: Mapping[str, ItemStatus]) -> Extra:
    cells: list[Cell] = []
    data: list[Any] = []
    for item in items:
        st = statuses[item.id]
        label = status_label(st.status)
        if st.children_total:
            label += " " + _("({done}/{total} sub-items done)").format(
                done=st.children_done, total=st.children_total
            )
        cells.append(label)
        data.append(
            {
                "code": st.status.value,
                "label": status_label(st.status),
                "done_on": iso_date(st.done_on),
                "days_late": st.days_late,
                "children_done": st.children_done,
                "children_total": st.children_total,
            }
        )
    return Extra("status", _("Status"), cells, data)


@dataclass(frozen=True, slots=True)
class Table:
    """`widths`: characters a column may take before wrapping (None: as needed). For a terminal:
    `one_line`, columns cut to one line (the full text is in `tthc show`); `drop`, columns left out,
    first to last, while the table does not fit; `codes`, each row's status code (colours the status
    column, `status_at`)."""

    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[int | None, ...] = ()
    one_line: tuple[int, ...] = ()
    drop: tuple[int, ...] = ()
    status_at: int | None = None
    codes: tuple[str, ...] = field(default=())

    def add(self, column: Extra) -> Table:
        """This table with an extra column (its `cells`); the status column also brings its codes."""
        status = column.key == "status"
        return Table(
            (*self.headers, column.header),
            tuple((*row, value) for row, value in zip(self.rows, column.cells, strict=True)),
            self.widths,
            self.one_line,
            self.drop,
            len(self.headers) if status else self.status_at,
            tuple(d["code"] for d in column.data) if status else self.codes,
        )


def dmy(d: date | None) -> str:
    return d.strftime("%d/%m/%Y") if d else ""


def due_cell(item: PlanItem) -> str:
    """Nominal due date, and the effective one where a weekend or holiday moves it."""
    d = item.deadline
    if d.due is None:
        return "—"
    text = dmy(d.due)
    if d.effective_due and d.effective_due != d.due:
        text += f" (→ {dmy(d.effective_due)})"
    return text


def deadline_text(item: PlanItem) -> str:
    text = item.deadline.text or _("(none stated)")
    if item.regulation:
        # The office's rule for "theo quy định": shown as the regulation's, never as the plan's.
        text += (
            " ["
            + _("regulation: {rule} — {basis}").format(rule=item.regulation[0], basis=item.regulation[1])
            + "]"
        )
    return text + (f" [{_('tentative')}]" if item.deadline.tentative else "")


def _names(names: Sequence[str]) -> str:
    return "; ".join(names)


def item_table(
    items: Sequence[PlanItem], *, extra: Sequence[Extra] = (), labels: Mapping[str, str] | None = None
) -> Table:
    """`labels`: the kind labels of the plan the items come from (labels.kind_labels); without
    them, the kind codes."""
    labels = labels or {}
    headers = (_("ID"), _("Kind"), _("Item"), _("Lead"), _("Coordinating / unit"), _("Deadline"), _("Due"))
    rows: list[tuple[Cell, ...]] = []
    for item in items:
        other = item.unit if item.unit_role is Role.INSPECTED else _names(item.support)
        rows.append(
            (
                item.id,
                labels.get(item.kind_code, item.kind_code),
                item.title,
                _names(item.lead),
                other,
                deadline_text(item),
                due_cell(item),
            )
        )
    # On a narrow terminal: kind (the ID says it), then the phrase (the date stays), then coordinators go.
    widths = (15, 14, 48, 24, 24, 22, 14) + (16,) * len(extra)
    table = Table(headers, tuple(rows), widths, one_line=(2,), drop=(1, 5, 4, 3))
    for column in extra:
        table = table.add(column)
    return table


def unit_table(rows: Sequence[Assignment], statuses: Mapping[str, ItemStatus] | None = None) -> Table:
    headers = (_("ID"), _("Role"), _("Through group"), _("Item"), _("Details"), _("Deadline"), _("Due"))
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
                item.id,
                role_label(r.role),
                (r.via or "") + (f" ({inferred_words(r.basis)})" if r.basis else ""),
                item.title,
                detail,
                deadline_text(item),
                due_cell(item),
            )
        )
    table = Table(headers, tuple(out), (14, 12, 26, 44, 30, 22, 14), one_line=(3, 4), drop=(4, 5, 2))
    if statuses is not None:
        table = table.add(status_extra([r.item for r in rows], statuses))
    return table


def obligation_table(items: Sequence[PlanItem], statuses: Mapping[str, ItemStatus]) -> Table:
    """Obligations of one item (one per unit and/or period): who, which period, when, where it stands."""
    headers = (_("ID"), _("Unit"), _("Period"), _("Due"))
    rows = tuple(
        (item.id, item.unit or _names(item.lead), item.period or "", due_cell(item)) for item in items
    )
    return Table(headers, rows, (34, 40, 12, 14)).add(status_extra(items, statuses))


# --- plain-text tables -------------------------------------------------------------------------------


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for part in text.split("\n"):
        lines += textwrap.wrap(part, width, break_long_words=True, break_on_hyphens=False) or [""]
    return lines


def format_table(table: Table, *, width: int = 160) -> str:
    """An ASCII table that survives any pipe, file or email, without colour (a terminal gets the rich
    table, console.py): long text wraps inside its column; the ID column (what people copy into the
    next command) never wraps."""
    texts = [[visible(_text(c)) for c in row] for row in table.rows]
    n = len(table.headers)
    limits = list(table.widths) + [None] * (n - len(table.widths))
    natural = [max([len(table.headers[i])] + [len(r[i]) for r in texts]) for i in range(n)]
    widths = [natural[0]] + [min(natural[i], limits[i] or natural[i]) for i in range(1, n)]
    # A column never shrinks below its longest word (a date such as 31/05/2021 must not break).
    longest = [max([len(w) for r in texts for w in r[i].split()] or [0]) for i in range(n)]
    floors = [natural[0]] + [
        min(natural[i], max(len(table.headers[i]), min(longest[i], 24), 6)) for i in range(1, n)
    ]
    while sum(widths) + 3 * n + 1 > width:
        shrinkable = [i for i in range(1, n) if widths[i] > floors[i]]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda i: widths[i])
        widths[widest] -= 1
    rule = "+" + "+".join("-" * (w + 2) for w in widths) + "+"

    def render(cells: Sequence[str]) -> list[str]:
        wrapped = [_wrap(cell, widths[i]) for i, cell in enumerate(cells)]
        height = max(len(w) for w in wrapped)
        lines = []
        for k in range(height):
            parts = []
            for i, w in enumerate(wrapped):
                piece = w[k] if k < len(w) else ""
                parts.append(piece.ljust(widths[i]))
            lines.append("| " + " | ".join(parts) + " |")
        return lines

    out = [rule, *render(table.headers), rule]
    for row in texts:
        out += render(row)
    out.append(rule)
    return "\n".join(out) + "\n"


# --- formats --------------------------------------------------------------------------------------


def _text(cell: Cell, *, iso: bool = False) -> str:
    if cell is None:
        return ""
    if isinstance(cell, date):
        return cell.isoformat() if iso else dmy(cell)
    return str(cell)


def markdown_cell(text: str, limit: int | None = None) -> str:
    """Text that cannot break a Markdown table or turn into markup: one line, no raw HTML, pipes and
    emphasis characters escaped. With `limit`, long text is cut at a word and marked with '…'."""
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
    ):
        text = text.replace(ch, rep)
    return text


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
    """UTF-8 with a BOM so Excel shows Vietnamese correctly; ISO dates."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([csv_cell(csv_header(h)) for h in headers])
    for row in rows:
        writer.writerow([csv_cell(_text(c, iso=True)) for c in row])
    return "\ufeff" + buf.getvalue()


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
