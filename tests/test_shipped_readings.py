"""The readings of the shipped 2021 plan, pinned as data: who is bound by what, as the source text
supports it best, and every fact the data reads rather than copies marked with where it is read from
(the audit of the data against the source, findings F1–F21; the decisions are in the project notes)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tthc_cli.data.build import Sources
from tthc_cli.data.models import Inference, InferredMember, Party, Reporting
from tthc_cli.domain.accountability import assignments
from tthc_cli.domain.deadlines import DeadlineKind
from tthc_cli.domain.plan import Plan

OFFICE = "Văn phòng UBND tỉnh"
SO_GROUP = "Các sở, ban, ngành thuộc UBND tỉnh"
BOARD = "Ban Quản lý các khu công nghiệp tỉnh"
DISTRICTS = "UBND cấp huyện"
COMMUNES = "UBND cấp xã"
SPLIT_PER_UNIT = ("duty:IV.1", "duty:IV.2", "task:8", "note:review.2")


@pytest.fixture
def src(sources: Sources) -> Sources:
    """The shipped plan's files as written (the plan itself is `plan`)."""
    return sources


def _departments(src: Sources) -> set[str]:
    return {u.name for u in src.units.units if u.type == "department"}


def _district_units(src: Sources) -> set[str]:
    return {u.name for u in src.units.units if u.type in ("city", "town", "district")}


def _group(src: Sources, name: str):  # type: ignore[no-untyped-def]
    return next(g for g in src.units.groups if g.name == name)


def _duty(src: Sources, number: str):  # type: ignore[no-untyped-def]
    return next(d for d in src.plan.duties if d.number == number)


def _task(src: Sources, number: str):  # type: ignore[no-untyped-def]
    return next(t for t in src.plan.tasks if t.number == number)


def _folded(text: str) -> str:
    return " ".join(text.split())


# --- who is bound -------------------------------------------------------------------------------------


def test_the_office_is_not_one_of_the_so_ban_nganh_it_monitors(plan: Plan) -> None:
    assert OFFICE not in plan.registry.expand(SO_GROUP)
    assert not [
        i.id for i in plan.items if i.unit == OFFICE and i.split is None and i.parent in SPLIT_PER_UNIT
    ]
    rows = {r.item.id: r for r in assignments(plan, OFFICE)}
    # It follows them up and reports to the Chairman (IV.5), period by period (reporting.yaml).
    assert (rows["duty:IV.5/2021-Q2"].role, rows["duty:IV.5/2021-Q2"].via) == ("lead", None)
    assert (rows["task:8"].role, rows["task:8"].via) == ("support", None)  # it coordinates, by name
    assert not any(k.startswith(("duty:IV.1", "duty:IV.2", "note:review.2")) for k in rows)


def test_the_so_group_lists_the_15_so_and_the_board_and_marks_the_board(plan: Plan, src: Sources) -> None:
    assert len(_departments(src)) == 15
    assert set(plan.registry.members(SO_GROUP)) == _departments(src) | {BOARD}
    marked = {m.name: m.basis for m in _group(src, SO_GROUP).inferred_members}
    assert list(marked) == [BOARD]  # a sở is one of "các sở" by its name; the board by a reading
    assert "Phụ lục II" in marked[BOARD]


@pytest.mark.parametrize("item", SPLIT_PER_UNIT)
def test_each_split_item_binds_the_15_so_the_board_and_the_12_districts(
    plan: Plan, src: Sources, item: str
) -> None:
    split = plan.by_id[item].split
    assert split is not None and split.by_unit
    owed_by = [k.unit for k in plan.children(item) if k.period is None]  # not IV.2's periodic reports
    # 28 units by name, and — where the item binds the commune tier (not IV.2: Điều 2.1, Mục 3.1) —
    # the tier as one class obligation (audit F2): listed nowhere, it is counted rather than dropped.
    communes = [COMMUNES] if item != "duty:IV.2" else []
    assert owed_by[28:] == communes
    assert set(owed_by[:28]) == _departments(src) | {BOARD} | _district_units(src)


def test_the_commune_class_is_bound_but_has_no_listed_member(plan: Plan, src: Sources) -> None:
    communes = _group(src, COMMUNES)
    assert communes.kind == "collective" and communes.members == []
    assert "UBND các xã, phường, thị trấn" in communes.aliases
    # IV.1 and Ghi chú 2 name it, item 8 through "UBND các cấp": one obligation of the class in each.
    assert COMMUNES in plan.by_id["duty:IV.1"].lead and COMMUNES in plan.by_id["note:review.2"].lead
    assert COMMUNES in plan.registry.expand("UBND các cấp")
    assert [i.id for i in plan.items if i.unit == COMMUNES] == [
        "task:8/ubnd-cap-xa",
        "duty:IV.1/ubnd-cap-xa",
        "note:review.2/ubnd-cap-xa",
    ]


def test_iv2s_subject_is_read_from_dieu_2_1_and_muc_3_1_and_leaves_out_the_communes(
    plan: Plan, src: Sources
) -> None:
    lead = _duty(src, "IV.2").lead
    assert lead.text is None  # IV.2 prints no subject
    assert lead.inferred is not None and "Điều 2.1" in lead.inferred.basis and "3.1" in lead.inferred.basis
    assert COMMUNES not in plan.by_id["duty:IV.2"].lead


def test_item_8_binds_each_unit_separately(plan: Plan, src: Sources) -> None:
    assert _task(src, "8").each_unit
    assert plan.by_id["task:8/so-y-te"].deadline.due == plan.by_id["task:8"].deadline.due


def test_the_district_group_is_phu_luc_iis_block_ii_and_its_closure_is_marked(
    plan: Plan, src: Sources
) -> None:
    block_ii = {plan.registry.resolve(r.unit) for r in src.appendices["inspection"].blocks[1].rows}
    assert set(plan.registry.members(DISTRICTS)) == block_ii == _district_units(src)
    closure = _group(src, DISTRICTS).inferred_closure
    assert closure is not None and "Phụ lục II" in closure.basis


def test_the_vertical_agencies_group_concerns_no_registered_unit(plan: Plan) -> None:
    name = "Các cơ quan tổ chức theo ngành dọc quản lý ở địa phương có liên quan"
    assert plan.registry.scope(name) == frozenset()
    for unit in ("Trung tâm Phục vụ hành chính công", "Sở Y tế", "UBND huyện Gia Lộc", "Báo Hải Dương"):
        assert not [r for r in assignments(plan, unit) if r.via == name]


def test_the_labour_department_is_named_as_phu_luc_ii_writes_it(plan: Plan, src: Sources) -> None:
    row = next(r for r in src.appendices["inspection"].blocks[0].rows if r.stt == 3)
    assert row.unit in plan.registry.units  # the canonical name is the row's own text
    review = next(r for r in src.appendices["review"].rows if r.stt == 3)
    assert plan.registry.resolve(review.unit) == row.unit  # Phụ lục I's comma form finds it too


# --- how the wording is read --------------------------------------------------------------------------


def test_iv3s_own_thuong_xuyen_makes_it_ongoing_marked_as_read_from_its_sentence(
    plan: Plan, src: Sources
) -> None:
    duty = _duty(src, "IV.3")
    assert duty.deadline is not None and duty.deadline.inferred is not None
    assert duty.deadline.text is not None and duty.deadline.text in duty.text
    assert plan.by_id["duty:IV.3"].deadline.kind is DeadlineKind.ONGOING


def test_the_undated_duties_stay_without_a_stated_deadline(plan: Plan) -> None:
    for number in ("IV.1", "IV.2", "IV.4", "IV.5"):
        assert plan.by_id[f"duty:{number}"].deadline.kind is DeadlineKind.UNSPECIFIED


def test_the_reports_3_2_asks_for_are_quarterly_and_yearly_consolidated_by_the_office(
    plan: Plan, src: Sources
) -> None:
    task = _task(src, "3.2")
    assert task.deadline.text == "Thường xuyên năm 2021."  # the printed deadline stays
    reporting = task.reporting
    assert reporting is not None
    assert (reporting.periods, reporting.ad_hoc, reporting.as_regulated) == (["quarter", "year"], True, False)
    assert reporting.by is not None and reporting.by.refs == [OFFICE] and reporting.by.inferred is not None


@pytest.mark.parametrize(("number", "ad_hoc"), [("IV.2", False), ("IV.5", True)])
def test_section_iv_reports_are_left_to_regulation(
    plan: Plan, src: Sources, number: str, ad_hoc: bool
) -> None:
    reporting = _duty(src, number).reporting
    assert reporting is not None
    assert (reporting.periods, reporting.ad_hoc, reporting.as_regulated) == ([], ad_hoc, True)


def _reportings(src: Sources) -> Iterator[tuple[str, str, Reporting]]:
    """(item, the item's own words, its reporting) for every item that records one."""
    for t in src.plan.tasks:
        if t.reporting:
            yield f"task:{t.number}", " ".join([t.title, *t.content]), t.reporting
    for d in src.plan.duties:
        if d.reporting:
            yield f"duty:{d.number}", d.text, d.reporting
    for o in src.plan.obligations:
        if o.reporting:
            yield f"note:{o.where}", o.text, o.reporting


def test_reports_are_recorded_in_the_items_own_words_and_without_a_day(plan: Plan, src: Sources) -> None:
    found = list(_reportings(src))
    assert [item for item, _, _ in found] == ["task:3.2", "duty:IV.2", "duty:IV.5"]
    for item, words, reporting in found:
        assert _folded(reporting.text) in _folded(words), item
        assert not any(c.isdigit() for c in reporting.text), item  # no day of a month, no date


# --- every inference carries its mark -----------------------------------------------------------------


def _parties(src: Sources) -> Iterator[tuple[str, Party]]:
    items = [("task", t) for t in src.plan.tasks] + [("duty", d) for d in src.plan.duties]
    for kind, item in items:
        for role in ("lead", "support"):
            if (party := getattr(item, role)) is not None:
                yield f"{kind}:{item.number} {role}", party
        if item.reporting and item.reporting.by:
            yield f"{kind}:{item.number} reporting", item.reporting.by
    for o in src.plan.obligations:
        yield f"note:{o.where} lead", o.lead


def test_a_party_the_item_does_not_print_is_marked_and_a_printed_one_is_not(plan: Plan, src: Sources) -> None:
    parties = list(_parties(src))
    assert any(p.inferred for _w, p in parties) and any(p.inferred is None for _w, p in parties)
    for where, party in parties:
        assert (party.text is None) == (party.inferred is not None), where


def _marks(src: Sources) -> Iterator[tuple[str, Inference | InferredMember]]:
    for where, party in _parties(src):
        if party.inferred:
            yield where, party.inferred
    for t in [*src.plan.tasks, *src.plan.duties]:
        if t.deadline and t.deadline.inferred:
            yield f"{t.number} deadline", t.deadline.inferred
    for item, _, reporting in _reportings(src):
        yield f"{item} reporting", reporting.inferred
    for u in src.units.units:
        if u.inferred_part_of:
            yield f"{u.name} part_of", u.inferred_part_of
    for g in src.units.groups:
        if g.inferred_closure:
            yield f"{g.name} closure", g.inferred_closure
        for m in g.inferred_members:
            yield f"{g.name} member", m


def test_every_mark_names_its_basis(plan: Plan, src: Sources) -> None:
    marks = list(_marks(src))
    assert len(marks) == 17  # and the three note spans of Phụ lục II, below
    for where, mark in marks:
        assert mark.basis == mark.basis.strip() and len(mark.basis) > 5, where
    for block in src.appendices["inspection"].blocks:
        for note in block.notes:
            assert note.inferred == (note.basis is not None)
            assert note.basis is None or f"dòng {note.rows[0]}" in note.basis  # the row it is printed on


def test_a_marked_member_is_a_member(plan: Plan, src: Sources) -> None:
    assert any(g.inferred_members for g in src.units.groups)  # else nothing below is checked
    for g in src.units.groups:
        members = set(plan.registry.members(g.name))
        for m in g.inferred_members:
            assert plan.registry.resolve(m.name) in members, (g.name, m.name)


def test_a_marked_part_of_names_a_registered_unit(plan: Plan, src: Sources) -> None:
    centre = next(u for u in src.units.units if u.name == "Trung tâm Phục vụ hành chính công")
    assert centre.part_of == OFFICE and centre.inferred_part_of is not None


@pytest.mark.parametrize(
    ("group", "member"),
    [
        (SO_GROUP, BOARD),  # Phụ lục II puts it in "KHỐI CÁC SỞ, BAN, NGÀNH"
        ("Các cơ quan thông tin truyền thông của tỉnh", "Báo Hải Dương"),  # only in "Nơi nhận"
        ("Các cơ quan giải quyết hồ sơ thủ tục hành chính", DISTRICTS),  # item 4, not item 7.1
        ("Các cơ quan giải quyết hồ sơ thủ tục hành chính", COMMUNES),
        ("Bộ phận Tiếp nhận và Trả kết quả của UBND cấp huyện, cấp xã", DISTRICTS),  # a desk's committee
        ("Bộ phận Tiếp nhận và Trả kết quả của UBND cấp huyện, cấp xã", COMMUNES),
    ],
)
def test_the_memberships_the_source_does_not_print_are_marked(
    plan: Plan, src: Sources, group: str, member: str
) -> None:
    assert member in {m.name for m in _group(src, group).inferred_members}
    assert member in plan.registry.members(group)


@pytest.mark.parametrize("group", [DISTRICTS, "UBND các cấp"])
def test_a_listed_group_the_text_never_closes_has_its_closure_marked(
    plan: Plan, src: Sources, group: str
) -> None:
    g = _group(src, group)
    assert g.kind == "listed" and g.inferred_closure is not None
