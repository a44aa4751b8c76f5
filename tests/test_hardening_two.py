"""Issue 12, hostile environments: devices and FIFOs, terminals, encodings, calendar edges, the
cache, Ctrl-C. Each test states the exit code, the message and that no traceback is printed."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tthc_cli.textnorm import LineIndex, fallback_errors, visible

from .conftest import Run

TTHC = [sys.executable, "-m", "tthc_cli"]
_ENV: dict[str, str | None] = {"TTHC_TODAY": "2021-08-03"}  # what every run here sees
POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX file types and signals")


def _tthc(
    *args: str, data: Path | None = None, timeout: float = 60, **env: str
) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "TTHC_TODAY": "2021-08-03", **env}
    if data is not None:
        full_env["TTHC_DATA"] = str(data)
    return subprocess.run(
        [*TTHC, *args], env=full_env, capture_output=True, text=True, timeout=timeout, check=False
    )


def _no_traceback(result: subprocess.CompletedProcess[str] | Run) -> None:
    assert "Traceback" not in result.stdout + result.stderr, result.stderr


# --- 1. -o writes only regular files or new paths ------------------------------------------------


@POSIX
@pytest.mark.parametrize("target", ["/dev/null", "/dev/full"])
def test_o_refuses_a_device(run, target: str) -> None:  # type: ignore[no-untyped-def]
    before = os.stat(target)
    result = run("report", "--today", "2021-08-03", "-o", target)
    assert result.code == 2
    assert f"-o {target} là một thiết bị; hãy cho tên một tệp thông thường" in result.stderr
    after = os.stat(target)
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


@POSIX
def test_o_dev_stdout_on_a_pipe_is_refused() -> None:
    result = _tthc("brief", "-o", "/dev/stdout")
    assert result.returncode == 2 and "là một FIFO" in result.stderr and result.stdout == ""
    _no_traceback(result)


@POSIX
def test_o_refuses_a_fifo_and_a_symlink_to_a_device(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "link.md"
    link.symlink_to("/dev/null")
    for target, word in ((fifo, "FIFO"), (link, "thiết bị")):
        result = run("brief", "--today", "2021-08-03", "-o", str(target))
        assert result.code == 2 and word in result.stderr, result.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and link.is_symlink()


@POSIX
def test_o_writes_through_a_symlink_to_a_regular_file(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    real = tmp_path / "real.md"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    assert run("brief", "--today", "2021-08-03", "-o", str(link)).code == 0
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("#")


# --- 3. never block or read without bound --------------------------------------------------------


@POSIX
@pytest.mark.parametrize("name", ["plan.yaml", "progress.yaml"])
def test_a_fifo_in_place_of_a_data_file_is_refused_at_once(tthc, data_dir: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    (data_dir / name).unlink()
    os.mkfifo(data_dir / name)
    for command in (["list"], ["validate"]):
        result = tthc(*command, env={**_ENV, "TTHC_DATA": str(data_dir)}, timeout=20)
        assert result.code == 2, result.stderr
        assert f"{name} là một FIFO" in result.stderr
        _no_traceback(result)


@POSIX
def test_validate_refuses_a_fifo_or_device_named_on_the_command_line(tthc, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    os.mkfifo(tmp_path / "plan.yaml")
    for path in (tmp_path / "plan.yaml", Path("/dev/zero")):
        result = tthc("validate", str(path), env=_ENV, timeout=20)
        assert result.code == 2 and "không phải tệp hay thư mục dữ liệu" in result.stderr
        _no_traceback(result)


@POSIX
def test_plan_yaml_linked_to_dev_zero_is_refused(tthc, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    (data_dir / "plan.yaml").unlink()
    (data_dir / "plan.yaml").symlink_to("/dev/zero")
    result = tthc("validate", env={**_ENV, "TTHC_DATA": str(data_dir)}, timeout=20)
    assert result.code == 2 and "một thiết bị" in result.stderr
    _no_traceback(result)


# --- 4. terminals stay safe -----------------------------------------------------------------------


def test_visible_escapes_every_control_character() -> None:
    hostile = "QĐ 12\x1b]0;owned\x07\x1b[2J\x9b1m\x00\u202e\u2028"
    shown = visible(hostile)
    assert not any(ch in shown for ch in "\x1b\x07\x9b\x00\u202e\u2028")
    assert shown.startswith("QĐ 12\\u001b]0;owned\\u0007")
    assert json.loads(json.dumps(visible("a\x9bb"))) == "a\\u009bb"
    assert visible("Sở Y tế\ttab\nline") == "Sở Y tế\ttab\nline"


def test_typed_names_with_escapes_are_echoed_escaped(run) -> None:  # type: ignore[no-untyped-def]
    result = run("unit", "Sở\x1b]0;owned\x07 Y tế")
    assert result.code == 1
    assert "\x1b" not in result.stderr and "\\u001b]0;owned\\u0007" in result.stderr


def test_usage_errors_from_the_option_parser_are_escaped(tthc) -> None:  # type: ignore[no-untyped-def]
    result = tthc("list", "--format", "\x1b[2Jtable", env=_ENV)
    assert result.code == 2 and "\x1b" not in result.stderr and "[2Jtable" in result.stderr


@pytest.mark.parametrize("field", ["--evidence", "--note", "--by"])
def test_progress_add_refuses_control_characters(run, data_dir: Path, field: str) -> None:  # type: ignore[no-untyped-def]
    before = (data_dir / "progress.yaml").read_bytes()
    result = run(
        "progress", "add", "1.1", "--status", "done", "--date", "2021-05-20",
        field, "QĐ 12\x1b]0;owned\x07\x1b[2J", "--data", str(data_dir),
    )  # fmt: skip
    assert result.code == 2
    assert f"{field}: có ký tự điều khiển U+001B" in result.stderr
    assert "\x1b" not in result.stderr
    assert (data_dir / "progress.yaml").read_bytes() == before


# --- 6. edges of the calendar and of numbers ------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["upcoming", "--today", "9999-12-31"], "chỉ nhận ngày từ 01/01/1900 đến 31/12/2999"),
        (["brief", "--today", "9999-12-31"], "chỉ nhận ngày từ"),
        (["overdue", "--today", "0001-01-01"], "chỉ nhận ngày từ"),
        (["due", "--before", "+9999w", "--today", "2999-01-01"], "chỉ nhận ngày từ"),
        (["due", "--before", "+٣d"], "không đọc được ngày"),
        (["due", "--before", "٢٠٢١-٠٦-٣٠"], "không đọc được ngày"),
        (["progress", "add", "1.1", "--status", "note", "--date", "-9999w"], "chỉ nhận ngày từ"),
        (["upcoming", "--within", "²"], "--within ²: hãy nhập số nguyên từ 0 đến 3660"),
        (["upcoming", "--within", "٣"], "--within ٣: hãy nhập số nguyên từ 0 đến 3660"),
        (["upcoming", "--within", "99999"], "--within 99999"),
        (["unit", "Sở Y tế", "--warn-days", "٧"], "--warn-days ٧"),
    ],
)
def test_calendar_and_number_edges_are_usage_errors(tthc, args: list[str], message: str) -> None:  # type: ignore[no-untyped-def]
    result = tthc(*args, env=_ENV)
    assert result.code == 2, result.stdout + result.stderr
    assert message in result.stderr
    _no_traceback(result)


def test_the_last_accepted_day_still_answers(tthc) -> None:  # type: ignore[no-untyped-def]
    for command in (["upcoming", "--within", "3660"], ["brief"], ["overdue"], ["report", "-f", "html"]):
        result = tthc(*command, "--today", "2999-12-31", env=_ENV)
        assert result.code == 0, result.stderr
        _no_traceback(result)


# --- 7. any output encoding -----------------------------------------------------------------------


NARROW = ["cp1252", "ascii", "cp1258", "latin-1"]


@pytest.mark.parametrize("encoding", NARROW)
def test_any_output_encoding_of_a_real_process(encoding: str) -> None:
    """The streams Python itself sets up from PYTHONIOENCODING (in-process below for more commands)."""
    result = subprocess.run(
        [*TTHC, "list"],
        env={**os.environ, "PYTHONIOENCODING": encoding, "TTHC_TODAY": "2021-08-03"},
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr.decode(encoding, errors="replace")
    assert b"Traceback" not in result.stderr
    text = result.stdout.decode(encoding)
    assert "\\u" in text or encoding == "cp1258"


@pytest.mark.parametrize("encoding", NARROW)
@pytest.mark.parametrize("args", [["list"], ["unit", "Sở Y tế", "-f", "md"], ["show", "6"]])
def test_any_output_encoding(tthc, encoding: str, args: list[str]) -> None:  # type: ignore[no-untyped-def]
    result = tthc(*args, env=_ENV, encoding=encoding)
    assert result.code == 0, result.stderr
    _no_traceback(result)
    assert "\\u" in result.stdout or encoding == "cp1258"


def test_validate_with_errors_in_a_narrow_encoding(data_dir: Path) -> None:
    units = data_dir / "units.yaml"
    units.write_text(
        units.read_text(encoding="utf-8").replace("Sở Y tế", "Sở Y tế\u200b", 1), encoding="utf-8"
    )
    result = subprocess.run(
        [*TTHC, "validate"],
        env={**os.environ, "PYTHONIOENCODING": "cp1252", "TTHC_DATA": str(data_dir)},
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 1 and b"Traceback" not in result.stderr
    assert b"invisible-character" in result.stdout


def test_csv_in_a_narrow_encoding_has_no_escaped_bom() -> None:
    result = subprocess.run(
        [*TTHC, "list", "-f", "csv"],
        env={**os.environ, "PYTHONIOENCODING": "cp1252", "TTHC_TODAY": "2021-08-03"},
        capture_output=True,
        check=False,
        timeout=60,
    )
    # The CSV for tools has no BOM: nothing, escaped or not, before its first header.
    assert result.returncode == 0 and result.stdout.startswith(b"id,kind,")


def test_cp1258_keeps_vietnamese_readable() -> None:
    name = fallback_errors("cp1258")
    for word in ("Nội dung", "Chi tiết", "Thời hạn", "Sở Y tế", "Đơn vị"):
        back = word.encode("cp1258", errors=name).decode("cp1258")
        assert __import__("unicodedata").normalize("NFC", back) == word


# --- 10. exact positions ----------------------------------------------------------------------------


def test_line_index_counts_lf_crlf_and_lone_cr_and_columns_in_characters() -> None:
    text = "a: 1\rb: ế\r\nc: 😀x\nd"
    lines = LineIndex(text)
    assert lines.line_col(text.index("b")) == (2, 1)
    assert lines.line_col(text.index("ế")) == (2, 4)
    assert lines.line_col(text.index("x")) == (3, 5)
    assert lines.line_col(text.index("d")) == (4, 1)


# --- 12. Ctrl-C at any moment -------------------------------------------------------------------


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


# --- 14. where the data came from -----------------------------------------------------------------


def test_data_found_above_the_working_directory_is_named(tthc, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    below = data_dir / "sub" / "deeper"
    below.mkdir(parents=True)
    result = tthc("list", "-f", "json", cwd=below, env={"TTHC_DATA": None})
    assert result.code == 0
    assert f"dùng dữ liệu kế hoạch trong {data_dir}" in result.stderr
    here = tthc("list", cwd=data_dir, env={"TTHC_DATA": None})
    assert here.code == 0 and "dùng dữ liệu kế hoạch" not in here.stderr


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
