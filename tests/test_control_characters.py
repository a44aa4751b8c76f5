"""Characters a person cannot see or that would command the terminal: escaped wherever tthc echoes
them (a unit name typed, a usage mistake), refused where they would be recorded (progress add),
dropped from an ID typed, and reported where the data holds one (a bidi override in a unit's name)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tthc_cli.textnorm import visible

_ENV: dict[str, str | None] = {"TTHC_TODAY": "2021-08-03"}


def test_visible_escapes_every_control_character() -> None:
    hostile = "QĐ 12\x1b]0;owned\x07\x1b[2J\x9b1m\x00\u202e\u2028"
    shown = visible(hostile)
    assert not any(ch in shown for ch in "\x1b\x07\x9b\x00\u202e\u2028")
    assert shown.startswith("QĐ 12\\u001b]0;owned\\u0007")
    assert json.loads(json.dumps(visible("a\x9bb"))) == "a\\u009bb"
    assert visible("Sở Y tế\ttab\nline") == "Sở Y tế\ttab\nline"


def test_typed_names_with_escapes_are_echoed_escaped(run) -> None:  # type: ignore[no-untyped-def]
    result = run("unit", "Sở\x1b]0;owned\x07 Y tế")
    assert result.code == 1
    assert "\x1b" not in result.stderr and "\\u001b]0;owned\\u0007" in result.stderr


def test_usage_errors_from_the_option_parser_are_escaped(tthc) -> None:  # type: ignore[no-untyped-def]
    result = tthc("list", "--format", "\x1b[2Jtable", env=_ENV)
    assert result.code == 2 and "\x1b" not in result.stderr and "[2Jtable" in result.stderr


@pytest.mark.parametrize("field", ["--evidence", "--note", "--by"])
def test_progress_add_refuses_control_characters(run, data_dir: Path, field: str) -> None:  # type: ignore[no-untyped-def]
    before = (data_dir / "progress.yaml").read_bytes()
    result = run(
        "progress", "add", "1.1", "--status", "done", "--date", "2021-05-20",
        field, "QĐ 12\x1b]0;owned\x07\x1b[2J", "--data", str(data_dir),
    )  # fmt: skip
    assert result.code == 2
    assert f"{field}: có ký tự điều khiển U+001B" in result.stderr
    assert "\x1b" not in result.stderr
    assert (data_dir / "progress.yaml").read_bytes() == before


@pytest.mark.parametrize("typed", ["1.1\u200b", "\u202e1.1", "task:1.1\u00a0", "\ufefftask:1.1"])
def test_invisible_characters_in_ids_are_dropped(run, typed: str) -> None:  # type: ignore[no-untyped-def]
    result = run("show", typed)
    assert result.code == 0 and result.stdout.startswith("Mục 1.1 — ")


def test_bidi_override_in_a_unit_name_is_reported(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    path = data_dir / "appendix_review.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("unit: Sở Y tế", "unit: Sở \u202eY tế"), encoding="utf-8"
    )
    result = run("validate", "--data", str(data_dir))
    assert result.code == 1 and "error[invisible-character]" in result.stdout and "U+202E" in result.stdout
