"""The reporting regime as data (reporting.yaml): which periodic reports exist, their data windows and
cut-offs as the regime writes them, who sends to whom by when, from which day a rule applies; and the
reports each unit owes, period by period, as obligations like any other."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest

from tthc_cli.data.dataset import Loaded, assemble
from tthc_cli.data.files import read_data_folder
from tthc_cli.data.reporting_file import regime_of
from tthc_cli.domain.calendar import VIETNAM
from tthc_cli.domain.plan import Plan, Split
from tthc_cli.domain.report_periods import PeriodKind, report_period
from tthc_cli.domain.reporting import schedule
from tthc_cli.present.labels import period_words
from tthc_cli.present.messages import message

from .conftest import DATA, ROOT, edit, load_with

HERE = Path(__file__).parent
BINH_AN = HERE / "fixtures" / "binh-an-2026"  # a made-up plan across 15/02/2026 (TT 5/2025/TT-VPCP)
CUT_OFF_20TH = HERE / "data" / "reporting-cut-off-20th.yaml"  # a made-up province cutting on the 20th
SOURCE = "reporting.yaml"


def _folder(folder: Path, **replace: str | None) -> Loaded:
    files, labels = read_data_folder(str(folder))
    for name, text in replace.items():
        files[name.replace("_yaml", ".yaml")] = text.encode("utf-8") if text is not None else None
    return assemble(files, labels)


def _plan(result: Loaded) -> Plan:
    assert result.plan is not None, [message(p) for p in result.problems]
    return result.plan


def _dmy(day: date) -> str:
    return f"{day:%d/%m/%Y}"


# --- the 2021 regime: the dates the README states ----------------------------------------------------


def readme_dates() -> dict[str, list[str]]:
    """The README's table of the 2021 reporting dates: period code -> its cells."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text.partition("<!-- the 2021 reporting dates -->")[2].partition("\n\n")[0]
    rows = {}
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if re.match(r"`\d{4}", cells[0]):
            rows[cells[0].strip("`")] = cells[1:]
    return rows


def test_the_shipped_regime_gives_the_2021_dates_the_readme_states(plan: Plan) -> None:
    rows = readme_dates()
    assert list(rows) == ["2021-Q1", "2021-Q2", "2021-H1", "2021-Q3", "2021-Q4", "2021"]
    regime = plan.meta.reporting
    assert regime is not None
    for code, (window, cutoff, units, office) in rows.items():
        period = regime.period(code)
        assert period is not None, code
        assert window == f"{_dmy(period.window_start)} – {_dmy(period.cutoff)}", code
        assert cutoff.startswith(_dmy(period.cutoff)), code
        to_office, upward = period.sends
        for cell, send in ((units, to_office), (office, upward)):
            shown = _dmy(send.due) + (
                f" → {_dmy(send.effective_due)}" if send.effective_due != send.due else ""
            )
            assert cell.startswith(shown), (code, cell, shown)
    # Nghị định 09/2019 Điều 12: a quarter's data from the 15th of the month before it to the 14th of
    # its last month; the first quarter's cut-off is a Sunday, two working days later is Tuesday 16/03.
    q1 = regime.period("2021-Q1")
    assert q1 is not None and (q1.window_start, q1.cutoff) == (date(2020, 12, 15), date(2021, 3, 14))
    assert [s.effective_due for s in q1.sends] == [date(2021, 3, 16), date(2021, 3, 25)]


def test_every_unverified_fact_of_the_shipped_regime_is_marked_and_no_hai_duong_decision_named(
    sources,  # type: ignore[no-untyped-def]
) -> None:
    regime = sources.reporting
    assert regime is not None
    rule = regime.rules[0]
    assert rule.assumption  # TT 01/2020's entry into force and its KSTTHC clauses were not read
    assert all(flow.send.assumption for flow in rule.flows)  # +2 working days; the 25th
    assert {r.period: r.assumption for r in rule.reports if r.period != "ad_hoc"} == {
        "quarter": False,  # Nghị định 09/2019/NĐ-CP Điều 12, as re-enacted verbatim
        "year": False,
        "half_year": False,
    }
    text = (DATA / SOURCE).read_text(encoding="utf-8")
    assert not re.search(r"\d+/20\d\d/QĐ-UBND tỉnh Hải Dương", text)


def test_each_item_gets_the_periods_its_words_name(plan: Plan) -> None:
    def periods(item: str) -> list[str]:
        return list(dict.fromkeys(k.period for k in plan.children(item) if k.period))

    # 3.2 "báo cáo định kỳ quý, năm": the quarters and the year, by the Office, which consolidates.
    assert periods("task:3.2") == ["2021-Q1", "2021-Q2", "2021-Q3", "2021-Q4", "2021"]
    assert {k.lead for k in plan.children("task:3.2") if k.period} == {("Văn phòng UBND tỉnh",)}
    # IV.2 and IV.5 "theo quy định": every report the regime has someone owe (not the 6-month one).
    assert periods("duty:IV.2") == periods("duty:IV.5") == periods("task:3.2")
    assert len([k for k in plan.children("duty:IV.2") if k.period == "2021-Q2"]) == 28
    report = plan.by_id["duty:IV.2/so-y-te/2021-Q2"]
    assert (report.unit, report.lead, report.parent) == ("Sở Y tế", ("Sở Y tế",), "duty:IV.2")
    assert (report.deadline.start, report.deadline.due) == (date(2021, 3, 15), date(2021, 6, 16))
    assert report.title == "báo cáo tình hình, kết quả thực hiện theo quy định"  # the words that ask
    assert plan.is_obligation(report) and not plan.is_obligation(plan.by_id["review:6"])


def test_report_ids_never_collide_with_the_items_other_obligations(plan: Plan) -> None:
    ids = [item.id for item in plan.items]
    assert len(ids) == len(set(ids))
    assert "duty:IV.2/so-y-te" in ids and "duty:IV.2/so-y-te/2021-Q2" in ids  # its plan; its Q2 report


# --- a rule that changes inside the plan's period ----------------------------------------------------


def test_the_rule_that_governs_a_period_is_the_one_in_force_on_its_cut_off() -> None:
    plan = _plan(_folder(BINH_AN))
    regime = plan.meta.reporting
    assert regime is not None
    rules = {p.code: p.rule.title for p in regime.periods}
    # Thông tư 5/2025/TT-VPCP takes effect on 15/02/2026: February's data is cut off on 14/02, under
    # the old rule; March's (14/03) and the first quarter's (14/03) under the new one.
    assert rules["2026-M01"] == rules["2026-M02"] == "Theo Thông tư 01/2020/TT-VPCP"
    assert rules["2026-M03"] == rules["2026-Q1"] == "Theo Thông tư 5/2025/TT-VPCP"
    # Old rule: 2 working days from Saturday 14/02/2026, across Tết (16–20/02): Tuesday 24/02.
    # New rule: 3 working days from Saturday 14/03/2026: Wednesday 18/03.
    assert plan.by_id["duty:III.1/so-y-te/2026-M02"].deadline.due == date(2026, 2, 24)
    assert plan.by_id["duty:III.1/so-y-te/2026-M03"].deadline.due == date(2026, 3, 18)
    assert plan.by_id["duty:III.1/so-y-te/2026-Q1"].deadline.due == date(2026, 3, 18)
    # The nine-month report exists under the new rule only.
    assert plan.by_id["duty:III.1/so-y-te/2026-9M"].deadline.due == date(2026, 9, 17)


@pytest.mark.parametrize(("first_day", "rule"), [("2026-02-14", "5/2025"), ("2026-02-15", "01/2020")])
def test_a_rule_from_the_cut_off_day_governs_that_period_and_not_a_day_later(
    first_day: str, rule: str
) -> None:
    text = (BINH_AN / SOURCE).read_text(encoding="utf-8").replace("from: 2026-02-15", f"from: {first_day}")
    plan = _plan(_folder(BINH_AN, reporting_yaml=text))
    february = plan.meta.reporting.period("2026-M02")  # type: ignore[union-attr]
    assert february is not None and rule in february.rule.title
    due = plan.by_id["duty:III.1/so-tu-phap/2026-M02"].deadline.due
    assert due == (date(2026, 2, 25) if rule == "5/2025" else date(2026, 2, 24))


def test_a_province_cutting_on_the_20th_dates_the_same_plan_otherwise(plan: Plan) -> None:
    other = _plan(load_with(reporting_yaml=CUT_OFF_20TH.read_text(encoding="utf-8")))
    ours, theirs = plan.by_id["duty:IV.2/so-y-te/2021-Q2"], other.by_id["duty:IV.2/so-y-te/2021-Q2"]
    assert ours.title == theirs.title  # the same plan text
    assert (ours.deadline.start, ours.deadline.due) == (date(2021, 3, 15), date(2021, 6, 16))
    assert (theirs.deadline.start, theirs.deadline.due) == (date(2021, 3, 21), date(2021, 6, 23))
    q1 = other.by_id["task:3.2/2021-Q1"].deadline  # the 28th of March 2021 is a Sunday
    assert (q1.due, q1.effective_due) == (date(2021, 3, 28), date(2021, 3, 29))


# --- the office's week of the quarterly report -------------------------------------------------------


def test_missing_lists_who_has_not_sent_the_quarters_report(run) -> None:  # type: ignore[no-untyped-def]
    result = run("missing", "duty:IV.2", "--period", "2021-Q2", "--today", "2021-06-17", "--format", "json")
    assert result.code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert len(rows) == 28 and all(r["id"].endswith("/2021-Q2") for r in rows)
    assert {r["status"]["code"] for r in rows} == {"overdue"}  # due 16/06
    table = run("missing", "IV.2", "--period", "2021-q2", "--today", "2021-06-17")
    assert table.stdout.startswith("Mục IV.2 (quý II/2021): 0/28")


def test_a_report_recorded_for_a_unit_and_period_shows_on_time_or_late(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    at = ("--data", str(data_dir))
    for unit, day in (("Sở Y tế", "2021-06-16"), ("so tu phap", "2021-06-18")):
        added = run(
            "progress", "add", "IV.2", "--unit", unit, "--period", "2021-Q2", "--status", "done",
            "--date", day, "--evidence", "Báo cáo quý II", *at,
        )  # fmt: skip
        assert added.code == 0, added.stderr
    log = (data_dir / "progress.yaml").read_text(encoding="utf-8")
    assert 'id: "duty:IV.2/so-y-te/2021-Q2"' in log and 'id: "duty:IV.2/so-tu-phap/2021-Q2"' in log
    missing = json.loads(run("missing", "IV.2", "--period", "2021-Q2", "--format", "json", *at).stdout)
    assert len(missing) == 26
    out = run("report", "--period", "2021-Q2", "--today", "2021-07-05", *at).stdout
    units = out.split("### 2.", 1)[1].split("### 3.", 1)[0]
    assert "| Sở Y tế | Gửi đúng hạn | 16/06/2021 | Báo cáo quý II |" in units  # on the send-by day
    assert "| Sở Tư pháp | Gửi trễ hạn | 18/06/2021 | Báo cáo quý II |" in units
    assert "Đúng hạn: 1; trễ hạn: 1; chưa gửi: 26; chưa đến hạn: 0." in units
    # The report covers the regime's data window, not the calendar quarter.
    assert "Số liệu tính từ ngày 15/03/2021 đến ngày 14/06/2021" in out
    assert "Nghị định 09/2019/NĐ-CP, Điều 12 khoản 2" in out


def test_reports_work_with_the_queries_the_unit_view_and_the_calendar(run) -> None:  # type: ignore[no-untyped-def]
    due = json.loads(run("due", "--before", "2021-06-16", "--after", "2021-06-16", "-f", "json").stdout)
    assert len(due) == 28
    deadline = due[0]["deadline"]  # the plan's words, and the regime's rule with what is assumed of it
    assert deadline["text"] == "báo cáo tình hình, kết quả thực hiện theo quy định"
    assert deadline["regulation"]["text"] == "Trong 02 ngày làm việc kể từ ngày chốt số liệu"
    assert deadline["regulation"]["basis"].startswith("Giả định: chưa rõ thời hạn của tỉnh Hải Dương")
    assert deadline["regulation"]["assumed"] is True
    # A table says the rule and that it is assumed, and leaves its long basis to `show`.
    table = run("due", "--before", "2021-06-16", "--after", "2021-06-16", "--unit", "Sở Y tế").stdout
    cell = re.sub(r"[\s|]+", " ", table)
    assert "[quy định: Trong 02 ngày làm việc kể từ ngày chốt số liệu, giả định]" in cell
    assert "chưa rõ thời hạn" not in table
    shown = run("show", "duty:IV.2/so-y-te/2021-Q2").stdout
    assert "Giả định: chưa rõ thời hạn của tỉnh Hải Dương" in shown
    upcoming = [r["id"] for r in json.loads(run("upcoming", "--today", "2021-06-20", "-f", "json").stdout)]
    assert upcoming[:2] == ["task:3.2/2021-Q2", "duty:IV.5/2021-Q2"]  # the Office's, by 25/06
    unit = json.loads(run("unit", "Sở Y tế", "-f", "json", "--today", "2021-06-20").stdout)
    row = next(r for r in unit["items"] if r["id"] == "duty:IV.2/so-y-te/2021-Q2")
    assert row["own"] and row["status"]["code"] == "overdue"
    assert unit["figures"]["overdue"] >= 2  # its first two quarters' reports
    ics = run("export", "-f", "ics", "--today", "2021-06-20").stdout
    assert "UID:duty:IV.2/so-y-te/2021-Q2.hai-duong-2021@tthc.kstthc" in ics.replace("\r\n ", "")


def test_a_unit_is_reminded_of_its_reports_like_any_other_obligation(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "nhac-viec"
    assert run("remind", "--unit", "Sở Y tế", "--today", "2021-06-20", "-o", str(out)).code == 0
    (written,) = out.iterdir()
    message = BytesParser(policy=policy.default).parsebytes(written.read_bytes())
    assert message["Subject"].startswith("Nhắc việc: Sở Y tế – 2 việc quá hạn")  # its Q1 and Q2 reports
    text = message.get_content()
    assert "1. Mục IV.2 – Sở Y tế (quý I/2021): báo cáo tình hình, kết quả thực hiện theo quy định" in text
    assert "Hạn: 16/06/2021 — quá hạn 4 ngày" in text


def test_the_brief_shows_the_regimes_current_periods_and_who_sends_when(run) -> None:  # type: ignore[no-untyped-def]
    out = run("brief", "--today", "2021-09-15").stdout
    section = out.split(". Báo cáo định kỳ\n", 1)[1]
    rows = [line for line in section.splitlines() if line.startswith("| ")][1:]  # after the header
    assert rows[0].startswith("| quý III/2021 | 15/06/2021 – **14/09/2021** |")
    assert "**16/09/2021** (giả định)" in rows[0] and "| 0/28 |" in rows[0]
    assert "**25/09/2021** (→ 27/09/2021) (giả định)" in rows[1]  # a Saturday: the Monday after
    assert any(r.startswith("| năm 2021 |") for r in rows)
    assert "Căn cứ: Chế độ báo cáo định kỳ theo Nghị định 09/2019/NĐ-CP" in section


# --- a plan without a regime -------------------------------------------------------------------------


def test_a_plan_without_reporting_yaml_has_no_reporting_anywhere(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    (data_dir / SOURCE).unlink()
    plan = _plan(_folder(data_dir))
    assert plan.meta.reporting is None
    assert not [i.id for i in plan.items if i.period]  # no report obligations
    assert plan.by_id["duty:IV.2"].split == "unit" and not plan.children("duty:IV.5")
    at = ("--data", str(data_dir))
    brief = run("brief", "--today", "2021-06-15", *at).stdout
    assert ". Báo cáo định kỳ\n" not in brief and "chốt số liệu" not in brief
    report = run("report", "--period", "2021-Q2", "--today", "2021-07-05", *at).stdout
    assert "(Chưa có chế độ báo cáo: chưa theo dõi việc gửi báo cáo của các đơn vị.)" in report
    assert "Số liệu tính từ ngày 01/04/2021 đến ngày 30/06/2021" in report  # the calendar quarter


def test_tthc_new_carries_no_regime_when_the_old_plan_has_none(run, data_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (data_dir / SOURCE).unlink()
    target = tmp_path / "next"
    assert run("new", str(target), "--from", str(data_dir), "--today", "2021-12-20").code == 0
    assert not (target / SOURCE).exists()


# --- the file's own rules, each problem at its line --------------------------------------------------


def _problems(text: str) -> list[tuple[str, str, int, str]]:
    result = load_with(reporting_yaml=text)
    return [(p.code, p.variant, p.line, p.severity.value) for p in result.problems]


def _line(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_a_fact_without_its_source_is_an_error_at_its_line() -> None:
    text = edit(SOURCE, "        basis: Nghị định 09/2019/NĐ-CP, Điều 12 khoản 4\n", "")
    found = _problems(text)
    assert found == [("reporting-unsourced", "", _line(text, "- period: year"), "error")]


def _rule(first_day: str | None) -> str:
    head = f"  - from: {first_day}\n    title" if first_day else "  - title"
    body = "    assumption: true\n    reports:\n      - {period: ad_hoc, assumption: true}\n"
    return f"{head}: Quy định {first_day}\n{body}"


def test_rules_must_follow_each_other_in_time() -> None:
    shipped = (DATA / SOURCE).read_text(encoding="utf-8")
    text = shipped + _rule("2021-06-01") + _rule("2021-03-01")
    result = load_with(reporting_yaml=text)
    assert [(p.code, p.line) for p in result.errors] == [
        ("reporting-rule-order", _line(text, "from: 2021-03-01"))
    ]
    assert "01/03/2021" in message(result.errors[0]) and "01/06/2021" in message(result.errors[0])
    assert [p.variant for p in load_with(reporting_yaml=shipped + _rule(None)).errors] == ["missing-from"]


def test_an_unregistered_reporter_and_an_unreadable_phrase_are_refused_at_their_lines() -> None:
    text = edit(SOURCE, "          - UBND cấp huyện\n", "          - UBND cấp huyen Gia Loc\n")
    text = text.replace("Trong 02 ngày làm việc", "Trong hai ngày làm việc")
    found = _problems(text)
    assert ("unknown-unit", "", _line(text, "UBND cấp huyen Gia Loc"), "error") in found
    assert ("deadline-unrecognised", "from", _line(text, "Trong hai ngày"), "error") in found


def test_a_send_by_day_before_the_cut_off_is_refused_and_one_too_close_warned() -> None:
    early = edit(
        SOURCE,
        "Trong 02 ngày làm việc kể từ ngày chốt số liệu",
        "Chậm nhất vào ngày 10 của tháng cuối kỳ báo cáo",
    )
    assert ("reporting-send", "before-cutoff") in {(c, v) for c, v, _, _ in _problems(early)}
    same_day = edit(
        SOURCE,
        "Trong 02 ngày làm việc kể từ ngày chốt số liệu",
        "Chậm nhất vào ngày 14 của tháng cuối kỳ báo cáo",
    )
    result = load_with(reporting_yaml=same_day)
    assert result.plan is not None  # a warning: Nghị định 09/2019 Điều 8 khoản 5 điểm b asks ≥ 1 day
    assert {(p.code, p.variant, p.severity.value) for p in result.problems} == {
        ("reporting-send", "floor", "warning")
    }


def test_a_reporter_no_flow_covers_owes_nothing_and_is_warned() -> None:
    text = edit(SOURCE, "          - UBND cấp huyện\n", "")
    result = load_with(reporting_yaml=text)
    plan = _plan(result)
    assert "duty:IV.2/ubnd-huyen-gia-loc" in plan.by_id  # its own plan still
    assert "duty:IV.2/ubnd-huyen-gia-loc/2021-Q2" not in plan.by_id  # no report date invented
    warned = [p for p in result.problems if p.code == "reporting-no-flow"]
    assert len(warned) == 12 and {p.file for p in warned} == {"plan.yaml"}
    assert "UBND huyện Gia Lộc" in " ".join(message(p) for p in warned)
    assert {(p.args["item"], p.path) for p in warned} == {("duty:IV.2", ("duties", 1, "reporting"))}
    assert {p.args["rule"] for p in warned} == {
        "Chế độ báo cáo định kỳ theo Nghị định 09/2019/NĐ-CP; báo cáo KSTTHC theo Thông tư 01/2020/TT-VPCP"
    }
    assert len({p.args["unit"] for p in warned}) == 12  # each district's committee, by name


def test_a_period_the_item_names_that_the_regime_lacks_is_warned() -> None:
    plan_text = edit(
        "plan.yaml", "      periods: [quarter, year]\n", "      periods: [month, quarter, year]\n"
    )
    result = load_with(plan_yaml=plan_text)
    assert [(p.code, p.file, p.severity.value) for p in result.problems] == [
        ("reporting-no-report", "plan.yaml", "warning")
    ]
    assert "hằng tháng" in message(result.problems[0])
    assert result.problems[0].args == {"item": "task:3.2", "period": "month"}
    assert result.problems[0].path == ("tasks", 4, "reporting", "periods")


LATER_MONTHLY_RULE = """
  - from: 2022-01-01
    title: Quy định mới từ năm 2022
    basis: Quyết định giả định số 1/2022
    reports:
      - period: month
        window: Tính từ ngày 15 của tháng trước đến ngày 14 của tháng thuộc kỳ báo cáo
        basis: x
    flows:
      - by: [Văn phòng UBND tỉnh]
        to: Chủ tịch UBND tỉnh
        basis: y
        send: {text: Chậm nhất ngày 20 của tháng báo cáo, basis: z}
"""


def test_a_report_whose_rule_takes_effect_after_the_plan_is_not_said_missing() -> None:
    regime = (DATA / SOURCE).read_text(encoding="utf-8").rstrip("\n") + "\n" + LATER_MONTHLY_RULE
    # Items reporting "as regulated" owe the reports of the rules in force during the plan only.
    assert [p.code for p in load_with(reporting_yaml=regime).problems] == []
    plan_text = edit(
        "plan.yaml", "      periods: [quarter, year]\n", "      periods: [month, quarter, year]\n"
    )
    result = load_with(plan_yaml=plan_text, reporting_yaml=regime)
    (said,) = result.problems
    assert (said.code, said.variant, said.severity.value) == ("reporting-no-report", "later", "warning")
    words = message(said)
    assert "không có báo cáo" not in words and "Quy định mới từ năm 2022" in words and "01/01/2022" in words


def test_reports_count_toward_the_obligation_bound() -> None:
    # 115 obligations without the regime (4 items × 28 units, and the commune tier in 3 of them), and
    # the reports of four quarters and the year: IV.2's 28 units' and the Office's for 3.2 and IV.5.
    files = {n: (DATA / n).read_bytes() for n in ("plan.yaml", "units.yaml", "appendix_review.yaml", SOURCE)}
    files["appendix_inspection.yaml"] = (DATA / "appendix_inspection.yaml").read_bytes()
    assert assemble(files, max_obligations=115 + 150).plan is not None
    assert [p.code for p in assemble(files, max_obligations=115 + 149).errors] == ["too-many-obligations"]
    plan_text = (DATA / "plan.yaml").read_text(encoding="utf-8")
    (found,) = assemble(files, max_obligations=230).errors  # IV.2 passes it with its 140 reports
    assert (found.variant, found.args["item"], found.path[-1]) == ("reports", "duty:IV.2", "reporting")
    assert found.args == {"item": "duty:IV.2", "count": 28 + 140, "limit": 230}
    assert found.line == _line(plan_text, "      text: báo cáo tình hình, kết quả thực hiện theo quy định")
    assert "TTHC_MAX_OBLIGATIONS" in message(found)


def test_windows_that_overlap_after_a_day_is_moved_to_the_months_end_are_warned() -> None:
    """Day 31 of June is moved to 30/06, the day Q2's data is cut off: Q3 would count it again."""
    text = edit(
        SOURCE,
        "Tính từ ngày 15 của tháng trước kỳ báo cáo đến ngày 14 của tháng cuối quý",
        "Tính từ ngày 31 của tháng trước kỳ báo cáo đến ngày 30 của tháng cuối quý",
    )
    result = load_with(reporting_yaml=text)
    overlaps = [p for p in result.problems if (p.code, p.variant) == ("reporting-window", "overlap")]
    (said,) = overlaps  # once, at the phrase, for the first pair of periods it makes overlap
    assert said.severity.value == "warning" and said.file == SOURCE
    assert said.path == ("rules", 0, "reports", 0, "window")  # the quarter report's phrase
    words = message(said)
    assert "quý II/2021" in words and "quý III/2021" in words and "30/06/2021" in words
    assert not [p for p in load_with().problems if p.variant == "overlap"]  # the shipped windows meet


def test_a_plan_past_the_obligation_bound_is_refused_at_the_item_that_asks_the_most() -> None:
    """One obligation too many: the error stands at IV.2's reports (168 of the 265), not at the last
    item counted, which only crossed the line."""
    files = {n: (DATA / n).read_bytes() for n in ("plan.yaml", "units.yaml", "appendix_review.yaml", SOURCE)}
    files["appendix_inspection.yaml"] = (DATA / "appendix_inspection.yaml").read_bytes()
    (found,) = assemble(files, max_obligations=115 + 149).errors
    assert (found.variant, found.args["item"], found.args["count"]) == ("reports", "duty:IV.2", 168)
    assert found.path[-1] == "reporting"


# --- periods and the grammar -------------------------------------------------------------------------


def test_the_bound_is_blamed_on_an_items_own_parts_only_when_they_outnumber_its_reports() -> None:
    """Past the bound, the item that asks for the most is blamed, at the field that asks the most of
    it: without the regime, 8's 29 units (each_unit); with it, IV.2's 140 reports beside its 28
    units' shares."""
    files = {n: (DATA / n).read_bytes() for n in ("plan.yaml", "units.yaml", "appendix_review.yaml")}
    files["appendix_inspection.yaml"] = (DATA / "appendix_inspection.yaml").read_bytes()
    (shares,) = assemble(files, max_obligations=90).errors
    assert (shares.variant, shares.args["item"], shares.path[-1]) == ("", "task:8", "each_unit")
    assert (shares.args["count"], shares.args["units"], shares.args["occurrences"]) == (29, 29, 1)
    files[SOURCE] = (DATA / SOURCE).read_bytes()
    (reports,) = assemble(files, max_obligations=91).errors
    assert (reports.variant, reports.path[-1]) == ("reports", "reporting")
    assert reports.args == {"item": "duty:IV.2", "count": 168, "limit": 91}


def test_a_phrase_naming_only_the_first_half_gives_the_second_half_no_report() -> None:
    regime = _plan(load_with()).meta.reporting
    assert regime is not None
    assert regime.period("2021-H1") is not None and regime.period("2021-H2") is None
    h1 = regime.period("2021-H1")
    assert (
        h1 is not None
        and not h1.owed
        and (h1.window_start, h1.cutoff) == (date(2020, 12, 15), date(2021, 6, 14))
    )


def test_the_nine_month_code_is_a_period_of_ids_the_log_and_words(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "binh-an"
    shutil.copytree(BINH_AN, folder)
    added = run(
        "progress", "add", "III.1", "--unit", "Sở Y tế", "--period", "2026-9m", "--status", "started",
        "--date", "2025-12-20", "--data", str(folder),
    )  # fmt: skip
    assert added.code == 0, added.stderr
    assert 'id: "duty:III.1/so-y-te/2026-9M"' in (folder / "progress.yaml").read_text(encoding="utf-8")
    shown = run("show", "III.1/so-y-te/2026-9M", "--data", str(folder))
    assert shown.code == 0 and "9 tháng đầu năm 2026" in shown.stdout
    assert period_words("2026-9M") == "9 tháng đầu năm 2026"
    assert report_period("2026-9M").kind is PeriodKind.NINE_MONTHS


def test_the_schedule_reads_each_period_with_the_deadline_grammar() -> None:
    sources = _folder(BINH_AN).sources
    assert sources is not None and sources.reporting is not None
    registry = _plan(_folder(BINH_AN)).registry
    dated, problems = schedule(
        regime_of(sources.reporting, registry), date(2026, 1, 1), date(2026, 12, 31), VIETNAM
    )
    assert problems == []
    assert [p.code for p in dated.periods if p.kind is PeriodKind.QUARTER] == [
        f"2026-Q{q}" for q in (1, 2, 3, 4)
    ]
    june = dated.period("2026-Q2")
    assert june is not None and [s.effective_due for s in june.sends] == [
        date(2026, 6, 17),
        date(2026, 6, 22),
    ]


def test_a_report_obligation_names_its_reporter_and_keeps_its_items_source_and_facts() -> None:
    """A unit's report is led by that unit; the reports of an item's reporters as a whole by the
    item's lead as written, unless the item names who reports (3.2: `by`), where no text is invented.
    Each keeps the item's place in plan.yaml and its facts, and its window ends on its send-by date."""
    plan = _plan(load_with())
    unit_report, named_reporters, item_lead = (
        plan.by_id[i] for i in ("duty:IV.2/so-y-te/2021-Q2", "task:3.2/2021-Q2", "duty:IV.5/2021-Q2")
    )
    assert [(k.lead_text, k.unit_text) for k in (unit_report, named_reporters, item_lead)] == [
        ("Sở Y tế", "Sở Y tế"),
        (None, None),
        ("Văn phòng UBND tỉnh", None),
    ]
    for kid in (unit_report, named_reporters, item_lead):
        parent = plan.by_id[kid.parent or ""]
        assert (kid.source, kid.inferred) == (parent.source, parent.inferred) and kid.inferred
        assert kid.deadline.window_end == kid.deadline.due == kid.deadline.effective_due
    assert (unit_report.deadline.start, unit_report.deadline.due) == (date(2021, 3, 15), date(2021, 6, 16))


def test_an_item_owing_reports_is_split_by_period_and_by_unit_too_when_each_unit_owes_them() -> None:
    plan = _plan(load_with())
    splits = {i: plan.by_id[i].split for i in ("duty:IV.2", "task:3.2", "duty:IV.5", "duty:IV.1")}
    assert splits == {
        "duty:IV.2": Split.UNIT_PERIOD,  # each unit's own plan, then each unit's reports
        "task:3.2": Split.PERIOD,  # its reporters as a whole, period by period
        "duty:IV.5": Split.PERIOD,
        "duty:IV.1": Split.UNIT,  # standing, each unit: no reports asked
    }
