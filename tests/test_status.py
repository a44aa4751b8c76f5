"""Status rules on every boundary: due today, a Saturday due date, done a day late, ongoing at year end."""

from __future__ import annotations

from datetime import date

import pytest

from tthc_cli.domain.plan import Entry, Plan
from tthc_cli.domain.status import ItemStatus, Status, rolled_up, statuses
from tthc_cli.present.labels import status_label


def with_log(plan: Plan, *entries: tuple[str, str, str]) -> Plan:
    log = [Entry(i, date.fromisoformat(d), s) for i, d, s in entries]
    return plan.with_progress(log)


def status_of(plan: Plan, item_id: str, today: str, warn: int = 7) -> Status:
    return statuses(plan, date.fromisoformat(today), warn)[item_id].status


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        ("2021-05-20", Status.NOT_DUE),
        ("2021-05-24", Status.DUE_SOON),  # 7 days before 31/5
        ("2021-05-31", Status.DUE_SOON),  # due today: not overdue
        ("2021-06-01", Status.OVERDUE),
    ],
)
def test_by_date_boundaries(plan: Plan, today: str, expected: Status) -> None:
    assert status_of(plan, "review:1", today) is expected


def test_saturday_due_date_is_not_overdue_on_sunday_or_monday(plan: Plan) -> None:
    # review:13 is due Saturday 31/7/2021; effectively Monday 2/8 (Art. 148(5)).
    assert status_of(plan, "review:13", "2021-08-01") is Status.DUE_SOON
    assert status_of(plan, "review:13", "2021-08-02") is Status.DUE_SOON
    st = statuses(plan, date(2021, 8, 3))["review:13"]
    assert (st.status, st.days_late) == (Status.OVERDUE, 1)


def test_done_on_the_effective_due_date_is_on_time(plan: Plan) -> None:
    log = with_log(plan, ("review:13", "2021-08-02", "done"))
    assert status_of(log, "review:13", "2021-08-10") is Status.DONE_ON_TIME


def test_done_a_day_late(plan: Plan) -> None:
    log = with_log(plan, ("review:1", "2021-06-01", "done"))
    st = statuses(log, date(2021, 6, 10))["review:1"]
    assert (st.status, st.days_late, st.done_on) == (Status.DONE_LATE, 1, date(2021, 6, 1))
    assert status_label(st.status) == "Hoàn thành quá hạn"


def test_started_is_in_progress_until_the_warning_window(plan: Plan) -> None:
    log = with_log(plan, ("review:6", "2021-05-01", "started"))
    assert status_of(log, "review:6", "2021-06-01") is Status.IN_PROGRESS
    assert status_of(log, "review:6", "2021-06-23") is Status.DUE_SOON
    assert status_of(log, "review:6", "2021-06-10", warn=30) is Status.DUE_SOON  # configurable window


def test_reopened_undoes_done(plan: Plan) -> None:
    log = with_log(plan, ("review:1", "2021-05-20", "done"), ("review:1", "2021-05-25", "reopened"))
    assert status_of(log, "review:1", "2021-05-22") is Status.DONE_ON_TIME
    assert status_of(log, "review:1", "2021-06-02") is Status.OVERDUE


def test_entries_after_the_date_asked_about_do_not_count(plan: Plan) -> None:
    log = with_log(plan, ("review:1", "2021-05-30", "done"))
    assert status_of(log, "review:1", "2021-05-29") is Status.DUE_SOON
    assert status_of(log, "review:1", "2021-05-30") is Status.DONE_ON_TIME


def test_ongoing_items_are_never_overdue(plan: Plan) -> None:
    for day in ("2021-03-01", "2021-12-31", "2022-01-15"):
        assert status_of(plan, "task:1.2", day) is Status.ONGOING
    log = with_log(plan, ("task:1.2", "2021-12-20", "done"))
    # Done, but never "on time": the plan sets it no due date (judged at the year-end review).
    assert status_of(log, "task:1.2", "2021-12-31") is Status.DONE
    # A duty for which the plan states no deadline is not "Thường xuyên": it has none.
    assert status_of(plan, "duty:IV.4", "2021-12-31") is Status.NO_DUE
    assert status_of(plan, "duty:IV.4", "2022-06-30") is Status.NO_DUE  # and is never overdue


def test_tentative_quarter_item(plan: Plan) -> None:
    assert status_of(plan, "task:9", "2021-09-30") is Status.DUE_SOON
    assert status_of(plan, "task:9", "2021-10-01") is Status.OVERDUE


def test_rollups_count_appendix_rows(plan: Plan) -> None:
    log = with_log(
        plan,
        ("inspection:II.3", "2021-05-12", "done"),
        ("inspection:I.1", "2021-06-02", "done"),
        ("review:6", "2021-06-15", "done"),
    )
    sts = statuses(log, date(2021, 6, 30))
    assert (sts["task:6"].children_done, sts["task:6"].children_total) == (2, 17)
    # 3.2: its 16 rows of Phụ lục I and its 5 periodic reports (reporting.yaml)
    assert (sts["task:3.2"].children_done, sts["task:3.2"].children_total) == (1, 16 + 5)
    assert sts["task:1.1"].children_total is None


def test_a_second_done_does_not_move_the_completion_date(plan: Plan) -> None:
    log = with_log(plan, ("review:1", "2021-05-20", "done"), ("review:1", "2021-06-03", "done"))
    st = statuses(log, date(2021, 6, 10))["review:1"]
    assert (st.status, st.done_on) == (Status.DONE_ON_TIME, date(2021, 5, 20))
    reopened = with_log(
        plan,
        ("review:1", "2021-05-20", "done"),
        ("review:1", "2021-05-25", "reopened"),
        ("review:1", "2021-06-03", "done"),
    )
    st = statuses(reopened, date(2021, 6, 10))["review:1"]
    assert (st.status, st.done_on) == (Status.DONE_LATE, date(2021, 6, 3))


def fields(st: ItemStatus) -> tuple[object, ...]:
    """Everything a status says, the last entry by its date and status."""
    last = (st.last.date.isoformat(), st.last.status) if st.last else None
    return (st.status, st.done_on, st.started_on, st.days_late, last, st.children_done, st.children_total)


def test_every_field_of_a_status_on_the_way_to_done(plan: Plan) -> None:
    # review:1 is due 31/5/2021 (a Monday).
    log = with_log(
        plan,
        ("review:1", "2021-05-10", "started"),
        ("review:1", "2021-05-12", "started"),  # a second start does not move the first
        ("review:1", "2021-05-15", "note"),
        ("review:1", "2021-06-03", "done"),
    )
    d = date.fromisoformat
    on = {
        day: fields(statuses(log, d(day))["review:1"]) for day in ("2021-05-01", "2021-05-20", "2021-06-02")
    }
    assert on["2021-05-01"] == (Status.NOT_DUE, None, None, None, None, None, None)
    assert on["2021-05-20"] == (
        Status.IN_PROGRESS,
        None,
        d("2021-05-10"),
        None,
        ("2021-05-15", "note"),
        None,
        None,
    )
    assert on["2021-06-02"] == (Status.OVERDUE, None, d("2021-05-10"), 2, ("2021-05-15", "note"), None, None)
    done = fields(statuses(log, d("2021-06-10"))["review:1"])
    assert done == (Status.DONE_LATE, d("2021-06-03"), d("2021-05-10"), 3, ("2021-06-03", "done"), None, None)
    soon = fields(
        statuses(with_log(plan, ("review:1", "2021-05-10", "started")), d("2021-05-28"))["review:1"]
    )
    assert soon == (Status.DUE_SOON, None, d("2021-05-10"), None, ("2021-05-10", "started"), None, None)
    ongoing = fields(
        statuses(with_log(plan, ("task:1.2", "2021-03-01", "started")), d("2021-06-01"))["task:1.2"]
    )
    assert ongoing == (Status.ONGOING, None, d("2021-03-01"), None, ("2021-03-01", "started"), None, None)


def kid(plan: Plan, status: Status, **given: object) -> ItemStatus:
    return ItemStatus(plan.by_id["review:1"], status, **given)  # type: ignore[arg-type]


def test_an_item_rolls_up_its_obligations(plan: Plan) -> None:
    d = date.fromisoformat
    item = plan.by_id["task:6"]
    own = ItemStatus(item, Status.NOT_DUE)  # the item judged on its own entries: none
    early, late = Entry("review:1", d("2021-05-02"), "note"), Entry("review:1", d("2021-06-09"), "done")
    all_done = [
        kid(plan, Status.DONE_ON_TIME, done_on=d("2021-05-20"), started_on=d("2021-05-03"), last=early),
        kid(
            plan,
            Status.DONE_LATE,
            done_on=d("2021-06-09"),
            days_late=9,
            started_on=d("2021-05-01"),
            last=late,
        ),
        kid(plan, Status.DONE_LATE, done_on=d("2021-06-04"), days_late=4),
    ]
    assert fields(rolled_up(own, all_done)) == (
        Status.DONE_LATE, d("2021-06-09"), d("2021-05-01"), 9, ("2021-06-09", "done"), 3, 3
    )  # fmt: skip
    on_time = [
        kid(plan, Status.DONE_ON_TIME, done_on=d("2021-05-20")),
        kid(plan, Status.DONE_ON_TIME, done_on=d("2021-05-21")),
    ]
    assert fields(rolled_up(own, on_time)) == (Status.DONE_ON_TIME, d("2021-05-21"), None, None, None, 2, 2)
    open_kids = [
        kid(plan, Status.DONE_ON_TIME, done_on=d("2021-05-20")),
        kid(plan, Status.IN_PROGRESS, started_on=d("2021-05-05"), last=early),
        kid(plan, Status.OVERDUE, days_late=2),
        kid(plan, Status.OVERDUE, days_late=5),
        kid(plan, Status.DUE_SOON),
    ]
    noted = ("2021-05-02", "note")
    assert fields(rolled_up(own, open_kids)) == (Status.OVERDUE, None, d("2021-05-05"), 5, noted, 1, 5)
    assert fields(rolled_up(own, open_kids[:2] + open_kids[4:])) == (
        Status.DUE_SOON, None, d("2021-05-05"), None, noted, 1, 3
    )  # fmt: skip
    assert rolled_up(own, [*open_kids[1:2], kid(plan, Status.NOT_DUE)]).status is Status.IN_PROGRESS
    # One obligation done, the others not yet due: in progress, with what the done one said.
    part = [all_done[0], kid(plan, Status.NOT_DUE)]
    assert fields(rolled_up(own, part)) == (Status.IN_PROGRESS, None, d("2021-05-03"), None, noted, 1, 2)
    assert rolled_up(own, part).item is item and rolled_up(own, all_done).item is item
    assert rolled_up(own, [kid(plan, Status.NOT_DUE), kid(plan, Status.NO_DUE)]).status is Status.NOT_DUE


def test_each_status_is_of_its_own_item_and_keeps_what_the_log_said(plan: Plan) -> None:
    d = date.fromisoformat
    log = with_log(
        plan,
        ("review:1", "2021-04-20", "started"),
        ("review:1", "2021-05-20", "done"),  # on time
        ("review:2", "2021-06-03", "done"),  # late
        ("review:6", "2021-04-20", "note"),
        ("review:7", "2021-04-21", "started"),
        ("task:6", "2021-04-22", "started"),  # a task that groups appendix rows
        ("inspection:II.3", "2021-04-23", "done"),
    )
    for day in ("2021-04-25", "2021-05-28", "2021-06-10"):
        sts = statuses(log, d(day))
        assert all(st.item.id == item_id for item_id, st in sts.items()), day
    sts = statuses(log, d("2021-06-10"))
    assert fields(sts["review:1"]) == (
        Status.DONE_ON_TIME, d("2021-05-20"), d("2021-04-20"), None, ("2021-05-20", "done"), None, None
    )  # fmt: skip
    assert fields(statuses(log, d("2021-04-25"))["review:6"]) == (
        Status.NOT_DUE, None, None, None, ("2021-04-20", "note"), None, None
    )  # fmt: skip
    # task:6 stands where its rows stand: its own start, the latest entry about it or a row, its rows done.
    task6 = statuses(log, d("2021-04-25"))["task:6"]
    assert task6.status is Status.IN_PROGRESS
    assert fields(task6)[1:] == (None, d("2021-04-22"), None, ("2021-04-23", "done"), 1, 17)
    overdue = statuses(log, d("2022-01-10"))["task:6"]
    assert (overdue.status, overdue.days_late is not None and overdue.days_late > 0) == (Status.OVERDUE, True)
