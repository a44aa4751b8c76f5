"""The schemas' problems, each with its own code and facts and never Pydantic's words: dates read as the
office writes them, every date problem of a file in one run, a value's expected shape said in words
and examples (never a regular expression), the models' own rules by name."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from tthc_cli import i18n
from tthc_cli.data.dataset import Loaded
from tthc_cli.data.models import SCHEMA_MODELS
from tthc_cli.data.schema_check import PATTERN_VARIANTS, PATTERNS, read_date
from tthc_cli.domain.problems import Problem
from tthc_cli.present.messages import message
from tthc_cli.present.places import described

from .conftest import edit, load_with

HEAD = "entries:\n"


def log(*dates: str) -> str:
    return HEAD + "".join(f"  - {{id: '1.1', date: {d}, status: started}}\n" for d in dates)


def found(result: Loaded, file: str = "progress.yaml") -> list[tuple[int, str, str]]:
    return [(p.line, p.code, p.variant) for p in result.problems if p.file == file]


def test_two_bad_dates_are_two_problems_in_one_run() -> None:
    result = load_with(progress_yaml=log("2021-06-31", "1622505600", "2021-06-01"))
    assert found(result) == [(2, "invalid-date", "day"), (3, "invalid-date", "timestamp")]


@pytest.mark.parametrize("written", ["2021-06-10", "10/6/2021", "10/06/2021", "10.6.2021", "10-6-2021"])
def test_a_date_is_read_as_the_office_and_the_command_line_write_it(written: str) -> None:
    result = load_with(progress_yaml=log(written))
    assert result.plan is not None, [message(p) for p in result.problems]
    assert result.plan.progress[0].date == date(2021, 6, 10)


@pytest.mark.parametrize(
    ("written", "variant", "words"),
    [
        ("2021-02-30", "day", "'2021-02-30' không phải ngày có thật: tháng 2/2021 chỉ có 28 ngày"),
        ("29/2/2021", "day", "tháng 2/2021 chỉ có 28 ngày"),
        ("31.6.2021", "day", "tháng 6/2021 chỉ có 30 ngày"),
        ("0/6/2021", "day", "tháng 6/2021 chỉ có 30 ngày"),
        ("2021-13-01", "month", "'2021-13-01' không phải ngày có thật: không có tháng 13"),
        ("1/13/2021", "month", "không có tháng 13"),
        ("1/0/2021", "month", "không có tháng 0"),
        ("1899-12-31", "year", "nằm ngoài khoảng năm tthc đọc được (1900–2999)"),
        ("1/1/3000", "year", "(1900–2999)"),
        ("1622505600", "timestamp", "dấu thời gian Unix"),
        ("2021-06-01T00:00:00Z", "time", "giờ trong ngày"),
        ("'2021-06-01 08:00'", "time", "giờ trong ngày"),
        ("mùng 1 tháng 6", "form", "hãy viết YYYY-MM-DD hoặc D/M/YYYY, ví dụ 2021-06-30 hoặc 30/6/2021"),
        ("[2021-06-01]", "form", "một danh sách không phải ngày"),
        ("true", "form", "'true' không phải ngày"),
    ],
)
def test_a_date_that_is_not_one_says_why_in_each_form(written: str, variant: str, words: str) -> None:
    result = load_with(progress_yaml=log(written))
    (p,) = [p for p in result.problems if p.file == "progress.yaml"]
    assert (p.code, p.variant, p.line) == ("invalid-date", variant, 2)
    assert words in message(p)
    assert described(p).startswith("Mục nhật ký thứ 1, ngày: ")


def test_dates_are_read_wherever_the_schema_has_one() -> None:
    plan = edit("plan.yaml", "  year: 2021\n", "  year: 2021\n  date: 12/2/2021\n")
    plan = plan.replace(
        "      text: Xong trước tháng 6 năm 2021.\n",
        "      text: Xong trước tháng 6 năm 2021.\n      due: 31/5/2021\n",
    )
    result = load_with(plan_yaml=plan)
    assert result.plan is not None, [message(p) for p in result.problems]
    bad = load_with(
        plan_yaml=plan.replace("due: 31/5/2021", "due: 31/4/2021").replace("12/2/2021", "30/2/2021")
    )
    assert [(p.code, p.variant) for p in bad.errors] == [("invalid-date", "day")] * 2


def test_read_date_keeps_every_date_the_command_line_reads() -> None:
    assert read_date("2021-06-30") == read_date("30/6/2021") == read_date("30.06.2021") == date(2021, 6, 30)
    assert read_date("1900-01-01") == date(1900, 1, 1) and read_date("31/12/2999") == date(2999, 12, 31)
    assert isinstance(read_date("٣/6/2021"), Problem)  # digits of other scripts are not ASCII digits


@pytest.mark.parametrize(
    ("replace", "where", "words"),
    [
        (
            {"plan_yaml": "plan:\n  title: x\n  year: 2021\ntasks: []\n"},
            "tasks",
            "kế hoạch cần ít nhất một nhiệm vụ",
        ),
        ({"units_yaml": "units: []\n"}, "units", "danh sách đơn vị cần ít nhất một đơn vị"),
    ],
)
def test_an_empty_list_says_what_it_needs(replace: dict[str, str], where: str, words: str) -> None:
    result = load_with(**replace)
    said = {(".".join(map(str, p.path)), message(p)) for p in result.errors}
    assert (where, words) in said, said


def test_every_pattern_of_the_schemas_has_words_and_examples() -> None:
    """No message shows a regular expression: every pattern the models use is known by its shape."""
    patterns: set[str] = set()

    def collect(node: Any) -> None:
        if isinstance(node, dict):
            if "pattern" in node:
                patterns.add(node["pattern"])
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    for model in SCHEMA_MODELS.values():
        collect(model.model_json_schema())
    assert patterns <= set(PATTERNS), patterns - set(PATTERNS)
    i18n.activate("en")
    for variant in PATTERN_VARIANTS:
        said = message(Problem("invalid-value", (("found", "text"), ("text", "9a")), variant))
        assert "e.g." in said and not re.search(r"[\^$\\]|\(\?", said), said


@pytest.mark.parametrize(
    ("file", "old", "new", "variant", "words"),
    [
        (
            "plan.yaml",
            '  - number: "9"',
            '  - number: "9a"',
            "item-number",
            "hãy viết số mục như văn bản in: 8, 1.1, 2.a",
        ),
        (
            "units.yaml",
            "    kind: listed\n",
            "    kind: listed\n    scope: [x]\n",
            "group-scope",
            "chỉ nhóm loại 'open' mới nhận phạm vi",
        ),
        (
            "plan.yaml",
            "  year: 2021\n",
            "  year: 2021\n  period: {start: 2021-12-31, end: 2021-01-01}\n",
            "period-reversed",
            "",
        ),
    ],
)
def test_the_models_rules_and_shapes_are_named(
    file: str, old: str, new: str, variant: str, words: str
) -> None:
    result = load_with(**{file.replace(".", "_"): edit(file, old, new)})
    (p,) = result.errors
    assert (p.code, p.variant) == ("invalid-value", variant)
    assert words in message(p)


def test_wrong_types_say_what_was_wanted_and_found() -> None:
    result = load_with(appendix_review_yaml=edit("appendix_review.yaml", "  - stt: 6\n", "  - stt: [6]\n"))
    (p,) = result.errors
    assert (p.code, p.args["want"], p.args["found"]) == ("wrong-type", "whole-number", "list")
    # The row's own number is what is wrong: the row is named by its position.
    row = "Phụ lục I, dòng thứ 6 trong danh sách, số thứ tự dòng"
    assert described(p) == f"{row}: cần một số nguyên, nhưng gặp một danh sách"


def test_no_message_says_pydantics_words() -> None:
    """Pydantic's sentences ('List should have at least 1 item after validation', 'Input should be')
    never reach a person."""
    broken = [
        {"plan_yaml": "plan:\n  title: ''\n  year: 1999\ntasks: []\nextra: 1\n"},
        {
            "units_yaml": "units:\n  - {name: A, type: x, requires_type: maybe}\n"
            "groups: [{name: G, kind: open, members: [A]}]\n"
        },
        {"progress_yaml": "entries:\n  - {id: 1, date: 2021-06-01, status: nope, note: [a]}\n"},
    ]
    for replace in broken:
        for lang in ("vi", "en"):
            i18n.activate(lang)
            errors = load_with(**replace).errors
            assert errors, replace  # else the words below were never looked at
            for p in errors:
                said = message(p)
                for pydantic in ("should", "Input", "Value error", "validation", "Field required", "^"):
                    assert pydantic not in said, said
