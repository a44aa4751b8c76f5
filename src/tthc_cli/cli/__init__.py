"""The command line: the Typer app (app.py), its commands (commands/), options (options.py), help and
usage in the reader's language (help.py, usage.py), completion, the one error boundary (boundary.py),
and the process edge (entry.py).

The modules Typer reads do without `from __future__ import annotations`: Typer evaluates every
annotation of every command each run, and strings cost it ~15 ms to evaluate.

This file is the first of tthc that the installed `tthc` script runs (it imports cli.entry): the
hooks below are installed before anything that takes time to import, so that a Ctrl-C while tthc is
starting prints no traceback. They only quiet KeyboardInterrupt."""

import sys


def _quiet_interrupt(kind: type[BaseException], value: BaseException, tb: object) -> None:
    """Ctrl-C in the instants before main() takes over: no traceback. Python then ends the process
    as interrupted by SIGINT (status 130 in a shell)."""
    if issubclass(kind, KeyboardInterrupt):
        return
    sys.__excepthook__(kind, value, tb)  # type: ignore[arg-type]


# A Ctrl-C can land inside a callback Python cannot raise from (importlib's module-lock cleanup during
# an import): Python would print "Exception ignored in … KeyboardInterrupt" with a traceback and carry
# on. It is remembered instead, and entry.main() ends as interrupted (130).
_interrupted: list[bool] = []


def _quiet_unraisable(unraisable: "sys.UnraisableHookArgs") -> None:
    if isinstance(unraisable.exc_value, KeyboardInterrupt):
        _interrupted.append(True)
        return
    sys.__unraisablehook__(unraisable)


sys.excepthook = _quiet_interrupt
sys.unraisablehook = _quiet_unraisable
