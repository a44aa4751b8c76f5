"""Groups in the unit registry: which kind names whom (a listed group its members, an appendix group
its appendix's units, a class never enumerated itself, an open-ended group no one), how a member
belongs to a group (printed, or read with a basis), and the spellings of a name."""

from __future__ import annotations

from tthc_cli.domain.units import GroupInfo, GroupKind, Registry, UnitInfo, UnitType

from .small_plans import CO_LIEN_QUAN, GIA_LOC, HUYEN, KIM_THANH, SNV, SO, STP, SYT, XA, registry


def test_kinds_of_groups_say_whom_they_name() -> None:
    reg = registry(
        extra_groups=[
            GroupInfo("UBND các xã biên giới", GroupKind.COLLECTIVE, members=(GIA_LOC,)),
            GroupInfo("Đơn vị được rà soát", GroupKind.APPENDIX, appendix="review"),
        ]
    )
    assert [reg.is_group(n) for n in (SO, XA, CO_LIEN_QUAN, SYT, "Không có")] == [
        True,
        True,
        True,
        False,
        False,
    ]
    assert [reg.is_open(n) for n in (CO_LIEN_QUAN, SO, XA, SYT)] == [True, False, False, False]
    # A class the plan binds but never enumerates: collective, with no member listed.
    assert [reg.is_unlisted_class(n) for n in (XA, "UBND các xã biên giới", SO, CO_LIEN_QUAN, SYT)] == [
        True,
        False,
        False,
        False,
        False,
    ]
    assert reg.members("Đơn vị được rà soát") == ()  # no appendix units derived


def test_an_appendix_group_names_the_units_of_its_appendix_resolved() -> None:
    reg = Registry.from_infos(
        [UnitInfo(SYT, UnitType.DEPARTMENT, aliases=("SYT",)), UnitInfo(STP, UnitType.DEPARTMENT)],
        [
            GroupInfo("Đơn vị được rà soát", GroupKind.APPENDIX, appendix="review"),
            GroupInfo("Nhóm lạc", GroupKind.APPENDIX),  # no appendix named: no one
        ],
        derived={"review": ["SYT", "Sở Tư pháp", "Sở Không Có", "Sở Y tế"]},
    )
    assert reg.members("Đơn vị được rà soát") == (SYT, STP)
    assert reg.members("Nhóm lạc") == ()
    assert reg.expand("Đơn vị được rà soát") == {"Đơn vị được rà soát", SYT, STP}
    assert reg.derived == {"review": (SYT, STP)}


def test_a_membership_read_rather_than_printed_is_given_its_basis_and_a_printed_one_none() -> None:
    reg = registry(
        extra_groups=[
            GroupInfo(
                "Khối nội chính", GroupKind.LISTED, members=(STP, SNV), inferred_members=((SNV, "Mục 4"),)
            ),
            GroupInfo("Khối tỉnh", GroupKind.LISTED, members=("Khối nội chính", SYT)),
        ]
    )
    assert reg.membership_basis("Khối nội chính", SNV) == "Mục 4"
    assert reg.membership_basis("Khối nội chính", STP) is None
    # Through a printed membership and then a read one: the read one's basis.
    assert reg.membership_basis("Khối tỉnh", SNV) == "Mục 4"
    assert reg.membership_basis("Khối tỉnh", SYT) is None
    assert reg.membership_basis("Khối tỉnh", GIA_LOC) is None  # not a member at all
    assert reg.membership_basis("Không có nhóm", SYT) is None


def test_a_member_reached_both_by_a_printed_path_and_a_read_one_is_printed() -> None:
    reg = registry(
        extra_groups=[
            GroupInfo("Khối A", GroupKind.LISTED, members=(SNV,), inferred_members=((SNV, "Mục 4"),)),
            GroupInfo("Khối B", GroupKind.LISTED, members=(SNV,)),
            GroupInfo("Khối tỉnh", GroupKind.LISTED, members=("Khối A", "Khối B")),
            GroupInfo("Khối tỉnh đảo", GroupKind.LISTED, members=("Khối B", "Khối A")),
        ]
    )
    assert reg.membership_basis("Khối tỉnh", SNV) is None
    assert reg.membership_basis("Khối tỉnh đảo", SNV) is None


def test_a_read_membership_below_another_keeps_the_first_basis_met() -> None:
    reg = registry(
        extra_groups=[
            GroupInfo("Khối con", GroupKind.LISTED, members=(SNV,), inferred_members=((SNV, "Mục 5"),)),
            GroupInfo(
                "Khối mẹ", GroupKind.LISTED, members=("Khối con",), inferred_members=(("Khối con", "Mục 4"),)
            ),
        ]
    )
    assert reg.membership_basis("Khối mẹ", "Khối con") == "Mục 4"
    assert reg.membership_basis("Khối mẹ", SNV) == "Mục 4"
    assert reg.membership_basis("Khối con", SNV) == "Mục 5"


def test_an_open_ended_group_is_a_member_of_no_one_through_it() -> None:
    reg = registry(
        extra_groups=[
            GroupInfo("Có liên quan", GroupKind.OPEN, members=(SYT,)),  # members an open group cannot have
            GroupInfo("Khối", GroupKind.LISTED, members=("Có liên quan",)),
        ]
    )
    assert reg.expand("Có liên quan") == {"Có liên quan"}
    assert reg.expand("Khối") == {"Khối", "Có liên quan"}
    assert reg.membership_basis("Khối", SYT) is None


def test_groups_that_name_each_other_expand_without_end() -> None:
    reg = registry(
        extra_groups=[
            GroupInfo("Vòng A", GroupKind.LISTED, members=("Vòng B", SYT)),
            GroupInfo("Vòng B", GroupKind.LISTED, members=("Vòng A", STP)),
        ]
    )
    assert reg.expand("Vòng A") == {"Vòng A", "Vòng B", SYT, STP}
    assert reg.expand("Vòng A") is reg.expand("Vòng A")  # worked out once


def test_the_spellings_of_a_name_are_its_name_and_aliases() -> None:
    reg = registry(
        extra_units=[UnitInfo("Sở Thông tin và Truyền thông", UnitType.DEPARTMENT, aliases=("Sở TT&TT",))],
        extra_groups=[GroupInfo("Khối huyện", GroupKind.LISTED, aliases=("các huyện",), members=(GIA_LOC,))],
    )
    assert reg.spellings("Sở Thông tin và Truyền thông") == ("Sở Thông tin và Truyền thông", "Sở TT&TT")
    assert reg.spellings("Khối huyện") == ("Khối huyện", "các huyện")
    assert reg.spellings("Không có") == ("Không có",)


def test_a_name_matching_nothing_names_no_province_unless_it_is_the_provinces() -> None:
    reg = registry()
    far = reg.lookup("Sở Ngoại giao")
    assert (far.name, far.note, far.province) == (None, None, None)
    partial = reg.lookup("Kim")  # a word of one name: a suggestion
    assert (partial.suggestions, partial.note, partial.province) == ((KIM_THANH,), None, None)
    province = reg.lookup("Hải Dương")
    assert (province.note, province.province) == ("province-name", "Hải Dương")


def test_a_group_or_unit_spelled_with_the_wrong_tone_marks_is_suggested() -> None:
    found = registry().lookup("Sở Tư phàp")
    assert (found.name, found.suggestions, found.note) == (None, (STP,), "tone-marks")
    assert registry().resolve(HUYEN) == HUYEN


def test_a_member_met_again_does_not_stop_the_walk_through_the_other_members() -> None:
    reg = registry(
        extra_groups=[
            GroupInfo("Khối B", GroupKind.LISTED, members=(SNV,), inferred_members=((SNV, "Mục 9"),)),
            GroupInfo("Khối A", GroupKind.LISTED, members=(SYT,)),
            # Walked last to first: Sở Y tế, then Khối A (Sở Y tế met again), then Khối B.
            GroupInfo("Khối tỉnh", GroupKind.LISTED, members=("Khối B", "Khối A", SYT)),
        ]
    )
    assert reg.membership_basis("Khối tỉnh", SNV) == "Mục 9"


def test_a_member_read_twice_does_not_stop_the_walk_through_the_other_members() -> None:
    reg = registry(
        extra_groups=[
            GroupInfo("Khối B", GroupKind.LISTED, members=(SNV,), inferred_members=((SNV, "Mục 9"),)),
            GroupInfo("Khối A", GroupKind.LISTED, members=(SYT,), inferred_members=((SYT, "Mục 2"),)),
            GroupInfo(
                "Khối tỉnh",
                GroupKind.LISTED,
                members=("Khối B", "Khối A", SYT),
                inferred_members=((SYT, "Mục 1"),),
            ),
        ]
    )
    assert reg.membership_basis("Khối tỉnh", SYT) == "Mục 1"  # the first basis met
    assert reg.membership_basis("Khối tỉnh", SNV) == "Mục 9"


def test_an_open_ended_groups_members_are_not_walked_even_when_read() -> None:
    reg = registry(
        extra_groups=[
            GroupInfo("Có liên quan", GroupKind.OPEN, members=(SYT,), inferred_members=((SYT, "Mục 4"),)),
            GroupInfo(
                "Khối",
                GroupKind.LISTED,
                members=("Có liên quan",),
                inferred_members=(("Có liên quan", "Mục 3"),),
            ),
        ]
    )
    assert reg.membership_basis("Khối", "Có liên quan") == "Mục 3"
    assert reg.membership_basis("Khối", SYT) is None
