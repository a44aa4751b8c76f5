"""Phrases of the reporting regime read for one reporting period — what the reporting cycle asks
("this phrase, for 2021-Q2 with its window 15/03–14/06/2021: its dates") — and the same phrases in a
plan without a period: read once per period of the cadence their words imply, or refused."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from tthc_cli import i18n
from tthc_cli.domain.calendar import WorkingDays
from tthc_cli.domain.deadlines import (
    DeadlineKind,
    PeriodContext,
    parse_deadline,
    period_context,
    read_for_period,
)
from tthc_cli.domain.problems import ProblemError
from tthc_cli.domain.report_periods import report_period
from tthc_cli.present.messages import message

Q2 = period_context("2021-Q2", date(2021, 3, 15), date(2021, 6, 14))


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    i18n.activate("en")
    yield
    i18n.activate(i18n.DEFAULT_LANGUAGE)


@pytest.mark.parametrize(
    ("label", "start", "end"),
    [
        ("2021-M05", date(2021, 5, 1), date(2021, 5, 31)),
        ("2021-M12", date(2021, 12, 1), date(2021, 12, 31)),
        ("2021-Q2", date(2021, 4, 1), date(2021, 6, 30)),
        ("2021-Q4", date(2021, 10, 1), date(2021, 12, 31)),
        ("2021-H1", date(2021, 1, 1), date(2021, 6, 30)),
        ("2021-H2", date(2021, 7, 1), date(2021, 12, 31)),
        ("2021", date(2021, 1, 1), date(2021, 12, 31)),
        ("2021-9M", date(2021, 1, 1), date(2021, 9, 30)),
        ("2021-01-01/2021-09-30", date(2021, 1, 1), date(2021, 9, 30)),
        ("2020-12-01/2021-02-28", date(2020, 12, 1), date(2021, 2, 28)),
    ],
)
def test_a_period_is_named_as_its_occurrences_are(label: str, start: date, end: date) -> None:
    period = period_context(label)
    assert (period.label, period.start, period.end) == (label, start, end)
    assert (period.window_start, period.window_end, period.cutoff) == (start, end, end)
    assert (period.year, period.month) == (end.year, end.month)


def test_a_period_keeps_the_data_window_it_is_given() -> None:
    assert (Q2.start, Q2.end, Q2.window_start, Q2.cutoff, Q2.months) == (
        date(2021, 4, 1),
        date(2021, 6, 30),
        date(2021, 3, 15),
        date(2021, 6, 14),
        3,
    )


@pytest.mark.parametrize(
    "label",
    [
        "2021-M13",
        "2021-M00",
        "2021-Q5",
        "2021-H3",
        "21-Q2",
        "2021-q2",
        "Q2",
        "",
        "2021-01-02/2021-09-30",
        "2021-01-01/2021-09-29",
        "2021-09-30/2021-01-01",
    ],
)
def test_a_label_that_names_no_period_is_refused(label: str) -> None:
    with pytest.raises(ValueError, match="^" + label.replace("/", ".") + "$"):
        period_context(label)


@pytest.mark.parametrize(
    ("phrase", "kind", "start", "due"),
    [
        # The report month of a quarter is its last month; a day it lacks is its last day.
        ("Chậm nhất ngày 15 (mười lăm) của tháng báo cáo", "by_date", date(2021, 3, 15), date(2021, 6, 15)),
        ("Trước ngày 31 của tháng báo cáo", "by_date", date(2021, 3, 15), date(2021, 6, 30)),
        ("Trước ngày 18 của tháng cuối quý", "by_date", date(2021, 3, 15), date(2021, 6, 18)),
        # The month before the period and the next quarter's first month.
        (
            "Tính từ ngày 15 tháng trước đến ngày 14 của tháng thuộc kỳ báo cáo",
            "window",
            date(2021, 3, 15),
            date(2021, 6, 14),
        ),
        ("Trước ngày 05 của tháng đầu quý sau", "by_date", date(2021, 3, 15), date(2021, 7, 5)),
        ("Hằng tháng, trước ngày 05 của tháng sau", "by_date", date(2021, 3, 15), date(2021, 7, 5)),
        # A year counted from the report's; a date without a year is in the report's year.
        ("Trước ngày 15 tháng 01 năm liền kề năm báo cáo", "by_date", date(2021, 3, 15), date(2022, 1, 15)),
        ("Trước ngày 20/8", "by_date", date(2021, 3, 15), date(2021, 8, 20)),
        # Three working days after the cut-off (14/06/2021, a Monday).
        (
            "Trong vòng 03 ngày làm việc kể từ ngày chốt số liệu",
            "by_date",
            date(2021, 3, 15),
            date(2021, 6, 17),
        ),
        ("Sau 03 ngày kể từ ngày chốt số liệu", "by_date", date(2021, 3, 15), date(2021, 6, 17)),
        (
            "Chậm nhất 05 ngày làm việc sau ngày kết thúc kỳ báo cáo",
            "by_date",
            date(2021, 3, 15),
            date(2021, 7, 7),
        ),
        # A recurrence gives this period's delivery.
        ("Hằng quý", "by_date", date(2021, 3, 15), date(2021, 6, 30)),
        ("Hằng quý, trước ngày 10 của quý", "by_date", date(2021, 3, 15), date(2021, 6, 10)),
        # The quarter's clause of a sentence about several reports.
        (
            "Báo cáo quý gửi trước ngày 18 của tháng cuối quý; báo cáo năm gửi trước ngày 18/12",
            "by_date",
            date(2021, 3, 15),
            date(2021, 6, 18),
        ),
        (
            "Báo cáo quý: số liệu tính từ ngày 15 của tháng trước kỳ báo cáo đến ngày 14 của tháng cuối quý",
            "window",
            date(2021, 3, 15),
            date(2021, 6, 14),
        ),
    ],
)
def test_a_phrase_of_the_regime_is_dated_in_the_period_it_is_read_for(
    phrase: str, kind: str, start: date, due: date
) -> None:
    d = read_for_period(phrase, Q2)
    assert (d.kind.value, d.start, d.due) == (kind, start, due)
    assert [(o.period, o.due) for o in d.occurrences] == [("2021-Q2", due)]
    assert d.warnings == ()


def test_working_days_after_the_cutoff_step_over_the_holidays() -> None:
    # Cut-off Thursday 29/04/2021: 30/4, 1/5 (Saturday), 2/5, 3/5 (observed) are days off.
    april = PeriodContext(
        label="2021-M04",
        start=date(2021, 4, 1),
        end=date(2021, 4, 30),
        window_start=date(2021, 3, 30),
        window_end=date(2021, 4, 29),
    )
    d = read_for_period("Trong 03 ngày làm việc kể từ ngày chốt số liệu", april)
    assert d.due == date(2021, 5, 6) and d.after_days == 3
    assert read_for_period("Sau 03 ngày kể từ ngày chốt số liệu", april).due == date(2021, 5, 2)


@pytest.mark.parametrize(
    ("label", "phrase", "due"),
    [
        ("2021-M01", "Tính từ ngày 15 tháng trước đến ngày 14 của tháng thuộc kỳ báo cáo", date(2021, 1, 14)),
        ("2021-M12", "Trước ngày 05 của tháng sau", date(2022, 1, 5)),
        ("2021-Q4", "Trước ngày 05 của tháng đầu quý sau", date(2022, 1, 5)),
        ("2021-M05", "Trước ngày 18 của tháng cuối quý", date(2021, 6, 18)),
        ("2021-M05", "Trước ngày 20 của tháng báo cáo", date(2021, 5, 20)),
        ("2021-H1", "Trước ngày 10/07 của năm báo cáo", date(2021, 7, 10)),
        ("2021", "Trước ngày 10 tháng 12 năm trước kỳ báo cáo", date(2020, 12, 10)),
        ("2021-M01", "Trước ngày 18 của tháng cuối quý", date(2021, 3, 18)),
        ("2021-M04", "Trước ngày 18 của tháng cuối quý", date(2021, 6, 18)),
        ("2021-M02", "Trước ngày 15 của tháng trước", date(2021, 1, 15)),
        ("2021-M10", "Trước ngày 05 của tháng đầu quý sau", date(2022, 1, 5)),
        ("2021-M07", "Trước ngày 05 của tháng đầu quý sau", date(2021, 10, 5)),
    ],
)
def test_months_and_years_counted_from_the_period_cross_the_year(label: str, phrase: str, due: date) -> None:
    assert read_for_period(phrase, period_context(label)).due == due


def test_the_window_of_a_january_report_opens_in_the_december_before() -> None:
    d = read_for_period(
        "Tính từ ngày 15 tháng trước đến ngày 14 của tháng thuộc kỳ báo cáo", period_context("2021-M01")
    )
    assert (d.start, d.due, d.warnings) == (date(2020, 12, 15), date(2021, 1, 14), ())


@pytest.mark.parametrize(
    ("label", "dues"),
    [
        ("2021-H1", [date(2021, 6, 15)]),
        ("2021-Q3", [date(2021, 12, 15)]),  # none inside: the first after it
        ("2021-Q4", [date(2021, 12, 15)]),
        ("2021", [date(2021, 6, 15), date(2021, 12, 15)]),
    ],
)
def test_a_recurrence_read_for_a_period_keeps_the_days_that_belong_to_it(
    label: str, dues: list[date]
) -> None:
    d = read_for_period("Trước ngày 15/6 và 15/12 hằng năm", period_context(label))
    assert [o.due for o in d.occurrences] == dues
    assert (d.kind is DeadlineKind.RECURRING) is (len(dues) > 1)


def test_a_sentence_about_other_reports_names_none_for_the_period() -> None:
    with pytest.raises(ProblemError) as caught:
        read_for_period("Báo cáo 6 tháng đầu năm gửi trước ngày 10/07 và báo cáo năm trước ngày 15/12", Q2)
    found = caught.value.problem
    assert (found.code, found.variant, found.args["period"]) == (
        "deadline-unrecognised",
        "no-clause-for-period",
        "2021-Q2",
    )
    assert message(found).endswith("names no report for the period 2021-Q2")


@pytest.mark.parametrize(
    ("label", "due"),
    [("2021-H1", date(2021, 7, 10)), ("2021", date(2021, 12, 15))],
)
def test_a_sentence_about_several_reports_gives_each_period_its_own(label: str, due: date) -> None:
    d = read_for_period(
        "Báo cáo 6 tháng đầu năm gửi trước ngày 10/07 của năm báo cáo và báo cáo năm trước ngày 15/12",
        period_context(label),
    )
    assert [(o.period, o.due) for o in d.occurrences] == [(label, due)]


def test_phrases_that_need_no_period_read_as_they_do_in_a_plan() -> None:
    assert read_for_period("Theo quy định", Q2).kind is DeadlineKind.AS_REGULATED
    assert read_for_period("Khi có văn bản mới ban hành", Q2).kind is DeadlineKind.ON_EVENT
    ongoing = read_for_period("Thường xuyên", Q2)
    assert (ongoing.kind, ongoing.start, ongoing.window_end) == (
        DeadlineKind.ONGOING,
        date(2021, 3, 15),
        date(2021, 6, 30),
    )
    assert read_for_period("Từ tháng 3/2021", Q2).window_end == date(2021, 6, 30)


# --- the same phrases in a plan with no reporting period -------------------------------------------

PLAN = {"plan_start": date(2022, 1, 1), "plan_end": date(2022, 12, 31)}


@pytest.mark.parametrize(
    "phrase",
    [
        "Chậm nhất ngày 15 của tháng báo cáo",
        "Trước ngày 05 tháng sau",
        "Tính từ ngày 15 tháng trước đến ngày 14 của tháng thuộc kỳ báo cáo",
        "Từ ngày 15 của tháng cuối quý",
        "Trước ngày 5 của tháng cuối quý và ngày 20 của tháng cuối quý",
    ],
)
def test_words_that_imply_no_cadence_are_refused_in_a_plan(phrase: str) -> None:
    with pytest.raises(ProblemError) as caught:
        parse_deadline(phrase, **PLAN)  # type: ignore[arg-type]
    found = caught.value.problem
    assert (found.code, found.variant) == ("deadline-unrecognised", "needs-period")
    assert "does not say how often it recurs; add it, e.g. 'Hằng tháng, …' or 'Hằng quý, …'" in message(found)


def test_a_cadence_said_makes_the_same_words_readable_in_a_plan() -> None:
    d = parse_deadline("Hằng tháng, chậm nhất ngày 15 của tháng báo cáo", **PLAN)  # type: ignore[arg-type]
    assert (d.kind, d.every, d.every_day, len(d.occurrences)) == (DeadlineKind.RECURRING, "month", 15, 12)
    assert d.occurrences[0].due == date(2022, 1, 15)


def test_a_report_due_the_next_january_falls_due_in_the_plan_for_the_year_before() -> None:
    d = parse_deadline("Chậm nhất ngày 15 tháng 01 năm liền kề năm báo cáo", **PLAN)  # type: ignore[arg-type]
    assert [(o.period, o.start, o.due) for o in d.occurrences] == [
        ("2021", date(2022, 1, 1), date(2022, 1, 15))
    ]


def test_next_year_in_a_plain_phrase_is_the_plans_next_year() -> None:
    d = parse_deadline("Trước ngày 15/01 năm sau", **PLAN)  # type: ignore[arg-type]
    assert (d.kind, d.due) == (DeadlineKind.BY_DATE, date(2023, 1, 15))
    assert [w.code for w in d.warnings] == ["deadline-outside-year"]


def test_a_period_reading_is_bounded_by_the_years_around_the_report() -> None:
    """The plan a phrase is read in for a period runs from the year before the period's first day
    (or its window's) to the end of the year after it: dates beyond are warned about."""

    def warned(phrase: str) -> bool:
        return bool(read_for_period(phrase, Q2).warnings)

    assert not warned("Trước ngày 01/01/2020") and warned("Trước ngày 31/12/2019")
    assert not warned("Trước ngày 31/12/2022") and warned("Trước ngày 01/01/2023")
    december = period_context("2021-Q1", date(2020, 12, 15), date(2021, 3, 14))
    assert not read_for_period("Trước ngày 01/01/2019", december).warnings


def test_a_period_reading_keeps_the_tentative_mark_and_the_calendar_given() -> None:
    assert read_for_period("Trước ngày 20 của tháng báo cáo", Q2, tentative=True).tentative
    assert read_for_period("Trước ngày 20 của tháng báo cáo (dự kiến)", Q2).tentative
    assert not read_for_period("Trước ngày 20 của tháng báo cáo", Q2).tentative
    office = WorkingDays(lambda year: frozenset({date(year, 6, 21)}))
    d = read_for_period("Trước ngày 20 của tháng báo cáo", Q2, calendar=office)  # Sunday 20/06/2021
    assert (d.due, d.effective_due) == (date(2021, 6, 20), date(2021, 6, 22))


@pytest.mark.parametrize(
    ("phrase", "label", "dues"),
    [
        (
            "Trước ngày 01/01 và 30/06 hằng năm",
            "2021-H1",
            [date(2021, 1, 1), date(2021, 6, 30)],
        ),  # both ends in
        ("Trước ngày 15/3, 15/11 và 15/12 hằng năm", "2021-Q3", [date(2021, 11, 15)]),  # the first after
        ("Trước ngày 15/1, 15/2 và 15/3 hằng năm", "2021-Q3", [date(2021, 3, 15)]),  # all before: the last
    ],
)
def test_the_days_of_a_recurrence_that_belong_to_a_period(phrase: str, label: str, dues: list[date]) -> None:
    assert [o.due for o in read_for_period(phrase, period_context(label)).occurrences] == dues


def test_several_deliveries_in_one_period_keep_its_name_and_span_it() -> None:
    d = read_for_period("Trước ngày 15/6, 15/9 và 15/12 hằng năm", period_context("2021"))
    assert [o.period for o in d.occurrences] == ["2021", "2021", "2021"]
    assert (d.kind, d.start, d.due, d.window_end, d.every) == (
        DeadlineKind.RECURRING,
        date(2021, 1, 1),
        None,
        date(2021, 12, 15),
        "year",
    )


def test_a_report_whose_data_window_is_stated_starts_each_period_with_it() -> None:
    d = parse_deadline(
        "Báo cáo quý: số liệu tính từ ngày 15 của tháng trước kỳ báo cáo đến ngày 14 của tháng cuối quý",
        **PLAN,  # type: ignore[arg-type]
    )
    assert [(o.start, o.due) for o in d.occurrences][:2] == [
        (date(2022, 1, 1), date(2022, 3, 14)),  # the first window opened in 2021: the plan's first day
        (date(2022, 3, 15), date(2022, 6, 14)),
    ]
    sent = parse_deadline("Báo cáo quý gửi trước ngày 18 của tháng cuối quý", **PLAN)  # type: ignore[arg-type]
    assert (sent.every, sent.every_day, sent.occurrences[1].start) == ("quarter", 18, date(2022, 4, 1))


@pytest.mark.parametrize("code", ["2021-M09", "2021-Q2", "2021-H1", "2021-9M", "2021"])
def test_a_report_periods_code_names_the_same_period(code: str) -> None:
    reported = report_period(code)
    period = period_context(reported.code, reported.start, reported.end)
    assert (period.label, period.start, period.end, period.window_start, period.cutoff) == (
        code,
        reported.start,
        reported.end,
        reported.start,
        reported.end,
    )
