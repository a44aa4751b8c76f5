"""Reminders by e-mail, without floods: for each unit, one short message listing what it owes itself
that is overdue or falls due within a few days (by the accountability model), most urgent first, and
apart the overdue work of the groups it takes part in; a unit with nothing overdue or upcoming gets no
message at all. The text comes from a template (templates/remind.txt.j2, or the office's own): its
first line is the subject, the rest the body. The message is RFC 5322, made with the standard
library's `email` package, UTF-8 throughout (headers as encoded words, the body quoted-printable).

Why the group's work is there, and only as a passenger: work a group leads as a whole (a monthly
report of "các sở, ban, ngành") is no member's own, so it never makes a message by itself (thirty
members would each get one for the same report), but a unit reading its reminder should see the
common work it takes part in that is late.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from email.header import Header
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, formataddr, parseaddr

from tthc_cli.domain.accountability import Assignment, all_assignments, is_rollup
from tthc_cli.domain.item_ids import unit_slug
from tthc_cli.domain.plan import Plan, PlanItem, Role
from tthc_cli.domain.status import ItemStatus, Status
from tthc_cli.present.labels import item_label, item_title

TEMPLATE = "remind.txt.j2"
MAX_LINES = 10  # of each section: a reminder is read in a minute; the rest is counted, not listed
MESSAGE_ID_DOMAIN = "tthc.kstthc"


@dataclass(frozen=True, slots=True, kw_only=True)
class Line:
    """One obligation in a reminder: as the document numbers it, its text, its due date as set and
    as it falls on a working day, how late or how soon, and what to send back (the item's
    deliverable). `group`: for a group's work, the group."""

    item: PlanItem
    label: str
    title: str
    due: date | None
    effective_due: date | None
    days_late: int | None = None
    days_left: int | None = None
    evidence: str | None = None
    group: str | None = None

    @property
    def moved(self) -> bool:
        """The effective due date differs from the one set (a weekend or holiday moved it)."""
        return self.effective_due is not None and self.effective_due != self.due


@dataclass(frozen=True, slots=True, kw_only=True)
class Reminder:
    """What one unit is reminded of on `today`. The sections hold at most MAX_LINES lines each; the
    `*_more` counts say how many more there are."""

    unit: str
    email: str | None
    today: date
    within: int
    overdue: tuple[Line, ...]
    upcoming: tuple[Line, ...]
    shared: tuple[Line, ...] = ()
    overdue_more: int = 0
    upcoming_more: int = 0
    shared_more: int = 0

    @property
    def slug(self) -> str:
        return unit_slug(self.unit)

    @property
    def overdue_count(self) -> int:
        return len(self.overdue) + self.overdue_more

    @property
    def upcoming_count(self) -> int:
        return len(self.upcoming) + self.upcoming_more

    @property
    def most_days_late(self) -> int:
        return max((line.days_late or 0 for line in self.overdue), default=0)


def _line(plan: Plan, item: PlanItem, st: ItemStatus, today: date, group: str | None = None) -> Line:
    d = item.deadline
    left = (d.effective_due - today).days if d.effective_due and st.status is not Status.OVERDUE else None
    return Line(
        item=item,
        label=item_label(item, plan.meta),
        title=item_title(item),
        due=d.due,
        effective_due=d.effective_due,
        days_late=st.days_late if st.status is Status.OVERDUE else None,
        days_left=left,
        evidence=item.deliverable,
        group=group,
    )


def _capped(lines: list[Line]) -> tuple[tuple[Line, ...], int]:
    return tuple(lines[:MAX_LINES]), max(0, len(lines) - MAX_LINES)


def build_reminders(
    plan: Plan,
    statuses: Mapping[str, ItemStatus],
    today: date,
    within: int,
    unit: str | None = None,
) -> list[Reminder]:
    """The reminders of every unit (or of `unit`) that has something to be reminded of, most urgent
    first: the most days late, then the most overdue, then the soonest due. Each lists the unit's own
    obligations (the figures' rows: led by it by name, or its part of an item) not done and overdue,
    or falling due from today to today + `within` days; and its groups' overdue work it takes part in
    as a lead member. Standing responsibilities and open-ended groups' work are never listed."""
    rows = all_assignments(plan)
    order = {name: n for n, name in enumerate(plan.registry.units)}
    found: list[Reminder] = []
    for name, info in plan.registry.units.items():
        if unit is not None and name != unit:
            continue
        overdue, upcoming, shared = _lines_of(plan, rows.get(name, []), statuses, today, within)
        if not overdue and not upcoming:
            continue  # nothing of its own to say: no message (a group's work alone makes none)
        (o, o_more), (u, u_more), (s, s_more) = _capped(overdue), _capped(upcoming), _capped(shared)
        found.append(
            Reminder(
                unit=name,
                email=info.email,
                today=today,
                within=within,
                overdue=o,
                upcoming=u,
                shared=s,
                overdue_more=o_more,
                upcoming_more=u_more,
                shared_more=s_more,
            )
        )
    found.sort(
        key=lambda r: (
            -r.most_days_late,
            -r.overdue_count,
            min((line.effective_due or date.max for line in r.upcoming), default=date.max),
            order[r.unit],
        )
    )
    return found


def _lines_of(
    plan: Plan, rows: Sequence[Assignment], statuses: Mapping[str, ItemStatus], today: date, within: int
) -> tuple[list[Line], list[Line], list[Line]]:
    """A unit's lines, each list in its order: its own work overdue (most days late first) and falling
    due within `within` days (soonest first), and its groups' overdue work it leads as a member."""
    last = today + timedelta(days=within)
    overdue: list[Line] = []
    upcoming: list[Line] = []
    shared: list[Line] = []
    for row in rows:
        item = row.item
        st = statuses[item.id]
        if not row.definite or item.standing or st.done or is_rollup(plan, item):
            continue
        due = item.deadline.effective_due
        if row.own and st.status is Status.OVERDUE:
            overdue.append(_line(plan, item, st, today))
        elif row.own and due is not None and today <= due <= last:
            upcoming.append(_line(plan, item, st, today))
        elif not row.own and row.role is Role.LEAD and row.via is not None and st.status is Status.OVERDUE:
            shared.append(_line(plan, item, st, today, group=row.via))
    overdue.sort(key=lambda line: (-(line.days_late or 0), plan.order[line.item.id]))
    upcoming.sort(key=lambda line: (line.effective_due or date.max, plan.order[line.item.id]))
    shared.sort(key=lambda line: (-(line.days_late or 0), plan.order[line.item.id]))
    return overdue, upcoming, shared


def reminder_text(
    reminder: Reminder,
    plan: Plan,
    *,
    sender: str | None,
    forms: bool,
    templates: str | None = None,
) -> tuple[str, str]:
    """The subject and the body, from the template: its first line is the subject, then a blank
    line, then the body."""
    # Jinja: imported by the commands that render only (~40 ms; README "Speed").
    from tthc_cli.present.render import render

    text = render(TEMPLATE, templates, r=reminder, plan=plan.meta, sender=sender, forms=forms)
    subject, _newline, body = text.lstrip("\n").partition("\n")
    return " ".join(subject.split()), body.strip("\n") + "\n"


def message_id(reminder: Reminder, plan: Plan) -> str:
    """The same on every run of one day for one unit and plan (the unit and plan as a short digest, so
    the header fits a line): a reminder sent twice in a day is one message to the mail systems that
    drop repeated IDs."""
    unit = hashlib.blake2s(f"{plan.meta.plan_id}/{reminder.slug}".encode(), digest_size=8).hexdigest()
    return f"<remind.{reminder.today:%Y%m%d}.{unit}@{MESSAGE_ID_DOMAIN}>"


def email_message(
    reminder: Reminder,
    plan: Plan,
    subject: str,
    body: str,
    *,
    sender: str | None,
    reply_to: str | None,
    written: datetime,
    draft: bool,
) -> EmailMessage:
    """The RFC 5322 message: To the unit (its name as the display name) when it has an address;
    From the office when configured. Marked auto-generated (RFC 3834), so auto-replies (an absence
    notice from thirty mailboxes) are not sent back; a draft (written with -o, not sent) carries
    X-Unsent, so Outlook opens it as a message to send from the clerk's own account."""
    msg = EmailMessage(policy=SMTP)
    msg.set_raw("Subject", _encoded("Subject", subject))
    if sender:
        msg.set_raw("From", _mailbox("From", *parseaddr(sender)))
    if reminder.email:
        msg.set_raw("To", _mailbox("To", reminder.unit, reminder.email))
    if reply_to:
        msg.set_raw("Reply-To", _mailbox("Reply-To", *parseaddr(reply_to)))
    msg["Date"] = format_datetime(written)
    msg["Message-ID"] = message_id(reminder, plan)
    msg["Auto-Submitted"] = "auto-generated"
    msg["X-Auto-Response-Suppress"] = "All"
    if draft:
        msg["X-Unsent"] = "1"
    msg.set_content(body, charset="utf-8", cte="quoted-printable")
    return msg


# The headers are encoded here, not by the policy: Python 3.11's folder, refolding a long header of
# encoded words, drops the space between two words ("việcquá hạn") or splits a letter's bytes across
# words ("Xã h ội"). email.header.Header writes each word's text whole, spaces inside, in lines of
# at most 76 characters, which the policy then leaves as they are.


def _encoded(name: str, text: str) -> str:
    if text.isascii():
        return text
    return Header(text, "utf-8", header_name=name).encode()


def _mailbox(name: str, display: str, address: str) -> str:
    """'Sở Y tế <vanthu.syt@…>' as a header value: the name as encoded words, the address as it is."""
    if not display or display.isascii():
        return formataddr((display, address))
    return f"{_encoded(name, display)}\n <{address}>"


def file_names(reminders: Sequence[Reminder]) -> list[str]:
    """'01-so-y-te.eml': most urgent first in a folder listing."""
    width = max(2, len(str(len(reminders))))
    return [f"{n:0{width}d}-{r.slug}.eml" for n, r in enumerate(reminders, 1)]
