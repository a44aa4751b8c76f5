"""The terminal: tables on stdout, remarks on stderr; colour only on a terminal and never without NO_COLOR
respected. Plain text, so a query needs no rendering library at start-up."""

from __future__ import annotations

import os
import re
import sys
import textwrap
from datetime import date

from tthc_cli.present.labels import dmy
from tthc_cli.present.tables import PLAIN_WIDTH, Table, dropped_note, fit_columns, format_table
from tthc_cli.textnorm import visible, whole_number

__all__ = ["fit_columns"]  # re-exported: the terminal's choice of columns is the plain table's too


def _colour(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and "NO_COLOR" not in os.environ


# A terminal narrower or wider than this reports nonsense (an unsized pty says 0 columns, and rich
# would then print nothing at all): its width is taken as unknown.
SANE_WIDTHS = range(20, 1001)
DEFAULT_WIDTH = 80


def terminal_width(stream: object) -> int:
    """The width of the terminal `stream` writes to; when it reports none, 0 or an absurd number:
    $COLUMNS if that is sane, else 80."""
    try:
        width = os.get_terminal_size(stream.fileno()).columns  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        width = 0
    if width in SANE_WIDTHS:
        return width
    return _env_columns() or DEFAULT_WIDTH


def _env_columns() -> int | None:
    """$COLUMNS when it is set to a sane width."""
    columns = whole_number(os.environ.get("COLUMNS", ""), max(SANE_WIDTHS))
    return columns if columns in SANE_WIDTHS else None


def piped_width() -> int:
    """The width of a table written to a pipe or a file: $COLUMNS when it is set and sane, else
    PLAIN_WIDTH (a file read in an editor or an email)."""
    return _env_columns() or PLAIN_WIDTH


def on_terminal(stream: object) -> bool:
    """A person is looking (and NO_COLOR and TERM=dumb say nothing against the rich table)."""
    return _colour(stream) and os.environ.get("TERM") != "dumb"


def print_table(table: Table, *, title: str | None = None) -> None:
    """On a terminal (and without NO_COLOR), a rich table that fits its width; anywhere else — a pipe,
    a file, NO_COLOR, TERM=dumb — the plain ASCII table, without importing rich, as wide as
    $COLUMNS says (else PLAIN_WIDTH). Columns left out for width are named under the table."""
    stream = sys.stdout
    if on_terminal(stream):
        print_rich_table(table, title=title, width=terminal_width(stream))
        return
    width = piped_width()
    if title:
        stream.write(wrap_prose(visible(title), width) + "\n")
    stream.write(format_table(table, width=width))


def wrap_prose(text: str, width: int) -> str:
    """Lines longer than `width` wrapped at spaces, each continuation indented under the text it
    continues: under a list item's text ("  - …"), or under the value of a "Label:   value" line."""
    out: list[str] = []
    for line in text.split("\n"):
        if len(line) <= width:
            out.append(line)
            continue
        m = _HANG.match(line)
        hang = " " * (len(m.group(0)) if m and len(m.group(0)) < width // 2 else 0)
        out += textwrap.wrap(
            line,
            width,
            subsequent_indent=hang,
            break_long_words=False,
            break_on_hyphens=False,
            drop_whitespace=True,
        ) or [line]
    return "\n".join(out)


# The hanging indent of a long line: a list item's dash, or a padded label ("Chủ trì:   ").
_HANG = re.compile(r"^\s*(?:- |[^\s:][^:]{0,14}:\s+(?=\S))?")


def prose_width(stream: object) -> int | None:
    """The width prose is wrapped at on `stream`: a terminal's, else $COLUMNS when set; None (as
    written) for a pipe that says nothing."""
    if on_terminal(stream):
        return terminal_width(stream)
    return _env_columns()


# Colours of the status words on a terminal, keyed by status code (whatever the language of the
# word): always beside the words, never instead of them.
STATUS_STYLES = {
    "overdue": "bold red",
    "due_soon": "yellow",
    "done_on_time": "green",
    "done_late": "green",
    "in_progress": "cyan",
    "ongoing": "magenta",
}


def print_rich_table(table: Table, *, title: str | None, width: int) -> None:
    """Rich draws the columns at the widths fit_columns chose and wraps Vietnamese text at spaces;
    long texts are cut to one line (`tthc show ID` has them in full); the status words are coloured."""
    # rich is imported for a terminal only (~30 ms): piped output never loads it.
    from rich import box
    from rich.console import Console
    from rich.table import Table as RichTable
    from rich.text import Text

    # Only called for a terminal (print_table decided, NO_COLOR included): colours on, in the 16
    # standard colours, whatever rich would read from the environment itself.
    console = Console(
        width=width,
        force_terminal=True,
        color_system="standard",
        no_color=False,
        highlight=False,
        emoji=False,
        markup=False,
    )
    fit = fit_columns(table, width)
    sizes = fit.sizes
    grid = RichTable(
        title=visible(title) if title else None,
        caption=dropped_note(table, fit, width),
        caption_justify="left",
        caption_style="",
        title_justify="left",
        title_style="bold",
        box=box.SQUARE,
        header_style="bold",
    )
    # On a narrow terminal rows are two lines high anyway (status words wrap): the item's text uses both.
    lines = {i: (CONTENT_LINES if i == table.content and width < WIDE else 1) for i in table.one_line}
    for i, size in sizes.items():
        grid.add_column(table.headers[i], width=size, overflow="fold")
    for n, row in enumerate(table.rows):
        cells = []
        for i, size in sizes.items():
            cell = row[i]
            text = visible(dmy(cell) if isinstance(cell, date) else "" if cell is None else str(cell))
            if i in lines:
                text = cut_to_lines(text, size, lines[i])
            style = STATUS_STYLES.get(table.codes[n], "") if i == table.status_at and table.codes else ""
            cells.append(Text(text, style=style))
        grid.add_row(*cells)
    console.print(grid)


CONTENT_LINES = 2
WIDE = 100


def cut_to_lines(text: str, width: int, lines: int) -> str:
    """`text` in at most `lines` lines of `width`, cut at a word and marked '…' (`tthc show` has all)."""
    wrapped = textwrap.wrap(" ".join(text.split()), width, break_on_hyphens=False) or [""]
    if len(wrapped) <= lines:
        return "\n".join(wrapped)
    kept = wrapped[:lines]
    last = kept[-1]
    kept[-1] = (last if len(last) < width - 1 else last[: width - 2].rsplit(" ", 1)[0]) + " …"
    return "\n".join(kept)


def out(text: str = "", *, prose: bool = False) -> None:
    """Data on stdout, as given but for control characters, which are shown escaped (textnorm.visible);
    `prose` (an item shown in full) is wrapped at the terminal's width, or at $COLUMNS when piped."""
    text = visible(text)
    width = prose_width(sys.stdout) if prose else None
    if width:
        text = wrap_prose(text, width)
    sys.stdout.write(text if text.endswith("\n") or not text else text + "\n")


def note(text: str) -> None:
    """A human remark (counts, hints) on stderr, so stdout stays clean for pipes; wrapped at the
    width of the terminal it goes to, if it goes to one."""
    text = visible(text)
    # Only for a person at a terminal: piped remarks (a located problem read by an editor or CI)
    # stay one line each, whatever COLUMNS says.
    width = terminal_width(sys.stderr) if on_terminal(sys.stderr) else None
    sys.stderr.write((wrap_prose(text, width) if width else text) + "\n")
