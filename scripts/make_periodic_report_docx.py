#!/usr/bin/env python3
"""Build templates/periodic_report.docx: the Word template of the periodic report, with docxtpl's Jinja
tags inside, laid out by Nghị định 30/2020/NĐ-CP Phụ lục I (README, "The periodic report"). Run it
after changing the layout and commit both this script and the .docx; an office may restyle its own
copy in Word and pass it with --templates.

    .venv/bin/python scripts/make_periodic_report_docx.py [OUTPUT]

The output is byte-for-byte reproducible (fixed core properties and zip timestamps).

What the decree fixes and what is practice (README table): A4 portrait; margins top 20 mm, bottom
20 mm, left 30 mm, right 20 mm (ranges 20–25, 20–25, 30–35, 15–20); Times New Roman; quốc hiệu 13 pt
bold capitals; tiêu ngữ 14 pt bold with a solid line as long as it under it; issuing body 13 pt bold
capitals with a short line (1/3–1/2 of it); "Số: …/BC-UBND" 13 pt; place and date 14 pt italic;
"BÁO CÁO" 14 pt bold and the trích yếu 14 pt bold with a short line; body 14 pt justified, first
line indented 1.27 cm, 6 pt after paragraphs, single line spacing; tables 12 pt (the form's table
10 pt, 13 columns on a portrait page); "Nơi nhận:" 12 pt bold italic, recipients 11 pt; signature
block 14 pt bold; page numbers centred in the header, 13 pt, none on the first page.
"""

from __future__ import annotations

import io
import sys
import zipfile
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT, WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

FONT = "Times New Roman"
BODY_PT = 14
TABLE_PT = 12
FORM_PT = 9
TEXT_WIDTH_MM = 210 - 30 - 20
TO_WRITE = "[Nội dung do cơ quan soạn thảo bổ sung]"
FIXED_TIME = datetime(2021, 1, 1)

# --- small helpers -------------------------------------------------------------------------------


def set_font(run_or_style: object, size: float | None = None, *, bold: bool | None = None, italic: bool | None = None) -> None:
    font = run_or_style.font  # type: ignore[attr-defined]
    font.name = FONT
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    if italic is not None:
        font.italic = italic
    # Word picks the font per script: Vietnamese letters with marks must not fall back to another font.
    element = run_or_style.element  # type: ignore[attr-defined]
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)


def para(
    container: object,
    text: str = "",
    size: float = BODY_PT,
    *,
    bold: bool = False,
    italic: bool = False,
    align: WD_ALIGN_PARAGRAPH | None = WD_ALIGN_PARAGRAPH.JUSTIFY,
    indent: bool = False,
    after: float = 6,
    before: float = 0,
) -> Paragraph:
    p: Paragraph = container.add_paragraph()  # type: ignore[attr-defined]
    fmt = p.paragraph_format
    fmt.alignment = align
    fmt.space_after = Pt(after)
    fmt.space_before = Pt(before)
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    fmt.first_line_indent = Cm(1.27) if indent else Cm(0)
    fmt.keep_with_next = bold and align is WD_ALIGN_PARAGRAPH.LEFT  # a heading stays with what follows
    if text:
        set_font(p.add_run(text), size, bold=bold, italic=italic)
    return p


def tag(container: object, text: str) -> None:
    """A paragraph holding only a docxtpl block tag ({%p … %}): removed when rendered."""
    p = para(container, text, TABLE_PT, after=0, align=WD_ALIGN_PARAGRAPH.LEFT)
    p.paragraph_format.space_after = Pt(0)


def rule_under(p: Paragraph, width_mm: float, column_mm: float) -> None:
    """A solid line `width_mm` long, centred in a column `column_mm` wide, under the paragraph's text:
    the paragraph's bottom border between indents that leave that width."""
    side = max((column_mm - width_mm) / 2, 0)
    p.paragraph_format.left_indent = Mm(side)
    p.paragraph_format.right_indent = Mm(side)
    ppr = p._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "single")
    bottom.set(qn("w:sz"), "6")  # 3/4 pt
    bottom.set(qn("w:space"), "1")
    bottom.set(qn("w:color"), "000000")
    borders.append(bottom)
    ppr.append(borders)


def no_borders(table: Table) -> None:
    tblpr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        e = OxmlElement(f"w:{edge}")
        e.set(qn("w:val"), "nil")
        borders.append(e)
    tblpr.append(borders)


def fixed_widths(table: Table, widths_mm: list[float]) -> None:
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    grid = table._tbl.tblGrid
    for col, w in zip(grid.findall(qn("w:gridCol")), widths_mm, strict=True):
        col.set(qn("w:w"), str(int(Mm(w).twips)))
    for row in table.rows:
        for cell, w in zip(row.cells, widths_mm, strict=False):
            cell.width = Mm(w)


def cell_margins(table: Table, mm: float) -> None:
    tblpr = table._tbl.tblPr
    for old in tblpr.findall(qn("w:tblCellMar")):
        tblpr.remove(old)
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        e = OxmlElement(f"w:{side}")
        e.set(qn("w:w"), str(int(Mm(mm).twips)))
        e.set(qn("w:type"), "dxa")
        margins.append(e)
    tblpr.append(margins)


def header_row(row: object) -> None:
    """Repeat this row at the top of each page the table runs onto."""
    trpr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    trpr.append(OxmlElement("w:cantSplit"))
    trpr.append(OxmlElement("w:tblHeader"))


def cell_text(cell: _Cell, text: str, size: float, *, bold: bool = False, italic: bool = False, align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.LEFT) -> None:
    p = cell.paragraphs[0]
    p.paragraph_format.alignment = align
    p.paragraph_format.space_after = Pt(0)
    p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    set_font(p.add_run(text), size, bold=bold, italic=italic)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def grid_table(doc: Document, widths: list[float]) -> Table:  # type: ignore[valid-type]
    table = doc.add_table(rows=0, cols=len(widths))  # type: ignore[attr-defined]
    table.style = "Table Grid"
    cell_margins(table, 1.2)
    return table


def keep_together(row: object) -> None:
    """A row is not split across two pages."""
    trpr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    trpr.append(OxmlElement("w:cantSplit"))


def loop_rows(table: Table, widths: list[float], opening: str, cells: list[tuple[str, WD_ALIGN_PARAGRAPH]], size: float) -> None:
    """docxtpl's row loop: a row with the opening tag, the row repeated, a row with the closing tag."""
    first = table.add_row()
    cell_text(first.cells[0], opening, size)
    body = table.add_row()
    keep_together(body)
    for cell, (text, align) in zip(body.cells, cells, strict=True):
        cell_text(cell, text, size, align=align)
    last = table.add_row()
    cell_text(last.cells[0], "{%tr endfor %}", size)
    fixed_widths(table, widths)


def page_number_header(section: object) -> None:
    """NĐ 30 Phụ lục I.7: numbers in the top margin, centred, 13–14 pt, none on the first page."""
    section.different_first_page_header_footer = True  # type: ignore[attr-defined]
    header = section.header  # type: ignore[attr-defined]
    p = header.paragraphs[0]
    p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run()
    set_font(run, 13)
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"), ("end", None)):
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            t = OxmlElement("w:t")
            t.text = text
            run._r.append(t)
    first = section.first_page_header  # type: ignore[attr-defined]
    first.is_linked_to_previous = False
    first.paragraphs[0].text = ""


# --- the document ----------------------------------------------------------------------------------


def build() -> Document:  # type: ignore[valid-type]
    doc = Document()
    normal = doc.styles["Normal"]
    set_font(normal, BODY_PT)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE

    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(20)
    section.header_distance, section.footer_distance = Mm(10), Mm(10)
    page_number_header(section)

    # The heading: issuing body and number on the left, quốc hiệu, tiêu ngữ, place and date on the right.
    left_mm, right_mm = 62, TEXT_WIDTH_MM - 62
    head = doc.add_table(rows=1, cols=2)
    no_borders(head)
    cell_margins(head, 0)
    fixed_widths(head, [left_mm, right_mm])
    left, right = head.rows[0].cells
    left.paragraphs[0].text = ""
    tag(left, "{%p for line in report.letterhead.body %}")
    para(left, "{{ line }}", 13, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    tag(left, "{%p endfor %}")
    tag(left, "{%p if not report.letterhead.body %}")
    para(left, "[TÊN CƠ QUAN BAN HÀNH]", 13, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    tag(left, "{%p endif %}")
    rule_under(para(left, "", 6, align=WD_ALIGN_PARAGRAPH.CENTER, after=6), 16, left_mm)
    para(
        left,
        "Số: …/BC-{{ report.letterhead.symbol or '…' }}",
        13,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        after=0,
    )
    left._tc.remove(left.paragraphs[0]._p)

    right.paragraphs[0].text = ""
    para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    motto = para(right, "Độc lập - Tự do - Hạnh phúc", 14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=6)
    rule_under(motto, 64, right_mm)  # as long as the tiêu ngữ itself (14 pt bold: about 64 mm)
    para(
        right,
        "{{ report.letterhead.place or '…' }}, ngày … tháng … năm …",
        14,
        italic=True,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        after=0,
        before=6,
    )
    right._tc.remove(right.paragraphs[0]._p)

    # Tên loại and trích yếu, with a short line under the trích yếu.
    para(doc, "BÁO CÁO", 14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, before=18, after=0)
    summary = para(doc, "{{ report.summary }}", 14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    summary.paragraph_format.left_indent = Mm(10)
    summary.paragraph_format.right_indent = Mm(10)
    rule_under(para(doc, "", 6, align=WD_ALIGN_PARAGRAPH.CENTER, after=12), 40, TEXT_WIDTH_MM)

    para(
        doc,
        # Both days the report stands on: the data's cut-off, and the day the units' reports are
        # counted to (the day of drafting); the words are the text templates', from the catalogue.
        "{% if report.reports is none %}"
        "{{ _('Figures from {start} to {end}; statuses as of {as_of}.').format(start=report.period.start | dmy, "
        "end=report.period.end | dmy, as_of=report.as_of | dmy) }}"
        "{% else %}"
        "{{ _(\"Figures from {start} to {end}; statuses as of {as_of}; the units' reports as received by "
        "{today}.\").format(start=report.period.start | dmy, end=report.period.end | dmy, "
        "as_of=report.as_of | dmy, today=report.today | dmy) }}"
        "{% endif %}",
        indent=True,
    )
    tag(doc, "{%p if report.period.basis %}")
    para(doc, "Kỳ báo cáo: {{ report.period.basis }}.", indent=True)
    tag(doc, "{%p elif report.plan.reporting is none %}")
    para(doc, "{{ _('Calendar period: the plan sets no reporting regime.') }}", italic=True, indent=True)
    tag(doc, "{%p else %}")
    no_rule = "{{ _('Calendar period: the reporting regime sets no report for this period.') }}"
    para(doc, no_rule, italic=True, indent=True)
    tag(doc, "{%p endif %}")

    # I. Results.
    para(doc, "I. KẾT QUẢ THỰC HIỆN", bold=True, indent=True, align=WD_ALIGN_PARAGRAPH.LEFT, before=6)
    para(doc, "1. Nhiệm vụ theo kế hoạch và kết quả thực hiện trong kỳ", bold=True, indent=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    tag(doc, "{%p if report.work %}")
    widths = [12.0, 50.0, 28.0, 24.0, 25.0, 21.0]
    table = grid_table(doc, widths)
    row = table.add_row()
    header_row(row)
    for cell, text in zip(row.cells, ("STT", "Nhiệm vụ", "Đơn vị thực hiện", "Thời hạn", "Kết quả", "Văn bản, sản phẩm"), strict=True):
        cell_text(cell, text, TABLE_PT, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    L, C = WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.CENTER
    loop_rows(
        table,
        widths,
        "{%tr for w in report.work %}",
        [
            ("{{ loop.index }}", C),
            ("{{ w.item | label(plan) }}: {{ w.item | name }}", L),
            ("{{ w.owner }}", L),
            ("{{ due(w.status) }}", C),
            ("{{ status(w.status) }}{% for n in w.notes %}; {{ n }}{% endfor %}", L),
            ("{{ w.evidence | join('; ') }}", L),
        ],
        TABLE_PT,
    )
    tag(doc, "{%p else %}")
    para(doc, "Không có nhiệm vụ nào đến hạn hoặc được thực hiện trong kỳ.", indent=True)
    tag(doc, "{%p endif %}")

    para(
        doc,
        "2. {% if report.reports is none %}Tình hình gửi báo cáo của các đơn vị{% else %}"
        "{{ _(\"Units' reports for the period, as of {day}\").format(day=report.today | dmy) }}{% endif %}",
        bold=True,
        indent=True,
        align=WD_ALIGN_PARAGRAPH.LEFT,
        before=6,
    )
    tag(doc, "{%p if report.reports is none %}")
    para(doc, "{{ _(\"(No reporting regime: the units' reports are not followed up.)\") }}", italic=True, indent=True)
    tag(doc, "{%p else %}")
    para(
        doc,
        "Đúng hạn: {{ report.reports_in('on_time') | length }}; trễ hạn: "
        "{{ report.reports_in('late') | length }}; chưa gửi: {{ report.reports_in('missing') | length }}; "
        "chưa đến hạn: {{ report.reports_in('not_yet_due') | length }}.",
        indent=True,
    )
    widths = [12.0, 60.0, 40.0, 24.0, 24.0]
    table = grid_table(doc, widths)
    row = table.add_row()
    header_row(row)
    for cell, text in zip(row.cells, ("STT", "Đơn vị", "Báo cáo", "Ngày nhận", "Văn bản"), strict=True):
        cell_text(cell, text, TABLE_PT, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    loop_rows(
        table,
        widths,
        "{%tr for r in report.reports %}",
        [
            ("{{ loop.index }}", C),
            ("{{ r.unit }}", L),
            ("{{ state_label(r.state) }}", L),
            ("{% if r.status.done_on %}{{ r.status.done_on | dmy }}{% endif %}", C),
            ("{{ r.evidence or '' }}", L),
        ],
        TABLE_PT,
    )
    tag(doc, "{%p endif %}")

    para(doc, "3. Nhiệm vụ chậm, quá hạn và đơn vị chịu trách nhiệm", bold=True, indent=True, align=WD_ALIGN_PARAGRAPH.LEFT, before=6)
    tag(doc, "{%p if report.late %}")
    widths = [12.0, 66.0, 40.0, 24.0, 18.0]
    table = grid_table(doc, widths)
    row = table.add_row()
    header_row(row)
    for cell, text in zip(row.cells, ("STT", "Nhiệm vụ", "Đơn vị chịu trách nhiệm", "Thời hạn", "Số ngày trễ"), strict=True):
        cell_text(cell, text, TABLE_PT, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    loop_rows(
        table,
        widths,
        "{%tr for s in report.late %}",
        [
            ("{{ loop.index }}", C),
            ("{{ s.item | label(plan) }}: {{ s.item | name }}", L),
            ("{{ s.item.unit or (s.item.lead | join('; ')) }}", L),
            ("{{ due(s) }}", C),
            ("{{ s.days_late }}", C),
        ],
        TABLE_PT,
    )
    tag(doc, "{%p else %}")
    para(doc, "Không có nhiệm vụ quá hạn.", indent=True)
    tag(doc, "{%p endif %}")

    para(doc, "4. Kết quả giải quyết hồ sơ thủ tục hành chính (Biểu số 06/VPCP/KSTT)", bold=True, indent=True, align=WD_ALIGN_PARAGRAPH.LEFT, before=6)
    tag(doc, "{%p if report.counts %}")
    para(doc, "Đơn vị tính: số hồ sơ thủ tục hành chính.", italic=True, indent=True)
    widths = [8.0, 27.0] + [125.0 / 11] * 11
    table = grid_table(doc, widths)
    cell_margins(table, 0.5)
    top = table.add_row()
    header_row(top)
    sub = table.add_row()
    header_row(sub)
    numbers = table.add_row()
    header_row(numbers)
    for i, text in enumerate(("STT", "Đơn vị, cấp, lĩnh vực")):
        merged = top.cells[i].merge(sub.cells[i])
        cell_text(merged, text, FORM_PT, bold=True, align=C)
    for first, last, text in ((2, 5, "Số hồ sơ nhận giải quyết"), (6, 9, "Số hồ sơ đã giải quyết"), (10, 12, "Số hồ sơ đang giải quyết")):
        merged = top.cells[first].merge(top.cells[last])
        cell_text(merged, text, FORM_PT, bold=True, align=C)
    subheads = (
        "Tổng số", "Trực tuyến", "Trực tiếp, dịch vụ bưu chính", "Từ kỳ trước",
        "Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn",
        "Tổng số", "Trong hạn", "Quá hạn",
    )  # fmt: skip
    for cell, text in zip(sub.cells[2:], subheads, strict=True):
        cell_text(cell, text, FORM_PT, bold=True, align=C)
    for i, cell in enumerate(numbers.cells):
        cell_text(cell, f"({i + 1})", FORM_PT, italic=True, align=C)
    loop_rows(
        table,
        widths,
        "{%tr for r in report.counts_lines %}",
        [("{{ loop.index }}", C), ("{{ r.label }}", L)] + [(f"{{{{ r.values[{i}] }}}}", C) for i in range(11)],
        FORM_PT,
    )
    tag(doc, "{%p else %}")
    # A placeholder for the drafter, never a command: `tthc report` says on stderr how to add the figures.
    para(doc, "{{ _('[Figures to be added by the drafting office]') }}", italic=True, indent=True)
    tag(doc, "{%p endif %}")

    for heading in ("II. TỒN TẠI, HẠN CHẾ", "III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI", "IV. ĐỀ XUẤT, KIẾN NGHỊ"):
        para(doc, heading, bold=True, indent=True, align=WD_ALIGN_PARAGRAPH.LEFT, before=6)
        last = para(doc, TO_WRITE, italic=True, indent=True)
    # The signature never stands alone on a page: the last paragraph goes over with it.
    last.paragraph_format.keep_with_next = True

    # Nơi nhận (left) and the signature (right), level with each other.
    para(doc, "", after=0).paragraph_format.keep_with_next = True
    foot = doc.add_table(rows=1, cols=2)
    no_borders(foot)
    cell_margins(foot, 0)
    fixed_widths(foot, [80, TEXT_WIDTH_MM - 80])
    keep_together(foot.rows[0])  # the signature block is never split from its title
    left, right = foot.rows[0].cells
    para(left, "Nơi nhận:", 12, bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT, after=0)
    tag(left, "{%p for r in report.recipients %}")
    para(left, "- {{ r }};", 11, align=WD_ALIGN_PARAGRAPH.LEFT, after=0)
    tag(left, "{%p endfor %}")
    tag(left, "{%p if not report.recipients %}")
    para(left, "- [Cơ quan nhận báo cáo];", 11, align=WD_ALIGN_PARAGRAPH.LEFT, after=0)
    tag(left, "{%p endif %}")
    para(left, "- Lưu: VT, ….", 11, align=WD_ALIGN_PARAGRAPH.LEFT, after=0)
    left._tc.remove(left.paragraphs[0]._p)

    tag(right, "{%p if report.letterhead.collective %}")
    para(right, "TM. {{ report.letterhead.collective }}", 14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    tag(right, "{%p endif %}")
    para(right, "[CHỨC VỤ NGƯỜI KÝ]", 14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    para(right, "(Ký, ghi rõ họ tên)", 14, italic=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    for _blank in range(4):  # room for the signature and the seal
        para(right, "", 14, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    para(right, "[Họ và tên]", 14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    right._tc.remove(right.paragraphs[0]._p)

    core = doc.core_properties
    core.author = core.last_modified_by = "tthc"
    core.title = "Báo cáo định kỳ"
    core.created = core.modified = FIXED_TIME
    core.revision = 1
    return doc


def reproducible(raw: bytes) -> bytes:
    """The same bytes on every run: members in a fixed order with a fixed timestamp."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in sorted(src.namelist(), key=lambda n: (n != "[Content_Types].xml", n)):
            info = zipfile.ZipInfo(name, date_time=(2021, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, src.read(name))
    return out.getvalue()


def main() -> int:
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "templates" / "periodic_report.docx"
    buffer = io.BytesIO()
    build().save(buffer)
    target.write_bytes(reproducible(buffer.getvalue()))
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
