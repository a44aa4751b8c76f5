"""Cross-file rules, each problem whole: the file, line, field, code, severity and the message people
read (in English here: the msgids; the Vietnamese catalogue is tested in test_i18n). Each case breaks
one rule of the shipped plan or a fixture plan and lists every problem it gets."""

from __future__ import annotations

from pathlib import Path

import pytest

from tthc_cli import i18n
from tthc_cli.datafiles import list_data_files
from tthc_cli.dataset import LoadResult, assemble

from .conftest import edit, load_with

FIXTURES = Path(__file__).resolve().parent / "fixtures"

Row = tuple[str, int, str, str, str, str]  # file, line, field path, code, severity, message


@pytest.fixture(autouse=True)
def _english() -> None:
    i18n.activate("en")


def rows(result: LoadResult) -> list[Row]:
    return [(d.file, d.line, d.path, d.code, d.severity.value, d.message) for d in result.diagnostics]


def log(*ids: str, day: str = "2021-05-20") -> str:
    return "entries:\n" + "".join(f'  - {{id: "{i}", date: {day}, status: started}}\n' for i in ids)


def fixture_with_log(name: str, text: str) -> LoadResult:
    root = FIXTURES / name
    files: dict[str, bytes | None] = {
        n: (root / n).read_bytes() for n in list_data_files(str(root)) if (root / n).exists()
    }
    return assemble({**files, "progress.yaml": text.encode()})


# --- IDs and groupings ---------------------------------------------------------------------------


def test_a_grouping_declared_twice_and_the_tasks_left_without_theirs() -> None:
    result = load_with(plan_yaml=edit("plan.yaml", '  - number: "3"\n', '  - number: "1"\n'))
    unknown = "grouping '3' is not declared under 'groupings'"
    assert rows(result) == [
        ("plan.yaml", 53, "groupings[1].number", "duplicate-id", "error", "grouping 1 is declared twice"),
        ("plan.yaml", 115, "tasks[3].grouping", "unknown-grouping", "error", unknown),
        ("plan.yaml", 138, "tasks[4].grouping", "unknown-grouping", "error", unknown),
        ("plan.yaml", 192, "tasks[5].grouping", "unknown-grouping", "error", unknown),
    ]


def test_a_task_number_used_twice_points_at_the_second_number() -> None:
    result = load_with(plan_yaml=edit("plan.yaml", '  - number: "1.2"\n', '  - number: "1.1"\n'))
    assert rows(result) == [
        (
            "plan.yaml",
            77,
            "tasks[1].number",
            "duplicate-id",
            "error",
            "task:1.1 is used twice (first at tasks.0); renumber one of them",
        )
    ]


def test_a_duty_number_used_twice_points_at_the_second_number() -> None:
    result = load_with(plan_yaml=edit("plan.yaml", "  - number: IV.4\n", "  - number: IV.3\n"))
    assert rows(result) == [
        (
            "plan.yaml",
            448,
            "duties[3].number",
            "duplicate-id",
            "error",
            "duty:IV.3 is used twice (first at duties.2); renumber one of them",
        )
    ]


def test_an_appendix_row_number_used_twice_points_at_its_stt() -> None:
    result = load_with(appendix_review_yaml=edit("appendix_review.yaml", "  - stt: 2\n", "  - stt: 1\n"))
    assert rows(result) == [
        (
            "appendix_review.yaml",
            30,
            "rows[1].stt",
            "duplicate-id",
            "error",
            "review:1 is used twice (first at rows.0); renumber one of them",
        )
    ]


# --- IDs in the progress log ---------------------------------------------------------------------


def test_unknown_ids_in_the_log_get_the_nearest_ids_or_the_way_to_list_them() -> None:
    result = load_with(progress_yaml=log("task:1.9", "zzz", "task:3", "task:1.1/x"))
    assert rows(result) == [
        (
            "progress.yaml",
            2,
            "entries[0].id",
            "unknown-id",
            "error",
            "no item has the ID 'task:1.9'; did you mean task:1.2, task:1.1, task:9?",
        ),
        (
            "progress.yaml",
            3,
            "entries[1].id",
            "unknown-id",
            "error",
            "no item has the ID 'zzz' (tthc list shows every ID)",
        ),
        (
            "progress.yaml",
            4,
            "entries[2].id",
            "unknown-id",
            "error",
            "'task:3' is a heading, not an item; use one of task:3.1, task:3.2, task:3.3",
        ),
        (
            "progress.yaml",
            5,
            "entries[3].id",
            "unknown-id",
            "error",
            "task:1.1 has no obligation 'task:1.1/x'",
        ),
    ]


def test_an_obligation_the_item_does_not_have() -> None:
    far = "duty:IV.1/" + "x" * 32
    result = load_with(progress_yaml=log("duty:IV.1/so-y-tex", far, "duty:IV.1"))
    how = (
        "duty:IV.1 binds each unit separately: record progress for a unit (--unit / `unit:`, e.g. "
        "'Văn phòng UBND tỉnh'; 29 units), e.g. duty:IV.1/van-phong-ubnd-tinh"
    )
    assert rows(result) == [
        (
            "progress.yaml",
            2,
            "entries[0].id",
            "unknown-id",
            "error",
            "duty:IV.1 has no obligation 'duty:IV.1/so-y-tex'; did you mean duty:IV.1/so-y-te, "
            "duty:IV.1/so-xay-dung, duty:IV.1/so-noi-vu?",
        ),
        (
            "progress.yaml",
            3,
            "entries[1].id",
            "unknown-id",
            "error",
            f"duty:IV.1 has no obligation '{far}' ({how})",
        ),
        ("progress.yaml", 4, "entries[2].id", "obligation-address", "error", how),
    ]


def test_an_item_split_by_unit_and_period_is_addressed_by_both() -> None:
    result = fixture_with_log(
        "son-ha-2023", log("task:5", "task:5/so-tu-phap/2023-Q9", "duty:IV", day="2023-05-20")
    )
    how = (
        "task:5 binds each unit separately: record progress for a unit (--unit / `unit:`, e.g. 'Sở Tư pháp'; "
        "3 units) and a period (--period / `period:`: 2023-Q1, 2023-Q2, 2023-Q3, 2023-Q4), "
        "e.g. task:5/so-tu-phap/2023-Q1"
    )
    assert rows(result) == [
        ("progress.yaml", 2, "entries[0].id", "obligation-address", "error", how),
        (
            "progress.yaml",
            3,
            "entries[1].id",
            "unknown-id",
            "error",
            "task:5 has no obligation 'task:5/so-tu-phap/2023-Q9'; did you mean task:5/so-tu-phap/2023-Q4, "
            "task:5/so-tu-phap/2023-Q3, task:5/so-tu-phap/2023-Q2?",
        ),
        # Only tasks have headings: "duty:IV" is no heading of duty:IV.1 …
        (
            "progress.yaml",
            4,
            "entries[2].id",
            "unknown-id",
            "error",
            "no item has the ID 'duty:IV'; did you mean duty:IV.1?",
        ),
    ]


def test_a_recurring_item_is_addressed_by_its_period() -> None:
    result = fixture_with_log("an-lac-2022", log("task:3", day="2022-05-20"))
    assert rows(result) == [
        (
            "progress.yaml",
            2,
            "entries[0].id",
            "obligation-address",
            "error",
            "task:3 recurs: record progress for a period (--period / `period:`: 2022-M01, 2022-M02, "
            "2022-M03, 2022-M04 …), e.g. task:3/2022-M01",
        )
    ]
