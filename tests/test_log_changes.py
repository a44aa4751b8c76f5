"""A merge request checked as a forge's CI would (`tthc validate --changes BASE..HEAD`), on real git
repositories: a unit that writes in another unit's file, a unit that rewrites its history, a unit that
removes or renames a log file are refused at the line concerned; a unit that appends a clean entry
passes."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from .conftest import DATA, DATA_NAMES, ROOT

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

OFFICE = "Văn phòng UBND tỉnh"
SYT = 'entries:\n  - {id: "review:6", date: 2021-06-01, status: started}\n'
STP = 'entries:\n  - {id: "review:9", date: 2021-06-02, status: started}\n'


def git(repo: Path, *args: str, who: str = OFFICE) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": who,
        "GIT_AUTHOR_EMAIL": "unit@example.invalid",
        "GIT_COMMITTER_NAME": who,
        "GIT_COMMITTER_EMAIL": "unit@example.invalid",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    done = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def commit(repo: Path, who: str, files: dict[str, str | None]) -> str:
    """A commit by `who` writing (or, for None, removing) files of the plan folder ke-hoach/."""
    for name, text in files.items():
        path = repo / "ke-hoach" / name
        if text is None:
            path.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    git(repo, "add", "-A", who=who)
    git(repo, "commit", "-q", "-m", f"{who}: progress", who=who)
    return git(repo, "rev-parse", "HEAD")


@pytest.fixture
def repo(tmp_path: Path) -> tuple[Path, str]:
    """The office's repository: the shipped plan in ke-hoach/, with Sở Y tế's and Sở Tư pháp's files;
    and its commit, the base of every change below."""
    repo = tmp_path / "repo"
    (repo / "ke-hoach").mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    for name in DATA_NAMES:
        shutil.copy(DATA / name, repo / "ke-hoach" / name)
    base = commit(repo, OFFICE, {"progress/so-y-te.yaml": SYT, "progress/so-tu-phap.yaml": STP})
    return repo, base


def check(tthc: Callable[..., Any], repo: Path, spec: str, *extra: str) -> Any:
    return tthc("validate", "--data", str(repo / "ke-hoach"), "--changes", spec, "--lang", "en", *extra)


def test_a_clean_entry_appended_by_its_unit_passes(repo: tuple[Path, str], tthc: Callable[..., Any]) -> None:
    path, base = repo
    commit(
        path,
        "Sở Y tế",
        {"progress/so-y-te.yaml": SYT + '  - {id: "review:6", date: 2021-06-20, status: done}\n'},
    )
    run = check(tthc, path, f"{base}..HEAD")
    assert run.code == 0, run.stdout + run.stderr
    assert "OK: 0 error(s), 0 warning(s)" in run.stderr


def test_a_unit_writing_in_another_units_file_is_refused(
    repo: tuple[Path, str], tthc: Callable[..., Any]
) -> None:
    path, base = repo
    commit(
        path,
        "Sở Y tế",
        {
            "progress/so-tu-phap.yaml": STP
            + '  - {id: "review:9", date: 2021-06-20, status: done, by: "Sở Y tế"}\n'
            + '  - {id: "review:6", date: 2021-06-21, status: done}\n'
        },
    )
    run = check(tthc, path, "main~1..main")
    assert run.code == 1
    lines = run.stdout.splitlines()
    assert any(
        line.startswith("ke-hoach/progress/so-tu-phap.yaml:3:") and "reported by 'Sở Y tế'" in line
        for line in lines
    ), run.stdout
    assert any(
        line.startswith("ke-hoach/progress/so-tu-phap.yaml:4:")
        and "review:6 is not Sở Tư pháp's to report" in line
        for line in lines
    ), run.stdout
    assert base == git(path, "rev-parse", "main~1")


def test_a_unit_rewriting_its_history_is_refused_at_the_line(
    repo: tuple[Path, str], tthc: Callable[..., Any]
) -> None:
    path, base = repo
    rewritten = (
        SYT.replace("2021-06-01", "2021-05-01") + '  - {id: "review:6", date: 2021-06-20, status: done}\n'
    )
    commit(path, "Sở Y tế", {"progress/so-y-te.yaml": rewritten})
    run = check(tthc, path, f"{base}..HEAD")
    assert run.code == 1
    assert (
        "ke-hoach/progress/so-y-te.yaml:2:5: error[log-history] entries[0]" not in run.stdout
    )  # placed by line
    assert any(
        line.startswith("ke-hoach/progress/so-y-te.yaml:2:")
        and "error[log-history]" in line
        and "(date)" in line
        for line in run.stdout.splitlines()
    ), run.stdout
    annotations = check(tthc, path, f"{base}..HEAD", "--format", "github").stdout
    assert "::error file=ke-hoach/progress/so-y-te.yaml,line=2," in annotations


def test_removing_entries_or_a_log_file_is_refused(repo: tuple[Path, str], tthc: Callable[..., Any]) -> None:
    path, base = repo
    commit(path, "Sở Y tế", {"progress/so-y-te.yaml": "entries:\n", "progress/so-tu-phap.yaml": None})
    run = check(tthc, path, f"{base}..HEAD")
    assert run.code == 1
    assert "ke-hoach/progress/so-y-te.yaml:1:1: error[log-history] 1 entries the base" in run.stdout
    assert "ke-hoach/progress/so-tu-phap.yaml:1:1: error[log-history] this log file was deleted" in run.stdout


def test_comments_and_layout_may_change_but_not_the_entries(
    repo: tuple[Path, str], tthc: Callable[..., Any]
) -> None:
    path, base = repo
    block = '# Sở Y tế\nentries:\n  - id: "review:6"\n    date: 2021-06-01\n    status: started\n'
    commit(path, "Sở Y tế", {"progress/so-y-te.yaml": block})
    assert check(tthc, path, f"{base}..HEAD").code == 0


def test_three_dots_compare_from_where_the_branches_parted(
    repo: tuple[Path, str], tthc: Callable[..., Any]
) -> None:
    """The office moves on after the unit branched: BASE...HEAD judges only the unit's commits."""
    path, _base = repo
    git(path, "checkout", "-q", "-b", "so-y-te")
    commit(
        path,
        "Sở Y tế",
        {"progress/so-y-te.yaml": SYT + '  - {id: "review:6", date: 2021-06-20, status: done}\n'},
    )
    git(path, "checkout", "-q", "main")
    commit(
        path,
        OFFICE,
        {"progress/so-tu-phap.yaml": STP + '  - {id: "review:9", date: 2021-06-03, status: note}\n'},
    )
    git(path, "checkout", "-q", "so-y-te")
    assert check(tthc, path, "main...so-y-te").code == 0
    two_dots = check(tthc, path, "main..so-y-te")  # from main's tip: the office's entry looks removed
    assert two_dots.code == 1 and "so-tu-phap.yaml" in two_dots.stdout


def test_an_unknown_commit_or_no_repository_is_a_usage_error(
    repo: tuple[Path, str], tthc: Callable[..., Any], tmp_path: Path, data_dir: Path
) -> None:
    path, _base = repo
    run = check(tthc, path, "nope..HEAD")
    assert run.code == 2 and "git knows no commit 'nope'" in run.stderr
    assert check(tthc, path, "--upload-pack=x..HEAD").code == 2
    outside = tthc("validate", "--data", str(data_dir), "--changes", "HEAD~1..HEAD", "--lang", "en")
    assert outside.code == 2 and "not inside a git repository" in outside.stderr


def test_the_forge_examples_run_the_change_check_and_map_a_units_file_to_its_account() -> None:
    import re

    import yaml

    forge = ROOT / "docs" / "forge"
    for name in ("github-actions.yml", "forgejo-actions.yml"):
        workflow = yaml.safe_load((forge / name).read_text(encoding="utf-8"))
        (job,) = workflow["jobs"].values()
        checkout = job["steps"][0]
        assert checkout["uses"].endswith("actions/checkout@v4") and checkout["with"]["fetch-depth"] == 0
        runs = [step.get("run", "") for step in job["steps"]]
        assert any(r.startswith("tthc validate") and "--changes" not in r for r in runs), name
        (changes,) = [step for step in job["steps"] if "--changes" in step.get("run", "")]
        assert '--changes "origin/${{ github.base_ref }}...HEAD"' in changes["run"]
        assert "pull_request" in changes["if"]
    github = (forge / "CODEOWNERS.github").read_text(encoding="utf-8")
    assert re.search(r"^/progress/so-y-te\.yaml\s+@\S+$", github, re.MULTILINE)
    rules = [line.split() for line in (forge / "CODEOWNERS.forgejo").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]  # fmt: skip
    owners = [
        owner
        for pattern, owner in rules
        if re.fullmatch(pattern.replace("\\\\", "\\"), "progress/so-y-te.yaml")
    ]
    assert owners == ["@vp-ubnd-hai-duong/kstthc", "@so-y-te-hai-duong"]


def test_a_base_whose_log_cannot_be_read_lets_no_rewrite_through(
    repo: tuple[Path, str], tthc: Callable[..., Any]
) -> None:
    path, _base = repo
    broken = commit(path, OFFICE, {"progress/so-y-te.yaml": SYT + "\tnote: typed in Notepad\n"})
    # The change fixes the tab and rewrites the entry before it: 'started' on 01/06 becomes 'done'.
    commit(path, "Sở Y tế", {"progress/so-y-te.yaml": SYT.replace("status: started", "status: done")})
    run = check(tthc, path, f"{broken}..HEAD")
    assert run.code == 1
    assert "ke-hoach/progress/so-y-te.yaml:1:1: error[log-history]" in run.stdout
    assert "cannot be read as the base of the change has it" in run.stdout


def test_a_blob_larger_than_the_file_bound_is_refused_without_unpacking_it(
    repo: tuple[Path, str], tthc: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """git stores a repetitive file small; it is read no further than the data file bound (here
    lowered, in-process, to keep the test fast)."""
    from tthc_cli.data import changes

    path, base = repo
    big = SYT + ("# " + "x" * 1021 + "\n") * 3000  # 3 MB, a few KB in git
    commit(path, "Sở Y tế", {"progress/so-y-te.yaml": big})
    monkeypatch.setattr(changes, "MAX_FILE_BYTES", 64 * 1024)
    revs = changes.revisions(str(path / "ke-hoach"), f"{base}..HEAD")
    read = changes.show(revs, revs.head, "progress/so-y-te.yaml")
    assert len(read) == 64 * 1024 + 1 and big.encode("utf-8").startswith(read)
    assert changes.show(revs, revs.base, "progress/so-y-te.yaml") == SYT.encode("utf-8")


def test_a_file_name_git_cannot_decode_is_no_traceback(
    repo: tuple[Path, str], tthc: Callable[..., Any]
) -> None:
    path, base = repo
    (path / "ke-hoach" / os.fsdecode(b"ghi-ch\xe9.txt")).write_bytes(b"Latin-1 name from a Windows zip\n")
    commit(
        path,
        "Sở Y tế",
        {"progress/so-y-te.yaml": SYT + '  - {id: "review:6", date: 2021-06-20, status: done}\n'},
    )
    run = check(tthc, path, f"{base}..HEAD")
    assert run.code == 0, run.stdout + run.stderr
    assert "Traceback" not in run.stderr


def test_a_shallow_clone_says_to_fetch_the_full_history(
    repo: tuple[Path, str], tthc: Callable[..., Any], tmp_path: Path
) -> None:
    """actions/checkout fetches one commit by default: BASE...HEAD then has no merge base to find."""
    path, _base = repo
    git(path, "checkout", "-q", "-b", "so-y-te")
    commit(
        path,
        "Sở Y tế",
        {"progress/so-y-te.yaml": SYT + '  - {id: "review:6", date: 2021-06-20, status: done}\n'},
    )
    git(path, "checkout", "-q", "main")
    commit(
        path,
        OFFICE,
        {"progress/so-tu-phap.yaml": STP + '  - {id: "review:9", date: 2021-06-21, status: done}\n'},
    )
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", "--branch", "so-y-te", f"file://{path}", str(clone))
    git(clone, "fetch", "-q", "--depth", "1", "origin", "main:refs/remotes/origin/main")
    run = tthc("validate", "--data", str(clone / "ke-hoach"), "--changes", "origin/main...HEAD")
    assert (run.code, run.stdout) == (2, "")
    assert "bản sao nông" in run.stderr and "fetch-depth: 0" in run.stderr
    assert not run.stderr.rstrip().endswith("git báo:")


def test_two_histories_that_never_met_are_said_so(repo: tuple[Path, str], tthc: Callable[..., Any]) -> None:
    path, _base = repo
    git(path, "checkout", "-q", "--orphan", "elsewhere")
    commit(
        path,
        OFFICE,
        {"progress/so-y-te.yaml": SYT + '  - {id: "review:6", date: 2021-06-20, status: done}\n'},
    )
    run = check(tthc, path, "main...elsewhere")
    assert run.code == 2
    assert "the two commits share no history" in run.stderr and "BASE..HEAD" in run.stderr


def test_a_repository_git_refuses_for_its_owner_is_named_so_with_gits_advice(
    repo: tuple[Path, str], tthc: Callable[..., Any]
) -> None:
    """A CI container often runs as another user than the one owning the checkout."""
    path, base = repo
    run = tthc(
        "validate",
        "--data",
        str(path / "ke-hoach"),
        "--changes",
        f"{base}..HEAD",
        env={"GIT_TEST_ASSUME_DIFFERENT_OWNER": "1"},
    )
    assert run.code == 2
    assert "không nằm trong" not in run.stderr and "dubious ownership" in run.stderr
    assert f"git config --global --add safe.directory {path}" in run.stderr


def test_moving_the_plan_folder_compares_each_log_with_the_file_it_came_from(
    repo: tuple[Path, str], tthc: Callable[..., Any]
) -> None:
    path, _base = repo
    more = "".join(
        f'  - {{id: "review:6", date: 2021-06-{d:02d}, status: note, note: "lần {d}"}}\n' for d in range(2, 9)
    )
    base = commit(path, "Sở Y tế", {"progress/so-y-te.yaml": SYT + more})
    git(path, "mv", "ke-hoach", "kh-2021")
    git(path, "commit", "-q", "-m", "the plan folder renamed")
    moved = tthc("validate", "--data", str(path / "kh-2021"), "--changes", f"{base}..HEAD", "--lang", "en")
    assert moved.code == 0, moved.stdout  # a move alone keeps every entry
    syt = path / "kh-2021" / "progress" / "so-y-te.yaml"
    syt.write_text(SYT.replace("2021-06-01", "2021-05-20") + more, encoding="utf-8")
    (path / "kh-2021" / "progress" / "so-tu-phap.yaml").unlink()
    git(path, "add", "-A")
    git(path, "commit", "-q", "-m", "and a date rewritten on the way")
    run = tthc("validate", "--data", str(path / "kh-2021"), "--changes", f"{base}..HEAD", "--lang", "en")
    assert run.code == 1
    assert "kh-2021/progress/so-y-te.yaml:2:5: error[log-history] entry 1 of this file differs" in run.stdout
    assert "ke-hoach/progress/so-tu-phap.yaml:1:1: error[log-history] this log file was deleted" in run.stdout


def test_a_log_over_the_file_bound_is_refused_once_with_its_real_size(
    repo: tuple[Path, str], tthc: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its entries cannot be read, so none of them is said to be gone; the size is the file's, not
    the bound + 1 bytes that were read (the bound lowered, in-process, to keep the test fast)."""
    from tthc_cli.data import changes, files, loader

    path, base = repo
    big = SYT + ("# " + "x" * 1021 + "\n") * 3000
    commit(path, "Sở Y tế", {"progress/so-y-te.yaml": big})
    for module in (changes, files, loader):
        monkeypatch.setattr(module, "MAX_FILE_BYTES", 64 * 1024)
    size = f"{len(big.encode('utf-8')):,}"
    for run in (
        check(tthc, path, f"{base}..HEAD"),
        tthc("validate", "--data", str(path / "ke-hoach"), "--lang", "en"),
    ):
        assert run.code == 1
        (error,) = [line for line in run.stdout.splitlines() if "error[" in line]
        assert "ke-hoach/progress/so-y-te.yaml:1:1: error[too-large]" in error
        assert f"file is {size} bytes; the limit is 65,536" in error
