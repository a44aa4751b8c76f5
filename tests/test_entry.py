"""The `tthc` program (cli/entry.py → cli/app.py): exit codes, the language chosen inside the command
line, and what a cached query imports."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tthc_cli.cli import entry

from .conftest import DATA


def exit_code(argv: list[str]) -> int:
    with pytest.raises(SystemExit) as stopped:
        entry.main(argv)
    return int(stopped.value.code or 0)


@pytest.mark.parametrize(
    ("argv", "code", "says"),
    [
        (["deadline", "Trước ngày 31/7/2021", "--year", "2021"], 0, ""),  # understood
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


# --- the language: chosen by the command line's own options --------------------------------------------


@pytest.mark.parametrize(
    ("args", "env", "first_line"),
    [
        (["units", "--help"], {}, "Cách dùng: tthc units [TÙY_CHỌN]"),
        (["units", "--help"], {"TTHC_LANG": "en"}, "Usage: tthc units [OPTIONS]"),
        (["units", "--lang", "en", "--help"], {}, "Usage: tthc units [OPTIONS]"),
        (["units", "--help", "--lang", "en"], {}, "Usage: tthc units [OPTIONS]"),  # after --help too
        (["--lang=vi", "units", "--help"], {"TTHC_LANG": "en"}, "Cách dùng: tthc units [TÙY_CHỌN]"),
        (["--lang", "en", "units", "--help"], {"TTHC_LANG": "vi"}, "Usage: tthc units [OPTIONS]"),
        (["units", "--help"], {"TTHC_LANG": ""}, "Cách dùng: tthc units [TÙY_CHỌN]"),
        (["--help", "--lang", "en"], {}, "Usage: tthc [OPTIONS] COMMAND [ARGS]..."),
    ],
)
def test_the_flag_wins_over_the_environment_wherever_it_stands(tthc, args, env, first_line) -> None:  # type: ignore[no-untyped-def]
    result = tthc(*args, env=env)
    assert result.code == 0, result.stderr
    assert result.stdout.splitlines()[0] == first_line


def test_after_a_double_dash_lang_is_an_argument_not_an_option(tthc) -> None:  # type: ignore[no-untyped-def]
    result = tthc("show", "1.1", "--", "--lang", "en", env={"TTHC_DATA": str(DATA)})
    assert result.code == 2
    assert result.stderr.startswith("tthc: thừa đối số: --lang en")


@pytest.mark.parametrize(
    ("args", "env", "line"),
    [
        (["list", "--lang", "fr"], {}, "tthc: --lang fr: không có ngôn ngữ này; chọn một trong: vi, en\n"),
        (
            ["list"],
            {"TTHC_LANG": "de"},
            "tthc: TTHC_LANG=de: không có ngôn ngữ này; chọn một trong: vi, en\n",
        ),
        (["--lang", "fr", "list"], {}, "tthc: --lang fr: không có ngôn ngữ này; chọn một trong: vi, en\n"),
    ],
)
def test_an_unknown_language_is_refused_in_vietnamese(tthc, args, env, line) -> None:  # type: ignore[no-untyped-def]
    result = tthc(*args, env={"TTHC_DATA": str(DATA), **env})
    assert (result.code, result.stdout, result.stderr) == (2, "", line)


def test_lang_needs_a_value(tthc) -> None:  # type: ignore[no-untyped-def]
    result = tthc("list", "--lang")
    assert result.code == 2 and result.stderr.startswith("tthc: --lang cần một giá trị")


# --- what a query costs ------------------------------------------------------------------------------


def test_a_query_imports_no_jinja_no_rich_no_calendar(data_dir, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The imports kept out of a piped query (README "Speed"): Jinja (rendering), rich (a terminal),
    icalendar (the calendar export) — each costlier than the answer."""
    monkeypatch.setenv("TTHC_DATA", str(data_dir))
    heavy = ("jinja2", "rich", "icalendar")
    probe = (
        "import sys\nfrom tthc_cli.cli import entry\n"
        "for argv in (['validate'], ['units'], ['due', '--before', '2021-06-30']):\n"
        "    try:\n        entry.main(argv)\n"
        "    except SystemExit as stop:\n        assert stop.code == 0, argv\n"
        f"sys.stderr.write('loaded:' + ' '.join(m for m in {heavy!r} if m in sys.modules))"
    )
    env = {**os.environ, "TTHC_TODAY": "2021-06-05"}
    result = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True)
    assert result.stderr.endswith("loaded:"), result.stderr
    assert "Sở Y tế" in result.stdout  # the units table: it did answer
