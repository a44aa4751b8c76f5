"""Dates, periods and counts a person types or fills in are read in ASCII digits only, as the README
promises: `\\d` and int() also take Arabic-Indic ('٢٠٢١') and fullwidth ('２０２１') digits, which
would be read as 2021 by one reader and refused by the next. Every reader of a typed date, period or
count is held to [0-9]: the report's --period, a period as tables print it (progress add --period,
missing --period, an ID's period), a form's Ngày cell, the command line's dates, the counts CSV."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tthc_cli.data.counts import read_counts
from tthc_cli.domain.problems import ProblemError
from tthc_cli.domain.report_periods import period_code, report_period
from tthc_cli.domain.userdates import parse_user_date

from .test_counts_import import HEADER
from .test_unit_forms import fill, forms, row_of

__all__ = ["forms"]  # the fixture, shared with the forms' own tests

ARABIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
OTHER_DIGITS = pytest.mark.parametrize("digits", [ARABIC, FULLWIDTH], ids=["arabic-indic", "fullwidth"])


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("2021-q2", "2021-Q2"),
        ("quý II/2021", "2021-Q2"),
        ("tháng 5/2022", "2022-M05"),
        ("6 tháng đầu năm 2021", "2021-H1"),
        ("năm 2021", "2021"),
        ("tuần 5/2021", "2021-W05"),
        ("01/06/2021 – 07/06/2021", "2021-06-01/2021-06-07"),
    ],
)
@OTHER_DIGITS
def test_a_period_as_tables_print_it_is_read_in_ascii_digits_only(
    typed: str, code: str, digits: dict[int, str]
) -> None:
    assert period_code(typed) == code
    assert period_code(typed.translate(digits)) is None


@OTHER_DIGITS
def test_a_report_period_is_read_in_ascii_digits_only(digits: dict[int, str]) -> None:
    assert report_period("2021-Q2").code == "2021-Q2"
    for typed in ("2021-Q2", "2021", "2021-M05"):
        with pytest.raises(ProblemError) as refused:
            report_period(typed.translate(digits))
        assert refused.value.problem.code == "report-period"


def test_report_period_typed_in_fullwidth_digits_is_a_usage_error(
    data_dir: Path, tthc: Callable[..., Any], tmp_path: Path
) -> None:
    run = tthc(
        "report", "--period", "２０２１-Q2", "--data", str(data_dir), "--today", "2021-07-01", "--lang", "en"
    )
    assert run.code == 2 and "--period ２０２１-Q2: not a report period" in run.stderr
    assert not list(tmp_path.glob("*.md"))


@OTHER_DIGITS
def test_a_date_typed_on_the_command_line_is_read_in_ascii_digits_only(digits: dict[int, str]) -> None:
    assert parse_user_date("16/6/2021") == date(2021, 6, 16)
    for typed in ("16/6/2021", "2021-06-16"):
        with pytest.raises(ProblemError):
            parse_user_date(typed.translate(digits))


@OTHER_DIGITS
def test_a_form_date_is_read_in_ascii_digits_only(
    data_dir: Path, tthc: Callable[..., Any], forms: dict[str, Path], tmp_path: Path, digits: dict[int, str]
) -> None:
    typed = "16/6/2021".translate(digits)
    filled = fill(forms["so-y-te"], {"review:6": ("Đã hoàn thành", typed, None, None)}, tmp_path / "d.xlsx")
    sheet, r = row_of(filled, "review:6")
    before = (data_dir / "progress.yaml").read_bytes()
    run = tthc("progress", "import", str(filled), "--data", str(data_dir), "--lang", "en")
    assert run.code == 1
    assert f"sheet '{sheet}', row {r}, column K (Date): error[form-row] '{typed}' is not a date" in run.stderr
    assert (data_dir / "progress.yaml").read_bytes() == before


@OTHER_DIGITS
def test_a_count_is_read_in_ascii_digits_only(plan: Any, digits: dict[int, str]) -> None:
    row = "huyen,,,3120,1450,1500,170,2900,2100,780,20,220,210,10"
    raw = f"{HEADER}\n{row}\n".encode()
    assert read_counts(raw, "so-lieu.csv", plan.registry)[1] == []
    table, problems = read_counts(
        raw.decode().replace(row, row.translate(digits)).encode(), "so-lieu.csv", plan.registry
    )
    assert table is None
    assert {(p.code, p.variant) for p in problems} == {("counts-number", "not-whole")}
