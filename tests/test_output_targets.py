"""`-o` never replaces a file the plan folder keeps — a data file (a unit's progress file too, existing
or not yet), the log's lock, the SMTP settings, a schema, nor writes a folder of files into its
progress/ or schemas/ — and a database is never written where a
stale journal of another one would be replayed over it."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.parametrize(
    "name",
    [
        "plan.yaml",
        "progress/so-y-te.yaml",  # a unit's own log
        "progress/so-tu-phap.yaml",  # a unit's log not started yet: -o would start it
        ".progress.yaml.lock",  # the rename would break the lock other writers hold
        "smtp.yaml",
        "schemas/plan.schema.json",
    ],
)
def test_o_refuses_every_file_the_plan_folder_keeps(run, data_dir: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    (data_dir / "progress").mkdir()
    (data_dir / "progress" / "so-y-te.yaml").write_text("entries:\n", encoding="utf-8")
    (data_dir / "schemas").mkdir()
    (data_dir / "schemas" / "plan.schema.json").write_text("{}", encoding="utf-8")
    (data_dir / "smtp.yaml").write_text("host: 127.0.0.1\n", encoding="utf-8")
    (data_dir / ".progress.yaml.lock").write_text("", encoding="utf-8")
    before = {p: p.read_bytes() for p in data_dir.rglob("*") if p.is_file()}
    result = run("brief", "--today", "2021-06-20", "--data", str(data_dir), "-o", str(data_dir / name))
    assert result.code == 2
    assert f"đó là tệp dữ liệu {name} của thư mục kế hoạch; hãy chọn tên khác" in result.stderr
    assert {p: p.read_bytes() for p in data_dir.rglob("*") if p.is_file()} == before


@pytest.mark.parametrize("folder", ["progress", "schemas", "progress/thu", "schemas/moi"])
@pytest.mark.parametrize(
    "command", [("remind", "--today", "2021-06-10"), ("form", "--all", "--today", "2021-06-10")]
)
def test_a_folder_per_unit_is_never_a_folder_the_plan_folder_keeps(  # type: ignore[no-untyped-def]
    run, data_dir: Path, folder: str, command: tuple[str, ...]
) -> None:
    (data_dir / "progress").mkdir()  # empty: remind would have written its letters into it
    result = run(*command, "--data", str(data_dir), "-o", str(data_dir / folder))
    assert result.code == 2
    name = folder.split("/")[0]
    assert f"đó là {name}/, một thư mục của thư mục kế hoạch; hãy chọn thư mục khác" in result.stderr
    assert not list((data_dir / "progress").iterdir()) and not (data_dir / "schemas").exists()


def test_a_folder_per_unit_may_sit_in_the_plan_folder(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("remind", "--today", "2021-06-10", "--data", str(data_dir), "-o", str(data_dir / "thu-nhac"))
    assert result.code == 0 and len(list((data_dir / "thu-nhac").glob("*.eml"))) == 29


def test_o_writes_beside_the_data_files(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """What is not the folder's own is an ordinary target: a brief beside plan.yaml is fine."""
    result = run("brief", "--today", "2021-06-20", "--data", str(data_dir), "-o", str(data_dir / "brief.md"))
    assert result.code == 0 and (data_dir / "brief.md").read_text(encoding="utf-8").startswith("#")


def test_o_refuses_a_data_file_reached_through_a_hard_link(run, data_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    elsewhere = tmp_path.parent / f"{tmp_path.name}-link.yaml"
    elsewhere.hardlink_to(data_dir / "units.yaml")
    try:
        result = run("brief", "--data", str(data_dir), "-o", str(elsewhere))
        assert result.code == 2 and "tệp dữ liệu units.yaml" in result.stderr
    finally:
        elsewhere.unlink()


@pytest.mark.parametrize("suffix", ["-wal", "-journal"])
def test_a_database_is_not_written_over_a_stale_journal(run, tmp_path: Path, suffix: str) -> None:  # type: ignore[no-untyped-def]
    """A journal left by another database (a crash, a program holding it) would be replayed over the
    new file on its first opening, bringing the old database back without a word."""
    target = tmp_path / "ke-hoach.db"
    program = (
        "import os, sqlite3, sys; c = sqlite3.connect(sys.argv[1]);"
        f"c.execute('pragma journal_mode={'wal' if suffix == '-wal' else 'delete'}');"
        "c.execute('begin'); c.execute('create table old(a)');"
        + ("c.commit();" if suffix == "-wal" else "c.execute('insert into old values (1)');")
        + "os._exit(0)"  # killed while the journal is there
    )
    subprocess.run([sys.executable, "-c", program, str(target)], check=True, timeout=60)
    assert Path(f"{target}{suffix}").exists()
    result = run("export", "--today", "2021-06-20", "-o", str(target))
    assert result.code == 2 and f"{target}{suffix}" in result.stderr and "nhật ký" in result.stderr
    Path(f"{target}{suffix}").unlink()
    Path(f"{target}-shm").unlink(missing_ok=True)
    assert run("export", "--today", "2021-06-20", "-o", str(target)).code == 0
    with sqlite3.connect(target) as db:
        assert db.execute("select count(*) from items").fetchone()[0] > 0
