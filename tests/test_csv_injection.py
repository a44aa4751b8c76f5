"""A cell of a CSV that starts with = + - @ (or a tab or carriage return) is run by Excel as a formula
('-2+3' computes, '=HYPERLINK(…)' links): every CSV tthc writes, for tools or for Excel, makes such a
cell text by putting an apostrophe in front, and leaves every other cell as it is."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from tthc_cli.present.spreadsheet import Column, Sheet, excel_csv
from tthc_cli.present.tables import csv_cell, items_csv, to_csv

from .conftest import edit
from .small_plans import due_on, item

FORMULA_STARTS = ["=", "+", "-", "@", "\t", "\r"]


@pytest.mark.parametrize("start", FORMULA_STARTS, ids=["equals", "plus", "minus", "at", "tab", "cr"])
def test_a_cell_starting_like_a_formula_is_made_text(start: str) -> None:
    assert csv_cell(f"{start}1+2") == f"'{start}1+2"
    assert csv_cell(start) == f"'{start}"


@pytest.mark.parametrize("text", ["", "Sở Y tế", "2021-06-30", "1-2", " -1", "'=1", "a=b", "task:1.1", "…-"])
def test_any_other_cell_is_left_as_it_is(text: str) -> None:
    assert csv_cell(text) == text


def _rows(text: str, delimiter: str = ",") -> list[list[str]]:
    """The rows of a CSV: for tools (',') without a BOM, for Excel (';') behind one."""
    excel = delimiter == ";"
    assert text.startswith("\ufeff") is excel
    return list(csv.reader(io.StringIO(text[1:] if excel else text), delimiter=delimiter))


def _runs_as_formula(rows: list[list[str]]) -> list[str]:
    return [cell for row in rows for cell in row if cell.startswith(tuple(FORMULA_STARTS))]


def test_every_cell_of_a_csv_for_tools_is_checked_and_dates_are_iso() -> None:
    written = to_csv(["id", "due"], [["=1", date(2021, 6, 30)], [None, "@me"]])
    assert written.endswith("\r\n")
    assert _rows(written) == [["id", "due"], ["'=1", "2021-06-30"], ["", "'@me"]]


def test_every_cell_of_a_csv_for_excel_is_checked_headers_too() -> None:
    sheet = Sheet("x", "x", (Column("-x"), Column("Hạn", "date")), (("=1", date(2021, 6, 30)), ("+Sở", None)))
    assert _rows(excel_csv(sheet), ";") == [["'-x", "Hạn"], ["'=1", "30/06/2021"], ["'+Sở", ""]]


@pytest.mark.parametrize(
    "command",
    [
        ("list", "--today", "2021-06-05"),
        ("due", "--before", "2021-12-31", "--today", "2021-06-05"),
        ("overdue", "--today", "2021-06-05"),
        ("upcoming", "--today", "2021-06-05"),
        ("unit", "Sở Y tế", "--today", "2021-06-05"),
        ("units",),
        ("export", "--today", "2021-06-05"),
    ],
    ids=lambda c: c[0],
)
@pytest.mark.parametrize(("fmt", "delimiter"), [("csv", ","), ("csv-excel", ";")])
def test_no_header_of_a_csv_runs_as_a_formula(
    run, command: tuple[str, ...], fmt: str, delimiter: str
) -> None:  # type: ignore[no-untyped-def]
    result = run(*command, "-f", fmt)
    assert result.code == 0, result.stderr
    header = _rows(result.stdout, delimiter)[0]
    assert len(header) > 3 and not _runs_as_formula([header])
    if fmt == "csv":  # for tools: the column codes, the same in every language
        assert all(h.replace("_", "").isascii() and h.replace("_", "").isalpha() for h in header), header


def test_an_items_text_and_its_units_are_made_text_in_the_items_csv() -> None:
    task = item(
        "task:1",
        title="-2+3 đơn vị",
        lead=("=HYPERLINK(1)",),
        support=("+Sở",),
        deadline=due_on(date(2021, 6, 30)),
    )
    header, row = _rows(items_csv([task]))
    cells = dict(zip(header, row, strict=True))
    assert (cells["title"], cells["lead"], cells["support"]) == ("'-2+3 đơn vị", "'=HYPERLINK(1)", "'+Sở")
    assert (cells["id"], cells["due"]) == ("task:1", "2021-06-30")


OLD_TITLE = (
    "title: >-\n"
    "      Nhiệm vụ tham mưu ban hành Quy chế về tổ chức và hoạt động của Bộ phận Một cửa giải quyết "
    "thủ tục\n      hành chính trên địa bàn tỉnh Hải Dương.\n"
)


@pytest.mark.parametrize(
    ("start", "yaml"),
    [("=", "="), ("+", "+"), ("-", "-"), ("@", "@"), ("\t", "\\t")],
    ids=["equals", "plus", "minus", "at", "tab"],
)
@pytest.mark.parametrize(("fmt", "delimiter"), [("csv", ","), ("csv-excel", ";")])
def test_an_item_whose_text_starts_like_a_formula_is_text_in_every_csv(
    run, data_dir: Path, start: str, yaml: str, fmt: str, delimiter: str
) -> None:  # type: ignore[no-untyped-def]
    (data_dir / "plan.yaml").write_text(
        edit("plan.yaml", OLD_TITLE, f'title: "{yaml}1+1 Quy chế"\n'), encoding="utf-8"
    )
    result = run("list", "-f", fmt, "--kind", "task", "--today", "2021-03-01", "--data", str(data_dir))
    assert result.code == 0, result.stderr
    rows = _rows(result.stdout, delimiter)
    assert [f"'{start}1+1 Quy chế"] == [cell for row in rows for cell in row if "1+1 Quy chế" in cell]
    assert _runs_as_formula(rows) == []  # no other cell of the file either, its header included
