"""The periodic report the office signs (`tthc report --period`): its golden Markdown, what it says in
each section, and the Word document read back as a person would check it — page, margins, fonts and
sizes of the heading, body and recipients, the tables' cells — and converted to PDF by LibreOffice."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Length

from tthc_cli.domain.problems import ProblemError
from tthc_cli.domain.report_periods import PeriodKind, report_period

HERE = Path(__file__).parent
GOLDEN = HERE / "golden"
SAMPLE_LOG = HERE / "data" / "progress-sample.yaml"
COUNTS = HERE / "data" / "counts-2021-Q2.csv"
SON_HA = HERE / "fixtures" / "son-ha-2023"
UPDATE = os.environ.get("TTHC_UPDATE_GOLDEN") == "1"  # refresh on purpose: TTHC_UPDATE_GOLDEN=1 pytest


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {name}; run with TTHC_UPDATE_GOLDEN=1 once and review it"
    assert text == path.read_text(encoding="utf-8"), f"{name} changed; review, then refresh on purpose"


@pytest.fixture
def sample(data_dir: Path) -> Path:
    shutil.copy(SAMPLE_LOG, data_dir / "progress.yaml")
    return data_dir


def mm(length: Length | None) -> float:
    assert length is not None
    return length / 36000  # EMU per millimetre


def section(text: str, start: str, end: str) -> str:
    return text.split(start, 1)[1].split(end, 1)[0]


# --- periods ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "kind", "first", "last"),
    [
        ("2021-Q2", PeriodKind.QUARTER, "2021-04-01", "2021-06-30"),
        ("2021-h1", PeriodKind.HALF_YEAR, "2021-01-01", "2021-06-30"),
        ("2021-9M", PeriodKind.NINE_MONTHS, "2021-01-01", "2021-09-30"),
        ("2021-M09", PeriodKind.MONTH, "2021-09-01", "2021-09-30"),
        ("2024-M2", PeriodKind.MONTH, "2024-02-01", "2024-02-29"),
        ("2021", PeriodKind.YEAR, "2021-01-01", "2021-12-31"),
    ],
)
def test_a_period_code_names_its_calendar_window(code: str, kind: PeriodKind, first: str, last: str) -> None:
    period = report_period(code)
    assert (period.kind, period.start.isoformat(), period.end.isoformat()) == (kind, first, last)
    assert period.basis is None  # no regime: the calendar's window


@pytest.mark.parametrize(
    "code", ["2021-Q5", "2021-H3", "2021-M13", "2021-Q0", "Q2", "2021-W05", "2021-8M", ""]
)
def test_a_code_that_names_no_report_period_is_refused(code: str) -> None:
    with pytest.raises(ProblemError) as caught:
        report_period(code)
    assert caught.value.problem.code == "report-period"


def test_a_wrong_period_is_a_usage_error_naming_the_codes(run) -> None:  # type: ignore[no-untyped-def]
    result = run("report", "--period", "2021-X2")
    assert result.code == 2 and result.stdout == ""
    assert result.stderr.count("2021-X2") == 1 and "2021-9M" in result.stderr
    assert "từ 1 đến 4" in run("report", "--period", "2021-Q5").stderr


@pytest.mark.parametrize(
    "args", [["--counts", str(COUNTS)], ["--format", "docx", "-o", "x.docx"], ["-o", "bao-cao.docx"]]
)
def test_counts_and_word_go_with_a_period(run, tmp_path: Path, args: list[str]) -> None:  # type: ignore[no-untyped-def]
    args = [a if not a.endswith(".docx") else str(tmp_path / a) for a in args]
    result = run("report", *args)
    assert result.code == 2 and "--period" in result.stderr
    assert not list(tmp_path.iterdir())


def test_without_a_period_the_status_report_is_unchanged(run) -> None:  # type: ignore[no-untyped-def]
    out = run("report", "--today", "2021-08-03").stdout
    assert out == (GOLDEN / "report-shipped-2021-08-03.md").read_text(encoding="utf-8")


# --- what the report says ---------------------------------------------------------------------------


def test_golden_periodic_report_for_the_second_quarter(run, sample: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("report", "--period", "2021-Q2", "--today", "2021-07-05", "--data", str(sample))
    assert result.code == 0, result.stderr
    check_golden("periodic-2021-Q2.md", result.stdout)


def test_the_report_follows_the_genre_in_order(run, sample: Path) -> None:  # type: ignore[no-untyped-def]
    out = run("report", "--period", "2021-Q2", "--today", "2021-07-05", "--data", str(sample)).stdout
    order = [
        "**ỦY BAN NHÂN DÂN**",
        "Số: …/BC-UBND",
        "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**",
        "*Hải Dương, ngày … tháng … năm …*",
        "# BÁO CÁO",
        "trong quý II năm 2021**",
        "## I. KẾT QUẢ THỰC HIỆN",
        "### 2. Tình hình gửi báo cáo của các đơn vị",
        "### 3. Nhiệm vụ chậm, quá hạn",
        "### 4. Kết quả giải quyết hồ sơ",
        "## II. TỒN TẠI, HẠN CHẾ",
        "## III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI",
        "## IV. ĐỀ XUẤT, KIẾN NGHỊ",
        "***Nơi nhận:***",
        "**TM. ỦY BAN NHÂN DÂN**",
        "(Ký, ghi rõ họ tên)",
    ]
    places = [out.index(text) for text in order]
    assert places == sorted(places)
    assert out.count("[Nội dung do cơ quan soạn thảo bổ sung]") == 3


def test_work_of_the_period_is_named_as_the_document_numbers_it_with_its_evidence(run, sample: Path) -> None:  # type: ignore[no-untyped-def]
    out = run("report", "--period", "2021-Q2", "--today", "2021-07-05", "--data", str(sample)).stdout
    work = section(out, "### 1.", "### 2.")
    rows = {
        line.split(" | ")[1].split(":")[0]: line
        for line in work.splitlines()
        if line.startswith("| ") and line[2].isdigit()
    }
    assert "Quyết định số 1234/QĐ-UBND" in rows["Mục 1.1"]  # done 02/06 with its decision
    assert "Báo cáo số 12/BC-SCT" in rows["PL I – 1 (Sở Công Thương)"]
    assert "Thông báo kết luận số 5/TB-VP" in rows["PL II – II.3"]  # inspected in June, due in November
    assert "Đã ban hành 3 văn bản chỉ đạo" in rows["Mục 1.2"]  # a note dated in the period
    assert "PL I – 6 (Sở Y tế)" in rows  # due 30/06, in the window
    assert "PL I – 13 (Ban Quản lý các khu công nghiệp)" not in rows  # due in the third quarter
    assert "task:" not in work and "review:" not in work
    late = section(out, "### 3.", "### 4.")
    assert "| PL I – 2 (Sở Nội vụ):" in late and "| Sở Nội vụ |" in late and "Mục 1.1" not in late


def test_a_plan_without_a_reporting_regime_says_so(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    (data_dir / "reporting.yaml").unlink()
    result = run("report", "--period", "2021-H1", "--today", "2021-07-05", "--data", str(data_dir))
    out = result.stdout
    reports = section(out, "### 2.", "### 3.")
    assert "(Chưa có chế độ báo cáo: chưa theo dõi việc gửi báo cáo của các đơn vị.)" in reports
    assert (
        "Kỳ báo cáo theo lịch: kế hoạch chưa có chế độ báo cáo." in out
        and "trong 6 tháng đầu năm 2021" in out
    )
    # the calendar's half year; no unit's report is followed up, so no day they are counted to
    assert (
        "Số liệu tính từ ngày 01/01/2021 đến ngày 30/06/2021; tình trạng các nhiệm vụ tại ngày 30/06/2021.\n"
        in out
    )
    # What to do about it is for the drafter, on stderr, not in the document to be signed.
    assert "reporting.yaml" not in out
    assert "Kế hoạch chưa có chế độ báo cáo: thêm tệp reporting.yaml cạnh plan.yaml" in result.stderr


@pytest.mark.parametrize(("period", "words"), [("2022-Q1", "quý I/2022"), ("2020", "năm 2020")])
def test_a_period_outside_the_plan_is_refused_and_nothing_written(
    run, tmp_path: Path, period: str, words: str
) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "bao-cao.md"
    target.write_text("bản cũ", encoding="utf-8")
    result = run("report", "--period", period, "--today", "2021-07-01", "-o", str(target))
    assert result.code == 2 and result.stdout == ""
    assert f"--period: {words} nằm ngoài thời gian của kế hoạch (01/01/2021–31/12/2021)" in result.stderr
    assert target.read_text(encoding="utf-8") == "bản cũ"


def test_a_period_overlapping_the_plans_edge_is_reported(run) -> None:  # type: ignore[no-untyped-def]
    assert run("report", "--period", "2021-Q4", "--today", "2021-12-20").code == 0


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_period_the_regime_has_no_rule_for_is_said_so_not_that_there_is_no_regime(run, fmt: str) -> None:  # type: ignore[no-untyped-def]
    out = run("report", "--period", "2021-M05", "--today", "2021-07-01", "-f", fmt).stdout
    assert "Kỳ báo cáo theo lịch: chế độ báo cáo của kế hoạch không quy định báo cáo cho kỳ này." in out
    assert "chưa có chế độ báo cáo" not in out


def test_the_word_draft_says_the_regime_has_no_rule_for_the_period(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "thang-5.docx"
    assert run("report", "--period", "2021-M05", "--today", "2021-07-01", "-o", str(target)).code == 0
    text = "\n".join(p.text for p in Document(str(target)).paragraphs)
    assert "Kỳ báo cáo theo lịch: chế độ báo cáo của kế hoạch không quy định báo cáo cho kỳ này." in text


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_report_states_the_day_of_its_data_and_the_day_of_the_units_reports(
    run, sample: Path, fmt: str
) -> None:  # type: ignore[no-untyped-def]
    """The tasks stand as on the cut-off (14/06), the units' reports as received by the day the report
    is made (05/07): the document says both, where it listed reports of 16/06 under "tại ngày 14/06"."""
    args = ("report", "--period", "2021-Q2", "--today", "2021-07-05", "--format", fmt, "--data", str(sample))
    out = run(*args).stdout
    assert (
        "Số liệu tính từ ngày 15/03/2021 đến ngày 14/06/2021; tình trạng các nhiệm vụ tại ngày 14/06/2021;"
        " tình hình gửi báo cáo của các đơn vị tính đến ngày 05/07/2021." in out
    )
    assert "2. Tình hình gửi báo cáo của các đơn vị (tính đến ngày 05/07/2021)" in out


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_without_counts_the_document_holds_a_placeholder_and_the_hint_goes_to_stderr(
    run, sample: Path, fmt: str
) -> None:  # type: ignore[no-untyped-def]
    args = ("report", "--period", "2021-Q2", "--today", "2021-07-05", "--format", fmt, "--data", str(sample))
    result = run(*args)
    assert result.code == 0
    assert "[Số liệu do cơ quan soạn thảo bổ sung]" in result.stdout
    assert "--counts" not in result.stdout and "tthc " not in result.stdout
    assert result.stderr.count("Phần I, mục 4 của báo cáo chưa có số liệu hồ sơ: thêm --counts TỆP.csv") == 1
    counted = run(*args, "--counts", str(COUNTS))
    assert "[Số liệu do cơ quan soạn thảo bổ sung]" not in counted.stdout and "--counts" not in counted.stderr


@pytest.fixture
def reporting_units(tmp_path: Path) -> Path:
    """Sơn Hà 2023 with item 5 read as the units' quarterly report: one obligation per unit and
    quarter, three units; one reports on time, one late, one not at all."""
    folder = tmp_path / "son-ha"
    shutil.copytree(SON_HA, folder)
    plan = folder / "plan.yaml"
    text = plan.read_text(encoding="utf-8")
    asked = (
        "    each_unit: true\n    reporting:\n      text: Báo cáo tình hình, kết quả kiểm soát thủ tục"
        " hành chính\n      periods: [quarter]\n      inferred:\n        basis: Mục 5\n"
    )
    plan.write_text(text.replace("    each_unit: true\n", asked, 1), encoding="utf-8")
    (folder / "progress.yaml").write_text(
        "entries:\n"
        '  - {id: "task:5/so-tu-phap/2023-Q2", date: 2023-06-12, status: done, evidence: "BC 7/BC-STP"}\n'
        '  - {id: "task:5/so-xay-dung/2023-Q2", date: 2023-06-20, status: done}\n',
        encoding="utf-8",
    )
    return folder


def test_units_reported_on_time_late_or_not_at_all(run, reporting_units: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("report", "--period", "2023-Q2", "--today", "2023-07-03", "--data", str(reporting_units))
    assert result.code == 0, result.stderr
    units = section(result.stdout, "### 2.", "### 3.")
    assert "| Sở Tư pháp | Gửi đúng hạn | 12/06/2023 | BC 7/BC-STP |" in units
    assert "| Sở Xây dựng | Gửi trễ hạn | 20/06/2023 |" in units
    assert "| UBND quận Hải Châu | Chưa gửi báo cáo |" in units
    assert "Đúng hạn: 1; trễ hạn: 1; chưa gửi: 1; chưa đến hạn: 0." in units


def test_the_html_report_escapes_the_data_and_holds_the_form(run, sample: Path) -> None:  # type: ignore[no-untyped-def]
    log = sample / "progress.yaml"
    log.write_text(
        log.read_text(encoding="utf-8")
        + '  - {id: "review:6", date: 2021-06-10, status: note, note: "<script>alert(1)</script> & co"}\n',
        encoding="utf-8",
    )
    args = ("report", "--period", "2021-Q2", "--today", "2021-07-05", "--data", str(sample))
    out = run(*args, "--format", "html", "--counts", str(COUNTS)).stdout
    assert "<script>alert" not in out and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in out
    assert '<th colspan="4">Số hồ sơ nhận giải quyết</th>' in out
    assert "<td>Cấp xã</td>" in out and '<td class="n">10250</td>' in out
    assert "counts-2021-Q2.csv" in out and str(COUNTS.parent) not in out


def test_english_on_request(run, sample: Path) -> None:  # type: ignore[no-untyped-def]
    out = run(
        "report", "--period", "2021-9M", "--today", "2021-10-01", "--data", str(sample), "--lang", "en"
    ).stdout
    assert "# REPORT" in out and "in the first nine months of 2021" in out
    assert "[To be written by the drafting office]" in out


# --- the Word document -------------------------------------------------------------------------------


@pytest.fixture
def word(run, sample: Path, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    target = tmp_path / "bao-cao-quy-2.docx"
    result = run(
        "report", "--period", "2021-Q2", "--today", "2021-07-05", "--data", str(sample),
        "--counts", str(COUNTS), "-o", str(target),
    )  # fmt: skip
    assert result.code == 0, result.stderr
    return target


def _runs_with(doc: Document, text: str) -> list:  # type: ignore[type-arg, valid-type]
    found = [r for p in _paragraphs(doc) for r in p.runs if text in r.text]
    assert found, f"no run holds {text!r}"
    return found


def _paragraphs(doc: Document) -> list:  # type: ignore[type-arg, valid-type]
    found = list(doc.paragraphs)  # type: ignore[attr-defined]
    for table in doc.tables:  # type: ignore[attr-defined]
        for row in table.rows:
            for cell in row.cells:
                found += cell.paragraphs
    return found


def _size(run, doc: Document) -> float:  # type: ignore[no-untyped-def, valid-type]
    size = run.font.size or doc.styles["Normal"].font.size  # type: ignore[attr-defined]
    return size.pt


def test_the_word_document_is_a4_with_the_decrees_margins(word: Path) -> None:
    doc = Document(str(word))
    page = doc.sections[0]
    assert round(mm(page.page_width)) == 210 and round(mm(page.page_height)) == 297
    assert 20 <= round(mm(page.top_margin)) <= 25 and 20 <= round(mm(page.bottom_margin)) <= 25
    assert 30 <= round(mm(page.left_margin)) <= 35 and 15 <= round(mm(page.right_margin)) <= 20


def test_the_heading_has_the_national_title_motto_body_and_number(word: Path) -> None:
    doc = Document(str(word))
    title = _runs_with(doc, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")[0]
    assert title.font.name == "Times New Roman" and title.font.bold and 12 <= _size(title, doc) <= 13
    motto = _runs_with(doc, "Độc lập - Tự do - Hạnh phúc")[0]
    assert motto.font.bold and 13 <= _size(motto, doc) <= 14
    motto_para = next(p for p in _paragraphs(doc) if p.text == "Độc lập - Tự do - Hạnh phúc")
    assert (
        motto_para._p.pPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pBdr")
        is not None
    )  # the line under it
    body = [p.text for p in _paragraphs(doc) if p.text in ("ỦY BAN NHÂN DÂN", "TỈNH HẢI DƯƠNG")]
    assert body == ["ỦY BAN NHÂN DÂN", "TỈNH HẢI DƯƠNG"]  # from the plan's issuer, not invented
    assert _runs_with(doc, "Số: …/BC-UBND")
    place = _runs_with(doc, "Hải Dương, ngày … tháng … năm …")[0]
    assert place.font.italic
    kind = _runs_with(doc, "BÁO CÁO")[0]
    assert kind.font.bold and 13 <= _size(kind, doc) <= 14
    assert _runs_with(doc, "Kết quả thực hiện Kế hoạch kiểm soát thủ tục hành chính")[0].font.bold


def test_the_body_recipients_and_signature_have_their_sizes(word: Path) -> None:
    doc = Document(str(word))
    for text in (
        "Số liệu tính từ ngày 15/03/2021 đến ngày 14/06/2021",  # the regime's window of 2021-Q2
        "[Nội dung do cơ quan soạn thảo bổ sung]",
    ):
        for run in _runs_with(doc, text):
            assert run.font.name == "Times New Roman" and 13 <= _size(run, doc) <= 14
    recipients = _runs_with(doc, "Nơi nhận:")[0]
    assert recipients.font.bold and recipients.font.italic and _size(recipients, doc) == 12
    assert _size(_runs_with(doc, "Lưu: VT")[0], doc) == 11
    assert _runs_with(doc, "TM. ỦY BAN NHÂN DÂN")[0].font.bold
    assert _runs_with(doc, "(Ký, ghi rõ họ tên)")
    assert not any("{{" in p.text or "{%" in p.text for p in _paragraphs(doc))  # every tag rendered


def test_page_numbers_start_on_the_second_page(word: Path) -> None:
    doc = Document(str(word))
    page = doc.sections[0]
    assert page.different_first_page_header_footer
    assert "PAGE" in page.header._element.xml and "PAGE" not in page.first_page_header._element.xml


def test_the_word_tables_hold_the_items_units_and_numbers(word: Path) -> None:
    doc = Document(str(word))
    cells = [[c.text for c in row.cells] for table in doc.tables for row in table.rows]
    assert any(r[1].startswith("PL I – 6 (Sở Y tế)") and r[2] == "Sở Y tế" for r in cells if len(r) == 6)
    assert any(
        r[1].startswith("Mục 1.1") and "Quyết định số 1234/QĐ-UBND" in r[5] for r in cells if len(r) == 6
    )
    assert any(
        r[1].startswith("PL I – 2 (Sở Nội vụ)") and r[2] == "Sở Nội vụ" and r[4] == "14"  # on 14/06
        for r in cells
        if len(r) == 5
    )
    form = [r for r in cells if len(r) == 13]
    assert [
        "4",
        "Cấp xã",
        "10250",
        "2300",
        "7700",
        "250",
        "10010",
        "9000",
        "1000",
        "10",
        "240",
        "240",
        "0",
    ] in form


def test_the_word_draft_without_counts_holds_no_command_and_says_both_days(
    run, sample: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The Word draft is signed as it is: no command line, no file name; a neutral placeholder for the
    figures the drafter adds (the hint is on stderr); the day of the data and of the units' reports."""
    target = tmp_path / "q2.docx"
    args = (
        "report",
        "--period",
        "2021-Q2",
        "--today",
        "2021-07-05",
        "--data",
        str(sample),
        "-o",
        str(target),
    )
    result = run(*args)
    assert result.code == 0, result.stderr
    assert "Phần I, mục 4 của báo cáo chưa có số liệu hồ sơ: thêm --counts TỆP.csv" in result.stderr
    text = "\n".join(p.text for p in _paragraphs(Document(str(target))))
    for machine in ("tthc", "--counts", ".csv", ".yaml", "{{", "{%"):
        assert machine not in text, machine
    assert "[Số liệu do cơ quan soạn thảo bổ sung]" in text
    assert (
        "tình trạng các nhiệm vụ tại ngày 14/06/2021; tình hình gửi báo cáo của các đơn vị tính đến ngày"
        " 05/07/2021." in text
    )
    assert "2. Tình hình gửi báo cáo của các đơn vị (tính đến ngày 05/07/2021)" in text


def test_the_word_document_escapes_the_data(run, sample: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    log = sample / "progress.yaml"
    log.write_text(
        log.read_text(encoding="utf-8")
        + '  - {id: "review:6", date: 2021-06-10, status: done, evidence: "QĐ <1> & \\"2\\" </w:t>"}\n',
        encoding="utf-8",
    )
    target = tmp_path / "q2.docx"
    result = run(
        "report", "--period", "2021-Q2", "--today", "2021-07-05", "--data", str(sample), "-o", str(target)
    )
    assert result.code == 0, result.stderr
    doc = Document(str(target))
    assert any('QĐ <1> & "2" </w:t>' in p.text for p in _paragraphs(doc))


def test_an_offices_own_word_template_is_used_and_bounded(run, sample: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "mau"
    folder.mkdir()
    shipped = Path(__file__).resolve().parent.parent / "templates" / "periodic_report.docx"
    own = Document(str(shipped))
    own.add_paragraph("Mẫu riêng của văn phòng: {{ report.period.code }}")
    own.save(str(folder / "periodic_report.docx"))
    target = tmp_path / "q2.docx"
    args = (
        "report",
        "--period",
        "2021-Q2",
        "--today",
        "2021-07-05",
        "--data",
        str(sample),
        "-o",
        str(target),
    )
    result = run(*args, "--templates", str(folder))
    assert result.code == 0, result.stderr
    assert any(p.text == "Mẫu riêng của văn phòng: 2021-Q2" for p in Document(str(target)).paragraphs)

    (folder / "periodic_report.docx").write_bytes(b"not a zip")
    target.unlink()
    refused = run(*args, "--templates", str(folder))
    assert refused.code == 2 and "periodic_report.docx" in refused.stderr and not target.exists()

    (folder / "periodic_report.docx").unlink()
    (folder / "periodic_report.docx").symlink_to(shipped)
    outside = run(*args, "--templates", str(folder))
    assert outside.code == 2 and "periodic_report.docx" in outside.stderr


def test_a_word_template_that_unpacks_to_too_much_is_refused(run, sample: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "mau"
    folder.mkdir()
    with zipfile.ZipFile(folder / "periodic_report.docx", "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("word/document.xml", b"\0" * (65 * 1024 * 1024))
    target = tmp_path / "q2.docx"
    result = run(
        "report", "--period", "2021-Q2", "--data", str(sample), "-o", str(target), "--templates", str(folder)
    )
    assert result.code == 2 and "byte" in result.stderr and not target.exists()


def test_the_shipped_word_template_is_what_its_script_builds(tmp_path: Path) -> None:
    script = Path(__file__).resolve().parent.parent / "scripts" / "make_periodic_report_docx.py"
    built = tmp_path / "built.docx"
    subprocess.run([sys.executable, str(script), str(built)], check=True, capture_output=True)
    shipped = script.parent.parent / "templates" / "periodic_report.docx"
    assert built.read_bytes() == shipped.read_bytes(), "run scripts/make_periodic_report_docx.py and commit"


def test_libreoffice_converts_the_word_document_to_pdf(word: Path, tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        if os.environ.get("TTHC_REQUIRE_LIBREOFFICE") == "1":
            pytest.fail(
                "TTHC_REQUIRE_LIBREOFFICE=1 but no soffice on PATH (CI installs libreoffice-writer-nogui)"
            )
        pytest.skip("no soffice on PATH; CI installs LibreOffice and sets TTHC_REQUIRE_LIBREOFFICE=1")
    profile = tmp_path / "lo-profile"  # its own profile: no clash with another soffice running
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(word)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = (tmp_path / word.name).with_suffix(".pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) >= 2
