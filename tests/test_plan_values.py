"""The plan as values: what the document says about itself (its period, identifier, sections and
appendices), an item's kind code and the facts it reads, and how a plan finds items by what a person
types, their parts, and which of them are shares of a split item."""

from __future__ import annotations

from datetime import date

import pytest

from tthc_cli.domain.plan import (
    AppendixInfo,
    Entry,
    EntryStatus,
    Fact,
    ItemKind,
    Role,
    Split,
    default_plan_id,
    plan_meta,
)

from .small_plans import SO, SYT, item, plan


def test_a_split_says_whether_it_is_by_unit_and_by_period() -> None:
    assert [(s.by_unit, s.by_period) for s in Split] == [(True, False), (False, True), (True, True)]


def test_a_plan_that_says_nothing_of_its_period_runs_through_its_calendar_year() -> None:
    meta = plan_meta(title="Kế hoạch", year=2022, province="Hải Dương")
    assert (meta.title, meta.year, meta.province) == ("Kế hoạch", 2022, "Hải Dương")
    assert (meta.period_start, meta.period_end, meta.plan_id) == (
        date(2022, 1, 1),
        date(2022, 12, 31),
        "hai-duong-2022",
    )
    assert (meta.document_kind, meta.sections, meta.appendices, meta.number_text) == ("plan", {}, (), None)


def test_a_plan_that_states_its_period_and_identifier_keeps_them() -> None:
    meta = plan_meta(
        title="Kế hoạch",
        year=2021,
        province="Hải Dương",
        plan_id="kh-96",
        period_start=date(2021, 3, 1),
        period_end=date(2022, 6, 30),
        document_kind="decision",
    )
    assert (meta.plan_id, meta.period_start, meta.period_end, meta.document_kind) == (
        "kh-96",
        date(2021, 3, 1),
        date(2022, 6, 30),
        "decision",
    )


@pytest.mark.parametrize(
    ("province", "plan_id"),
    [
        ("Hải Dương", "hai-duong-2021"),
        ("Thành phố Đà Nẵng", "thanh-pho-da-nang-2021"),
        ("  Bà Rịa – Vũng Tàu ", "ba-ria-vung-tau-2021"),
        ("ĐẮK LẮK", "dak-lak-2021"),
        ("đảo Phú Quốc", "dao-phu-quoc-2021"),
        (None, "plan-2021"),
        ("", "plan-2021"),
        ("–", "plan-2021"),  # nothing left of the name
    ],
)
def test_a_plans_identifier_is_its_province_folded_to_ascii_and_its_year(
    province: str | None, plan_id: str
) -> None:
    assert default_plan_id(province, 2021) == plan_id


def test_the_document_names_its_sections_appendices_and_kinds() -> None:
    review = AppendixInfo("review", "I", "Danh mục rà soát", "task:3.2")
    inspection = AppendixInfo("inspection", "II", "Danh mục kiểm tra", "task:6", Role.INSPECTED)
    meta = plan_meta(
        title="Kế hoạch",
        year=2021,
        sections={"duties": ("IV", "Tổ chức thực hiện")},
        appendices=(review, inspection),
    )
    assert meta.appendix("inspection") is inspection and meta.appendix("other") is None
    assert meta.appendix(None) is None
    assert meta.section("duties") == ("IV", "Tổ chức thực hiện") and meta.section("tasks") is None
    assert meta.kinds == ("task", "duty", "review", "inspection", "note")
    assert review.unit_role is Role.LEAD and review.columns == ()


def test_an_items_kind_code_is_its_kind_or_for_a_row_its_appendixs_name() -> None:
    assert item("task:1").kind_code == "task"
    assert item("duty:IV.1").kind_code == "duty"
    assert item("note:IV").kind_code == "note"
    assert item("review:3", appendix="review").kind_code == "review"
    assert item("x:3", kind=ItemKind.ROW).kind_code == "row"


def test_an_item_says_where_a_fact_it_reads_comes_from() -> None:
    task = item("task:3.2", inferred=((Fact.LEAD, "Điều 2.1"), (Fact.DEADLINE, "Mục 3.2")))
    assert task.basis(Fact.LEAD) == "Điều 2.1"
    assert task.basis(Fact.DEADLINE) == "Mục 3.2"
    assert task.basis(Fact.SUPPORT) is None


def _plan():  # type: ignore[no-untyped-def]
    return plan(
        [
            item("task:1.1"),
            item("task:1.2"),
            item("duty:IV.2", lead=(SO,), split=Split.UNIT),
            item("duty:IV.2/so-y-te", parent="duty:IV.2", unit=SYT),
            item("task:6"),
            item("review:1", appendix="review", parent="task:6", number="1"),
            item("inspection:II.3", appendix="inspection", number="II.3"),
            item("task:1.1", title="Một bản sao"),
        ]
    )


def test_a_plan_finds_its_items_by_id_the_first_of_a_repeated_one() -> None:
    p = _plan()
    assert p.by_id["task:1.1"].title == "Việc 1.1"
    assert p.order["task:1.2"] == 1 and p.order["inspection:II.3"] == 6
    assert p.year == 2021


def test_a_plan_knows_each_items_parts_and_which_are_shares() -> None:
    p = _plan()
    assert [k.id for k in p.children("duty:IV.2")] == ["duty:IV.2/so-y-te"]
    assert [k.id for k in p.children("task:6")] == ["review:1"]
    assert p.children("task:1.1") == []
    assert p.is_obligation(p.by_id["duty:IV.2/so-y-te"])
    assert not p.is_obligation(p.by_id["review:1"])  # a row of an item that is not split
    assert not p.is_obligation(p.by_id["task:1.1"])
    assert not p.is_obligation(item("x:1", parent="task:99"))


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("1.1", "task:1.1"),
        ("Task:1.2", "task:1.2"),
        ("IV.2", "duty:IV.2"),  # a number without its kind: the one item numbered so
        ("iv.2", "duty:IV.2"),
        ("IV.2/Sở Y tế", "duty:IV.2/so-y-te"),
        ("ii.3", "inspection:II.3"),
        ("duty:IV.9", "duty:IV.9"),  # a kind given is kept, found or not
        ("XII.1", "XII.1"),  # numbered by no item: left as normalised
    ],
)
def test_a_plan_reads_what_a_person_types_as_one_of_its_ids(typed: str, found: str) -> None:
    assert _plan().find_id(typed) == found


def test_a_number_two_items_share_is_not_taken_for_either() -> None:
    p = plan([item("review:1", number="I.1"), item("inspection:I.1", number="I.1")])
    assert p.find_id("I.1") == "I.1"


def test_a_plan_with_another_log_is_the_same_plan_with_that_log() -> None:
    p = _plan()
    entry = Entry("task:1.1", date(2021, 3, 1), EntryStatus.DONE)
    logged = p.with_progress([entry])
    assert logged.progress == (entry,) and p.progress == ()
    assert logged.items is p.items and logged.meta is p.meta and logged.registry is p.registry
