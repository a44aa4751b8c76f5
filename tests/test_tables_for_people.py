"""Tables a person reads: the document's numbering first (IDs only on request), content that gets the
width of an 80-column terminal, columns left out named under the table, prose wrapped at the width,
piped output as wide as $COLUMNS says."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import termios

import pytest

from .conftest import DATA

ANSI = re.compile(r"\x1b\[[0-9;?]*[a-zA-Z]")


def in_terminal(columns: int, *args: str) -> list[str]:
    """tthc run on a pseudo-terminal `columns` wide (as a person's window is), its screen as lines."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS", "LINES")}
    env.update(TERM="xterm", TTHC_DATA=str(DATA), TTHC_TODAY="2021-06-05")
    proc = subprocess.Popen(
        [sys.executable, "-m", "tthc_cli", *args], stdin=follower, stdout=follower, stderr=follower, env=env
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: the program ended
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert proc.wait(timeout=60) == 0
    text = ANSI.sub("", b"".join(chunks).decode("utf-8")).replace("\r\n", "\n")
    return [line.rstrip() for line in text.splitlines()]


@pytest.mark.parametrize("columns", [80, 120])
def test_a_due_list_reads_on_a_terminal_of_80_and_120_columns(columns: int) -> None:
    lines = in_terminal(columns, "due", "--before", "30/6/2021")
    assert max(len(line) for line in lines) <= columns
    header = next(line for line in lines if "Nội dung" in line)
    cells = [c.strip() for c in header.split("│")[1:-1]]
    assert cells[0] == "Mục" and "Mã" not in cells  # the numbering first; IDs only with --ids
    widths = [len(c) for c in header.split("│")[1:-1]]
    if columns == 80:  # who leads stays beside when and the status; the item's text shrinks and wraps
        assert "Chủ trì" in cells and widths[cells.index("Nội dung")] >= 16
    else:
        assert widths[cells.index("Nội dung")] == max(widths)  # the item's text gets the room
        assert widths[cells.index("Nội dung")] >= 48
    assert any(line.startswith("│ PL I – 6 (Sở Y tế) ") for line in lines)
    hidden = [line for line in lines if line.startswith("Đã ẩn cột: ")]
    assert len(hidden) == 1  # said once, on one line, naming what is left out
    for name in ("Loại", "Thời hạn"):
        assert name in hidden[0] and name not in cells
    if columns == 120:
        assert "Chủ trì" in cells and "mở rộng cửa sổ hoặc dùng --format md" in hidden[0]


def test_ids_are_one_optional_column_at_the_end() -> None:
    lines = in_terminal(120, "unit", "Sở Y tế", "--ids")
    header = next(line for line in lines if "Nội dung" in line)
    cells = [c.strip() for c in header.split("│")[1:-1]]
    assert cells[0] == "Mục" and cells[-1] == "Mã"
    row = next(line for line in lines if line.startswith("│ Mục IV.2 "))
    assert row.split("│")[-2].strip() == "duty:IV.2/so-y-te"  # its own share, named without the unit


def test_show_wraps_its_prose_at_the_terminal_width() -> None:
    lines = in_terminal(80, "show", "IV.2")
    assert lines[0].startswith("Mục IV.2 — Căn cứ vào chức năng")
    assert max(len(line) for line in lines) <= 80
    # each unit's plan and its periodic reports (reporting.yaml)
    details = lines.index(next(line for line in lines if line.startswith("Chi tiết:  168 phần việc: ")))
    assert lines[details + 1].startswith(" " * 11)  # continued under the value, not under the label
    assert "duty:IV.2/" not in "\n".join(lines)


def test_piped_tables_follow_columns_when_it_is_set(run) -> None:  # type: ignore[no-untyped-def]
    wide = run("due", "--before", "30/6/2021", "--today", "2021-06-05").stdout.splitlines()
    narrow = run("due", "--before", "30/6/2021", "--today", "2021-06-05", env={"COLUMNS": "80"})
    lines = narrow.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80 < max(len(line) for line in wide)
    assert lines[-1] == "Đã ẩn cột: Loại, Phối hợp / đơn vị, Thời hạn"
    assert not any(line.startswith("Đã ẩn cột") for line in wide)  # 160 wide: nothing left out


def test_missing_names_each_share_as_the_document_numbers_it(run) -> None:  # type: ignore[no-untyped-def]
    out = run("missing", "IV.2", "--today", "2021-06-30").stdout
    assert out.startswith("Mục IV.2: 0/168 đã hoàn thành, 168 chưa")  # plans and periodic reports
    assert "| quý II/2021  | 16/06/2021 |" in out
    assert "| Mục IV.2 – Sở Y tế " in out and "duty:IV.2" not in out
    assert "duty:IV.2/so-y-te" in run("missing", "IV.2", "--ids", "--today", "2021-06-30").stdout


def test_a_date_moved_by_a_day_off_is_shown_with_its_effective_date(run) -> None:  # type: ignore[no-untyped-def]
    out = run(
        "due", "--before", "31/7/2021", "--after", "31/7/2021", "-f", "md", "--today", "2021-07-01"
    ).stdout
    assert "| 31/07/2021 (hạn thực tế 02/08/2021) |" in out
    en = run("--lang", "en", "show", "review:13").stdout
    assert "31/07/2021 (effective due date 02/08/2021)" in en


def test_a_day_after_the_plan_period_is_said_once_before_the_answer(run) -> None:  # type: ignore[no-untyped-def]
    for args in (("overdue",), ("due", "--before", "eoy"), ("upcoming",)):
        result = run(*args, "--today", "2026-12-06")
        said = "Hôm nay (06/12/2026) đã sau thời gian kế hoạch (01/01/2021 – 31/12/2021): "
        assert result.stderr.count(said) == 1 and result.stderr.startswith(said), args
    assert "thời gian kế hoạch" not in run("overdue", "--today", "2021-12-31").stderr
    assert "task:" not in run("overdue", "-f", "json", "--today", "2026-12-06").stderr


def test_a_heading_is_named_by_its_first_line_of_content(run) -> None:  # type: ignore[no-untyped-def]
    out = run("list", "-f", "md", "--today", "2021-06-05").stdout
    row = next(line for line in out.splitlines() if line.startswith("| Mục 3.2 |"))
    assert "Nhóm nội dung công việc:" not in row and "Tổ chức theo dõi, đôn đốc công bố" in row


def test_markdown_cells_make_no_link_and_no_strike_through() -> None:
    """Checked with cmark-gfm (tables, autolink, strikethrough): an escaped ':' or '.' breaks the bare
    address, an escaped '~' the strike-through. (An e-mail address still becomes a mailto link there:
    GFM finds it after escapes are read, and a link to an address does no harm.)"""
    from tthc_cli.present.tables import markdown_cell

    cell = markdown_cell("Xem https://dichvucong.gov.vn, www.haiduong.gov.vn và ~~cũ~~")
    assert cell == "Xem https\\://dichvucong.gov.vn, www\\.haiduong.gov.vn và \\~\\~cũ\\~\\~"
    assert "https://" not in cell and "~~" not in cell


def test_role_words_are_capitalised_like_statuses(run) -> None:  # type: ignore[no-untyped-def]
    out = run("unit", "Sở Y tế", "-f", "md", "--today", "2021-06-05").stdout
    assert "| Phối hợp |" in out and "| Chủ trì |" in out and "| phối hợp |" not in out


def test_today_is_explained_with_both_forms_of_a_date(tthc) -> None:  # type: ignore[no-untyped-def]
    help_text = " ".join(tthc("due", "--help").stdout.split())
    assert "Coi ngày này là hôm nay (YYYY-MM-DD hoặc D/M/YYYY)" in help_text
