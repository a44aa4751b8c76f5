"""The progress log: appends keep every byte, bad entries are refused without touching the file."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from tthc_cli.data.dataset import assemble
from tthc_cli.data.progress import AppendError, append_entries_bytes
from tthc_cli.domain.plan import Entry
from tthc_cli.present.messages import message

from .conftest import DATA, load_with

ENTRY = Entry(
    "task:1.1", date(2021, 6, 2), "done", note='Ban hành "Quy chế" | xong: #1', evidence="QĐ 1/QĐ-UBND"
)


def append_entry(text: str, entry: Entry) -> str:
    """The log's text with one entry appended, as `progress add` appends it (on the file's bytes)."""
    return append_entries_bytes(text.encode("utf-8"), [entry])[0].decode("utf-8")


def test_shipped_log_holds_no_invented_progress() -> None:
    text = (DATA / "progress.yaml").read_text(encoding="utf-8")
    assert [line for line in text.splitlines() if line.strip() and not line.startswith("#")] == ["entries:"]
    result = assemble(
        {
            n: (DATA / n).read_bytes()
            for n in (
                "plan.yaml",
                "appendix_review.yaml",
                "appendix_inspection.yaml",
                "units.yaml",
                "progress.yaml",
            )
        }
    )
    assert result.plan is not None and result.plan.progress == ()


def test_append_keeps_the_existing_text_byte_for_byte() -> None:
    old = (DATA / "progress.yaml").read_text(encoding="utf-8")
    new = append_entry(old, ENTRY)
    assert new.startswith(old)
    twice = append_entry(new, Entry("review:6", date(2021, 6, 3), "started"))
    assert twice.startswith(new)
    result = load_with(progress_yaml=twice)
    assert result.plan is not None
    first, second = result.plan.progress
    assert (first.id, first.status, first.note) == ("task:1.1", "done", ENTRY.note)
    assert (second.id, second.date) == ("review:6", date(2021, 6, 3))


def test_append_to_a_comment_only_file_and_without_final_newline() -> None:
    assert append_entry("# log\n", ENTRY).startswith("# log\nentries:\n  - id:")
    assert append_entry("entries:", ENTRY).startswith("entries:\n  - id:")


def test_append_follows_the_existing_indentation() -> None:
    old = 'entries:\n- id: "review:1"\n  date: 2021-05-20\n  status: started\n'
    new = append_entry(old, ENTRY)
    assert '\n- id: "task:1.1"\n  date: 2021-06-02\n' in new
    assert load_with(progress_yaml=new).plan is not None


@pytest.mark.parametrize("old", ["entries: []\n", "entries:\n  - id: x\nother: 1\n"])
def test_append_refuses_shapes_it_cannot_extend(old: str) -> None:
    with pytest.raises(AppendError):
        append_entry(old, ENTRY)


def test_progress_rules(plan) -> None:  # type: ignore[no-untyped-def]
    log = """entries:
  - {id: "1.1", date: 2021-05-10, status: started}
  - {id: "1.1", date: 2021-05-01, status: done}
  - {id: "task:3", date: 2021-05-01, status: done}
  - {id: "review:99", date: 2021-05-01, status: done}
  - {id: "review:1", date: 2031-05-01, status: done}
  - {id: "review:2", date: 2020-12-31, status: note}
  - {id: "review:3", date: 2021-05-01, status: reopened}
  - {id: "review:4", date: 2021-05-03, status: started}
  - {id: "review:4", date: 2021-05-02, status: note}
"""
    result = assemble(
        {
            **{
                n: (DATA / n).read_bytes()
                for n in ("plan.yaml", "appendix_review.yaml", "appendix_inspection.yaml", "units.yaml")
            },
            "progress.yaml": log.encode(),
        },
        today=date(2021, 12, 31),
    )
    got = {(d.line, d.code, d.severity.value) for d in result.problems}
    assert got == {
        (3, "done-before-start", "error"),
        (3, "out-of-order", "warning"),
        (4, "unknown-id", "error"),
        (5, "unknown-id", "error"),
        (6, "future-entry", "error"),
        (6, "long-after-plan", "warning"),  # 2031 for a 2021 plan: most likely a typo as well
        (7, "before-plan", "error"),
        (8, "reopened-not-done", "warning"),
        (10, "out-of-order", "warning"),
    }
    messages = " ".join(message(d) for d in result.problems)
    assert "là đề mục, không phải một việc; hãy dùng một trong task:3.1, task:3.2, task:3.3" in messages


# --- tthc progress add ---------------------------------------------------------------------------------


def test_progress_add_appends(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    before = (data_dir / "progress.yaml").read_bytes()
    result = run(
        "progress",
        "add",
        "1.1",
        "--status",
        "done",
        "--date",
        "2021-06-02",
        "--evidence",
        "Quyết định số 1234/QĐ-UBND",
        "--by",
        "Văn phòng UBND tỉnh",
        "--data",
        str(data_dir),
    )
    assert result.code == 0, result.stderr
    after = (data_dir / "progress.yaml").read_bytes()
    assert after.startswith(before)
    assert "Đã ghi: Mục 1.1 hoàn thành ngày 02/06/2021" in result.stderr
    status = run("show", "1.1", "--data", str(data_dir), "--today", "2021-06-05")
    assert status.code == 0
    done = "Tình trạng tại ngày 05/06/2021: Hoàn thành quá hạn — hoàn thành 02/06/2021 — trễ 2 ngày"
    assert done in status.stdout
    # The entry's status is a word in the reader's language, never the code "done" (issue #13).
    assert "02/06/2021  hoàn thành [Quyết định số 1234/QĐ-UBND] (Văn phòng UBND tỉnh)" in status.stdout
    assert "  done " not in status.stdout
    before = run("show", "1.1", "--data", str(data_dir), "--today", "2021-05-20")
    assert "Tình trạng tại ngày 20/05/2021: Chưa đến hạn" in before.stdout
    assert "chưa có ghi nhận nào" in before.stdout
    overdue = run("overdue", "--today", "2021-06-05", "-f", "json", "--data", str(data_dir))
    assert "task:1.1" not in overdue.stdout


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["9.9", "--status", "done"], 1, "không có việc nào mang mã"),
        (["1.1", "--status", "finished"], 2, "finished"),
        (["1.1", "--status", "done", "--date", "2999-07-01"], 2, "sau ngày hôm nay"),
        (["1.1", "--status", "done", "--date", "31/6/2021"], 2, "không phải ngày có thật"),
    ],
)
def test_progress_add_refuses_without_touching_the_file(run, data_dir: Path, args, code, words) -> None:  # type: ignore[no-untyped-def]
    path = data_dir / "progress.yaml"
    before, stamp = path.read_bytes(), os.stat(path).st_mtime_ns
    result = run("progress", "add", *args, "--data", str(data_dir))
    assert result.code == code
    assert words in result.stderr
    assert path.read_bytes() == before and os.stat(path).st_mtime_ns == stamp


def test_progress_add_refuses_done_before_started(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    args = ["--data", str(data_dir)]
    assert run("progress", "add", "review:1", "--status", "started", "--date", "2021-05-10", *args).code == 0
    before = (data_dir / "progress.yaml").read_bytes()
    result = run("progress", "add", "review:1", "--status", "done", "--date", "2021-05-01", *args)
    assert result.code == 1 and "done-before-start" in result.stderr
    assert "chưa ghi dòng nhật ký này; tệp giữ nguyên" in result.stderr
    assert (data_dir / "progress.yaml").read_bytes() == before


def test_progress_add_dates_by_the_real_calendar_whatever_tthc_today_says(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """A pinned "today" is for queries: it neither dates a new record nor makes an older valid one
    look like it lies in the future."""
    path = data_dir / "progress.yaml"
    past = {"TTHC_TODAY": "2021-06-05"}
    at = ("--data", str(data_dir))
    first = run("progress", "add", "1.1", "--status", "started", "--date", "2021-06-10", *at)
    assert first.code == 0, first.stderr
    # An entry of 10/06/2021 is after the pinned 05/06/2021, but not after the real date.
    second = run("progress", "add", "1.2", "--status", "note", "--note", "x", *at, env=past)
    assert second.code == 0, second.stderr
    last = path.read_text(encoding="utf-8").rstrip().splitlines()[-3:]
    assert f"date: {date.today().isoformat()}" in "\n".join(last)
    assert "2021-06-05" not in path.read_text(encoding="utf-8")
    assert run("validate", "--data", str(data_dir), env=past).code == 0
    assert "--today" in run("progress", "add", "1.1", "--status", "done", "--today", "2021-06-05").stderr


def test_a_log_held_by_another_writer_too_long_is_said_in_words(run, data_dir: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Another tthc holding the log's lock past the wait: exit 2, the reason in the reader's language
    (the lock library's own sentence is English), the log untouched."""
    import subprocess
    import sys

    from tthc_cli.data import progress
    from tthc_cli.fsutil import locked

    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\nfrom filelock import FileLock\n"
            "with FileLock(sys.argv[1]):\n    print('held', flush=True)\n    time.sleep(30)",
            str(data_dir / ".progress.yaml.lock"),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        monkeypatch.setattr(progress, "locked", lambda path: locked(path, timeout=0.2))
        before = (data_dir / "progress.yaml").read_bytes()
        result = run(
            "progress",
            "add",
            "1.1",
            "--status",
            "note",
            "--note",
            "x",
            "--date",
            "2021-06-01",
            "--data",
            str(data_dir),
        )
        assert result.code == 2, result.stderr
        assert "một tthc khác đang ghi" in result.stderr and "could not be acquired" not in result.stderr
        assert (data_dir / "progress.yaml").read_bytes() == before
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.parametrize("option", ["--note", "--evidence", "--by"])
def test_bytes_that_are_not_utf8_in_an_argument_are_named_as_such_not_blamed_on_the_output(
    tthc, data_dir: Path, option: str
) -> None:  # type: ignore[no-untyped-def]
    before = (data_dir / "progress.yaml").read_bytes()
    typed = b"a\xffb".decode("utf-8", "surrogateescape")  # what Python makes of a non-UTF-8 argv
    result = tthc("progress", "add", "1.1", "--status", "note", option, typed, "--data", str(data_dir))
    assert (result.code, result.stdout) == (2, "")
    assert result.stderr == (
        f"tthc: {option}: 'a\\xffb' không phải văn bản hợp lệ: byte 0xFF không phải UTF-8; "
        "hãy gõ lại trong một cửa sổ lệnh dùng UTF-8\n"
    )
    assert "PYTHONIOENCODING" not in result.stderr
    assert (data_dir / "progress.yaml").read_bytes() == before
