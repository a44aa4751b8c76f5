"""The README cannot drift from the command line: its command reference is each command's real
`--help` (as sqlite-utils keeps its CLI reference with cog), its Commands table names only commands
and options that exist, and every command; and every test file it names exists. After an intended
change to a command's help, rewrite the reference with
`TTHC_UPDATE_README=1 .venv/bin/python -m pytest tests/test_readme.py` and review the diff."""

from __future__ import annotations

import os
import re
from typing import Any

import typer.main

from tthc_cli.cli.app import app

from .conftest import ROOT

README = ROOT / "README.md"
BEGIN = "<!-- command reference: written by tests/test_readme.py from each command's --help -->"
END = "<!-- end of the command reference -->"


def commands() -> dict[str, Any]:
    """Every command as typed (`progress add`), in `tthc --help`'s order, with its Click command."""
    found: dict[str, Any] = {}

    def walk(command: Any, path: tuple[str, ...]) -> None:
        for name, sub in getattr(command, "commands", {}).items():
            if getattr(sub, "commands", None) is None:
                found[" ".join((*path, name))] = sub
            walk(sub, (*path, name))

    walk(typer.main.get_command(app), ())
    return found


def reference(run) -> str:  # type: ignore[no-untyped-def]
    """Each command's English --help, the root's first, as the README shows them."""
    blocks = []
    for path in ["", *commands()]:
        result = run("--lang", "en", *path.split(), "--help")
        assert result.code == 0, (path, result.stderr)
        title = f"tthc {path}".strip()
        blocks.append(f"#### `{title}`\n\n```text\n{result.stdout.rstrip()}\n```\n")
    return "\n".join(blocks)


def test_the_command_reference_is_each_commands_help(run) -> None:  # type: ignore[no-untyped-def]
    text = README.read_text(encoding="utf-8")
    head, found, rest = text.partition(BEGIN)
    assert found, f"README.md has no line {BEGIN!r}"
    written, found, tail = rest.partition(END)
    assert found, f"README.md has no line {END!r}"
    wanted = "\n" + reference(run) + "\n"
    if os.environ.get("TTHC_UPDATE_README"):
        README.write_text(head + BEGIN + wanted + END + tail, encoding="utf-8")
        written = wanted
    assert written == wanted, "the README's command reference is stale: TTHC_UPDATE_README=1 rewrites it"


def table_rows() -> dict[str, str]:
    """The Commands table: command as typed -> the row's synopsis."""
    section = README.read_text(encoding="utf-8").partition("\n## Commands\n")[2].partition("\n## ")[0]
    rows = {}
    for line in section.splitlines():
        m = re.match(r"\| `tthc ((?:[a-z]+ ?)*)(.*?)` \|", line)
        if m:
            rows[m.group(1).strip()] = m.group(2)
    return rows


def test_the_commands_table_names_every_command_and_only_real_options() -> None:
    rows = table_rows()
    table = commands()
    assert set(table) <= set(rows), f"commands missing from the README table: {set(table) - set(rows)}"
    root = typer.main.get_command(app)
    for name, synopsis in rows.items():
        command = table.get(name, root)
        options = {opt for p in command.params for opt in getattr(p, "opts", ())}
        named = set(re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", synopsis))
        assert named <= options, (name, named - options)


def test_every_test_file_the_readme_or_the_mutation_runner_names_exists() -> None:
    """A test file renamed or split is renamed where the README points at it and in the lists of tests
    benchmarks/mutation.py runs against each module (a missing one would leave a module unmeasured)."""
    named = set(re.findall(r"\b(test_[a-z0-9_]+\.py)\b", README.read_text(encoding="utf-8")))
    named |= set(
        re.findall(r"tests/(test_[a-z0-9_]+\.py)", (ROOT / "benchmarks" / "mutation.py").read_text())
    )
    assert len(named) > 10
    assert sorted(n for n in named if not (ROOT / "tests" / n).is_file()) == []
