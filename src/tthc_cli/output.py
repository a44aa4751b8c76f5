"""Result rows -> tables in text, Markdown, CSV and JSON. Pure string building; the CLI prints."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from .catalog import KIND_LABELS, PlanItem
from .queries import ROLE_LABELS, UnitRow, item_to_dict, unit_row_to_dict

Cell = str | int | date | None


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[list[Cell]]
    # Characters a column may take before wrapping on a terminal (None: as needed).
    widths: tuple[int | None, ...] = ()


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
    text = item.deadline.text or "(không nêu)"
    return text + (" [dự kiến]" if item.deadline.tentative else "")


def _names(names: Sequence[str]) -> str:
    return "; ".join(names)


def item_table(items: Sequence[PlanItem], *, extra: Sequence[tuple[str, list[Cell]]] = ()) -> Table:
    headers = ["ID", "Loại", "Nội dung", "Chủ trì", "Phối hợp / đơn vị", "Thời hạn", "Hạn"]
    rows: list[list[Cell]] = []
    for item in items:
        other = item.unit if item.kind == "inspection" else _names(item.support)
        rows.append(
            [
                item.id,
                KIND_LABELS[item.kind],
                item.title,
                _names(item.lead),
                other,
                deadline_text(item),
                due_cell(item),
            ]
        )
    for header, values in extra:
        headers.append(header)
        for row, value in zip(rows, values, strict=True):
            row.append(value)
    return Table(headers, rows, (15, 14, 48, 24, 24, 22, 14) + (10,) * len(extra))


def unit_table(rows: Sequence[UnitRow]) -> Table:
    headers = ["ID", "Vai trò", "Qua nhóm", "Nội dung", "Chi tiết", "Thời hạn", "Hạn"]
    out: list[list[Cell]] = []
    for r in rows:
        item = r.item
        if item.kind == "review":
            detail = "Lĩnh vực: " + "; ".join(item.domains)
        elif item.kind == "inspection":
            detail = f"Khối {item.block}" + (f" — {item.note}" if item.note else "")
        else:
            detail = item.deliverable or ""
        out.append(
            [
                item.id,
                ROLE_LABELS[r.role],
                r.via or "",
                item.title,
                detail,
                deadline_text(item),
                due_cell(item),
            ]
        )
    return Table(headers, out, (14, 12, 26, 44, 30, 22, 14))


# --- formats --------------------------------------------------------------------------------------


def _text(cell: Cell, *, iso: bool = False) -> str:
    if cell is None:
        return ""
    if isinstance(cell, date):
        return cell.isoformat() if iso else dmy(cell)
    return str(cell)


def markdown_cell(text: str) -> str:
    """A cell that cannot break a Markdown table: no pipes, no line breaks, no raw HTML."""
    text = " ".join(text.split())
    for ch, rep in (("\\", "\\\\"), ("|", "\\|"), ("<", "&lt;"), (">", "&gt;")):
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
    writer.writerow([csv_cell(h) for h in headers])
    for row in rows:
        writer.writerow([csv_cell(_text(c, iso=True)) for c in row])
    return "\ufeff" + buf.getvalue()


def items_csv(items: Sequence[PlanItem], extra: Sequence[tuple[str, list[Cell]]] = ()) -> str:
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
        *(h for h, _ in extra),
    ]
    rows: list[list[Cell]] = []
    for n, item in enumerate(items):
        d = item.deadline
        rows.append(
            [
                item.id,
                item.kind,
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
                *(values[n] for _, values in extra),
            ]
        )
    return to_csv(headers, rows)


def unit_csv(rows: Sequence[UnitRow]) -> str:
    extra: list[tuple[str, list[Cell]]] = [
        ("role", [r.role for r in rows]),
        ("via", [r.via for r in rows]),
        ("definite", [str(r.definite).lower() for r in rows]),
    ]
    return items_csv([r.item for r in rows], extra)


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def items_json(items: Sequence[PlanItem], extra: Sequence[tuple[str, list[Any]]] = ()) -> str:
    out = []
    for n, item in enumerate(items):
        d = item_to_dict(item)
        for key, values in extra:
            d[key] = values[n]
        out.append(d)
    return to_json(out)


def unit_json(rows: Sequence[UnitRow]) -> str:
    return to_json([unit_row_to_dict(r) for r in rows])
