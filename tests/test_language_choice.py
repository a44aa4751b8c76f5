"""Which language tthc speaks: --lang wherever it stands on the line, else $TTHC_LANG, else
Vietnamese; a language given on the line is not undone by the variable or by a later default; an
unknown one is refused, naming where it came from, in the language already chosen."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import DATA, ROOT, Run

VI, EN = "Mục 1.1 — ", "Item 1.1 — "


def _first_line(tthc: Callable[..., Run], *args: str, lang: str | None = None) -> str:
    result = tthc(*args, env={"TTHC_DATA": str(ROOT), "TTHC_LANG": lang})
    assert result.code == 0, result.stderr
    return result.stdout.splitlines()[0]


@pytest.mark.parametrize(
    ("args", "variable", "said"),
    [
        (["show", "1.1"], None, VI),
        (["show", "1.1"], "en", EN),
        (["show", "1.1"], "vi", VI),
        (["--lang", "en", "show", "1.1"], None, EN),
        (["show", "1.1", "--lang", "en"], None, EN),
        (["--lang", "vi", "show", "1.1"], "en", VI),  # the line wins over the variable
        (["show", "1.1", "--lang", "vi"], "en", VI),
        (["--lang", "en", "show", "1.1"], "vi", EN),
    ],
    ids=[
        "default",
        "variable-en",
        "variable-vi",
        "root-en",
        "command-en",
        "root-vi-over-variable",
        "command-vi-over-variable",
        "root-en-over-variable",
    ],
)
def test_the_language_is_the_lines_else_the_variables_else_vietnamese(
    tthc, args: list[str], variable: str | None, said: str
) -> None:  # type: ignore[no-untyped-def]
    assert _first_line(tthc, *args, lang=variable).startswith(said)


@pytest.mark.parametrize(
    ("args", "variable", "said"),
    [
        (["--lang", "xx", "list"], None, "tthc: --lang xx: không có ngôn ngữ này; chọn một trong: vi, en\n"),
        (["list", "--lang", "xx"], None, "tthc: --lang xx: không có ngôn ngữ này; chọn một trong: vi, en\n"),
        (
            ["--lang", "en", "list", "--lang", "xx"],
            None,
            "tthc: --lang xx: unknown language; choose one of: vi, en\n",
        ),
        (["list"], "xx", "tthc: TTHC_LANG=xx: không có ngôn ngữ này; chọn một trong: vi, en\n"),
        (
            ["list", "--lang", "e\x1bn"],
            None,
            "tthc: --lang e\\u001bn: không có ngôn ngữ này; chọn một trong: vi, en\n",
        ),
    ],
    ids=["root", "command", "after-english", "variable", "control-character"],
)
def test_an_unknown_language_is_refused_naming_where_it_came_from(
    tthc, args: list[str], variable: str | None, said: str
) -> None:  # type: ignore[no-untyped-def]
    result = tthc(*args, env={"TTHC_DATA": str(ROOT), "TTHC_LANG": variable})
    assert (result.code, result.stdout, result.stderr) == (2, "", said)


def test_a_language_on_the_line_beats_a_wrong_variable(tthc) -> None:  # type: ignore[no-untyped-def]
    assert _first_line(tthc, "--lang", "en", "show", "1.1", lang="xx").startswith(EN)


# --- the help, a double dash, a language refused ------------------------------------------------------


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
