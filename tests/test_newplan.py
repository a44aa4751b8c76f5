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
    assert names == ["carry_over.md", "plan.yaml", "progress.yaml", "reporting.yaml", "schemas", "units.yaml"]
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
    # So is the reporting regime: its rules are dated, and it goes on from one plan to the next.
    regime = (target / "reporting.yaml").read_text(encoding="utf-8")
    assert regime.startswith("# yaml-language-server: $schema=schemas/reporting.schema.json\n")
    assert (
        regime.split("\n", 1)[1]
        == (data_dir / "reporting.yaml").read_text(encoding="utf-8").split("\n", 1)[1]
    )
    assert (target / "schemas" / "reporting.schema.json").is_file()
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


def test_carry_over_summarises_each_item_before_any_detail(run, data_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "ke-hoach-2022"
    assert run("new", str(target), "--from", str(data_dir), "--today", "2021-12-31").code == 0
    carry = (target / "carry_over.md").read_text(encoding="utf-8")
    summary, _, detail = carry.partition("## Từng phần việc chưa xong")
    assert "## Tóm tắt theo mục" in summary and detail  # the summary comes first
    lines = [line for line in summary.splitlines() if line.startswith("- ")]
    assert "- Mục IV.2: 168/168 phần việc chưa xong" in lines  # each unit's plan and its 5 reports
    # an appendix's rows and the item's periodic reports are counted apart
    assert "- Mục 3.2: 16/16 dòng phụ lục chưa xong; 5/5 kỳ chưa xong" in lines
    assert "- Mục 1.1: Quá hạn" in lines
    assert not any(line.startswith("- Mục IV.1") for line in lines)  # a standing responsibility
    # Each unfinished obligation once, named as the document does, its ID last; no item with parts.
    assert "| Mục IV.2 – Sở Y tế |" in detail and detail.count("| Mục IV.2 – ") == 28 * 6
    assert "| Mục IV.2 |" not in detail and "| Mục 3.2 |" not in detail


def test_carry_over_of_a_recurring_item_owed_by_many_units(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """38 communes reporting weekly (1,976 obligations): one summary line, then every obligation."""
    old = tmp_path / "old"
    old.mkdir()
    (old / "plan.yaml").write_text(
        'plan:\n  title: Kế hoạch thử\n  year: 2021\ntasks:\n  - number: "1"\n    title: Báo cáo\n'
        "    lead: {text: null, refs: [UBND cấp xã]}\n    deadline: {text: Hằng tuần}\n    each_unit: true\n",
        encoding="utf-8",
    )
    units = "".join(f"  - name: UBND xã Số {n}\n    type: commune\n" for n in range(38))
    (old / "units.yaml").write_text(
        "province: Thử\nunits:\n"
        + units
        + "groups:\n  - name: UBND cấp xã\n    kind: collective\n"
        + "    members:\n"
        + "".join(f"      - UBND xã Số {n}\n" for n in range(38)),
        encoding="utf-8",
    )
    (old / "progress.yaml").write_text("entries:\n", encoding="utf-8")
    result = run("new", str(tmp_path / "new"), "--from", str(old), "--today", "2022-01-05")
    assert result.code == 0, result.stderr
    carry = (tmp_path / "new" / "carry_over.md").read_text(encoding="utf-8")
    summary = [line for line in carry.splitlines() if line.startswith("- ")]
    total = carry.count("| Mục 1 – UBND xã Số ")
    assert summary == [f"- Mục 1: {total}/{total} phần việc chưa xong"] and total >= 38 * 52
