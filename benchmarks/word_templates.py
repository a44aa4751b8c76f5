"""What an office's Word template can cost at its bounds: the worst shapes of document.xml found
(empty paragraphs, the densest Jinja tags, marks left open) just under the 2 MiB part bound, and loops
stopped by the time budget, each as a whole `tthc report --period 2021-Q2 --format docx` run.

    .venv/bin/python benchmarks/word_templates.py [--repeat 3]

Prints the median wall time, the exit code and the first line of stderr per case. Before the part bound
and `map_tree`'s emptied body (present/periodic_render.py), 4 MiB of empty paragraphs ran past 100 s."""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "templates" / "periodic_report.docx"
TTHC = Path(sys.executable).parent / "tthc"
PART = 2 * 1024 * 1024 - 80 * 1024  # under the bound, with room for the shipped body (69 KB)

CASES = {
    "shipped template": None,
    "empty paragraphs": "<w:p/>",
    "paragraphs of one letter": "<w:p><w:r><w:t>a</w:t></w:r></w:p>",
    "densest tags": "<w:p><w:r><w:t>" + "{{ 1 }}" * 8 + "</w:t></w:r></w:p>",
    "marks left open": "<w:p><w:r><w:t>{{ {{ {{ {{ {{ {{ {{ {{ {{ {{ </w:t></w:r></w:p>",
    "nested loops (time budget)": "<w:p><w:r><w:t>{% for x in range(100000) %}{% for y in range(100000) %}"
    "{% endfor %}{% endfor %}</w:t></w:r></w:p>",
}


def build(folder: Path, unit: str) -> None:
    body = unit * (PART // len(unit)) if "range" not in unit else unit
    with zipfile.ZipFile(SHIPPED) as shipped, zipfile.ZipFile(folder / SHIPPED.name, "w") as own:
        for member in shipped.infolist():
            data = shipped.read(member.filename)
            if member.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + body.encode(), 1)
            own.writestr(member, data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    repeat = parser.parse_args().repeat
    with tempfile.TemporaryDirectory() as work:
        for name, unit in CASES.items():
            folder = Path(work) / name.replace(" ", "-")
            folder.mkdir()
            extra = []
            if unit is not None:
                build(folder, unit)
                extra = ["--templates", str(folder)]
            times, code, said = [], 0, ""
            for _ in range(repeat):
                start = time.perf_counter()
                done = subprocess.run(
                    [str(TTHC), "report", "--period", "2021-Q2", "--today", "2021-07-05", "--data", str(ROOT),
                     "-o", str(folder / "out.docx"), *extra],
                    capture_output=True, text=True, check=False,
                )  # fmt: skip
                times.append(time.perf_counter() - start)
                code, said = done.returncode, (done.stderr.splitlines() or [""])[-1][-90:]
            print(f"{name:28} {statistics.median(times):6.2f} s  exit {code}  {said}")


if __name__ == "__main__":
    main()
