"""Units report on Excel forms: `tthc form` issues each unit's open obligations with columns to fill
(the rest locked, the obligation IDs and the form's identity hidden), and `tthc progress import` reads
filled forms back — every row checked, every problem at its file, sheet, row and column, all rows
recorded or none, a form imported twice adding nothing."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from tthc_cli.domain.forms import FIRST_ROW, HEADER_ROW, IDENTITY_SHEET, Column

from .conftest import ROOT

ID = Column.ID.number
STATUS, DAY, EVIDENCE, NOTE = (c.number for c in (Column.STATUS, Column.DATE, Column.EVIDENCE, Column.NOTE))
Fill = dict[str, tuple[Any, Any, str | None, str | None]]  # obligation ID -> status, date, evidence, note


def issue(tthc: Callable[..., Any], folder: Path, unit: str, out: Path, *extra: str) -> Path:
    run = tthc("form", "--data", str(folder), "--unit", unit, "-o", str(out), "--today", "2021-06-20", *extra)
    assert run.code == 0, run.stderr
    return out


def fill(form: Path, rows: Fill, out: Path, ids: dict[str, str] | None = None) -> Path:
    """The form filled as its unit would, with openpyxl: each row found by its hidden ID. `ids`
    rewrites a row's hidden ID (a row pasted from elsewhere)."""
    book = load_workbook(form)
    for ws in book.worksheets:
        if ws.title == IDENTITY_SHEET:
            continue
        for r in range(FIRST_ROW, ws.max_row + 1):
            key = ws.cell(r, ID).value
            if key in rows:
                status, day, evidence, note = rows[key]
                for column, value in ((STATUS, status), (DAY, day), (EVIDENCE, evidence), (NOTE, note)):
                    ws.cell(r, column).value = value
            if ids and key in ids:
                ws.cell(r, ID).value = ids[key]
    book.save(out)
    return out


def row_of(form: Path, item: str) -> tuple[str, int]:
    book = load_workbook(form)
    for ws in book.worksheets:
        for r in range(FIRST_ROW, ws.max_row + 1):
            if ws.cell(r, ID).value == item:
                return ws.title, r
    raise AssertionError(f"{item} is not in {form}")


@pytest.fixture
def forms(data_dir: Path, tthc: Callable[..., Any], tmp_path: Path) -> dict[str, Path]:
    out = tmp_path / "forms"
    out.mkdir()
    return {
        "so-y-te": issue(tthc, data_dir, "Sở Y tế", out / "so-y-te.xlsx"),
        "gia-loc": issue(tthc, data_dir, "Gia Lộc", out / "gia-loc.xlsx"),
    }


# --- the form --------------------------------------------------------------------------------------


def test_a_form_holds_the_units_open_obligations_and_its_groups_work(forms: dict[str, Path]) -> None:
    book = load_workbook(forms["so-y-te"])
    own, group, identity = book.worksheets
    assert (own.title, group.title) == ("Nghĩa vụ của đơn vị", "Việc của nhóm")
    assert identity.title == IDENTITY_SHEET and identity.sheet_state == "hidden"
    headers = [c.value for c in own[HEADER_ROW]]
    assert headers[STATUS - 1 : NOTE] == ["Trạng thái", "Ngày", "Số/ký hiệu văn bản", "Ghi chú"]
    rows = {own.cell(r, ID).value: r for r in range(FIRST_ROW, own.max_row + 1)}
    reports = {f"duty:IV.2/so-y-te/{p}" for p in ("2021-Q1", "2021-Q2", "2021-Q3", "2021-Q4", "2021")}
    assert set(rows) == {"task:8/so-y-te", "duty:IV.2/so-y-te", "review:6", "note:review.2/so-y-te", *reports}
    report = rows["duty:IV.2/so-y-te/2021-Q2"]  # its periodic report to the Office (reporting.yaml)
    assert own.cell(report, Column.DUE.number).value.date() == date(2021, 6, 16)
    r = rows["review:6"]
    assert own.cell(r, Column.ITEM.number).value == "PL I – 6 (Sở Y tế)"
    assert own.cell(r, Column.DUE.number).value.date() == date(2021, 6, 30)
    assert own.cell(r, Column.STATUS_NOW.number).value == "Chưa đến hạn"
    assert [group.cell(r, ID).value for r in range(FIRST_ROW, group.max_row + 1)] == ["task:7.1"]
    assert group.cell(FIRST_ROW, Column.LEAD.number).value.startswith("Các cơ quan giải quyết hồ sơ")


def test_only_the_columns_to_fill_are_open_and_the_ids_are_hidden(forms: dict[str, Path]) -> None:
    book = load_workbook(forms["so-y-te"])
    own = book.worksheets[0]
    assert own.protection.sheet and not own.protection.password  # a guard, not a secret
    assert book.security is not None and book.security.lockStructure
    for column in Column:
        assert own.cell(FIRST_ROW, column.number).protection.locked == (
            column not in (Column.STATUS, Column.DATE, Column.EVIDENCE, Column.NOTE)
        )
    assert own.column_dimensions["N"].hidden
    lists = [v for v in own.data_validations.dataValidation if v.type == "list"]
    dates = [v for v in own.data_validations.dataValidation if v.type == "date"]
    assert lists[0].formula1 == '"Đã bắt đầu,Đã hoàn thành,Ghi chú"'
    assert str(lists[0].sqref) == f"J{FIRST_ROW}:J{FIRST_ROW + 3 + 5}"  # with its 5 periodic reports
    assert dates[0].formula2 == "TODAY()" and dates[0].errorStyle == "warning"
    assert own.cell(FIRST_ROW, DAY).number_format == "dd/mm/yyyy"


def test_a_form_in_english(data_dir: Path, tthc: Callable[..., Any], tmp_path: Path) -> None:
    book = load_workbook(issue(tthc, data_dir, "Sở Y tế", tmp_path / "en.xlsx", "--lang", "en"))
    own = book.worksheets[0]
    assert own.title == "Own obligations"
    assert [c.value for c in own[HEADER_ROW]][STATUS - 1 : NOTE] == ["Status", "Date", "Document no.", "Note"]
    assert own.data_validations.dataValidation[0].formula1 == '"Started,Done,Note"'


def test_form_all_writes_one_file_per_unit_named_from_its_slug(
    data_dir: Path, tthc: Callable[..., Any], tmp_path: Path
) -> None:
    run = tthc(
        "form", "--all", "-o", str(tmp_path / "bieu-mau"), "--data", str(data_dir), "--today", "2021-06-20"
    )
    assert run.code == 0, run.stderr
    names = sorted(p.name for p in (tmp_path / "bieu-mau").iterdir())
    assert "so-y-te.xlsx" in names and "ubnd-huyen-gia-loc.xlsx" in names and len(names) == 32
    assert tthc("form", "--data", str(data_dir)).code == 2  # neither --unit nor --all
    assert tthc("form", "--all", "--data", str(data_dir)).code == 2  # --all without a folder
    group = tthc("form", "--unit", "UBND cấp huyện", "--data", str(data_dir), "-o", str(tmp_path / "g.xlsx"))
    assert group.code == 1 and "nhóm" in group.stderr


# --- the round trip --------------------------------------------------------------------------------


def test_two_units_forms_filled_and_imported_then_imported_again_add_nothing(
    data_dir: Path, tthc: Callable[..., Any], forms: dict[str, Path], tmp_path: Path
) -> None:
    syt = fill(
        forms["so-y-te"],
        {
            "review:6": ("Đã hoàn thành", date(2021, 6, 18), "Báo cáo 12/BC-SYT", "Đã gửi bản giấy"),
            "duty:IV.2/so-y-te": ("Đã bắt đầu", "5/6/2021", None, None),  # a date typed as text
            "task:7.1": ("Ghi chú", date(2021, 6, 19), None, "Đã tuyên truyền trên cổng"),
        },
        tmp_path / "syt.xlsx",
    )
    gl = fill(
        forms["gia-loc"],
        {
            # the status code itself works too
            "duty:IV.2/ubnd-huyen-gia-loc": ("done", date(2021, 6, 15), "KH 34/KH-UBND", None),
        },
        tmp_path / "gl.xlsx",
    )
    before = (data_dir / "progress.yaml").read_bytes()
    run = tthc("progress", "import", str(syt), str(gl), "--data", str(data_dir), "--lang", "en")
    assert run.code == 0, run.stderr
    assert "recorded 4 entries from 2 form(s)" in run.stderr and "0 already in the log" in run.stderr
    after = (data_dir / "progress.yaml").read_bytes()
    assert after.startswith(before)
    shown = json.loads(
        tthc("show", "review:6", "--data", str(data_dir), "--format", "json", "--today", "2021-06-20").stdout
    )
    (entry,) = shown["progress"]
    assert entry["by"] == "Sở Y tế" and entry["evidence"] == "Báo cáo 12/BC-SYT"
    assert entry["note"] == "Đã gửi bản giấy (syt.xlsx)"
    assert shown["status"]["code"] == "done_on_time"
    again = tthc("progress", "import", str(syt), str(gl), "--data", str(data_dir), "--lang", "en")
    assert again.code == 0
    assert "nothing new to record: the 4 filled rows of 2 form(s) are already in the log" in again.stderr
    assert (data_dir / "progress.yaml").read_bytes() == after
    assert tthc("validate", "--data", str(data_dir), "--strict").code == 0


def test_under_the_per_unit_layout_an_import_writes_each_units_file(
    data_dir: Path, tthc: Callable[..., Any], forms: dict[str, Path], tmp_path: Path
) -> None:
    (data_dir / "progress").mkdir()
    syt = fill(
        forms["so-y-te"], {"review:6": ("Đã hoàn thành", date(2021, 6, 18), None, None)}, tmp_path / "a.xlsx"
    )
    gl = fill(
        forms["gia-loc"],
        {"duty:IV.2/ubnd-huyen-gia-loc": ("Đã bắt đầu", "1/6/2021", None, None)},
        tmp_path / "b.xlsx",
    )
    run = tthc("progress", "import", str(syt), str(gl), "--data", str(data_dir))
    assert run.code == 0, run.stderr
    assert b'"review:6"' in (data_dir / "progress" / "so-y-te.yaml").read_bytes()
    assert (
        b'"duty:IV.2/ubnd-huyen-gia-loc"' in (data_dir / "progress" / "ubnd-huyen-gia-loc.yaml").read_bytes()
    )
    assert b"review:6" not in (data_dir / "progress.yaml").read_bytes()


FUTURE = date.today() + timedelta(days=10)


@pytest.mark.parametrize(
    ("case", "rows", "ids", "item", "column", "code", "words"),
    [
        ("another unit's row", {"review:6": ("Đã hoàn thành", date(2021, 6, 18), None, None)},
         {"review:6": "review:11"}, "review:11", "N", "form-row", "review:11 is not Sở Y tế's to report"),
        ("an unknown ID", {"review:6": ("Đã hoàn thành", date(2021, 6, 18), None, None)},
         {"review:6": "review:99"}, "review:99", "N", "form-row", "no obligation of this plan has the ID"),
        ("a date in the future", {"review:6": ("Đã hoàn thành", FUTURE, None, None)},
         None, "review:6", "K", "form-row", "is after today"),
        ("an impossible date", {"review:6": ("Đã hoàn thành", "31/6/2021", None, None)},
         None, "review:6", "K", "form-row", "'31/6/2021' is not a real date"),
        ("not a date", {"review:6": ("Đã hoàn thành", "hôm qua", None, None)},
         None, "review:6", "K", "form-row", "'hôm qua' is not a date"),
        ("a status not in the list", {"review:6": ("Xong rồi", date(2021, 6, 18), None, None)},
         None, "review:6", "J", "form-row", "'Xong rồi' is not a status of the form"),
        ("no status", {"review:6": (None, date(2021, 6, 18), "BC 1", None)},
         None, "review:6", "J", "form-row", "the Status is empty"),
        ("before the plan", {"review:6": ("Đã bắt đầu", date(2020, 12, 1), None, None)},
         None, "review:6", "K", "before-plan", "before the plan period starts"),
    ],
)  # fmt: skip
def test_a_bad_row_is_refused_at_its_place_and_nothing_is_recorded(
    data_dir: Path,
    tthc: Callable[..., Any],
    forms: dict[str, Path],
    tmp_path: Path,
    case: str,
    rows: Fill,
    ids: dict[str, str] | None,
    item: str,
    column: str,
    code: str,
    words: str,
) -> None:
    good = {"duty:IV.2/so-y-te": ("Đã bắt đầu", date(2021, 6, 1), None, None)}  # a good row beside it
    filled = fill(forms["so-y-te"], {**good, **rows}, tmp_path / "filled.xlsx", ids)
    sheet, r = row_of(filled, item)
    before = (data_dir / "progress.yaml").read_bytes()
    run = tthc("progress", "import", str(filled), "--data", str(data_dir), "--lang", "en")
    assert run.code == 1, case
    expected = f"filled.xlsx, sheet '{sheet}', row {r}, column {column} ("
    assert any(
        expected in line and f"error[{code}]" in line and words in line for line in run.stderr.splitlines()
    ), (case, run.stderr)
    assert "nothing was recorded" in run.stderr
    assert (data_dir / "progress.yaml").read_bytes() == before


def test_a_row_contradicting_the_log_is_refused_at_its_place(
    data_dir: Path, tthc: Callable[..., Any], forms: dict[str, Path], tmp_path: Path
) -> None:
    """After the form was issued the office recorded review:6 started on 15/06 and duty IV.2 done:
    the unit's 'done on 10/06' comes before the start, its 'done on 18/06' of IV.2 is a second done."""
    for args in (
        ("review:6", "--status", "started", "--date", "2021-06-15"),
        ("duty:IV.2/so-y-te", "--status", "done", "--date", "2021-06-16"),
    ):
        assert tthc("progress", "add", *args, "--data", str(data_dir)).code == 0
    filled = fill(
        forms["so-y-te"],
        {
            "review:6": ("Đã hoàn thành", date(2021, 6, 10), None, None),
            "duty:IV.2/so-y-te": ("Đã hoàn thành", date(2021, 6, 18), None, None),
        },
        tmp_path / "late.xlsx",
    )
    before = (data_dir / "progress.yaml").read_bytes()
    run = tthc("progress", "import", str(filled), "--data", str(data_dir), "--lang", "en")
    assert run.code == 1
    lines = run.stderr.splitlines()
    for item, code in (("review:6", "done-before-start"), ("duty:IV.2/so-y-te", "done-twice")):
        sheet, r = row_of(filled, item)
        assert any(f"sheet '{sheet}', row {r}, column" in line and f"[{code}]" in line for line in lines), (
            item
        )
    assert (data_dir / "progress.yaml").read_bytes() == before


def test_a_form_for_another_plan_is_refused(data_dir: Path, tthc: Callable[..., Any], tmp_path: Path) -> None:
    other = ROOT / "tests" / "fixtures" / "an-lac-2022"
    form = tmp_path / "other.xlsx"
    assert tthc("form", "--data", str(other), "--unit", "Văn phòng UBND tỉnh", "-o", str(form)).code == 0
    run = tthc("progress", "import", str(form), "--data", str(data_dir), "--lang", "en")
    assert run.code == 1
    assert "a form for another plan" in run.stderr and "hai-duong-2021" in run.stderr


def test_a_form_whose_hidden_list_was_changed_is_refused(
    data_dir: Path, tthc: Callable[..., Any], forms: dict[str, Path], tmp_path: Path
) -> None:
    filled = fill(
        forms["so-y-te"],
        {"duty:IV.2/so-y-te": ("Đã bắt đầu", date(2021, 6, 1), None, None)},
        tmp_path / "x.xlsx",
        ids={"review:6": "duty:IV.2/so-y-te"},
    )
    run = tthc("progress", "import", str(filled), "--data", str(data_dir), "--lang", "en")
    assert run.code == 1 and "error[form-identity]" in run.stderr and "not the one issued" in run.stderr


def test_what_is_not_a_form_is_refused(data_dir: Path, tthc: Callable[..., Any], tmp_path: Path) -> None:
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"not a zip")
    plain = tmp_path / "plain.xlsx"
    from openpyxl import Workbook

    Workbook().save(plain)
    run = tthc(
        "progress",
        "import",
        str(junk),
        str(plain),
        str(tmp_path / "none.xlsx"),
        "--data",
        str(data_dir),
        "--lang",
        "en",
    )
    assert run.code == 1
    assert "junk.xlsx: error[form-file] not an Excel workbook" in run.stderr
    assert "plain.xlsx: error[form-identity] not a form tthc issued" in run.stderr
    assert "none.xlsx: error[form-file] no such file" in run.stderr


def test_problems_are_told_in_vietnamese_by_default(
    data_dir: Path, tthc: Callable[..., Any], forms: dict[str, Path], tmp_path: Path
) -> None:
    filled = fill(
        forms["so-y-te"], {"review:6": ("Đã hoàn thành", "31/6/2021", None, None)}, tmp_path / "v.xlsx"
    )
    run = tthc("progress", "import", str(filled), "--data", str(data_dir))
    assert run.code == 1
    # review:6 after its item 8 share, its own plan and its 5 periodic reports (IV.2)
    assert "v.xlsx, trang 'Nghĩa vụ của đơn vị', dòng 13, cột K (Ngày)" in run.stderr
    assert "không phải ngày có thật" in run.stderr


# --- a form filled in LibreOffice ------------------------------------------------------------------


def _uno_python() -> str | None:
    for python in ("/usr/bin/python3", sys.executable):
        if (
            os.path.exists(python)
            and subprocess.run([python, "-c", "import uno"], capture_output=True).returncode == 0
        ):
            return python
    return None


def filled_in_calc(form: Path, sheet: str, cells: dict[str, str], tmp_path: Path) -> Path:
    """`form` with `cells` typed into `sheet` by LibreOffice Calc (through python3-uno), saved as a new
    .xlsx, as a unit without Excel would; skipped where LibreOffice is missing, except in CI."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    python = _uno_python()
    if soffice is None or python is None:
        if os.environ.get("TTHC_REQUIRE_LIBREOFFICE") == "1":
            pytest.fail("TTHC_REQUIRE_LIBREOFFICE=1 but no soffice or no python3-uno (CI installs both)")
        pytest.skip("no soffice or python3-uno; CI installs them and sets TTHC_REQUIRE_LIBREOFFICE=1")
    out = tmp_path / "libreoffice.xlsx"
    helper = Path(__file__).with_name("libreoffice_fill.py")
    command = [python, str(helper), soffice, str(form), str(out), sheet, json.dumps(cells), str(tmp_path)]
    subprocess.run(command, check=True, capture_output=True, timeout=240)
    return out


def test_a_form_filled_in_libreoffice_is_read_back(
    data_dir: Path, tthc: Callable[..., Any], forms: dict[str, Path], tmp_path: Path
) -> None:
    sheet, r = row_of(forms["so-y-te"], "review:6")
    _sheet2, r2 = row_of(forms["so-y-te"], "duty:IV.2/so-y-te")
    cells = {  # typed as a person would: a date LibreOffice recognises, a date as text, a word from the list
        f"J{r}": "Đã hoàn thành",
        f"K{r}": "2021-06-18",
        f"L{r}": "BC 12/BC-SYT",
        f"J{r2}": "Đã bắt đầu",
        f"K{r2}": "'5/6/2021",
    }
    out = filled_in_calc(forms["so-y-te"], sheet, cells, tmp_path)
    run = tthc("progress", "import", str(out), "--data", str(data_dir), "--lang", "en")
    assert run.code == 0, run.stderr
    assert "recorded 2 entries" in run.stderr
    text = (data_dir / "progress.yaml").read_text(encoding="utf-8")
    assert '- id: "review:6"\n    date: 2021-06-18\n    status: done' in text
    assert '- id: "duty:IV.2/so-y-te"\n    date: 2021-06-05\n    status: started' in text
