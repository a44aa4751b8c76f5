"""One command table, two command lines: the Typer app (cli/app.py) and the fast path (cli/entry.py)
both read cli/table.py. These tests fail when they differ: the Click tree Typer builds is checked
against the table option by option, every option of every command is parsed by both with the same
result, and whole command lines print the same through both."""

from __future__ import annotations

from typing import Any

import pytest
import typer.main

from tthc_cli.cli import app as app_module
from tthc_cli.cli import entry
from tthc_cli.cli.app import app, placeholder
from tthc_cli.cli.boundary import dispatch
from tthc_cli.cli.params import CHOICE, FLAG, NUMBER, TEXTS, Command, Options, Param, split_short_equals
from tthc_cli.cli.table import COMMANDS, ENTRY_STATUSES, GROUPS, LANGUAGES
from tthc_cli.cli.usage import _choices
from tthc_cli.i18n import _


def click_commands() -> dict[str, Any]:
    """Every leaf command of the Typer app by its name as typed (`progress add`)."""
    found: dict[str, Any] = {}

    def walk(command: Any, path: tuple[str, ...]) -> None:
        subs = getattr(command, "commands", None)
        if subs is None:
            found[" ".join(path)] = command
        for name, sub in (subs or {}).items():
            walk(sub, (*path, name))

    walk(typer.main.get_command(app), ())
    return found


def test_typer_has_exactly_the_commands_of_the_table() -> None:
    assert list(click_commands()) == [c.name for c in COMMANDS]


def test_each_group_has_its_help_from_the_table() -> None:
    root = typer.main.get_command(app)
    for name, words in GROUPS.items():
        assert root.commands[name].help == _(words)  # type: ignore[attr-defined]


def _declared(param: Param) -> dict[str, object]:
    default = param.default
    return {
        "opts": list(param.flags) or [param.dest],
        "name": param.dest,
        "required": param.required,
        "flag": param.kind == FLAG,
        "repeatable": param.kind == TEXTS,
        "choices": list(param.choices) if param.kind == CHOICE else None,
        "bounds": param.bounds if param.kind == NUMBER else None,
        "default": None if param.kind == TEXTS else default,
        "completes": param.complete is not None,
        "help": _(param.help) if param.help else None,
        "metavar": placeholder(param.metavar) if param.metavar else None,
    }


def _built(click_param: Any) -> dict[str, object]:
    info = click_param.type_descriptor.parameter_info
    argument = click_param.param_type_name == "argument"
    default = click_param.default
    bounds = (info.min, info.max) if info.min is not None else None
    return {
        "opts": list(click_param.opts) if not argument else [click_param.name],
        "name": click_param.name,
        "required": click_param.required,
        "flag": bool(getattr(click_param, "is_flag", False)),
        "repeatable": click_param.nargs == -1 if argument else click_param.multiple,
        "choices": _choices(click_param),
        "bounds": bounds,
        "default": getattr(default, "value", default),
        "completes": click_param._custom_shell_complete is not None,
        "help": click_param.help,
        "metavar": click_param.metavar,
    }


@pytest.mark.parametrize("command", COMMANDS, ids=[c.name for c in COMMANDS])
def test_every_option_is_what_the_table_declares(command: Command) -> None:
    built = click_commands()[command.name]
    assert built.help == _(command.help)
    params = [p for p in built.params if p.name != "help"]
    assert [_built(p) for p in params] == [_declared(p) for p in command.params]


def test_the_declared_words_are_the_models_and_languages() -> None:
    from typing import get_args

    from tthc_cli import i18n
    from tthc_cli.data.models import ProgressStatus

    assert get_args(ProgressStatus) == ENTRY_STATUSES
    assert set(LANGUAGES) == set(i18n.LANGUAGES)


# --- both parsers read the same values ---------------------------------------------------------------


def _sample(param: Param) -> list[list[str]]:
    """Command-line pieces giving `param` a value, each spelling the parsers must agree on."""
    flag = param.flags[0] if param.flags else None
    if param.kind == FLAG:
        return [[flag]] if flag else []
    if param.kind == CHOICE:
        values = list(param.choices)
    elif param.kind == NUMBER:
        assert param.bounds is not None
        values = [str(param.bounds[0]), str(param.bounds[1])]
    else:
        values = ["Sở Y tế", ""]
    if flag is None:
        return [[v] for v in values if v]
    spelled = [[f, v] for f in param.flags for v in values]
    return [*spelled, [f"{param.flags[0]}={values[0]}"]]


def _lines(command: Command) -> list[list[str]]:
    """Command lines for `command`: its required parameters, then each option in each spelling."""
    required: list[str] = []
    for p in command.params:
        if p.required:
            required += _sample(p)[0]
    words = command.name.split()
    lines = [words + required]
    for p in command.params:
        if p.is_argument and p.kind != TEXTS:
            continue  # given once above
        for piece in _sample(p):
            lines.append(words + required + piece)
    repeatable = [p for p in command.params if p.kind == TEXTS and p.flags]
    for p in repeatable:
        lines.append(words + required + [p.flags[0], "a", p.flags[0], "b"])
    return lines


LINES = [line for command in COMMANDS for line in _lines(command)]


@pytest.mark.parametrize("argv", LINES, ids=[" ".join(a) for a in LINES])
def test_both_parsers_read_the_same_options(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    fast = entry.parse(argv)
    assert fast is not None, "the fast path should serve this"
    seen: list[tuple[str, Options]] = []
    monkeypatch.setattr(app_module, "dispatch", lambda name, options: seen.append((name, options)) or 0)
    assert app_module.main(argv) == 0
    assert seen == [fast]


# Mistakes: Typer words them (the fast path is never the one to explain a usage error).
MISTAKES = [
    ["due"],  # --before is required
    ["due", "--before"],
    ["due", "--before", "2021-06-30", "--role", "boss"],
    ["due", "--before", "2021-06-30", "--no-open"],
    ["due", "--before", "2021-06-30", "--open=yes"],
    ["upcoming", "--within", "-1"],
    ["upcoming", "--within", "x"],
    ["upcoming", "--within", "3661"],
    ["upcoming", "--within", "٣"],
    ["unit"],
    ["unit", "a", "b"],
    ["show", "1.1", "--format", "md"],
    ["list", "--", "x"],
    ["progress", "add", "1.1"],
    ["export"],
    ["nothing"],
]
# Right, but rare or Typer's own: help, version, a value that looks like an option.
TYPER_ONLY = [
    [],
    ["--version"],
    ["progress"],
    ["due", "--before", "2021-06-30", "--help"],
    ["due", "--before", "-3d"],
]


@pytest.mark.parametrize(
    "argv", MISTAKES + TYPER_ONLY, ids=[" ".join(a) or "(none)" for a in MISTAKES + TYPER_ONLY]
)
def test_anything_uncertain_goes_to_typer(argv: list[str]) -> None:
    assert entry.parse(argv) is None


@pytest.mark.parametrize("argv", MISTAKES, ids=[" ".join(a) for a in MISTAKES])
def test_a_mistake_is_one_usage_line_from_typer(argv: list[str], run) -> None:  # type: ignore[no-untyped-def]
    result = run(*argv)
    assert result.code == 2
    assert result.stderr.startswith("tthc: ") and result.stderr.count("\n") == 1
    assert result.stdout == ""


def test_a_short_option_with_an_equals_sign_is_read_as_its_value(tthc, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """`-f=json` is `-f json` on both command lines (Click alone reads the value "=json")."""
    assert split_short_equals(["due", "-f=json", "-o=a.csv", "--", "-f=x"]) == [
        "due",
        "-f",
        "json",
        "-o",
        "a.csv",
        "--",
        "-f=x",
    ]
    joined = tthc("overdue", "-f=json", "--today", "2021-06-30")
    spaced = tthc("overdue", "-f", "json", "--today", "2021-06-30")
    assert joined.code == 0 and joined.stdout == spaced.stdout and joined.stdout.startswith("[")
    out = tmp_path / "brief.md"
    written = tthc("brief", f"-o={out}", "--today", "2021-06-30")
    assert written.code == 0 and out.read_text(encoding="utf-8").startswith("#")
    bad = tthc("overdue", "-f=xml")
    assert bad.code == 2 and "xml" in bad.stderr and "--format csv" not in bad.stderr


# --- whole command lines print the same -----------------------------------------------------------------

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
    ["validate"],
    ["validate", "--format", "json"],
    ["validate", "-f", "github", "--strict"],
    ["validate", "plan.yaml", "units.yaml"],
    ["validate", "no-such-folder"],
    ["units"],
    ["units", "-f", "json"],
    ["units", "--format", "csv"],
    ["units", "--format", "md"],
    ["missing", "IV.2", "--today", "2021-06-30"],
    ["missing", "IV.2", "-f", "json", "--today", "2021-06-30"],
    ["missing", "9.9"],
    ["deadline", "Trước ngày 31/7/2021", "--year", "2021"],
    ["deadline", "Sớm nhất có thể", "--year", "2022", "--start", "1/1/2022"],
    ["list", "--kind", "nothing"],
    ["due", "--before", "2021-06-30", "--role", "lead"],
    ["due", "--before", "2021-06-01", "--after", "2021-07-01"],
    ["export", "--format", "csv", "--today", "2021-06-05"],
    ["brief", "--today", "2021-06-05", "--templates", "no-such-folder"],
    ["report", "--format", "html", "-o", "x.md"],
]


@pytest.mark.parametrize("argv", SAME, ids=[" ".join(a) for a in SAME])
def test_the_fast_path_prints_what_typer_prints(argv: list[str], run, capsys) -> None:  # type: ignore[no-untyped-def]
    call = entry.parse(argv)
    assert call is not None, "the fast path should serve this"
    typer_result = run(*argv)
    capsys.readouterr()
    code = dispatch(*call)
    fast = capsys.readouterr()
    # CliRunner reads CSV's \r\n line ends back as \n; the bytes written are the same.
    assert (code, fast.out.replace("\r\n", "\n"), fast.err) == (
        typer_result.code,
        typer_result.stdout,
        typer_result.stderr,
    )
