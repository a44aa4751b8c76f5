"""Fill cells of a workbook in LibreOffice, headless, as a unit's clerk would, and save it as .xlsx.

Run with a Python that has LibreOffice's `uno` module (Debian: python3-uno):
    python3 libreoffice_fill.py SOFFICE IN.xlsx OUT.xlsx SHEET '{"J6": "Đã hoàn thành", ...}' WORKDIR
A value starting with '=' is entered as a formula, one starting with "'" as text (what a clerk's
apostrophe does), anything else as typed. Used by tests/test_unit_forms.py."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import time
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]


def _prop(name: str, value: object) -> PropertyValue:
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main() -> None:
    soffice, source, target, sheet_name, cells, work = sys.argv[1:7]
    pipe = f"tthc-test-{Path(work).name}"
    profile = (Path(work) / "lo-profile").as_uri()
    office = subprocess.Popen(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--invisible", "--norestore",
         f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        context = None
        for _ in range(600):  # a bounded poll: LibreOffice takes a few seconds to start
            try:
                context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.2)
        if context is None:
            raise SystemExit("LibreOffice did not start")
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        doc = desktop.loadComponentFromURL(
            Path(source).resolve().as_uri(), "_blank", 0, (_prop("Hidden", True),)
        )
        sheet = doc.Sheets.getByName(sheet_name)
        for ref, value in json.loads(cells).items():
            cell = sheet.getCellRangeByName(ref)
            if value.startswith("'"):
                cell.setString(value[1:])
            else:
                cell.setFormula(value)
        doc.storeToURL(Path(target).resolve().as_uri(), (_prop("FilterName", "Calc MS Excel 2007 XML"),))
        doc.close(True)
        with contextlib.suppress(Exception):  # the bridge goes down with the office
            desktop.terminate()
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main()
