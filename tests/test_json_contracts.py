"""The JSON scripts read (what `--format json` gives them), whole: an item of each shape of the shipped
plans — a task, an appendix row its unit leads, a row whose unit is inspected, an obligation of one
unit and one period with the office's rule for "theo quy định", a row with extra columns, a unit's row
—, and on small plans the parts those do not reach: facts read rather than printed, the reports an
item's words ask for, a standing responsibility, and a progress entry."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tthc_cli.data.dataset import assemble
from tthc_cli.data.files import list_data_files
from tthc_cli.domain.accountability import Assignment, assignments
from tthc_cli.domain.plan import Entry, EntryStatus, Fact, Plan, PlanItem, ReportsAsked, Role
from tthc_cli.present.contracts import entry_to_dict, item_to_dict, unit_row_to_dict

from .small_plans import SO, SYT, item

AN_LAC = Path(__file__).resolve().parent / "fixtures" / "an-lac-2022"


@pytest.fixture(scope="module")
def an_lac() -> Plan:
    files = {n: (AN_LAC / n).read_bytes() for n in list_data_files(str(AN_LAC)) if (AN_LAC / n).exists()}
    result = assemble(files)
    assert result.plan is not None, result.problems
    return result.plan


# --- an item of each shape of the shipped plans ---------------------------------------------------------


SON_HA = Path(__file__).resolve().parent / "fixtures" / "son-ha-2023"


@pytest.fixture(scope="module")
def son_ha() -> Plan:
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


def test_a_task(plan: Plan) -> None:
    assert item_to_dict(plan.by_id["task:1.1"]) == {
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


def test_an_inspected_row_carries_its_unit_block_and_note(plan: Plan) -> None:
    common = {
        "kind": "inspection",
        "lead": ["Văn phòng UBND tỉnh"],
        "support": [],
        "deadline": deadline_2021_window(),
        "deliverable": None,
        "parent": "task:6",
    }
    assert item_to_dict(plan.by_id["inspection:II.1"]) == {
        "id": "inspection:II.1",
        "title": "UBND thành phố Chí Linh",
        **common,
        "unit": "UBND thành phố Chí Linh",
        "block": "II",
        "note": "Kiểm tra các phòng chuyên môn thuộc UBND cấp huyện và từ 3 - 5 đơn vị cấp xã/cấp huyện",
    }
    # No note: the key is still there (null), as for every inspected row.
    assert item_to_dict(plan.by_id["inspection:I.1"]) == {
        "id": "inspection:I.1",
        "title": "Sở Công Thương",
        **common,
        "unit": "Sở Công Thương",
        "block": "I",
        "note": None,
    }


def test_a_row_its_unit_leads_carries_its_domains(son_ha: Plan) -> None:
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


def test_a_led_row_with_block_and_note_and_an_inspected_row_with_domains(plan: Plan) -> None:
    base = plan.by_id["inspection:II.1"]

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


def test_an_obligation_of_one_unit_and_period_with_the_offices_rule(son_ha: Plan) -> None:
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


def test_a_row_with_columns_of_its_own(son_ha: Plan) -> None:
    out = item_to_dict(son_ha.by_id["tuyen_truyen:1"])
    assert out["cells"] == {"hinh_thuc": "Chuyên mục trên Cổng thông tin điện tử"}
    assert out["domains"] == [] and "unit" not in out and "period" not in out


def test_an_undated_item_has_null_dates(plan: Plan) -> None:
    d = item_to_dict(plan.by_id["note:review.2"])["deadline"]
    assert (d["start"], d["due"], d["effective_due"], d["kind"]) == (None, None, None, "unspecified")


def test_a_unit_row_adds_role_group_and_definiteness(plan: Plan) -> None:
    rows = {r.item.id: r for r in assignments(plan, "Sở Y tế")}
    out = unit_row_to_dict(rows["task:1.1"])
    assert (out["id"], out["role"], out["via"], out["definite"]) == (
        "task:1.1",
        "support",
        "Các cơ quan, đơn vị, địa phương có liên quan",
        False,
    )


def test_an_obligation_names_its_unit_and_period_even_when_one_is_empty(plan: Plan, an_lac: Plan) -> None:
    by_unit = item_to_dict(plan.by_id["duty:IV.1/so-y-te"])
    assert (by_unit["unit"], by_unit["period"]) == ("Sở Y tế", None)
    by_period = item_to_dict(an_lac.by_id["task:3/2022-M02"])
    assert (by_period["unit"], by_period["period"]) == (None, "2022-M02")


# --- what the shipped plans do not reach ------------------------------------------------------------------


def test_an_item_with_inferred_facts_and_reports_asked_carries_both_with_their_basis() -> None:
    task = item(
        "task:3.2",
        lead=(SO,),
        inferred=((Fact.LEAD, "Điều 2.1 và Mục 3.1"), (Fact.DEADLINE, "Mục 3.2")),
        reports=ReportsAsked(
            text="báo cáo định kỳ quý, năm hoặc đột xuất",
            periods=("quarter", "year"),
            ad_hoc=True,
            as_regulated=False,
            by=(SYT,),
            basis="Mục 3.2",
        ),
    )
    out = item_to_dict(task)
    assert out["inferred"] == {"lead": "Điều 2.1 và Mục 3.1", "deadline": "Mục 3.2"}
    assert out["reports"] == {
        "text": "báo cáo định kỳ quý, năm hoặc đột xuất",
        "periods": ["quarter", "year"],
        "ad_hoc": True,
        "as_regulated": False,
        "by": [SYT],
        "basis": "Mục 3.2",
    }
    assert "standing" not in out


def test_reports_left_to_regulation_say_so() -> None:
    out = item_to_dict(item("duty:IV.5", reports=ReportsAsked(text="theo quy định", as_regulated=True)))
    assert out["reports"] == {
        "text": "theo quy định",
        "periods": [],
        "ad_hoc": False,
        "as_regulated": True,
        "by": [],
        "basis": "",
    }


def test_a_standing_responsibility_says_so_and_an_ordinary_item_carries_none_of_the_extras() -> None:
    assert item_to_dict(item("duty:IV.1", standing=True))["standing"] is True
    plain = item_to_dict(item("task:1.1"))
    assert set(plain) == {"id", "kind", "title", "lead", "support", "deadline", "deliverable"}


def test_a_progress_entry_keeps_its_iso_date_status_and_words() -> None:
    entry = Entry("task:1.1", date(2021, 3, 5), EntryStatus.DONE, note="Đã trình", evidence="QĐ 12", by=SYT)
    assert entry_to_dict(entry) == {
        "date": "2021-03-05",
        "status": "done",
        "note": "Đã trình",
        "evidence": "QĐ 12",
        "by": SYT,
    }
    bare = entry_to_dict(Entry("task:1.1", date(2021, 3, 5), EntryStatus.STARTED))
    assert bare == {"date": "2021-03-05", "status": "started", "note": None, "evidence": None, "by": None}


def test_a_units_row_adds_its_role_group_definiteness_ownership_and_the_groups_basis() -> None:
    row = Assignment(item("task:1", lead=(SO,)), Role.LEAD, SO, True, False, "Mục 4")
    out = unit_row_to_dict(row)
    assert {k: out[k] for k in ("id", "role", "via", "definite", "own", "via_basis")} == {
        "id": "task:1",
        "role": "lead",
        "via": SO,
        "definite": True,
        "own": False,
        "via_basis": "Mục 4",
    }
    assert list(out)[-5:] == ["role", "via", "definite", "own", "via_basis"]
