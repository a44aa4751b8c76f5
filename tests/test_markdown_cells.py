"""Text from the data in a Markdown table cell stays one cell of one line and stays text: a pipe does
not start another cell, HTML is not HTML, emphasis, code, links and strike-through are not markup,
a bare address is not a link, and a long text is cut at a word."""

from __future__ import annotations

import re

import pytest

from tthc_cli.present.tables import Table, markdown_cell, to_markdown

UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ("A | B", "A \\| B"),
        ("<b>x</b>", "&lt;b&gt;x&lt;/b&gt;"),
        ("*nhấn mạnh*", "\\*nhấn mạnh\\*"),
        ("__đậm__", "\\_\\_đậm\\_\\_"),
        ("`mã`", "\\`mã\\`"),
        ("[liên kết](x)", "\\[liên kết\\](x)"),
        ("~~cũ~~", "\\~\\~cũ\\~\\~"),
        ("C:\\thư mục", "C:\\\\thư mục"),
        ("a\\|b", "a\\\\\\|b"),  # an escape typed in the data does not escape tthc's own
        ("Sở Y tế, 31/05/2021 (hạn thực tế 02/06/2021)", "Sở Y tế, 31/05/2021 (hạn thực tế 02/06/2021)"),
        ("tthc@haiduong.gov.vn", "tthc@haiduong.gov.vn"),  # '@' is left: GFM links an address whatever
    ],
    ids=[
        "pipe",
        "html",
        "emphasis",
        "strong",
        "code",
        "link",
        "strike",
        "backslash",
        "escaped-pipe",
        "plain",
        "at",
    ],
)
def test_a_character_markdown_reads_as_markup_is_escaped(text: str, cell: str) -> None:
    assert markdown_cell(text) == cell


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ("https://dichvucong.gov.vn", "https\\://dichvucong.gov.vn"),
        ("HTTP://x.vn", "HTTP\\://x.vn"),
        ("ftp://x.vn", "ftp\\://x.vn"),
        ("www.haiduong.gov.vn", "www\\.haiduong.gov.vn"),
        ("xem www.x.vn và https://y.vn", "xem www\\.x.vn và https\\://y.vn"),
        ("awww.x.vn", "awww.x.vn"),  # not an address: 'www' inside a word
        ("https là giao thức", "https là giao thức"),
    ],
)
def test_a_bare_address_does_not_become_a_link(text: str, cell: str) -> None:
    assert markdown_cell(text) == cell


def test_a_cell_is_one_line_with_its_spaces_tidied() -> None:
    assert markdown_cell("  Dòng một\n\nDòng  hai\t| ba ") == "Dòng một Dòng hai \\| ba"


def test_a_long_cell_is_cut_at_a_word_and_marked() -> None:
    assert markdown_cell("một hai ba bốn", limit=9) == "một hai …"
    assert markdown_cell("một hai ba", limit=10) == "một hai ba"
    assert markdown_cell("một | hai | ba", limit=11) == "một \\| hai …"  # cut first, then escaped


def test_a_table_keeps_its_columns_whatever_the_cells_hold() -> None:
    table = Table(
        headers=("Mục", "Nội dung | ghi chú"),
        rows=(("Mục 1.1", "A | B\n\n| c | d |"), ("Mục 1.2", None)),
    )
    lines = to_markdown(table).splitlines()
    assert lines[0] == "| Mục | Nội dung \\| ghi chú |"
    assert lines[1] == "|---|---|"
    assert lines[2] == "| Mục 1.1 | A \\| B \\| c \\| d \\| |"
    assert lines[3] == "| Mục 1.2 |  |"
    assert all(len(UNESCAPED_PIPE.findall(line)) == 3 for line in lines)
