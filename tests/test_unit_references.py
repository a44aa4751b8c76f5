"""Every name of a unit or group the plan writes is a registered one: who reports for an item is
checked like its lead, and an appendix row, which names one unit, says 'unit' when it names none."""

from __future__ import annotations

import pytest

from tthc_cli import i18n
from tthc_cli.data.dataset import Loaded
from tthc_cli.domain.problems import format_path
from tthc_cli.present.messages import message

from .conftest import edit, load_with


@pytest.fixture(autouse=True)
def _english() -> None:
    i18n.activate("en")


def rows(result: Loaded) -> list[tuple[str, int, str, str, str, str]]:
    return [
        (d.file, d.line, format_path(d.path), d.code, d.severity.value, message(d)) for d in result.problems
    ]


def test_who_reports_for_an_item_must_be_a_registered_unit_or_group() -> None:
    reporter = "        refs: [Văn phòng UBND tỉnh]\n        inferred:\n          basis: Điều 2.2"
    result = load_with(
        plan_yaml=edit("plan.yaml", reporter, reporter.replace("Văn phòng UBND tỉnh", "Văn phòng UBND tỉnhh"))
    )
    assert rows(result) == [
        (
            "plan.yaml",
            213,
            "tasks[4].reporting.by.refs[0]",
            "unknown-unit",
            "error",
            "'Văn phòng UBND tỉnhh' is not a registered unit or group in units.yaml; did you mean 'Văn phòng "
            "UBND tỉnh'? (or add it there as a name or alias)",
        )
    ]


def test_an_appendix_row_naming_no_unit_says_a_unit_is_wanted() -> None:
    result = load_with(
        appendix_review_yaml=edit("appendix_review.yaml", "unit: Sở Y tế\n", "unit: Sở Y tê\n")
    )
    assert rows(result) == [
        (
            "appendix_review.yaml",
            72,
            "rows[5].unit",
            "unknown-unit",
            "error",
            "'Sở Y tê' is not a registered unit in units.yaml; did you mean 'Sở Y tế'? (or add it there as a "
            "name or alias)",
        )
    ]
