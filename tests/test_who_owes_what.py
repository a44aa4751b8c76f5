"""Who owes what, on small plans built for each rule: how a unit is reached (by name, through the
first group the item names, through an open-ended group only possibly, through a membership read
rather than printed), and a unit's figures (its own work, its coordinating work and inspections
counted apart, what is judged on a date)."""

from __future__ import annotations

from datetime import date

from tthc_cli.domain.accountability import (
    all_assignments,
    assignments,
    concerned,
    figures_of,
    reported_by,
    unit_figures,
)
from tthc_cli.domain.plan import Role
from tthc_cli.domain.status import ItemStatus, Status, statuses
from tthc_cli.domain.units import GroupInfo, GroupKind

from .small_plans import (
    CO_LIEN_QUAN,
    GIA_LOC,
    HUYEN,
    KIM_THANH,
    SNV,
    STP,
    SYT,
    done,
    due_on,
    item,
    plan,
    registry,
)

D = date


def test_a_unit_reached_through_two_groups_in_one_role_is_reached_through_the_first_named() -> None:
    reg = registry(
        extra_groups=[
            GroupInfo("Nhóm B", GroupKind.LISTED, members=(GIA_LOC,)),
            GroupInfo("Nhóm A", GroupKind.LISTED, members=(GIA_LOC,)),
        ]
    )
    found = concerned(plan([], reg=reg), item("task:1", lead=("Nhóm B", "Nhóm A")))
    assert (found[GIA_LOC].role, found[GIA_LOC].via, found[GIA_LOC].definite) == (Role.LEAD, "Nhóm B", True)
    found = concerned(plan([], reg=reg), item("task:1", lead=("Nhóm A", "Nhóm B")))
    assert found[GIA_LOC].via == "Nhóm A"


def test_a_unit_leading_through_one_group_and_coordinating_through_another_leads() -> None:
    reg = registry(extra_groups=[GroupInfo("Khối huyện", GroupKind.LISTED, members=(GIA_LOC,))])
    found = concerned(plan([], reg=reg), item("task:1", lead=("Khối huyện",), support=(HUYEN,)))
    assert (found[GIA_LOC].role, found[GIA_LOC].via) == (Role.LEAD, "Khối huyện")
    assert (found[KIM_THANH].role, found[KIM_THANH].via) == (Role.SUPPORT, HUYEN)


def test_a_membership_read_rather_than_printed_is_said_with_its_basis() -> None:
    reg = registry(
        extra_groups=[
            GroupInfo(
                "Khối nội chính", GroupKind.LISTED, members=(STP, SNV), inferred_members=((SNV, "Mục 4"),)
            )
        ]
    )
    found = concerned(plan([], reg=reg), item("task:1", lead=("Khối nội chính",)))
    assert (found[SNV].via, found[SNV].basis) == ("Khối nội chính", "Mục 4")
    assert (found[STP].via, found[STP].basis) == ("Khối nội chính", None)


def test_an_open_ended_group_concerns_anyone_possibly_and_owes_no_one_anything() -> None:
    found = concerned(plan([]), item("task:1", lead=(SYT,), support=(CO_LIEN_QUAN,)))
    maybe = found[STP]
    assert (maybe.role, maybe.via, maybe.definite, maybe.own) == (Role.SUPPORT, CO_LIEN_QUAN, False, False)
    assert maybe.own is False
    named = found[SYT]
    assert (named.role, named.via, named.definite, named.own) == (Role.LEAD, None, True, True)


def test_only_an_inspected_rows_unit_is_concerned_by_being_its_unit() -> None:
    inspected = item("inspection:I.1", lead=(SNV,), unit=SYT, unit_role=Role.INSPECTED)
    assert concerned(plan([]), inspected)[SYT].role is Role.INSPECTED
    led = item("review:1", lead=(STP,), unit=SYT, unit_role=Role.LEAD)
    assert SYT not in concerned(plan([]), led)
    share = item("task:1/so-y-te", lead=(STP,), unit=SYT)
    assert SYT not in concerned(plan([]), share)


def test_a_split_item_is_no_ones_own_and_is_listed_for_whom_no_share_concerns() -> None:
    parent = item("duty:IV.2", lead=(HUYEN,), support=(SNV,))
    shares = [
        item(f"duty:IV.2/{u}", lead=(n,), unit=n, parent="duty:IV.2")
        for u, n in (("a", GIA_LOC), ("b", KIM_THANH))
    ]
    rows = all_assignments(plan([parent, *shares]))
    assert [(r.item.id, r.own) for r in rows[GIA_LOC]] == [("duty:IV.2/a", True)]
    assert [(r.item.id, r.role, r.own) for r in rows[HUYEN]] == [("duty:IV.2", Role.LEAD, False)]
    assert rows[HUYEN][0].own is False
    assert [(r.item.id, r.role) for r in rows[SNV]] == [("duty:IV.2", Role.SUPPORT)]


def test_a_unit_concerned_by_nothing_has_no_assignments_and_empty_figures() -> None:
    p = plan([item("task:1", lead=(SYT,))])
    assert assignments(p, STP) == []
    assert assignments(p, "Không có ai") == []
    figures = {f.unit: f for f in unit_figures(p, statuses(p, D(2021, 6, 1)), D(2021, 6, 1))}
    assert list(figures) == [SYT, STP, SNV, GIA_LOC, KIM_THANH]
    assert (figures[STP].owed, figures[STP].support, figures[STP].inspected, figures[STP].on_time_rate) == (
        0,
        0,
        0,
        None,
    )
    assert figures[SYT].owed == 1


def test_coordinating_work_and_inspections_are_counted_apart_each_once() -> None:
    items = [
        item("task:1", lead=(STP,), support=(SYT,), deadline=due_on(D(2021, 3, 31))),
        item("task:2", lead=(STP,), support=(SYT,), deadline=due_on(D(2021, 3, 31))),
        item("task:3", lead=(STP,), support=(SYT,), deadline=due_on(D(2021, 3, 31))),
        item("inspection:I.1", lead=(SNV,), unit=SYT, unit_role=Role.INSPECTED),
        item("inspection:I.2", lead=(SNV,), unit=SYT, unit_role=Role.INSPECTED),
        item("task:4", lead=(SYT,), deadline=due_on(D(2021, 3, 31))),
    ]
    p = plan(items, progress=[done("task:1", D(2021, 3, 1)), done("task:3", D(2021, 3, 2))])
    today = D(2021, 6, 1)
    figures = figures_of(p, SYT, statuses(p, today), today)
    assert figures.unit == SYT
    assert (figures.support, figures.support_done, figures.inspected, figures.owed) == (3, 2, 2, 1)
    assert (figures.overdue, figures.judged, figures.done, figures.open) == (1, 1, 0, 1)


def test_an_obligation_due_today_and_not_done_is_not_yet_judged() -> None:
    p = plan([item("task:1", lead=(SYT,), deadline=due_on(D(2021, 5, 31)))])
    on_the_day = figures_of(p, SYT, statuses(p, D(2021, 5, 31)), D(2021, 5, 31))
    assert (on_the_day.judged, on_the_day.on_time_rate) == (0, None)
    after = figures_of(p, SYT, statuses(p, D(2021, 6, 1)), D(2021, 6, 1))
    assert (after.judged, after.on_time_rate) == (1, 0.0)


def test_the_figures_of_every_unit_are_each_units_own() -> None:
    items = [
        item("task:1", lead=(SYT,), deadline=due_on(D(2021, 3, 31))),
        item("task:2", lead=(STP,), support=(SYT,), deadline=due_on(D(2021, 3, 31))),
    ]
    p = plan(items, progress=[done("task:1", D(2021, 3, 1))])
    today = D(2021, 6, 1)
    every = {f.unit: f for f in unit_figures(p, statuses(p, today), today)}
    assert every[SYT] == figures_of(p, SYT, statuses(p, today), today)
    assert (every[SYT].done_on_time, every[SYT].support, every[STP].overdue) == (1, 1, 1)


def test_who_reported_is_who_wrote_the_last_entry() -> None:
    task = item("task:1")
    entry = done("task:1", D(2021, 3, 1), by=SYT)
    assert reported_by(ItemStatus(task, Status.DONE, last=entry)) == SYT
    assert reported_by(ItemStatus(task, Status.NOT_DUE)) is None
    assert reported_by(ItemStatus(task, Status.DONE, last=done("task:1", D(2021, 3, 1)))) is None
