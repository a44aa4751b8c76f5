"""Starting next year's plan: the skeleton files of a new plan folder and the list of the old plan's
unfinished items for the drafters. Pure: the command line reads and writes the files."""

from __future__ import annotations

import re
from datetime import date

from tthc_cli.domain.plan import ItemKind, Plan, PlanItem, Split
from tthc_cli.domain.plan_files import PLAN, PROGRESS, REPORTING, UNITS
from tthc_cli.domain.status import ItemStatus
from tthc_cli.i18n import _, ngettext, pgettext
from tthc_cli.present.labels import dmy, item_label, item_title, plan_title, status_label
from tthc_cli.present.tables import markdown_cell

CARRY_OVER = "carry_over.md"  # beside the data files; not a data file, tthc never reads it back
_MODELINE = re.compile(r"^# yaml-language-server: \$schema=\S+[ \t]*\r?\n?")


def modeline(schema_prefix: str, kind: str) -> str:
    """The editor's line pointing at a schema: `schema_prefix` is the path from the new folder to the
    folder holding the JSON Schemas ("../schemas/", or "schemas/" when written beside the files)."""
    return f"# yaml-language-server: $schema={schema_prefix}{kind}.schema.json\n"


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (the province name goes into the skeleton as data)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def plan_skeleton(year: int, province: str | None, schema_prefix: str, made_on: date) -> str:
    """plan.yaml for a new plan: every field the document must supply is present and empty, so
    `tthc validate` points at each one still to fill, at its line."""
    province_line = f"  province: {_quoted(province)}\n" if province else "  province: null\n"
    return (
        modeline(schema_prefix, "plan")
        + f"#\n# Kế hoạch năm {year}: khung do `tthc new` tạo ngày {dmy(made_on)}.\n"
        "# Chép nguyên văn từ văn bản đã ký; `tthc validate` chỉ ra từng chỗ còn trống.\n"
        '# Xem README, mục "Start next year\'s plan".\n'
        "# Việc chưa xong của kế hoạch cũ (nếu có) nằm trong carry_over.md: xem xét, không tự chép sang.\n"
        "\n"
        "# Có quyết định ban hành kế hoạch thì điền khối `decision` (number, number_text, date, date_text,\n"
        "# issuer, title, signer, signer_title); kế hoạch ban hành trực tiếp thì điền số, ngày, người ký\n"
        "# ngay dưới `plan`.\n"
        "plan:\n"
        "  title: null  # tên kế hoạch, nguyên văn\n"
        f"  year: {year}\n"
        + province_line
        + "  # period: {start: YYYY-MM-DD, end: YYYY-MM-DD}  # khi không trọn năm dương lịch\n"
        "  number_text: null\n"
        "  date: null\n"
        "  issuer: null\n"
        "\n"
        "# Các mục lớn như văn bản in (I, II, …); `holds: tasks` cho mục chứa nhiệm vụ, `holds: duties`\n"
        "# cho mục tổ chức thực hiện.\n"
        "sections: []\n"
        "\n"
        "# Mỗi nhiệm vụ: number (như văn bản in: 1, 1.1, 2.a), title, lead {text, refs}, support,\n"
        "# deadline {text: cụm từ thời hạn nguyên văn}, deliverable; `appendix: <tên>` nếu có phụ lục\n"
        "# appendix_<tên>.yaml chi tiết nó.\n"
        "tasks: []\n"
        "duties: []\n"
    )


def units_text(old_units: str | None, province: str | None, schema_prefix: str) -> str:
    """units.yaml: the old plan's registry carried over as it is (units rarely change from one year to
    the next; edit what did), its editor line pointed at the new folder's schemas."""
    if old_units is not None:
        return modeline(schema_prefix, "units") + _MODELINE.sub("", old_units.lstrip("\ufeff"), count=1)
    province_line = f"province: {_quoted(province)}\n" if province else "province: null\n"
    return (
        modeline(schema_prefix, "units")
        + '#\n# Danh mục mọi đơn vị và nhóm mà kế hoạch nhắc đến (xem README, mục "The data").\n'
        "# Mỗi đơn vị: name (tên đầy đủ), type (loại: department là sở, district là huyện, …), aliases\n"
        "# (các tên khác, tên viết tắt). Mỗi nhóm: name, kind (listed, collective, appendix, open),\n"
        "# members (thành viên). Sửa xong chạy `tthc validate` để kiểm tra.\n\n"
        + province_line
        + "units: []\ngroups: []\n"
    )


def reporting_text(old_reporting: str, schema_prefix: str) -> str:
    """reporting.yaml: the old plan's reporting regime carried over as it is (its rules are dated: a
    rule that takes effect in the new year is already there; add the next one when it is issued), its
    editor line pointed at the new folder's schemas."""
    return modeline(schema_prefix, "reporting") + _MODELINE.sub("", old_reporting.lstrip("\ufeff"), count=1)


def progress_text(year: int, schema_prefix: str) -> str:
    return (
        modeline(schema_prefix, "progress")
        + f"#\n# Nhật ký tiến độ của kế hoạch năm {year}: đơn vị nào báo đã làm gì, vào ngày nào. Chỉ ghi\n"
        "# thêm vào cuối, không sửa, không xóa các mục đã ghi — dùng lệnh\n"
        f'#   tthc progress add MÃ --status done --date {year}-06-25 --evidence "Quyết định số …" --by "…"\n'
        "# Muốn hủy một lần ghi hoàn thành, ghi thêm một mục với status: reopened (mở lại).\n"
        "entries:\n"
    )


def unfinished(plan: Plan, statuses: dict[str, ItemStatus]) -> list[ItemStatus]:
    """Every obligation of the old plan not done on the day asked, in document order: the items
    without parts (an item with parts is summarised from them, never listed as one more row). A
    standing responsibility is never done and never unfinished: it has nothing to deliver."""
    return [
        statuses[item.id]
        for item in plan.items
        if not statuses[item.id].done and not item.standing and not plan.children(item.id)
    ]


def _summary_line(plan: Plan, item: PlanItem, statuses: dict[str, ItemStatus]) -> str | None:
    """ "Mục IV.2: 27/28 đơn vị chưa xong" for an item with parts, "Mục 1.1: Quá hạn" for one without;
    None when the item is done."""
    st = statuses[item.id]
    if st.done or item.standing:
        return None
    label = item_label(item, plan.meta)
    parts = plan.children(item.id)
    if not parts:
        return f"{label}: {status_label(st.status)}"
    # An item's appendix rows and its shares (3.2: its Phụ lục I rows and its periodic reports) apart.
    rows = [part for part in parts if part.kind is ItemKind.ROW]
    shares = [part for part in parts if part.kind is not ItemKind.ROW]
    said = []
    for group, split in ((rows, None), (shares, item.split)):
        if not group:
            continue
        left = sum(1 for part in group if not statuses[part.id].done)
        counts = {"left": left, "total": len(group)}
        if split is Split.UNIT:
            words = ngettext("{left}/{total} unit not done", "{left}/{total} units not done", len(group))
        elif split is Split.PERIOD:
            words = ngettext("{left}/{total} period not done", "{left}/{total} periods not done", len(group))
        elif split is not None:
            words = ngettext(
                "{left}/{total} obligation not done", "{left}/{total} obligations not done", len(group)
            )
        else:
            words = ngettext(
                "{left}/{total} appendix row not done", "{left}/{total} appendix rows not done", len(group)
            )
        said.append(words.format(**counts))
    return f"{label}: {'; '.join(said)}"


def carry_over_markdown(plan: Plan, statuses: dict[str, ItemStatus], as_of: date, year: int) -> str:
    """The old plan's unfinished work, for the drafters of the new one to decide on: a line per item
    of the document first (how many of its units, periods or rows are not done), then every
    unfinished obligation. Linear in the plan's size (a plan at the obligation bound included)."""
    rows = unfinished(plan, statuses)
    lines = [
        "# "
        + _("Unfinished items of {plan} (status on {day})").format(
            plan=plan_title(plan.meta), day=dmy(as_of)
        ),
        "",
        _(
            "For the drafters of the {year} plan to consider: tthc copies none of them into the new plan."
        ).format(year=year),
        "",
    ]
    if not rows:
        lines.append(_("Every item of the old plan is done."))
        return "\n".join(lines) + "\n"
    lines += ["## " + _("Summary by item"), ""]
    for item in plan.items:
        if item.parent is None:
            line = _summary_line(plan, item, statuses)
            if line is not None:
                lines.append("- " + markdown_cell(line))
    lines += ["", "## " + _("Every unfinished obligation"), ""]
    header = [
        pgettext("column", "Item no."),
        _("Item"),
        _("Lead unit"),
        _("Deadline"),
        _("Status"),
        _("ID"),
    ]
    lines += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for st in rows:
        item = st.item
        cells = [
            markdown_cell(item_label(item, plan.meta)),
            markdown_cell(item_title(item, 160)),
            markdown_cell("; ".join(item.lead)),
            markdown_cell(item.deadline.text or "—"),
            markdown_cell(status_label(st.status)),
            markdown_cell(item.id),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def new_plan_files(
    *,
    year: int,
    province: str | None,
    schema_prefix: str,
    made_on: date,
    old_units: str | None = None,
    carry_over: str | None = None,
    old_reporting: str | None = None,
) -> dict[str, str]:
    """File name -> text of a new plan folder (reporting.yaml only when the old plan has one)."""
    files = {
        PLAN: plan_skeleton(year, province, schema_prefix, made_on),
        UNITS: units_text(old_units, province, schema_prefix),
        PROGRESS: progress_text(year, schema_prefix),
    }
    if old_reporting is not None:
        files[REPORTING] = reporting_text(old_reporting, schema_prefix)
    if carry_over is not None:
        files[CARRY_OVER] = carry_over
    return files
