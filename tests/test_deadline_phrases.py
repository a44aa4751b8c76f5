"""Deadline phrases read whole: the warnings and errors as people read them (English msgids here; the
Vietnamese catalogue is tested in test_i18n), the empty phrase, the nearest forms offered, the plan's
year for phrases that give none, the bound on a phrase's length, numbers repeated in words, days that
do not exist, and problems as facts worded apart."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from tthc_cli import i18n
from tthc_cli.domain.deadline_grammar import (
    ByNode,
    DateNode,
    Every,
    GrammarError,
    InNode,
    ListNode,
    MonthRef,
    QuarterNode,
    RangeNode,
    SpelledNumberError,
    YearRef,
    month_ref_words,
    parse_tree,
    spelled_number,
    tokenize,
    year_ref_words,
)
from tthc_cli.domain.deadlines import MAX_PHRASE, DeadlineKind, nearest_forms, parse_deadline
from tthc_cli.domain.problems import ProblemError
from tthc_cli.present.messages import message

START = date(2021, 1, 1)
PERIOD = "01/01/2021–31/12/2021"


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    i18n.activate("en")
    yield
    i18n.activate(i18n.DEFAULT_LANGUAGE)


def warnings(phrase: str) -> list[tuple[str, str]]:
    return [(w.code, message(w)) for w in parse_deadline(phrase, plan_start=START).warnings]


def refusal(phrase: str, **kw: object) -> ProblemError:
    with pytest.raises(ProblemError) as caught:
        parse_deadline(phrase, plan_start=START, **kw)  # type: ignore[arg-type]
    return caught.value


def test_a_due_date_outside_the_plan_period_is_named() -> None:
    assert warnings("Trước ngày 31/5/2022") == [
        (
            "deadline-outside-year",
            f"'Trước ngày 31/5/2022': 31/05/2022 falls outside the plan period {PERIOD}",
        )
    ]


@pytest.mark.parametrize(("phrase", "year"), [("Thường xuyên năm 2022", 2022), ("Từ tháng 3/2020", 2020)])
def test_a_year_without_a_due_date_outside_the_plan_looks_copied(phrase: str, year: int) -> None:
    assert warnings(phrase) == [
        (
            "deadline-outside-year",
            f"'{phrase}' names {year}, outside the plan period {PERIOD}; copied from another year's plan? "
            "Write 'năm 2021', or no year",
        )
    ]


def test_inside_the_plan_period_no_warning() -> None:
    assert warnings("Trước ngày 31/12/2021") == []
    assert warnings("Thường xuyên năm 2021") == []


@pytest.mark.parametrize("text", [None, "", "   "])
def test_no_phrase_is_an_unspecified_deadline_that_keeps_its_text_and_flag(text: str | None) -> None:
    for tentative in (False, True):
        d = parse_deadline(text, plan_start=START, tentative=tentative)
        assert (d.text, d.kind, d.start, d.due, d.window_end, d.tentative) == (
            text,
            DeadlineKind.UNSPECIFIED,
            None,
            None,
            None,
            tentative,
        )
    assert parse_deadline(text, plan_start=START).occurrences == ()


def test_an_unreadable_phrase_names_where_reading_stopped_and_the_nearest_forms() -> None:
    found = refusal("Trước ngày abc").problem
    assert message(found) == (
        "cannot read the deadline 'Trước ngày abc' from 'abc'; nearest forms: 'Trước ngày 20/8', "
        "'Trước ngày 31/5/2021', 'Trước ngày 20 hằng tháng'"
    )
    assert found.args["suggestions"] == (
        "Trước ngày 20/8",
        "Trước ngày 31/5/2021",
        "Trước ngày 20 hằng tháng",
    )


def test_a_phrase_unreadable_from_its_first_word_gets_the_nearest_forms_only() -> None:
    found = refusal("hôm qua").problem
    assert message(found) == (
        "cannot read the deadline 'hôm qua'; nearest forms: 'Hằng quý', 'Theo quy định', 'Năm 2021'"
    )
    assert found.code == "deadline-unrecognised"


def test_nearest_forms_compare_shapes_whatever_the_numbers() -> None:
    # "5/6" has the shape of "20/8" (a day and a month), not of "31/5/2021".
    assert nearest_forms("trước ngày 5/6") == (
        "Trước ngày 20/8",
        "Trước ngày 31/5/2021",
        "Trước ngày 20/11 hằng năm",
    )
    assert nearest_forms("6 tháng cuối năm 2021 nữa", n=1) == ("6 tháng đầu năm 2021",)


def test_a_plan_of_up_to_400_days_reads_a_phrase_without_year_in_its_last_year() -> None:
    start = date(2021, 12, 1)
    end = start + timedelta(days=400)
    assert parse_deadline("Tháng 6", plan_start=start, plan_end=end).due == date(2023, 6, 30)
    with pytest.raises(ProblemError) as caught:
        parse_deadline("Tháng 6", plan_start=start, plan_end=end + timedelta(days=1))
    assert message(caught.value.problem) == (
        "'Tháng 6' gives no year and the plan runs 01/12/2021–06/01/2023; add one, e.g. 'tháng 6 năm 2022'"
    )


def test_a_dated_phrase_closes_its_window_on_its_due_date() -> None:
    d = parse_deadline("Trước ngày 31/5/2021", plan_start=START)
    assert (d.due, d.window_end) == (date(2021, 5, 31), date(2021, 5, 31))


def test_a_date_that_does_not_exist_is_named_with_the_phrase() -> None:
    said = message(refusal("Trước ngày 31/2/2021").problem)
    assert said == "'Trước ngày 31/2/2021' is not a date: month 2/2021 has 28 days"


# --- dates of the phrases: errors, boundaries, occurrences ---------------------------------------


@pytest.mark.parametrize(
    ("phrase", "said"),
    [
        ("Tháng 13/2021", "names month 13; months run from 1 to 12"),
        ("Từ tháng 5/2021 đến tháng 3/2021", "ends before it starts"),
        ("Giai đoạn 2025-2021", "ends before it starts"),
        ("Trước ngày 32 hằng tháng", "names day 32; days run from 1 to 31"),
        ("Trước ngày 20/11 hằng tháng", "gives a day and a month, which recur every year ('hằng năm')"),
        ("Trước ngày 5 hằng tuần", "gives a day of the month for a weekly report"),
        ("Định kỳ 5 tháng", "recurs every 5 months, which does not divide the year"),
    ],
)
def test_phrases_that_name_impossible_dates(phrase: str, said: str) -> None:
    assert message(refusal(phrase).problem) == f"'{phrase}' {said}"


def reading(phrase: str) -> tuple[object, ...]:
    d = parse_deadline(phrase, plan_start=START)
    occurrences = [(o.period, o.start, o.due) for o in d.occurrences]
    return (d.kind, d.start, d.due, d.window_end, occurrences)


def day(m: int, d: int) -> date:
    return date(2021, m, d)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        (  # a window of one day: it ends the day it starts, which is not before
            "Từ ngày 5/5/2021 đến ngày 5/5/2021",
            ("window", day(5, 5), day(5, 5), day(5, 5), [("2021-05-05/2021-05-05", day(5, 5), day(5, 5))]),
        ),
        (
            "1 tháng đầu năm 2021",
            ("window", day(1, 1), day(1, 31), day(1, 31), [("2021-01-01/2021-01-31", day(1, 1), day(1, 31))]),
        ),
        (
            "12 tháng đầu năm 2021",
            ("year", day(1, 1), day(12, 31), day(12, 31), [("2021", day(1, 1), day(12, 31))]),
        ),
        (
            "Giai đoạn 2021-2021",
            ("year", day(1, 1), day(12, 31), day(12, 31), [("2021", day(1, 1), day(12, 31))]),
        ),
        (  # the plan's first day is inside the plan
            "Ngày 1/1/2021",
            ("by_date", day(1, 1), day(1, 1), day(1, 1), [("2021-01-01/2021-01-01", day(1, 1), day(1, 1))]),
        ),
        (  # two dates: the second delivery's period starts the day after the first
            "Trước ngày 1/1/2021, 31/12/2021",
            (
                "recurring",
                day(1, 1),
                None,
                day(12, 31),
                [("2021-01-01", day(1, 1), day(1, 1)), ("2021-12-31", day(1, 2), day(12, 31))],
            ),
        ),
        (
            "Tháng 11, 12/2021",
            (
                "window",
                day(11, 1),
                day(12, 31),
                day(12, 31),
                [("2021-M11", day(11, 1), day(11, 30)), ("2021-M12", day(12, 1), day(12, 31))],
            ),
        ),
    ],
)
def test_phrases_read_at_their_boundaries(phrase: str, expected: tuple[object, ...]) -> None:
    assert reading(phrase) == expected


def test_the_first_day_of_each_month_recurs_twelve_times() -> None:
    d = parse_deadline("Trước ngày 1 hằng tháng", plan_start=START)
    assert [(o.period, o.due) for o in d.occurrences] == [(f"2021-M{m:02}", day(m, 1)) for m in range(1, 13)]


def test_a_weekly_report_starts_with_the_week_the_plan_starts_in() -> None:
    d = parse_deadline("Hằng tuần", plan_start=START)
    assert len(d.occurrences) == 52
    first, second = d.occurrences[:2]
    assert (first.period, first.start, first.due) == ("2020-W53", day(1, 1), day(1, 3))
    assert (second.period, second.start, second.due) == ("2021-W01", day(1, 4), day(1, 10))


# --- the grammar: quarters -----------------------------------------------------------------------


@pytest.mark.parametrize(("roman", "arabic"), [("I", "1"), ("II", "2"), ("III", "3"), ("IV", "4")])
def test_a_quarter_is_numbered_in_roman_or_arabic_figures(roman: str, arabic: str) -> None:
    expected = InNode(QuarterNode(int(arabic), 2021))
    assert parse_tree(f"Quý {roman}/2021") == parse_tree(f"Quý {arabic}/2021") == expected


def test_lists_and_ranges_of_quarters() -> None:
    assert parse_tree("Quý 1, 2 năm 2021") == InNode(ListNode((QuarterNode(1, 2021), QuarterNode(2, 2021))))
    assert parse_tree("Quý II - IV năm 2021") == InNode(RangeNode(QuarterNode(2), QuarterNode(4, 2021)))


@pytest.mark.parametrize(("phrase", "position", "found"), [("Quý 5/2021", 4, "5"), ("Quý", 3, None)])
def test_a_quarter_that_is_not_one_is_reported_where_it_stands(
    phrase: str, position: int, found: str | None
) -> None:
    with pytest.raises(GrammarError) as caught:
        parse_tree(phrase)
    assert (caught.value.position, caught.value.found, str(caught.value)) == (position, found, str(found))
    assert "số quý (I-IV)" in caught.value.expected


# --- bounded work: a phrase longer than any real one -------------------------------------------------


def test_the_bound_leaves_room_for_every_real_phrase() -> None:
    from .test_deadline_corpus import ENTRIES

    longest = max(len(fields[0]) for _n, fields in ENTRIES)
    assert 4 * longest <= MAX_PHRASE == 500


@pytest.mark.parametrize("size", [MAX_PHRASE + 1, 20_000, 2_000_000])
def test_a_phrase_longer_than_any_real_one_is_refused_with_a_short_quote(size: int) -> None:
    phrase = ("Trước ngày 31/5/2021 và " * (size // 24 + 1))[: size - 1] + "x"
    found = refusal(phrase).problem
    assert (found.code, found.variant, found.args["limit"]) == ("deadline-unrecognised", "too-long", 500)
    said = message(found)
    # The first 60 characters, then "…".
    assert said.startswith("the deadline 'Trước ngày 31/5/2021 và Trước ngày 31/5/2021 và Trước ngày 3…' is ")
    assert len(said) < 300 and f"{found.args['length']} characters long" in said


def test_spaces_do_not_count_towards_the_bound_up_to_eight_times_it() -> None:
    spaced = "Trước ngày" + " " * (8 * MAX_PHRASE - 19) + "31/5/2021"
    assert len(spaced) == 8 * MAX_PHRASE
    assert parse_deadline(spaced, plan_start=START).due == date(2021, 5, 31)
    longer = "Trước ngày" + " " * (8 * MAX_PHRASE - 18) + "31/5/2021"  # not even cleaned: refused
    found = refusal(longer).problem
    assert (found.variant, found.args["length"]) == ("too-long", 8 * MAX_PHRASE + 1)


def test_a_phrase_at_the_bound_is_read() -> None:
    event = "Sau 15 ngày kể từ khi có " + "x" * (MAX_PHRASE - 25)
    assert len(event) == MAX_PHRASE
    assert parse_deadline(event, plan_start=START).after_days == 15
    assert parse_deadline(event + "  ", plan_start=START).after_days == 15  # trailing spaces


def test_messages_quote_a_short_prefix_of_a_long_phrase_and_of_where_it_stopped() -> None:
    phrase = "Trước ngày 31/6/2021 " + "và kết thúc trước ngày 30/9/2021 " * 6
    said = message(refusal(phrase).problem)
    assert said.startswith(
        "cannot read the deadline 'Trước ngày 31/6/2021 và kết thúc trước ngày 30/9/2021 và kết…' from "
        "'và kết thúc trước ngày 30/9/2021 và kết thúc trước ngày 30/9…'; nearest forms: "
    )


# --- numbers repeated in words ---------------------------------------------------------------------

WORDS_1_31 = (
    "một hai ba bốn năm sáu bảy tám chín mười, mười một, mười hai, mười ba, mười bốn, mười lăm, mười sáu, "
    "mười bảy, mười tám, mười chín, hai mươi, hai mươi mốt, hai mươi hai, hai mươi ba, hai mươi bốn, "
    "hai mươi lăm, hai mươi sáu, hai mươi bảy, hai mươi tám, hai mươi chín, ba mươi, ba mươi mốt"
)


def _spelled() -> list[str]:
    head, _, tail = WORDS_1_31.partition(" mười,")
    return [*head.split(), "mười", *(w.strip() for w in tail.split(","))]


@pytest.mark.parametrize(("value", "words"), list(enumerate(_spelled(), start=1)))
def test_every_day_of_a_month_repeated_in_words_reads_as_its_figure(value: int, words: str) -> None:
    assert spelled_number(words.split()) == value
    d = parse_deadline(
        f"Trước ngày {value:02d} ({words}) tháng 12 ({_spelled()[11]}) năm 2021", plan_start=START
    )
    assert d.due == date(2021, 12, value)


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("mồng một", 1),
        ("mồng mười", 10),
        ("mười năm", 15),
        ("mười tư", 14),
        ("hai mươi tư", 24),
        ("hai mươi một", 21),
        ("hai mốt", 21),
        ("hai lăm", 25),
        ("ba mốt", 31),
        ("chín mươi chín", 99),
        ("hai mươi nhăm", 25),
        ("hai nhăm", 25),
        ("hai tư", 24),
    ],
)
def test_the_other_ways_a_number_is_written(words: str, value: int) -> None:
    assert spelled_number(words.split()) == value


@pytest.mark.parametrize(
    "words",
    [
        "mười mốt",
        "một mươi",
        "mươi",
        "mồng",
        "hai mươi mười",
        "ba bốn năm",
        "lăm",
        "tháng",
        "mốt",
        "hai hai",
        "hai lăm mốt",
        "hai mười",
    ],
)
def test_words_that_are_not_a_number(words: str) -> None:
    assert spelled_number(words.split()) is None


def test_a_phrase_that_stops_making_sense_at_its_second_character_says_where() -> None:
    found = refusal("T(").problem
    assert (found.variant, found.args["rest"]) == ("from", "(")


def test_a_letter_left_after_a_phrase_is_not_dropped() -> None:
    assert refusal("Quý IV năm 2021 X").problem.args["rest"] == "X"


def test_the_grammar_names_the_figure_its_words_contradict() -> None:
    with pytest.raises(SpelledNumberError) as caught:
        parse_tree("ngày 06 (bảy) tháng 6")
    assert (str(caught.value), caught.value.figure, caught.value.spelled, caught.value.value) == (
        "06",
        "06",
        "bảy",
        7,
    )


def test_words_that_say_another_number_are_an_error_naming_both() -> None:
    found = refusal("Trước ngày 06 (sáu) tháng 06 (bảy) năm 2021").problem
    assert (found.code, found.variant) == ("invalid-date", "spelled")
    assert (found.args["figure"], found.args["words"], found.args["value"]) == ("06", "bảy", 7)
    assert message(found) == (
        "'Trước ngày 06 (sáu) tháng 06 (bảy) năm 2021' writes 06 but 'bảy' (7) in words; correct the "
        "figure or the words"
    )


def test_brackets_that_hold_no_number_are_read_as_before() -> None:
    assert parse_deadline("9 tháng đầu năm (2021)", plan_start=START).due == date(2021, 9, 30)
    assert parse_deadline("Tháng 6 (2022)", plan_start=START).due == date(2022, 6, 30)  # not 2021's
    assert parse_deadline("Quý III năm 2021 (dự kiến)", plan_start=START).tentative
    for phrase, variant in [
        ("Trước ngày 15 (xem ghi chú) tháng 6", "from"),
        ("Trước ngày 15 (mười", "from"),  # the brackets never close
        ("Q (hai)/2021", "from"),  # words after a letter, not a figure
        ("Sau 100 (một) ngày kể từ khi có Thông báo", "from"),  # three digits: no day, no month
    ]:
        found = refusal(phrase).problem
        assert (found.code, found.variant) == ("deadline-unrecognised", variant), phrase


# --- a day that does not exist is refused, never moved -----------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "variant", "said"),
    [
        ("trước ngày 0/11 hằng năm", "no-such-day", "names day 0; days run from 1 to 31"),
        ("trước ngày 0 hằng tháng", "no-such-day", "names day 0; days run from 1 to 31"),
        ("Hằng quý, trước ngày 0", "no-such-day", "names day 0; days run from 1 to 31"),
        ("trước ngày 31/4 hằng năm", "day-in-month", "is not a date: month 4/2021 has 30 days"),
        ("trước ngày 15/6 và 31/6 hằng năm", "day-in-month", "is not a date: month 6/2021 has 30 days"),
        ("Trước ngày 15 hằng năm", "yearly-no-month", "gives day 15 but no month for a deadline that recurs"),
        ("Hằng năm, trước ngày 20", "yearly-no-month", "add the month, e.g. 'trước ngày 20/12 hằng năm'"),
        ("Báo cáo năm gửi trước ngày 15", "yearly-no-month", "gives day 15 but no month"),
    ],
)
def test_a_day_that_does_not_exist_is_refused(phrase: str, variant: str, said: str) -> None:
    found = refusal(phrase).problem
    assert found.variant == variant and said in message(found)


def test_a_day_a_month_lacks_is_that_months_last_day_only_where_the_month_varies() -> None:
    monthly = parse_deadline("Trước ngày 31 hằng tháng", plan_start=START)
    assert [o.due.day for o in monthly.occurrences] == [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    quarterly = parse_deadline("Trước ngày 31 của tháng cuối quý", plan_start=START)
    assert [o.due for o in quarterly.occurrences] == [day(3, 31), day(6, 30), day(9, 30), day(12, 31)]


def test_the_29th_of_february_recurs_only_in_leap_years() -> None:
    assert refusal("Trước ngày 29/2 hằng năm").problem.variant == "day-in-month"
    d = parse_deadline("Trước ngày 29/2 hằng năm", plan_start=date(2024, 1, 1))
    assert [o.due for o in d.occurrences] == [date(2024, 2, 29)]


# --- problems are data: codes and facts, worded apart ------------------------------------------------


def test_a_problem_carries_facts_not_sentences_and_each_language_words_it() -> None:
    found = refusal("Trước ngày 31/6/2021").problem
    assert found.params == (("phrase", "Trước ngày 31/6/2021"), ("month", 6), ("year", 2021), ("days", 30))
    assert message(found) == "'Trước ngày 31/6/2021' is not a date: month 6/2021 has 30 days"
    with i18n.using("vi"):
        assert message(found) == "'Trước ngày 31/6/2021' không phải ngày có thật: tháng 6/2021 có 30 ngày"


def test_a_warning_is_a_problem_of_warning_severity_with_its_dates() -> None:
    (w,) = parse_deadline("Trước ngày 31/5/2022", plan_start=START).warnings
    assert (w.code, w.variant, w.is_error) == ("deadline-outside-year", "day", False)
    assert (w.args["day"], w.args["first"], w.args["last"]) == (date(2022, 5, 31), START, date(2021, 12, 31))
    with i18n.using("vi"):
        assert (
            message(w)
            == "'Trước ngày 31/5/2022': ngày 31/05/2022 nằm ngoài kỳ kế hoạch 01/01/2021–31/12/2021"
        )


# --- the words of the reporting regime --------------------------------------------------------------


def test_every_way_the_regime_names_a_month_of_the_reporting_period() -> None:
    table = month_ref_words()
    by_ref = {ref: sorted(w for w, r in table.items() if r is ref) for ref in MonthRef}
    assert {ref: len(found) for ref, found in by_ref.items()} == {
        MonthRef.QUARTER_LAST: 32,
        MonthRef.NEXT_QUARTER_FIRST: 12,
        MonthRef.NEXT: 10,
        MonthRef.REPORT: 7,
        MonthRef.PREVIOUS: 6,
    }
    for words, ref in [
        ("tháng cuối quý", MonthRef.QUARTER_LAST),
        ("tháng cuối cùng của mỗi quý", MonthRef.QUARTER_LAST),
        ("tháng cuối hằng quý", MonthRef.QUARTER_LAST),
        ("tháng cuối từng quý thuộc kỳ báo cáo", MonthRef.QUARTER_LAST),
        ("tháng cuối của quý thuộc kỳ báo cáo", MonthRef.QUARTER_LAST),
        ("tháng cuối kỳ báo cáo", MonthRef.REPORT),
        ("tháng cuối cùng của kỳ báo cáo", MonthRef.REPORT),
        ("tháng báo cáo", MonthRef.REPORT),
        ("tháng thuộc kỳ báo cáo", MonthRef.REPORT),
        ("tháng của kỳ báo cáo", MonthRef.REPORT),
        ("tháng đầu quý sau", MonthRef.NEXT_QUARTER_FIRST),
        ("tháng đầu tiên của quý tiếp theo", MonthRef.NEXT_QUARTER_FIRST),
        ("tháng đầu của quý kế tiếp", MonthRef.NEXT_QUARTER_FIRST),
        ("tháng trước", MonthRef.PREVIOUS),
        ("tháng liền kề trước kỳ báo cáo", MonthRef.PREVIOUS),
        ("tháng liền trước", MonthRef.PREVIOUS),
        ("tháng sau", MonthRef.NEXT),
        ("tháng tiếp theo kỳ báo cáo", MonthRef.NEXT),
        ("tháng kế tiếp", MonthRef.NEXT),
        ("tháng liền kề sau kỳ báo cáo", MonthRef.NEXT),
        ("tháng liền kề", MonthRef.NEXT),
    ]:
        assert table[words] is ref, words
        assert parse_tree(f"Trước ngày 14 của {words}") == ByNode(DateNode(14, ref)), words


def test_every_way_the_regime_names_a_year_from_the_reports() -> None:
    table = year_ref_words()
    assert len(table) == 23
    for words, offset, report in [
        ("năm báo cáo", 0, True),
        ("kỳ báo cáo", 0, True),
        ("năm liền kề năm báo cáo", 1, True),
        ("năm liền kề sau kỳ báo cáo", 1, True),
        ("năm sau năm báo cáo", 1, True),
        ("năm tiếp theo kỳ báo cáo", 1, True),
        ("năm kế tiếp năm báo cáo", 1, True),
        ("năm trước kỳ báo cáo", -1, True),
        ("năm liền kề trước năm báo cáo", -1, True),
        ("năm liền trước kỳ báo cáo", -1, True),
        ("năm sau", 1, False),
        ("năm tiếp theo", 1, False),
        ("năm kế tiếp", 1, False),
        ("năm trước", -1, False),
        ("năm liền trước", -1, False),
    ]:
        assert table[words] == YearRef(offset, report), words
        tree = parse_tree(f"Trước ngày 15 tháng 01 của {words}")
        assert tree == ByNode(DateNode(15, 1, YearRef(offset, report))), words


@pytest.mark.parametrize(
    ("every", "name"),
    [
        (Every(week=True), "week"),
        (Every(1), "month"),
        (Every(3), "quarter"),
        (Every(6), "half_year"),
        (Every(12), "year"),
        (Every(2), "months:2"),
        (Every(6, first=1), "year"),
        (Every(9, first=1), "year"),
    ],
)
def test_a_cadence_is_named_as_deadline_every_names_it(every: Every, name: str) -> None:
    assert every.name == name


def test_tokens_fold_the_spellings_that_mean_the_same_word() -> None:
    assert [t.word for t in tokenize("Hàng Quí bẩy mùng T6/2022")] == [
        "hằng",
        "quý",
        "bảy",
        "mồng",
        "t",
        "6",
        "/",
        "2022",
    ]
    (hang,) = tokenize("  Hàng")
    assert (hang.text, hang.start, hang.end) == ("Hàng", 2, 6)


def test_each_period_of_a_recurrence_starts_on_its_first_day() -> None:
    d = parse_deadline("Hằng quý", plan_start=START)
    assert [o.start for o in d.occurrences] == [day(1, 1), day(4, 1), day(7, 1), day(10, 1)]
    d = parse_deadline("Trước ngày 15 của tháng cuối quý", plan_start=START)
    assert [(o.start, o.due) for o in d.occurrences][1] == (day(4, 1), day(6, 15))
    assert (d.every, d.every_day) == ("quarter", 15)
