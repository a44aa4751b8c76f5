"""The terminal: Rich tables on stdout, messages on stderr; no ANSI codes when piped or with NO_COLOR."""

from __future__ import annotations

import os
import sys

from rich import box
from rich.console import Console
from rich.table import Table as RichTable

from .output import Table, _text


def _console(stderr: bool = False) -> Console:
    stream = sys.stderr if stderr else sys.stdout
    plain = not stream.isatty() or "NO_COLOR" in os.environ
    return Console(
        file=stream,
        no_color=plain,
        highlight=False,
        emoji=False,
        markup=False,
        force_terminal=False if plain else None,
        width=None if stream.isatty() else 160,
    )


def print_table(table: Table, *, title: str | None = None) -> None:
    console = _console()
    if title:
        console.print(title, style="bold")
    rich_table = RichTable(
        box=box.SIMPLE_HEAD if console.is_terminal else box.ASCII2, show_lines=False, header_style="bold"
    )
    widths = table.widths or (None,) * len(table.headers)
    for i, header in enumerate(table.headers):
        width = widths[i] if i < len(widths) else None
        # The ID column never wraps or shrinks: it is what people copy into the next command.
        rich_table.add_column(
            header,
            overflow="fold",
            max_width=None if i == 0 else width,
            no_wrap=(i == 0),
            min_width=len(header),
        )
    for row in table.rows:
        rich_table.add_row(*(_text(cell) for cell in row))
    console.print(rich_table)


def out(text: str = "") -> None:
    """Data on stdout, exactly as given."""
    sys.stdout.write(text if text.endswith("\n") or not text else text + "\n")


def note(text: str) -> None:
    """A human remark (counts, hints) on stderr, so stdout stays clean for pipes."""
    sys.stderr.write(text + "\n")
