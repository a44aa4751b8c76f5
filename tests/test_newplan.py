"""`tthc new`: next year's plan folder, the registry carried over, the unfinished items listed, never
half-written."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tthc_cli.fsutil import create_folder_with

from .conftest import ROOT

SAMPLE_LOG = Path(__file__).parent / "data" / "progress-sample.yaml"


def test_new_from_last_years_plan(run, data_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    shutil.copy(SAMPLE_LOG, data_dir / "progress.yaml")
    target = tmp_path / "out" / "ke-hoach-2022"
    target.parent.mkdir()
    result = run("new", str(target), "--from", str(data_dir), "--today", "2021-06-05")
    assert result.code == 0, result.stderr
    names = sorted(os.listdir(target))
    assert names == ["carry_over.md", "plan.yaml", "progress.yaml", "schemas", "units.yaml"]
    plan = (target / "plan.yaml").read_text(encoding="utf-8")
    assert "  year: 2022\n" in plan and '  province: "Hải Dương"\n' in plan
    # No schemas folder above the new one: a copy is written beside the files, the modeline points there.
    assert plan.startswith("# yaml-language-server: $schema=schemas/plan.schema.json\n")
    assert (target / "schemas" / "plan.schema.json").read_text(encoding="utf-8") == (
        ROOT / "schemas" / "plan.schema.json"
    ).read_text(encoding="utf-8")
    # The registry is carried over as it is, only its editor line changed.
    old_units = (data_dir / "units.yaml").read_text(encoding="utf-8").split("\n", 1)[1]
    assert (target / "units.yaml").read_text(encoding="utf-8").split("\n", 1)[1] == old_units
    # The unfinished items are listed, not copied: done ones are left out.
    carry = (target / "carry_over.md").read_text(encoding="utf-8")
    assert "| task:1.2 |" in carry and "| review:13 |" in carry
    assert "| task:1.1 |" not in carry and "| review:1 |" not in carry  # done by 05/06/2021
    assert "task:1.2" not in plan
    assert "carry_over.md" in result.stderr


def test_skeleton_points_at_what_is_left_to_fill(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "ke-hoach-2023"
    assert run("new", str(target), "--year", "2023", "--province", "An Lạc").code == 0
    result = run("validate", "--data", str(target), "--format", "json")
    assert result.code == 1
    import json

    found = {(d["file"].rsplit("/", 1)[-1], d["path"]) for d in json.loads(result.stdout)["diagnostics"]}
    assert ("plan.yaml", "plan.title") in found and ("plan.yaml", "tasks") in found
    assert ("units.yaml", "units") in found
    assert not (target / "carry_over.md").exists()


def test_modeline_finds_the_repositorys_schemas(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "schemas").mkdir()
    shutil.copy(ROOT / "schemas" / "plan.schema.json", tmp_path / "schemas" / "plan.schema.json")
    target = tmp_path / "plans" / "2022"
    target.parent.mkdir()
    assert run("new", str(target), "--year", "2022").code == 0
    first = (target / "plan.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../schemas/plan.schema.json"
    assert not (target / "schemas").exists()


def test_refuses_a_folder_that_holds_anything(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "busy"
    target.mkdir()
    (target / "note.txt").write_text("giữ nguyên", encoding="utf-8")
    result = run("new", str(target), "--year", "2022")
    assert result.code == 2 and "busy" in result.stderr
    assert os.listdir(target) == ["note.txt"]
    missing_parent = run("new", str(tmp_path / "no" / "such"), "--year", "2022")
    assert missing_parent.code == 2
    assert not (tmp_path / "no").exists()


def test_an_empty_folder_is_filled(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "empty"
    target.mkdir()
    assert run("new", str(target), "--year", "2022").code == 0
    assert (target / "plan.yaml").is_file()


def test_folder_is_written_completely_or_not_at_all(tmp_path: Path) -> None:
    target = tmp_path / "half"
    with pytest.raises(ValueError):
        create_folder_with(str(target), {"plan.yaml": b"x", "bad\0name": b"y"})
    assert not target.exists()
    assert os.listdir(tmp_path) == []  # the staging folder is gone too
