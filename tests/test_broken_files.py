"""Broken files, one mistake class each (tests/data/broken/<case>/, and every case of tests/data/invalid/),
through `tthc validate` in both languages: the Vietnamese output holds no English outside the data it
quotes, `--lang en` no Vietnamese (tests/language.py says how that is told), every problem is located,
and nothing ends in a traceback.

A broken case is written like an invalid one (edits.json, whole replacement files, <file>.missing) and
its expected.txt gives `exit: N`, the codes the output must carry (`code: invalid-date`), and, for a
mistake whose words or reading belong to a module not yet converted, `owner-vi: <who>` (and/or
`owner-en:`): that language's run is an expected failure (strict, so the mark goes when the module is
converted).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from tthc_cli.data.models import SCHEMA_MODELS

from .conftest import DATA, DATA_NAMES
from .language import Data, english_left, run_of_english, vietnamese_left

CORPUS = Path(__file__).parent / "data"
CASES = sorted([*(CORPUS / "broken").iterdir(), *(CORPUS / "invalid").iterdir()])


def _expected(case: Path) -> dict[str, Any]:
    found: dict[str, Any] = {"exit": 1, "codes": [], "args": [], "owner-vi": None, "owner-en": None}
    for line in (case / "expected.txt").read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition(": ")
        if key == "exit":
            found["exit"] = int(value)
        elif key == "code":
            found["codes"].append(value)
        elif key == "expect":
            found["codes"] += re.findall(r"\[([a-z0-9-]+)\]", value)
        elif key == "args":
            found["args"] = value.split()
        elif key in ("owner-vi", "owner-en"):
            found[key] = value
    return found


def materialize(case: Path, folder: Path) -> list[str]:
    """The shipped data with the case's mistake made; the texts of the files (the data a message may
    quote)."""
    for name in DATA_NAMES:
        shutil.copy(DATA / name, folder / name)
    if (case / "edits.json").exists():
        for e in json.loads((case / "edits.json").read_text(encoding="utf-8")):
            target = folder / e["file"]
            text = target.read_text(encoding="utf-8")
            assert e["old"] in text, f"{case.name}: {e['old']!r} not in {e['file']}"
            target.write_text(text.replace(e["old"], e["new"], 1), encoding="utf-8")
    for name in DATA_NAMES:
        if (case / name).exists():
            shutil.copy(case / name, folder / name)
        if (case / f"{name}.missing").exists():
            (folder / name).unlink()
    return [p.read_bytes().decode("utf-8", errors="replace") for p in folder.glob("*.yaml")]


def _vocabulary() -> list[str]:
    """The schemas' own words (field names, allowed values) and the kinds of item an ID starts with
    (task:1.1): data, in either language."""
    words: list[str] = ["task", "duty", "note", "review", "inspection"]

    def collect(node: Any) -> None:
        if isinstance(node, dict):
            words.extend(str(k) for k in node.get("properties", {}))
            words.extend(str(v) for v in node.get("enum", []))
            if "const" in node:
                words.append(str(node["const"]))
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    for model in SCHEMA_MODELS.values():
        collect(model.model_json_schema())
    return words


VOCABULARY = _vocabulary()


def _params() -> list[Any]:
    params = []
    for case in CASES:
        expected = _expected(case)
        for lang in ("vi", "en"):
            marks = []
            if owner := expected[f"owner-{lang}"]:
                marks.append(pytest.mark.xfail(strict=True, reason=f"not converted yet: {owner}"))
            params.append(pytest.param(case, lang, id=f"{case.parent.name}/{case.name}-{lang}", marks=marks))
    return params


@pytest.mark.parametrize(("case", "lang"), _params())
def test_a_broken_file_is_told_in_one_language(case: Path, lang: str, tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    expected = _expected(case)
    data = Data([*materialize(case, tmp_path), str(tmp_path)], VOCABULARY)
    result = run("--lang", lang, "validate", "--data", str(tmp_path), *expected["args"])
    said = result.stdout.replace(f"{tmp_path}/", "") + result.stderr
    assert result.code == expected["exit"], said
    for code in expected["codes"]:
        assert f"[{code}]" in said, f"{code} not in:\n{said}"
    assert "Traceback" not in said
    if lang == "vi":
        assert not english_left(said, data), english_left(said, data)
        assert not run_of_english(said, data)
    else:
        assert not vietnamese_left(said, data), vietnamese_left(said, data)


# --- the detector itself: it finds what it is meant to find, and passes what is data ------------------

LEAKS_IN_VIETNAMESE = [
    "plan.yaml:61:5: error[yaml-syntax]: không đọc được YAML ở đây (did not find expected '-' indicator, "
    "while parsing a block collection: 61)",
    "plan.yaml:3:1: error[invalid-value] tasks: List should have at least 1 item after validation, not 0",
    "plan.yaml:3:1: error[invalid-value] tasks[12].number: hãy viết một giá trị khớp mẫu ^(?:\\d+|[IVXLC]+)$",
    "progress.yaml:2:3: error[invalid-date] entries[0].date: '10/6/2021' is not a real date",
    "tthc: không đọc được ('did not find expected key')",  # English hidden in quotes, not in the files
    "CÓ LỖI: 1 error(s)",
]


@pytest.mark.parametrize("output", LEAKS_IN_VIETNAMESE)
def test_the_detector_finds_english_in_vietnamese(output: str) -> None:
    assert english_left(output, Data(["entries:\n  - {date: 10/6/2021}\n"], VOCABULARY))


def test_the_detector_finds_a_library_message_as_a_run() -> None:
    data = Data([], VOCABULARY)
    assert run_of_english(LEAKS_IN_VIETNAMESE[0], data) and run_of_english(LEAKS_IN_VIETNAMESE[1], data)


def test_the_detector_passes_vietnamese_and_the_data_it_quotes() -> None:
    output = (
        "progress.yaml:3:23: error[invalid-date] entries[1].date: Mục nhật ký thứ 2, ngày: '31/6/2021' "
        "không phải ngày có thật: tháng 6/2021 chỉ có 30 ngày\n"
        "      3 |   - {id: '1.1', date: 31/6/2021, status: done}\n"
        "plan.yaml:362:13: error[invalid-value] tasks[12].number: Mục 9a, số thứ tự: '9a' không phải số thứ "
        "tự hợp lệ ở đây; hãy viết số mục như văn bản in: 8, 1.1, 2.a, IV.2 hoặc a)\n"
        "units.yaml:54:11: error[invalid-value] units[10].type: Đơn vị 'Sở Y tế', loại: 'sở' không được phép "
        "ở đây; hãy viết một trong: office, centre, department\n"
        "CÓ LỖI: 3 lỗi, 0 cảnh báo trong 5 tệp\n"
    )
    data = Data(
        ["entries:\n  - {id: '1.1', date: 31/6/2021}\n", "number: '9a'\nname: Sở Y tế\ntype: sở\n"],
        VOCABULARY,
    )
    assert english_left(output, data) == [] and run_of_english(output, data) == []


def test_the_detector_finds_vietnamese_in_english_outside_quotes() -> None:
    data = Data(["text: Trước ngày 31/6/2021\n"], VOCABULARY)
    assert not vietnamese_left("Item 8, deadline: 'Trước ngày 31/6/2021' is not a real date", data)
    assert vietnamese_left("Mục 8, deadline: 'Trước ngày 31/6/2021' is not a real date", data)
    assert vietnamese_left("FAILED: 1 lỗi", data)


# --- a field indented wrong is not a field to delete ----------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "said", "not_said"),
    [
        ("vi", "'text' là trường của 'deadline' (dòng 86), không phải của cấp này: thụt lề sai; "
         "thêm 2 dấu cách", "xoá"),
        ("en", "'text' is a field of 'deadline' (line 86), not of this level: it is indented wrong; "
         "indent it 2 more spaces to put it under 'deadline'", "remove it"),
    ],
)  # fmt: skip
def test_a_field_dedented_out_of_its_mapping_is_said_to_be_indented_wrong(  # type: ignore[no-untyped-def]
    lang: str, said: str, not_said: str, tmp_path: Path, run
) -> None:
    """`text:` of 1.1's deadline typed at the deadline's own indent: the file's reader sees a task with
    an unknown field `text` and an empty deadline. Advice to delete the unknown field would lose the
    deadline; the field belongs to `deadline` and wants two more spaces."""
    materialize(CORPUS / "broken" / "yaml-dedented-field-under-its-empty-mapping", tmp_path)
    result = run("--lang", lang, "validate", "--data", str(tmp_path))
    assert result.code == 1
    line = next(x for x in result.stdout.splitlines() if "[unknown-field]" in x)
    assert "plan.yaml:87:5: error[unknown-field]" in line
    assert said in line and not_said not in line


def test_an_unknown_field_after_a_full_mapping_is_still_unknown(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    """A misspelt field after a mapping that has its own fields, and that the mapping does not take, is
    an unknown field at its own level (remove it or check the spelling), not an indentation."""
    materialize(CORPUS / "broken" / "misspelt-appendix-field", tmp_path)
    text = (tmp_path / "plan.yaml").read_text(encoding="utf-8")
    (tmp_path / "plan.yaml").write_text(
        text.replace("    deliverable: Quyết định của UBND tỉnh.\n", "    colour: xanh\n", 1),
        encoding="utf-8",
    )
    result = run("--lang", "en", "validate", "--data", str(tmp_path))
    line = next(x for x in result.stdout.splitlines() if "unknown field 'colour'" in x)
    assert "remove it or check the spelling" in line and "indented" not in line
