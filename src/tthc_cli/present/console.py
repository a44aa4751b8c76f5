"""The terminal: tables on stdout, remarks on stderr; colour only on a terminal and never without NO_COLOR
respected. Plain text, so a query needs no rendering library at start-up."""

from __future__ import annotations

import os
import sys
from datetime import date

from tthc_cli.present.tables import Table, dmy, format_table
from tthc_cli.textnorm import visible


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
    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isascii() and columns.isdigit() and int(columns) in SANE_WIDTHS:
        return int(columns)
    return DEFAULT_WIDTH


def print_table(table: Table, *, title: str | None = None) -> None:
    """On a terminal (and without NO_COLOR), a rich table that fits its width; anywhere else — a pipe,
    a file, NO_COLOR, TERM=dumb — the plain ASCII table, without importing rich."""
    stream = sys.stdout
    if _colour(stream) and os.environ.get("TERM") != "dumb":
        print_rich_table(table, title=title, width=terminal_width(stream))
        return
    width = 160
    if title:
        stream.write(visible(title) + "\n")
    stream.write(format_table(table, width=width))


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
MIN_TEXT = 18  # a column cut to one line keeps at least this much of its text
ID_WIDTH = 24  # longer IDs (an obligation's: task:5/so-tu-phap/2021-Q2) wrap rather than crowd out the rest


def fit_columns(table: Table, width: int) -> dict[int, int]:
    """The columns shown on a terminal `width` characters wide and the width of each: leave out
    `table.drop` columns, in order, until every column's least useful width fits (the ID whole; a
    date whole; a one-line text MIN_TEXT; other text its longest word, at most 16), borders and
    padding included; then widen the other columns towards their natural width (at most
    `table.widths`) and give what is left to the one-line texts."""
    texts = [[str(c) if c is not None else "" for c in row] for row in table.rows]
    n = len(table.headers)
    natural = [max([len(table.headers[i])] + [len(r[i]) for r in texts]) for i in range(n)]
    caps = list(table.widths) + [None] * (n - len(table.widths))

    def least(i: int) -> int:
        if i == 0:  # the ID: whole on one line when it can be (obligation IDs are long: they wrap)
            return min(natural[0], ID_WIDTH)
        if i in table.one_line:
            return min(natural[i], MIN_TEXT)
        longest = max([len(w) for r in texts for w in r[i].split()] or [0])
        return min(natural[i], max(min(longest, 16), min(len(table.headers[i]), 12), 4))

    shown = list(range(n))
    for i in table.drop:
        if sum(least(j) for j in shown) + 3 * len(shown) + 1 <= width:
            break
        shown.remove(i)
    sizes = {i: least(i) for i in shown}
    room = width - 3 * len(shown) - 1 - sum(sizes.values())
    texts_first = [(i, min(natural[i], 2 * MIN_TEXT)) for i in shown if i in table.one_line]
    others = [(i, min(natural[i], caps[i] or natural[i])) for i in shown if i not in table.one_line]
    rest = [(i, natural[i]) for i in shown if i in table.one_line]
    others_first = [(i, min(target, 16)) for i, target in others]
    for i, target in others_first + texts_first + others + rest:
        grow = max(0, min(room, target - sizes[i]))
        sizes[i] += grow
        room -= grow
    return sizes


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
    sizes = fit_columns(table, width)
    grid = RichTable(
        title=visible(title) if title else None,
        title_justify="left",
        title_style="bold",
        box=box.SQUARE,
        header_style="bold",
    )
    for i, size in sizes.items():
        cut = i in table.one_line
        grid.add_column(table.headers[i], width=size, no_wrap=cut, overflow="ellipsis" if cut else "fold")
    for n, row in enumerate(table.rows):
        cells = []
        for i in sizes:
            cell = row[i]
            text = visible(dmy(cell) if isinstance(cell, date) else "" if cell is None else str(cell))
            style = STATUS_STYLES.get(table.codes[n], "") if i == table.status_at and table.codes else ""
            cells.append(Text(text, style=style))
        grid.add_row(*cells)
    console.print(grid)


def out(text: str = "") -> None:
    """Data on stdout, as given but for control characters, which are shown escaped (textnorm.visible)."""
    text = visible(text)
    sys.stdout.write(text if text.endswith("\n") or not text else text + "\n")


def note(text: str) -> None:
    """A human remark (counts, hints) on stderr, so stdout stays clean for pipes."""
    sys.stderr.write(visible(text) + "\n")
