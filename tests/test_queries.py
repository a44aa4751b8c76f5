"""Exact answers, worked out by hand from the source text, and the laws the queries obey: items due,
overdue and upcoming, a unit's rows, an item's obligations by period, filters and windows."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tthc_cli.data.dataset import assemble
from tthc_cli.data.files import list_data_files
from tthc_cli.domain.accountability import assignments
from tthc_cli.domain.plan import Plan, PlanItem
from tthc_cli.domain.problems import ProblemError
from tthc_cli.domain.queries import (
    filter_items,
    items_due,
    items_open_between,
    items_overdue,
    items_upcoming,
    obligations,
    open_ended_members,
)
from tthc_cli.present.messages import message

from .conftest import edit, load_with

REVIEWS = [f"review:{n}" for n in range(1, 17)]
# The sở, Ban Quản lý and district committees, each of which writes its own plan (IV.2) and sends
# the reports the regime asks of it (reporting.yaml).
UNITS = [
    "so-cong-thuong",
    "so-noi-vu",
    "so-lao-dong-thuong-binh-va-xa-hoi",
    "so-giao-thong-van-tai",
    "so-thong-tin-va-truyen-thong",
    "so-y-te",
    "so-tai-nguyen-va-moi-truong",
    "so-van-hoa-the-thao-va-du-lich",
    "so-tu-phap",
    "so-khoa-hoc-va-cong-nghe",
    "so-tai-chinh",
    "so-giao-duc-va-dao-tao",
    "so-nong-nghiep-va-phat-trien-nong-thon",
    "so-ke-hoach-va-dau-tu",
    "so-xay-dung",
    "ban-quan-ly-cac-khu-cong-nghiep-tinh",
    "ubnd-thanh-pho-hai-duong",
    "ubnd-thanh-pho-chi-linh",
    "ubnd-thi-xa-kinh-mon",
    "ubnd-huyen-binh-giang",
    "ubnd-huyen-cam-giang",
    "ubnd-huyen-gia-loc",
    "ubnd-huyen-kim-thanh",
    "ubnd-huyen-nam-sach",
    "ubnd-huyen-ninh-giang",
    "ubnd-huyen-thanh-ha",
    "ubnd-huyen-thanh-mien",
    "ubnd-huyen-tu-ky",
]
# Item 8 binds each sở, Ban Quản lý and district committee separately, and the commune tier as a
# class (no commune is listed): its 29 obligations are what falls due, never the item as one more row.
ITEM_8 = [f"task:8/{unit}" for unit in (*UNITS, "ubnd-cap-xa")]


def unit_reports(period: str) -> list[str]:
    """IV.2's reports of one period, one per unit: due 2 working days after the cut-off."""
    return [f"duty:IV.2/{unit}/{period}" for unit in UNITS]


def office_reports(period: str) -> list[str]:
    """The Office's reports of one period (3.2's and IV.5's): due the 25th of the period's last month."""
    return [f"task:3.2/{period}", f"duty:IV.5/{period}"]


INSPECTIONS = [f"inspection:I.{n}" for n in range(1, 6)] + [f"inspection:II.{n}" for n in range(1, 13)]


def ids(items: list) -> list[str]:  # type: ignore[type-arg]
    return [i.id for i in items]


def test_due_by_31_may(plan: Plan) -> None:
    result = items_due(plan, before=date(2021, 5, 31))
    # The first quarter's reports (cut-off 14/03/2021): the units' by 16/03, the Office's by 25/03.
    q1 = [*unit_reports("2021-Q1"), *office_reports("2021-Q1")]
    assert ids(result.items) == [*q1, "task:1.1", *REVIEWS[:5]]
    # Obligations without a due date, counted as obligations: 8 ongoing tasks (3.2 is answered by its
    # Phụ lục I rows and its reports), IV.3 (ongoing, read from its own words), IV.4, the closing
    # paragraph of section IV, and the undated shares of IV.1 (28 units + the commune tier), IV.2 (28:
    # each unit's own plan) and Phụ lục I's Ghi chú 2 (29). IV.5 is answered by its periodic reports.
    assert result.without_due == 8 + 2 + 1 + 29 + 28 + 29


def test_due_by_30_june(plan: Plan) -> None:
    q1 = [*unit_reports("2021-Q1"), *office_reports("2021-Q1")]
    q2 = [*unit_reports("2021-Q2"), *office_reports("2021-Q2")]
    assert ids(items_due(plan, before=date(2021, 6, 30)).items) == [
        *q1,
        "task:1.1",
        *REVIEWS[:5],
        *q2,
        *REVIEWS[5:12],
    ]


def test_due_in_a_range_both_ends_inclusive(plan: Plan) -> None:
    got = ids(items_due(plan, after=date(2021, 6, 30), before=date(2021, 9, 15)).items)
    assert got == [*REVIEWS[5:16], *ITEM_8]


def test_due_by_year_end_is_every_dated_item(plan: Plan) -> None:
    got = ids(items_due(plan, before=date(2021, 12, 31)).items)
    # Item 6 is answered by its 17 inspections (its parts): not one more row. The fourth quarter's and
    # the year's reports share their cut-off (14/12/2021) and send-by days.
    assert got == [
        *unit_reports("2021-Q1"),
        *office_reports("2021-Q1"),
        "task:1.1",
        *REVIEWS[:5],
        *unit_reports("2021-Q2"),
        *office_reports("2021-Q2"),
        *REVIEWS[5:],
        *ITEM_8,
        *unit_reports("2021-Q3"),
        *office_reports("2021-Q3"),
        "task:9",
        *INSPECTIONS,
        "task:10",
        *unit_reports("2021-Q4"),
        *unit_reports("2021"),
        "task:3.2/2021-Q4",
        "task:3.2/2021",
        "duty:IV.5/2021-Q4",
        "duty:IV.5/2021",
    ]


def test_include_ongoing_adds_the_undated(plan: Plan) -> None:
    result = items_due(plan, before=date(2021, 5, 31), include_ongoing=True)
    assert len(result.items) == 30 + 6 + 97 and result.without_due == 0
    assert "task:1.2" in ids(result.items) and "duty:IV.4" in ids(result.items)


def test_due_filtered_by_unit_and_role(plan: Plan) -> None:
    y_te = items_due(plan, before=date(2021, 12, 31), unit="Sở Y tế")
    reports = [f"duty:IV.2/so-y-te/{p}" for p in ("2021-Q1", "2021-Q2", "2021-Q3", "2021-Q4", "2021")]
    assert ids(y_te.items) == [
        *reports[:2],
        "review:6",
        "task:8/so-y-te",
        reports[2],
        "task:10",
        *reports[3:],
    ]
    lead = items_due(plan, before=date(2021, 12, 31), unit="Sở Y tế", role="lead")
    assert ids(lead.items) == [*reports[:2], "review:6", "task:8/so-y-te", *reports[2:]]
    only_reviews = items_due(plan, before=date(2021, 12, 31), kinds=["review"])
    assert ids(only_reviews.items) == REVIEWS


def test_overdue_on_1_june(plan: Plan) -> None:
    rows = items_overdue(plan, date(2021, 6, 1))
    # The units' first-quarter reports were due 16/03, the Office's 25/03: 77 and 68 days late.
    assert [(i.id, n) for i, n in rows] == [
        *((r, 77) for r in unit_reports("2021-Q1")),
        *((r, 68) for r in office_reports("2021-Q1")),
        ("task:1.1", 1),
        *((r, 1) for r in REVIEWS[:5]),
    ]


def test_saturday_deadline_is_not_overdue_until_tuesday(plan: Plan) -> None:
    # Phụ lục I rows 13-16 fall due Saturday 31/7/2021: effective Monday 2/8 (Art. 148(5)).
    reports = [*unit_reports("2021-Q1"), *office_reports("2021-Q1")]
    reports += [*unit_reports("2021-Q2"), *office_reports("2021-Q2")]
    for day in (date(2021, 8, 1), date(2021, 8, 2)):
        late = ids([i for i, _ in items_overdue(plan, day)])
        assert [i for i in late if i not in reports] == ["task:1.1", *REVIEWS[:12]]
    rows = dict((i.id, n) for i, n in items_overdue(plan, date(2021, 8, 3)))
    assert set(rows) == {"task:1.1", *REVIEWS, *reports}
    assert rows["review:16"] == 1 and rows["task:1.1"] == 64


def test_overdue_sorted_by_days_late(plan: Plan) -> None:
    rows = items_overdue(plan, date(2021, 8, 3))
    assert [n for _, n in rows] == sorted((n for _, n in rows), reverse=True)


def test_done_items_are_not_overdue(plan: Plan) -> None:
    rows = items_overdue(plan, date(2021, 6, 1), is_done=lambda item, today: item.id == "review:1")
    assert "review:1" not in ids([i for i, _ in rows]) and len(rows) == 30 + 5


def test_ongoing_items_are_never_overdue(plan: Plan) -> None:
    late = ids([i for i, _ in items_overdue(plan, date(2021, 12, 31))])
    assert "task:1.2" not in late and "duty:IV.1" not in late


def test_upcoming(plan: Plan) -> None:
    # The units' second-quarter reports (16/06) are past; the Office's are due 25/06.
    assert ids(items_upcoming(plan, date(2021, 6, 20), 14)) == [*office_reports("2021-Q2"), *REVIEWS[5:12]]
    assert ids(items_upcoming(plan, date(2021, 7, 25), 14)) == REVIEWS[12:]  # effective 2/8
    assert ids(items_upcoming(plan, date(2021, 6, 30), 0)) == REVIEWS[5:12]  # due today counts


def _by_id(rows):  # type: ignore[no-untyped-def]
    return {r.item.id: r for r in rows}


def test_unit_so_y_te(plan: Plan) -> None:
    rows = _by_id(assignments(plan, "Sở Y tế"))
    definite = {k for k, r in rows.items() if r.definite}
    assert definite == {
        "task:1.2",
        "task:3.1",
        "task:3.3",
        "task:4",
        "task:5",
        "task:7.1",  # "các cơ quan giải quyết hồ sơ TTHC": a definite class, the sở in it (item 4)
        "task:7.2",
        "task:10",
        "task:8/so-y-te",  # its own obligations, not the item as a whole
        "duty:IV.1/so-y-te",
        "duty:IV.2/so-y-te",
        # its reports for each quarter and the year (IV.2 "báo cáo … theo quy định", reporting.yaml)
        *(f"duty:IV.2/so-y-te/{p}" for p in ("2021-Q1", "2021-Q2", "2021-Q3", "2021-Q4", "2021")),
        "note:review.2/so-y-te",
        "review:6",  # its row of Phụ lục I: its share of 3.2, which is not listed as a whole
    }
    assert {k for k, r in rows.items() if not r.definite} == {
        "task:1.1",
        "task:2",
        "task:9",
        "duty:IV.4",
        "note:IV",  # whoever meets a problem reports it: open-ended
    }
    assert (rows["review:6"].role, rows["review:6"].via, rows["review:6"].own) == ("lead", None, True)
    # Work the sở group leads as a whole is the group's: shown to Sở Y tế, never its own.
    assert (rows["task:10"].via, rows["task:10"].own) == ("Các sở, ban, ngành thuộc UBND tỉnh", False)
    assert (rows["task:8/so-y-te"].role, rows["task:8/so-y-te"].via) == ("lead", None)
    assert (rows["task:4"].role, rows["task:4"].via) == ("support", "Các sở, ban, ngành thuộc UBND tỉnh")


def test_unit_district_gia_loc(plan: Plan) -> None:
    rows = _by_id(assignments(plan, "UBND huyện Gia Lộc"))
    assert {k for k, r in rows.items() if r.definite} == {
        "task:3.1",
        "task:3.2",
        "task:3.3",
        "task:4",
        "task:5",
        "task:7.1",
        "task:7.2",
        "task:8/ubnd-huyen-gia-loc",
        "task:10",
        "duty:IV.1/ubnd-huyen-gia-loc",
        "duty:IV.2/ubnd-huyen-gia-loc",
        *(f"duty:IV.2/ubnd-huyen-gia-loc/{p}" for p in ("2021-Q1", "2021-Q2", "2021-Q3", "2021-Q4", "2021")),
        "note:review.2/ubnd-huyen-gia-loc",
        "inspection:II.3",  # its part of item 6: it is inspected, item 6 itself is not listed
    }
    maybe = {k for k, r in rows.items() if not r.definite}
    assert maybe == {"task:1.1", "task:1.2", "task:9", "duty:IV.4", "note:IV"}
    assert (rows["inspection:II.3"].role, rows["inspection:II.3"].via) == ("inspected", None)
    # Item 5 names "UBND cấp huyện" as coordinator: that explicit naming wins over the district's
    # membership (through its one-stop desk) of the group that leads (audit F4); likewise 7.1 (F3).
    assert (rows["task:5"].role, rows["task:5"].via) == ("support", "UBND cấp huyện")
    assert (rows["task:7.1"].role, rows["task:7.1"].via) == ("support", "UBND cấp huyện")
    assert (rows["task:8/ubnd-huyen-gia-loc"].role, rows["task:8/ubnd-huyen-gia-loc"].via) == ("lead", None)


def test_direct_mention_beats_group_membership(plan: Plan) -> None:
    # Item 3.2: Phụ lục I's units lead (Ban Quản lý is its row 13); "Ban Quản lý các khu công nghiệp"
    # coordinates, by name.
    rows = _by_id(assignments(plan, "Ban Quản lý các khu công nghiệp tỉnh"))
    assert (rows["task:3.2"].role, rows["task:3.2"].via) == ("support", None)
    rows = _by_id(assignments(plan, "Văn phòng UBND tỉnh"))
    # Item 8: "Các sở, ngành, UBND các cấp" lead, "Văn phòng UBND tỉnh" coordinates.
    assert (rows["task:8"].role, rows["task:8"].via) == ("support", None)
    assert rows["inspection:II.3"].role == "lead"


def test_scoped_open_group_leaves_out_units_outside_its_scope(plan: Plan) -> None:
    rows = _by_id(assignments(plan, "Báo Hải Dương"))
    assert "task:9" not in rows  # "Một số sở, ngành …, UBND cấp huyện có liên quan"
    assert (rows["task:7.1"].role, rows["task:7.1"].definite) == ("lead", True)  # via the province's media
    assert (rows["duty:IV.3"].via, rows["duty:IV.3"].definite) == (
        "Các cơ quan thông tin truyền thông của tỉnh",
        True,
    )


def test_a_group_can_be_asked_about(plan: Plan) -> None:
    rows = _by_id(assignments(plan, "UBND cấp xã"))
    assert rows["task:4"].role == "lead" and rows["task:4"].via is None
    # The commune tier is listed nowhere: it owes item 8 as a class, one obligation of its own.
    assert (rows["task:8/ubnd-cap-xa"].via, rows["task:8/ubnd-cap-xa"].own) == (None, True)
    assert "task:8" not in rows


dates = st.dates(min_value=date(2020, 12, 1), max_value=date(2022, 1, 31))


@settings(max_examples=60, deadline=None)
@given(dates, dates)
def test_a_later_before_never_returns_fewer_items(plan: Plan, d1: date, d2: date) -> None:
    early, late = sorted((d1, d2))
    a = set(ids(items_due(plan, before=early).items))
    b = set(ids(items_due(plan, before=late).items))
    assert a <= b


@settings(max_examples=60, deadline=None)
@given(dates, st.integers(0, 60))
def test_upcoming_and_overdue_never_overlap(plan: Plan, today: date, within: int) -> None:
    soon = set(ids(items_upcoming(plan, today, within)))
    late = {i.id for i, _ in items_overdue(plan, today)}
    assert not soon & late
    assert all(
        i.deadline.effective_due <= today + timedelta(within)  # type: ignore[operator]
        for i in items_upcoming(plan, today, within)
    )


# --- filters, an item's obligations, windows, the unit's rows of split items ------------------------


def test_filtering_by_unit_keeps_every_role_unless_one_is_asked(plan: Plan) -> None:
    unit = "Sở Tư pháp"
    every = filter_items(plan, plan.items, unit=unit)
    led = filter_items(plan, plan.items, unit=unit, role="lead")
    supported = filter_items(plan, plan.items, unit=unit, role="support")
    assert led and supported
    assert {i.id for i in every} == {i.id for i in led} | {i.id for i in supported}
    assert every == filter_items(plan, plan.items, unit=unit, role="any")


# --- obligations, time windows, the unit's rows of split items -----------------------------------

AN_LAC = Path(__file__).resolve().parent / "fixtures" / "an-lac-2022"


@pytest.fixture(scope="module")
def an_lac() -> Plan:
    files = {n: (AN_LAC / n).read_bytes() for n in list_data_files(str(AN_LAC)) if (AN_LAC / n).exists()}
    result = assemble(files)
    assert result.plan is not None, result.problems
    return result.plan


def test_obligations_of_one_period_as_typed(an_lac: Plan) -> None:
    assert [k.id for k in obligations(an_lac, "task:3", " 2022-m02 ")] == ["task:3/2022-M02"]
    assert len(obligations(an_lac, "task:3")) == 12


@pytest.fixture
def english() -> Iterator[None]:
    from tthc_cli import i18n

    i18n.activate("en")
    yield
    i18n.activate(i18n.DEFAULT_LANGUAGE)


def test_a_period_the_item_does_not_have_lists_its_periods(an_lac: Plan, english: None) -> None:
    with pytest.raises(ProblemError) as caught:
        obligations(an_lac, "task:3", "2022-Q1")
    months = ", ".join(f"month {m}/2022" for m in range(1, 13))  # as tables print them
    assert message(caught.value.problem) == f"task:3 has no period '2022-Q1'; its periods: {months}"


def test_an_item_not_split_has_no_obligations(an_lac: Plan, english: None) -> None:
    with pytest.raises(ProblemError) as caught:
        obligations(an_lac, "task:1")
    assert (
        message(caught.value.problem)
        == "task:1 is one obligation, not one per unit or period (tthc show task:1)"
    )


def test_a_unit_sees_the_occurrences_of_a_recurring_item_not_the_item(an_lac: Plan) -> None:
    target = an_lac.by_id["task:3"].lead[0]
    seen = [r.item.id for r in assignments(an_lac, target)]
    assert "task:3" not in seen
    assert [i for i in seen if i.startswith("task:3/")] == [f"task:3/2022-M{m:02}" for m in range(1, 13)]


def test_a_unit_that_coordinates_an_item_split_by_unit_sees_the_item() -> None:
    plan_yaml = edit(
        "plan.yaml",
        '        - UBND cấp xã\n    # "Yêu cầu',
        '        - UBND cấp xã\n    support:\n      refs: [Báo Hải Dương]\n    # "Yêu cầu',
    )
    plan = load_with(plan_yaml=plan_yaml).plan
    assert plan is not None
    rows = [(r.item.id, r.role, r.via, r.definite) for r in assignments(plan, "Báo Hải Dương")]
    assert ("duty:IV.1", "support", None, True) in rows
    owner = [r.item.id for r in assignments(plan, "Sở Y tế")]
    assert "duty:IV.1/so-y-te" in owner and "duty:IV.1" not in owner


def test_done_is_asked_as_of_today(plan: Plan) -> None:
    """An item is done as of a day: `is_done` gets the day the question is asked for."""
    asked: set[object] = set()

    def done_by_june(item: PlanItem, today: date) -> bool:
        asked.add(today)
        return today >= date(2021, 6, 1)

    may, june = date(2021, 5, 20), date(2021, 6, 10)
    assert items_upcoming(plan, may, 14, done_by_june) and asked == {may}
    assert items_upcoming(plan, june, 30, done_by_june) == []
    assert items_overdue(plan, june, done_by_june) == []
    assert items_overdue(plan, june) and june in asked


def test_upcoming_items_soonest_first_whatever_their_order_in_the_plan(plan: Plan) -> None:
    rows = items_upcoming(plan, date(2021, 1, 1), 365)
    dues = [i.deadline.effective_due for i in rows]
    assert dues == sorted(dues)  # type: ignore[type-var]
    order = [plan.items.index(i) for i in rows]
    assert order != sorted(order)  # the plan lists some later-due items first


def test_open_ended_members_are_the_collective_groups_among_the_leads(plan: Plan) -> None:
    # The first lead includes "Các sở, ban, ngành thuộc UBND tỉnh" (not listed in full) and "UBND cấp
    # xã" (communes the registry does not list one by one).
    assert open_ended_members(plan, plan.by_id["task:7.1"]) == [
        "Các cơ quan giải quyết hồ sơ thủ tục hành chính",
        "Các sở, ban, ngành thuộc UBND tỉnh",
        "UBND cấp xã",
        "Các cơ quan thông tin truyền thông của tỉnh",
    ]
    assert open_ended_members(plan, plan.by_id["task:1.1"]) == []


def test_a_unit_that_leads_an_inspection_of_itself_is_its_lead() -> None:
    """Roles rank lead, inspected, support (not alphabetically): Văn phòng UBND tỉnh leads task 6's
    inspections, and is the unit of this row too."""
    text = edit(
        "appendix_inspection.yaml", "{stt: 1, unit: Sở Công Thương}", "{stt: 1, unit: Văn phòng UBND tỉnh}"
    )
    plan = load_with(appendix_inspection_yaml=text).plan
    assert plan is not None
    rows = {r.item.id: (r.role, r.via, r.definite) for r in assignments(plan, "Văn phòng UBND tỉnh")}
    assert rows["inspection:I.1"] == ("lead", None, True)
    assert plan.by_id["inspection:I.1"].unit == "Văn phòng UBND tỉnh"


def test_an_item_that_is_not_split_has_no_obligations_even_with_appendix_rows(plan: Plan) -> None:
    assert plan.children("task:6")  # its Phụ lục II rows
    with pytest.raises(ProblemError):
        obligations(plan, "task:6")


def test_an_item_split_by_unit_only_has_no_periods_to_list(plan: Plan, english: None) -> None:
    with pytest.raises(ProblemError) as caught:
        obligations(plan, "task:8", "2021-Q1")
    assert message(caught.value.problem) == "task:8 has no period '2021-Q1'; its periods: —"


def test_a_standing_responsibility_has_no_one_missing(plan: Plan, english: None) -> None:
    with pytest.raises(ProblemError) as caught:
        obligations(plan, "duty:IV.1")
    assert message(caught.value.problem) == (
        "duty:IV.1 is a standing responsibility: there is nothing to deliver, so no one is missing "
        "(tthc show duty:IV.1)"
    )


def test_open_between_looks_only_at_the_pool_given(plan: Plan) -> None:
    first, last, today = date(2021, 1, 1), date(2021, 12, 31), date(2021, 1, 1)
    every = items_open_between(plan, first, last, today=today)
    pool = [plan.by_id["review:2"], plan.by_id["task:1.1"]]
    assert len(every) > 2
    assert items_open_between(plan, first, last, today=today, pool=pool) == [
        plan.by_id["task:1.1"],
        plan.by_id["review:2"],
    ]


def test_a_unit_that_may_coordinate_through_two_open_groups_gets_one_row() -> None:
    plan_yaml = edit(
        "plan.yaml",
        "      refs:\n        - Các cơ quan, đơn vị, địa phương có liên quan\n",
        "      refs:\n        - Các cơ quan, đơn vị, địa phương có liên quan\n"
        "        - Các sở, ngành, cơ quan liên quan\n",
    )
    plan = load_with(plan_yaml=plan_yaml).plan
    assert plan is not None
    rows = [(r.role, r.via, r.definite) for r in assignments(plan, "Sở Y tế") if r.item.id == "task:1.1"]
    assert rows == [("support", "Các cơ quan, đơn vị, địa phương có liên quan", False)]
