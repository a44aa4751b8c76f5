"""The progress log -> each item's status as of a date, in the status words of Vietnamese follow-up."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from tthc_cli.domain.deadlines import DeadlineKind
from tthc_cli.domain.plan import Entry, EntryStatus, Plan, PlanItem

DEFAULT_WARN_DAYS = 7


class Status(StrEnum):
    """The status words of Vietnamese follow-up (domain.md): done on time needs a due date; work done
    where the text sets none is simply done ("Hoàn thành (không có hạn)")."""

    DONE_ON_TIME = "done_on_time"
    DONE_LATE = "done_late"
    DONE = "done"
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    IN_PROGRESS = "in_progress"
    NOT_DUE = "not_due"
    ONGOING = "ongoing"
    NO_DUE = "no_due"
    STANDING = "standing"  # a standing responsibility: nothing to deliver, never done, never late


DONE = frozenset({Status.DONE_ON_TIME, Status.DONE_LATE, Status.DONE})


@dataclass(frozen=True, slots=True)
class ItemStatus:
    """`days_late`: overdue, days past the effective due date; done late, days it took beyond it.
    `children_done`/`children_total`: for an item with parts (appendix rows, obligations), how many
    are done (task 3.2: x/16, task 6: x/17, IV.2: x/28)."""

    item: PlanItem
    status: Status
    done_on: date | None = None
    started_on: date | None = None
    days_late: int | None = None
    last: Entry | None = None
    children_done: int | None = None
    children_total: int | None = None
    done_by: str | None = None  # who reported the completion, when its entry says (`by`)

    @property
    def done(self) -> bool:
        return self.status in DONE


def entries_by_item(entries: Iterable[Entry], as_of: date) -> dict[str, list[Entry]]:
    """Entries up to and including `as_of`, per item, oldest first (stable for same-day entries)."""
    out: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        if entry.date <= as_of:
            out[entry.id].append(entry)
    for rows in out.values():
        rows.sort(key=lambda e: e.date)
    return out


def judge(
    item: PlanItem, entries: Sequence[Entry], today: date, warn_days: int = DEFAULT_WARN_DAYS
) -> ItemStatus:
    """Status of one item on `today`, judged against its effective due date (Art. 148(5))."""
    done_on: date | None = None
    done_by: str | None = None
    started_on: date | None = None
    for entry in entries:
        if entry.status == EntryStatus.DONE:
            # A second "done" (a repeated report) does not move the completion date; only
            # "reopened" in between does.
            if done_on is None:
                done_on, done_by = entry.date, entry.by
        elif entry.status == EntryStatus.REOPENED:
            done_on = done_by = None
        elif entry.status == EntryStatus.STARTED and started_on is None:
            started_on = entry.date
    last = entries[-1] if entries else None
    if item.standing:
        return ItemStatus(item, Status.STANDING, None, started_on, None, last)
    due = item.deadline.effective_due
    if done_on is not None:
        if due is None:  # on time needs a due date
            return ItemStatus(item, Status.DONE, done_on, started_on, None, last, done_by=done_by)
        if done_on <= due:
            return ItemStatus(item, Status.DONE_ON_TIME, done_on, started_on, None, last, done_by=done_by)
        days = (done_on - due).days
        return ItemStatus(item, Status.DONE_LATE, done_on, started_on, days, last, done_by=done_by)
    if due is None:
        # "Thường xuyên" work is never overdue during the year; the year-end review judges it. An item
        # for which the plan states no deadline at all (IV.2: each unit writes its plan) is not
        # "ongoing": it is said to have none.
        kind = Status.NO_DUE if item.deadline.kind is DeadlineKind.UNSPECIFIED else Status.ONGOING
        return ItemStatus(item, kind, None, started_on, None, last)
    late = item.deadline.days_late(today)
    if late is not None:
        return ItemStatus(item, Status.OVERDUE, None, started_on, late, last)
    # Due within the warning window outranks "started": it is what needs a reminder.
    if (due - today).days <= warn_days:
        return ItemStatus(item, Status.DUE_SOON, None, started_on, None, last)
    if started_on is not None:
        return ItemStatus(item, Status.IN_PROGRESS, None, started_on, None, last)
    return ItemStatus(item, Status.NOT_DUE, None, None, None, last)


def statuses(plan: Plan, today: date, warn_days: int = DEFAULT_WARN_DAYS) -> dict[str, ItemStatus]:
    """Every item's status on `today`. An item with parts (appendix rows, or the obligations it is
    split into) stands where its parts stand (domain/accountability.py)."""
    log = entries_by_item(plan.progress, today)
    result = {item.id: judge(item, log.get(item.id, []), today, warn_days) for item in plan.items}
    for item in plan.items:
        kids = plan.children(item.id)
        if kids:
            result[item.id] = rolled_up(result[item.id], [result[k.id] for k in kids])
    return result


def rolled_up(own: ItemStatus, kids: Sequence[ItemStatus]) -> ItemStatus:
    """The status of an item from its parts': done when every part is (late if a part was, or if the
    item's own completion came after its due date; on time only where a due date exists), else the
    most pressing state among the parts not done. `own` is the item judged on its own entries: a
    "done" recorded for the item itself (task 6's summary report) dates the completion when later."""
    started = min((d for d in (own.started_on, *(k.started_on for k in kids)) if d), default=None)
    logged = [e for e in (own.last, *(k.last for k in kids)) if e is not None]
    whole = ItemStatus(
        own.item,
        own.status,
        started_on=started,
        last=max(logged, key=lambda e: e.date) if logged else None,
        children_done=sum(1 for k in kids if k.done),
        children_total=len(kids),
    )
    if kids and whole.children_done == len(kids):
        return _finished(whole, own.done_on, kids)
    return _pressing(whole, kids)


def _finished(whole: ItemStatus, own_done_on: date | None, kids: Sequence[ItemStatus]) -> ItemStatus:
    """Every part done: when the last was (or the item's own "done", if later), late by the most any
    part was or by the item's own delay past its due date."""
    finished = max(d for d in (own_done_on, *(k.done_on for k in kids)) if d)
    due = whole.item.deadline.effective_due
    late = [k.days_late or 0 for k in kids if k.status is Status.DONE_LATE]
    if due is not None and finished > due:
        late.append((finished - due).days)
    if late:
        return replace(whole, status=Status.DONE_LATE, done_on=finished, days_late=max(late))
    dated = due is not None or any(k.status is Status.DONE_ON_TIME for k in kids)
    return replace(whole, status=Status.DONE_ON_TIME if dated else Status.DONE, done_on=finished)


def _pressing(whole: ItemStatus, kids: Sequence[ItemStatus]) -> ItemStatus:
    """Some part open: the most pressing state among the open parts (overdue by the most days late)."""
    open_kids = [k for k in kids if not k.done]
    for status in (Status.OVERDUE, Status.DUE_SOON, Status.IN_PROGRESS):
        hit = [k for k in open_kids if k.status is status]
        if hit:
            days = max(k.days_late or 0 for k in hit) if status is Status.OVERDUE else None
            return replace(whole, status=status, days_late=days)
    begun = whole.children_done or whole.started_on
    return replace(whole, status=Status.IN_PROGRESS if begun else open_kids[0].status)
