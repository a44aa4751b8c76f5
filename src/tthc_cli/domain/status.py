"""The progress log -> each item's status as of a date, in the status words of Vietnamese follow-up."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from tthc_cli.domain.deadlines import DeadlineKind
from tthc_cli.domain.plan import Entry, EntryStatus, Plan, PlanItem

DEFAULT_WARN_DAYS = 7


class Status(StrEnum):
    DONE_ON_TIME = "done_on_time"
    DONE_LATE = "done_late"
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    IN_PROGRESS = "in_progress"
    NOT_DUE = "not_due"
    ONGOING = "ongoing"
    NO_DUE = "no_due"


DONE = frozenset({Status.DONE_ON_TIME, Status.DONE_LATE})


@dataclass(frozen=True, slots=True)
class ItemStatus:
    """`days_late`: overdue, days past the effective due date; done late, days it took beyond it.
    `children_done`/`children_total`: roll-up of appendix rows (task 3.2: /16, task 6: /17)."""

    item: PlanItem
    status: Status
    done_on: date | None = None
    started_on: date | None = None
    days_late: int | None = None
    last: Entry | None = None
    children_done: int | None = None
    children_total: int | None = None

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
    started_on: date | None = None
    for entry in entries:
        if entry.status == EntryStatus.DONE:
            # A second "done" (a repeated report) does not move the completion date; only
            # "reopened" in between does.
            done_on = done_on or entry.date
        elif entry.status == EntryStatus.REOPENED:
            done_on = None
        elif entry.status == EntryStatus.STARTED and started_on is None:
            started_on = entry.date
    last = entries[-1] if entries else None
    due = item.deadline.effective_due
    if done_on is not None:
        if due is None or done_on <= due:
            return ItemStatus(item, Status.DONE_ON_TIME, done_on, started_on, None, last)
        return ItemStatus(item, Status.DONE_LATE, done_on, started_on, (done_on - due).days, last)
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


def statuses(ds: Plan, today: date, warn_days: int = DEFAULT_WARN_DAYS) -> dict[str, ItemStatus]:
    """Every item's status on `today`; tasks that group appendix rows carry the roll-up."""
    log = entries_by_item(ds.progress, today)
    result = {item.id: judge(item, log.get(item.id, []), today, warn_days) for item in ds.items}
    children: Mapping[str, list[str]] = _children(ds)
    for parent, kids in children.items():
        st = result[parent]
        done = sum(1 for k in kids if result[k].done)
        if st.item.split:
            # An item split into obligations stands where its obligations stand: done when all are.
            result[parent] = rolled_up(st.item, [result[k] for k in kids])
        else:
            result[parent] = replace(st, children_done=done, children_total=len(kids))
    return result


def rolled_up(item: PlanItem, kids: Sequence[ItemStatus]) -> ItemStatus:
    """The status of an item from its obligations' (one per unit or occurrence): done when every one
    is (late if any was), else the most pressing state among those not done."""
    done = [k for k in kids if k.done]
    started = min((k.started_on for k in kids if k.started_on), default=None)
    last = max((k.last for k in kids if k.last), key=lambda e: e.date, default=None)
    if kids and len(done) == len(kids):
        late = [k for k in kids if k.status is Status.DONE_LATE]
        finished = max(k.done_on for k in kids if k.done_on)
        status = Status.DONE_LATE if late else Status.DONE_ON_TIME
        days = max((k.days_late or 0 for k in late), default=None)
        return ItemStatus(item, status, finished, started, days, last, len(done), len(kids))
    open_kids = [k for k in kids if not k.done]
    for status in (Status.OVERDUE, Status.DUE_SOON, Status.IN_PROGRESS):
        hit = [k for k in open_kids if k.status is status]
        if hit:
            days = max((k.days_late or 0 for k in hit), default=0) if status is Status.OVERDUE else None
            return ItemStatus(item, status, None, started, days, last, len(done), len(kids))
    status = Status.IN_PROGRESS if done else open_kids[0].status
    return ItemStatus(item, status, None, started, None, last, len(done), len(kids))


def _children(ds: Plan) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for item in ds.items:
        if item.parent and item.parent in ds.by_id:
            out[item.parent].append(item.id)
    return out
