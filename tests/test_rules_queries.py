"""The JSON contract of an item (what `--format json` gives scripts), whole, for each shape of item:
a task, an appendix row its unit leads, a row whose unit is inspected, an obligation of one unit and
one period with the office's rule for "theo quy định", a row with extra columns; and unit filters."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from tthc_cli.data.dataset import assemble
from tthc_cli.data.files import list_data_files
from tthc_cli.domain.accountability import assignments
from tthc_cli.domain.plan import Plan as Dataset
from tthc_cli.domain.plan import PlanItem, Role
from tthc_cli.domain.problems import ProblemError
from tthc_cli.domain.queries import (
    filter_items,
    items_open_between,
    items_overdue,
    items_upcoming,
    obligations,
    open_ended_members,
)
from tthc_cli.present.contracts import item_to_dict, unit_row_to_dict
from tthc_cli.present.messages import message

from .conftest import edit, load_with

SON_HA = Path(__file__).resolve().parent / "fixtures" / "son-ha-2023"


@pytest.fixture(scope="module")
def son_ha() -> Dataset:
    files = {n: (SON_HA / n).read_bytes() for n in list_data_files(str(SON_HA)) if (SON_HA / n).exists()}
    result = assemble(files)
    assert result.plan is not None, result.problems
    return result.plan


def deadline_2021_window() -> dict[str, object]:
    return {
        "text": "Từ tháng 4 đến tháng 11 năm 2021.",
        "kind": "window",
        "start": "2021-04-01",
        "due": "2021-11-30",
        "effective_due": "2021-11-30",
        "tentative": False,
    }


def test_a_task(ds: Dataset) -> None:
    assert item_to_dict(ds.by_id["task:1.1"]) == {
        "id": "task:1.1",
        "kind": "task",
        "title": "Nhiệm vụ tham mưu ban hành Quy chế về tổ chức và hoạt động của Bộ phận Một cửa giải quyết "
        "thủ tục hành chính trên địa bàn tỉnh Hải Dương.",
        "lead": ["Văn phòng UBND tỉnh"],
        "support": ["Các cơ quan, đơn vị, địa phương có liên quan"],
        "deadline": {
            "text": "Xong trước tháng 6 năm 2021.",
            "kind": "before_month",
            "start": "2021-01-01",
            "due": "2021-05-31",
            "effective_due": "2021-05-31",
            "tentative": False,
        },
        "deliverable": "Quyết định của UBND tỉnh.",
    }


def test_an_inspected_row_carries_its_unit_block_and_note(ds: Dataset) -> None:
    common = {
        "kind": "inspection",
        "lead": ["Văn phòng UBND tỉnh"],
        "support": [],
        "deadline": deadline_2021_window(),
        "deliverable": None,
        "parent": "task:6",
    }
    assert item_to_dict(ds.by_id["inspection:II.1"]) == {
        "id": "inspection:II.1",
        "title": "UBND thành phố Chí Linh",
        **common,
        "unit": "UBND thành phố Chí Linh",
        "block": "II",
        "note": "Kiểm tra các phòng chuyên môn thuộc UBND cấp huyện và từ 3 - 5 đơn vị cấp xã/cấp huyện",
    }
    # No note: the key is still there (null), as for every inspected row.
    assert item_to_dict(ds.by_id["inspection:I.1"]) == {
        "id": "inspection:I.1",
        "title": "Sở Công Thương",
        **common,
        "unit": "Sở Công Thương",
        "block": "I",
        "note": None,
    }


def test_a_row_its_unit_leads_carries_its_domains(son_ha: Dataset) -> None:
    assert item_to_dict(son_ha.by_id["ra_soat:1"]) == {
        "id": "ra_soat:1",
        "kind": "ra_soat",
        "title": "Sở Tư pháp",
        "lead": ["Sở Tư pháp"],
        "support": [],
        "deadline": {
            "text": "Trước ngày 31/3/2023",
            "kind": "by_date",
            "start": "2022-12-15",
            "due": "2023-03-31",
            "effective_due": "2023-03-31",
            "tentative": False,
        },
        "deliverable": None,
        "parent": "task:1",
        "domains": ["Hộ tịch", "Chứng thực"],
    }


def test_a_led_row_with_block_and_note_and_an_inspected_row_with_domains(ds: Dataset) -> None:
    base = ds.by_id["inspection:II.1"]

    def row(role: str, **fields: object) -> PlanItem:
        return PlanItem(
            id="x:1",
            kind=base.kind,
            number="1",
            title="Sở Y tế",
            lead=("Sở Y tế",),
            support=(),
            deadline=base.deadline,
            unit_role=Role(role),
            **fields,  # type: ignore[arg-type]
        )

    led = item_to_dict(row("lead", domains=("Y tế",), block="A", note="ghi chú"))
    assert {k: led[k] for k in ("domains", "block", "note")} == {
        "domains": ["Y tế"],
        "block": "A",
        "note": "ghi chú",
    }
    assert "unit" not in led
    bare = item_to_dict(row("lead"))
    assert bare["domains"] == [] and "block" not in bare and "note" not in bare
    inspected = item_to_dict(row("inspected", unit="Sở Y tế", domains=("Y tế",)))
    assert {k: inspected[k] for k in ("unit", "block", "note", "domains")} == {
        "unit": "Sở Y tế",
        "block": None,
        "note": None,
        "domains": ["Y tế"],
    }
    assert "domains" not in item_to_dict(row("inspected", unit="Sở Y tế"))


def test_an_obligation_of_one_unit_and_period_with_the_offices_rule(son_ha: Dataset) -> None:
    assert item_to_dict(son_ha.by_id["task:5/so-tu-phap/2023-Q1"]) == {
        "id": "task:5/so-tu-phap/2023-Q1",
        "kind": "task",
        "title": "Báo cáo tình hình, kết quả kiểm soát thủ tục hành chính.",
        "lead": ["Sở Tư pháp"],
        "support": [],
        "deadline": {
            "text": "Theo quy định",
            "kind": "by_date",
            "start": "2023-01-01",
            "due": "2023-03-14",
            "effective_due": "2023-03-14",
            "tentative": False,
            "regulation": {
                "text": "Trước ngày 14 của tháng cuối quý",
                "basis": "Chế độ báo cáo định kỳ (mô hình Nghị định 09/2019/NĐ-CP), chốt số liệu ngày 14",
                "assumed": False,
            },
        },
        "deliverable": None,
        "parent": "task:5",
        "unit": "Sở Tư pháp",
        "period": "2023-Q1",
    }


def test_a_row_with_columns_of_its_own(son_ha: Dataset) -> None:
    out = item_to_dict(son_ha.by_id["tuyen_truyen:1"])
    assert out["cells"] == {"hinh_thuc": "Chuyên mục trên Cổng thông tin điện tử"}
    assert out["domains"] == [] and "unit" not in out and "period" not in out


def test_an_undated_item_has_null_dates(ds: Dataset) -> None:
    d = item_to_dict(ds.by_id["note:review.2"])["deadline"]
    assert (d["start"], d["due"], d["effective_due"], d["kind"]) == (None, None, None, "unspecified")


def test_a_unit_row_adds_role_group_and_definiteness(ds: Dataset) -> None:
    rows = {r.item.id: r for r in assignments(ds, "Sở Y tế")}
    out = unit_row_to_dict(rows["task:1.1"])
    assert (out["id"], out["role"], out["via"], out["definite"]) == (
        "task:1.1",
        "support",
        "Các cơ quan, đơn vị, địa phương có liên quan",
        False,
    )


def test_filtering_by_unit_keeps_every_role_unless_one_is_asked(ds: Dataset) -> None:
    unit = "Sở Tư pháp"
    every = filter_items(ds, ds.items, unit=unit)
    led = filter_items(ds, ds.items, unit=unit, role="lead")
    supported = filter_items(ds, ds.items, unit=unit, role="support")
    assert led and supported
    assert {i.id for i in every} == {i.id for i in led} | {i.id for i in supported}
    assert every == filter_items(ds, ds.items, unit=unit, role="any")


# --- obligations, time windows, the unit's rows of split items -----------------------------------

AN_LAC = Path(__file__).resolve().parent / "fixtures" / "an-lac-2022"


@pytest.fixture(scope="module")
def an_lac() -> Dataset:
    files = {n: (AN_LAC / n).read_bytes() for n in list_data_files(str(AN_LAC)) if (AN_LAC / n).exists()}
    result = assemble(files)
    assert result.plan is not None, result.problems
    return result.plan


def test_obligations_of_one_period_as_typed(an_lac: Dataset) -> None:
    assert [k.id for k in obligations(an_lac, "task:3", " 2022-m02 ")] == ["task:3/2022-M02"]
    assert len(obligations(an_lac, "task:3")) == 12


@pytest.fixture
def english() -> Iterator[None]:
    from tthc_cli import i18n

    i18n.activate("en")
    yield
    i18n.activate(i18n.DEFAULT_LANGUAGE)


def test_a_period_the_item_does_not_have_lists_its_periods(an_lac: Dataset, english: None) -> None:
    with pytest.raises(ProblemError) as caught:
        obligations(an_lac, "task:3", "2022-Q1")
    months = ", ".join(f"month {m}/2022" for m in range(1, 13))  # as tables print them
    assert message(caught.value.problem) == f"task:3 has no period '2022-Q1'; its periods: {months}"


def test_an_item_not_split_has_no_obligations(an_lac: Dataset, english: None) -> None:
    with pytest.raises(ProblemError) as caught:
        obligations(an_lac, "task:1")
    assert (
        message(caught.value.problem)
        == "task:1 is one obligation, not one per unit or period (tthc show task:1)"
    )


def test_a_unit_sees_the_occurrences_of_a_recurring_item_not_the_item(an_lac: Dataset) -> None:
    target = an_lac.by_id["task:3"].lead[0]
    seen = [r.item.id for r in assignments(an_lac, target)]
    assert "task:3" not in seen
    assert [i for i in seen if i.startswith("task:3/")] == [f"task:3/2022-M{m:02}" for m in range(1, 13)]


def test_a_unit_that_coordinates_an_item_split_by_unit_sees_the_item() -> None:
    plan = edit(
        "plan.yaml",
        '        - UBND cấp xã\n    # "Yêu cầu',
        '        - UBND cấp xã\n    support:\n      refs: [Báo Hải Dương]\n    # "Yêu cầu',
    )
    ds = load_with(plan_yaml=plan).plan
    assert ds is not None
    rows = [(r.item.id, r.role, r.via, r.definite) for r in assignments(ds, "Báo Hải Dương")]
    assert ("duty:IV.1", "support", None, True) in rows
    owner = [r.item.id for r in assignments(ds, "Sở Y tế")]
    assert "duty:IV.1/so-y-te" in owner and "duty:IV.1" not in owner


def test_done_is_asked_as_of_today(ds: Dataset) -> None:
    """An item is done as of a day: `is_done` gets the day the question is asked for."""
    asked: set[object] = set()

    def done_by_june(item: PlanItem, today: date) -> bool:
        asked.add(today)
        return today >= date(2021, 6, 1)

    may, june = date(2021, 5, 20), date(2021, 6, 10)
    assert items_upcoming(ds, may, 14, done_by_june) and asked == {may}
    assert items_upcoming(ds, june, 30, done_by_june) == []
    assert items_overdue(ds, june, done_by_june) == []
    assert items_overdue(ds, june) and june in asked


def test_upcoming_items_soonest_first_whatever_their_order_in_the_plan(ds: Dataset) -> None:
    rows = items_upcoming(ds, date(2021, 1, 1), 365)
    dues = [i.deadline.effective_due for i in rows]
    assert dues == sorted(dues)  # type: ignore[type-var]
    order = [ds.items.index(i) for i in rows]
    assert order != sorted(order)  # the plan lists some later-due items first


def test_an_obligation_names_its_unit_and_period_even_when_one_is_empty(ds: Dataset, an_lac: Dataset) -> None:
    by_unit = item_to_dict(ds.by_id["duty:IV.1/so-y-te"])
    assert (by_unit["unit"], by_unit["period"]) == ("Sở Y tế", None)
    by_period = item_to_dict(an_lac.by_id["task:3/2022-M02"])
    assert (by_period["unit"], by_period["period"]) == (None, "2022-M02")


def test_open_ended_members_are_the_collective_groups_among_the_leads(ds: Dataset) -> None:
    # The first lead includes "Các sở, ban, ngành thuộc UBND tỉnh" (not listed in full) and "UBND cấp
    # xã" (communes the registry does not list one by one).
    assert open_ended_members(ds, ds.by_id["task:7.1"]) == [
        "Các cơ quan giải quyết hồ sơ thủ tục hành chính",
        "Các sở, ban, ngành thuộc UBND tỉnh",
        "UBND cấp xã",
        "Các cơ quan thông tin truyền thông của tỉnh",
    ]
    assert open_ended_members(ds, ds.by_id["task:1.1"]) == []


def test_a_unit_that_leads_an_inspection_of_itself_is_its_lead() -> None:
    """Roles rank lead, inspected, support (not alphabetically): Văn phòng UBND tỉnh leads task 6's
    inspections, and is the unit of this row too."""
    text = edit(
        "appendix_inspection.yaml", "{stt: 1, unit: Sở Công Thương}", "{stt: 1, unit: Văn phòng UBND tỉnh}"
    )
    ds = load_with(appendix_inspection_yaml=text).plan
    assert ds is not None
    rows = {r.item.id: (r.role, r.via, r.definite) for r in assignments(ds, "Văn phòng UBND tỉnh")}
    assert rows["inspection:I.1"] == ("lead", None, True)
    assert ds.by_id["inspection:I.1"].unit == "Văn phòng UBND tỉnh"


def test_an_item_that_is_not_split_has_no_obligations_even_with_appendix_rows(ds: Dataset) -> None:
    assert ds.children("task:6")  # its Phụ lục II rows
    with pytest.raises(ProblemError):
        obligations(ds, "task:6")


def test_an_item_split_by_unit_only_has_no_periods_to_list(ds: Dataset, english: None) -> None:
    with pytest.raises(ProblemError) as caught:
        obligations(ds, "task:8", "2021-Q1")
    assert message(caught.value.problem) == "task:8 has no period '2021-Q1'; its periods: —"


def test_a_standing_responsibility_has_no_one_missing(ds: Dataset, english: None) -> None:
    with pytest.raises(ProblemError) as caught:
        obligations(ds, "duty:IV.1")
    assert message(caught.value.problem) == (
        "duty:IV.1 is a standing responsibility: there is nothing to deliver, so no one is missing "
        "(tthc show duty:IV.1)"
    )


def test_open_between_looks_only_at_the_pool_given(ds: Dataset) -> None:
    first, last, today = date(2021, 1, 1), date(2021, 12, 31), date(2021, 1, 1)
    every = items_open_between(ds, first, last, today=today)
    pool = [ds.by_id["review:2"], ds.by_id["task:1.1"]]
    assert len(every) > 2
    assert items_open_between(ds, first, last, today=today, pool=pool) == [
        ds.by_id["task:1.1"],
        ds.by_id["review:2"],
    ]


def test_a_unit_that_may_coordinate_through_two_open_groups_gets_one_row() -> None:
    plan = edit(
        "plan.yaml",
        "      refs:\n        - Các cơ quan, đơn vị, địa phương có liên quan\n",
        "      refs:\n        - Các cơ quan, đơn vị, địa phương có liên quan\n"
        "        - Các sở, ngành, cơ quan liên quan\n",
    )
    ds = load_with(plan_yaml=plan).plan
    assert ds is not None
    rows = [(r.role, r.via, r.definite) for r in assignments(ds, "Sở Y tế") if r.item.id == "task:1.1"]
    assert rows == [("support", "Các cơ quan, đơn vị, địa phương có liên quan", False)]
