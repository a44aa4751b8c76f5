"""The calendar export of the dated items (the spreadsheets are spreadsheet.py's)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, timedelta

from tthc_cli.domain.plan import ItemKind, PlanItem, PlanMeta, Role
from tthc_cli.domain.status import ItemStatus
from tthc_cli.i18n import _
from tthc_cli.present.labels import dmy, item_label, item_title, kind_labels, plan_title, status_label

UID_DOMAIN = "tthc.kstthc"


def event_title(item: PlanItem, meta: PlanMeta) -> str:
    """What the event is, as the document numbers it: "Kiểm tra UBND huyện Kim Thành (PL II – II.7)"
    for a row whose unit is inspected, "Rà soát, đánh giá … năm 2021 – Sở Y tế (PL I – 6)" for a
    row its unit carries out (the appendix says what the rows are), "Mục 8 – Sở Y tế: Nghiên cứu …"
    for a task, a duty, a note or one unit's share of them."""
    if item.kind is ItemKind.ROW:
        where = item_label(item, meta, unit=False)
        if item.unit_role is Role.INSPECTED and item.unit:
            return _("Inspection of {unit} ({label})").format(unit=item.unit, label=where)
        appendix = meta.appendix(item.appendix)
        what = appendix.title if appendix and appendix.title else item_title(item)
        return f"{what} – {item.unit} ({where})" if item.unit else f"{what} ({where})"
    return f"{item_label(item, meta)}: {item_title(item)}"


def to_ics(items: Sequence[PlanItem], meta: PlanMeta, sts: Mapping[str, ItemStatus], stamp: date) -> bytes:
    """One all-day event per dated item on its due date (DTEND is the next day: all-day ends are
    exclusive in RFC 5545). UIDs are stable, so a re-import updates events instead of duplicating."""
    # Imported for the calendar export only (~30 ms).
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//tthc//KSTTHC plan//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", plan_title(meta))
    kinds = kind_labels(meta)
    for item in items:
        d = item.deadline
        if d.due is None:
            continue
        st = sts[item.id]
        event = Event()
        # The plan's identifier (province and year) keeps two plans' calendars apart in one Outlook.
        event.add("uid", f"{item.id}.{meta.plan_id}@{UID_DOMAIN}")
        event.add("dtstamp", datetime(stamp.year, stamp.month, stamp.day, tzinfo=UTC))
        event.add("dtstart", d.due)
        event.add("dtend", d.due + timedelta(days=1))
        event.add("summary", event_title(item, meta))
        lines = [f"{_('Lead')}: {'; '.join(item.lead) or '—'}"]
        if item.support:
            lines.append(f"{_('Coordinating')}: {'; '.join(item.support)}")
        if item.unit and item.unit_role is Role.INSPECTED:
            lines.append(f"{_('Inspected')}: {item.unit}")
        lines.append(f"{_('Deadline')}: {d.text or '—'}" + (f" ({_('tentative')})" if d.tentative else ""))
        if d.effective_due and d.effective_due != d.due:
            lines.append(_("Effective due date (next working day): {day}").format(day=dmy(d.effective_due)))
        if d.start and d.start != d.due:
            lines.append(_("From: {day}").format(day=dmy(d.start)))
        lines.append(_("Status on {day}: {status}").format(day=dmy(stamp), status=status_label(st.status)))
        event.add("description", "\n".join(lines))
        # Outlook shows categories to people: the plan's own name for the kind ("Nhiệm vụ", "PL I").
        event.add("categories", [kinds.get(item.kind_code, item.kind_code)])
        cal.add_component(event)
    ical: bytes = cal.to_ical()
    return ical
