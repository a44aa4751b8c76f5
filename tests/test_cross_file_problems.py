"""Cross-file rules, each problem whole: the file, line, field, code, severity and the message people
read (in English here: the msgids; the Vietnamese catalogue is tested in test_i18n). Each case breaks
one rule of the shipped plan or a fixture plan and lists every problem it gets."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tthc_cli import i18n
from tthc_cli.data.dataset import Loaded, assemble
from tthc_cli.data.files import list_data_files
from tthc_cli.domain.problems import format_path
from tthc_cli.present.messages import message

from .conftest import DATA, edit, load_with

APPENDICES = ("appendix_review.yaml", "appendix_inspection.yaml")

FIXTURES = Path(__file__).resolve().parent / "fixtures"

Row = tuple[str, int, str, str, str, str]  # file, line, field path, code, severity, message


@pytest.fixture(autouse=True)
def _english() -> None:
    i18n.activate("en")


def rows(result: Loaded) -> list[Row]:
    return [
        (d.file, d.line, format_path(d.path), d.code, d.severity.value, message(d)) for d in result.problems
    ]


def log(*ids: str, day: str = "2021-05-20") -> str:
    return "entries:\n" + "".join(f'  - {{id: "{i}", date: {day}, status: started}}\n' for i in ids)


def fixture_with_log(name: str, text: str) -> Loaded:
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
        ("plan.yaml", 63, "groupings[1].number", "duplicate-id", "error", "grouping 1 is declared twice"),
        ("plan.yaml", 128, "tasks[3].grouping", "unknown-grouping", "error", unknown),
        ("plan.yaml", 151, "tasks[4].grouping", "unknown-grouping", "error", unknown),
        ("plan.yaml", 220, "tasks[5].grouping", "unknown-grouping", "error", unknown),
    ]


def test_a_task_number_used_twice_points_at_the_second_number() -> None:
    result = load_with(plan_yaml=edit("plan.yaml", '  - number: "1.2"\n', '  - number: "1.1"\n'))
    assert rows(result) == [
        (
            "plan.yaml",
            90,
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
            502,
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
            34,
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
        "'Sở Công Thương'; 29 units), e.g. duty:IV.1/so-cong-thuong"
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


# --- names in the plan, the appendices and the registry ------------------------------------------

NOT_REGISTERED = (
    "'{name}' is not a registered {what} in units.yaml{hint} (or add it there as a name or alias)"
)
LEAD = "refs: [Văn phòng UBND tỉnh]"


def unknown(name: str, hint: str = "", what: str = "unit or group") -> str:
    return NOT_REGISTERED.format(name=name, what=what, hint=hint)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("Văn phòng UBND tỉnhh", unknown("Văn phòng UBND tỉnhh", "; did you mean 'Văn phòng UBND tỉnh'?")),
        ("Zzzz qqq", unknown("Zzzz qqq")),
        (  # three names at most
            "UBND huyện",
            unknown(
                "UBND huyện",
                "; did you mean 'UBND huyện Bình Giang', 'UBND huyện Cẩm Giàng', 'UBND huyện Gia Lộc'?",
            ),
        ),
    ],
)
def test_an_unknown_lead_is_named_with_the_closest_registered_names(typed: str, message: str) -> None:
    result = load_with(plan_yaml=edit("plan.yaml", LEAD, f"refs: [{typed}]"))
    assert rows(result) == [("plan.yaml", 81, "tasks[0].lead.refs[0]", "unknown-unit", "error", message)]


def test_a_name_split_at_its_commas_at_the_end_of_a_flow_list() -> None:
    result = load_with(plan_yaml=edit("plan.yaml", LEAD, "refs: [Sở Y tế, Sở Tư pháp, Các sở, ban, ngành]"))
    split = (
        "'{ref}' is part of the name 'Các sở, ban, ngành', split at its commas: a flow list [a, b] splits on "
        "every comma, so write names with commas as a block list, one '- name' per line"
    )
    assert rows(result) == [
        ("plan.yaml", 81, f"tasks[0].lead.refs[{j}]", "comma-split-name", "error", split.format(ref=ref))
        for j, ref in ((2, "Các sở"), (3, "ban"), (4, "ngành"))
    ]


def test_the_units_of_an_obliging_note_are_checked_like_a_tasks() -> None:
    """A note's lead, support and reporters name registered units too (they were once left unchecked,
    and the shipped note of section IV split a group's name at its commas unseen)."""
    note = (
        "text: các cơ quan, đơn vị, địa phương\n      refs:\n"
        "        - Các cơ quan, đơn vị, địa phương có liên quan\n"
    )
    flow = (
        "text: các cơ quan, đơn vị, địa phương\n      refs: [Các cơ quan, đơn vị, địa phương, Sở Khôngcó]\n"
    )
    result = load_with(plan_yaml=edit("plan.yaml", note, flow))
    split = (
        "'{ref}' is part of the name 'Các cơ quan, đơn vị, địa phương', split at its commas: a flow list "
        "[a, b] splits on every comma, so write names with commas as a block list, one '- name' per line"
    )
    assert [row[2:5] for row in rows(result)] == [
        ("obligations[1].lead.refs[0]", "comma-split-name", "error"),
        ("obligations[1].lead.refs[1]", "comma-split-name", "error"),
        ("obligations[1].lead.refs[2]", "comma-split-name", "error"),
        ("obligations[1].lead.refs[3]", "unknown-unit", "error"),
    ]
    assert rows(result)[0][5] == split.format(ref="Các cơ quan")


def test_an_alias_in_lower_case_after_another_is_a_name_split_at_its_commas() -> None:
    alias = "    aliases:\n      - Các cơ quan, đơn vị, địa phương\n"
    result = load_with(
        units_yaml=edit("units.yaml", alias, "    aliases: [Các cơ quan, đơn vị, địa phương]\n")
    )
    assert [row[1:5] for row in rows(result)] == [
        (line, f"groups[8].aliases[{j}]", "comma-split-name", "warning") for line, j in ((241, 1), (241, 2))
    ]
    assert rows(result)[0][5].startswith("'đơn vị' starts in lower case")
    group = "Các cơ quan, đơn vị, địa phương có liên quan"  # the group whose alias it is, for tools
    assert [p.args for p in result.problems] == [
        {"ref": "đơn vị", "name": group},
        {"ref": "địa phương", "name": group},
    ]
    # One alias in lower case alone is a name as the source writes it, not a piece of one.
    single = edit(
        "units.yaml",
        alias,
        "    aliases: [các cơ quan, đơn vị, địa phương]\n".replace(", đơn vị, địa phương", ""),
    )
    assert rows(load_with(units_yaml=single)) == []


def test_appendix_rows_name_one_registered_unit() -> None:
    result = load_with(
        appendix_review_yaml=edit(
            "appendix_review.yaml", "    unit: Sở Công thương\n", "    unit: Sở Công thươngg\n"
        ),
        appendix_inspection_yaml=edit(
            "appendix_inspection.yaml",
            "{stt: 2, unit: Sở Giao thông vận tải}",
            "{stt: 2, unit: UBND cấp huyện}",
        ),
    )
    assert rows(result) == [
        (
            "appendix_inspection.yaml",
            29,
            "blocks[0].rows[1].unit",
            "group-in-appendix",
            "error",
            "'UBND cấp huyện' is a group; an appendix row names one unit",
        ),
        (
            "appendix_review.yaml",
            24,
            "rows[0].unit",
            "unknown-unit",
            "error",
            unknown("Sở Công thươngg", "; did you mean 'Sở Công Thương'?", "unit"),
        ),
    ]


def test_registry_part_of_and_names_that_read_alike() -> None:
    units = edit("units.yaml", "    part_of: Văn phòng UBND tỉnh\n", "    part_of: Văn phòng UBND tỉnhx\n")
    result = load_with(units_yaml=units.replace("aliases: [Sở GTVT]", "aliases: [Sở GTVT, Sở Y tế]"))
    assert rows(result) == [
        (
            "units.yaml",
            42,
            "units[1].part_of",
            "unknown-unit",
            "error",
            "part_of 'Văn phòng UBND tỉnhx' is not a registered unit",
        ),
        (
            "units.yaml",
            62,
            "units[7].name",
            "ambiguous-name",
            "error",
            "'Sở Y tế' reads the same as a name of 'Sở Giao thông vận tải'; "
            "names and aliases must tell units apart",
        ),
    ]


def test_note_rows_must_be_a_range_of_the_blocks_rows() -> None:
    text = edit("appendix_inspection.yaml", "rows: [10, 12]", "rows: [12, 10]").replace(
        "rows: [5, 9]", "rows: [5, 13]"
    )
    result = load_with(appendix_inspection_yaml=text)
    assert rows(result) == [
        (
            "appendix_inspection.yaml",
            54,
            "blocks[1].notes[1].rows",
            "note-rows",
            "error",
            "rows [5, 13] are not a range of this block's rows",
        ),
        (
            "appendix_inspection.yaml",
            58,
            "blocks[1].notes[2].rows",
            "note-rows",
            "error",
            "rows [12, 10] are not a range of this block's rows",
        ),
    ]


# --- appendices and the tasks they detail --------------------------------------------------------

REVIEW_TASK = 'task: "3.2"'


def test_an_appendix_naming_a_task_that_does_not_exist() -> None:
    result = load_with(appendix_review_yaml=edit("appendix_review.yaml", REVIEW_TASK, 'task: "3.9"'))
    assert rows(result) == [
        ("appendix_review.yaml", 11, "task", "unknown-task", "error", "task 3.9 does not exist in plan.yaml"),
        (
            "plan.yaml",
            202,
            "tasks[4].appendix",
            "appendix-link",
            "error",
            "task 3.2 says 'appendix: review' but that appendix belongs to task 3.9",
        ),
    ]


def test_an_appendix_naming_a_task_that_does_not_name_it_back() -> None:
    result = load_with(appendix_review_yaml=edit("appendix_review.yaml", REVIEW_TASK, 'task: "3.1"'))
    assert rows(result) == [
        (
            "appendix_review.yaml",
            11,
            "task",
            "appendix-link",
            "error",
            "task 3.1 does not declare 'appendix: review' in plan.yaml",
        ),
        (
            "plan.yaml",
            202,
            "tasks[4].appendix",
            "appendix-link",
            "error",
            "task 3.2 says 'appendix: review' but that appendix belongs to task 3.1",
        ),
    ]


def test_a_task_naming_an_appendix_file_that_is_not_there() -> None:
    result = load_with(appendix_review_yaml=None)
    assert rows(result) == [
        (
            "plan.yaml",
            202,
            "tasks[4].appendix",
            "appendix-link",
            "error",
            "task 3.2 says 'appendix: review' but there is no appendix_review.yaml "
            "(appendices here: appendix_inspection.yaml)",
        ),
        (
            "units.yaml",
            231,
            "groups[6].appendix",
            "appendix-link",
            "warning",
            "group 'Các cơ quan được giao nhiệm vụ chủ trì thực hiện rà soát, "
            "đơn giản hóa thủ tục hành chính' "
            "takes its members from appendix_review.yaml, which this plan folder does not have "
            "(the group has no members until it does)",
        ),
    ]


def test_two_appendices_with_one_number() -> None:
    result = load_with(appendix_review_yaml=edit("appendix_review.yaml", "number: I\n", "number: II\n"))
    assert rows(result) == [
        (
            "appendix_review.yaml",
            9,
            "number",
            "duplicate-id",
            "error",
            "Phụ lục II is also appendix_inspection.yaml; each appendix has its own number",
        )
    ]


def test_each_unit_on_an_open_ended_lead_is_warned_about() -> None:
    lead = "refs:\n        - Các cơ quan, đơn vị, địa phương có liên quan\n    each_unit: true"
    result = load_with(plan_yaml=edit("plan.yaml", LEAD, lead))
    assert rows(result) == [
        (
            "plan.yaml",
            83,
            "tasks[0].each_unit",
            "each-unit-open",
            "warning",
            "each_unit: true, but every lead is an open-ended group: there is no unit to split it between; "
            "name the units or a definite group",
        )
    ]


# --- dates in the progress log -------------------------------------------------------------------


def test_dates_before_the_plan_long_after_it_and_out_of_order() -> None:
    entries = [
        '{id: "review:1", date: 2020-12-31, status: started}',
        '{id: "review:2", date: 2023-01-02, status: started}',
        '{id: "review:3", date: 2021-05-20, status: started}',
        '{id: "review:3", date: 2021-05-10, status: done}',
        '{id: "review:4", date: 2021-05-10, status: reopened}',
        '{id: "review:5", date: 2023-01-01, status: note, note: x}',  # a year and a day: still believable
    ]
    result = load_with(progress_yaml="entries:\n" + "".join(f"  - {e}\n" for e in entries))
    assert rows(result) == [
        (
            "progress.yaml",
            2,
            "entries[0].date",
            "before-plan",
            "error",
            "31/12/2020 is before the plan period starts (01/01/2021)",
        ),
        (
            "progress.yaml",
            3,
            "entries[1].date",
            "long-after-plan",
            "warning",
            "02/01/2023 is more than a year after the plan period ended (31/12/2021); check the date",
        ),
        (
            "progress.yaml",
            5,
            "entries[3].date",
            "done-before-start",
            "error",
            "review:3 is recorded done on 10/05/2021, before it started (20/05/2021)",
        ),
        (
            "progress.yaml",
            5,
            "entries[3].date",
            "out-of-order",
            "warning",
            "review:3: dated 10/05/2021, before the previous entry for it (20/05/2021); "
            "keep the log in date order",
        ),
        (
            "progress.yaml",
            6,
            "entries[4].status",
            "reopened-not-done",
            "warning",
            "review:4 is not done, so it cannot be reopened",
        ),
    ]


def test_unknown_names_in_a_duty_lead_and_support() -> None:
    plan = edit("plan.yaml", "      refs: [Sở Tài chính]\n", "      refs: [Sở Tài chínhh]\n")
    plan = plan.replace("        - các sở, ngành, cơ quan liên quan\n", "        - Zzzz qqq\n", 1)
    assert rows(load_with(plan_yaml=plan)) == [
        (
            "plan.yaml",
            509,
            "duties[3].lead.refs[0]",
            "unknown-unit",
            "error",
            unknown("Sở Tài chínhh", "; did you mean 'Sở Tài chính'?"),
        ),
        ("plan.yaml", 513, "duties[3].support.refs[0]", "unknown-unit", "error", unknown("Zzzz qqq")),
    ]


def test_a_split_name_is_told_apart_from_unknown_names_beside_it() -> None:
    result = load_with(plan_yaml=edit("plan.yaml", LEAD, "refs: [Zzzz qqq, Các sở, ban, ngành, Xxxx yyy]"))
    split = (
        "'{ref}' is part of the name 'Các sở, ban, ngành', split at its commas: a flow list [a, b] splits on "
        "every comma, so write names with commas as a block list, one '- name' per line"
    )
    assert rows(result) == [
        ("plan.yaml", 81, "tasks[0].lead.refs[0]", "unknown-unit", "error", unknown("Zzzz qqq")),
        *[
            ("plan.yaml", 81, f"tasks[0].lead.refs[{j}]", "comma-split-name", "error", split.format(ref=ref))
            for j, ref in ((1, "Các sở"), (2, "ban"), (3, "ngành"))
        ],
        ("plan.yaml", 81, "tasks[0].lead.refs[4]", "unknown-unit", "error", unknown("Xxxx yyy")),
    ]


def test_an_obligation_of_an_item_that_does_not_exist() -> None:
    assert rows(load_with(progress_yaml=log("task:99/so-y-te"))) == [
        (
            "progress.yaml",
            2,
            "entries[0].id",
            "unknown-id",
            "error",
            "no item has the ID 'task:99/so-y-te'; did you mean task:8/so-y-te, task:8/so-xay-dung, "
            "task:8/so-noi-vu?",
        )
    ]


def test_each_unit_on_an_open_ended_lead_in_a_duty_and_an_obligation() -> None:
    plan = edit(
        "plan.yaml",
        "      text: Văn phòng UBND tỉnh\n      refs: [Văn phòng UBND tỉnh]\n",
        "      text: Văn phòng UBND tỉnh\n      refs:\n"
        "        - Các cơ quan, đơn vị, địa phương có liên quan\n    each_unit: true\n",
    )
    plan = plan.replace(
        "      refs:\n        - Các cơ quan, đơn vị, địa phương có liên quan\n    # Conditional",
        "      refs:\n        - Các cơ quan, đơn vị, địa phương có liên quan\n"
        "    each_unit: true\n    # Conditional",
    )
    warning = (
        "each_unit: true, but every lead is an open-ended group: there is no unit to split it between; "
        "name the units or a definite group"
    )
    assert rows(load_with(plan_yaml=plan)) == [
        ("plan.yaml", 523, "duties[4].each_unit", "each-unit-open", "warning", warning),
        ("plan.yaml", 565, "obligations[1].each_unit", "each-unit-open", "warning", warning),
    ]


def test_an_appendix_that_names_no_task_leaves_its_task_unanswered() -> None:
    result = load_with(appendix_review_yaml=edit("appendix_review.yaml", f"{REVIEW_TASK}\n", ""))
    assert rows(result) == [
        (
            "plan.yaml",
            202,
            "tasks[4].appendix",
            "appendix-link",
            "error",
            "task 3.2 says 'appendix: review' but that appendix belongs to task (none)",
        )
    ]


def test_tasks_naming_appendices_when_there_are_none_or_others() -> None:
    none = rows(load_with(appendix_review_yaml=None, appendix_inspection_yaml=None))
    assert [r[5] for r in none if r[3] == "appendix-link" and r[0] == "plan.yaml"] == [
        "task 3.2 says 'appendix: review' but there is no appendix_review.yaml (appendices here: none)",
        "task 6 says 'appendix: inspection' but there is no appendix_inspection.yaml (appendices here: none)",
    ]
    renamed = rows(load_with(plan_yaml=edit("plan.yaml", "appendix: review", "appendix: reviews")))
    assert [r[5] for r in renamed if r[0] == "plan.yaml"] == [
        "task 3.2 says 'appendix: reviews' but there is no appendix_reviews.yaml "
        "(appendices here: appendix_review.yaml, appendix_inspection.yaml)"
    ]


def test_an_alias_that_reads_as_another_units_name_points_at_the_alias() -> None:
    units = edit(
        "units.yaml",
        "  - name: Sở Y tế\n    type: department\n",
        "  - name: Sở Y tế\n    type: department\n    aliases: [Sở GTVT]\n",
    )
    assert rows(load_with(units_yaml=units)) == [
        (
            "units.yaml",
            64,
            "units[7].aliases[0]",
            "ambiguous-name",
            "error",
            "'Sở GTVT' reads the same as a name of 'Sở Giao thông vận tải'; "
            "names and aliases must tell units apart",
        )
    ]


def test_group_members_scopes_names_and_aliases_are_checked_too() -> None:
    units = edit(
        "units.yaml",
        "  - name: Sở Y tế\n    type: department\n",
        "  - name: Sở Y tế\n    type: department\n    aliases: [SỞ Y TẾ]\n",  # its own name: fine
    )
    units = units.replace("members: [Báo Hải Dương]", "members: [Báo Hải Dươngg]")
    units = units.replace(
        "    scope:\n      - Các sở, ban, ngành thuộc UBND tỉnh\n", "    scope:\n      - Zzzz qqq\n"
    )
    units += "  - name: SỞ TƯ PHÁP\n    kind: open\n    aliases: [Sở Nội vụ]\n"
    alike = "'{text}' reads the same as a name of '{owner}'; names and aliases must tell units apart"
    assert rows(load_with(units_yaml=units)) == [
        (
            "units.yaml",
            226,
            "groups[5].members[0]",
            "unknown-unit",
            "error",
            unknown("Báo Hải Dươngg", "; did you mean 'Báo Hải Dương', 'UBND thành phố Hải Dương'?"),
        ),
        (
            "units.yaml",
            228,
            "groups[5].inferred_members[0].name",
            "inferred-member",
            "error",
            "'Báo Hải Dương' is marked as an inferred member of "
            "'Các cơ quan thông tin truyền thông của tỉnh' but is not among its `members`; list it there too",
        ),
        ("units.yaml", 248, "groups[9].scope[0]", "unknown-unit", "error", unknown("Zzzz qqq")),
        ("units.yaml", 279, "groups[12].scope[0]", "unknown-unit", "error", unknown("Zzzz qqq")),
        (
            "units.yaml",
            283,
            "groups[14].name",
            "ambiguous-name",
            "error",
            alike.format(text="SỞ TƯ PHÁP", owner="Sở Tư pháp"),
        ),
        (
            "units.yaml",
            285,
            "groups[14].aliases[0]",
            "ambiguous-name",
            "error",
            alike.format(text="Sở Nội vụ", owner="Sở Nội vụ"),
        ),
    ]


def test_a_group_that_contains_itself() -> None:
    units = edit(
        "units.yaml",
        "    members: [UBND cấp huyện, UBND cấp xã]\n  - name: Bộ phận",
        "    members: [UBND cấp huyện, UBND cấp xã, UBND các cấp]\n  - name: Bộ phận",
    )
    assert rows(load_with(units_yaml=units)) == [
        (
            "units.yaml",
            206,
            "groups[3].members",
            "group-cycle",
            "error",
            "group 'UBND các cấp' contains itself through its members",
        )
    ]


NOTES = (DATA / "appendix_inspection.yaml").read_text(encoding="utf-8")


def test_notes_in_any_order_may_touch_and_cover_one_row() -> None:
    swapped = swap_first_notes("[5, 9]", "[1, 4]").replace("rows: [10, 12]", "rows: [10, 10]")
    assert rows(load_with(appendix_inspection_yaml=swapped)) == []


def swap_first_notes(first: str, second: str) -> str:
    """Block II's notes with its first two notes' rows given."""
    text = NOTES.replace("rows: [1, 4]", "rows: [@]").replace("rows: [5, 9]", f"rows: {second}")
    return text.replace("rows: [@]", f"rows: {first}")


@pytest.mark.parametrize(
    ("text", "line", "note"),
    [
        (NOTES.replace("rows: [10, 12]", "rows: [2, 3]"), 58, 2),  # inside the first note, after another
        (swap_first_notes("[5, 9]", "[1, 5]"), 54, 1),  # its last row is the earlier note's first
    ],
)
def test_a_note_covering_rows_of_another_note(text: str, line: int, note: int) -> None:
    assert rows(load_with(appendix_inspection_yaml=text)) == [
        (
            "appendix_inspection.yaml",
            line,
            f"blocks[1].notes[{note}].rows",
            "note-rows",
            "error",
            "this note covers rows another note covers",
        )
    ]


def test_progress_log_problems_whole() -> None:
    entries = [
        '{id: "review:1", date: 2021-01-01, status: started}',  # the plan's first day: fine
        '{id: "review:1", date: 2021-06-03, status: done}',
        '{id: "review:2", date: 2021-05-20, status: done}',
        '{id: "review:2", date: 2021-05-21, status: started}',
        '{id: "review:2", date: 2021-05-22, status: done}',
        '{id: "review:2", date: 2021-05-22, status: done}',
        '{id: "review:3", date: 2021-05-20, status: note, note: a}',
        '{id: "review:3", date: 2021-05-10, status: note, note: b}',
        '{id: "review:3", date: 2021-05-15, status: note, note: c}',  # still before the latest
        '{id: "review:4", date: 2021-05-20, status: started}',
        '{id: "review:4", date: 2021-05-20, status: done}',  # done the day it started: fine
    ]
    files = {n: (DATA / n).read_bytes() for n in ("plan.yaml", *APPENDICES, "units.yaml")}
    log_text = "entries:\n" + "".join(f"  - {e}\n" for e in entries)
    result = assemble({**files, "progress.yaml": log_text.encode()}, today=date(2021, 6, 2))
    done = "review:2 is already done ({day}); append 'reopened' {where}"
    earlier = (
        "review:3: dated {day}, before the previous entry for it (20/05/2021); keep the log in date order"
    )
    assert rows(result) == [
        (
            "progress.yaml",
            3,
            "entries[1].date",
            "future-entry",
            "error",
            "03/06/2021 is after today (02/06/2021); record progress once it has happened",
        ),
        (
            "progress.yaml",
            5,
            "entries[3].status",
            "started-after-done",
            "warning",
            done.format(day="20/05/2021", where="first"),
        ),
        (
            "progress.yaml",
            6,
            "entries[4].status",
            "done-twice",
            "warning",
            done.format(day="20/05/2021", where="in between"),
        ),
        ("progress.yaml", 7, "entries[5]", "duplicate-entry", "warning", "the same entry appears twice"),
        (
            "progress.yaml",
            7,
            "entries[5].status",
            "done-twice",
            "warning",
            done.format(day="22/05/2021", where="in between"),
        ),
        ("progress.yaml", 9, "entries[7].date", "out-of-order", "warning", earlier.format(day="10/05/2021")),
        ("progress.yaml", 10, "entries[8].date", "out-of-order", "warning", earlier.format(day="15/05/2021")),
    ]
