"""An item's status from its log, for the shapes the shipped plan barely has: a standing
responsibility, work done where the plan sets no due date, and items whose parts are undated or
finish exactly on the item's own due date."""

from __future__ import annotations

from datetime import date

from tthc_cli.domain.status import ItemStatus, Status, judge, rolled_up, statuses

from .small_plans import SO, done, due_on, item, note_entry, plan, started

D = date


def fields(st: ItemStatus) -> tuple[object, ...]:
    last = (st.last.date, st.last.status) if st.last else None
    return (
        st.item.id,
        st.status,
        st.done_on,
        st.started_on,
        st.days_late,
        last,
        st.children_done,
        st.children_total,
    )


def test_a_standing_responsibility_is_never_done_nor_late_but_keeps_its_log() -> None:
    duty = item("duty:IV.1", standing=True, deadline=due_on(D(2021, 3, 31)))
    log = [started("duty:IV.1", D(2021, 2, 1)), done("duty:IV.1", D(2021, 5, 1))]
    assert fields(judge(duty, log, D(2021, 6, 1))) == (
        "duty:IV.1", Status.STANDING, None, D(2021, 2, 1), None, (D(2021, 5, 1), "done"), None, None
    )  # fmt: skip


def test_work_done_where_the_plan_sets_no_due_date_is_simply_done() -> None:
    task = item("task:2")  # no deadline stated
    log = [
        started("task:2", D(2021, 2, 1)),
        done("task:2", D(2021, 4, 9)),
        note_entry("task:2", D(2021, 4, 10)),
    ]
    assert fields(judge(task, log, D(2021, 6, 1))) == (
        "task:2", Status.DONE, D(2021, 4, 9), D(2021, 2, 1), None, (D(2021, 4, 10), "note"), None, None
    )  # fmt: skip


def _parent_with_undated_parts(parent_due: date | None) -> tuple[ItemStatus, list[ItemStatus]]:
    parent = item("task:3", lead=(SO,), deadline=due_on(parent_due) if parent_due else None)
    own = judge(parent, [started("task:3", D(2021, 3, 2))], D(2021, 12, 1))
    part = item("task:3/so-y-te", parent="task:3")
    kids = [
        judge(part, [started(part.id, D(2021, 3, 1)), done(part.id, D(2021, 5, 20))], D(2021, 12, 1)),
        judge(part, [done(part.id, D(2021, 5, 31))], D(2021, 12, 1)),
    ]
    assert [k.status for k in kids] == [Status.DONE, Status.DONE]
    return own, kids


def test_undated_parts_finished_on_the_items_own_due_date_make_it_done_on_time() -> None:
    own, kids = _parent_with_undated_parts(D(2021, 5, 31))
    assert fields(rolled_up(own, kids)) == (
        "task:3", Status.DONE_ON_TIME, D(2021, 5, 31), D(2021, 3, 1), None, (D(2021, 5, 31), "done"), 2, 2
    )  # fmt: skip


def test_undated_parts_finished_after_the_items_own_due_date_make_it_late_by_the_difference() -> None:
    own, kids = _parent_with_undated_parts(D(2021, 5, 21))
    assert fields(rolled_up(own, kids)) == (
        "task:3", Status.DONE_LATE, D(2021, 5, 31), D(2021, 3, 1), 10, (D(2021, 5, 31), "done"), 2, 2
    )  # fmt: skip


def test_undated_parts_of_an_undated_item_make_it_simply_done() -> None:
    own, kids = _parent_with_undated_parts(None)
    assert fields(rolled_up(own, kids)) == (
        "task:3", Status.DONE, D(2021, 5, 31), D(2021, 3, 1), None, (D(2021, 5, 31), "done"), 2, 2
    )  # fmt: skip


def test_an_undated_item_whose_dated_parts_were_on_time_is_done_on_time() -> None:
    parent = item("task:3", lead=(SO,))
    own = judge(parent, [], D(2021, 12, 1))
    dated = item("task:3/so-y-te", parent="task:3", deadline=due_on(D(2021, 6, 30)))
    undated = item("task:3/so-tu-phap", parent="task:3")
    kids = [
        judge(dated, [done(dated.id, D(2021, 6, 1))], D(2021, 12, 1)),
        judge(undated, [done(undated.id, D(2021, 7, 1))], D(2021, 12, 1)),
    ]
    assert [k.status for k in kids] == [Status.DONE_ON_TIME, Status.DONE]
    assert rolled_up(own, kids).status is Status.DONE_ON_TIME
    assert rolled_up(own, kids[1:]).status is Status.DONE


def test_the_statuses_of_a_plan_roll_every_item_up_from_its_parts() -> None:
    parent = item("task:3", lead=(SO,), deadline=due_on(D(2021, 5, 21)))
    kids = [item(f"task:3/{s}", parent="task:3") for s in ("so-y-te", "so-tu-phap")]
    log = [done("task:3/so-y-te", D(2021, 5, 20)), done("task:3/so-tu-phap", D(2021, 5, 24))]
    sts = statuses(plan([parent, *kids], progress=log), D(2021, 6, 1))
    assert fields(sts["task:3"]) == (
        "task:3", Status.DONE_LATE, D(2021, 5, 24), None, 3, (D(2021, 5, 24), "done"), 2, 2
    )  # fmt: skip


def test_an_item_with_a_part_done_and_none_started_is_in_progress() -> None:
    parent = item("task:3", lead=(SO,), deadline=due_on(D(2021, 9, 30)))
    kids = [item(f"task:3/{s}", parent="task:3", deadline=due_on(D(2021, 9, 30))) for s in ("a", "b")]
    p = plan([parent, *kids], progress=[done("task:3/a", D(2021, 5, 2))])
    st = statuses(p, D(2021, 6, 1))["task:3"]
    assert (st.status, st.started_on, st.children_done) == (Status.IN_PROGRESS, None, 1)
    nothing = statuses(plan([parent, *kids]), D(2021, 6, 1))["task:3"]
    assert nothing.status is Status.NOT_DUE  # nothing done, nothing started: where its parts stand


def test_an_items_own_done_after_its_parts_dates_its_completion() -> None:
    """Task 6's summary report: the item recorded done after every part was makes it done then, and
    late if that is past its due date, though each part was on time."""
    own, kids = _parent_with_undated_parts(D(2021, 6, 10))
    later = judge(
        own.item, [started("task:3", D(2021, 3, 2)), done("task:3", D(2021, 6, 20))], D(2021, 12, 1)
    )
    assert fields(rolled_up(later, kids)) == (
        "task:3", Status.DONE_LATE, D(2021, 6, 20), D(2021, 3, 1), 10, (D(2021, 6, 20), "done"), 2, 2
    )  # fmt: skip
    earlier = judge(own.item, [done("task:3", D(2021, 5, 1))], D(2021, 12, 1))  # the parts' last day counts
    assert rolled_up(earlier, kids).done_on == D(2021, 5, 31)
