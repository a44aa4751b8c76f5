"""Bad input as data: each tests/data/invalid/<case>/ edits the shipped data set and states the exit
code and the located messages `tthc validate` must print.

A case folder holds `expected.txt` (lines `exit: N`, optional `args: …`, `expect: <start of a line>`
such as `plan.yaml:59:13: error[code] path:`, and `message: <text the output must contain>`),
and any of: `edits.json` ([{"file", "old", "new"}] applied to shipped files), whole replacement files
named like the data file, and `<file>.missing` to remove a file.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from .conftest import DATA, DATA_NAMES

CASES = Path(__file__).parent / "data" / "invalid"


def _cases() -> list[str]:
    return sorted(p.name for p in CASES.iterdir() if p.is_dir())


def _expected(case: Path) -> tuple[int, list[str], list[str], list[str]]:
    code, args, expect, messages = 1, [], [], []
    for line in (case / "expected.txt").read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition(": ")
        if key == "exit":
            code = int(value)
        elif key == "args":
            args = value.split()
        elif key == "expect":
            expect.append(value)
        elif key == "message":
            messages.append(value)
    return code, args, expect, messages


def test_catalogue_is_large_enough() -> None:
    assert len(_cases()) >= 25


@pytest.mark.parametrize("name", _cases())
def test_invalid_case(name: str, tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    case = CASES / name
    for data_name in DATA_NAMES:
        shutil.copy(DATA / data_name, tmp_path / data_name)
    if (case / "edits.json").exists():
        for e in json.loads((case / "edits.json").read_text(encoding="utf-8")):
            target = tmp_path / e["file"]
            text = target.read_text(encoding="utf-8")
            assert e["old"] in text, f"{name}: edit target not found in {e['file']}: {e['old']!r}"
            target.write_text(text.replace(e["old"], e["new"], 1), encoding="utf-8")
    for data_name in DATA_NAMES:
        if (case / data_name).exists():
            shutil.copy(case / data_name, tmp_path / data_name)
        if (case / f"{data_name}.missing").exists():
            (tmp_path / data_name).unlink()
    code, args, expect, messages = _expected(case)
    # The expected messages are the English msgids (--lang en); test_i18n checks the Vietnamese that
    # staff read by default.
    result = run("--lang", "en", "validate", "--data", str(tmp_path), *args)
    out = result.stdout.replace(f"{tmp_path}/", "")
    lines = out.splitlines()
    assert result.code == code, out + result.stderr
    for want in expect:
        assert any(line.startswith(want) for line in lines), f"missing {want!r} in:\n{out}"
    for message in messages:
        assert message in out, f"message {message!r} not in:\n{out}"
    assert "Traceback" not in out + result.stderr
