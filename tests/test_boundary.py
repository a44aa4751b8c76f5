"""The one error boundary (cli/boundary.py): every way a run can stop becomes an exit code and at most
one `tthc:` line; the program (cli/entry.py) ends with the documented exit code, and a Ctrl-C at any
moment of its work with 130 and no traceback."""

from __future__ import annotations

import io
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tthc_cli.cli import entry
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


# --- the program's exit codes -----------------------------------------------------------------------


def exit_code(argv: list[str]) -> int:
    with pytest.raises(SystemExit) as stopped:
        entry.main(argv)
    return int(stopped.value.code or 0)


@pytest.mark.parametrize(
    ("argv", "code", "says"),
    [
        (["deadline", "Trước ngày 31/7/2021", "--year", "2021"], 0, ""),  # understood
        (["deadline", "Sớm nhất có thể", "--year", "2021", "--lang", "en"], 1, ""),  # not understood
        (["unit", "Không có", "--data", "tests/fixtures/an-lac-2022", "--lang", "en"], 1, "tthc: no unit"),
        (["due", "--before", "2021-06-30", "--role", "boss", "--lang", "en"], 2, "tthc: --role boss: choose"),
        (["--lang", "xx", "list"], 2, "tthc: "),  # an unknown language
        (["--version"], 0, ""),
    ],
)
def test_main_ends_with_the_documented_exit_code(argv: list[str], code: int, says: str, capsys) -> None:  # type: ignore[no-untyped-def]
    assert exit_code(argv) == code
    err = capsys.readouterr().err
    assert err.startswith(says) and (says or not err), err


# --- Ctrl-C at any moment of tthc's own work ---------------------------------------------------------


_READY_THEN_MAIN = (
    "import os, sys; from tthc_cli.cli.entry import main; os.write(int(sys.argv[1]), b'r'); "
    "sys.argv = ['tthc', *sys.argv[2:]]; main()"
)


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@POSIX
@pytest.mark.parametrize("command", [["validate"], ["list"], ["brief"]])
def test_ctrl_c_at_any_moment_exits_130_without_traceback(data_dir: Path, command: list[str]) -> None:
    """From the moment tthc's own code runs (the interpreter's start-up before it is Python's), a
    Ctrl-C during the imports, the parse, the query or the output ends with 130 and no traceback."""
    outcomes = set()
    for n in range(12):
        ready_r, ready_w = os.pipe()
        proc = subprocess.Popen(
            [sys.executable, "-c", _READY_THEN_MAIN, str(ready_w), *command],
            env={**os.environ, "TTHC_DATA": str(data_dir), "TTHC_TODAY": "2021-08-03"},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            pass_fds=(ready_w,),
            # As from a terminal: a suite started in the background (`pytest &` in a script) has
            # SIGINT ignored, and a child would inherit that and never see the Ctrl-C.
            preexec_fn=_default_sigint,
        )
        os.close(ready_w)
        assert os.read(ready_r, 1) == b"r"
        os.close(ready_r)
        time.sleep(n * 0.015)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
        assert "Traceback" not in err, err
        # 130: main() caught it; -SIGINT: it came in the instant before main() ran, and the
        # process ended as interrupted (130 in a shell) with entry's quiet excepthook.
        assert proc.returncode in (130, 0, -signal.SIGINT), (proc.returncode, err)
        outcomes.add(proc.returncode)
    assert 130 in outcomes


def test_an_interrupt_before_main_prints_no_traceback() -> None:
    code = "import tthc_cli.cli.entry; raise KeyboardInterrupt"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == -signal.SIGINT and proc.stderr == ""


def test_an_interrupt_python_cannot_raise_is_kept_quiet_and_ends_as_interrupted(capsys) -> None:  # type: ignore[no-untyped-def]
    """A Ctrl-C landing in importlib's module-lock callback reaches sys.unraisablehook, which would
    print 'Exception ignored in … Traceback'; tthc's hook stays quiet and remembers it (exit 130)."""
    import types

    from tthc_cli.cli import entry

    entry._interrupted.clear()
    try:
        entry._quiet_unraisable(
            types.SimpleNamespace(exc_value=KeyboardInterrupt(), exc_type=KeyboardInterrupt)
        )
        assert entry._interrupted == [True]
        assert capsys.readouterr().err == ""
    finally:
        entry._interrupted.clear()
    # Installed when tthc starts (pytest has its own hook in this process).
    probe = "import sys, tthc_cli.cli.entry as e; print(sys.unraisablehook is e._quiet_unraisable)"
    assert subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True).stdout == "True\n"
