"""The `tthc` program. Every command line this parser is sure of is read straight from the command
table (cli/table.py) and run through the dispatcher, without loading Typer, which alone costs more
than answering; `--help`, shell completion, and anything it is not sure of (a usage mistake included)
go to the Typer command line (cli/app.py), which reads the same table and calls the same dispatcher,
so both print the same (tests/test_table.py runs them side by side)."""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from tthc_cli.cli.params import Options, Param


def _quiet_interrupt(kind: type[BaseException], value: BaseException, tb: Any) -> None:
    """Ctrl-C in the instants before main() takes over (the `tthc` script importing this module):
    no traceback. Python then ends the process as interrupted by SIGINT (status 130 in a shell)."""
    if issubclass(kind, KeyboardInterrupt):
        return
    sys.__excepthook__(kind, value, tb)


sys.excepthook = _quiet_interrupt

# A Ctrl-C can land inside a callback Python cannot raise from (importlib's module-lock cleanup during
# an import): Python would print "Exception ignored in … KeyboardInterrupt" with a traceback and carry
# on. It is remembered instead, and main() ends as interrupted (130).
_interrupted: list[bool] = []


def _quiet_unraisable(unraisable: Any) -> None:
    if isinstance(unraisable.exc_value, KeyboardInterrupt):
        _interrupted.append(True)
        return
    sys.__unraisablehook__(unraisable)


sys.unraisablehook = _quiet_unraisable


def parse(argv: list[str]) -> tuple[str, Options] | None:
    """(command, options) when certain; None to let Typer handle it (and word any mistake)."""
    from tthc_cli.cli.params import FLAG, TEXTS, Options
    from tthc_cli.cli.table import defaults, find

    found = find(argv)
    if found is None:
        return None
    command, rest = found
    values = defaults(command)
    argument, seen = command.argument, False
    i = 0
    while i < len(rest):
        token = rest[i]
        if token.startswith("-") and token != "-":
            name, eq, inline = token.partition("=")
            param = command.option(name)
            # Click reads `-f=json` as the value "=json", and `--open=x` as a mistake: Typer words it.
            if param is None or (eq and (not name.startswith("--") or param.kind == FLAG)):
                return None
            if param.kind == FLAG:
                values[param.dest] = True
                i += 1
                continue
            if eq:
                raw, i = inline, i + 1
            elif i + 1 < len(rest) and not rest[i + 1].startswith("-"):
                raw, i = rest[i + 1], i + 2
            else:
                return None
            value = _value(param, raw)
            if value is None:
                return None
            bucket = values[param.dest]
            if isinstance(bucket, list):  # a repeatable option
                bucket.append(value)
            else:
                values[param.dest] = value
        elif argument is not None and (argument.kind == TEXTS or not seen):
            bucket = values[argument.dest]
            if isinstance(bucket, list):  # several arguments
                bucket.append(token)
            else:
                values[argument.dest] = token
            seen = True
            i += 1
        else:
            return None
    if any(p.required and values[p.dest] in (None, []) for p in command.params):
        return None
    return command.name, Options(values)


def _value(param: Param, raw: str) -> str | int | None:
    """The value of an option as the table declares it, or None when Typer should word the mistake."""
    from tthc_cli.cli.params import CHOICE, NUMBER, whole_number

    if param.kind == CHOICE:
        return raw if raw in param.choices else None
    if param.kind == NUMBER and param.bounds:
        return whole_number(raw, param.bounds)
    return raw


def _prepare_streams() -> None:
    """Output that any encoding can carry (a Windows console or a redirection may be cp1252 or
    cp1258: no UnicodeEncodeError, see textnorm._fallback), and a stderr that shows control
    characters escaped whoever writes to it (Typer's usage errors echo what was typed)."""
    from tthc_cli.textnorm import VisibleWriter, fallback_errors

    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        encoding = getattr(stream, "encoding", None)
        if reconfigure is not None and isinstance(encoding, str):
            reconfigure(errors=fallback_errors(encoding))
    if not isinstance(sys.stderr, VisibleWriter):
        sys.stderr = VisibleWriter(sys.stderr)


def serve(argv: list[str]) -> int:
    """Choose the language, then serve `argv` on the fast path or through Typer; the exit code."""
    _prepare_streams()
    from tthc_cli import i18n

    try:  # the one place the language is chosen, before any message or help text is made
        lang, argv = i18n.choose_language(argv, os.environ)
    except i18n.LanguageError as exc:
        sys.stderr.write(f"tthc: {i18n.language_error(exc)}\n")
        return 2
    i18n.activate(lang)
    from tthc_cli.cli.params import split_short_equals

    argv = split_short_equals(argv)
    call = None if "_TTHC_COMPLETE" in os.environ else parse(argv)
    if call is None:
        from tthc_cli.cli import app

        return app.main(argv)
    from tthc_cli.cli.boundary import dispatch

    return dispatch(*call)


def main(argv: list[str] | None = None) -> None:
    """The program: ends with SystemExit(exit code). Ctrl-C at any moment — even while modules are
    still being imported — ends with exit 130 and no traceback; a file being written is left as it was
    (fsutil.atomic_write). `argv` (default: sys.argv[1:]) lets tests run it in-process."""
    args = sys.argv[1:] if argv is None else list(argv)
    code = 130
    try:
        from tthc_cli.cli.boundary import guarded

        code = guarded(lambda: serve(args))
        sys.stdout.flush()
    except BrokenPipeError:  # the reader left before the last flush
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the interpreter's final flush
        code = 1
    except KeyboardInterrupt:  # before the boundary was imported, or while flushing
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
