"""The one place where what stops a run becomes a message and an exit code (like copier's
`_handle_exceptions`): a user error, a usage mistake, a closed pipe, Ctrl-C, an output that cannot
carry the text. The root command's `main` (cli/help.py) runs everything inside `guarded`.

Exit codes: 0 done (even with no rows); 1 the data has problems, or a unit/ID matches nothing or
several; 2 usage error (bad option value, unreadable date, a path that cannot be read or written);
130 interrupted (Ctrl-C). Anything else escaping a command is a bug and keeps its traceback.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import NoReturn

from tthc_cli.cli.usage import UsageError, usage_line
from tthc_cli.i18n import _
from tthc_cli.textnorm import visible

EXIT_OK, EXIT_DATA, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class UserError(Exception):
    """A problem the user can fix; shown as one line, never a traceback."""

    def __init__(self, message: str, exit_code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def fail(message: str, exit_code: int = EXIT_USAGE) -> NoReturn:
    raise UserError(message, exit_code)


def say(message: str) -> None:
    sys.stderr.write(f"tthc: {visible(message)}\n")


def guarded(call: Callable[[], int]) -> int:
    """Run `call`; its exit code, or the exit code of what stopped it."""
    try:
        return call()
    except UserError as exc:
        say(str(exc))
        return exc.exit_code
    except UsageError as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":  # a bare `tthc`: the help, as a usage mistake
            sys.stderr.write(exc.ctx.get_help() + "\n")  # type: ignore[attr-defined]
            return EXIT_USAGE
        say(usage_line(exc))
        return EXIT_USAGE
    except BrokenPipeError:  # `tthc list | head`: the reader left
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the interpreter's final flush
        return EXIT_DATA
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except UnicodeEncodeError as exc:  # a stream that was not reconfigured (entry.prepare_streams)
        say(
            _("the output cannot carry {text!r} ({encoding}); set PYTHONIOENCODING=utf-8").format(
                text=exc.object[exc.start : exc.end], encoding=exc.encoding
            )
        )
        return EXIT_USAGE
    except SystemExit as exc:  # Click's own exits: --help, --version, completion
        return exc.code if isinstance(exc.code, int) else (EXIT_OK if exc.code is None else EXIT_DATA)
