"""The shipped data: it validates, and spot checks against the source text catch transcription slips."""

from __future__ import annotations

from datetime import date

from tthc_cli.data.build import Sources
from tthc_cli.data.dataset import assemble
from tthc_cli.domain.plan import Plan

from .conftest import shipped_files


def test_shipped_files_validate_without_errors_or_warnings() -> None:
    result = assemble(shipped_files())
    assert result.problems == ()
    assert result.plan is not None


def test_item_counts(plan: Plan, sources: Sources) -> None:
    kinds = [i.kind_code for i in plan.items if not plan.is_obligation(i)]
    assert kinds.count("task") == 14
    assert kinds.count("duty") == 5
    assert kinds.count("review") == 16
    assert kinds.count("inspection") == 17
    assert [i.number for i in plan.items if i.kind == "task" and i.parent is None] == [
        "1.1",
        "1.2",
        "2",
        "3.1",
        "3.2",
        "3.3",
        "4",
        "5",
        "6",
        "7.1",
        "7.2",
        "8",
        "9",
        "10",
    ]
    assert [g.number for g in sources.plan.groupings] == ["1", "3", "7"]


def test_decision_blanks_are_unknown_not_invented(plan: Plan, sources: Sources) -> None:
    assert sources.plan.decision.number is None
    assert sources.plan.decision.date is None
    assert sources.plan.decision.number_text == "Số: /QĐ-UBND"
    assert sources.plan.decision.signer == "Nguyễn Dương Thái"


def test_review_appendix(plan: Plan, sources: Sources) -> None:
    rows = sources.appendices["review"].rows
    assert sum(len(r.domains) for r in rows) == 41
    assert rows[2].domains[0] == "An toàn, vệ sinh lao động"  # a comma inside one domain
    assert rows[4].domains == ["Xuất bản, in và phát hành", "Bưu chính"]
    assert rows[10].domains[0] == "Bảo hiểm"  # "lĩnh Bảo hiểm" in the source
    due = {r.stt: plan.by_id[f"review:{r.stt}"].deadline.due for r in rows}
    assert {due[n] for n in range(1, 6)} == {date(2021, 5, 31)}
    assert {due[n] for n in range(6, 13)} == {date(2021, 6, 30)}
    assert {due[n] for n in range(13, 17)} == {date(2021, 7, 31)}
    assert plan.by_id["review:16"].deadline.effective_due == date(2021, 8, 2)
    assert len(sources.appendices["review"].notes) == 2
    review = plan.meta.appendix("review")
    assert review is not None and (review.number, review.task, review.unit_role) == ("I", "task:3.2", "lead")


def test_inspection_appendix(plan: Plan, sources: Sources) -> None:
    blocks = sources.appendices["inspection"].blocks
    # the spans of the notes are read off merged cells, not printed: marked as inferred
    assert all(note.inferred for b in blocks for note in b.notes)
    inspection = plan.meta.appendix("inspection")
    assert inspection is not None and (inspection.number, inspection.unit_role) == ("II", "inspected")
    assert [len(b.rows) for b in blocks] == [5, 12]
    notes = {i.id: i.note for i in plan.items if i.kind_code == "inspection"}
    assert notes["inspection:I.1"] is None
    assert notes["inspection:II.1"] == notes["inspection:II.4"] != notes["inspection:II.5"]
    assert notes["inspection:II.9"] == "Kiểm tra từ 4 - 6 đơn vị cấp xã/cấp huyện"
    assert notes["inspection:II.12"].startswith("Kiểm tra việc khắc phục")  # type: ignore[union-attr]
    ii3 = plan.by_id["inspection:II.3"]
    assert ii3.unit == "UBND huyện Gia Lộc"
    assert (ii3.deadline.start, ii3.deadline.due) == (date(2021, 4, 1), date(2021, 11, 30))
    # all 12 districts are inspected
    assert {i.unit for i in plan.items if i.block == "II"} == set(plan.registry.members("UBND cấp huyện"))


def test_task_details(plan: Plan) -> None:
    t = plan.by_id
    assert t["task:1.1"].deadline.due == date(2021, 5, 31)
    assert t["task:8"].deadline.due == date(2021, 9, 15)
    assert t["task:10"].deadline.due == date(2021, 12, 15)
    assert t["task:9"].deadline.tentative and t["task:9"].deadline.due == date(2021, 9, 30)
    assert t["task:6"].deadline.text == "Từ tháng 4 đến tháng 11 năm 2021."
    assert t["task:3.2"].appendix == "review" and t["task:6"].appendix == "inspection"
    assert len(t["task:3.2"].content) == 8
    assert (
        t["task:5"].support_text
        == "Các sở , ban, ngành thuộc UBND tỉnh , UBND cấp huyện, UBND cấp xã phối hợp thực hiện."
    )
    assert sum(1 for i in plan.items if i.kind == "task" and i.deadline.kind.value == "ongoing") == 9


def test_every_text_is_nfc(plan: Plan) -> None:
    import unicodedata

    for item in plan.items:
        for text in (item.title, item.deliverable or "", *item.content, *item.domains):
            assert unicodedata.is_normalized("NFC", text)


def test_pre_commit_hook_covers_every_data_file() -> None:
    """The hook's `files` pattern must run tthc when any data file changes, progress.yaml included
    (staff edit it most) and any appendix; catalog.DATA_FILE_PATTERN is the one rule for those names."""
    import re

    import yaml

    from tthc_cli.domain.plan_files import DATA_FILE_PATTERN, is_data_file

    from .conftest import ROOT

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    pattern = re.compile(hook["files"])
    assert hook["files"] == f"^(.*/)?{DATA_FILE_PATTERN}$"
    names = ("plan.yaml", "units.yaml", "progress.yaml", "appendix_review.yaml", "appendix_bao_cao.yaml")
    for name in names:
        assert is_data_file(name)
        assert pattern.search(name) and pattern.search(f"ke-hoach/{name}"), name
    others = ("README.md", "schemas/plan.schema.json", "plan.yaml.bak", "myplan.yaml", "x/units.yml")
    for other in (*others, "appendix_.yaml", "appendix_Review.yaml"):
        assert not pattern.search(other), other
        assert not is_data_file(other.rsplit("/", 1)[-1])


def test_ci_leaves_no_untracked_folder_in_the_clone() -> None:
    """.ci/run builds the wheel and its environment in a temporary folder it removes on exit."""
    from .conftest import ROOT

    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "workdir=$(mktemp -d)" in script and "trap 'rm -rf \"$workdir\"' EXIT" in script
    assert ".ci-wheel-venv" not in script
    assert " -w dist" not in script  # dist/ would be left behind (ignored, but still litter)


def test_readme_quick_start_for_posix_and_windows() -> None:
    """Two POSIX commands (install and query; run the tests), and the same for PowerShell beside them."""
    import re

    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Quick start")
    section = readme[start : readme.index("\n## ", start + 1)]
    blocks = dict(re.findall(r"```(sh|powershell)\n(.*?)```", section, re.S))
    posix = blocks["sh"].strip().splitlines()
    windows = blocks["powershell"].strip().splitlines()
    assert len(posix) == 2 and len(windows) == 2
    # The shipped plan as on a day inside it: without --today every unrecorded item of 2021 is overdue.
    query = "tthc due --before 2021-06-30 --today 2021-06-10"
    assert posix[0].endswith(f".venv/bin/{query}") and posix[1] == ".venv/bin/python -m pytest"
    assert "&&" not in blocks["powershell"]  # Windows PowerShell 5.1 has no &&
    assert windows[0].endswith(".venv\\Scripts\\" + query)
    assert windows[1] == r".venv\Scripts\python -m pytest"
