"""The deadline parser: every phrase form of domain.md, bad dates, NFD input, and its laws."""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tthc_cli.domain.calendar import VIETNAM
from tthc_cli.domain.deadlines import DeadlineKind, parse_deadline
from tthc_cli.domain.problems import ProblemError
from tthc_cli.domain.userdates import parse_user_date
from tthc_cli.present.messages import message

is_working_day, next_working_day = VIETNAM.is_working_day, VIETNAM.next_working_day

START = date(2021, 1, 1)
K = DeadlineKind


@pytest.fixture(autouse=True)
def _english_messages() -> None:
    """The phrase messages are pinned as their English msgids here; test_i18n covers the Vietnamese."""
    from tthc_cli import i18n

    i18n.activate("en")


def p(text: str, **kw: object):  # type: ignore[no-untyped-def]
    return parse_deadline(text, plan_start=START, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("phrase", "kind", "start", "due"),
    [
        ("Trước ngày 31/5/2021", K.BY_DATE, START, date(2021, 5, 31)),
        ("Trước ngày 15 tháng 9 năm 2021.", K.BY_DATE, START, date(2021, 9, 15)),
        ("Chậm nhất ngày 30-06-2021", K.BY_DATE, START, date(2021, 6, 30)),
        ("Đến hết ngày 15.7.2021", K.BY_DATE, START, date(2021, 7, 15)),
        ("trước ngày 05/01/2021", K.BY_DATE, START, date(2021, 1, 5)),
        ("Xong trước tháng 6 năm 2021.", K.BEFORE_MONTH, START, date(2021, 5, 31)),
        ("Xong trước tháng 3 năm 2021", K.BEFORE_MONTH, START, date(2021, 2, 28)),
        ("Tháng 6/2021", K.MONTH, date(2021, 6, 1), date(2021, 6, 30)),
        ("Trong tháng 6 năm 2021", K.MONTH, date(2021, 6, 1), date(2021, 6, 30)),
        ("Tháng 2 năm 2024", K.MONTH, date(2024, 2, 1), date(2024, 2, 29)),
        ("Từ tháng 4 đến tháng 11 năm 2021.", K.WINDOW, date(2021, 4, 1), date(2021, 11, 30)),
        ("Từ ngày 1/4/2021 đến ngày 30/11/2021", K.WINDOW, date(2021, 4, 1), date(2021, 11, 30)),
        ("Quý III năm 2021.", K.QUARTER, date(2021, 7, 1), date(2021, 9, 30)),
        ("Quý 3 năm 2021", K.QUARTER, date(2021, 7, 1), date(2021, 9, 30)),
        ("Q3/2021", K.QUARTER, date(2021, 7, 1), date(2021, 9, 30)),
        ("quý I năm 2021", K.QUARTER, date(2021, 1, 1), date(2021, 3, 31)),
        ("Quý IV/2021", K.QUARTER, date(2021, 10, 1), date(2021, 12, 31)),
        ("6 tháng đầu năm 2021", K.HALF_YEAR, date(2021, 1, 1), date(2021, 6, 30)),
        ("6 tháng cuối năm 2021", K.HALF_YEAR, date(2021, 7, 1), date(2021, 12, 31)),
        ("Năm 2021", K.YEAR, date(2021, 1, 1), date(2021, 12, 31)),
        ("Cuối năm 2021", K.YEAR, date(2021, 1, 1), date(2021, 12, 31)),
        ("Thường xuyên năm 2021.", K.ONGOING, START, None),
        ("Thường xuyên trong năm 2021.", K.ONGOING, START, None),
        ("Hằng quý", K.RECURRING, START, None),
        ("hàng quý", K.RECURRING, START, None),
        ("Định kỳ hằng tháng", K.RECURRING, START, None),
        ("trước ngày 15 hằng tháng", K.RECURRING, START, None),
    ],
)
def test_phrase_forms(phrase: str, kind: DeadlineKind, start: date, due: date | None) -> None:
    d = p(phrase)
    assert (d.kind, d.start, d.due) == (kind, start, due)
    assert d.text == phrase.strip()


def test_ongoing_window_closes_at_year_end() -> None:
    d = p("Thường xuyên năm 2021.")
    assert d.due is None and d.effective_due is None
    assert d.window_end == date(2021, 12, 31)


def test_recurring_keeps_its_period_and_day() -> None:
    d = p("trước ngày 15 hàng tháng")
    assert (d.every, d.every_day) == ("month", 15)
    assert p("Hằng quý").every == "quarter"


def test_case_spaces_and_nfd_do_not_matter() -> None:
    expected = p("Trước ngày 31/5/2021").due
    assert p("  TRƯỚC   NGÀY 31/5/2021 ").due == expected
    nfd = unicodedata.normalize("NFD", "Trước ngày 31/5/2021")
    assert nfd != "Trước ngày 31/5/2021"
    d = p(nfd)
    assert d.due == expected
    assert d.text == "Trước ngày 31/5/2021"  # kept verbatim, in NFC


def test_tentative_from_flag_and_from_phrase() -> None:
    assert p("Quý III năm 2021.", tentative=True).tentative
    assert p("Thời gian dự kiến: Quý III năm 2021").tentative
    assert not p("Quý III năm 2021").tentative


@pytest.mark.parametrize(
    ("phrase", "code", "words"),
    [
        ("Trước ngày 31/6/2021", "invalid-date", "30 days"),
        ("Trước ngày 29/2/2021", "invalid-date", "28 days"),
        ("Trước ngày 30 tháng 2 năm 2024", "invalid-date", "29 days"),
        ("Tháng 13 năm 2021", "invalid-date", "month 13"),
        ("Từ tháng 11 năm 2021 đến tháng 4 năm 2021", "invalid-date", "ends before it starts"),
        ("Sớm nhất có thể", "deadline-unrecognised", "cannot read"),
        ("Quý V năm 2021", "deadline-unrecognised", "cannot read"),
    ],
)
def test_bad_phrases(phrase: str, code: str, words: str) -> None:
    with pytest.raises(ProblemError) as info:
        p(phrase)
    assert info.value.problem.code == code
    assert words in message(info.value.problem)


def test_missing_year_means_the_plans_year() -> None:
    # A phrase without a year means the plan's year; a plan spanning several years has none.
    assert p("Tháng 6").due == date(2021, 6, 30)
    assert p("Tháng 6", default_year=2022).due == date(2022, 6, 30)
    with pytest.raises(ProblemError) as info:
        parse_deadline("Tháng 6", plan_start=START, plan_end=date(2025, 12, 31))
    assert "gives no year" in message(info.value.problem)


def test_empty_phrase_is_unspecified() -> None:
    assert p("").kind is K.UNSPECIFIED
    assert parse_deadline(None, plan_start=START).due is None


# --- working days (Art. 148(5)) -------------------------------------------------------------------


def test_saturday_due_moves_to_monday() -> None:
    d = p("Trước ngày 31/7/2021")  # a Saturday (Phụ lục I rows 13-16)
    assert d.due == date(2021, 7, 31)
    assert d.effective_due == date(2021, 8, 2)


def test_holidays_from_the_lunar_calendar() -> None:
    assert not is_working_day(date(2021, 2, 12))  # Tết Nguyên đán 2021
    assert not is_working_day(date(2021, 4, 21))  # Giỗ Tổ Hùng Vương (10/3 âm lịch)
    assert not is_working_day(date(2021, 9, 2))
    assert next_working_day(date(2021, 4, 30)) == date(2021, 5, 4)  # 30/4, 1/5 + observed 3/5
    assert next_working_day(date(2021, 6, 30)) == date(2021, 6, 30)


def test_the_calendar_passed_decides_the_effective_due_date() -> None:
    """Working days are an argument: a calendar whose holidays are the office's own moves the due
    date by its days off, and asks for each year's table once."""
    from tthc_cli.domain.calendar import WorkingDays

    asked: list[int] = []

    def tables(year: int) -> frozenset[date]:
        asked.append(year)
        return frozenset({date(year, 6, 30), date(year, 7, 1)})

    office = WorkingDays(tables)
    d = parse_deadline("Trước ngày 30/6/2021", plan_start=START, calendar=office)
    assert d.due == date(2021, 6, 30) and d.effective_due == date(2021, 7, 2)
    monthly = parse_deadline("Trước ngày 30 hằng tháng", plan_start=START, calendar=office)
    june = next(o for o in monthly.occurrences if o.due == date(2021, 6, 30))
    assert june.effective_due == date(2021, 7, 2)
    assert asked == [2021]  # once per year and calendar
    # The default calendar is Vietnam's: 30/6/2021 is a Wednesday and no holiday.
    assert parse_deadline("Trước ngày 30/6/2021", plan_start=START).effective_due == date(2021, 6, 30)


@settings(deadline=None)  # the first example builds a year's holiday table
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 1)))
def test_next_working_day_is_the_first_working_day_on_or_after(day: date) -> None:
    nxt = next_working_day(day)
    assert nxt >= day and is_working_day(nxt)
    assert all(not is_working_day(day + timedelta(n)) for n in range((nxt - day).days))


@settings(deadline=None)  # the first example builds a year's holiday table
@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
    st.sampled_from(
        [
            "Trước ngày {d}/{m}/{y}",
            "Chậm nhất ngày {d:02d}-{m:02d}-{y}",
            "trước ngày {d} tháng {m} năm {y}",
            "Đến hết ngày {d}.{m}.{y}",
        ]
    ),
)
def test_any_real_date_in_any_form_round_trips(day: date, form: str) -> None:
    d = parse_deadline(form.format(d=day.day, m=day.month, y=day.year), plan_start=START)
    assert d.kind is K.BY_DATE and d.due == day
    assert d.start is not None and d.start <= d.due


@settings(deadline=None)  # the first example builds a year's holiday table
@given(st.integers(2000, 2099), st.integers(1, 12))
def test_month_covers_the_whole_month(year: int, month: int) -> None:
    d = p(f"Tháng {month} năm {year}")
    assert d.start == date(year, month, 1)
    assert d.due is not None and (d.due + timedelta(1)).day == 1 and d.due.month == month


@settings(deadline=None)  # the first example builds a year's holiday table
@given(st.text(max_size=60))
def test_never_crashes_on_any_text(text: str) -> None:
    try:
        d = p(text)
    except ProblemError as exc:
        assert message(exc.problem)
    else:
        assert d.start is None or d.due is None or d.start <= d.due


# --- dates typed on the command line --------------------------------------------------------------

TODAY = date(2021, 6, 2)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021-06-30", date(2021, 6, 30)),
        ("30/6/2021", date(2021, 6, 30)),
        ("today", TODAY),
        ("eow", date(2021, 6, 6)),
        ("eom", date(2021, 6, 30)),
        ("eoq", date(2021, 6, 30)),
        ("eoy", date(2021, 12, 31)),
        ("+14d", date(2021, 6, 16)),
        ("+2w", date(2021, 6, 16)),
        ("-1d", date(2021, 6, 1)),
    ],
)
def test_user_dates(text: str, expected: date) -> None:
    assert parse_user_date(text, TODAY) == expected


@pytest.mark.parametrize("text", ["2021-02-30", "31/6/2021", "tomorrow", "", "+d"])
def test_bad_user_dates(text: str) -> None:
    with pytest.raises(ProblemError) as info:
        parse_user_date(text, TODAY)
    assert info.value.problem.code == "user-date"


# --- laws of the reading in a plan period ------------------------------------------------------------

RECURRING_FORMS = [
    "Hằng tháng",
    "Hằng quý",
    "Hằng năm",
    "Hằng tuần",
    "Định kỳ 6 tháng, hằng năm",
    "Trước ngày 20 hằng tháng",
    "Trước ngày 31 hằng tháng",
    "Trước ngày 15 của tháng cuối quý",
    "Trước ngày 20/11 hằng năm",
    "Định kỳ hằng quý, 6 tháng, hằng năm",
]
PHRASES = st.one_of(
    st.sampled_from(RECURRING_FORMS),
    st.builds("Trước ngày {}/{}".format, st.integers(1, 28), st.integers(1, 12)),
    st.builds("Tháng {}, {}".format, st.integers(1, 6), st.integers(7, 12)),
    st.builds("Quý {}".format, st.sampled_from(["I", "II", "III", "IV", "II, III", "I - IV"])),
    st.builds("{} tháng đầu năm".format, st.sampled_from([3, 6, 9])),
    st.sampled_from(["Năm kế hoạch", "Thường xuyên", "Từ tháng 3", "Theo quy định", "Cuối quý II"]),
)
PERIOD_START = st.dates(min_value=date(2021, 11, 1), max_value=date(2022, 3, 1))


@settings(deadline=None)  # the first example builds a year's holiday table
@given(PHRASES, PERIOD_START, st.integers(0, 800), st.integers(0, 800))
def test_a_later_bound_never_yields_fewer_occurrences(phrase: str, start: date, a: int, b: int) -> None:
    early, late = sorted((a, b))
    first = parse_deadline(phrase, plan_start=start, plan_end=start + timedelta(early), default_year=2022)
    second = parse_deadline(phrase, plan_start=start, plan_end=start + timedelta(late), default_year=2022)
    assert len(first.occurrences) <= len(second.occurrences)
    assert set(map(repr, first.occurrences)) <= set(map(repr, second.occurrences))


@settings(deadline=None)  # the first example builds a year's holiday table
@given(PHRASES, PERIOD_START, st.integers(0, 1200), st.sampled_from([None, 2021, 2022, 2023]))
def test_every_occurrence_lies_in_the_plan_period(
    phrase: str, start: date, days: int, year: int | None
) -> None:
    end = start + timedelta(days)
    d = parse_deadline(phrase, plan_start=start, plan_end=end, default_year=year or start.year)
    for o in d.occurrences:
        assert start <= o.start <= o.due <= end
        assert o.effective_due >= o.due and is_working_day(o.effective_due)
    assert list(d.occurrences) == sorted(d.occurrences, key=lambda o: (o.due, o.start))
    assert d.start is None or d.due is None or d.start <= d.due


def _corpus_phrases() -> list[str]:
    from .test_deadline_corpus import ENTRIES

    return sorted({fields[0] for _n, fields in ENTRIES})


def _reading(text: str) -> object:
    try:
        d = parse_deadline(text, plan_start=date(2022, 1, 1))
    except ProblemError as exc:
        return exc.problem.code
    return [repr(getattr(d, name)) for name in d.__slots__ if name not in ("text", "warnings")]


@settings(deadline=None)  # the first example builds a year's holiday table
@given(
    st.sampled_from(_corpus_phrases()),
    st.sampled_from(["NFD", "NFC"]),
    st.sampled_from([str.upper, str.lower, str.title, str.swapcase]),
    st.sampled_from([" ", "  ", " \u00a0", "\t"]),
)
def test_nfc_nfd_case_and_spacing_read_the_same(phrase: str, form: str, case, space: str) -> None:  # type: ignore[no-untyped-def]
    changed = unicodedata.normalize(form, case(phrase)).replace(" ", space)  # type: ignore[arg-type]
    assert _reading(changed) == _reading(phrase)


_WORDS = """trước ngày tháng năm quý hằng hàng mỗi định kỳ từ đến hết nay chậm nhất là hoàn thành kết thúc
xong trong cuối đầu nửa giai đoạn thường xuyên liên tục của cùng kế hoạch theo quy khi có yêu cầu lộ trình
sau kể làm việc dự kiến thời gian một lần tuần và hoặc bắt t q i ii iii iv v báo cáo kỳ thuộc liền kề
tiếp chốt số liệu tính gửi cả các những trở đi ngay mười lăm mươi mốt sáu mồng văn bản ban hành"""
_NUMBERS_AND_MARKS = "0 1 2 5 6 9 12 13 15 20 29 31 32 99 2021 2022 2025 1899 2200 / - . , ; ( ) : –"
VOCABULARY = [*_WORDS.split(), *_NUMBERS_AND_MARKS.split()]


@settings(deadline=None, max_examples=400)
@given(
    st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=10),
    st.sampled_from([" ", ""]),
    PERIOD_START,
    st.integers(0, 800),
)
def test_any_string_of_the_grammar_words_is_read_or_refused_cleanly(
    words: list[str], joiner: str, start: date, days: int
) -> None:
    end = start + timedelta(days)
    try:
        d = parse_deadline(joiner.join(words), plan_start=start, plan_end=end)
    except ProblemError as exc:
        assert exc.problem.code in ("invalid-date", "deadline-unrecognised") and message(exc.problem)
        return
    assert d.start is None or d.due is None or d.start <= d.due
    for o in d.occurrences:
        assert start <= o.start <= o.due <= end
