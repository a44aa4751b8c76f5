"""Unit names the way people type them: folding, prefixes, aliases, groups; never a silent guess."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tthc_cli.domain.plan import Plan
from tthc_cli.domain.units import fold, split_type
from tthc_cli.present.messages import lookup_note


@given(st.text(max_size=40))
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


def test_fold_rules() -> None:
    assert fold("Sở Y tế") == "so y te"
    assert fold(unicodedata.normalize("NFD", "Sở Y tế")) == "so y te"
    assert fold("thuỷ") == fold("thủy") == "thuy"
    assert fold("Đường") == "duong"
    assert fold("Sở LĐ-TB&XH") == "so ld tb va xh"
    assert fold("Lao động – Thương binh, và Xã hội") == fold("Lao động - Thương binh và Xã hội")
    assert fold("Sở Y\u200b tế") == "so y te"


def test_split_type_keeps_the_most_specific_type() -> None:
    assert split_type("ubnd thanh pho chi linh") == ("city", "chi linh")
    assert split_type("tp chi linh") == ("city", "chi linh")
    assert split_type("ubnd chi linh") == ("committee", "chi linh")
    assert split_type("so y te") == ("department", "y te")
    assert split_type("y te") == (None, "y te")


@pytest.mark.parametrize(
    ("typed", "unit"),
    [
        ("Sở Y tế", "Sở Y tế"),
        ("so y te", "Sở Y tế"),
        ("SỞ Y TẾ", "Sở Y tế"),
        ("Y tế", "Sở Y tế"),
        (unicodedata.normalize("NFD", "Sở Y tế"), "Sở Y tế"),
        ("Sở Y\u200b tế", "Sở Y tế"),
        ("Sở\u00a0Y tế", "Sở Y tế"),
        ("Sở LĐ-TB&XH", "Sở Lao động – Thương binh và Xã hội"),
        ("Sở Lao động - Thương binh và Xã hội", "Sở Lao động – Thương binh và Xã hội"),
        ("Sở Lao động – Thương binh và Xã hội", "Sở Lao động – Thương binh và Xã hội"),
        ("Sở Lao động, Thương binh và Xã hội", "Sở Lao động – Thương binh và Xã hội"),
        ("Sở Công thương", "Sở Công Thương"),
        ("Sở Văn hoá, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"),
        ("Sở GD&ĐT", "Sở Giáo dục và Đào tạo"),
        ("VP UBND tỉnh", "Văn phòng UBND tỉnh"),
        ("Văn phòng Uỷ ban nhân dân tỉnh", "Văn phòng UBND tỉnh"),
        ("BQL các KCN", "Ban Quản lý các khu công nghiệp tỉnh"),
        ("Chí Linh", "UBND thành phố Chí Linh"),
        ("TP Chí Linh", "UBND thành phố Chí Linh"),
        ("TP. Chí Linh", "UBND thành phố Chí Linh"),
        ("thị xã Chí Linh", "UBND thành phố Chí Linh"),  # its type before 2019
        ("UBND huyện Kinh Môn", "UBND thị xã Kinh Môn"),
        ("Kinh Môn", "UBND thị xã Kinh Môn"),
        ("huyện Bình Giang", "UBND huyện Bình Giang"),
        ("Ninh Giang", "UBND huyện Ninh Giang"),
        ("TP Hải Dương", "UBND thành phố Hải Dương"),
        ("Thành phố Hải Dương", "UBND thành phố Hải Dương"),
        ("ubnd cap huyen", "UBND cấp huyện"),
        ("Các sở, ngành", "Các sở, ban, ngành thuộc UBND tỉnh"),
    ],
)
def test_lookup_finds(plan: Plan, typed: str, unit: str) -> None:
    assert plan.registry.lookup(typed).name == unit


def test_several_matches_are_listed_never_picked(plan: Plan) -> None:
    look = plan.registry.lookup("Giang")
    assert look.name is None
    assert {"UBND huyện Bình Giang", "UBND huyện Ninh Giang"} <= set(look.candidates)


def test_bare_hai_duong_is_the_province(plan: Plan) -> None:
    look = plan.registry.lookup("Hải Dương")
    assert look.name is None
    assert "UBND thành phố Hải Dương" in look.suggestions
    assert "tên của chính tỉnh" in lookup_note(look)  # the note, in the reader's language


def test_zero_width_space_cannot_make_another_unit(plan: Plan) -> None:
    look = plan.registry.lookup("Sở Y\u200btế")  # shows as "Sở Ytế": not matched, but suggested
    assert look.name is None
    assert "Sở Y tế" in look.suggestions


def test_type_mismatch_is_not_a_match(plan: Plan) -> None:
    assert plan.registry.lookup("huyện Chí Linh").name is None


def test_typo_gets_a_suggestion_not_a_match(plan: Plan) -> None:
    look = plan.registry.lookup("Ninh Gianh")
    assert look.name is None
    assert look.suggestions[0] == "UBND huyện Ninh Giang"


def test_groups_expand_to_members(plan: Plan) -> None:
    reg = plan.registry
    assert len(reg.members("UBND cấp huyện")) == 12
    assert (
        len(
            reg.members(
                "Các cơ quan được giao nhiệm vụ chủ trì thực hiện rà soát, đơn giản hóa thủ tục hành chính"
            )
        )
        == 16
    )
    assert len(reg.members("Các cơ quan, đơn vị, địa phương được kiểm tra")) == 17
    provincial = reg.expand("Các sở, ban, ngành thuộc UBND tỉnh")
    assert "Sở Y tế" in provincial and "Ban Quản lý các khu công nghiệp tỉnh" in provincial
    assert "UBND huyện Gia Lộc" in reg.expand("UBND các cấp")  # nested: UBND cấp huyện
    assert "UBND cấp xã" in reg.expand("UBND các cấp")


def test_open_groups_have_no_definite_members(plan: Plan) -> None:
    reg = plan.registry
    name = "Các cơ quan, đơn vị, địa phương có liên quan"
    assert reg.is_open(name)
    assert reg.expand(name) == {name}
    assert reg.scope(name) is None  # may concern anyone
    scoped = reg.scope("Một số sở, ngành thuộc UBND tỉnh, UBND cấp huyện có liên quan")
    assert scoped is not None and "Sở Y tế" in scoped and "Báo Hải Dương" not in scoped


@pytest.mark.parametrize("typed", ["so y te", "Sở Y te", "SỞ Y TẾ", "Sở Y tế", "so Y tế"])
def test_marks_typed_must_be_the_right_ones(plan: Plan, typed: str) -> None:
    assert plan.registry.lookup(typed).name == "Sở Y tế"


@pytest.mark.parametrize("typed", ["Sở Y tể", "Sở Ý tế", "Sở Y tê", "Sở Y tẽ"])
def test_a_tone_mark_slip_is_suggested_never_matched(plan: Plan, typed: str) -> None:
    look = plan.registry.lookup(typed)
    assert look.name is None and look.suggestions == ("Sở Y tế",)
    assert plan.registry.resolve(typed) is None


def test_tone_mark_placement_is_not_a_slip(plan: Plan) -> None:
    from tthc_cli.domain.units import marks_fit

    # "hoá"/"hóa", "thuỷ"/"thủy": the same tone on another vowel of the same word.
    assert plan.registry.lookup("Sở Văn hoá, Thể thao và Du lịch").name == "Sở Văn hóa, Thể thao và Du lịch"
    assert marks_fit("Thuỷ lợi", ["Thủy lợi"]) and not marks_fit("Thũy lợi", ["Thủy lợi"])


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("Q. Hải Châu", "UBND quận Hải Châu"),
        ("UBND Q. Hải Châu", "UBND quận Hải Châu"),
        ("P. Thạch Thang", "UBND phường Thạch Thang"),
        ("p.thach thang", "UBND phường Thạch Thang"),
    ],
)
def test_the_abbreviations_of_quan_and_phuong(typed: str, name: str) -> None:
    """Plans of cities write "Q. Hải Châu" and "P. Thạch Thang" for the quận and phường."""
    from tthc_cli.domain.units import Registry, UnitInfo

    reg = Registry.from_infos(
        [
            UnitInfo("UBND quận Hải Châu", "urban_district", (), False, None),
            UnitInfo("UBND phường Thạch Thang", "ward", (), False, None),
            UnitInfo("Phòng Tư pháp", "office", (), False, None),
        ],
        [],
    )
    assert reg.resolve(typed) == name
    assert reg.resolve("Phòng Tư pháp") == "Phòng Tư pháp"  # a word starting with p is not "P."
    assert reg.resolve("Q. Thạch Thang") is None  # the type must fit: Thạch Thang is a phường
