"""What a filled form can cost `tthc progress import` at the bounds on its parts (data/imports.py): the
review's padded forms (a 186 KB file whose styles.xml unpacks to 60 MB, a 154 KB one whose
sharedStrings.xml does to 59 MB), and each part just under its bound, compressed no more than the
ratio bound allows, as a whole `tthc progress import` run on a copy of the shipped plan, beside a real
form of that plan (what real forms need is measured in data/imports.py's comment on the bounds).

    .venv/bin/python benchmarks/form_parts.py [--repeat 3]

Prints the median wall time, the peak memory (KB, from /usr/bin/time when present), the exit code
and the first line of stderr per case. Before the part bounds, the two padded forms took 23 s / 1.8 GB
and 21 s / 390 MB; every part at its bound at once now takes 11-12 s and 200 MB."""

from __future__ import annotations

import argparse
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from tthc_cli.data.imports import MAX_UNPACKED, SHEET_PART, STRINGS_PART, STYLES_PART

ROOT = Path(__file__).resolve().parent.parent
TTHC = Path(sys.executable).parent / "tthc"
DATA = ("plan.yaml", "appendix_review.yaml", "appendix_inspection.yaml", "units.yaml", "progress.yaml")
SHARED_STRINGS = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
Parts = dict[str, bytes]


def _text(n: int, rng: random.Random) -> str:
    """`n` characters of words that compress as text does (about 3:1), not as padding."""
    words = (
        "báo",
        "cáo",
        "kết",
        "quả",
        "thực",
        "hiện",
        "nhiệm",
        "vụ",
        "cải",
        "cách",
        "hành",
        "chính",
        "tỉnh",
    )
    out, size = [], 0
    while size < n:
        word = rng.choice(words) + str(rng.randrange(1000))
        out.append(word)
        size += len(word) + 1
    return " ".join(out)[:n]


def padded_styles(parts: Parts, size: int, varied: bool) -> None:
    rng = random.Random(3)
    styles = parts["xl/styles.xml"].decode()
    room, xfs = size - len(styles.encode()), []
    while room > 100:
        n = (rng.randrange(200), rng.randrange(50), rng.randrange(20)) if varied else (0, 0, 0)
        xf = f'<xf numFmtId="{n[0]}" fontId="{n[1]}" fillId="0" borderId="{n[2]}" xfId="0"/>'
        xfs.append(xf)
        room -= len(xf)
    parts["xl/styles.xml"] = re.sub(
        r'<cellXfs count="\d+">', '<cellXfs count="1">' + "".join(xfs), styles, count=1
    ).encode()


def padded_strings(parts: Parts, size: int, length: int) -> None:
    """Shared strings of `length` characters each (0: the same 'x' again and again) up to `size`."""
    rng = random.Random(1)
    head = '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    items, total = [], len(head) + 6
    while True:
        item = f"<si><t>{_text(length, rng) if length else 'x'}</t></si>"
        if total + len(item.encode()) > size:
            break
        items.append(item)
        total += len(item.encode())
    parts["xl/sharedStrings.xml"] = (head + "".join(items) + "</sst>").encode()
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{SHARED_STRINGS}"/></Types>'.encode(),
    )
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        b'sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    )


def padded_sheet(parts: Parts, size: int, part: str = "xl/worksheets/sheet1.xml") -> None:
    """The own sheet grown to 5,000 rows (as many as the reader reads) of cells beyond the form's
    columns (each cell parsed, none used), up to `size`: a sheet's worst case."""
    rng = random.Random(2)
    sheet = parts[part].decode()
    last = max(int(r) for r in re.findall(r'<row r="(\d+)"', sheet))
    rows = range(last + 1, 5001)
    per_row = (size - len(sheet.encode())) // len(rows)
    added = []
    for r in rows:
        cells, n, column = [], len(f'<row r="{r}"></row>'), 30
        while True:
            cell = f'<c r="{_letters(column)}{r}"><v>{rng.randrange(100)}</v></c>'
            if n + len(cell) > per_row:
                break
            cells.append(cell)
            n += len(cell)
            column += 1
        added.append(f'<row r="{r}">{"".join(cells)}</row>')
    parts[part] = sheet.replace("</sheetData>", "".join(added) + "</sheetData>").encode()


def _letters(n: int) -> str:
    out = ""
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(65 + rest) + out
    return out


CASES: dict[str, Callable[[Parts], None] | None] = {
    "a real form (shipped plan, Sở Y tế)": None,
    "review: styles.xml of 60 MB": lambda p: padded_styles(p, 60_000_000, varied=False),
    "review: sharedStrings.xml of 59 MB": lambda p: padded_strings(p, 59_000_000, 0),
    "styles.xml at its bound": lambda p: padded_styles(p, STYLES_PART - 1024, varied=True),
    "sharedStrings.xml at its bound, texts": lambda p: padded_strings(p, STRINGS_PART - 1024, 200),
    "sharedStrings.xml at its bound, words": lambda p: padded_strings(p, STRINGS_PART - 1024, 3),
    "a sheet at its bound": lambda p: padded_sheet(p, SHEET_PART - 64 * 1024),
    "all of them, 64 MiB in all": lambda p: _all(p),
}


def _all(parts: Parts) -> None:
    """Styles and shared strings at their bounds, and both sheets sharing what the total leaves."""
    padded_styles(parts, STYLES_PART - 1024, varied=True)
    padded_strings(parts, STRINGS_PART - 1024, 3)
    room = (MAX_UNPACKED - STYLES_PART - STRINGS_PART) // 2 - 64 * 1024
    padded_sheet(parts, room, "xl/worksheets/sheet1.xml")
    padded_sheet(parts, room, "xl/worksheets/sheet2.xml")


def build(form: Path, out: Path, change: Callable[[Parts], None] | None) -> None:
    with zipfile.ZipFile(form) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    if change is not None:
        change(parts)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    repeat = parser.parse_args().repeat
    timer = shutil.which("time") or ("/usr/bin/time" if Path("/usr/bin/time").exists() else None)
    with tempfile.TemporaryDirectory() as work:
        data = Path(work) / "data"
        data.mkdir()
        for name in DATA:
            shutil.copy(ROOT / name, data / name)
        if (ROOT / "reporting.yaml").exists():
            shutil.copy(ROOT / "reporting.yaml", data / "reporting.yaml")
        form = Path(work) / "form.xlsx"
        subprocess.run(
            [TTHC, "form", "--unit", "Sở Y tế", "-o", form, "--data", data, "--today", "2021-06-20"],
            check=True,
            capture_output=True,
        )
        for name, change in CASES.items():
            case = Path(work) / "case.xlsx"
            build(form, case, change)
            times, peak, code, said = [], "", 0, ""
            for _ in range(repeat):
                command = [str(TTHC), "progress", "import", str(case), "--data", str(data), "--lang", "en"]
                if timer:
                    command = [timer, "-f", "%M", *command]
                start = time.perf_counter()
                run = subprocess.run(command, capture_output=True, text=True)
                times.append(time.perf_counter() - start)
                code, lines = run.returncode, run.stderr.strip().splitlines()
                if timer and lines:
                    peak = lines.pop()
                said = lines[0][:110] if lines else ""
            size = case.stat().st_size // 1024
            median = statistics.median(times)
            print(f"{name:40} {size:6} KB file  {median:6.2f} s  {peak:>8} KB  exit {code}  {said}")


if __name__ == "__main__":
    main()
