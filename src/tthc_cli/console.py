"""The terminal: tables on stdout, remarks on stderr; colour only on a terminal and never without NO_COLOR
respected. Plain text, so a query needs no rendering library at start-up."""

from __future__ import annotations

import os
import sys

from .output import Table, format_table
from .textnorm import visible


def _colour(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and "NO_COLOR" not in os.environ


def print_table(table: Table, *, title: str | None = None) -> None:
    stream = sys.stdout
    colour = _colour(stream)
    width = 160
    if colour:  # a terminal: fit it (shutil.get_terminal_size costs an import for the same answer)
        try:  # noqa: SIM105 - contextlib would be one more import on every query
            width = os.get_terminal_size(stream.fileno()).columns
        except OSError:
            pass
    if title:
        title = visible(title)
        stream.write((f"\x1b[1m{title}\x1b[0m" if colour else title) + "\n")
    stream.write(format_table(table, width=width, colour=colour))


def out(text: str = "") -> None:
    """Data on stdout, as given but for control characters, which are shown escaped (textnorm.visible)."""
    text = visible(text)
    sys.stdout.write(text if text.endswith("\n") or not text else text + "\n")


def note(text: str) -> None:
    """A human remark (counts, hints) on stderr, so stdout stays clean for pipes."""
    sys.stderr.write(visible(text) + "\n")
