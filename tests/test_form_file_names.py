"""The file a form arrives in is named by whoever saved it — a Mac writes names decomposed, a mail
client keeps what the sender typed — and the import records that name at the end of each entry's note.
Nothing in the name may refuse the unit's row (it used to be blamed on the unit's empty Ghi chú
column: a control character, an invisible one, a look-alike letter; or make the whole import fail as
'would not read back'), and a name printed in a diagnostic stays on its one line."""

from __future__ import annotations

import json
import os
import sys
import unicodedata
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from .test_unit_forms import fill, forms, row_of

__all__ = ["forms"]  # the fixture, shared with the forms' own tests

DONE = ("Đã hoàn thành", date(2021, 6, 18), "BC 12/BC-SYT", None)


def recorded_note(tthc: Callable[..., Any], data_dir: Path, item: str) -> str:
    shown = tthc("show", item, "--data", str(data_dir), "--format", "json", "--today", "2021-06-20")
    (entry,) = json.loads(shown.stdout)["progress"]
    return str(entry["note"])


@pytest.mark.parametrize(
    ("name", "note"),
    [
        ("x\x1b[2Jy\nerror[fake] z.xlsx", "x?[2Jy?error[fake] z.xlsx"),  # ESC and a line feed
        ("so\u202ey-te\u200b.xlsx", "so?y-te?.xlsx"),  # a bidi override and a zero-width space
        ("so-y-t\u0435.xlsx", "so-y-t?.xlsx"),  # a Cyrillic 'е' among Latin letters
        (unicodedata.normalize("NFD", "Sở Y tế.xlsx"), "Sở Y tế.xlsx"),  # as a Mac names it
        ("Sở\u00a0Y tế.xlsx", "Sở Y tế.xlsx"),  # a no-break space
    ],
    ids=["escape-and-line-feed", "bidi-and-zero-width", "look-alike", "decomposed", "no-break-space"],
)
def test_nothing_in_a_forms_file_name_refuses_the_units_row(
    data_dir: Path, tthc: Callable[..., Any], forms: dict[str, Path], tmp_path: Path, name: str, note: str
) -> None:
    filled = fill(forms["so-y-te"], {"review:6": DONE}, tmp_path / name)
    run = tthc("progress", "import", str(filled), "--data", str(data_dir), "--lang", "en")
    assert run.code == 0, run.stderr
    assert "recorded 1 entries" in run.stderr
    assert recorded_note(tthc, data_dir, "review:6") == note
    assert tthc("validate", "--data", str(data_dir), "--strict").code == 0


@pytest.mark.skipif(sys.platform == "darwin" or os.name == "nt", reason="file names there are Unicode")
def test_a_file_name_that_is_not_utf8_is_recorded_and_printed_with_the_byte_escaped(
    data_dir: Path, tthc: Callable[..., Any], forms: dict[str, Path], tmp_path: Path
) -> None:
    name = os.fsdecode(b"bad\xff.xlsx")
    bad_row = fill(
        forms["so-y-te"], {"review:6": ("Đã hoàn thành", "31/6/2021", None, None)}, tmp_path / name
    )
    refused = tthc("progress", "import", str(bad_row), "--data", str(data_dir), "--lang", "en")
    assert refused.code == 1, refused.stderr
    assert "bad\\udcff.xlsx, sheet" in refused.stderr and "is not a real date" in refused.stderr
    good = fill(forms["so-y-te"], {"review:6": DONE}, tmp_path / name)
    assert tthc("progress", "import", str(good), "--data", str(data_dir)).code == 0
    assert recorded_note(tthc, data_dir, "review:6") == "bad?.xlsx"


def test_a_line_feed_in_a_file_name_cannot_forge_a_diagnostic_line(
    data_dir: Path, tthc: Callable[..., Any], forms: dict[str, Path], tmp_path: Path
) -> None:
    name = "a\nb.xlsx: error[form-file] forged.xlsx"
    filled = fill(forms["so-y-te"], {"review:6": ("Đã hoàn thành", "31/6/2021", None, None)}, tmp_path / name)
    sheet, r = row_of(filled, "review:6")
    run = tthc("progress", "import", str(filled), "--data", str(data_dir), "--lang", "en")
    assert run.code == 1
    lines = run.stderr.splitlines()
    assert len(lines) == 2  # the row's problem, and that nothing was recorded
    where = f"a\\nb.xlsx: error[form-file] forged.xlsx, sheet '{sheet}', row {r}, column K (Date)"
    assert lines[0].endswith(f"{where}: error[form-row] '31/6/2021' is not a real date")
    assert not any(line.startswith("b.xlsx") for line in lines)


def test_a_note_written_wholly_in_cyrillic_is_kept_without_the_file_name(
    data_dir: Path, tthc: Callable[..., Any], forms: dict[str, Path], tmp_path: Path
) -> None:
    """Cyrillic alone is no disguise; with a Latin file name after it, it would be a mix."""
    filled = fill(forms["so-y-te"], {"review:6": (*DONE[:3], "Отчёт отправлен")}, tmp_path / "so-y-te.xlsx")
    run = tthc("progress", "import", str(filled), "--data", str(data_dir), "--lang", "en")
    assert run.code == 0, run.stderr
    assert recorded_note(tthc, data_dir, "review:6") == "Отчёт отправлен"


def test_a_no_break_space_the_unit_pasted_is_recorded_as_a_space(
    data_dir: Path, tthc: Callable[..., Any], forms: dict[str, Path], tmp_path: Path
) -> None:
    """Text pasted from a web page or Word brings no-break spaces; the log reads them as spaces, so the
    import wrote them as such, or the log would not read back as the rows (the whole import refused)."""
    filled = fill(
        forms["so-y-te"],
        {"review:6": ("Đã hoàn thành", date(2021, 6, 18), "BC\u00a012", "Đã\u00a0gửi")},
        tmp_path / "f.xlsx",
    )
    run = tthc("progress", "import", str(filled), "--data", str(data_dir), "--lang", "en")
    assert run.code == 0, run.stderr
    assert recorded_note(tthc, data_dir, "review:6") == "Đã gửi (f.xlsx)"
    assert tthc("validate", "--data", str(data_dir), "--strict").code == 0
