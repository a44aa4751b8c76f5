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
    Plan,
    Role,
    Split,
    default_plan_id,
    name_heads,
    plan_meta,
)
from tthc_cli.domain.problems import ProblemError, problem

from .small_plans import SO, SYT, item, plan, quarterly, registry


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


NUMBERED = plan_meta(
    title="Kế hoạch",
    year=2021,
    appendices=(
        AppendixInfo("review", "I", "Danh mục rà soát", "task:3.2"),
        AppendixInfo("extra", None, "Phụ lục không số", None),
    ),
)


def test_a_task_or_duty_is_named_by_its_section_word_with_and_without_its_closing_mark() -> None:
    heads = name_heads(item("task:2.a", number="2.a)"), NUMBERED)
    assert sorted(heads) == [
        "item 2.a",
        "item 2.a)",
        "muc 2.a",
        "muc 2.a)",
    ]  # the order of the two numbers is free
    assert name_heads(item("duty:IV.2"), NUMBERED) == ("muc iv.2", "item iv.2")
    # Only the closing mark is dropped, not a Roman number's last letter: IX. is 'muc ix', never 'muc i'.
    assert sorted(name_heads(item("duty:IX", number="IX."), NUMBERED)) == [
        "item ix",
        "item ix.",
        "muc ix",
        "muc ix.",
    ]


def test_a_row_is_named_by_its_appendixs_number_and_its_own_in_both_languages() -> None:
    assert name_heads(item("review:6", appendix="review"), NUMBERED) == (
        "pl i-6",
        "phu luc i-6",
        "app. i-6",
        "app i-6",
        "appendix i-6",
        "phu luc i, dong 6",
        "appendix i, row 6",
    )
    unnumbered = name_heads(item("extra:4", appendix="extra"), NUMBERED)
    assert unnumbered[:5] == ("pl-4", "phu luc-4", "app.-4", "app-4", "appendix-4")


def test_a_note_is_named_under_its_appendix_or_as_a_paragraph_of_its_section() -> None:
    assert name_heads(item("note:review.2", number="review.2"), NUMBERED) == tuple(
        f"{word} i-{note} 2"
        for word in ("pl", "phu luc", "app.", "app", "appendix")
        for note in ("ghi chu", "note")
    )
    assert name_heads(item("note:extra.1", number="extra.1"), NUMBERED)[:2] == ("pl-ghi chu 1", "pl-note 1")
    assert name_heads(item("note:IV.3", number="IV.3"), NUMBERED) == (
        "muc iv, doan 3",
        "section iv, paragraph 3",
    )
    assert name_heads(item("note:IV", number="IV"), NUMBERED) == (
        "muc iv, doan cuoi",
        "section iv, closing paragraph",
    )


def _numbered_plan() -> Plan:
    items = (
        item("task:1.1"),
        item("task:3.2", deadline=quarterly(quarters=(1, 2)), split=Split.PERIOD),
        item("task:3.2/2021-Q1", parent="task:3.2", period="2021-Q1"),
        item("task:3.2/2021-Q2", parent="task:3.2", period="2021-Q2"),
        item("duty:IV.2", lead=(SO,), split=Split.UNIT_PERIOD),
        item("review:6", appendix="review", unit=SYT, parent="task:3.2"),
        item("note:review.2", number="review.2"),
        item("note:IV.3", number="IV.3"),
    )
    return Plan(NUMBERED, registry(), items)


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("Mục 1.1", "task:1.1"),
        ("  MỤC   IV.2 — Sở Y tế ( quý II / 2021 ) ", "duty:IV.2/so-y-te/2021-Q2"),
        ("Mục IV.2-Sở Y tế", "duty:IV.2/so-y-te"),
        (
            "Mục IV.2 – Sở Không Có",
            "duty:IV.2/so-khong-co",
        ),  # a unit not registered: its slug, for unknown_id
        ("Mục 3.2(quý I/2021)", "task:3.2/2021-Q1"),
        ("Mục 3.2 (quý II/2021)", "task:3.2/2021-Q2"),
        ("PHỤ LỤC I – GHI CHÚ 2", "note:review.2"),
        ("Phụ lục I, dòng 6", "review:6"),
        ("pl i - 6 (Sở Y tế)", "review:6"),
        ("Mục IV, đoạn 3", "note:IV.3"),
        ("Muc IV, doan 3", "note:IV.3"),
        ("Mục 1.12", "Mục 1.12"),  # 1.1 is no prefix of 1.12: names nothing
        ("Mục 1.1x", "Mục 1.1x"),
    ],
)
def test_the_documents_numbering_is_read_whatever_its_spaces_dashes_and_capitals(
    typed: str, found: str
) -> None:
    assert _numbered_plan().find_id(typed) == found


def test_an_items_period_is_its_code_and_one_it_lacks_is_refused_listing_its_periods() -> None:
    p = _numbered_plan()
    assert p.periods_of("task:3.2") == ("2021-Q1", "2021-Q2")
    assert p.periods_of("task:3.2/2021-Q1") == ("2021-Q1", "2021-Q2")  # an obligation's are its item's
    assert p.periods_of("review:6") == ()  # a row of a recurring item is no share of it
    assert p.period_of("task:3.2", "quý II/2021") == "2021-Q2"
    assert p.period_of("task:3.2/2021-Q1", "2021-q1") == "2021-Q1"
    assert p.period_of("task:1.1", " 2021-x ") == "2021-X"  # no periods: the code back, for the caller
    with pytest.raises(ProblemError) as refused:
        p.period_of("task:3.2", " quý III/2021 ")
    assert refused.value.problem == problem(
        "unknown-period", item="task:3.2", period="quý III/2021", periods=("2021-Q1", "2021-Q2")
    )
