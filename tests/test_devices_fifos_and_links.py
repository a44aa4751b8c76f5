"""What is not a regular file: -o writes only regular files or new paths (a device, a FIFO or a link
to a device is refused, a link to a regular file is written through), and a FIFO or a device where a
data file is expected is refused at once instead of blocking or reading without end. Each test states
the exit code, the message and that no traceback is printed."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

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


# --- -o writes only regular files or new paths ----------------------------------------------------


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


# --- a data file is read only if it is a file: never block ----------------------------------------------


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
