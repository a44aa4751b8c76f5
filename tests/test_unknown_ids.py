"""What tthc says of an ID the plan does not have, as data: the close IDs it may have meant, the
items under a heading, and how to address one share of an item split by unit or period."""

from __future__ import annotations

from tthc_cli.domain.obligations import split_obligations
from tthc_cli.domain.plan import Plan, Split
from tthc_cli.domain.problems import Problem
from tthc_cli.domain.suggest import CUTOFF, nearest, obligation_hint, unknown_id

from .small_plans import GIA_LOC, HUYEN, STP, SYT, item, plan, quarterly, registry


def _plan() -> Plan:
    """Two tasks under heading 1, a duty split by unit, a report split by period, one split by both."""
    reg = registry()
    items = [
        item("task:1.1"),
        item("task:1.2"),
        item("duty:IV.2", lead=(SYT, STP)),
        item("task:3", deadline=quarterly(quarters=(1, 2))),
        item("task:5", lead=(HUYEN,), deadline=quarterly(quarters=(1,))),
        item("task:8", lead=(SYT,)),
        item("task:7.1", deadline=quarterly(quarters=(1,))),
        item("task:7.2"),
    ]
    return plan(split_obligations(items, {"duty:IV.2", "task:5"}, reg), reg=reg)


def test_nearest_offers_up_to_three_close_candidates_best_first() -> None:
    words = ["abcdxxxx", "abcdexxx", "abcdefxx", "abcdefgx", "abcdefgh"]  # 4, 5, 6, 7, 8 letters alike
    assert nearest("abcdefgh", words) == ["abcdefgh", "abcdefgx", "abcdefxx"]
    assert nearest("abcdefgh", words, n=5) == ["abcdefgh", "abcdefgx", "abcdefxx", "abcdexxx"]
    assert nearest("so-y-tee", ["so-y-te", "so-tu-phap"], n=1) == ["so-y-te"]


def test_nearest_offers_nothing_below_the_cutoff() -> None:
    # 'abcde' and 'abxyz' share 2 of 5 letters each: a ratio of 0.4, below 0.6; 'abcdx' shares 4 (0.8).
    assert CUTOFF == 0.6
    assert nearest("abcde", ["abxyz", "abcdx"]) == ["abcdx"]
    assert nearest("abcdef", ["abcxyz"]) == []  # 0.5
    assert nearest("abcde", ["abcxy"]) == ["abcxy"]  # 0.6: offered from the cutoff on


def test_an_unknown_id_suggests_the_near_ones() -> None:
    found = unknown_id(_plan(), "task:9")
    assert found == Problem("unknown-id", (("id", "task:9"), ("suggestions", ("task:8", "task:5", "task:3"))))


def test_what_names_an_item_once_read_as_typed_is_answered_with_that_item_alone() -> None:
    # 'task:8.' is task:8 written with the document's trailing dot: the one it names, not its neighbours
    found = unknown_id(_plan(), "task:8.")
    assert found == Problem("unknown-id", (("id", "task:8."), ("suggestions", ("task:8",))))


def test_a_heading_names_the_items_under_it_never_another_kind() -> None:
    p = _plan()
    assert unknown_id(p, "1") == Problem(
        "unknown-id", (("id", "1"), ("ids", ("task:1.1", "task:1.2"))), "heading"
    )
    # 'duty:1' is no heading: only task numbers head other tasks.
    assert unknown_id(p, "duty:1").variant == ""


def test_a_wrong_share_of_a_split_item_suggests_its_near_shares() -> None:
    found = unknown_id(_plan(), "duty:IV.2/so-y-tee")
    assert found.variant == "obligation"
    assert found.args == {
        "item": "duty:IV.2",
        "key": "duty:IV.2/so-y-tee",
        "suggestions": ("duty:IV.2/so-y-te", "duty:IV.2/so-tu-phap"),
    }


def test_a_share_nothing_like_any_says_how_shares_are_addressed_by_unit() -> None:
    found = unknown_id(_plan(), "duty:IV.2/Ban Quản lý các khu công nghiệp tỉnh")
    assert found.variant == "obligation"
    assert found.args == {
        "item": "duty:IV.2",
        "key": "duty:IV.2/ban-quan-ly-cac-khu-cong-nghiep-tinh",
        "suggestions": (),
        "unit": SYT,
        "units": 2,
        "periods": (),
        "example": "duty:IV.2/so-y-te",
        "hint": "unit",
    }


def test_a_share_of_an_item_split_by_period_says_its_periods() -> None:
    found = unknown_id(_plan(), "task:3/2021-Q4")
    assert found.args == {
        "item": "task:3",
        "key": "task:3/2021-Q4",
        "suggestions": ("task:3/2021-Q2", "task:3/2021-Q1"),
    }
    far = unknown_id(_plan(), "task:3/Ban Quản lý các khu công nghiệp")
    assert far.args["hint"] == "period"
    assert far.args["periods"] == ("2021-Q1", "2021-Q2")
    assert far.args["unit"] is None and far.args["units"] == 0
    assert far.args["example"] == "task:3/2021-Q1"


def test_a_heading_names_its_items_not_their_shares() -> None:
    found = unknown_id(_plan(), "7")
    assert (found.variant, found.args["ids"]) == ("heading", ("task:7.1", "task:7.2"))


def test_a_wrong_share_of_an_item_split_by_unit_and_period_is_a_wrong_share() -> None:
    found = unknown_id(_plan(), "task:5/ubnd-huyen-gia-loc/2021-Q3")
    assert found.variant == "obligation"
    assert found.args["item"] == "task:5"
    assert found.args["suggestions"] == (
        "task:5/ubnd-huyen-gia-loc/2021-Q1",
        "task:5/ubnd-huyen-kim-thanh/2021-Q1",
    )


def test_a_share_of_an_item_that_has_none_suggests_nothing_and_gives_no_address() -> None:
    found = unknown_id(_plan(), "task:8/so-y-te")
    assert found.variant == "obligation"
    assert found.args == {"item": "task:8", "key": "task:8/so-y-te", "suggestions": ()}


def test_the_address_of_a_share_names_what_the_item_is_split_by_first() -> None:
    p = _plan()
    assert p.by_id["task:5"].split is Split.UNIT_PERIOD
    by_unit = obligation_hint(p, "task:5")
    assert by_unit == Problem(
        "obligation-address",
        (
            ("item", "task:5"),
            ("unit", GIA_LOC),
            ("units", 2),
            ("periods", ("2021-Q1",)),
            ("example", "task:5/ubnd-huyen-gia-loc/2021-Q1"),
        ),
        "unit",
    )
    by_period = obligation_hint(p, "task:3")
    assert by_period.variant == "period"
    assert by_period.args == {
        "item": "task:3",
        "unit": None,
        "units": 0,
        "periods": ("2021-Q1", "2021-Q2"),
        "example": "task:3/2021-Q1",
    }
    unsplit = obligation_hint(p, "task:8")
    assert unsplit.variant == "period" and unsplit.args["example"] is None


def test_a_share_named_by_the_documents_numbering_is_read_as_a_share_of_that_item() -> None:
    # The period after 'Mục 3' is read by the plan (its code), not as part of a number.
    found = unknown_id(_plan(), "Mục 3 (quý IV/2021)")
    assert found.variant == "obligation"
    assert found.args == {
        "item": "task:3",
        "key": "task:3/2021-Q4",
        "suggestions": ("task:3/2021-Q2", "task:3/2021-Q1"),
    }
    # A unit and a period: the item is the part before the first '/', not before the last.
    both = unknown_id(_plan(), "Mục 5 – UBND huyện Gia Lộc (quý III/2021)")
    assert (both.variant, both.args["item"], both.args["key"]) == (
        "obligation",
        "task:5",
        "task:5/ubnd-huyen-gia-loc/2021-Q3",
    )


def test_the_documents_word_before_an_unknown_number_is_left_out_to_suggest() -> None:
    p = _plan()
    assert unknown_id(p, "Mục 9") == Problem(
        "unknown-id", (("id", "Mục 9"), ("suggestions", ("task:8", "task:5", "task:3")))
    )
    assert unknown_id(p, "Mục 1").args["ids"] == ("task:1.1", "task:1.2")
    # A share of an item the plan lacks is no share: the IDs near 'task:9/so-y-te' are offered.
    shared = unknown_id(p, "Mục 9/so-y-te")
    assert shared.variant == "" and shared.args["suggestions"] == ("duty:IV.2/so-y-te",)


def test_a_number_two_items_share_suggests_the_task_not_a_share_of_it() -> None:
    # 'Mục 8' names task:8 and duty:8 alike, so neither: task:8 is offered as a near ID.
    p = plan([item("task:8"), item("duty:8")], reg=registry())
    assert unknown_id(p, "Mục 8") == Problem("unknown-id", (("id", "Mục 8"), ("suggestions", ("task:8",))))
