"""The `tthc` program. The everyday read-only commands (validate, list, show, due, overdue, upcoming,
unit) are
served straight from commands.py without loading Typer, which alone costs more than answering; any
other command, `--help`, shell completion, or anything this parser is not certain about goes to the
full Typer command line, which also gives the official usage errors. Both call the same functions,
so they print the same (tests/test_entry.py runs them side by side)."""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


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

STR, FLAG, INT, CHOICE, MULTI = "str", "flag", "int", "choice", "multi"
_TABLE = ("table", "json", "csv", "md")
_KINDS = None  # any text: a plan's kinds include its appendices' names, checked once the plan is loaded
_DIAG = ("text", "json", "github")
_COMMON: dict[str, tuple[str, Any]] = {"--data": ("data", STR)}
_TODAY: dict[str, tuple[str, Any]] = {"--today": ("today", STR)}
_FORMAT: dict[str, tuple[str, Any]] = {"--format": ("fmt", (CHOICE, _TABLE)), "-f": ("fmt", (CHOICE, _TABLE))}
_WARN: dict[str, tuple[str, Any]] = {"--warn-days": ("warn_days", (INT, 0, 366))}
_OPEN: dict[str, tuple[str, Any]] = {"--open": ("only_open", FLAG)}

# command -> (options, name of the one positional argument or None, defaults)
SPECS: dict[str, tuple[dict[str, tuple[str, Any]], str | None, dict[str, Any]]] = {
    "list": (
        {**_FORMAT, "--kind": ("kinds", (MULTI, _KINDS)), **_WARN, **_TODAY, **_COMMON},
        None,
        {"fmt": "table", "kinds": [], "warn_days": 7, "today": None, "data": None},
    ),
    "show": (
        {
            "--format": ("fmt", (CHOICE, ("text", "json"))),
            "-f": ("fmt", (CHOICE, ("text", "json"))),
            **_WARN,
            **_TODAY,
            **_COMMON,
        },
        "item_id",
        {"fmt": "text", "warn_days": 7, "today": None, "data": None},
    ),
    "due": (
        {
            "--before": ("before", STR),
            "--after": ("after", STR),
            "--include-ongoing": ("include_ongoing", FLAG),
            "--unit": ("unit", STR),
            "--role": ("role", (CHOICE, ("lead", "support", "any"))),
            "--kind": ("kinds", (MULTI, _KINDS)),
            **_OPEN,
            **_WARN,
            **_FORMAT,
            **_TODAY,
            **_COMMON,
        },
        None,
        {
            "after": None,
            "include_ongoing": False,
            "unit": None,
            "role": None,
            "kinds": [],
            "only_open": False,
            "warn_days": 7,
            "fmt": "table",
            "today": None,
            "data": None,
        },
    ),
    "overdue": ({**_FORMAT, **_TODAY, **_COMMON}, None, {"fmt": "table", "today": None, "data": None}),
    "upcoming": (
        {"--within": ("within", (INT, 0, 3660)), **_WARN, **_FORMAT, **_TODAY, **_COMMON},
        None,
        {"within": 14, "warn_days": 7, "fmt": "table", "today": None, "data": None},
    ),
    "unit": (
        {**_OPEN, **_WARN, **_FORMAT, **_TODAY, **_COMMON},
        "name",
        {"only_open": False, "warn_days": 7, "fmt": "table", "today": None, "data": None},
    ),
    "deadline": (
        {
            "--year": ("year", (INT, 1900, 2199)),
            "--start": ("start", STR),
            "--end": ("end", STR),
            "--format": ("fmt", (CHOICE, ("text", "json"))),
            "-f": ("fmt", (CHOICE, ("text", "json"))),
            **_TODAY,
        },
        "phrases*",
        {"phrases": [], "year": None, "start": None, "end": None, "fmt": "text", "today": None},
    ),
}
REQUIRED = {"due": ("before",), "deadline": ("phrases",)}


def parse(argv: list[str]) -> tuple[str, dict[str, Any]] | None:
    """(command, keyword arguments) when certain; None to let Typer handle it."""
    if not argv or argv[0] not in SPECS:
        return None
    command, rest = argv[0], argv[1:]
    options, positional, defaults = SPECS[command]
    values: dict[str, Any] = {k: (list(v) if isinstance(v, list) else v) for k, v in defaults.items()}
    seen_positional = False
    i = 0
    while i < len(rest):
        token = rest[i]
        if token.startswith("-") and token != "-":
            name, eq, inline = token.partition("=")
            if name not in options:
                return None
            key, kind = options[name]
            if kind == FLAG:
                if eq:
                    return None
                values[key] = True
                i += 1
                continue
            if eq:
                raw = inline
            elif i + 1 < len(rest) and not rest[i + 1].startswith("-"):
                raw = rest[i + 1]
                i += 1
            else:
                return None
            i += 1
            if kind == STR:
                values[key] = raw
            elif kind[0] == CHOICE:
                if raw not in kind[1]:
                    return None
                values[key] = raw
            elif kind[0] == MULTI:
                if kind[1] is not None and raw not in kind[1]:
                    return None
                values[key].append(raw)
            elif kind[0] == INT:
                # ASCII only: '²'.isdigit() is true but int('²') fails, and int('٣') is 3.
                if not (raw.isascii() and raw.isdigit()) or not kind[1] <= int(raw) <= kind[2]:
                    return None
                values[key] = int(raw)
        elif positional and positional.endswith("*"):
            values[positional[:-1]].append(token)
            i += 1
        elif positional and not seen_positional:
            values[positional] = token
            seen_positional = True
            i += 1
        else:
            return None
    if positional and not positional.endswith("*") and not seen_positional:
        return None
    if any(values.get(key) in (None, []) for key in REQUIRED.get(command, ())):
        return None
    return command, values


def run(command: str, values: dict[str, Any]) -> int:
    from tthc_cli.cli import commands

    try:
        if command == "list":
            commands.run_list(
                values["fmt"], values["kinds"], values["data"], values["today"], values["warn_days"]
            )
        elif command == "show":
            commands.run_show(
                values["item_id"], values["fmt"], values["data"], values["today"], values["warn_days"]
            )
        elif command == "validate":
            return commands.run_validate(values["paths"], values["fmt"], values["strict"], values["data"])
        elif command == "deadline":
            return commands.run_deadline(**values)
        else:
            getattr(commands, f"run_{command}")(**values)
    except commands.UserError as exc:
        from tthc_cli.textnorm import visible

        sys.stderr.write(f"tthc: {visible(str(exc))}\n")
        return exc.exit_code
    return 0


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


def main() -> None:
    """Ctrl-C at any moment — even while modules are still being imported — ends with exit 130 and
    no traceback; a file being written is left as it was (fsutil.atomic_write)."""
    code: int | None = None
    try:
        _prepare_streams()
        from tthc_cli import i18n

        try:  # the one place the language is chosen, before any message or help text is made
            lang, argv = i18n.choose_language(sys.argv[1:], os.environ)
        except i18n.LanguageError as exc:
            sys.stderr.write(f"tthc: {i18n.language_error(exc)}\n")
            raise SystemExit(2) from None
        i18n.activate(lang)
        call = None if "_TTHC_COMPLETE" in os.environ else parse(argv)
        if call is None:
            from tthc_cli.cli.app import main as full

            sys.argv[1:] = argv
            full()
        else:
            code = run(*call)
        sys.stdout.flush()
    except BrokenPipeError:  # `tthc list | head`: the reader left (exit 1, as the Typer path does)
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the interpreter's final flush
        code = 1
    except KeyboardInterrupt:
        code = 130
    except SystemExit as exc:  # Typer's exit codes
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    if _interrupted:
        code = 130
    if code is None:  # the Typer path returned without an exit code
        return
    try:  # a second Ctrl-C while exiting must not print a traceback either
        import signal

        signal.signal(signal.SIGINT, signal.SIG_IGN)
    except KeyboardInterrupt:
        code = 130
    raise SystemExit(code)
