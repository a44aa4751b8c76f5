"""Spreadsheets as the office uses them: sheets in the reader's language (headers, status words, kinds,
roles, "có/không"), real dates, written as an Excel workbook (one sheet per view: items, obligations,
units) or as a CSV that Excel under Vietnamese regional settings opens by double-click (';' between
fields, a BOM, dd/mm/yyyy). The plain CSV (tables.py) keeps its codes and ISO dates for tools."""

from __future__ import annotations

import csv
import io
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from tthc_cli.domain.accountability import Assignment, obligations_owed, unit_figures
from tthc_cli.domain.plan import Entry, EntryStatus, Plan, PlanItem, Role
from tthc_cli.domain.status import ItemStatus
from tthc_cli.domain.units import Registry
from tthc_cli.i18n import _, pgettext
from tthc_cli.present.console import note
from tthc_cli.present.labels import (
    dmy,
    group_kind_label,
    grouped,
    item_label,
    item_text,
    item_title,
    kind_labels,
    percent,
    period_words,
    plan_title,
    role_label,
    status_label,
    unit_type_label,
)
from tthc_cli.present.tables import csv_cell

EXCEL_CELL_LIMIT = 32_767  # characters: the most an Excel cell holds (openpyxl cuts the rest silently)

# Cell kinds: how a column's values are written (an Excel date, a whole number, a share shown as %).
TEXT, DATE, COUNT, SHARE, STATUS = "text", "date", "count", "share", "status"

# The status words' fill colours, the report's (report.html.j2), always beside the words.
STATUS_FILLS = {
    "overdue": "FDE2E1",
    "due_soon": "FFF1D6",
    "in_progress": "E3F0FF",
    "not_due": "F1F3F5",
    "ongoing": "ECE9FB",
    "no_due": "F6F8FA",
    "done_on_time": "DFF5E3",
    "done_late": "E8F1DC",
    "done": "DFF5E3",
    "standing": "F6F8FA",
}


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    kind: str = TEXT
    width: int = 14  # characters, the most a column is widened to fit its values


@dataclass(frozen=True, slots=True)
class Sheet:
    """One view as a table: its sheet name (at most 31 characters, as Excel requires), a title row
    above the headers, and rows of typed cells. `codes`: each row's status code (the status cells'
    fill colour)."""

    name: str
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Any, ...], ...]
    codes: tuple[str | None, ...] = ()
    printed: int | None = None  # the columns a printed page holds (the others are for filtering)


def yes_no(value: bool) -> str:
    return _("yes") if value else _("no")


def _names(names: Sequence[str]) -> str:
    return "; ".join(names)


def _done_entries(plan: Plan, today: date) -> dict[str, Entry]:
    """Each item's latest "done" entry up to `today` (its evidence and who reported it)."""
    found: dict[str, Entry] = {}
    for entry in plan.progress:
        if entry.status is EntryStatus.DONE and entry.date <= today:
            found[entry.id] = entry
    return found


def items_sheet(
    plan: Plan,
    statuses: Mapping[str, ItemStatus],
    today: date,
    *,
    items: Sequence[PlanItem] | None = None,
    title: str | None = None,
) -> Sheet:
    """Every item of the document (tasks, duties, appendix rows, obliging paragraphs) with its status;
    the shares they are split into are the obligations' sheet. `items`: these instead (a query's)."""
    meta = plan.meta
    kinds = kind_labels(meta)
    chosen = [i for i in plan.items if not plan.is_obligation(i)] if items is None else list(items)
    columns = (
        Column(pgettext("column", "Item no."), width=22),
        Column(_("Item"), width=50),
        Column(_("Lead"), width=24),
        Column(_("Deadline"), width=20),
        Column(_("Due"), DATE, 11),
        Column(_("Effective due date"), DATE, 11),
        Column(_("Status"), STATUS, 18),
        Column(_("Done on"), DATE, 11),
        # For filtering and sorting, beyond the printed page:
        Column(_("Coordinating"), width=30),
        Column(_("Kind"), width=10),
        Column(_("Tentative"), width=9),
        Column(_("Start"), DATE, 11),
        Column(_("Days late"), COUNT, 8),
        Column(_("Parts done"), COUNT, 9),
        Column(_("Parts"), COUNT, 9),
        Column(_("ID"), width=22),
    )
    rows = []
    for item in chosen:
        st = statuses[item.id]
        d = item.deadline
        rows.append(
            (
                item_label(item, meta),
                item_text(item),
                _names(item.lead),
                d.text or _("(none stated)"),
                d.due,
                d.effective_due,
                status_label(st.status),
                st.done_on,
                _names(item.support) if item.unit_role is not Role.INSPECTED else (item.unit or ""),
                kinds.get(item.kind_code, item.kind_code),
                yes_no(d.tentative),
                d.start,
                st.days_late,
                st.children_done,
                st.children_total,
                item.id,
            )
        )
    return Sheet(
        pgettext("sheet", "Items"),
        title or _("{plan}: every item (status on {today})").format(plan=plan_title(meta), today=dmy(today)),
        columns,
        tuple(rows),
        tuple(statuses[i.id].status.value for i in chosen),
        printed=8,
    )


def obligations_sheet(plan: Plan, statuses: Mapping[str, ItemStatus], today: date) -> Sheet:
    """Every obligation (an item without parts: an appendix row, a unit's or a period's share, an
    item owed as one): whose, which period, due, effective due, status, done on, evidence."""
    meta = plan.meta
    done = _done_entries(plan, today)
    owed = obligations_owed(plan)
    columns = (
        Column(pgettext("column", "Item no."), width=28),
        Column(_("Unit"), width=26),
        Column(_("Period"), width=12),
        Column(_("Item"), width=40),
        Column(_("Due"), DATE, 11),
        Column(_("Effective due date"), DATE, 11),
        Column(_("Status"), STATUS, 20),
        Column(_("Done on"), DATE, 11),
        Column(_("Days late"), COUNT, 8),
        Column(_("Evidence"), width=30),
        Column(_("Reported by"), width=24),
        Column(_("ID"), width=28),
    )
    rows = []
    for item in owed:
        st = statuses[item.id]
        entry = done.get(item.id) if st.done else None
        unit = item.unit if item.unit and item.unit_role is not Role.INSPECTED else _names(item.lead)
        rows.append(
            (
                item_label(item, meta),
                unit,
                period_words(item.period) if item.period else "",
                item_title(item),  # the document's text in full is on the items' sheet
                item.deadline.due,
                item.deadline.effective_due,
                status_label(st.status),
                st.done_on,
                st.days_late,
                (entry.evidence or "") if entry else "",
                (entry.by or "") if entry else "",
                item.id,
            )
        )
    return Sheet(
        pgettext("sheet", "Obligations"),
        _("{plan}: every obligation (status on {today})").format(plan=plan_title(meta), today=dmy(today)),
        columns,
        tuple(rows),
        tuple(statuses[i.id].status.value for i in owed),
        printed=11,
    )


def units_sheet(plan: Plan, statuses: Mapping[str, ItemStatus], today: date) -> Sheet:
    """Each unit's own figures (domain/accountability.unit_figures), as the report's table and
    `tthc unit NAME --format json` give them."""
    columns = (
        Column(_("Unit"), width=40),
        Column(_("Owes"), COUNT, 10),
        Column(status_label("done_on_time"), COUNT, 12),
        Column(status_label("done_late"), COUNT, 12),
        Column(status_label("done"), COUNT, 12),
        Column(status_label("overdue"), COUNT, 10),
        Column(_("Not done"), COUNT, 10),
        Column(_("On-time rate"), SHARE, 12),
        Column(_("Coordinating"), COUNT, 10),
        Column(_("Coordinating, done"), COUNT, 12),
        Column(_("Inspected"), COUNT, 12),
    )
    rows = tuple(
        (
            f.unit,
            f.owed,
            f.done_on_time,
            f.done_late,
            f.done_undated,
            f.overdue,
            f.open,
            f.on_time_rate,
            f.support,
            f.support_done,
            f.inspected,
        )
        for f in unit_figures(plan, statuses, today)
    )
    return Sheet(
        pgettext("sheet", "Units"),
        _("{plan}: each unit's own obligations (status on {today})").format(
            plan=plan_title(plan.meta), today=dmy(today)
        ),
        columns,
        rows,
    )


def assignments_sheet(
    unit: str, rows: Sequence[Assignment], plan: Plan, statuses: Mapping[str, ItemStatus], title: str
) -> Sheet:
    """What one unit owes (`tthc unit`), a row per item: its role, the group it comes through,
    whether it surely concerns the unit, and where the item stands."""
    meta = plan.meta
    columns = (
        Column(pgettext("column", "Item no."), width=24),
        Column(_("Role"), width=12),
        Column(_("Through group"), width=30),
        Column(_("Definitely concerned"), width=10),
        Column(_("Item"), width=60),
        Column(_("Deadline"), width=26),
        Column(_("Due"), DATE, 11),
        Column(_("Effective due date"), DATE, 11),
        Column(_("Status"), STATUS, 20),
        Column(_("Done on"), DATE, 11),
        Column(_("ID"), width=24),
    )
    out = []
    for r in rows:
        item, st = r.item, statuses[r.item.id]
        out.append(
            (
                item_label(item, meta),
                role_label(r.role),
                r.via or "",
                yes_no(r.definite),
                item_text(item),
                item.deadline.text or _("(none stated)"),
                item.deadline.due,
                item.deadline.effective_due,
                status_label(st.status),
                st.done_on,
                item.id,
            )
        )
    codes = tuple(statuses[r.item.id].status.value for r in rows)
    return Sheet(unit, title, columns, tuple(out), codes)


def registry_sheet(reg: Registry) -> Sheet:
    """The unit registry: every unit, then every group with its members."""
    columns = (
        Column(_("Name"), width=44),
        Column(_("Kind"), width=22),
        Column(_("Other names"), width=40),
        Column(_("Members"), width=60),
    )
    rows = [(u.name, unit_type_label(u.type), "; ".join(u.aliases), "") for u in reg.units.values()]
    rows += [
        (
            g.name,
            group_kind_label(g.kind),
            "; ".join(g.aliases),
            "; ".join(reg.members(g.name)) or (_("(not listed)") if g.kind != "open" else "—"),
        )
        for g in reg.groups.values()
    ]
    return Sheet(pgettext("sheet", "Units"), _("Units and groups"), columns, tuple(rows))


def workbook_sheets(plan: Plan, statuses: Mapping[str, ItemStatus], today: date) -> tuple[Sheet, ...]:
    return (
        items_sheet(plan, statuses, today),
        obligations_sheet(plan, statuses, today),
        units_sheet(plan, statuses, today),
    )


# --- CSV for Excel under Vietnamese regional settings ------------------------------------------------


def _csv_value(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return dmy(value)
    if kind == SHARE:
        return percent(value)
    return csv_cell(str(value))


def excel_csv(sheet: Sheet) -> str:
    """The sheet as a CSV Excel opens by double-click under Vietnamese regional settings: a BOM (so
    Vietnamese shows), ';' between fields (the list separator where ',' is the decimal comma), CRLF,
    dd/mm/yyyy dates, the reader's words; cells that would run as formulas made text."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerow([csv_cell(c.header) for c in sheet.columns])
    for row in sheet.rows:
        writer.writerow([_csv_value(v, c.kind) for v, c in zip(row, sheet.columns, strict=True)])
    return "\ufeff" + buf.getvalue()


# --- the Excel workbook ------------------------------------------------------------------------------

DATE_FORMAT = "dd/mm/yyyy"
MAX_WIDTH = 60


def xlsx(sheets: Sequence[Sheet]) -> bytes:
    """An Excel workbook, one sheet per view: a bold title row, the header row frozen under it with an
    auto-filter, real dates shown dd/mm/yyyy, the status words beside a fill of their colour, columns
    as wide as their values (within each column's bound), long text wrapped."""
    # openpyxl is imported for this format only (~150 ms): no other command pays for it.
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    for blank in book.worksheets:  # the workbook's default sheet: ours are added below
        book.remove(blank)
    cuts: list[str] = []
    for sheet in sheets:
        ws = book.create_sheet(_sheet_name(sheet.name))
        ws.append([sheet.title])
        ws["A1"].font = Font(name=FONT, size=13, bold=True)
        sheet, cut = _within_cell_limit(sheet)
        cuts += cut
        texts = [[_shown(value) for value in row] for row in sheet.rows]
        widths = _widths(sheet, texts)
        _header(ws, sheet, widths)
        _body(book, ws, sheet, texts, widths)
        _page(ws, sheet)
    if cuts:  # said once, on stderr: the workbook itself marks each cut cell
        note(
            _(
                "{count} cells were cut at Excel's limit of {limit} characters "
                "(they end with '[cut …]'): {cells}"
            ).format(count=grouped(len(cuts)), limit=grouped(EXCEL_CELL_LIMIT), cells="; ".join(cuts[:5]))
        )
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def _within_cell_limit(sheet: Sheet) -> tuple[Sheet, list[str]]:
    """The sheet with every text longer than an Excel cell holds cut to fit, ending with a mark that
    says so (and, on a sheet of items, where the whole text is: tthc show with the item's number),
    and the cells cut ('Việc!B3'). openpyxl would cut them silently."""
    from openpyxl.utils import get_column_letter

    named = bool(sheet.columns) and sheet.columns[0].header == pgettext("column", "Item no.")
    rows, cuts = [], []
    for n, row in enumerate(sheet.rows):
        if not any(isinstance(v, str) and len(v) > EXCEL_CELL_LIMIT for v in row):
            rows.append(row)
            continue
        mark = (
            _(' … [cut: the whole text in tthc show "{name}"]').format(name=row[0])
            if named and isinstance(row[0], str) and len(row[0]) < 200
            else _(" … [cut at Excel's cell limit]")
        )
        kept = []
        for k, value in enumerate(row):
            if isinstance(value, str) and len(value) > EXCEL_CELL_LIMIT:
                value = value[: EXCEL_CELL_LIMIT - len(mark)] + mark
                cuts.append(f"{_sheet_name(sheet.name)}!{get_column_letter(k + 1)}{n + 3}")
            kept.append(value)
        rows.append(tuple(kept))
    return (replace(sheet, rows=tuple(rows)) if cuts else sheet), cuts


def _widths(sheet: Sheet, texts: Sequence[Sequence[str]]) -> list[int]:
    """Each column as wide as its longest value or header word, within the column's bound."""
    widths = [min(max(len(w) for w in c.header.split()), c.width) for c in sheet.columns]
    for shown in texts:
        for k, (text, column) in enumerate(zip(shown, sheet.columns, strict=True)):
            widths[k] = max(widths[k], min(len(text), column.width))
    return widths


def _header(ws: Any, sheet: Sheet, widths: Sequence[int]) -> None:
    """The header row: bold on grey, ruled under, wrapped; the columns set to their widths."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    ws.append([c.header for c in sheet.columns])
    for k, width in enumerate(widths):
        ws.column_dimensions[get_column_letter(k + 1)].width = width + 2
    bold = Font(name=FONT, size=11, bold=True)
    head_fill = PatternFill("solid", start_color="E7E9EC")
    rule = Border(bottom=Side(style="thin", color="6E7781"))
    for cell in ws[2]:
        cell.font, cell.fill, cell.border = bold, head_fill, rule
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    ws.row_dimensions[2].height = LINE_HEIGHT * max(  # bold headers: no allowance for a narrow face
        len(textwrap.wrap(c.header, max(w, 1))) for c, w in zip(sheet.columns, widths, strict=True)
    )


def _body(book: Any, ws: Any, sheet: Sheet, texts: Sequence[Sequence[str]], widths: Sequence[int]) -> None:
    """The rows, each cell with the named style of its kind (a status with its colour), text from the
    data never a formula, wrapped rows as high as their longest cell."""
    # Columns beyond the printed page (for filtering) stay one line high; numbers and dates centred.
    wrapped = sheet.printed or len(sheet.columns)
    styles = [_cell_style(book, c.kind, k < wrapped, None) for k, c in enumerate(sheet.columns)]
    for n, (row, shown) in enumerate(zip(sheet.rows, texts, strict=True)):
        at = n + 3
        code = sheet.codes[n] if sheet.codes else None
        lines = 1
        for k, (value, column) in enumerate(zip(row, sheet.columns, strict=True)):
            cell = ws.cell(row=at, column=k + 1, value=value)  # by address: O(1), unlike ws[row]
            # A named style per kind of cell: assigning fonts and alignments cell by cell hashes style
            # objects each time (30 s of 52 for 20,000 obligations).
            status = code if column.kind == STATUS and code in STATUS_FILLS else None
            cell.style = _cell_style(book, column.kind, k < wrapped, status) if status else styles[k]
            if isinstance(value, str) and cell.data_type == "f":
                cell.data_type = "s"  # text from the data that starts with '=' is never a formula
            if k < wrapped and len(shown[k]) > widths[k]:
                lines = max(lines, _lines(shown[k], widths[k]))
        # Wrapped rows as high as their longest cell: neither Excel's files nor LibreOffice's
        # conversion grow a row written without a height, and its lines would overlap the next.
        if lines > 1:
            ws.row_dimensions[at].height = LINE_HEIGHT * lines


def _page(ws: Any, sheet: Sheet) -> None:
    """Filters on the header, the header and numbering frozen, A4 landscape one page wide, the header
    repeated on every printed page, page numbers in the footer."""
    from openpyxl.utils import get_column_letter

    end = len(sheet.rows) + 2
    last = get_column_letter(len(sheet.columns))
    ws.auto_filter.ref = f"A2:{last}{end}"
    ws.freeze_panes = "B3"  # the header row and the numbering stay in view
    printed = get_column_letter(sheet.printed or len(sheet.columns))
    ws.print_area = f"A1:{printed}{end}"
    ws.print_title_rows = "2:2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.oddFooter.center.text = "&P / &N"


FONT = "Times New Roman"  # the state's documents' face (Nghị định 30/2020/NĐ-CP)


def _cell_style(book: Any, kind: str, wrap: bool, status: str | None) -> str:
    """The name of the workbook's style for a kind of cell (added on first use)."""
    from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill

    name = f"tthc {kind}{' wrap' if wrap else ''}{' ' + status if status else ''}"
    if name not in book.named_styles:
        style = NamedStyle(name=name)
        style.font = Font(name=FONT, size=11)
        style.alignment = Alignment(
            wrap_text=wrap, vertical="top", horizontal="center" if kind in (DATE, COUNT, SHARE) else None
        )
        style.number_format = DATE_FORMAT if kind == DATE else "0%" if kind == SHARE else "General"
        if status:
            style.fill = PatternFill("solid", start_color=STATUS_FILLS[status])
        book.add_named_style(style)
    return name


def _shown(value: Any) -> str:
    """A cell's value as it is shown (for widths and heights)."""
    return dmy(value) if isinstance(value, date) else "" if value is None else str(value)


LINE_HEIGHT = 13  # points: one line of 11-point Times New Roman


def _lines(text: str, width: int) -> int:
    """How many lines `text` takes in a column `width` characters wide, wrapped at spaces (a column's
    width counts the default font's digits: 11-point Times New Roman fits about a third more)."""
    room = max(int((width + 2) * 1.3), 1)
    return sum(len(textwrap.wrap(part, room, break_on_hyphens=False)) or 1 for part in text.split("\n"))


def _sheet_name(name: str) -> str:
    """Excel refuses []:*?/\\ and names over 31 characters."""
    return "".join(c for c in name if c not in "[]:*?/\\")[:31] or "Sheet"
