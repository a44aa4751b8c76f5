"""Calendar and spreadsheet exports of the dated items."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta

from .catalog import Plan
from .output import items_csv, status_extra
from .status import ItemStatus

UID_DOMAIN = "tthc.kstthc"


def to_ics(ds: Plan, sts: Mapping[str, ItemStatus], stamp: date) -> bytes:
    """One all-day event per dated item on its due date (DTEND is the next day: all-day ends are
    exclusive in RFC 5545). UIDs are stable, so a re-import updates events instead of duplicating."""
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//tthc//KSTTHC plan//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", ds.meta.short_title)
    for item in ds.items:
        d = item.deadline
        if d.due is None:
            continue
        st = sts[item.id]
        event = Event()
        # The plan's identifier (province and year) keeps two plans' calendars apart in one Outlook.
        event.add("uid", f"{item.id}.{ds.meta.plan_id}@{UID_DOMAIN}")
        event.add("dtstamp", datetime(stamp.year, stamp.month, stamp.day, tzinfo=UTC))
        event.add("dtstart", d.due)
        event.add("dtend", d.due + timedelta(days=1))
        event.add("summary", f"[{item.id}] {item.title}")
        lines = [f"Chủ trì: {'; '.join(item.lead) or '—'}"]
        if item.support:
            lines.append(f"Phối hợp: {'; '.join(item.support)}")
        if item.unit and item.unit_role == "inspected":
            lines.append(f"Được kiểm tra: {item.unit}")
        lines.append(f"Thời hạn: {d.text or '—'}" + (" (dự kiến)" if d.tentative else ""))
        if d.effective_due and d.effective_due != d.due:
            lines.append(f"Hạn thực tế (ngày làm việc kế tiếp): {d.effective_due:%d/%m/%Y}")
        if d.start and d.start != d.due:
            lines.append(f"Từ ngày: {d.start:%d/%m/%Y}")
        lines.append(f"Trạng thái tại {stamp:%d/%m/%Y}: {st.label}")
        event.add("description", "\n".join(lines))
        event.add("categories", [item.kind])
        cal.add_component(event)
    ical: bytes = cal.to_ical()
    return ical


def to_csv(ds: Plan, sts: Mapping[str, ItemStatus]) -> str:
    """Every item with its status: the same columns as `tthc list --format csv`."""
    items = list(ds.items)
    return items_csv(items, [status_extra(items, sts)])
