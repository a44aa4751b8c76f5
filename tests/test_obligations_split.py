"""Splitting items into obligations: who owes a share of an item that binds each unit (named units,
every member of a listed group, a class never enumerated as one; an open-ended group no one), one
share per occurrence of a recurring deadline, what each share carries over, and the bound on how many
a plan may ask for."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tthc_cli.domain.accountability import assignments, figures_of
from tthc_cli.domain.deadlines import DeadlineKind
from tthc_cli.domain.obligations import (
    MAX_OBLIGATIONS,
    fan_out_units,
    obligations_of,
    split_mode,
    split_obligations,
)
from tthc_cli.domain.plan import Fact, Role, Split
from tthc_cli.domain.problems import ProblemError
from tthc_cli.domain.status import statuses
from tthc_cli.domain.units import GroupInfo, GroupKind, UnitInfo, UnitType

from .small_plans import (
    CO_LIEN_QUAN,
    GIA_LOC,
    HUYEN,
    KIM_THANH,
    SNV,
    SO,
    STP,
    SYT,
    XA,
    due_on,
    item,
    plan,
    quarterly,
    registry,
)

# --- who owes a share -------------------------------------------------------------------------------


def test_each_unit_named_and_each_member_of_a_named_group_owes_a_share_once_in_registry_order() -> None:
    reg = registry()
    assert fan_out_units(reg, (HUYEN, SNV, SO)) == [SYT, STP, SNV, GIA_LOC, KIM_THANH]
    assert fan_out_units(reg, (STP,)) == [STP]


def test_an_open_ended_group_names_no_one_to_owe_a_share() -> None:
    reg = registry()
    assert fan_out_units(reg, (CO_LIEN_QUAN,)) == []
    assert fan_out_units(reg, (CO_LIEN_QUAN, HUYEN)) == [GIA_LOC, KIM_THANH]


def test_an_open_ended_group_inside_a_listed_one_adds_no_one() -> None:
    reg = registry(extra_groups=[GroupInfo("Khối nội chính", GroupKind.LISTED, members=(STP, CO_LIEN_QUAN))])
    assert fan_out_units(reg, ("Khối nội chính",)) == [STP]


def test_a_class_the_plan_never_enumerates_owes_as_one_after_the_units() -> None:
    reg = registry()
    assert fan_out_units(reg, (XA, HUYEN)) == [GIA_LOC, KIM_THANH, XA]


def test_a_collective_group_with_members_listed_gives_those_members_not_itself() -> None:
    reg = registry(
        extra_units=[UnitInfo("UBND xã Đoàn Tùng", UnitType.COMMUNE)],
        extra_groups=[
            GroupInfo("UBND các xã biên giới", GroupKind.COLLECTIVE, members=("UBND xã Đoàn Tùng",))
        ],
    )
    assert fan_out_units(reg, ("UBND các xã biên giới",)) == ["UBND xã Đoàn Tùng"]


def test_classes_follow_the_registrys_order_of_groups() -> None:
    reg = registry(extra_groups=[GroupInfo("UBND cấp thôn", GroupKind.COLLECTIVE)])
    assert fan_out_units(reg, ("UBND cấp thôn", XA)) == [XA, "UBND cấp thôn"]


# --- how an item is split -----------------------------------------------------------------------------


def test_an_item_is_split_by_unit_by_period_by_both_or_not_at_all() -> None:
    occurrences = quarterly().occurrences
    assert split_mode([SYT], occurrences) is Split.UNIT_PERIOD
    assert split_mode([SYT], ()) is Split.UNIT
    assert split_mode([], occurrences) is Split.PERIOD
    assert split_mode([], ()) is None


def test_a_units_share_is_led_by_that_unit_and_carries_no_coordinating_units() -> None:
    """The model: coordinating units coordinate the item, not each unit's own share; they see the item
    once (as coordinators) and no share (accountability.all_assignments)."""
    duty = item("duty:IV.2", lead=(SO,), support=(SNV, HUYEN), deadline=due_on(date(2021, 3, 31)))
    shares = obligations_of(duty, [SYT, STP])
    assert [(s.id, s.lead, s.support, s.unit, s.unit_text) for s in shares] == [
        ("duty:IV.2/so-y-te", (SYT,), (), SYT, SYT),
        ("duty:IV.2/so-tu-phap", (STP,), (), STP, STP),
    ]
    # The item's one-off deadline is every share's.
    assert all(s.deadline is duty.deadline and s.period is None for s in shares)


def test_a_coordinating_unit_sees_a_split_item_once_and_owes_no_share_of_it() -> None:
    reg = registry()
    duty = item("duty:IV.2", lead=(SYT, STP), support=(SNV,), deadline=due_on(date(2021, 3, 31)))
    split = plan(split_obligations([duty], {"duty:IV.2"}, reg), reg=reg)
    seen = assignments(split, SNV)
    assert [(a.item.id, a.role, a.own) for a in seen] == [("duty:IV.2", Role.SUPPORT, False)]
    figures = figures_of(split, SNV, statuses(split, date(2021, 6, 1)), date(2021, 6, 1))
    assert (figures.support, figures.owed) == (1, 0)
    assert [(a.item.id, a.role, a.own) for a in assignments(split, SYT)] == [
        ("duty:IV.2/so-y-te", Role.LEAD, True)
    ]


def test_a_periods_share_keeps_the_items_leads_and_coordinators_and_takes_the_periods_dates() -> None:
    report = item(
        "task:3", lead=(SO,), support=(SNV,), deadline=replace(quarterly(quarters=(1, 2)), tentative=True)
    )
    shares = obligations_of(report, [])
    assert [s.id for s in shares] == ["task:3/2021-Q1", "task:3/2021-Q2"]
    q2 = shares[1]
    assert (q2.lead, q2.support, q2.unit, q2.unit_text, q2.period) == ((SO,), (SNV,), None, None, "2021-Q2")
    d = q2.deadline
    assert (d.text, d.kind, d.start, d.due, d.window_end, d.effective_due, d.tentative) == (
        "Ngày 15 tháng cuối quý",
        DeadlineKind.BY_DATE,
        date(2021, 4, 1),
        date(2021, 6, 15),
        date(2021, 6, 15),
        date(2021, 6, 15),
        True,
    )


def test_a_share_of_a_unit_and_a_period_is_both_in_unit_order_then_period_order() -> None:
    report = item("task:5", lead=(HUYEN,), deadline=quarterly(quarters=(1, 2)))
    assert [s.id for s in obligations_of(report, [GIA_LOC, KIM_THANH])] == [
        "task:5/ubnd-huyen-gia-loc/2021-Q1",
        "task:5/ubnd-huyen-gia-loc/2021-Q2",
        "task:5/ubnd-huyen-kim-thanh/2021-Q1",
        "task:5/ubnd-huyen-kim-thanh/2021-Q2",
    ]


def test_a_share_carries_over_what_the_item_says_of_itself() -> None:
    task = item(
        "task:8",
        lead=(SO,),
        lead_text="Các sở, ban, ngành",
        support_text="Văn phòng UBND tỉnh",
        deliverable="Kế hoạch của đơn vị",
        short_title="Kế hoạch của đơn vị",
        regulation=("Trước ngày 14 của tháng cuối quý", "Nghị định 09/2019/NĐ-CP"),
        source=("plan.yaml", ("tasks", 7)),
        inferred=((Fact.LEAD, "Điều 2.1"),),
        standing=True,
        deadline=due_on(date(2021, 3, 31)),
    )
    (share,) = obligations_of(task, [SYT])
    assert (share.kind, share.number, share.title, share.parent) == (task.kind, "8", task.title, "task:8")
    assert (share.lead_text, share.support_text, share.deliverable, share.short_title) == (
        "Các sở, ban, ngành",
        "Văn phòng UBND tỉnh",
        "Kế hoạch của đơn vị",
        "Kế hoạch của đơn vị",
    )
    assert share.regulation == task.regulation and share.source == task.source
    assert share.inferred == task.inferred and share.standing is True
    assert share.split is None


def test_splitting_puts_each_item_before_its_shares_and_says_how_it_is_split() -> None:
    reg = registry()
    items = [
        item("task:1", deadline=due_on(date(2021, 3, 31))),
        item("duty:IV.2", lead=(SO,)),
        item("task:3", deadline=quarterly(quarters=(1,))),
        item("task:5", lead=(HUYEN,), deadline=quarterly(quarters=(1,))),
        item("task:6", lead=(CO_LIEN_QUAN,)),  # each_unit, but no one to split between
    ]
    before = list(items)
    out = split_obligations(items, {"duty:IV.2", "task:5", "task:6"}, reg)
    assert [(i.id, i.split) for i in out] == [
        ("task:1", None),
        ("duty:IV.2", Split.UNIT),
        ("duty:IV.2/so-y-te", None),
        ("duty:IV.2/so-tu-phap", None),
        ("duty:IV.2/so-noi-vu", None),
        ("task:3", Split.PERIOD),
        ("task:3/2021-Q1", None),
        ("task:5", Split.UNIT_PERIOD),
        ("task:5/ubnd-huyen-gia-loc/2021-Q1", None),
        ("task:5/ubnd-huyen-kim-thanh/2021-Q1", None),
        ("task:6", None),
    ]
    assert out[0] is items[0] and out[-1] is items[-1]  # an item not split is passed on as it is
    assert items == before and all(i.split is None for i in items)  # the input is not changed


def test_only_the_items_named_bind_each_unit() -> None:
    reg = registry()
    out = split_obligations([item("duty:IV.2", lead=(SO,))], set(), reg)
    assert [i.id for i in out] == ["duty:IV.2"]


# --- the bound ------------------------------------------------------------------------------------------


def test_a_plan_may_ask_for_up_to_the_limit_in_all() -> None:
    reg = registry()
    items = [item("duty:IV.2", lead=(SO,)), item("task:3", deadline=quarterly())]  # 3 + 4
    assert len(split_obligations(items, {"duty:IV.2"}, reg, limit=7)) == 2 + 7
    assert MAX_OBLIGATIONS == 20_000


def test_the_item_that_passes_the_limit_is_refused_at_its_each_unit() -> None:
    reg = registry()
    items = [item("task:3", deadline=quarterly()), item("duty:IV.2", lead=(SO,), deadline=quarterly())]
    with pytest.raises(ProblemError) as raised:
        split_obligations(items, {"duty:IV.2"}, reg, limit=15)  # 4, then 3 x 4 = 12: 16 in all
    found = raised.value.problem
    assert (found.code, found.path) == ("too-many-obligations", ("each_unit",))
    assert found.args == {"item": "duty:IV.2", "count": 12, "units": 3, "occurrences": 4, "limit": 15}


def test_a_recurrence_that_passes_the_limit_is_refused_at_its_deadline() -> None:
    reg = registry()
    with pytest.raises(ProblemError) as raised:
        split_obligations([item("task:3", deadline=quarterly())], set(), reg, limit=3)
    found = raised.value.problem
    assert found.path == ("deadline", "text")
    # the factors of the count: an item owed by no unit one by one counts as one unit
    assert found.args == {"item": "task:3", "count": 4, "units": 1, "occurrences": 4, "limit": 3}


def test_each_units_item_that_does_not_recur_counts_one_share_per_unit() -> None:
    reg = registry()
    with pytest.raises(ProblemError) as raised:
        split_obligations([item("duty:IV.2", lead=(SO,))], {"duty:IV.2"}, reg, limit=2)
    assert raised.value.problem.args == {
        "item": "duty:IV.2",
        "count": 3,
        "units": 3,
        "occurrences": 1,
        "limit": 2,
    }
