"""Writes are whole or not at all: concurrent appends to the progress log lose nothing, an append or a
write killed at any moment leaves the old file or the new one, and a target that cannot be written is
a message, with nothing left behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tthc_cli.data.dataset import assemble

from .conftest import DATA_NAMES

TTHC = [sys.executable, "-m", "tthc_cli"]


def _env(data_dir: Path) -> dict[str, str]:
    return {**os.environ, "TTHC_DATA": str(data_dir), "TTHC_TODAY": "2021-12-31"}


def _load(data_dir: Path):  # type: ignore[no-untyped-def]
    files = {n: (data_dir / n).read_bytes() if (data_dir / n).exists() else None for n in DATA_NAMES}
    return assemble(files)


APPENDER = """
import sys
from tthc_cli.cli.entry import main
codes = []
for n in map(int, sys.argv[1:]):
    args = ["progress", "add", f"review:{1 + n % 16}", "--status", "note", "--date", "2021-06-01"]
    try:
        main([*args, "--note", f"ghi chú {n}"])
    except SystemExit as exc:
        codes.append(exc.code)
sys.exit(max(codes))
"""


def test_twenty_concurrent_appends_lose_nothing(data_dir: Path) -> None:
    """Twenty appends from four processes at once, each process appending five times in a row (a
    Python start per append cost most of the suite's time): the lock is between processes."""
    before = (data_dir / "progress.yaml").read_bytes()
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", APPENDER, *(str(n) for n in range(first, 20, 4))],
            env=_env(data_dir),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for first in range(4)
    ]
    codes = [p.wait(timeout=120) for p in procs]
    assert codes == [0] * 4, [p.stderr.read() for p in procs if p.stderr]  # type: ignore[union-attr]
    after = (data_dir / "progress.yaml").read_bytes()
    assert after.startswith(before)
    result = _load(data_dir)
    assert result.plan is not None
    notes = sorted(e.note or "" for e in result.plan.progress)
    assert notes == sorted(f"ghi chú {n}" for n in range(20))


# tthc imported, then a signal on the pipe named first, then the command: a kill timed from the signal
# lands in tthc's own work (reading the plan, appending), never in the interpreter's start-up.
_READY_THEN_MAIN = (
    "import os, sys; from tthc_cli.cli.entry import main; "
    "os.write(int(sys.argv[1]), b'r'); main(sys.argv[2:])"
)


def _append_after_ready(data_dir: Path, note: str) -> tuple[subprocess.Popen[bytes], float]:
    """An append started and past its imports; with the moment it got there."""
    ready_r, ready_w = os.pipe()
    args = ["progress", "add", "1.1", "--status", "note", "--date", "2021-06-01", "--note", note]
    proc = subprocess.Popen(
        [sys.executable, "-c", _READY_THEN_MAIN, str(ready_w), *args],
        env=_env(data_dir),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        pass_fds=(ready_w,),
    )
    os.close(ready_w)
    assert os.read(ready_r, 1) == b"r"
    os.close(ready_r)
    return proc, time.monotonic()


def test_killed_appends_leave_the_old_file_or_the_new_one(data_dir: Path) -> None:
    """Twelve appends killed at moments spread evenly over the time one append takes on this machine
    (measured first), from the start of its work to its end."""
    path = data_dir / "progress.yaml"
    whole, started = _append_after_ready(data_dir, "đo thời gian")
    assert whole.wait(timeout=60) == 0
    took = time.monotonic() - started
    for n in range(12):
        before = path.read_bytes()
        proc, started = _append_after_ready(data_dir, f"lần {n}")
        time.sleep(max(0.0, started + took * n / 11 - time.monotonic()))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        after = path.read_bytes()
        assert after == before or (after.startswith(before) and f"lần {n}".encode() in after[len(before) :])
        assert _load(data_dir).plan is not None


WRITER = """
import os, sys
from tthc_cli.fsutil import atomic_write
first, second = ((sys.argv[3] + end) * 4_000_000 for end in "ab")
atomic_write(sys.argv[2], first.encode())
os.write(int(sys.argv[1]), b"w")  # the first file written whole: the next ones are being written
while True:
    atomic_write(sys.argv[2], second.encode())
    atomic_write(sys.argv[2], first.encode())
"""


def test_a_writer_killed_at_any_moment_never_leaves_a_partial_file(tmp_path: Path) -> None:
    """Ten writers, each killed at a moment after its first whole write, 15 ms further on each time:
    moments across the writes that follow (each a few tens of milliseconds), each replacing the file
    with the other of two contents of one length."""
    target = tmp_path / "report.html"
    target.write_bytes(b"old" * 4_000_000)
    for n in range(10):
        ready_r, ready_w = os.pipe()
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(ready_w), str(target), f"v{n}"], pass_fds=(ready_w,)
        )
        os.close(ready_w)
        assert os.read(ready_r, 1) == b"w"
        os.close(ready_r)
        time.sleep(n * 0.015)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        data = target.read_bytes()
        assert data in (f"v{n}a".encode() * 4_000_000, f"v{n}b".encode() * 4_000_000)  # never a mix or a part


def test_unwritable_target_gives_a_message_not_a_traceback(run, data_dir: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def refuse(*_: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tthc_cli.fsutil.os.replace", refuse)
    before = (data_dir / "progress.yaml").read_bytes()
    added = run(
        "progress",
        "add",
        "1.1",
        "--status",
        "done",
        "--date",
        "2021-06-01",
        "--data",
        str(data_dir),
    )
    assert added.code == 2 and "không ghi được" in added.stderr and "không có quyền truy cập" in added.stderr
    assert (data_dir / "progress.yaml").read_bytes() == before
    assert not [p for p in os.listdir(data_dir) if p.endswith(".tmp")]  # the temporary file is removed
    report = run("report", "-o", str(data_dir / "r.md"), "--data", str(data_dir))
    assert report.code == 2 and "không ghi được" in report.stderr
    assert not (data_dir / "r.md").exists()
