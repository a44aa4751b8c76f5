"""The `tthc` program (cli/entry.py): the language chosen at the edge, completion through Typer, and
exit codes whichever path served the command line. That both paths read the same table and print the
same is tests/test_table.py."""

from __future__ import annotations

import pytest

from tthc_cli.cli import entry


def exit_code(argv: list[str]) -> int:
    with pytest.raises(SystemExit) as stopped:
        entry.main(argv)
    return int(stopped.value.code or 0)


def test_completion_always_goes_to_typer(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    seen = {}
    monkeypatch.setenv("_TTHC_COMPLETE", "complete_bash")
    monkeypatch.setattr("tthc_cli.cli.app.main", lambda argv: seen.setdefault("typer", argv) and 0)
    assert exit_code(["list"]) == 0
    assert seen == {"typer": ["list"]}


def test_a_command_line_it_is_sure_of_never_loads_typer(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("tthc_cli.cli.app.main", lambda argv: pytest.fail("went to Typer"))
    monkeypatch.setenv("TTHC_DATA", "tests/fixtures/an-lac-2022")
    assert exit_code(["units", "-f", "json", "--lang", "en"]) == 0
    assert '"units"' in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "code", "says"),
    [
        (["deadline", "Trước ngày 31/7/2021", "--year", "2021"], 0, ""),  # fast path, understood
        (["deadline", "Sớm nhất có thể", "--year", "2021", "--lang", "en"], 1, ""),  # not understood
        (["unit", "Không có", "--data", "tests/fixtures/an-lac-2022", "--lang", "en"], 1, "tthc: no unit"),
        (["due", "--before", "2021-06-30", "--role", "boss", "--lang", "en"], 2, "tthc: --role boss: choose"),
        (["--lang", "xx", "list"], 2, "tthc: "),  # an unknown language
        (["--version"], 0, ""),
    ],
)
def test_main_ends_with_the_documented_exit_code(argv: list[str], code: int, says: str, capsys) -> None:  # type: ignore[no-untyped-def]
    assert exit_code(argv) == code
    err = capsys.readouterr().err
    assert err.startswith(says) and (says or not err), err
