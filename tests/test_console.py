"""Terminal tables: they fit the width, cut long texts to a line, colour the status words; a piped
query imports neither rich nor Jinja nor icalendar."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from datetime import date

import pytest

from tthc_cli.domain.accountability import assignments
from tthc_cli.domain.status import statuses
from tthc_cli.present import tables
from tthc_cli.present.console import fit_columns, print_rich_table, print_table, terminal_width

from .conftest import DATA


def render(table: tables.Table, width: int, capsys: pytest.CaptureFixture[str]) -> list[str]:
    import re

    print_rich_table(table, title="Tiêu đề", width=width)
    return [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in capsys.readouterr().out.splitlines()]


@pytest.mark.parametrize("width", [80, 100, 160])
def test_item_tables_fit_the_terminal(plan, capsys, width: int) -> None:  # type: ignore[no-untyped-def]
    sts = statuses(plan, date(2021, 6, 5))
    table = tables.item_table(plan.items, plan.meta, extra=[tables.status_extra(plan.items, sts)])
    lines = render(table, width, capsys)
    assert max(len(line) for line in lines) <= width
    body = "\n".join(lines)
    # The document's numbering first, whole (an obligation's longer label wraps); no IDs without --ids.
    assert "│ Mục 1.1 " in body and "│ PL I – 6 (Sở Y tế) " in body and "task:1.1" not in body
    assert "Quá hạn" in body and "31/05/2021" in body  # status words and dates whole
    if width == 80:  # narrow: the kind and the phrase make room, and are named under the table
        header = next(line for line in lines if "Nội dung" in line)
        assert "Loại" not in header and "Thời hạn" not in header
        assert "…" in body
        assert "Chủ trì" in header  # who leads stays: the item's text shrinks first
        assert lines[-1].rstrip() == "Đã ẩn cột: Loại, Phối hợp / đơn vị, Thời hạn"


def test_a_unit_on_an_80_column_terminal_is_a_screenful_or_two(plan, capsys) -> None:  # type: ignore[no-untyped-def]
    sts = statuses(plan, date(2021, 6, 5))
    rows = [r for r in assignments(plan, "Sở Y tế") if r.definite]
    lines = render(tables.unit_table(rows, plan.meta, sts), 80, capsys)
    assert max(len(line) for line in lines) <= 80
    assert len(lines) < 4 * len(rows) + 8  # was 337 lines for the whole of `tthc unit "Sở Y tế"`


def test_status_words_are_coloured_and_still_written(plan, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NO_COLOR", "1")  # print_table decides about colour; the drawing does not ask again
    sts = statuses(plan, date(2021, 6, 5))
    items = [plan.by_id["task:1.1"], plan.by_id["task:8"]]
    print_rich_table(
        tables.item_table(items, plan.meta, extra=[tables.status_extra(items, sts)]), title=None, width=120
    )
    out = capsys.readouterr().out
    assert "\x1b[1;31mQuá hạn" in out and "Chưa đến" in out


def test_status_colours_follow_the_status_not_the_word(plan, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Colours are keyed by status code: an English table is coloured as the Vietnamese one."""
    from tthc_cli import i18n

    monkeypatch.setenv("NO_COLOR", "1")
    sts = statuses(plan, date(2021, 6, 5))
    items = [plan.by_id["task:1.1"], plan.by_id["task:8"]]
    i18n.activate("en")
    try:
        print_rich_table(
            tables.item_table(items, plan.meta, extra=[tables.status_extra(items, sts)]),
            title=None,
            width=120,
        )
    finally:
        i18n.activate(i18n.DEFAULT_LANGUAGE)
    out = capsys.readouterr().out
    assert "\x1b[1;31mOverdue" in out
    assert "Quá hạn" not in out


def test_columns_are_dropped_in_the_declared_order(plan) -> None:  # type: ignore[no-untyped-def]
    table = tables.item_table(plan.items, plan.meta)
    assert list(fit_columns(table, 400).sizes) == list(range(7))
    narrow = fit_columns(table, 80)
    assert narrow.dropped == (1, 4, 5)  # kind, coordinators, phrase; the text shrinks, the lead stays
    assert sum(narrow.sizes.values()) + 3 * len(narrow.sizes) + 1 <= 80


class _Terminal(io.StringIO):
    """A stdout that says it is a terminal and cannot tell its size (an unsized pty)."""

    def isatty(self) -> bool:
        return True

    def fileno(self) -> int:
        raise io.UnsupportedOperation("no file descriptor")


@pytest.mark.parametrize(
    ("reported", "columns", "width"),
    [(0, None, 80), (0, "100", 100), (0, "0", 80), (100_000, "abc", 80), (132, "100", 132), (0, "٣٠", 80)],
)
def test_a_terminal_that_reports_no_width_is_80_or_columns_wide(
    monkeypatch, reported, columns, width
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(os, "get_terminal_size", lambda fd: os.terminal_size((reported, 24)))
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert terminal_width(sys.stdout) == width


def test_a_terminal_of_zero_columns_still_gets_the_table(plan, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """rich draws nothing at all at width 0, not even the title: a silent empty answer."""
    monkeypatch.setattr(os, "get_terminal_size", lambda fd: os.terminal_size((0, 0)))
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    screen = _Terminal()
    monkeypatch.setattr(sys, "stdout", screen)
    sts = statuses(plan, date(2021, 6, 5))
    print_table(
        tables.item_table(plan.items[:3], plan.meta, extra=[tables.status_extra(plan.items[:3], sts)]),
        title="Tiêu đề",
    )
    import re

    lines = [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in screen.getvalue().splitlines()]
    assert "Tiêu đề" in lines[0] and any(line.startswith("│ Mục 1.1 ") for line in lines)
    assert max(len(line) for line in lines) == 80


def test_piped_output_is_plain_and_never_imports_rich() -> None:
    probe = (
        "import sys\nfrom tthc_cli.cli import entry\nsys.argv = ['tthc', 'due', '--before', '2021-06-30']\n"
        "try:\n    entry.main()\nexcept SystemExit:\n    pass\nsys.stderr.write(str('rich' in sys.modules))"
    )
    env = {**os.environ, "TTHC_DATA": str(DATA), "TTHC_TODAY": "2021-06-05"}
    env.pop("NO_COLOR", None)
    result = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True)
    assert result.stderr.endswith("False"), result.stderr
    assert "\x1b[" not in result.stdout and result.stdout.splitlines()[1].startswith("+---")


def test_a_query_imports_no_jinja_no_rich_no_calendar(data_dir, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The imports kept out of a piped query (README "Speed"): Jinja (rendering), rich (a terminal),
    icalendar (the calendar export) — each costlier than the answer."""
    monkeypatch.setenv("TTHC_DATA", str(data_dir))
    heavy = ("jinja2", "rich", "icalendar")
    probe = (
        "import sys\nfrom tthc_cli.cli import entry\n"
        "for argv in (['validate'], ['units'], ['due', '--before', '2021-06-30']):\n"
        "    try:\n        entry.main(argv)\n"
        "    except SystemExit as stop:\n        assert stop.code == 0, argv\n"
        f"sys.stderr.write('loaded:' + ' '.join(m for m in {heavy!r} if m in sys.modules))"
    )
    env = {**os.environ, "TTHC_TODAY": "2021-06-05"}
    result = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True)
    assert result.stderr.endswith("loaded:"), result.stderr
    assert "Sở Y tế" in result.stdout  # the units table: it did answer
