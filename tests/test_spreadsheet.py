"""Excel as the office uses it: a workbook with a sheet per view (items, obligations, units) in the
reader's words, real dates, a frozen header with filters, status colours; a CSV that Excel opens by
double-click under Vietnamese settings; the plain CSV keeps its codes for tools."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from .conftest import DATA, ITEMS_2021

TODAY = "2021-08-03"  # Phụ lục I's 31/07 rows are overdue (effective 02/08), others not yet due


@pytest.fixture(scope="module")
def workbook(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from tthc_cli.cli.app import app

    path = tmp_path_factory.mktemp("xlsx") / "ke-hoach.xlsx"
    result = CliRunner().invoke(
        app, ["export", "-o", str(path), "--today", TODAY, "--data", str(DATA)], catch_exceptions=False
    )
    assert result.exit_code == 0
    return path


def test_the_workbook_has_a_sheet_per_view_in_vietnamese(workbook: Path) -> None:
    book = openpyxl.load_workbook(workbook)
    assert book.sheetnames == ["Việc", "Phần việc", "Đơn vị"]
    items = book["Việc"]
    assert items["A1"].value.startswith("Kế hoạch 2021 – Hải Dương: toàn bộ các việc")
    headers = [c.value for c in items[2]]
    assert headers[:8] == [
        "Mục",
        "Nội dung",
        "Chủ trì",
        "Thời hạn",
        "Hạn",
        "Hạn thực tế",
        "Tình trạng",
        "Ngày hoàn thành",
    ]
    assert headers[-1] == "Mã"  # for whoever types `tthc progress add`
    assert items.freeze_panes == "B3" and items.auto_filter.ref.startswith("A2:")
    row13 = next(
        r
        for r in items.iter_rows(min_row=3)
        if r[0].value == "PL I – 13 (Ban Quản lý các khu công nghiệp tỉnh)"
    )
    due, effective, status = row13[4], row13[5], row13[6]
    assert isinstance(due.value, datetime) and due.value.date() == date(2021, 7, 31)
    assert due.number_format == "dd/mm/yyyy"
    assert effective.value.date() == date(2021, 8, 2)  # a Saturday: the next working day
    assert status.value == "Quá hạn" and status.fill.start_color.rgb.endswith("FDE2E1")
    words = {c.value for r in items.iter_rows(min_row=3) for c in r}
    assert "không" in words and "Nhiệm vụ" in words and "overdue" not in words and "False" not in words


def test_the_workbook_reads_back_in_pandas_with_real_dates_and_every_row(workbook: Path) -> None:
    sheets = pd.read_excel(workbook, sheet_name=None, header=1)
    assert list(sheets) == ["Việc", "Phần việc", "Đơn vị"]
    items, owed = sheets["Việc"], sheets["Phần việc"]
    assert len(items) == 14 + 5 + 16 + 17 + 2  # the document's own items; their shares are obligations
    assert pd.api.types.is_datetime64_any_dtype(owed["Hạn"])
    # Obligations are the items without parts: all but 3.2 and 6 (appendix rows; 3.2's periodic reports
    # too), the four split unit by unit (8, IV.1, IV.2, Ghi chú 2) and IV.5 (its periodic reports).
    assert owed["Mã"].is_unique and len(owed) + 2 + 4 + 1 == ITEMS_2021
    row = owed.set_index("Mã").loc["task:8/so-y-te"]
    assert (row["Mục"], row["Đơn vị"], row["Tình trạng"]) == ("Mục 8 – Sở Y tế", "Sở Y tế", "Chưa đến hạn")


def test_each_units_figures_equal_its_unit_json(workbook: Path, run) -> None:  # type: ignore[no-untyped-def]
    units = pd.read_excel(workbook, sheet_name="Đơn vị", header=1).set_index("Đơn vị")
    for name in ("Sở Y tế", "Ban Quản lý các khu công nghiệp tỉnh", "UBND huyện Kim Thành"):
        figures = json.loads(run("unit", name, "-f", "json", "--today", TODAY).stdout)["figures"]
        row = units.loc[name]
        assert row["Phải làm"] == figures["owed"]
        assert row["Hoàn thành đúng hạn"] == figures["done_on_time"]
        assert row["Quá hạn"] == figures["overdue"]
        assert row["Chưa xong"] == figures["not_done"]
        assert row["Phối hợp"] == figures["support"] and row["Được kiểm tra"] == figures["inspected"]
        rate = figures["on_time_rate"]
        assert (pd.isna(row["Tỷ lệ đúng hạn"]) and rate is None) or row["Tỷ lệ đúng hạn"] == rate


def test_english_workbook_on_request(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "plan.xlsx"
    assert run("--lang", "en", "export", "-o", str(path), "--today", TODAY).code == 0
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Items", "Obligations", "Units"]
    assert [c.value for c in book["Items"][2]][:3] == ["Item no.", "Item", "Lead"]
    assert {c.value for r in book["Items"].iter_rows(min_row=3) for c in r} >= {"Overdue", "no"}


def test_the_suffix_chooses_xlsx_and_a_terminal_is_refused(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "x.xlsx"
    result = run("export", "-o", str(path))
    assert result.code == 0 and path.read_bytes()[:2] == b"PK"  # a zip: the xlsx container
    assert run("export", "-f", "csv", "-o", str(tmp_path / "y.xlsx")).code == 2  # a contradiction


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path, data_dir: Path, run) -> None:  # type: ignore[no-untyped-def]
    plan = data_dir / "plan.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace(
            "Nhiệm vụ tham mưu ban hành Quy chế", '=HYPERLINK(\\"http://x\\")'
        ),
        encoding="utf-8",
    )
    path = tmp_path / "x.xlsx"
    assert run("export", "-o", str(path), "--data", str(data_dir)).code == 0
    cell = openpyxl.load_workbook(path)["Việc"]["B3"]
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")


def test_csv_for_excel_has_vietnamese_words_semicolons_and_a_bom(run) -> None:  # type: ignore[no-untyped-def]
    out = run(
        "due", "--before", "31/7/2021", "--after", "31/7/2021", "-f", "csv-excel", "--today", TODAY
    ).stdout
    assert out.startswith("\ufeffMục;Nội dung;Chủ trì;")
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff")), delimiter=";"))
    first = rows[0]
    assert (first["Hạn"], first["Hạn thực tế"], first["Tình trạng"]) == (
        "31/07/2021",
        "02/08/2021",
        "Quá hạn",
    )
    assert first["Dự kiến"] == "không" and first["Loại"] == "PL I"
    plain = list(
        csv.DictReader(
            io.StringIO(
                run(
                    "due", "--before", "31/7/2021", "--after", "31/7/2021", "-f", "csv", "--today", TODAY
                ).stdout
            )
        )
    )
    assert plain[0]["due"] == "2021-07-31" and plain[0]["status"] == "overdue"  # codes, for tools


def test_every_table_command_offers_csv_for_excel(run) -> None:  # type: ignore[no-untyped-def]
    for args in (
        ("list",),
        ("overdue",),
        ("upcoming",),
        ("unit", "Sở Y tế"),
        ("missing", "IV.2"),
        ("units",),
    ):
        result = (
            run(*args, "-f", "csv-excel", "--today", TODAY)
            if args[0] != "units"
            else run(*args, "-f", "csv-excel")
        )
        assert (
            result.code == 0 and result.stdout.startswith("\ufeff") and ";" in result.stdout.splitlines()[0]
        )


@pytest.mark.skipif(
    shutil.which("soffice") is None and not os.environ.get("TTHC_REQUIRE_LIBREOFFICE"),
    reason="LibreOffice is not installed (CI installs it and sets TTHC_REQUIRE_LIBREOFFICE=1)",
)
def test_libreoffice_prints_the_workbook_to_pdf(workbook: Path, tmp_path: Path) -> None:
    """The office may open the file in LibreOffice, not Excel: it must open and print there too."""
    profile = tmp_path / "profile"  # a profile of its own: never the user's, never shared by workers
    result = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(workbook),
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )
    pdf = tmp_path / "ke-hoach.pdf"
    assert result.returncode == 0 and pdf.exists(), result.stderr
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and data.count(b"/Type /Page") + data.count(b"/Type/Page") >= 3


def test_text_longer_than_an_excel_cell_is_cut_with_a_mark_and_said_once(
    tmp_path: Path, data_dir: Path, run
) -> None:  # type: ignore[no-untyped-def]
    plan = data_dir / "plan.yaml"
    long = "Nhiệm vụ tham mưu ban hành Quy chế" + " dài" * 20_000  # 80,000 characters
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("Nhiệm vụ tham mưu ban hành Quy chế", long), encoding="utf-8"
    )
    path = tmp_path / "x.xlsx"
    result = run("export", "-o", str(path), "--data", str(data_dir))
    assert result.code == 0, result.stderr
    cell = openpyxl.load_workbook(path)["Việc"]["B3"]
    assert len(cell.value) == 32_767 and cell.value.startswith("Nhiệm vụ tham mưu")
    label = openpyxl.load_workbook(path)["Việc"]["A3"].value
    assert cell.value.endswith(f' … [cắt bớt: toàn văn xem bằng tthc show "{label}"]')
    said = [line for line in result.stderr.splitlines() if "32.767" in line]
    assert len(said) == 1 and "Việc!B3" in said[0]
