"""Every word tthc shows for a code value — an item's status, a progress entry's status, a unit's role
— declared once, in English, and translated by the catalogue where it is shown (tables, CSV, reports,
templates). The codes themselves stay in JSON and CSV code columns."""

from __future__ import annotations

import re
from datetime import date

from tthc_cli.domain.plan import ItemKind, PlanItem, PlanMeta, Role
from tthc_cli.i18n import N_, _, language, pgettext

# The status words of domain.md: "Hoàn thành đúng hạn", "Quá hạn", … in the Vietnamese catalogue.
# Work done where there is no due date says so ("Hoàn thành (không có hạn)"): alone, "Đã hoàn thành"
# heads a column a reader takes for everything done.
STATUS = {
    "done_on_time": N_("Done on time"),
    "done_late": N_("Done late"),
    "done": N_("Done, no due date"),
    "overdue": N_("Overdue"),
    "due_soon": N_("Due soon"),
    "in_progress": N_("In progress"),
    "not_due": N_("Not yet due"),
    "ongoing": N_("Ongoing"),
    "no_due": N_("No deadline stated"),
    "standing": N_("Standing responsibility"),
}

# Capitalised like the status words beside them in tables.
ROLE = {"lead": N_("Lead"), "support": N_("Coordinating"), "inspected": N_("Inspected")}

# A unit's type (units.yaml `type`) and a group's kind, as `tthc units` shows them.
UNIT_TYPE = {
    "office": N_("Office"),
    "centre": N_("Centre"),
    "department": N_("Department"),
    "board": N_("Board"),
    "portal": N_("Portal"),
    "media": N_("Press"),
    "central": N_("Central agency in the province"),
    "city": N_("City"),
    "town": N_("Town"),
    "district": N_("District"),
    "urban_district": N_("Urban district"),
    "commune": N_("Commune"),
    "ward": N_("Ward"),
    "township": N_("Township"),
    "mass_org": N_("Mass organisation"),
    "enterprise": N_("Enterprise"),
    "other": N_("Other"),
}
GROUP_KIND = {
    "listed": N_("listed group"),
    "collective": N_("group not fully listed"),
    "appendix": N_("the units of an appendix"),
    "open": N_("open-ended group"),
}


def dmy(day: date | None) -> str:
    """A day as people read it, in every language: dd/mm/yyyy (empty for no day). The one display
    format of dates; JSON, CSV and SQLite carry ISO dates. The year has four digits whatever it is
    (strftime's %Y writes year 1 as "1" on glibc)."""
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}" if day else ""


def percent(rate: float | None) -> str:
    """A rate as people read it: 0.75 -> "75%"; "—" when there is none (nothing judged yet)."""
    return "—" if rate is None else f"{rate:.0%}"


def grouped(n: int) -> str:
    """A count as the reader's language writes it: 29.900 in Vietnamese, 29,900 in English."""
    text = f"{n:,}"
    return text.replace(",", ".") if language() == "vi" else text


def status_label(code: str) -> str:
    return _(STATUS[code])


def role_label(code: str) -> str:
    return _(ROLE[code])


def unit_type_label(code: str) -> str:
    return _(UNIT_TYPE[code])


def group_kind_label(code: str) -> str:
    return _(GROUP_KIND[code])


def entry_status_label(code: str) -> str:
    """A progress entry's status as a word ("done" in a log line is "hoàn thành", not "done")."""
    words = {
        "started": pgettext("progress entry", "started"),
        "done": pgettext("progress entry", "done"),
        "reopened": pgettext("progress entry", "reopened"),
        "note": pgettext("progress entry", "note"),
    }
    return words.get(code, code)


# --- names of items: the one place the rule lives ------------------------------------------------

TITLE_LIMIT = 90  # characters of an item's own text shown where no short title is written


def item_label(item: PlanItem, meta: PlanMeta, unit: bool = True, *, whose: bool = True) -> str:
    """How officials name an item, as the document numbers it: "Mục 3.2", "Mục IV.2", "PL I – 3 (Sở Y
    tế)" for a row whose unit does the work, "PL II – II.12" for a row whose unit is inspected (it is
    the object, shown beside), "PL I – Ghi chú 2" for a note under an appendix; an obligation adds
    whose and when: "Mục IV.2 – Sở Y tế", "Mục 3 (tháng 5/2022)". `unit=False` where space is short
    (the timeline); `whose=False` leaves out an obligation's unit where the unit is known (its own
    table in `tthc unit`). Every table, brief, report and calendar a person reads uses this; JSON and
    CSV keep the ID."""
    if item.kind is ItemKind.NOTE:
        label = _note_label(item, meta)
    elif item.kind in (ItemKind.TASK, ItemKind.DUTY):
        label = _("Item {number}").format(number=item.number)
    else:
        appendix = meta.appendix(item.appendix)
        number = appendix.number if appendix and appendix.number else ""
        label = _("App. {appendix} – {row}").format(appendix=number, row=item.number).replace("  ", " ")
        if unit and item.unit and item.unit_role is not Role.INSPECTED:
            label += f" ({item.unit})"
        return label
    if whose and item.parent is not None and item.unit is not None:  # an obligation of one unit
        label += f" – {item.unit}"
    if item.period is not None:
        label += f" ({period_words(item.period)})"
    return label


def _note_label(item: PlanItem, meta: PlanMeta) -> str:
    where, _dot, number = item.number.partition(".")
    appendix = meta.appendix(where)
    if appendix is not None:
        if not appendix.number:  # an appendix the document does not number: "PL – Ghi chú 2", as its rows
            return _("App. – Note {number}").format(number=number or "")
        return _("App. {appendix} – Note {number}").format(appendix=appendix.number, number=number or "")
    if number:
        return _("Section {section}, paragraph {number}").format(section=where, number=number)
    return _("Section {section}, closing paragraph").format(section=where)


_ROMAN_QUARTERS = ("I", "II", "III", "IV")
_PERIOD = re.compile(r"^(\d{4})(?:-([MQHW])(\d{1,2}))?$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def period_words(code: str) -> str:
    """An occurrence's period as people say it: 2021-Q2 -> "quý II/2021", 2022-M05 -> "tháng 5/2022",
    2021-H1 -> "6 tháng đầu năm 2021", 2021-9M -> "9 tháng đầu năm 2021", 2021 -> "năm 2021", 2021-W05
    -> "tuần 5/2021", a day or an interval of days as dd/mm/yyyy."""
    m = _PERIOD.match(code)
    if m:
        year, unit, n = m[1], m[2], int(m[3] or 0)
        if unit == "Q" and 1 <= n <= 4:
            return _("quarter {quarter}/{year}").format(quarter=_ROMAN_QUARTERS[n - 1], year=year)
        if unit == "M":
            return _("month {month}/{year}").format(month=n, year=year)
        if unit == "H":
            return (_("first half of {year}") if n == 1 else _("second half of {year}")).format(year=year)
        if unit == "W":
            return _("week {week}/{year}").format(week=n, year=year)
        if unit is None:
            return _("year {year}").format(year=year)
    if re.match(r"^\d{4}-9M$", code):  # the nine-month report's period (2021-9M)
        return _("the first nine months of {year}").format(year=code[:4])
    days = code.split("/")
    if all(_DAY.match(d) for d in days):
        return " – ".join(f"{d[8:10]}/{d[5:7]}/{d[:4]}" for d in days)
    return code


def item_text(item: PlanItem) -> str:
    """The item's own text, whole; a heading ("Nhóm nội dung công việc:") says nothing alone, so its
    first line of content stands for it."""
    text = " ".join(item.title.split())
    if text.endswith(":") and item.content:
        return " ".join(item.content[0].split())
    return item.title


def item_title(item: PlanItem, limit: int = TITLE_LIMIT) -> str:
    """The short title the office wrote for the item, else the document's own text cut at a word."""
    if item.short_title:
        return item.short_title
    text = " ".join(item.title.split())
    if text.endswith(":") and item.content:
        # A heading ("Nhóm nội dung công việc:") says nothing alone: its first line of content does.
        text = " ".join(item.content[0].split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:.") + " …"


def code_label(value: object) -> str:
    """A code carried by a problem (an Enum member) as a sentence says it: its code (no code a
    problem carries has words of its own)."""
    return str(getattr(value, "value", value))


def plan_title(meta: PlanMeta) -> str:
    """ "Kế hoạch 2021 – Hải Dương": for table titles and calendar names."""
    return _("Plan {year}").format(year=meta.year) + (f" – {meta.province}" if meta.province else "")


def kind_labels(meta: PlanMeta) -> dict[str, str]:
    """Short labels of each kind code, as the document names its parts: "Nhiệm vụ", "Mục IV" (the
    section holding the duties), "PL I" (an appendix) — in the reader's language."""
    duties = meta.section("duties")
    labels = {
        "task": pgettext("kind", "Task"),
        "duty": pgettext("kind", "Section {number}").format(number=duties[0])
        if duties
        else pgettext("kind", "Responsibilities"),
    }
    for a in meta.appendices:
        labels[a.name] = (
            pgettext("kind", "App. {number}").format(number=a.number)
            if a.number
            else pgettext("kind", "Appendix")
        )
    labels["note"] = pgettext("kind", "Note, paragraph")
    return labels


def kind_names(meta: PlanMeta) -> dict[str, tuple[str, ...]]:
    """Every name a person may give a kind, in the reader's language: the table's label ("PL I",
    "Mục IV"), the part's full name ("Phụ lục I", "Trách nhiệm", "Ghi chú") and an appendix's title
    ("Danh mục thủ tục hành chính rà soát…"); `--kind` reads any of them, or the code."""
    names = {code: [label] for code, label in kind_labels(meta).items()}
    names["task"].append(pgettext("kind", "Task"))
    names["duty"].append(pgettext("kind", "Responsibilities"))
    names["note"].append(pgettext("kind", "Note"))
    for a in meta.appendices:
        if a.number:
            names[a.name].append(pgettext("kind", "Appendix {number}").format(number=a.number))
        names[a.name].append(a.title)
    return {code: tuple(dict.fromkeys(words)) for code, words in names.items()}


FACT = {
    "lead": N_("lead"),
    "support": N_("coordinating"),
    "deadline": N_("deadline"),
    "note": N_("note"),
    "reports": N_("reports asked for"),
}


def inferred_words(basis: str) -> str:
    """ "suy ra từ Điều 2.1 và Mục 3.1": a fact the document does not print where it is used."""
    return _("inferred from {basis}").format(basis=basis)


def fact_label(code: str) -> str:
    return _(FACT[code])


REPORT_PERIOD = {
    "month": N_("monthly"),
    "quarter": N_("quarterly"),
    "half_year": N_("every six months"),
    "nine_months": N_("nine-monthly"),
    "year": N_("yearly"),
}


def report_period_label(code: str) -> str:
    words = REPORT_PERIOD.get(code)
    return _(words) if words else code
