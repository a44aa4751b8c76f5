"""`tthc deadline`: how a phrase is read, for the person drafting a plan — JSON, text, exit codes."""

from __future__ import annotations

import json
import unicodedata

import pytest


def test_json_reading_of_each_phrase(run) -> None:  # type: ignore[no-untyped-def]
    r = run("deadline", "Trước ngày 31/7/2021", "Quý II, III/2021", "--year", "2021", "--format", "json")
    assert r.code == 0 and r.stderr == ""
    by_date, quarters = json.loads(r.stdout)
    assert by_date == {
        "text": "Trước ngày 31/7/2021",
        "kind": "by_date",
        "start": "2021-01-01",
        "due": "2021-07-31",
        "effective_due": "2021-08-02",  # a Saturday: Art. 148(5)
        "tentative": False,
        "occurrences": [
            {
                "period": "2021-01-01/2021-07-31",
                "start": "2021-01-01",
                "due": "2021-07-31",
                "effective_due": "2021-08-02",
            }
        ],
        "warnings": [],
        "start_by": None,
        "after_days": None,
    }
    assert [o["period"] for o in quarters["occurrences"]] == ["2021-Q2", "2021-Q3"]
    assert (quarters["kind"], quarters["start"], quarters["due"]) == ("window", "2021-04-01", "2021-09-30")


def test_recurrence_lists_its_occurrences_in_the_period(run) -> None:  # type: ignore[no-untyped-def]
    r = run(
        "deadline", "trước ngày 20 hằng tháng", "--start", "1/12/2021", "--end", "31/12/2022", "-f", "json"
    )
    (reading,) = json.loads(r.stdout)
    assert r.code == 0 and reading["kind"] == "recurring" and reading["due"] is None
    periods = [o["period"] for o in reading["occurrences"]]
    assert periods[0] == "2021-M12" and periods[-1] == "2022-M12" and len(periods) == 13
    feb = reading["occurrences"][2]
    assert (feb["due"], feb["effective_due"]) == ("2022-02-20", "2022-02-21")  # a Sunday


def test_warnings_are_understood_and_exit_0(run) -> None:  # type: ignore[no-untyped-def]
    r = run("deadline", "Thường xuyên năm 2021", "--year", "2022", "-f", "json")
    (reading,) = json.loads(r.stdout)
    assert r.code == 0
    assert [w["code"] for w in reading["warnings"]] == ["deadline-outside-year"]
    assert "2022" in reading["warnings"][0]["message"]


def test_an_unreadable_phrase_exits_1_with_suggestions(run) -> None:  # type: ignore[no-untyped-def]
    r = run("deadline", "Tháng 6/2021", "Sớm nhất có thể", "--year", "2021", "-f", "json")
    good, bad = json.loads(r.stdout)
    assert r.code == 1
    assert good["kind"] == "month" and "error" not in good
    assert bad["kind"] is None and bad["error"]["code"] == "deadline-unrecognised"
    assert bad["error"]["suggestions"] and bad["error"]["suggestions"][0] in bad["error"]["message"]


def test_text_shows_dates_day_first_in_vietnamese_by_default(run) -> None:  # type: ignore[no-untyped-def]
    r = run("deadline", "Cuối quý II/2022 (dự kiến)", "Hằng quý", "--year", "2022")
    assert r.code == 0
    assert "Thời gian kế hoạch: 01/01/2022 – 31/12/2022" in r.stdout
    assert "loại: quarter — trong một quý (dự kiến)" in r.stdout and "hạn: 30/06/2022" in r.stdout
    assert "2022-Q4" in r.stdout and "01/10/2022 – 31/12/2022" in r.stdout
    assert "2022-06-30" not in r.stdout


def test_text_in_english_on_request(run) -> None:  # type: ignore[no-untyped-def]
    r = run("--lang", "en", "deadline", "Khi có yêu cầu", "--year", "2022")
    assert r.code == 0 and "kind: on_request — when requested" in r.stdout and "due: none" in r.stdout


def test_nfd_and_case_read_the_same(run) -> None:  # type: ignore[no-untyped-def]
    plain = json.loads(
        run("deadline", "Trước ngày 15 của tháng cuối quý", "--year", "2022", "-f", "json").stdout
    )
    nfd = unicodedata.normalize("NFD", "TRƯỚC NGÀY 15 CỦA THÁNG CUỐI QUÝ")
    other = json.loads(run("deadline", nfd, "--year", "2022", "-f", "json").stdout)
    assert other[0]["text"] == "TRƯỚC NGÀY 15 CỦA THÁNG CUỐI QUÝ"  # shown as typed, in NFC
    assert {k: v for k, v in other[0].items() if k != "text"} == {
        k: v for k, v in plain[0].items() if k != "text"
    }


def test_default_period_is_the_year_of_today(run) -> None:  # type: ignore[no-untyped-def]
    r = run("deadline", "Tháng 6", "--today", "2023-03-01", "-f", "json")
    assert json.loads(r.stdout)[0]["due"] == "2023-06-30"
    only_start = run("deadline", "Tháng 6", "--start", "2024-01-01", "-f", "json")
    assert json.loads(only_start.stdout)[0]["due"] == "2024-06-30"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--year", "2022", "--start", "1/1/2022"], "không dùng cả hai"),
        (["--start", "31/6/2022"], "--start"),
        (["--start", "1/7/2022", "--end", "1/1/2022"], "sau --end"),
    ],
)
def test_usage_errors_exit_2(run, args: list[str], words: str) -> None:  # type: ignore[no-untyped-def]
    r = run("deadline", "Tháng 6", *args)
    assert r.code == 2 and words in r.stderr and r.stdout == ""


def test_no_phrase_is_a_usage_error(run) -> None:  # type: ignore[no-untyped-def]
    assert run("deadline", "--year", "2022").code == 2
    assert run("deadline").code == 2


def test_an_event_triggered_deadline_is_a_kind_of_its_own(run) -> None:  # type: ignore[no-untyped-def]
    r = run("deadline", "Khi có văn bản quy phạm pháp luật mới ban hành", "--year", "2022")
    assert r.code == 0
    assert "loại: on_event — khi có sự kiện" in r.stdout and "hạn: khi sự kiện được nêu xảy ra" in r.stdout
    (reading,) = json.loads(run("deadline", "Ngay sau khi có Quyết định công bố", "-f", "json").stdout)
    assert (reading["kind"], reading["due"], reading["occurrences"]) == ("on_event", None, [])


def test_a_huge_phrase_is_refused_with_a_short_quote(run) -> None:  # type: ignore[no-untyped-def]
    r = run("--lang", "en", "deadline", "Trước ngày 31/5/2021 " * 5000, "--year", "2021")
    assert r.code == 1
    (line,) = [line for line in r.stdout.splitlines() if "error[" in line]
    assert "is 104999 characters long, more than any deadline phrase (500 at most)" in line
    assert len(r.stdout) < 400


def test_a_vietnamese_refusal_of_a_day_that_does_not_exist(run) -> None:  # type: ignore[no-untyped-def]
    r = run("deadline", "Trước ngày 31/4 hằng năm", "--year", "2021")
    assert r.code == 1
    assert (
        "lỗi[invalid-date]: 'Trước ngày 31/4 hằng năm' không phải ngày có thật: tháng 4/2021 có 30 ngày"
        in r.stdout
    )
