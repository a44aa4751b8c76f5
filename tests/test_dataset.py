"""Assembling the data files: every problem comes back, in reading order."""

from __future__ import annotations

from tthc_cli.data.dataset import assemble

from .conftest import edit, shipped_files


def test_diagnostics_come_in_file_line_column_order() -> None:
    # Problems found by different rules, in several files, and two on the same spot of one line: the
    # checks find them in rule order, the user reads them in file order, then line, column and code.
    files = shipped_files()
    files["progress.yaml"] = (
        b"entries:\n"
        b'  - {id: "1.1", date: 2021-05-10, status: started}\n'
        b'  - {id: "1.1", date: 2021-05-01, status: done}\n'
        b'  - {id: "review:99", date: 2021-05-01, status: done}\n'
    )
    files["appendix_inspection.yaml"] = edit(
        "appendix_inspection.yaml", "rows: [5, 9]", "rows: [4, 9]"
    ).encode()
    got = [(d.file, d.line, d.column, d.code) for d in assemble(files).problems]
    assert got == [
        ("appendix_inspection.yaml", 54, 15, "note-rows"),
        ("progress.yaml", 3, 23, "done-before-start"),
        ("progress.yaml", 3, 23, "out-of-order"),
        ("progress.yaml", 4, 10, "unknown-id"),
    ]
