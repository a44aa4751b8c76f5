"""The one error boundary (cli/boundary.py): every way a command can stop becomes an exit code and at
most one `tthc:` line, whichever command line ran it."""

from __future__ import annotations

import io
import sys

import pytest

from tthc_cli.cli.boundary import UserError, dispatch, fail, guarded
from tthc_cli.cli.params import Options


def raising(exc: BaseException):  # type: ignore[no-untyped-def]
    def call() -> int:
        raise exc

    return call


@pytest.mark.parametrize(
    ("exc", "code", "says"),
    [
        (UserError("no unit is called 'X'", 1), 1, "tthc: no unit is called 'X'\n"),
        (UserError("--before: not a date"), 2, "tthc: --before: not a date\n"),
        (KeyboardInterrupt(), 130, ""),
        (SystemExit(2), 2, ""),
        (SystemExit(None), 0, ""),
        (UnicodeEncodeError("cp1252", "Sở", 1, 2, "cannot encode"), 2, "tthc: "),
    ],
)
def test_each_way_of_stopping_is_an_exit_code(exc: BaseException, code: int, says: str, capsys) -> None:  # type: ignore[no-untyped-def]
    assert guarded(raising(exc)) == code
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(says) and captured.err.count("\n") == (1 if says else 0)


def test_a_message_with_control_characters_is_shown_escaped(capsys) -> None:  # type: ignore[no-untyped-def]
    assert guarded(lambda: fail("no unit is called '\x1b[2J'", 1)) == 1
    assert "\x1b" not in capsys.readouterr().err


def test_a_closed_pipe_ends_quietly_with_1(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    assert guarded(raising(BrokenPipeError())) == 1
    sys.stdout.write("the interpreter's last flush goes nowhere\n")


def test_anything_else_is_a_bug_with_its_traceback() -> None:
    with pytest.raises(ZeroDivisionError):
        guarded(lambda: 1 // 0)


def test_dispatch_runs_the_tables_command_through_the_boundary(capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("TTHC_TODAY", raising=False)
    options = Options({"phrases": [], "year": None, "start": None, "end": None, "fmt": "text", "today": None})
    assert dispatch("deadline", options) == 2
    assert capsys.readouterr().err.startswith("tthc: ")


def test_ctrl_c_on_the_typer_path_is_130_without_a_traceback(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    from tthc_cli.cli import app

    def interrupted(name: str, options: Options) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(app, "dispatch", interrupted)
    assert app.main(["overdue"]) == 130
    assert "Traceback" not in capsys.readouterr().err


def test_a_usage_mistake_goes_through_the_same_boundary(capsys) -> None:  # type: ignore[no-untyped-def]
    from tthc_cli.cli import app

    assert app.main(["upcoming", "--within", "x"]) == 2
    err = capsys.readouterr().err
    assert (
        err.startswith("tthc: --within x: ") and err.endswith("upcoming --help)\n") and err.count("\n") == 1
    )
