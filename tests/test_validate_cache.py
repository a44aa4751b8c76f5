"""`tthc validate` on files that validated before answers from the compiled plan's saved warnings,
and says exactly what a full validation says; anything in doubt is validated again."""

from __future__ import annotations

from pathlib import Path

import pytest

from tthc_cli.data import dataset

DUPLICATED = """entries:
  - id: task:1.1
    date: 2021-06-02
    status: started
  - id: task:1.1
    date: 2021-06-02
    status: started
"""


@pytest.fixture
def warned(data_dir: Path) -> Path:
    """The shipped data with one warning: the same progress entry twice."""
    (data_dir / "progress.yaml").write_text(DUPLICATED, encoding="utf-8")
    return data_dir


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts full validations."""
    seen: list[int] = []
    real = dataset.assemble

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(dataset, "assemble", counting)
    return seen


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_a_second_validate_says_the_same_without_validating_again(warned: Path, calls, run, fmt: str) -> None:  # type: ignore[no-untyped-def]
    first = run("validate", "--data", str(warned), "-f", fmt)
    assert calls == [1]
    assert first.code == 0 and "duplicate-entry" in first.stdout
    second = run("validate", "--data", str(warned), "-f", fmt)
    assert calls == [1], "the files validated before: answered from the cache"
    assert (second.code, second.stdout, second.stderr) == (first.code, first.stdout, first.stderr)


def test_strict_counts_the_saved_warnings_as_errors(warned: Path, calls, run) -> None:  # type: ignore[no-untyped-def]
    run("validate", "--data", str(warned))
    strict = run("validate", "--data", str(warned), "--strict")
    assert calls == [1]
    assert strict.code == 1 and "error[duplicate-entry]" in strict.stdout


def test_warnings_are_said_in_the_language_asked_for(warned: Path, calls, run) -> None:  # type: ignore[no-untyped-def]
    vi = run("validate", "--data", str(warned))
    en = run("--lang", "en", "validate", "--data", str(warned))
    assert "the same entry appears twice" in en.stdout
    assert "the same entry appears twice" not in vi.stdout
    assert calls == [1, 1], "saved in Vietnamese: validated again for English"
    assert run("--lang", "en", "validate", "--data", str(warned)).stdout == en.stdout
    assert calls == [1, 1]


def test_a_query_saves_what_validate_then_reads(warned: Path, calls, run) -> None:  # type: ignore[no-untyped-def]
    assert run("overdue", "--data", str(warned), "--today", "2021-08-03").code == 0
    result = run("validate", "--data", str(warned))
    assert calls == [1]
    assert "duplicate-entry" in result.stdout


def test_files_with_errors_are_validated_every_time(data_dir: Path, calls, run) -> None:  # type: ignore[no-untyped-def]
    (data_dir / "progress.yaml").write_text(
        "entries:\n  - id: task:99\n    date: 2021-06-02\n    status: done\n"
    )
    first = run("validate", "--data", str(data_dir))
    second = run("validate", "--data", str(data_dir))
    assert first.code == second.code == 1
    assert calls == [1, 1]
    assert second.stdout == first.stdout


def test_an_edit_is_validated_and_paths_follow_the_working_folder(
    warned: Path, calls, run, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    run("validate", "--data", str(warned))
    monkeypatch.chdir(warned)
    here = run("validate", "--data", ".")
    assert calls == [1]
    assert "\nprogress.yaml:" in "\n" + here.stdout, "shown relative to the working folder"
    with (warned / "progress.yaml").open("a", encoding="utf-8") as log:
        log.write("  - id: task:1.1\n    date: 2021-06-03\n    status: done\n")
    edited = run("validate", "--data", ".")
    assert calls == [1, 1]
    assert edited.code == 0 and "duplicate-entry" in edited.stdout
