"""Every word tthc shows for a code value — an item's status, a progress entry's status, a unit's role
— declared once, in English, and translated by the catalogue where it is shown (tables, CSV, reports,
templates). The codes themselves stay in JSON and CSV code columns."""

from __future__ import annotations

from tthc_cli.domain.plan import AppendixInfo, ItemKind, PlanItem, PlanMeta, Role
from tthc_cli.i18n import N_, _, pgettext

# The status words of domain.md: "Hoàn thành đúng hạn", "Quá hạn", … in the Vietnamese catalogue.
STATUS = {
    "done_on_time": N_("Done on time"),
    "done_late": N_("Done late"),
    "overdue": N_("Overdue"),
    "due_soon": N_("Due soon"),
    "in_progress": N_("In progress"),
    "not_due": N_("Not yet due"),
    "ongoing": N_("Ongoing"),
    "no_due": N_("No deadline stated"),
}

ROLE = {"lead": N_("lead"), "support": N_("coordinating"), "inspected": N_("inspected")}

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


# CSV columns are opened in Excel by people: headed in their language; the codes stay the keys of the
# JSON output, which is the format for scripts.
CSV_HEADERS = {
    "id": N_("ID"),
    "kind": N_("Kind"),
    "title": N_("Item"),
    "lead": N_("Lead"),
    "support": N_("Coordinating"),
    "unit": N_("Unit"),
    "deadline_text": N_("Deadline"),
    "deadline_kind": N_("Kind of deadline"),
    "start": N_("Start"),
    "due": N_("Due"),
    "effective_due": N_("Effective due date"),
    "tentative": N_("Tentative"),
    "status": N_("Status code"),
    "status_label": N_("Status"),
    "done_on": N_("Done on"),
    "days_late": N_("Days late"),
    "children_done": N_("Sub-items done"),
    "children_total": N_("Sub-items"),
    "role": N_("Role"),
    "via": N_("Through group"),
    "definite": N_("Definitely concerned"),
    "name": N_("Name"),
    "type": N_("Type"),
    "aliases": N_("Other names"),
    "members": N_("Members"),
}


def csv_header(code: str) -> str:
    words = CSV_HEADERS.get(code)
    return _(words) if words else code


# --- names of items: the one place the rule lives ------------------------------------------------

TITLE_LIMIT = 90  # characters of an item's own text shown where no short title is written


def item_label(item: PlanItem, meta: PlanMeta, unit: bool = True) -> str:
    """How officials name an item, as the document numbers it: "Mục 3.2", "Mục IV.2", "PL I – 3 (Sở Y
    tế)" for a row whose unit does the work, "PL II – II.12" for a row whose unit is inspected (it is
    the object, shown beside); `unit=False` where space is short (the timeline). Every table, brief,
    report and timeline a person reads uses this; JSON and CSV keep the ID."""
    if item.kind in (ItemKind.TASK, ItemKind.DUTY):
        return _("Item {number}").format(number=item.number)
    appendix = meta.appendix(item.appendix)
    number = appendix.number if appendix and appendix.number else ""
    label = _("App. {appendix} – {row}").format(appendix=number, row=item.number).replace("  ", " ")
    if unit and item.unit and item.unit_role is not Role.INSPECTED:
        label += f" ({item.unit})"
    return label


def item_title(item: PlanItem, limit: int = TITLE_LIMIT) -> str:
    """The short title the office wrote for the item, else the document's own text cut at a word."""
    if item.short_title:
        return item.short_title
    text = " ".join(item.title.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:.") + " …"


# Words for the codes a problem may carry (an Enum's value -> its msgid), by the Enum's class name.
CODE_WORDS: dict[str, dict[str, str]] = {}


def code_label(value: object) -> str:
    """The word for a code carried by a problem (an Enum member), in the reader's language; the code
    itself when no word is declared."""
    code = str(getattr(value, "value", value))
    words = CODE_WORDS.get(type(value).__name__, {})
    return _(words[code]) if code in words else code


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


def appendix_label(info: AppendixInfo) -> str:
    """How officials name an appendix: "Phụ lục I", or "Phụ lục" for a single unnumbered one."""
    return f"Phụ lục {info.number}" if info.number else "Phụ lục"
