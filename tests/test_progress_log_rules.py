"""The progress log's rules not pinned elsewhere, each problem whole (file, line, field, code,
severity, message): an item done while parts are open, a standing responsibility marked done, dates
before the plan or a year after it, a reopening of what was never done, the field of an entry that
names nothing (its id, unit or period), and a unit's file named after no unit."""

from __future__ import annotations

from datetime import date

import pytest

from tthc_cli import i18n
from tthc_cli.data.checks_progress import LATE_ENTRY_DAYS
from tthc_cli.data.dataset import Loaded, assemble
from tthc_cli.domain.problems import format_path
from tthc_cli.present.messages import message

from .conftest import shipped_files

Row = tuple[str, int, str, str, str, str]


@pytest.fixture(autouse=True)
def _english() -> None:
    i18n.activate("en")


def rows(result: Loaded) -> list[Row]:
    return [
        (d.file, d.line, format_path(d.path), d.code, d.severity.value, message(d)) for d in result.problems
    ]


def logged(*entries: str, today: date = date(2021, 12, 31), **unit_files: str) -> Loaded:
    files = {
        **shipped_files(),
        "progress.yaml": ("entries:\n" + "".join(f"  - {e}\n" for e in entries)).encode(),
    }
    for slug, body in unit_files.items():
        files[f"progress/{slug}.yaml"] = ("entries:\n" + body).encode()
    return assemble(files, today=today)


def test_an_item_recorded_done_while_its_rows_are_open_names_them() -> None:
    result = logged(
        '{id: "inspection:I.1", date: 2021-06-01, status: done}',
        '{id: "inspection:I.2", date: 2021-06-20, status: done}',  # after the item's own 'done'
        '{id: "task:6", date: 2021-06-10, status: done}',
    )
    (found,) = result.problems
    assert (found.file, found.line, format_path(found.path), found.code, found.severity.value) == (
        "progress.yaml",
        4,
        "entries[2].status",
        "done-with-open-parts",
        "error",
    )
    assert found.args["item"] == "task:6" and found.args["count"] == 16 and found.args["total"] == 17
    parts = found.args["parts"]
    assert isinstance(parts, tuple) and parts[0] == "inspection:I.2" and "inspection:I.1" not in parts


def test_an_item_recorded_done_the_day_its_last_row_is_done_is_fine() -> None:
    rows_done = [f'{{id: "inspection:{r}", date: 2021-06-10, status: done}}' for r in _inspection_rows()]
    assert rows(logged(*rows_done, '{id: "task:6", date: 2021-06-10, status: done}')) == []


def _inspection_rows() -> list[str]:
    return [f"I.{n}" for n in range(1, 6)] + [f"II.{n}" for n in range(1, 13)]


def test_a_standing_responsibility_recorded_done_is_questioned() -> None:
    assert rows(logged('{id: "duty:IV.1/so-y-te", date: 2021-06-10, status: done}')) == [
        (
            "progress.yaml",
            2,
            "entries[0].status",
            "standing-done",
            "warning",
            "duty:IV.1/so-y-te is a standing responsibility, never done; record what happened as a note "
            "instead",
        )
    ]


def test_dates_before_the_plan_or_a_year_after_it_are_questioned() -> None:
    assert LATE_ENTRY_DAYS == 366
    result = logged(
        '{id: "review:1", date: 2020-12-31, status: note}',
        '{id: "review:2", date: 2023-01-01, status: note}',  # 366 days after 31/12/2021: fine
        '{id: "review:3", date: 2023-01-02, status: note}',
        today=date(2023, 6, 1),
    )
    assert [(r[1], r[2], r[3], r[4]) for r in rows(result)] == [
        (2, "entries[0].date", "before-plan", "error"),
        (4, "entries[2].date", "long-after-plan", "warning"),
    ]


def test_reopening_what_was_never_done_is_questioned_and_undoes_nothing() -> None:
    result = logged(
        '{id: "review:1", date: 2021-05-01, status: reopened}',
        '{id: "review:2", date: 2021-05-01, status: done}',
        '{id: "review:2", date: 2021-05-02, status: reopened}',
        '{id: "review:2", date: 2021-05-03, status: done}',  # done again after a reopening: fine
    )
    assert [(r[1], r[2], r[3], r[4]) for r in rows(result)] == [
        (2, "entries[0].status", "reopened-not-done", "warning")
    ]


@pytest.mark.parametrize(
    ("entry", "field"),
    [
        ('{id: "duty:IV.9", unit: "Sở Y tế", date: 2021-05-01, status: note}', "id"),
        ('{id: "task:1.1", unit: "Sở Y tế", date: 2021-05-01, status: note}', "unit"),
        ('{id: "task:8", unit: "Sở Y tế", period: 2021-Q2, date: 2021-05-01, status: note}', "period"),
        ('{id: "task:8", unit: "Sở Ngoại vụ", period: 2021-Q2, date: 2021-05-01, status: note}', "unit"),
        ('{id: "task:1.1", period: 2021-Q2, date: 2021-05-01, status: note}', "period"),
        ('{id: "duty:IV.9", date: 2021-05-01, status: note}', "id"),
    ],
    ids=[
        "unknown-item",
        "unit-of-unsplit",
        "period-of-unit-split",
        "wrong-unit-and-period",
        "period-of-unsplit",
        "id",
    ],
)
def test_an_entry_naming_nothing_is_pointed_at_the_field_that_does(entry: str, field: str) -> None:
    (found,) = logged(entry).problems
    assert (found.code, format_path(found.path)) == ("unknown-id", f"entries[0].{field}")


def test_a_units_file_named_after_no_unit_suggests_the_slugs_it_may_mean() -> None:
    result = logged(**{"so-y-tee": '  - {id: "review:6", date: 2021-06-01, status: note}\n'})
    (found,) = result.problems
    assert (found.file, found.code, found.variant) == ("progress/so-y-tee.yaml", "unit-file", "unknown")
    assert found.args == {"slug": "so-y-tee", "suggestions": ("so-y-te",)}
    far = logged(**{"zz": '  - {id: "review:6", date: 2021-06-01, status: note}\n'}).problems[0]
    assert far.args == {"slug": "zz", "suggestions": ()}
    # The first six letters are what is compared: 'so-y-tx' still means so-y-te.
    near = logged(**{"so-y-tx": '  - {id: "review:6", date: 2021-06-01, status: note}\n'}).problems[0]
    assert near.args == {"slug": "so-y-tx", "suggestions": ("so-y-te",)}


def test_a_units_file_suggests_at_most_three_slugs() -> None:
    found = logged(**{"ubnd-huyen": '  - {id: "review:6", date: 2021-06-01, status: note}\n'}).problems[0]
    assert found.args["suggestions"] == (
        "ubnd-huyen-binh-giang",
        "ubnd-huyen-cam-giang",
        "ubnd-huyen-gia-loc",
    )


def test_an_entry_in_a_units_file_reported_by_another_unit_names_both() -> None:
    result = logged(**{"so-y-te": '  - {id: "review:6", date: 2021-06-01, status: note, by: "Sở Tư pháp"}\n'})
    assert rows(result) == [
        (
            "progress/so-y-te.yaml",
            2,
            "entries[0].by",
            "unit-file",
            "error",
            "this file holds Sở Y tế's reports, but the entry says it was reported by 'Sở Tư pháp'; "
            "record it in that unit's file or in progress.yaml",
        )
    ]
