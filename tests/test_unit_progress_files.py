"""A progress file per unit (progress/<unit-slug>.yaml) beside progress.yaml: both read as one log, each
entry checked and shown at its own file and line; a unit's file holds only its own reports; writes go
to the reporting unit's file when the folder uses the layout, else to progress.yaml."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from tthc_cli.data.dataset import assemble
from tthc_cli.data.files import read_data_folder
from tthc_cli.domain.plan_files import DATA_FILE_PATTERN, data_file_names, is_data_file, unit_progress_slug

from .conftest import ROOT

HEADER = "entries:\n"


def _folder(data_dir: Path, units: dict[str, str], office: str = "") -> Path:
    (data_dir / "progress").mkdir(exist_ok=True)
    for slug, body in units.items():
        (data_dir / "progress" / f"{slug}.yaml").write_text(HEADER + body, encoding="utf-8")
    if office:
        (data_dir / "progress.yaml").write_text(HEADER + office, encoding="utf-8")
    return data_dir


def _assembled(folder: Path):  # type: ignore[no-untyped-def]
    files, labels = read_data_folder(str(folder))
    return assemble(files, {k: Path(v).name if "/" not in k else k for k, v in labels.items()})


def test_unit_files_are_data_files_and_the_hook_covers_them() -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    pattern = re.compile(hook["files"])
    assert hook["files"] == f"^(.*/)?{DATA_FILE_PATTERN}$"
    for name in ("progress/so-y-te.yaml", "ke-hoach/progress/ubnd-huyen-tu-ky.yaml"):
        assert pattern.search(name), name
    assert is_data_file("progress/so-y-te.yaml")
    for other in ("progress/Sở Y tế.yaml", "progress/so-y-te.yml", "progress/so_y_te.yaml", "so-y-te.yaml"):
        assert not pattern.search(other) and not is_data_file(other), other
    assert unit_progress_slug("progress/so-y-te.yaml") == "so-y-te"
    assert data_file_names(["plan.yaml", "appendix_b.yaml"], ["b.yaml", "a.yaml", "x.yml"]) == [
        "plan.yaml",
        "units.yaml",
        "progress.yaml",
        "reporting.yaml",
        "appendix_b.yaml",
        "progress/a.yaml",
        "progress/b.yaml",
    ]


def test_both_logs_are_read_as_one_in_date_order(data_dir: Path) -> None:
    """A unit starts on 1/6 in its own file and the office records done on 10/6 in progress.yaml:
    read as one log in date order, with no 'started after done' nor 'out of order'."""
    folder = _folder(
        data_dir,
        {"so-y-te": '  - {id: "review:6", date: 2021-06-01, status: started}\n'},
        office='  - {id: "review:6", date: 2021-06-10, status: done, by: "Văn phòng UBND tỉnh"}\n',
    )
    result = _assembled(folder)
    assert result.plan is not None and result.problems == ()
    started, done = result.plan.progress
    assert (started.status, started.by) == ("started", "Sở Y tế")  # no `by`: the file's unit
    assert (done.status, done.by) == ("done", "Văn phòng UBND tỉnh")


def test_a_problem_stands_at_its_own_file_and_line(data_dir: Path) -> None:
    folder = _folder(
        data_dir,
        {
            "so-y-te": '  - {id: "review:6", date: 2021-06-01, status: started}\n'
            '  - {id: "review:6", date: 2021-05-01, status: done}\n',
            "so-tu-phap": '  - {id: "review:99", date: 2021-06-01, status: note}\n',
        },
    )
    found = {(p.file, p.line, p.code) for p in _assembled(folder).problems}
    assert ("progress/so-y-te.yaml", 3, "done-before-start") in found
    assert ("progress/so-tu-phap.yaml", 2, "unknown-id") in found


def test_a_unit_file_holds_only_that_units_reports(data_dir: Path, tthc) -> None:  # type: ignore[no-untyped-def]
    folder = _folder(
        data_dir,
        {
            "so-y-te": '  - {id: "review:6", date: 2021-06-01, status: started}\n'
            '  - {id: "review:7", date: 2021-06-02, status: started}\n'
            '  - {id: "review:6", date: 2021-06-03, status: note, by: "Sở Tư pháp"}\n'
            '  - {id: "task:7.1", date: 2021-06-04, status: note}\n',
            "so-khong-co": '  - {id: "review:6", date: 2021-06-01, status: note}\n',
        },
    )
    run = tthc("validate", "--data", str(folder), "--lang", "en", "--format", "json")
    assert run.code == 1
    import json

    found = {
        (Path(d["file"]).as_posix().split("/progress/")[-1], d["line"], d["path"]): d["message"]
        for d in json.loads(run.stdout)["diagnostics"]
    }
    assert "review:7 is not Sở Y tế's to report" in found[("so-y-te.yaml", 3, "entries[1].id")]
    assert "reported by 'Sở Tư pháp'" in found[("so-y-te.yaml", 4, "entries[2].by")]
    assert "names no registered unit" in found[("so-khong-co.yaml", 1, "")]
    assert len(found) == 3  # task 7.1, the group's work, is Sở Y tế's to report too


def test_validate_takes_a_unit_files_path_and_warns_of_a_misnamed_one(data_dir: Path, tthc) -> None:  # type: ignore[no-untyped-def]
    folder = _folder(data_dir, {"so-y-te": '  - {id: "review:6", date: 2021-06-01, status: started}\n'})
    (folder / "progress" / "Sở Y tế.yaml").write_text(HEADER, encoding="utf-8")
    run = tthc("validate", str(folder / "progress" / "so-y-te.yaml"), "--lang", "en")
    assert run.code == 0, run.stdout + run.stderr
    assert "warning[ignored-file]" in run.stdout and "progress/<unit-slug>.yaml" in run.stdout


def test_progress_add_writes_the_reporting_units_file_under_the_layout(data_dir: Path, tthc) -> None:  # type: ignore[no-untyped-def]
    (data_dir / "progress").mkdir()
    before = (data_dir / "progress.yaml").read_bytes()
    add = ("progress", "add", "--data", str(data_dir), "--lang", "en")
    run = tthc(
        *add, "duty:IV.2", "--unit", "so y te", "--status", "done", "--date", "2021-06-02", "--by", "Sở Y tế"
    )
    assert run.code == 0, run.stderr
    text = (data_dir / "progress" / "so-y-te.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Sở Y tế: the progress this unit reports")
    assert '- id: "duty:IV.2/so-y-te"' in text
    # Not the unit's to report (another unit's row), or no unit named: progress.yaml, as without the layout.
    assert tthc(*add, "review:7", "--status", "started", "--date", "2021-06-02", "--by", "Sở Y tế").code == 0
    assert tthc(*add, "1.1", "--status", "started", "--date", "2021-06-02").code == 0
    office = (data_dir / "progress.yaml").read_bytes()
    assert office.startswith(before) and b'"review:7"' in office and b'"task:1.1"' in office
    assert not (data_dir / "progress" / "so-tu-phap.yaml").exists()
    assert tthc("validate", "--data", str(data_dir)).code == 0


def test_by_records_a_units_registered_name_and_anything_else_as_typed(data_dir: Path, tthc) -> None:  # type: ignore[no-untyped-def]
    (data_dir / "progress").mkdir()
    add = ("progress", "add", "--data", str(data_dir), "--date", "2021-06-02")
    run = tthc(*add, "duty:IV.2", "--unit", "Sở Y tế", "--status", "done", "--by", "  so y te  ")
    assert run.code == 0, run.stderr
    text = (data_dir / "progress" / "so-y-te.yaml").read_text(encoding="utf-8")
    assert '  by: "Sở Y tế"\n' in text and "so y te" not in text.partition("entries:")[2]
    assert tthc(*add, "1.1", "--status", "started", "--by", "  Chị Lan (văn thư)  ").code == 0
    assert '  by: "Chị Lan (văn thư)"\n' in (data_dir / "progress.yaml").read_text(encoding="utf-8")
    assert tthc("validate", "--data", str(data_dir)).code == 0


def test_without_the_folder_every_entry_goes_to_progress_yaml(data_dir: Path, tthc) -> None:  # type: ignore[no-untyped-def]
    run = tthc(
        "progress",
        "add",
        "--data",
        str(data_dir),
        "duty:IV.2/so-y-te",
        "--status",
        "done",
        "--date",
        "2021-06-02",
        "--by",
        "Sở Y tế",
    )
    assert run.code == 0, run.stderr
    assert not (data_dir / "progress").exists()
    assert b'"duty:IV.2/so-y-te"' in (data_dir / "progress.yaml").read_bytes()


def test_a_refused_entry_leaves_every_file_unchanged(data_dir: Path, tthc) -> None:  # type: ignore[no-untyped-def]
    folder = _folder(data_dir, {"so-y-te": '  - {id: "review:6", date: 2021-06-05, status: started}\n'})
    before = (folder / "progress" / "so-y-te.yaml").read_bytes()
    run = tthc(
        "progress",
        "add",
        "--data",
        str(folder),
        "review:6",
        "--status",
        "done",
        "--date",
        "2021-06-01",
        "--by",
        "Sở Y tế",
        "--lang",
        "en",
    )
    assert run.code == 1 and "done-before-start" in run.stderr
    assert "progress/so-y-te.yaml with the new entry appended" in run.stderr
    assert (folder / "progress" / "so-y-te.yaml").read_bytes() == before
