"""The `tthc` program as a process: the output streams, the command line (cli/app.py), the exit.

The app is imported inside `main`, once the quiet Ctrl-C hooks are in place (cli/__init__.py): a lazy
import at the edge of the process, because Typer alone takes ~20 ms to import and a Ctrl-C in that
time must still end quietly with 130 (tests/test_boundary.py sends it at many moments)."""

from __future__ import annotations

import os
import sys

# Ctrl-C before main() takes over is kept quiet by the hooks the package installs first (cli/__init__.py).
from tthc_cli.cli import _interrupted, _quiet_interrupt, _quiet_unraisable

__all__ = ["_interrupted", "_quiet_interrupt", "_quiet_unraisable", "main", "prepare_streams"]


def prepare_streams() -> None:
    """Output that any encoding can carry (a Windows console or a redirection may be cp1252 or
    cp1258: no UnicodeEncodeError, see textnorm._fallback), and a stderr that shows control
    characters escaped whoever writes to it."""
    from tthc_cli.textnorm import VisibleWriter, fallback_errors

    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        encoding = getattr(stream, "encoding", None)
        if reconfigure is not None and isinstance(encoding, str):
            reconfigure(errors=fallback_errors(encoding))
    if not isinstance(sys.stderr, VisibleWriter):
        sys.stderr = VisibleWriter(sys.stderr)


def main(argv: list[str] | None = None) -> None:
    """The program: ends with SystemExit(exit code). Ctrl-C at any moment — even while modules are
    still being imported — ends with exit 130 and no traceback; a file being written is left as it was
    (fsutil.atomic_write). `argv` (default: sys.argv[1:]) lets tests run it in-process."""
    args = sys.argv[1:] if argv is None else list(argv)
    code = 130
    try:
        prepare_streams()
        from tthc_cli.cli import app

        code = app.main(args)
        sys.stdout.flush()
    except BrokenPipeError:  # the reader left before the last flush
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the interpreter's final flush
        code = 1
    except KeyboardInterrupt:  # before the error boundary took over, or while flushing
        code = 130
    if _interrupted:
        code = 130
    if argv is None:  # the process is ending: a second Ctrl-C must not print a traceback either
        try:  # (in-process callers keep their handler: processes they start would inherit SIG_IGN)
            import signal

            signal.signal(signal.SIGINT, signal.SIG_IGN)
        except KeyboardInterrupt:
            code = 130
    raise SystemExit(code)
