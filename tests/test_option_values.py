"""What a value typed after an option becomes, or the sentence that refuses it naming the option, the
value and what would be right: the parsers of the command table (cli/options.py), called here as
Typer calls them."""

from __future__ import annotations

from datetime import date

import pytest

from tthc_cli import i18n
from tthc_cli.cli.boundary import UserError
from tthc_cli.cli.options import (
    DayInput,
    RoleFilter,
    TableFormat,
    choice,
    count,
    day,
    day_option,
    entry_status_option,
    fixed_day,
    non_empty,
    plain_text,
    report_period_option,
)
from tthc_cli.cli.usage import BadValue
from tthc_cli.domain.plan import EntryStatus
from tthc_cli.domain.report_periods import PeriodKind


@pytest.fixture(autouse=True)
def _english() -> None:
    i18n.activate("en")


def test_a_choice_is_one_of_its_words_exactly() -> None:
    parse = choice("--format", TableFormat)
    assert parse("csv-excel") is TableFormat.CSV_EXCEL
    assert choice("--role", RoleFilter)("any") is RoleFilter.ANY


@pytest.mark.parametrize("typed", ["CSV", "xls", ""])
def test_another_word_is_refused_naming_the_option_the_value_and_every_choice(typed: str) -> None:
    with pytest.raises(BadValue) as refused:
        choice("--format", TableFormat)(typed)
    assert refused.value.message == f"--format {typed}: choose one of: table, json, csv, csv-excel, md"


def test_a_refused_value_is_shown_without_its_control_characters() -> None:
    with pytest.raises(BadValue) as refused:
        choice("--role", RoleFilter)("lead\x1b[2J")
    assert refused.value.message == "--role lead\\u001b[2J: choose one of: lead, support, any"


def test_a_refusal_is_said_in_the_readers_language() -> None:
    i18n.activate("vi")
    with pytest.raises(BadValue) as refused:
        count("--warn-days", 0, 366)("x")
    assert refused.value.message == "--warn-days x: hãy nhập số nguyên từ 0 đến 366"


def test_a_progress_status_is_its_code_or_a_word_the_office_uses() -> None:
    assert entry_status_option("done") is EntryStatus.DONE
    assert entry_status_option("Đã hoàn thành") is EntryStatus.DONE
    assert entry_status_option("xong") is EntryStatus.DONE


def test_another_progress_status_is_refused_naming_each_code_with_two_of_its_words() -> None:
    with pytest.raises(BadValue) as refused:
        entry_status_option("xong roi\x1b")
    assert refused.value.message == (
        "--status xong roi\\u001b: choose one of: started (bắt đầu, đã bắt đầu), done (hoàn thành, xong), "
        "reopened (mở lại, đã mở lại), note (ghi chú)"
    )
    i18n.activate("vi")
    with pytest.raises(BadValue) as refused:
        entry_status_option("xong roi")
    assert refused.value.message.startswith("--status xong roi: hãy chọn một trong: started (bắt đầu, ")


@pytest.mark.parametrize(("typed", "value"), [("0", 0), ("7", 7), (" 30 ", 30), ("366", 366), ("007", 7)])
def test_a_count_is_a_whole_number_within_its_bounds(typed: str, value: int) -> None:
    assert count("--warn-days", 0, 366)(typed) == value


@pytest.mark.parametrize("typed", ["-1", "367", "1000", "3.5", "seven", "", "٣", "²", "3_0", "+3"])
def test_anything_else_is_refused_naming_the_bounds(typed: str) -> None:
    with pytest.raises(BadValue) as refused:
        count("--warn-days", 0, 366)(typed)
    assert refused.value.message == f"--warn-days {typed}: give a whole number from 0 to 366"


def test_a_counts_lower_bound_is_its_own() -> None:
    parse = count("--within", 1, 5)
    assert (parse("1"), parse("5")) == (1, 5)
    for typed in ("0", "6"):
        with pytest.raises(BadValue) as refused:
            parse(typed)
        assert refused.value.message == f"--within {typed}: give a whole number from 1 to 5"


def test_a_name_that_says_something_is_kept_as_typed() -> None:
    assert non_empty("--data", "a folder")(" plans/2021 ") == " plans/2021 "


@pytest.mark.parametrize("typed", ["", "   ", "\t"])
def test_an_empty_name_is_refused_saying_what_to_give(typed: str) -> None:
    with pytest.raises(UserError) as refused:
        non_empty("--data", "a folder")(typed)
    assert str(refused.value) == "--data: give a folder; an empty value names nothing"
    assert refused.value.exit_code == 2


def test_what_to_give_is_said_in_the_readers_language() -> None:
    i18n.activate("vi")
    with pytest.raises(UserError) as refused:
        non_empty("-o", "a file name")("")
    assert str(refused.value) == "-o: hãy nêu tên một tệp; giá trị rỗng không chỉ tới gì cả"


def test_plain_text_is_trimmed_and_composed() -> None:
    assert plain_text("--province")("  Hai Du\u031bo\u031bng ") == "Hai Dương"


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("  ", "--province: give a name; an empty value names nothing"),
        ("Hải\x1bDương", "--province: contains the control character U+001B (ESCAPE); type plain text"),
        # A name is one line: a line feed or a tab, let through in a note, is refused in a name.
        ("Hải\nDương", "--province: contains the control character U+000A (LINE FEED); type plain text"),
        ("Hải\tDương", "--province: contains the control character U+0009 (TAB); type plain text"),
        (
            "Hải\u200bDương",
            "--province: contains the invisible character U+200B (ZERO WIDTH SPACE); type plain text",
        ),
    ],
)
def test_plain_text_refuses_nothing_and_control_or_invisible_characters(typed: str, said: str) -> None:
    with pytest.raises(UserError) as refused:
        plain_text("--province")(typed)
    assert str(refused.value) == said


def test_a_report_period_is_read_in_either_case() -> None:
    period = report_period_option("2021-q2")
    assert (period.code, period.kind, period.start, period.end) == (
        "2021-Q2",
        PeriodKind.QUARTER,
        date(2021, 4, 1),
        date(2021, 6, 30),
    )


def test_a_period_that_does_not_exist_is_refused_saying_why() -> None:
    with pytest.raises(BadValue) as refused:
        report_period_option("2021-Q5")
    assert refused.value.message == "--period 2021-Q5: no such period: its number goes from 1 to 4"


def test_a_relative_day_is_read_on_the_day_asked_about() -> None:
    typed = day("--before")("+2w")
    assert typed == DayInput("+2w", "--before")
    assert typed.on(date(2021, 6, 1)) == date(2021, 6, 15)
    assert typed.on(date(2021, 7, 1)) == date(2021, 7, 15)


def test_a_day_of_the_wrong_form_is_refused_when_the_command_line_is_read() -> None:
    with pytest.raises(UserError) as refused:
        day("--before")("31/6/2021")
    assert str(refused.value) == "--before: '31/6/2021' is not a real date"


def test_a_fixed_day_takes_both_forms_and_refuses_a_relative_one() -> None:
    parse = fixed_day("--today")
    assert parse("2021-06-05") == date(2021, 6, 5)
    assert parse("5/6/2021") == date(2021, 6, 5)
    with pytest.raises(UserError) as refused:
        parse("2021-02-30")
    assert str(refused.value) == "--today: '2021-02-30' is not a real date"
    with pytest.raises(UserError) as refused:
        parse("+2w")
    assert str(refused.value) == "--today: cannot read the date '+2w'; use YYYY-MM-DD or D/M/YYYY"


def test_a_day_option_is_declared_with_its_flag_placeholder_help_and_parser() -> None:
    option = day_option("--week", "DATE", "Any day of the week.")
    assert option.default == "--week"  # Typer reads a flag given first in Annotated as its name
    assert (option.metavar, option.help) == ("DATE", "Any day of the week.")
    assert option.parser is not None
    assert option.parser("2021-06-05").on(date(2000, 1, 1)) == date(2021, 6, 5)
    with pytest.raises(UserError) as refused:
        option.parser("someday")
    assert str(refused.value) == (
        "--week: cannot read the date 'someday'; use YYYY-MM-DD or D/M/YYYY, "
        "or today, eow, eom, eoq, eoy, +14d, +2w"
    )
