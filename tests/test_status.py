"""Status rules on every boundary: due today, a Saturday due date, done a day late, ongoing at year end."""

from __future__ import annotations

from datetime import date

import pytest

from tthc_cli.build import Dataset
from tthc_cli.catalog import Entry, Plan
from tthc_cli.status import Status, statuses


def with_log(ds: Dataset, *entries: tuple[str, str, str]) -> Plan:
    log = [Entry(i, date.fromisoformat(d), s) for i, d, s in entries]
    return Plan(ds.year, ds.registry, ds.items, log)


def status_of(ds: Dataset, item_id: str, today: str, warn: int = 7) -> Status:
    return statuses(ds, date.fromisoformat(today), warn)[item_id].status


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        ("2021-05-20", Status.NOT_DUE),
        ("2021-05-24", Status.DUE_SOON),  # 7 days before 31/5
        ("2021-05-31", Status.DUE_SOON),  # due today: not overdue
        ("2021-06-01", Status.OVERDUE),
    ],
)
def test_by_date_boundaries(ds: Dataset, today: str, expected: Status) -> None:
    assert status_of(ds, "review:1", today) is expected


def test_saturday_due_date_is_not_overdue_on_sunday_or_monday(ds: Dataset) -> None:
    # review:13 is due Saturday 31/7/2021; effectively Monday 2/8 (Art. 148(5)).
    assert status_of(ds, "review:13", "2021-08-01") is Status.DUE_SOON
    assert status_of(ds, "review:13", "2021-08-02") is Status.DUE_SOON
    st = statuses(ds, date(2021, 8, 3))["review:13"]
    assert (st.status, st.days_late) == (Status.OVERDUE, 1)


def test_done_on_the_effective_due_date_is_on_time(ds: Dataset) -> None:
    log = with_log(ds, ("review:13", "2021-08-02", "done"))
    assert status_of(log, "review:13", "2021-08-10") is Status.DONE_ON_TIME


def test_done_a_day_late(ds: Dataset) -> None:
    log = with_log(ds, ("review:1", "2021-06-01", "done"))
    st = statuses(log, date(2021, 6, 10))["review:1"]
    assert (st.status, st.days_late, st.done_on) == (Status.DONE_LATE, 1, date(2021, 6, 1))
    assert st.label == "Hoàn thành quá hạn"


def test_started_is_in_progress_until_the_warning_window(ds: Dataset) -> None:
    log = with_log(ds, ("review:6", "2021-05-01", "started"))
    assert status_of(log, "review:6", "2021-06-01") is Status.IN_PROGRESS
    assert status_of(log, "review:6", "2021-06-23") is Status.DUE_SOON
    assert status_of(log, "review:6", "2021-06-10", warn=30) is Status.DUE_SOON  # configurable window


def test_reopened_undoes_done(ds: Dataset) -> None:
    log = with_log(ds, ("review:1", "2021-05-20", "done"), ("review:1", "2021-05-25", "reopened"))
    assert status_of(log, "review:1", "2021-05-22") is Status.DONE_ON_TIME
    assert status_of(log, "review:1", "2021-06-02") is Status.OVERDUE


def test_entries_after_the_date_asked_about_do_not_count(ds: Dataset) -> None:
    log = with_log(ds, ("review:1", "2021-05-30", "done"))
    assert status_of(log, "review:1", "2021-05-29") is Status.DUE_SOON
    assert status_of(log, "review:1", "2021-05-30") is Status.DONE_ON_TIME


def test_ongoing_items_are_never_overdue(ds: Dataset) -> None:
    for day in ("2021-03-01", "2021-12-31", "2022-01-15"):
        assert status_of(ds, "task:1.2", day) is Status.ONGOING
    log = with_log(ds, ("task:1.2", "2021-12-20", "done"))
    assert status_of(log, "task:1.2", "2021-12-31") is Status.DONE_ON_TIME
    # A duty for which the plan states no deadline is not "Thường xuyên": it has none.
    assert status_of(ds, "duty:IV.4", "2021-12-31") is Status.NO_DUE
    assert status_of(ds, "duty:IV.4", "2022-06-30") is Status.NO_DUE  # and is never overdue


def test_tentative_quarter_item(ds: Dataset) -> None:
    assert status_of(ds, "task:9", "2021-09-30") is Status.DUE_SOON
    assert status_of(ds, "task:9", "2021-10-01") is Status.OVERDUE


def test_rollups_count_appendix_rows(ds: Dataset) -> None:
    log = with_log(
        ds,
        ("inspection:II.3", "2021-05-12", "done"),
        ("inspection:I.1", "2021-06-02", "done"),
        ("review:6", "2021-06-15", "done"),
    )
    sts = statuses(log, date(2021, 6, 30))
    assert (sts["task:6"].children_done, sts["task:6"].children_total) == (2, 17)
    assert (sts["task:3.2"].children_done, sts["task:3.2"].children_total) == (1, 16)
    assert sts["task:1.1"].children_total is None


def test_a_second_done_does_not_move_the_completion_date(ds: Dataset) -> None:
    log = with_log(ds, ("review:1", "2021-05-20", "done"), ("review:1", "2021-06-03", "done"))
    st = statuses(log, date(2021, 6, 10))["review:1"]
    assert (st.status, st.done_on) == (Status.DONE_ON_TIME, date(2021, 5, 20))
    reopened = with_log(
        ds,
        ("review:1", "2021-05-20", "done"),
        ("review:1", "2021-05-25", "reopened"),
        ("review:1", "2021-06-03", "done"),
    )
    st = statuses(reopened, date(2021, 6, 10))["review:1"]
    assert (st.status, st.done_on) == (Status.DONE_LATE, date(2021, 6, 3))
