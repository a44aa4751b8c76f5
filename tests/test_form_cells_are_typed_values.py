"""What a unit reports on a form is what it typed: a formula or an Excel error in a column it fills
(Trạng thái, Ngày, Số/ký hiệu văn bản, Ghi chú) is refused at its row and column — with or without the
result saved beside it — rather than recorded in the append-only log as `#DIV/0!`, or dropped unseen
when no result was saved. A HYPERLINK formula is refused like any other; a link inserted as a link
keeps its text, which is a value."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from .test_unit_forms import fill, filled_in_calc, forms, row_of

__all__ = ["forms"]  # the fixture, shared with the forms' own tests

GOOD = ("Đã hoàn thành", date(2021, 6, 18), "BC 12/BC-SYT", None)


def imported(tthc: Callable[..., Any], data_dir: Path, form: Path, *extra: str) -> Any:
    before = (data_dir / "progress.yaml").read_bytes()
    run = tthc("progress", "import", str(form), "--data", str(data_dir), *extra)
    if run.code != 0:
        assert (data_dir / "progress.yaml").read_bytes() == before
    return run


@pytest.mark.parametrize(
    ("column", "cells", "shown"),
    [
        ("J", ("=IF(1,\"Đã hoàn thành\",\"\")", date(2021, 6, 18), None, None), '=IF(1,"Đã hoàn thành","")'),
        ("K", ("Đã hoàn thành", "=DATE(2021,6,18)", None, None), "=DATE(2021,6,18)"),
        ("L", ("Đã hoàn thành", date(2021, 6, 18), "=1/0", None), "=1/0"),
        ("L", ("Đã hoàn thành", date(2021, 6, 18), '=HYPERLINK("u","BC 1")', None), '=HYPERLINK("u","BC 1")'),
        ("M", ("Đã hoàn thành", date(2021, 6, 18), None, '="Đã gửi "&"bản giấy"'), '="Đã gửi "&"bản giấy"'),
    ],
)  # fmt: skip
def test_a_formula_in_a_filled_column_is_refused_at_its_cell(
    data_dir: Path,
    tthc: Callable[..., Any],
    forms: dict[str, Path],
    tmp_path: Path,
    column: str,
    cells: tuple[Any, Any, Any, Any],
    shown: str,
) -> None:
    """Written as a generator writes it: the formula alone, no result saved (the review's m8: the
    evidence was dropped and the row recorded as done without it)."""
    filled = fill(forms["so-y-te"], {"review:6": cells}, tmp_path / "f.xlsx")
    sheet, r = row_of(filled, "review:6")
    run = imported(tthc, data_dir, filled, "--lang", "en")
    assert run.code == 1, run.stderr
    (line,) = [line for line in run.stderr.splitlines() if "error[" in line]
    assert f"sheet '{sheet}', row {r}, column {column} (" in line
    assert "error[form-row] this cell holds a formula (" in line and shown in line
    assert "type the value itself" in line and "nothing was recorded" in run.stderr


def test_an_excel_error_typed_in_a_cell_is_refused(
    data_dir: Path, tthc: Callable[..., Any], forms: dict[str, Path], tmp_path: Path
) -> None:
    filled = fill(
        forms["so-y-te"],
        {"review:6": ("Đã hoàn thành", date(2021, 6, 18), "#N/A", None)},
        tmp_path / "e.xlsx",
    )
    sheet, r = row_of(filled, "review:6")
    run = imported(tthc, data_dir, filled, "--lang", "en")
    assert run.code == 1
    where = f"sheet '{sheet}', row {r}, column L (Document no.)"
    assert f"{where}: error[form-row] this cell holds an Excel error (#N/A)" in run.stderr


def saved_with_results(form: Path, out: Path, row: int) -> Path:
    """`form` with row `row`'s evidence and note as LibreOffice saves =1/0 and =HYPERLINK(…): the
    formula with its result beside it (#DIV/0!, an error; 'BC 1', a text)."""
    with zipfile.ZipFile(form) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    cells = (
        f'<c r="J{row}" t="inlineStr"><is><t>Đã hoàn thành</t></is></c>'
        f'<c r="K{row}" t="inlineStr"><is><t>18/6/2021</t></is></c>'
        f'<c r="L{row}" t="e"><f>1/0</f><v>#DIV/0!</v></c>'
        f'<c r="M{row}" t="str"><f>HYPERLINK("http://x/bc.pdf","BC 1")</f><v>BC 1</v></c>'
    )
    sheet = re.sub(
        rf'(<c r="J{row}"[^>]*?)(/>|>.*?</c>)(.*?)(<c r="N{row}")', lambda m: cells + m[4], sheet, count=1
    )
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return out


def test_a_formula_saved_with_its_result_is_refused_not_recorded_as_the_result(
    data_dir: Path, tthc: Callable[..., Any], forms: dict[str, Path], tmp_path: Path
) -> None:
    """The review's F-9: evidence '=1/0' saved by LibreOffice was recorded as evidence '#DIV/0!'."""
    _sheet, r = row_of(forms["so-y-te"], "review:6")
    form = saved_with_results(forms["so-y-te"], tmp_path / "cached.xlsx", r)
    run = imported(tthc, data_dir, form)
    assert run.code == 1, run.stderr
    assert f"dòng {r}, cột L (Số/ký hiệu văn bản): error[form-row] ô này là công thức (=1/0)" in run.stderr
    assert f"dòng {r}, cột M (Ghi chú): error[form-row] ô này là công thức (=HYPERLINK(" in run.stderr
    assert "#DIV/0!" not in (data_dir / "progress.yaml").read_text(encoding="utf-8")


def test_a_row_typed_as_values_beside_a_refused_one_is_not_recorded_either(
    data_dir: Path, tthc: Callable[..., Any], forms: dict[str, Path], tmp_path: Path
) -> None:
    filled = fill(
        forms["so-y-te"],
        {"review:6": GOOD, "duty:IV.2/so-y-te": ("Đã bắt đầu", date(2021, 6, 1), "=1/0", None)},
        tmp_path / "two.xlsx",
    )
    run = imported(tthc, data_dir, filled, "--lang", "en")
    assert run.code == 1 and "1 problem in the forms; nothing was recorded" in run.stderr


def test_a_form_filled_in_libreoffice_with_formulas_is_refused_at_each(
    data_dir: Path, tthc: Callable[..., Any], forms: dict[str, Path], tmp_path: Path
) -> None:
    sheet, r = row_of(forms["so-y-te"], "review:6")
    cells = {
        f"J{r}": "Đã hoàn thành",
        f"K{r}": "=DATE(2021;6;18)",
        f"L{r}": "=1/0",
        f"M{r}": '=HYPERLINK("http://x/bc.pdf";"BC 1")',
    }
    out = filled_in_calc(forms["so-y-te"], sheet, cells, tmp_path)
    run = imported(tthc, data_dir, out, "--lang", "en")
    assert run.code == 1, run.stderr
    for column, formula in (("K", "=DATE(2021,6,18)"), ("L", "=1/0"), ("M", "=HYPERLINK(")):
        assert any(
            f"row {r}, column {column} (" in line and f"holds a formula ({formula}" in line
            for line in run.stderr.splitlines()
        ), (column, run.stderr)
    assert "#DIV/0!" not in (data_dir / "progress.yaml").read_text(encoding="utf-8")
