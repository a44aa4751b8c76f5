"""`progress add --status` takes the office's words as the Excel form does ("Đã hoàn thành", "xong", "mở
lại"), folded like unit names, beside the codes; `--help` lists both, and the log keeps the code."""

from __future__ import annotations

from pathlib import Path

import pytest

from tthc_cli.domain.plan import EntryStatus, entry_status


@pytest.mark.parametrize(
    ("typed", "status"),
    [
        ("done", EntryStatus.DONE),
        ("hoàn thành", EntryStatus.DONE),
        ("Đã hoàn thành", EntryStatus.DONE),
        ("xong", EntryStatus.DONE),
        ("HOAN THANH", EntryStatus.DONE),
        ("started", EntryStatus.STARTED),
        ("bắt đầu", EntryStatus.STARTED),
        ("Đã bắt đầu", EntryStatus.STARTED),
        ("mở lại", EntryStatus.REOPENED),
        ("reopened", EntryStatus.REOPENED),
        ("ghi chú", EntryStatus.NOTE),
        ("Ghi chu", EntryStatus.NOTE),
    ],
)
def test_a_status_is_its_code_or_the_offices_word(typed: str, status: EntryStatus) -> None:
    assert entry_status(typed) is status


@pytest.mark.parametrize("typed", ["xong rồi", "finished", "", "hoàn"])
def test_other_words_are_no_status(typed: str) -> None:
    assert entry_status(typed) is None


def test_progress_add_records_the_code_for_a_vietnamese_word(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    log = data_dir / "progress.yaml"
    for word, code in (("Đã hoàn thành", "done"), ("mở lại", "reopened"), ("xong", "done")):
        before = log.read_text(encoding="utf-8")
        added = run(
            "progress", "add", "3.1", "--status", word, "--date", "2021-06-01", "--data", str(data_dir)
        )
        assert added.code == 0, added.stderr
        appended = log.read_text(encoding="utf-8")[len(before) :]
        assert appended == f'  - id: "task:3.1"\n    date: 2021-06-01\n    status: {code}\n'


def test_a_status_not_known_lists_the_codes_and_the_words(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    refused = run("progress", "add", "3.1", "--status", "xong rồi", "--data", str(data_dir))
    assert refused.code == 2
    assert "done (hoàn thành, xong)" in refused.stderr and "reopened (mở lại" in refused.stderr


def test_help_lists_the_codes_and_the_words(run) -> None:  # type: ignore[no-untyped-def]
    said = " ".join(run("progress", "add", "--help").stdout.split())
    assert "<started|done|reopened|note>" in said
    assert "done (hoàn thành, xong)" in said and "mở lại" in said and "ghi chú" in said
