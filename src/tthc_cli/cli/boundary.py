"""The one place an exception becomes a message and an exit code, for both command lines, and the one
way into a command: `dispatch(name, options) -> int`.

Exit codes: 0 done (even with no rows); 1 the data has problems, or a unit/ID matches nothing or
several; 2 usage error (bad option value, unreadable date, a path that cannot be read or written);
130 interrupted (Ctrl-C). Anything else escaping a command is a bug and keeps its traceback.
Stdlib only: the fast path imports it before anything else.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import NoReturn

    from tthc_cli.cli.params import Options

EXIT_OK, EXIT_DATA, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class UserError(Exception):
    """A problem the user can fix; shown as one line, never a traceback."""

    def __init__(self, message: str, exit_code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def fail(message: str, exit_code: int = EXIT_USAGE) -> NoReturn:
    raise UserError(message, exit_code)


def say(message: str) -> None:
    from tthc_cli.textnorm import visible

    sys.stderr.write(f"tthc: {visible(message)}\n")


def guarded(call: Callable[[], int]) -> int:
    """Run `call`; its exit code, or the exit code of what stopped it."""
    try:
        return call()
    except UserError as exc:
        say(str(exc))
        return exc.exit_code
    except BrokenPipeError:  # `tthc list | head`: the reader left
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the interpreter's final flush
        return EXIT_DATA
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except UnicodeEncodeError as exc:  # a stream that was not reconfigured (entry._prepare_streams)
        from tthc_cli.i18n import _

        say(
            _("the output cannot carry {text!r} ({encoding}); set PYTHONIOENCODING=utf-8").format(
                text=exc.object[exc.start : exc.end], encoding=exc.encoding
            )
        )
        return EXIT_USAGE
    except SystemExit as exc:  # Typer's (Click's) own exits: --help, usage errors, completion
        return exc.code if isinstance(exc.code, int) else (EXIT_OK if exc.code is None else EXIT_DATA)


def dispatch(name: str, options: Options) -> int:
    """Run the command `name` of the table (cli/table.py) with its options; its exit code."""

    def call() -> int:
        from importlib import import_module

        from tthc_cli.cli.table import BY_NAME

        module, _sep, function = BY_NAME[name].run.partition(":")
        command: Callable[[Options], int] = getattr(
            import_module(f"tthc_cli.cli.commands.{module}"), function
        )
        return command(options)

    return guarded(call)
