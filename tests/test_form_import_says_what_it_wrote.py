"""`tthc progress import` says exactly what it did: a batch refused — by an error, or by a row that
contradicts the log (a second 'done') — is exit 1, "nothing was recorded" and the log unchanged, whatever
the severity of what refused it; a warning that does not refuse (a form arriving late, dated before the
log's last entry) is shown and the rows are written."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from .test_unit_forms import fill, forms, row_of

__all__ = ["forms"]  # the fixture, shared with the forms' own tests


def test_a_second_done_refuses_the_whole_batch_and_says_nothing_was_recorded(
    data_dir: Path, tthc: Callable[..., Any], forms: dict[str, Path], tmp_path: Path
) -> None:
    """The log has review:6 done on 15/06; the unit's form says done on 18/06 (a warning, done-twice,
    that an import refuses) beside a clean row: neither is written, and tthc says so."""
    added = tthc(
        "progress", "add", "review:6", "--status", "done", "--date", "2021-06-15", "--data", str(data_dir)
    )
    assert added.code == 0, added.stderr
    filled = fill(
        forms["so-y-te"],
        {
            "review:6": ("Đã hoàn thành", date(2021, 6, 18), "BC 12", None),
            "duty:IV.2/so-y-te": ("Đã bắt đầu", date(2021, 6, 10), None, None),  # clean on its own
        },
        tmp_path / "twice.xlsx",
    )
    before = (data_dir / "progress.yaml").read_bytes()
    run = tthc("progress", "import", str(filled), "--data", str(data_dir), "--lang", "en")
    assert run.code == 1, run.stderr
    sheet, r = row_of(filled, "review:6")
    assert f"sheet '{sheet}', row {r}, column J (Status): warning[done-twice]" in run.stderr
    assert "1 problem in the forms; nothing was recorded" in run.stderr
    assert "recorded 2 entries" not in run.stderr
    assert (data_dir / "progress.yaml").read_bytes() == before


def test_a_refused_batch_is_said_in_vietnamese_as_no_row_written(
    data_dir: Path, tthc: Callable[..., Any], forms: dict[str, Path], tmp_path: Path
) -> None:
    tthc("progress", "add", "review:6", "--status", "done", "--date", "2021-06-15", "--data", str(data_dir))
    filled = fill(
        forms["so-y-te"], {"review:6": ("Đã hoàn thành", date(2021, 6, 18), None, None)}, tmp_path / "v.xlsx"
    )
    run = tthc("progress", "import", str(filled), "--data", str(data_dir))
    assert run.code == 1
    assert "không ghi dòng nào" in run.stderr and "Đã ghi" not in run.stderr


def test_a_late_form_is_recorded_with_its_warning_shown(
    data_dir: Path, tthc: Callable[..., Any], forms: dict[str, Path], tmp_path: Path
) -> None:
    """A row dated before the log's last entry for its obligation (out-of-order: forms arrive late)
    does not refuse the batch: the warning is shown, and every row is written as the message says."""
    added = tthc(
        "progress",
        "add",
        "duty:IV.2/so-y-te",
        "--status",
        "note",
        "--date",
        "2021-06-12",
        "--data",
        str(data_dir),
    )
    assert added.code == 0, added.stderr
    filled = fill(
        forms["so-y-te"],
        {
            "duty:IV.2/so-y-te": ("Đã bắt đầu", date(2021, 6, 5), None, None),
            "review:6": ("Đã hoàn thành", date(2021, 6, 18), None, None),
        },
        tmp_path / "late.xlsx",
    )
    run = tthc("progress", "import", str(filled), "--data", str(data_dir), "--lang", "en")
    assert run.code == 0, run.stderr
    assert "warning[out-of-order]" in run.stderr
    assert "recorded 2 entries from 1 form(s)" in run.stderr
    text = (data_dir / "progress.yaml").read_text(encoding="utf-8")
    assert '- id: "duty:IV.2/so-y-te"\n    date: 2021-06-05\n    status: started' in text
    assert '- id: "review:6"\n    date: 2021-06-18\n    status: done' in text


def test_rows_that_would_not_read_back_are_refused_not_reported_as_recorded(
    data_dir: Path,
    tthc: Callable[..., Any],
    forms: dict[str, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The log's transaction refuses a batch that would not read back as the rows (EntryRefused with
    no problem to show): the import fails rather than count rows it did not write."""
    from tthc_cli.data import progress

    monkeypatch.setattr(progress, "_reads_back", lambda *args: False)
    filled = fill(
        forms["so-y-te"], {"review:6": ("Đã hoàn thành", date(2021, 6, 18), None, None)}, tmp_path / "x.xlsx"
    )
    before = (data_dir / "progress.yaml").read_bytes()
    run = tthc("progress", "import", str(filled), "--data", str(data_dir), "--lang", "en")
    assert run.code == 1, run.stderr
    assert "nothing was recorded" in run.stderr and "recorded 1 entries" not in run.stderr
    assert (data_dir / "progress.yaml").read_bytes() == before


def test_a_form_imported_again_says_nothing_new_was_recorded(
    data_dir: Path, tthc: Callable[..., Any], forms: dict[str, Path], tmp_path: Path
) -> None:
    """Every row already in the log: not 'recorded 0 entries … in —', but that nothing was new."""
    filled = fill(
        forms["so-y-te"], {"review:6": ("Đã hoàn thành", date(2021, 6, 18), None, None)}, tmp_path / "a.xlsx"
    )
    assert tthc("progress", "import", str(filled), "--data", str(data_dir)).code == 0
    after = (data_dir / "progress.yaml").read_bytes()
    again = tthc("progress", "import", str(filled), "--data", str(data_dir))
    assert again.code == 0
    assert again.stderr.strip() == "Không có gì mới để ghi: 1 dòng đã điền từ 1 biểu mẫu đã có trong sổ"
    assert (data_dir / "progress.yaml").read_bytes() == after
    english = tthc("progress", "import", str(filled), "--data", str(data_dir), "--lang", "en")
    assert (
        english.stderr.strip() == "nothing new to record: the 1 filled row of 1 form(s) is already in the log"
    )


def test_a_form_with_nothing_filled_says_there_was_nothing_to_record(
    data_dir: Path, tthc: Callable[..., Any], forms: dict[str, Path]
) -> None:
    before = (data_dir / "progress.yaml").read_bytes()
    run = tthc("progress", "import", str(forms["so-y-te"]), "--data", str(data_dir), "--lang", "en")
    assert run.code == 0
    assert run.stderr.strip() == "nothing to record: no row of the 1 form(s) is filled in"
    assert (data_dir / "progress.yaml").read_bytes() == before


def test_thousands_of_bad_rows_print_the_first_hundred_and_count_the_rest(
    data_dir: Path, tthc: Callable[..., Any], forms: dict[str, Path], tmp_path: Path
) -> None:
    """Rows added below the form's own, each with a note and no obligation: 1,000 problems, of which
    the first 100 are printed in full, as validate prints them, and all are counted."""
    from openpyxl import load_workbook

    from tthc_cli.domain.forms import Column

    book = load_workbook(forms["so-y-te"])
    sheet = book.worksheets[0]
    first = sheet.max_row + 1
    for r in range(first, first + 1000):
        sheet.cell(r, Column.NOTE.number).value = "x"
    book.save(tmp_path / "many.xlsx")
    run = tthc("progress", "import", str(tmp_path / "many.xlsx"), "--data", str(data_dir))
    assert run.code == 1
    lines = run.stderr.splitlines()
    assert len(lines) == 102
    assert all("error[form-row]" in line for line in lines[:100])
    assert f"dòng {first + 99}, cột N" in lines[99]
    assert lines[100] == "… và 900 lỗi khác"
    assert "biểu mẫu có 1000 vấn đề; không ghi dòng nào" in lines[101]
