"""Issue 12, classes 2 and 8: the progress log keeps its form when appended to, and the cost of a
problem stays constant however many there are (the benchmark measures; here, only that it finishes)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tthc_cli.data.dataset import assemble
from tthc_cli.data.files import read_data_folder

ROOT = Path(__file__).resolve().parent.parent
LOG = 'entries:\n  - id: "1.1"\n    date: 2021-05-03\n    status: started\n'


def _add(run, data_dir: Path, note: str = "ghi chú"):  # type: ignore[no-untyped-def]
    return run(
        "progress", "add", "2", "--status", "note", "--date", "2021-06-01", "--note", note,
        "--data", str(data_dir),
    )  # fmt: skip


def _entries(data_dir: Path) -> list[tuple[str, str | None]]:
    files, labels = read_data_folder(str(data_dir))
    result = assemble(files, labels)
    assert result.plan is not None, result.problems
    return [(e.id, e.note) for e in result.plan.progress]


@pytest.mark.parametrize(
    ("newline", "bom"), [("\r\n", b""), ("\r", b""), ("\n", b"\xef\xbb\xbf"), ("\r\n", b"\xef\xbb\xbf")]
)
def test_line_ends_and_bom_are_kept(run, data_dir: Path, newline: str, bom: bytes) -> None:  # type: ignore[no-untyped-def]
    path = data_dir / "progress.yaml"
    old = bom + ("# nhật ký\n" + LOG).replace("\n", newline).encode("utf-8")
    path.write_bytes(old)
    result = _add(run, data_dir)
    assert result.code == 0, result.stderr
    new = path.read_bytes()
    assert new.startswith(old)
    added = new[len(old) :].decode("utf-8")
    assert (
        added.count(newline) == 4 and added.replace(newline, "").count("\n" if newline != "\n" else "\r") == 0
    )
    assert _entries(data_dir) == [("task:1.1", None), ("task:2", "ghi chú")]


@pytest.mark.skipif(os.name != "posix", reason="symlinks and owners")
def test_a_symlinked_log_stays_a_symlink_and_keeps_its_owner(run, data_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    real = tmp_path / "elsewhere" / "log.yaml"
    real.parent.mkdir()
    real.write_text(LOG, encoding="utf-8")
    os.chmod(real, 0o640)
    link = data_dir / "progress.yaml"
    link.unlink()
    link.symlink_to(real)
    if os.geteuid() == 0:
        os.chown(real, 1234, 1234)
    assert _add(run, data_dir).code == 0
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text(encoding="utf-8").startswith(LOG) and "ghi chú" in real.read_text(encoding="utf-8")
    st = real.stat()
    assert st.st_mode & 0o777 == 0o640
    if os.geteuid() == 0:
        assert (st.st_uid, st.st_gid) == (1234, 1234)


def test_a_last_note_holding_dash_lines_in_a_block_scalar(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    path = data_dir / "progress.yaml"
    path.write_text(
        LOG + '  - id: "1.1"\n    date: 2021-05-20\n    status: note\n'
        "    note: |\n      Đã làm:\n      - họp\n      - gửi văn bản\n",
        encoding="utf-8",
    )
    result = _add(run, data_dir)
    assert result.code == 0, result.stderr
    assert _entries(data_dir)[-1] == ("task:2", "ghi chú")
    assert _entries(data_dir)[1] == ("task:1.1", "Đã làm:\n- họp\n- gửi văn bản\n")


def test_the_linear_cost_benchmark_finishes(tthc, tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    """benchmarks/problems.py end to end, its twelve `tthc` processes run in this process (a Python
    start each cost more than the command): the cases it builds, the exit code it demands, the
    ratios it prints."""
    import importlib.util
    import tempfile
    from types import SimpleNamespace

    spec = importlib.util.spec_from_file_location("problems", ROOT / "benchmarks" / "problems.py")
    assert spec is not None and spec.loader is not None
    problems = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(problems)

    def in_process(args: list[str], env: dict[str, str], **_: object) -> subprocess.CompletedProcess[bytes]:
        assert args[:3] == [sys.executable, "-m", "tthc_cli"], args
        done = tthc(*args[3:], env={k: env[k] for k in ("TTHC_DATA",)})
        return subprocess.CompletedProcess(args, done.code, done.stdout.encode(), done.stderr.encode())

    monkeypatch.setattr(problems, "subprocess", SimpleNamespace(run=in_process))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # its cases are built in this test's folder
    assert problems.main(["--sizes", "20", "200", "--repeat", "1"]) == 0
    out = capsys.readouterr().out
    assert out.count("ratio ×") == 6 and "worst ratio for ×10 problems" in out, out
    assert list(tmp_path.iterdir()) == []  # and removed


def test_many_problems_are_counted_after_the_first_hundred(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    with open(data_dir / "plan.yaml", "a", encoding="utf-8") as handle:
        handle.write("\n" + "".join(f"x_{i}: {i}\n" for i in range(2500)))
    text = run("validate", "--data", str(data_dir))
    assert text.code == 1
    assert sum(1 for line in text.stdout.splitlines() if "error[unknown-field]" in line) == 100
    assert "… và 2.400 lỗi khác" in text.stdout
    assert len(run("validate", "-f", "json", "--data", str(data_dir)).stdout.split('"unknown-field"')) == 2501
    listed = run("list", "--data", str(data_dir))
    assert listed.code == 1 and "… và 2.490 lỗi khác" in listed.stderr
