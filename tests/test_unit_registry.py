"""The unit registry's rules on registries built in each test: how a name typed is read (exact, by its
core and type, a part of several names, a suggestion), what each answer carries, and groups.

Each test builds its own registry (the shared `plan` fixture is built once per session, so a rule only
run while building it would be pinned by whichever test happened to come first)."""

from __future__ import annotations

import pytest
import yaml

from tthc_cli.data.build import registry_of
from tthc_cli.data.models import AppendixFile, UnitsFile
from tthc_cli.domain.units import GroupInfo, Lookup, LookupNote, Registry, UnitInfo, fold
from tthc_cli.present.messages import lookup_note

from .conftest import DATA

TP_HD = "UBND thành phố Hải Dương"
TP_CL = "UBND thành phố Chí Linh"
H_CL = "UBND huyện Chí Linh"
TTYT_CL = "Trung tâm Y tế thành phố Chí Linh"
BG = "UBND huyện Bình Giang"
NG = "UBND huyện Ninh Giang"
SYT = "Sở Y tế"
DISTRICTS = "UBND cấp huyện"


def registry(*units: UnitInfo, groups: tuple[GroupInfo, ...] = (), province: str | None = None) -> Registry:
    return Registry.from_infos(units, groups, province=province)


@pytest.fixture
def shipped() -> Registry:
    data = yaml.safe_load((DATA / "units.yaml").read_text(encoding="utf-8"))
    return registry_of(UnitsFile.model_validate(data), {})


# --- building from the units file ----------------------------------------------------------------


def test_build_keeps_each_unit_as_the_file_gives_it(shipped: Registry) -> None:
    assert shipped.province == "Hải Dương"
    assert shipped.units["Trung tâm Phục vụ hành chính công"] == UnitInfo(
        "Trung tâm Phục vụ hành chính công",
        "centre",
        ("Trung tâm Phục vụ hành chính công tỉnh", "TTPVHCC"),
        False,
        "Văn phòng UBND tỉnh",
        "Nghị định 61/2018/NĐ-CP (căn cứ của Quyết định)",  # not printed in the plan: its basis kept
    )
    assert shipped.units[TP_HD] == UnitInfo(TP_HD, "city", (), True, None)
    centre = shipped.units["Trung tâm Phục vụ hành chính công"]
    assert (centre.type, centre.part_of, shipped.units[TP_HD].type) == (
        "centre",
        "Văn phòng UBND tỉnh",
        "city",
    )


def test_build_keeps_each_group_as_the_file_gives_it(shipped: Registry) -> None:
    review = "Các cơ quan được giao nhiệm vụ chủ trì thực hiện rà soát, đơn giản hóa thủ tục hành chính"
    assert shipped.groups[review] == GroupInfo(
        review,
        "appendix",
        ("Các cơ quan được giao nhiệm vụ chủ trì thực hiện rà soát (Phụ lục I)",),
        (),
        None,
        "review",
    )
    drafters = "Cơ quan được giao chủ trì soạn thảo văn bản quy phạm pháp luật"
    assert shipped.groups[drafters] == GroupInfo(
        drafters, "open", (), (), ("Các sở, ban, ngành thuộc UBND tỉnh",), None
    )
    assert shipped.is_open(drafters) and not shipped.is_open(review)
    scope = shipped.scope(drafters)
    assert scope is not None and SYT in scope and BG not in scope


def test_build_province_name_alone_is_the_province(shipped: Registry) -> None:
    look = shipped.lookup("Hải Dương")
    assert look.name is None and look.note is LookupNote.PROVINCE_NAME and look.province == "Hải Dương"
    assert "TP Hải Dương" in lookup_note(look)
    assert shipped.lookup("TP Hải Dương").name == TP_HD


def test_appendix_group_members_are_the_appendix_units(shipped: Registry) -> None:
    inspected = "Các cơ quan, đơn vị, địa phương được kiểm tra"
    assert shipped.members(inspected) == ()  # nothing derived yet: no members, not an error
    assert shipped.expand(inspected) == {inspected}
    data = yaml.safe_load((DATA / "units.yaml").read_text(encoding="utf-8"))
    derived = registry_of(UnitsFile.model_validate(data), {"inspection": _rows(SYT, "Sở y tế", BG, SYT)})
    assert derived.members(inspected) == (SYT, BG)  # canonical, each once, in the appendix's order


def _rows(*units: str) -> AppendixFile:
    return AppendixFile.model_validate(
        {"title": "t", "rows": [{"stt": n, "unit": u} for n, u in enumerate(units, 1)]}
    )


# --- reading a name ------------------------------------------------------------------------------


def test_an_exact_name_or_alias_is_its_unit_and_the_answer_keeps_the_query() -> None:
    reg = registry(UnitInfo(SYT, "department", ("SYT",)))
    assert reg.lookup("syt") == Lookup("syt", SYT)
    assert reg.lookup("syt").query == "syt"
    assert reg.lookup("  ") == Lookup("  ")
    assert reg.resolve("Sở  Y TẾ") == SYT


def test_a_core_name_without_type_finds_a_unit_that_does_not_require_one() -> None:
    reg = registry(UnitInfo(SYT, "department"))  # requires_type defaults to False
    assert reg.lookup("Y tế") == Lookup("Y tế", SYT)


def test_a_unit_that_requires_its_type_is_not_found_without_it() -> None:
    reg = registry(UnitInfo(TP_HD, "city", requires_type=True), UnitInfo(SYT, "department"))
    assert reg.lookup("Hải Dương").name is None
    assert reg.lookup("TP Hải Dương") == Lookup("TP Hải Dương", TP_HD)
    # "UBND Hải Dương" is the provincial committee, not the city's: its type must be the city's own.
    assert reg.lookup("UBND Hải Dương").name is None


def test_a_unit_that_requires_its_type_is_found_by_its_exact_name() -> None:
    reg = registry(UnitInfo("Trung tâm Hải Dương", "centre", requires_type=True))
    assert reg.lookup("trung tam hai duong") == Lookup("trung tam hai duong", "Trung tâm Hải Dương")


def test_ubnd_in_front_of_a_core_name_means_any_committee() -> None:
    reg = registry(UnitInfo(NG, "district"), UnitInfo(SYT, "department"))
    assert reg.lookup("UBND Ninh Giang") == Lookup("UBND Ninh Giang", NG)
    assert reg.lookup("Ủy ban nhân dân Ninh Giang").name == NG
    assert reg.lookup("UBND Y tế").name is None  # a department is no committee


def test_the_type_written_in_an_alias_counts_over_the_unit_type() -> None:
    reg = registry(UnitInfo(TP_CL, "city", ("UBND thị xã Chí Linh",)))
    assert reg.lookup("thị xã Chí Linh").name == TP_CL
    assert reg.lookup("TP Chí Linh").name == TP_CL
    assert reg.lookup("huyện Chí Linh").name is None


def test_two_units_with_one_core_are_both_listed() -> None:
    reg = registry(UnitInfo(TP_CL, "city"), UnitInfo(H_CL, "district"), UnitInfo(TTYT_CL, "centre"))
    # Both committees fit "UBND"; the health centre only bears the name inside its own.
    assert reg.lookup("UBND Chí Linh") == Lookup("UBND Chí Linh", candidates=(TP_CL, H_CL))
    assert reg.lookup("TP Chí Linh") == Lookup("TP Chí Linh", TP_CL)


def test_a_unit_registered_twice_under_one_core_is_one_candidate() -> None:
    reg = registry(UnitInfo(NG, "district", ("UBND huyện Ninh Giang tỉnh Hải Dương", "huyện Ninh Giang")))
    assert reg.lookup("Ninh Giang") == Lookup("Ninh Giang", NG)


def test_a_word_of_several_names_lists_them() -> None:
    reg = registry(UnitInfo(BG, "district"), UnitInfo(NG, "district"), UnitInfo(SYT, "department"))
    assert reg.lookup("Giang") == Lookup("Giang", candidates=(BG, NG))
    # The word is looked for in the name without its type ("huyện" typed is not part of the needle).
    assert reg.lookup("huyện Giang") == Lookup("huyện Giang", candidates=(BG, NG))


def test_a_type_word_alone_lists_the_units_of_that_type() -> None:
    reg = registry(UnitInfo(TP_HD, "city"), UnitInfo(TP_CL, "city"), UnitInfo(BG, "district"))
    assert reg.lookup("thành phố") == Lookup("thành phố", candidates=(TP_HD, TP_CL))


def test_a_word_of_one_name_is_a_suggestion_not_a_match() -> None:
    reg = registry(UnitInfo(BG, "district"), UnitInfo(NG, "district"))
    assert reg.lookup("Bình") == Lookup("Bình", suggestions=(BG,))


def test_the_province_name_is_explained_even_when_no_unit_bears_it() -> None:
    reg = registry(UnitInfo(SYT, "department"), province="Hải Dương")
    look = reg.lookup("Hải Dương")
    assert look == Lookup("Hải Dương", note=LookupNote.PROVINCE_NAME, province="Hải Dương")
    assert "'Hải Dương'" in lookup_note(look) and "TP Hải Dương" in lookup_note(look)
    assert reg.lookup("TP Hải Dương").note is None


def test_a_name_cut_short_is_suggested() -> None:
    reg = registry(
        UnitInfo(SYT, "department"),
        groups=(GroupInfo(DISTRICTS, "listed", members=(SYT,)),),
    )
    assert reg.lookup("UBND cấp hu") == Lookup("UBND cấp hu", suggestions=(DISTRICTS,))


def test_a_tone_mark_slip_is_explained() -> None:
    reg = registry(UnitInfo(SYT, "department"))
    look = reg.lookup("Sở Y tể")
    assert look == Lookup("Sở Y tể", suggestions=(SYT,), note=LookupNote.TONE_MARKS)
    assert lookup_note(look) == "'Sở Y tể' khác 'Sở Y tế' ở dấu thanh"


def test_words_of_an_alias_count_for_tone_marks() -> None:
    reg = registry(UnitInfo(SYT, "department", ("Sở Y tế tỉnh",)))
    assert reg.lookup("Sở Y tế tỉnh") == Lookup("Sở Y tế tỉnh", SYT)


def test_ampersand_and_va_are_one_word_for_tone_marks_too() -> None:
    reg = registry(UnitInfo("Sở GD&ĐT", "department"), UnitInfo("Sở KH và ĐT", "department"))
    assert reg.lookup("Sở GD và ĐT") == Lookup("Sở GD và ĐT", "Sở GD&ĐT")
    assert reg.lookup("Sở KH&ĐT") == Lookup("Sở KH&ĐT", "Sở KH và ĐT")


def test_lower_case_d_with_stroke_folds_to_d() -> None:
    assert fold("đào tạo") == "dao tao"
    reg = registry(UnitInfo("Sở Giáo dục và Đào tạo", "department"))
    assert reg.lookup("sở giáo dục và đào tạo").name == "Sở Giáo dục và Đào tạo"


# --- groups --------------------------------------------------------------------------------------


def test_expand_reaches_every_member_when_two_paths_meet() -> None:
    # "UBND các cấp" lists a unit, and two groups that share a member: every one is included.
    reg = registry(
        UnitInfo(BG, "district"),
        UnitInfo(NG, "district"),
        UnitInfo(SYT, "department"),
        groups=(
            GroupInfo("UBND các cấp", "listed", members=(SYT, "A", "B")),
            GroupInfo("A", "listed", members=("B", NG)),
            GroupInfo("B", "listed", members=(BG,)),
        ),
    )
    assert reg.expand("UBND các cấp") == {"UBND các cấp", SYT, "A", "B", BG, NG}
