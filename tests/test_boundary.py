"""The one error boundary (cli/boundary.py): every way a run can stop becomes an exit code and at most
one `tthc:` line."""

from __future__ import annotations

import io
import os
import re
import signal
import subprocess
import sys
import time

import pytest

from tthc_cli.cli.boundary import UserError, fail, guarded
from tthc_cli.cli.commands import items

from .conftest import DATA

POSIX = pytest.mark.skipif(os.name != "posix", reason="signals as POSIX sends them")


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


def test_ctrl_c_inside_a_command_is_130_without_a_traceback(tthc, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def interrupted(data: str | None) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(items, "load", interrupted)
    result = tthc("overdue")
    assert (result.code, result.stdout, result.stderr) == (130, "", "")


def test_a_usage_mistake_is_one_line_through_the_same_boundary(tthc) -> None:  # type: ignore[no-untyped-def]
    result = tthc("upcoming", "--within", "x", "--lang", "en")
    assert result.code == 2 and result.stdout == ""
    assert (
        result.stderr == "tthc: --within x: give a whole number from 0 to 3660 (see: tthc upcoming --help)\n"
    )


def test_a_user_error_found_while_the_line_is_read_is_one_line(tthc) -> None:  # type: ignore[no-untyped-def]
    """A date that cannot be read is refused by the option's parser, before the command runs."""
    result = tthc("due", "--before", "31/6/2021")
    assert (result.code, result.stdout) == (2, "")
    assert result.stderr == "tthc: --before: '31/6/2021' không phải ngày có thật\n"


def test_an_unknown_command_suggests_the_nearest(tthc) -> None:  # type: ignore[no-untyped-def]
    result = tthc("dua")
    assert result.code == 2
    assert result.stderr.startswith("tthc: không có lệnh dua; có phải là due? Các lệnh là: brief, ")


def test_a_bare_tthc_shows_the_help_as_a_usage_mistake(tthc) -> None:  # type: ignore[no-untyped-def]
    result = tthc()
    assert result.code == 2 and result.stdout == ""
    assert result.stderr.startswith("Cách dùng: tthc [TÙY_CHỌN] LỆNH [ĐỐI_SỐ]...")


def test_a_group_without_its_command_names_the_commands(tthc) -> None:  # type: ignore[no-untyped-def]
    result = tthc("--lang", "en")
    assert result.code == 2 and result.stderr.startswith("tthc: which command? One of: brief, deadline,")


@POSIX
def test_ctrl_c_in_the_first_milliseconds_never_shows_a_traceback_from_tthc() -> None:
    """From the process's start: an interrupt while Python itself starts (its site module, the
    installer's wrapper importing `re` and finding the package) is CPython's to report, before any of
    tthc runs; from the first line of tthc on (cli/__init__.py installs the quiet hooks before any
    import that takes time), none escapes as a traceback, and the run ends as interrupted."""
    script = os.path.join(os.path.dirname(sys.executable), "tthc")
    env = {**os.environ, "TTHC_DATA": str(DATA), "TTHC_TODAY": "2021-08-03"}
    ours = []
    for n in range(24):
        proc = subprocess.Popen(
            [script, "list"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
        time.sleep(0.002 * n)  # moments from 0 to ~50 ms after the start, each once
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
        if re.search(r'File "[^"]*tthc_cli[/\\]', err):  # a frame of tthc's own modules
            ours.append(err)
        elif "Traceback" not in err and "Fatal Python error" not in err:  # tthc was in charge
            # it ended as interrupted, or had finished
            assert proc.returncode in (130, 0, -signal.SIGINT), (proc.returncode, err)
    assert ours == []
