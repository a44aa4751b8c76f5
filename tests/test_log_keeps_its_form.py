"""The progress log keeps its form when appended to: its line ends and BOM, a symlink and the owner and
mode of the file it points at, a last note written as a block scalar holding lines that start with '-'."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tthc_cli.data.dataset import assemble
from tthc_cli.data.files import read_data_folder

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


def test_a_last_note_holding_dash_lines_is_kept_and_the_entry_appended_after_it(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
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
