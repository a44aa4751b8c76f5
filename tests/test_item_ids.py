"""Item and obligation IDs: composed in one place, and what a person types read back to the same ID
whatever its case, its closing bracket or the spelling of the unit in it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tthc_cli.domain.item_ids import item_id, normalise_id, normalise_period, obligation_id, unit_slug

AN_LAC = Path(__file__).parent / "fixtures" / "an-lac-2022"


@pytest.mark.parametrize(
    ("kind", "number", "expected"),
    [
        ("task", "2.a)", "task:2.a"),  # printed "2.a)" in the document
        ("task", "3.", "task:3"),
        ("task", "1.1", "task:1.1"),
        ("duty", "IX.", "duty:IX"),  # a trailing dot goes, the Roman X stays
        ("review", ").", "review:)."),  # nothing left once stripped: the number as printed
    ],
)
def test_an_items_id_is_its_kind_and_its_printed_number_without_the_closing_mark(
    kind: str, number: str, expected: str
) -> None:
    assert item_id(kind, number) == expected


def test_an_obligations_id_adds_the_units_slug_and_the_period_in_capitals() -> None:
    assert obligation_id("duty:IV.2", "Sở Y tế") == "duty:IV.2/so-y-te"
    assert obligation_id("task:3", None, "2022-m03 ") == "task:3/2022-M03"
    assert (
        obligation_id("duty:IV.2", "UBND huyện Gia Lộc", "2021-q2") == "duty:IV.2/ubnd-huyen-gia-loc/2021-Q2"
    )
    assert obligation_id("task:1.1") == "task:1.1"


def test_a_units_slug_is_folded_to_ascii_words_joined_by_hyphens() -> None:
    assert unit_slug("Sở Y tế") == "so-y-te"
    assert unit_slug("Ban Quản lý các khu công nghiệp tỉnh") == "ban-quan-ly-cac-khu-cong-nghiep-tinh"
    assert unit_slug("Sở Tài nguyên & Môi trường") == "so-tai-nguyen-va-moi-truong"


def test_a_period_is_trimmed_and_written_in_capitals() -> None:
    assert normalise_period(" 2021-q2 ") == "2021-Q2"
    assert normalise_period("2022-m03") == "2022-M03"


def test_a_period_is_written_as_its_code_and_what_names_none_in_capitals() -> None:
    assert normalise_period("2022-m3") == "2022-M03"  # the month in two digits, not just upper-cased
    assert normalise_period("quý II/2021") == "2021-Q2"
    assert normalise_period(" 2021-x ") == "2021-X"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        # A bare task number is a task's; the kind is written in lower case.
        ("1.1", "task:1.1"),
        ("Task:1.1", "task:1.1"),
        ("TASK:6", "task:6"),
        (" task : 6 ", "task:6"),
        ("2.a)", "task:2.a"),
        ("task:2.a)", "task:2.a"),
        ("task:2.a", "task:2.a"),  # a lone letter in a task number stays a letter
        ("review:6", "review:6"),
        # Section and block numbers are Roman, in capitals.
        ("duty:iv.1", "duty:IV.1"),
        ("duty:iv", "duty:IV"),
        ("duty:v", "duty:V"),  # a duty's number is a section's, even one letter long
        ("duty:IX", "duty:IX"),
        ("inspection:ii.3", "inspection:II.3"),
        ("inspection:x", "inspection:X"),
        ("review:ii", "review:II"),
        ("review:v.1", "review:V.1"),  # a lone i, v or x before a dot numbers a block
        ("review:ii.3.1", "review:II.3.1"),
        ("note:iv", "note:IV"),
        # A lone letter that is not i, v or x, or that ends the number, is a letter.
        ("review:c", "review:c"),
        ("review:c.1", "review:c.1"),
        ("review:v", "review:v"),
        ("note:review.2", "note:review.2"),  # a word is not a Roman number
        # An obligation's address: a unit in any spelling, a period in any case.
        ("task:3/2022-m03", "task:3/2022-M03"),
        ("task:3/2022-M03", "task:3/2022-M03"),
        ("task:3.2/2021-Q2", "task:3.2/2021-Q2"),
        ("task:3.2/2021-9m", "task:3.2/2021-9M"),  # the nine-month report's period
        ("duty:iv.2/Sở Y tế/2021-h1", "duty:IV.2/so-y-te/2021-H1"),
        ("3/2022-m03", "task:3/2022-M03"),
        ("duty:iv.2/Sở Y tế", "duty:IV.2/so-y-te"),
        ("IV.2/so y te", "IV.2/so y te"),  # no kind: left as typed for Plan.find_id to look up
        ("duty:IV.2/SO-Y-TE/2021-q2", "duty:IV.2/so-y-te/2021-Q2"),
        ("1.1/Sở Y tế/2021-q2", "task:1.1/so-y-te/2021-Q2"),
        ("duty:IV.2/2021", "duty:IV.2/2021"),
        ("duty:IV.2/Sở Y tế: phòng A", "duty:IV.2/so-y-te-phong-a"),  # the kind ends at the first colon
        # Invisible characters pasted with an ID do not make another ID.
        ("\u200btask:1.1\ufeff", "task:1.1"),
        ("anything", "anything"),
    ],
)
def test_what_a_person_types_is_read_as_the_id(typed: str, expected: str) -> None:
    assert normalise_id(typed) == expected


def test_a_normalised_id_is_normalised_already() -> None:
    for typed in ("1.1", "duty:iv.2/Sở Y tế/2021-q2", "review:v.1", "task:2.a)", "note:review.2"):
        once = normalise_id(typed)
        assert normalise_id(once) == once


# The same rules where a person meets them: `tthc show`.


def _shown_id(run, *args: str) -> str:  # type: ignore[no-untyped-def]
    result = run("show", *args, "-f", "json", "--today", "2022-06-01")
    assert result.code == 0, result.stderr
    return str(json.loads(result.stdout)["id"])


@pytest.mark.parametrize("typed", ["task:3/2022-m03", "task:3/2022-M03", "3/2022-m03"])
def test_show_takes_a_monthly_obligation_with_its_period_in_either_case(run, typed: str) -> None:  # type: ignore[no-untyped-def]
    assert _shown_id(run, typed, "--data", str(AN_LAC)) == "task:3/2022-M03"


def test_show_names_an_obligation_typed_in_lower_case_by_its_id(run) -> None:  # type: ignore[no-untyped-def]
    text = run("show", "task:3/2022-m03", "--data", str(AN_LAC), "--today", "2022-06-01", "--lang", "en")
    assert text.code == 0, text.stderr
    assert "ID:        task:3/2022-M03" in text.stdout


@pytest.mark.parametrize("typed", ["Duty:iv.2/Sở Y tế", "duty:IV.2/so y te", "duty:iv.2/SO-Y-TE"])
def test_show_takes_a_units_obligation_whatever_the_case_and_spelling(run, typed: str) -> None:  # type: ignore[no-untyped-def]
    assert _shown_id(run, typed) == "duty:IV.2/so-y-te"


@pytest.mark.parametrize(
    ("typed", "expected"), [("inspection:ii.3", "inspection:II.3"), ("duty:iv.5", "duty:IV.5")]
)
def test_show_takes_a_roman_section_number_in_lower_case(run, typed: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert _shown_id(run, typed) == expected
