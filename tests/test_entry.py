"""The fast entry serves the read-only queries without Typer and must print exactly what Typer does."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from tthc_cli.cli import entry
from tthc_cli.cli.app import app

SAME = [
    ["due", "--before", "2021-06-30"],
    ["due", "--before=30/6/2021", "--after", "2021-06-01", "-f", "json"],
    [
        "due",
        "--before",
        "eoy",
        "--unit",
        "so y te",
        "--role",
        "lead",
        "--kind",
        "review",
        "--kind",
        "task",
        "--today",
        "2021-06-05",
        "--format",
        "csv",
    ],
    ["due", "--before", "2021-12-31", "--include-ongoing", "--open", "--warn-days", "30", "-f", "md"],
    ["due", "--before", "31/6/2021"],
    ["due", "--before", "2021-06-30", "--unit", "Giang"],
    ["overdue", "--today", "2021-08-03"],
    ["overdue", "--today", "2021-08-03", "-f", "json"],
    ["upcoming", "--today", "2021-07-25", "--within", "10"],
    ["unit", "Sở Y tế", "--today", "2021-06-05"],
    ["unit", "--format", "md", "TP Chí Linh"],
    ["unit", "Hải Dương"],
    ["list", "--kind", "inspection", "-f", "csv"],
    ["list"],
    ["show", "1.1"],
    ["show", "6", "--today", "2021-12-01", "--warn-days", "3"],
    ["show", "review:13", "-f", "json"],
    ["show", "task:11"],
]


@pytest.mark.parametrize("argv", SAME, ids=[" ".join(a) for a in SAME])
def test_fast_entry_prints_what_typer_prints(argv: list[str], run, capsys) -> None:  # type: ignore[no-untyped-def]
    call = entry.parse(argv)
    assert call is not None, "the fast entry should serve this"
    capsys.readouterr()
    code = entry.run(*call)
    fast = capsys.readouterr()
    typer = run(*argv)
    # CliRunner reads CSV's \r\n line ends back as \n; the bytes written are the same.
    assert (code, fast.out.replace("\r\n", "\n"), fast.err) == (typer.code, typer.stdout, typer.stderr)


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["validate"],
        ["due"],  # --before is required: Typer says so
        ["due", "--before"],
        ["due", "--before", "2021-06-30", "--role", "boss"],
        ["due", "--before", "-3d"],  # a value that looks like an option
        ["due", "--before", "2021-06-30", "--no-open"],
        ["due", "--before", "2021-06-30", "--help"],
        ["upcoming", "--within", "-1"],
        ["upcoming", "--within", "x"],
        ["unit"],
        ["unit", "a", "b"],
        ["show", "1.1", "--format", "md"],
        ["list", "--", "x"],
        ["brief"],
    ],
)
def test_anything_uncertain_goes_to_typer(argv: list[str]) -> None:
    assert entry.parse(argv) is None


def test_usage_errors_come_from_typer_with_exit_2() -> None:
    result = CliRunner().invoke(app, ["due", "--before", "2021-06-30", "--role", "boss"])
    assert result.exit_code == 2


def test_completion_always_goes_to_typer(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    seen = {}
    monkeypatch.setenv("_TTHC_COMPLETE", "complete_bash")
    monkeypatch.setattr("sys.argv", ["tthc", "list"])
    monkeypatch.setattr("tthc_cli.cli.app.main", lambda: seen.setdefault("typer", True))
    entry.main()
    assert seen == {"typer": True}
