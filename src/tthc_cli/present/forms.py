"""A unit's progress form as an Excel workbook (`tthc form`): one sheet of the obligations it owes
itself, one of the work its groups lead as a whole that it may report on — each row named as the
document numbers it, with its text, deadline (printed and effective), status so far and what was
reported so far — and four columns for the unit to fill: Trạng thái (a drop-down), Ngày (a date
cell), Số/ký hiệu văn bản, Ghi chú. Every other cell is locked by sheet protection without a password:
a guard against typing in the wrong place, not a secret. A hidden column holds each row's obligation
ID and a hidden sheet the form's identity (domain/forms.py), so the import reads back exactly what
was issued. The reader's language for every word; the data verbatim."""

from __future__ import annotations

import io
import textwrap
from collections.abc import Mapping, Sequence
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from tthc_cli.domain.accountability import Assignment
from tthc_cli.domain.forms import (
    FILLED,
    FIRST_ROW,
    FORM_STATUSES,
    HEADER_ROW,
    IDENTITY_SHEET,
    KEY_CHECKSUM,
    KEY_FORM,
    KEY_ISSUED,
    KEY_PLAN,
    KEY_UNIT,
    Column,
    FormIdentity,
    sheet_key,
    status_key,
)
from tthc_cli.domain.plan import Entry, EntryStatus, Plan
from tthc_cli.domain.problems import Problem
from tthc_cli.domain.status import ItemStatus
from tthc_cli.domain.unit_reports import Reportable, Share, open_reportable
from tthc_cli.i18n import _, pgettext
from tthc_cli.present.labels import dmy, entry_status_label, item_label, plan_title, status_label
from tthc_cli.present.messages import message
from tthc_cli.present.reporters import format_text
from tthc_cli.textnorm import one_line


def status_words() -> dict[EntryStatus, str]:
    """The drop-down's words, one per status a unit may report (domain/forms.FORM_STATUSES), in the
    reader's language ("Đã hoàn thành")."""
    return {
        EntryStatus.STARTED: pgettext("form status", "Started"),
        EntryStatus.DONE: pgettext("form status", "Done"),
        EntryStatus.NOTE: pgettext("form status", "Note"),
    }


def headers() -> dict[Column, str]:
    """The form's column headers in the reader's language."""
    return {
        Column.NO: pgettext("form", "No."),
        Column.ITEM: pgettext("form", "Item"),
        Column.TEXT: pgettext("form", "Content"),
        Column.LEAD: pgettext("form", "Lead"),
        Column.DEADLINE: pgettext("form", "Deadline"),
        Column.DUE: pgettext("form", "Due"),
        Column.EFFECTIVE_DUE: pgettext("form", "Effective due date"),
        Column.STATUS_NOW: pgettext("form", "Status so far"),
        Column.REPORTED: pgettext("form", "Reported so far"),
        Column.STATUS: pgettext("form", "Status"),
        Column.DATE: pgettext("form", "Date"),
        Column.EVIDENCE: pgettext("form", "Document no."),
        Column.NOTE: pgettext("form", "Note"),
        Column.ID: pgettext("form", "ID"),
    }


def sheet_name(share: Share) -> str:
    """A sheet's name (Excel allows 31 characters)."""
    names = {Share.OWN: pgettext("sheet", "Own obligations"), Share.GROUP: pgettext("sheet", "Group work")}
    return names[share][:31]


WIDTHS = {
    Column.NO: 5,
    Column.ITEM: 22,
    Column.TEXT: 48,
    Column.LEAD: 22,
    Column.DEADLINE: 18,
    Column.DUE: 11,
    Column.EFFECTIVE_DUE: 11,
    Column.STATUS_NOW: 16,
    Column.REPORTED: 26,
    Column.STATUS: 16,
    Column.DATE: 12,
    Column.EVIDENCE: 22,
    Column.NOTE: 30,
    Column.ID: 24,
}

DATE_FORMAT = "dd/mm/yyyy"
LINE_HEIGHT = 13  # points: one line of 11-point Times New Roman
FILL_COLOUR = "FFF5CC"  # the cells the unit fills, pale yellow as forms mark them
TEXT_LIMIT = 600  # characters of an item's text in a cell: the document has it in full


def _reported(entries: Sequence[Entry]) -> str:
    """What was reported so far for an obligation, one line per entry: date, status, document, who."""
    lines = []
    for e in entries:
        parts = [f"{dmy(e.date)}: {entry_status_label(e.status)}"]
        if e.evidence:
            parts.append(e.evidence)
        line = " – ".join(parts)
        if e.by:
            line += f" ({e.by})"
        lines.append(line)
    return "\n".join(lines)


def form_rows(
    plan: Plan,
    unit: str,
    statuses: Mapping[str, ItemStatus],
    everyone: Mapping[str, list[Assignment]] | None = None,
) -> dict[Share, list[Reportable]]:
    """The rows of `unit`'s form: what it may report on that is not done yet, by share. `everyone`:
    accountability.all_assignments, worked out once when forms are made for many units."""
    rows: dict[Share, list[Reportable]] = {Share.OWN: [], Share.GROUP: []}
    for r in open_reportable(plan, unit, statuses, everyone):
        rows[r.share].append(r)
    return rows


def log_by_item(plan: Plan, today: date) -> dict[str, list[Entry]]:
    """The log's entries up to `today`, by obligation."""
    log: dict[str, list[Entry]] = {}
    for entry in plan.progress:
        if entry.date <= today:
            log.setdefault(entry.id, []).append(entry)
    return log


def unit_form(
    plan: Plan,
    unit: str,
    statuses: Mapping[str, ItemStatus],
    today: date,
    rows: Mapping[Share, list[Reportable]] | None = None,
    log: Mapping[str, list[Entry]] | None = None,
) -> tuple[bytes, FormIdentity]:
    """The workbook of `unit`'s form on `today` (the day its statuses were judged), and its identity.
    `rows` (form_rows) and `log` (log_by_item): worked out by the caller when it makes many forms."""
    rows = form_rows(plan, unit, statuses) if rows is None else rows
    log = log_by_item(plan, today) if log is None else log
    identity = FormIdentity(
        plan_id=plan.meta.plan_id,
        unit=unit,
        issued=today,
        sheets=tuple(
            (share, sheet_name(share), tuple(r.item.id for r in rows[share]))
            for share in (Share.OWN, Share.GROUP)
        ),
    )
    book = Workbook()
    for blank in book.worksheets:
        book.remove(blank)
    for share in (Share.OWN, Share.GROUP):
        ws = book.create_sheet(sheet_name(share))
        _fill_sheet(ws, plan, unit, share, rows[share], statuses, log, today)
    _identity_sheet(book.create_sheet(IDENTITY_SHEET), identity)
    # The structure locked too (no password): the hidden sheet stays hidden, the sheets keep their names.
    book.security = WorkbookProtection(lockStructure=True)
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue(), identity


def _fill_sheet(
    ws: Worksheet,
    plan: Plan,
    unit: str,
    share: Share,
    rows: Sequence[Reportable],
    statuses: Mapping[str, ItemStatus],
    log: Mapping[str, Sequence[Entry]],
    today: date,
) -> None:
    body = Font(name="Times New Roman", size=11)
    bold = Font(name="Times New Roman", size=11, bold=True)
    title_font = Font(name="Times New Roman", size=13, bold=True)
    head_fill = PatternFill("solid", start_color="E7E9EC")
    fill = PatternFill("solid", start_color=FILL_COLOUR)
    rule = Border(bottom=Side(style="thin", color="6E7781"))
    columns = list(Column)
    words = headers()
    last = get_column_letter(Column.NOTE.number)
    what = (
        _("Progress form: the obligations of {unit}")
        if share is Share.OWN
        else _("Progress form: work the groups of {unit} lead as a whole (the unit may report on it)")
    )
    titles = (
        (f"{plan_title(plan.meta)} — {what.format(unit=unit)}", title_font),
        (_("Unit: {unit}").format(unit=unit), bold),
        (_("Status as of {day}; obligations not yet done.").format(day=dmy(today)), body),
        (
            _(
                "Fill the yellow columns: Status (choose from the list), Date (dd/mm/yyyy, not after "
                "today), the document's number, a note. The other cells are locked, without a "
                "password, so the office can read the form back; do not add, move or delete rows."
            ),
            body,
        ),
    )
    for n, (text, font) in enumerate(titles, start=1):
        ws.cell(row=n, column=1, value=text).font = font
        ws.merge_cells(f"A{n}:{last}{n}")
        ws.cell(row=n, column=1).alignment = Alignment(wrap_text=True, vertical="top")
    ws.row_dimensions[4].height = LINE_HEIGHT * 3
    for column in columns:
        cell = ws.cell(row=HEADER_ROW, column=column.number, value=words[column])
        cell.font, cell.fill, cell.border = bold, fill if column in FILLED else head_fill, rule
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        ws.column_dimensions[get_column_letter(column.number)].width = WIDTHS[column]
    ws.row_dimensions[HEADER_ROW].height = LINE_HEIGHT * 2
    for n, row in enumerate(rows):
        item = row.item
        st = statuses[item.id]
        lead = row.via or "; ".join(item.lead)
        text = (
            item.title if len(item.title) <= TEXT_LIMIT else item.title[:TEXT_LIMIT].rsplit(" ", 1)[0] + " …"
        )
        values: dict[Column, str | int | date | None] = {
            Column.NO: n + 1,
            Column.ITEM: item_label(item, plan.meta),
            Column.TEXT: text,
            Column.LEAD: lead,
            Column.DEADLINE: item.deadline.text or _("(none stated)"),
            Column.DUE: item.deadline.due,
            Column.EFFECTIVE_DUE: item.deadline.effective_due,
            Column.STATUS_NOW: status_label(st.status),
            Column.REPORTED: _reported(log.get(item.id, ())),
            Column.ID: item.id,
        }
        r = FIRST_ROW + n
        lines = 1
        for column in columns:
            value = values.get(column)
            cell = ws.cell(row=r, column=column.number, value=value)
            if isinstance(value, str) and cell.data_type == "f":
                cell.data_type = "s"  # text from the data that starts with '=' is never a formula
            cell.font = body
            cell.alignment = Alignment(wrap_text=column is not Column.ID, vertical="top")
            if column in (Column.DUE, Column.EFFECTIVE_DUE, Column.DATE):
                cell.number_format = DATE_FORMAT
            if column in FILLED:
                cell.fill = fill
                cell.protection = Protection(locked=False)
            if isinstance(value, str) and column is not Column.ID:
                lines = max(lines, _lines(value, WIDTHS[column]))
        ws.row_dimensions[r].height = LINE_HEIGHT * min(lines, 12)
    end = FIRST_ROW + max(len(rows), 1) - 1
    if rows:
        letter = get_column_letter
        offered = [status_words()[s] for s in FORM_STATUSES]
        choose = DataValidation(
            type="list",
            formula1='"' + ",".join(offered) + '"',
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=_("Status"),
            error=_("Choose one of: {words}").format(words=", ".join(offered)),
        )
        choose.add(f"{letter(Column.STATUS.number)}{FIRST_ROW}:{letter(Column.STATUS.number)}{end}")
        start = plan.meta.period_start
        # A warning, not a stop: Excel under English regional settings keeps a typed 25/6/2021 as text,
        # which the import reads as D/M/YYYY; a stop would refuse it there.
        when = DataValidation(
            type="date",
            operator="between",
            formula1=f"DATE({start.year},{start.month},{start.day})",
            formula2="TODAY()",
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="warning",
            errorTitle=_("Date"),
            error=_("A date from {start} to today, written dd/mm/yyyy.").format(start=dmy(start)),
            showInputMessage=True,
            promptTitle=_("Date"),
            prompt=_("The day it happened, dd/mm/yyyy."),
        )
        when.add(f"{letter(Column.DATE.number)}{FIRST_ROW}:{letter(Column.DATE.number)}{end}")
        ws.add_data_validation(choose)
        ws.add_data_validation(when)
    ws.column_dimensions[get_column_letter(Column.ID.number)].hidden = True
    ws.freeze_panes = f"C{FIRST_ROW}"
    # Protection without a password: it keeps the unit's typing in the yellow cells; columns may still
    # be widened and rows heightened.
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.print_area = f"A1:{last}{end}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


def _identity_sheet(ws: Worksheet, identity: FormIdentity) -> None:
    rows: list[tuple[str, object]] = [
        (KEY_FORM, identity.version),
        (KEY_PLAN, identity.plan_id),
        (KEY_UNIT, identity.unit),
        (KEY_ISSUED, identity.issued.isoformat()),
        *((sheet_key(share), name) for share, name, _ids in identity.sheets),
        *((status_key(status), status_words()[status]) for status in FORM_STATUSES),
        (KEY_CHECKSUM, identity.checksum()),
    ]
    for key, value in rows:
        ws.append([key, value])
    ws.sheet_state = "hidden"
    ws.protection.sheet = True


def _lines(text: str, width: int) -> int:
    """How many lines `text` takes in a column `width` characters wide, wrapped at spaces."""
    room = max(int((width + 2) * 1.2), 1)
    return sum(len(textwrap.wrap(part, room, break_on_hyphens=False)) or 1 for part in text.split("\n"))


def format_form_problem(p: Problem) -> str:
    """A problem of an import, where a person finds it: a form's file, sheet, row and column
    ("so-y-te.xlsx, trang 'Nghĩa vụ của đơn vị', dòng 7, cột K (Ngày): error[form-row] …"), a form
    as a whole, or — for the log's own problems — the log's file and line."""
    if p.path[:1] == ("sheet",) and len(p.path) == 3 and p.line:
        _kind, sheet, column = p.path
        where = _("{file}, sheet '{sheet}', row {row}, column {letter} ({header})").format(
            file=p.file,
            sheet=sheet,
            row=p.line,
            letter=get_column_letter(p.column),
            header=headers().get(Column(column), str(column)) if column in set(Column) else column,
        )
    elif p.path[:1] == ("sheet",) and len(p.path) >= 2:
        where = _("{file}, sheet '{sheet}'").format(file=p.file, sheet=p.path[1])
    elif p.file.endswith(".xlsx") or not p.line:
        where = p.file
    else:
        return format_text(p)
    # One line whatever the file is named: a line feed in a name would forge a diagnostic of its own,
    # and a byte of it that is not UTF-8 (a lone surrogate) would stop the output.
    line = one_line(f"{where}: {p.severity}[{p.code}] {message(p)}")
    return line.encode("utf-8", "backslashreplace").decode("utf-8")
