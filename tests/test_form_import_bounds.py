"""A filled form comes from outside, by e-mail: `tthc progress import` bounds each part of the workbook
before openpyxl reads any of it (openpyxl builds the styles and the shared strings whole in memory: a
186 KB file whose styles.xml unpacked to 60 MB took 23 s and 1.8 GB), and a workbook it cannot read —
damaged, or locked with a password — is refused in words, at the file, with nothing recorded."""

from __future__ import annotations

import re
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tthc_cli.data.imports import (
    MAX_RATIO,
    OTHER_PART,
    RATIO_FROM,
    SHEET_PART,
    STRINGS_PART,
    STYLES_PART,
    part_limit,
)

from .conftest import ROOT
from .test_unit_forms import forms

__all__ = ["forms"]  # the fixture, shared with the forms' own tests

MIB = 1024 * 1024
SHARED_STRINGS = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
STRINGS_REL = (
    b'<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    b'sharedStrings" Target="sharedStrings.xml"/></Relationships>'
)


def rebuilt(form: Path, out: Path, change: Callable[[dict[str, bytes]], None]) -> Path:
    """`form` with its parts changed by `change`, zipped again (deflated)."""
    with zipfile.ZipFile(form) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    change(parts)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return out


def padded_styles(size: int) -> Callable[[dict[str, bytes]], None]:
    xf = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'

    def change(parts: dict[str, bytes]) -> None:
        styles = parts["xl/styles.xml"].decode()
        more = xf * (size // len(xf) + 1)
        parts["xl/styles.xml"] = re.sub(r'(<cellXfs count="\d+">)', r"\1" + more, styles, count=1).encode()

    return change


def shared_strings(part: str, size: int) -> Callable[[dict[str, bytes]], None]:
    """A shared-strings table of `size` bytes at `part`, declared as the workbook's."""

    def change(parts: dict[str, bytes]) -> None:
        items = "".join(f"<si><t>{n}</t></si>" for n in range(size // 20 + 1))
        parts[part] = (
            f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{items}</sst>'.encode()
        )
        override = f'<Override PartName="/{part}" ContentType="{SHARED_STRINGS}"/></Types>'
        parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(b"</Types>", override.encode())
        rels = parts["xl/_rels/workbook.xml.rels"]
        parts["xl/_rels/workbook.xml.rels"] = rels.replace(
            b"</Relationships>", STRINGS_REL.replace(b"sharedStrings.xml", part.removeprefix("xl/").encode())
        )

    return change


def refused(run: Any, file: str, words: str) -> None:
    assert run.code == 1, run.stderr
    assert any(f"/{file}: error[form-file]" in line and words in line for line in run.stderr.splitlines()), (
        run.stderr
    )


def test_styles_padded_past_their_bound_are_refused_unread(
    data_dir: Path, tthc: Callable[..., Any], forms: dict[str, Path], tmp_path: Path
) -> None:
    """The review's 186 KB form whose styles.xml unpacks to 60 MB (here just past the bound)."""
    bomb = rebuilt(forms["so-y-te"], tmp_path / "bomb.xlsx", padded_styles(STYLES_PART))
    assert bomb.stat().st_size < 100_000
    before = (data_dir / "progress.yaml").read_bytes()
    run = tthc("progress", "import", str(bomb), "--data", str(data_dir), "--lang", "en")
    refused(run, "bomb.xlsx", "its part xl/styles.xml unpacks to more than 2 MiB")
    assert "nothing was recorded" in run.stderr
    assert (data_dir / "progress.yaml").read_bytes() == before
    vi = tthc("progress", "import", str(bomb), "--data", str(data_dir))
    refused(vi, "bomb.xlsx", "phần xl/styles.xml của tệp giải nén ra hơn 2 MiB")


def test_shared_strings_past_their_bound_are_refused_unread(
    data_dir: Path, tthc: Callable[..., Any], forms: dict[str, Path], tmp_path: Path
) -> None:
    bomb = rebuilt(
        forms["so-y-te"], tmp_path / "strings.xlsx", shared_strings("xl/sharedStrings.xml", STRINGS_PART)
    )
    run = tthc("progress", "import", str(bomb), "--data", str(data_dir), "--lang", "en")
    refused(run, "strings.xlsx", "its part xl/sharedStrings.xml unpacks to more than 8 MiB")


def test_shared_strings_under_a_sheets_name_are_held_to_the_shared_strings_bound(
    data_dir: Path, tthc: Callable[..., Any], forms: dict[str, Path], tmp_path: Path
) -> None:
    """openpyxl finds the shared strings by the role [Content_Types].xml gives a part, whatever its
    name: named as a sheet, they may still not unpack past their own bound."""
    part = "xl/worksheets/sheet9.xml"
    bomb = rebuilt(forms["so-y-te"], tmp_path / "disguised.xlsx", shared_strings(part, STRINGS_PART))
    run = tthc("progress", "import", str(bomb), "--data", str(data_dir), "--lang", "en")
    refused(run, "disguised.xlsx", f"its part {part} unpacks to more than 8 MiB")


def test_a_part_compressed_past_the_ratio_bound_is_refused_unread(
    data_dir: Path, tthc: Callable[..., Any], forms: dict[str, Path], tmp_path: Path
) -> None:
    """A sheet under its size bound, but of padding no form holds: 1.5 MiB of spaces in a few KB."""

    def pad(parts: dict[str, bytes]) -> None:
        sheet = parts["xl/worksheets/sheet2.xml"]
        parts["xl/worksheets/sheet2.xml"] = sheet.replace(
            b"</worksheet>", b" " * (3 * MIB // 2) + b"</worksheet>"
        )

    bomb = rebuilt(forms["so-y-te"], tmp_path / "ratio.xlsx", pad)
    run = tthc("progress", "import", str(bomb), "--data", str(data_dir), "--lang", "en")
    refused(run, "ratio.xlsx", "its part xl/worksheets/sheet2.xml is compressed")
    assert f"beyond the {MAX_RATIO} to 1 of any real form" in run.stderr


def test_each_part_is_bounded_by_its_name_and_by_its_role() -> None:
    assert part_limit("xl/worksheets/sheet1.xml") == SHEET_PART
    assert part_limit("xl/sharedStrings.xml") == STRINGS_PART
    assert part_limit("xl/styles.xml") == STYLES_PART
    assert part_limit("xl/workbook.xml") == part_limit("[Content_Types].xml") == OTHER_PART
    assert part_limit("xl/worksheets/sheet1.xml", SHARED_STRINGS) == STRINGS_PART
    assert part_limit("xl/worksheets/sheet1.xml", "application/xml") == OTHER_PART
    assert part_limit("xl/media/image1.png") > SHEET_PART  # pictures are never read: the file's bound
    assert STYLES_PART < STRINGS_PART < SHEET_PART and RATIO_FROM == MIB


def test_a_damaged_sheet_is_refused_in_words_not_a_traceback(
    data_dir: Path, tthc: Callable[..., Any], forms: dict[str, Path], tmp_path: Path
) -> None:
    """openpyxl reads a sheet's rows only when asked, and raises on a cell past column XFD."""

    def damage(parts: dict[str, bytes]) -> None:
        sheet = parts["xl/worksheets/sheet1.xml"]
        parts["xl/worksheets/sheet1.xml"] = re.sub(rb'<c r="A6"', b'<c r="AAAA6"', sheet, count=1)

    broken = rebuilt(forms["so-y-te"], tmp_path / "broken.xlsx", damage)
    run = tthc("progress", "import", str(broken), "--data", str(data_dir), "--lang", "en")
    refused(run, "broken.xlsx", "the workbook is damaged and cannot be read")
    assert "Traceback" not in run.stderr


def ole_file(streams: tuple[str, ...]) -> bytes:
    """An OLE compound file (what Office writes for a workbook with a password to open): its header
    and one directory sector naming `streams`, the way Excel names EncryptionInfo and EncryptedPackage."""
    header = bytes.fromhex("d0cf11e0a1b11ae1") + bytes(16) + struct.pack("<HHHH", 0x3E, 3, 0xFFFE, 9)
    header += bytes(512 - len(header))
    entries = b""
    for name in ("Root Entry", *streams):
        encoded = name.encode("utf-16-le") + b"\0\0"
        entries += encoded.ljust(64, b"\0") + struct.pack("<H", len(encoded)) + bytes(62)
    return header + entries.ljust(512, b"\0")


def test_a_form_locked_with_a_password_is_told_to_be_unlocked(
    data_dir: Path, tthc: Callable[..., Any], tmp_path: Path
) -> None:
    locked = tmp_path / "locked.xlsx"
    locked.write_bytes(ole_file(("EncryptionInfo", "EncryptedPackage")))
    run = tthc("progress", "import", str(locked), "--data", str(data_dir), "--lang", "en")
    refused(run, "locked.xlsx", "protected by a password")
    vi = tthc("progress", "import", str(locked), "--data", str(data_dir))
    refused(vi, "locked.xlsx", "tệp được đặt mật khẩu")
    old = tmp_path / "old.xlsx"  # an Excel 97-2003 workbook is an OLE file too, without a password
    old.write_bytes(ole_file(("Workbook",)))
    refused(
        tthc("progress", "import", str(old), "--data", str(data_dir), "--lang", "en"),
        "old.xlsx",
        "not an Excel",
    )


def test_the_readme_states_the_bounds_the_import_holds() -> None:
    guarantees = (ROOT / "README.md").read_text(encoding="utf-8").split("## Guarantees", 1)[1]
    for bound in (STYLES_PART, STRINGS_PART, SHEET_PART, OTHER_PART):
        assert f"{bound // MIB} MiB" in guarantees
    assert f"{MAX_RATIO}:1" in guarantees
