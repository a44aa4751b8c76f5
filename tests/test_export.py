"""Calendar and CSV exports open where the office opens them."""

from __future__ import annotations

from datetime import date, timedelta

from icalendar import Calendar

from .conftest import ITEMS_2021, csv_rows


def test_ics_all_day_events_with_stable_uids(run) -> None:  # type: ignore[no-untyped-def]
    first = run("export", "-f", "ics", "--today", "2021-06-05")
    again = run("export", "-f", "ics", "--today", "2021-06-05")
    assert first.code == 0 and first.stdout == again.stdout
    cal = Calendar.from_ical(first.stdout)
    events = {str(e["uid"]): e for e in cal.walk("VEVENT")}
    # every item with a due date (item 8 also once per unit: 28), and each periodic report of the four
    # quarters and the year (reporting.yaml): 28 units' and the Office's two
    assert len(events) == 67 + 5 * 30
    report = events["duty:IV.2/so-y-te/2021-Q2.hai-duong-2021@tthc.kstthc"]
    assert report.decoded("dtstart") == date(2021, 6, 16)
    review13 = events["review:13.hai-duong-2021@tthc.kstthc"]
    start, end = review13.decoded("dtstart"), review13.decoded("dtend")
    assert start == date(2021, 7, 31) and end - start == timedelta(days=1)
    description = str(review13["description"])
    assert "Chủ trì: Ban Quản lý các khu công nghiệp tỉnh" in description
    assert "02/08/2021" in description


def test_ics_text_is_escaped(run, data_dir) -> None:  # type: ignore[no-untyped-def]
    plan = data_dir / "plan.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace(
            "Nhiệm vụ tham mưu ban hành Quy chế", "A; B, C\\nEND:VEVENT"
        ),
        encoding="utf-8",
    )
    out = run("export", "-f", "ics", "--data", str(data_dir)).stdout
    cal = Calendar.from_ical(out)
    assert len(list(cal.walk("VEVENT"))) == 67 + 5 * 30
    assert "A\\; B\\, C\\\\nEND:VEVENT" in out.replace("\r\n ", "")


def test_csv_for_tools_has_codes_and_still_no_formulas(run, data_dir) -> None:  # type: ignore[no-untyped-def]
    plan = data_dir / "plan.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace(
            "Nhiệm vụ tham mưu ban hành Quy chế", '=HYPERLINK(\\"http://x\\")'
        ),
        encoding="utf-8",
    )
    out = run("export", "-f", "csv", "--today", "2021-06-05", "--data", str(data_dir)).stdout
    # Column codes, the same in every language, and no BOM: a tool's first column is "id", not "\ufeffid".
    assert out.startswith("id,kind,title,lead,support,unit,deadline_text,deadline_kind,start,due,")
    english = run("export", "-f", "csv", "--lang", "en", "--data", str(data_dir)).stdout
    assert english.splitlines()[0] == out.splitlines()[0]
    rows = csv_rows(out)
    assert len(rows) == ITEMS_2021
    assert rows[0]["title"].startswith("'=HYPERLINK")
    assert rows[0]["due"] == "2021-05-31" and rows[0]["status"] == "overdue"
    assert rows[0]["status_label"] == "Quá hạn"
    assert any(r["lead"] == "Sở Y tế" for r in rows)


def test_calendar_events_say_what_they_are_as_the_document_numbers_them(run) -> None:  # type: ignore[no-untyped-def]
    cal = Calendar.from_ical(run("export", "-f", "ics", "--today", "2021-06-05").stdout)
    titles = {str(e["uid"]).split(".hai-duong")[0]: str(e["summary"]) for e in cal.walk("VEVENT")}
    assert titles["inspection:II.7"] == "Kiểm tra UBND huyện Kim Thành (PL II – II.7)"
    assert titles["review:6"] == "Rà soát, đánh giá thủ tục hành chính năm 2021 – Sở Y tế (PL I – 6)"
    assert titles["task:8/so-y-te"].startswith("Mục 8 – Sở Y tế: Nghiên cứu, đề xuất")
    assert not any("[" in title or "task:" in title for title in titles.values())
    # The event stands on the printed date; its description gives the effective one.
    review13 = next(e for e in cal.walk("VEVENT") if str(e["uid"]).startswith("review:13."))
    assert "Hạn thực tế (ngày làm việc tiếp theo): 02/08/2021" in str(review13["description"])
    en = Calendar.from_ical(run("--lang", "en", "export", "-f", "ics").stdout)
    assert any(
        str(e["summary"]) == "Inspection of UBND huyện Kim Thành (App. II – II.7)" for e in en.walk("VEVENT")
    )
