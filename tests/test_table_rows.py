"""What each table a person reads holds, row by row: the items of a list, what one unit owes, the
shares of one item; the deadline as the plan writes it beside the rule that dates it; the status and
ID columns; and the plain table drawn at a width, leaving columns out in order and saying which."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import date

import pytest

from tthc_cli import i18n
from tthc_cli.domain.accountability import Assignment, UnitFigures
from tthc_cli.domain.plan import AppendixInfo, Regulation, Role, plan_meta
from tthc_cli.domain.status import ItemStatus, Status
from tthc_cli.present import tables as T

from .small_plans import SNV, SO, STP, SYT, due_on, item

META = plan_meta(
    title="Kế hoạch thử",
    year=2021,
    appendices=(
        AppendixInfo("review", "I", "Danh mục rà soát", "task:3.2"),
        AppendixInfo("inspection", "II", "Danh mục kiểm tra", "task:6", Role.INSPECTED),
    ),
)
SATURDAY = date(2021, 7, 31)  # moved to Monday 02/08/2021


@pytest.fixture(autouse=True)
def _english() -> None:
    i18n.activate("en")


# --- the deadline and the due date ----------------------------------------------------------------


def test_a_due_date_moved_by_a_day_off_is_shown_with_its_effective_date() -> None:
    assert T.due_cell(item("task:1", deadline=due_on(SATURDAY, effective=date(2021, 8, 2)))) == (
        "31/07/2021 (effective due date 02/08/2021)"
    )
    assert T.due_cell(item("task:1", deadline=due_on(date(2021, 7, 30)))) == "30/07/2021"
    assert T.due_cell(item("task:1")) == "—"
    assert T.due_words(date(2021, 7, 30), None) == "30/07/2021"
    assert (T.dmy(date(2021, 1, 2)), T.dmy(None)) == ("02/01/2021", "")


def test_the_deadline_is_the_plans_words_with_the_rule_that_dates_it_as_the_rules() -> None:
    rule = Regulation("Trước ngày 14 của tháng cuối quý", "Nghị định 09/2019/NĐ-CP, Điều 12")
    task = item("task:5", deadline=due_on(date(2021, 3, 14)), regulation=rule)
    said = (
        "Trước ngày 14/03/2021 [regulation: Trước ngày 14 của tháng cuối quý — Nghị định 09/2019/NĐ-CP, "
        "Điều 12]"
    )
    assert T.deadline_text(task) == said
    assert (
        T.deadline_text(task, basis=False)
        == "Trước ngày 14/03/2021 [regulation: Trước ngày 14 của tháng cuối quý]"
    )
    assumed = replace(task, regulation=rule._replace(assumed=True))
    assert T.deadline_text(assumed, basis=False) == (
        "Trước ngày 14/03/2021 [regulation: Trước ngày 14 của tháng cuối quý, assumed]"
    )
    assert T.deadline_text(assumed) == said  # in full: its basis says what is assumed


def test_a_deadline_stated_nowhere_or_tentative_says_so() -> None:
    bare = item("duty:IV.2")
    assert T.deadline_text(bare) == "(none stated)"
    tentative = item("task:9", deadline=replace(due_on(date(2021, 9, 30)), tentative=True))
    assert T.deadline_text(tentative) == "Trước ngày 30/09/2021 [tentative]"
    assert T.deadline_text(tentative, basis=False) == "Trước ngày 30/09/2021 [tentative]"


# --- the items of a list ----------------------------------------------------------------------------


def test_a_list_of_items_starts_with_the_documents_numbering() -> None:
    task = item("task:1", support=(STP, SO), deadline=due_on(SATURDAY, effective=date(2021, 8, 2)))
    inspected = item(
        "inspection:II.3",
        lead=(SNV,),
        support=(STP,),
        appendix="inspection",
        unit=SYT,
        unit_role=Role.INSPECTED,
        number="II.3",
    )
    table = T.item_table([task, inspected], META, labels={"task": "Task", "inspection": "App. II"})
    assert table.headers == ("Item no.", "Kind", "Item", "Lead", "Coordinating / unit", "Deadline", "Due")
    assert table.rows == (
        (
            "Item 1",
            "Task",
            "Việc 1",
            SYT,
            f"{STP}; {SO}",
            "Trước ngày 31/07/2021",
            "31/07/2021 (effective due date 02/08/2021)",
        ),
        ("App. II – II.3", "App. II", "Việc II.3", SNV, SYT, "(none stated)", "—"),
    )
    # On a narrow terminal the kind, the phrase and the coordinators go; then the texts shrink, so that
    # the lead stays beside the due date; only then the text goes, and the lead last.
    assert (table.widths, table.one_line, table.drop, table.content) == (
        (T.LABEL_WIDTH, 14, 60, 24, 24, 22, 14),
        (2,),
        (1, 5, 4, T.SHRINK, 2, 3),
        2,
    )
    assert (table.status_at, table.id_at, table.codes) == (None, None, ())


def test_a_list_of_overdue_items_gives_up_the_due_date_before_the_texts_shrink() -> None:
    # Overdue (its days late): the due date goes after the coordinators, which its days late say.
    late = T.Extra("days_late", "Days late", [4], [4])
    table = T.item_table([item("task:1")], META, extra=[late])
    assert table.drop == (1, 5, 4, 6, T.SHRINK, 2, 3)
    other = T.item_table([item("task:1")], META, extra=[T.Extra("note", "Note", ["x"], ["x"])])
    assert other.drop == (1, 5, 4, T.SHRINK, 2, 3)


def test_without_labels_a_list_shows_the_kind_codes() -> None:
    table = T.item_table([item("review:3", appendix="review", unit=SYT, unit_role=Role.LEAD)], META)
    assert table.rows[0][:2] == ("App. I – 3 (Sở Y tế)", "review")


def _statuses(*pairs: tuple[str, Status]) -> dict[str, ItemStatus]:
    return {i: ItemStatus(item(i), s) for i, s in pairs}


def test_a_status_column_brings_each_rows_code_and_an_id_column_is_last() -> None:
    items = [item("task:1"), item("task:2")]
    sts = {
        "task:1": ItemStatus(items[0], Status.OVERDUE, days_late=3),
        "task:2": ItemStatus(items[1], Status.IN_PROGRESS, children_done=2, children_total=5),
    }
    table = T.item_table(items, META, extra=[T.status_extra(items, sts)], ids=True)
    assert table.headers[-2:] == ("Status", "ID")
    assert [row[-2:] for row in table.rows] == [
        ("Overdue", "task:1"),
        ("In progress (2/5 sub-items done)", "task:2"),
    ]
    assert (table.status_at, table.id_at, table.codes) == (7, 8, ("overdue", "in_progress"))
    assert table.widths == (T.LABEL_WIDTH, 14, 60, 24, 24, 22, 14, 16)


def test_the_status_of_each_item_for_tools_holds_its_code_word_and_figures() -> None:
    items = [item("task:1")]
    st = ItemStatus(
        items[0], Status.DONE_LATE, done_on=date(2021, 6, 3), days_late=3, children_done=1, children_total=1
    )
    column = T.status_extra(items, {"task:1": st})
    assert (column.key, column.header, column.cells) == (
        "status",
        "Status",
        ["Done late (1/1 sub-items done)"],
    )
    assert column.data == [
        {
            "code": "done_late",
            "label": "Done late",
            "done_on": "2021-06-03",
            "days_late": 3,
            "children_done": 1,
            "children_total": 1,
            "reported_by": None,  # who reported the completion: said where a group's member reported it
        }
    ]


def test_who_reported_a_completion_is_said_only_on_the_rows_of_a_groups_work() -> None:
    items = [item("task:1"), item("task:2"), item("task:3"), item("task:4")]
    sts = {
        "task:1": ItemStatus(items[0], Status.DONE_ON_TIME, done_by=SNV),
        "task:2": ItemStatus(items[1], Status.DONE_ON_TIME, done_by=SYT),
        "task:3": ItemStatus(items[2], Status.DONE_ON_TIME),
        "task:4": ItemStatus(items[3], Status.DONE_ON_TIME, done_by=STP),
    }
    # task:1 and task:3 are the group's work; task:2 the unit's own; task:4 has no flag at all.
    column = T.status_extra(items, sts, [True, False, True])
    assert column.cells == [
        "Done on time — reported by Sở Nội vụ",
        "Done on time",
        "Done on time",
        "Done on time",
    ]
    assert [d["reported_by"] for d in column.data] == [SNV, SYT, None, STP]


def test_an_added_column_that_is_neither_status_nor_id_keeps_those_places() -> None:
    base = T.item_table([item("task:1")], META, ids=True)
    added = base.add(T.Extra("days_late", "Days late", [4], [4]))
    assert added.headers[-1] == "Days late" and added.rows[0][-1] == 4
    assert (added.status_at, added.id_at, added.codes) == (None, 7, ())
    with pytest.raises(ValueError):
        base.add(T.Extra("days_late", "Days late", [4, 5], [4, 5]))  # one value per row, never more


def test_the_id_column_holds_what_progress_add_takes() -> None:
    column = T.id_extra([item("task:1"), item("duty:IV.2/so-y-te")])
    assert (column.key, column.header, column.cells, column.data) == (
        "id",
        "ID",
        ["task:1", "duty:IV.2/so-y-te"],
        ["task:1", "duty:IV.2/so-y-te"],
    )


# --- what one unit owes --------------------------------------------------------------------------------


def _row(
    role: Role = Role.LEAD, via: str | None = None, basis: str | None = None, **fields: object
) -> Assignment:
    return Assignment(item("task:1", **fields), role, via, True, via is None, basis)


@pytest.mark.parametrize(
    ("fields", "detail"),
    [
        ({"domains": ("Hộ tịch", "Chứng thực"), "block": "A", "note": "n"}, "Domains: Hộ tịch; Chứng thực"),
        ({"block": "II", "note": "Kiểm tra 3 xã"}, "Block II — Kiểm tra 3 xã"),
        ({"block": "II"}, "Block II"),
        ({"note": "Ghi chú riêng", "deliverable": "Báo cáo"}, "Ghi chú riêng"),
        ({"deliverable": "Quyết định của UBND tỉnh"}, "Quyết định của UBND tỉnh"),
        ({}, ""),
    ],
    ids=["domains", "block-and-note", "block", "note", "deliverable", "nothing"],
)
def test_a_units_row_gives_the_detail_that_matters_for_its_kind(
    fields: dict[str, object], detail: str
) -> None:
    (row,) = T.unit_table([_row(**fields)], META).rows
    assert row[4] == detail


def test_a_units_rows_say_its_role_the_group_it_comes_through_and_why_it_belongs() -> None:
    rows = [
        _row(Role.LEAD, deadline=due_on(date(2021, 5, 31))),
        _row(Role.SUPPORT, via=SO),
        _row(Role.LEAD, via="Khối nội chính", basis="Mục 4"),
        Assignment(item("duty:IV.2/so-y-te", parent="duty:IV.2", unit=SYT), Role.LEAD, None, True, True),
    ]
    table = T.unit_table(rows, META)
    assert table.headers == ("Item no.", "Role", "Through group", "Item", "Details", "Deadline", "Due")
    assert [r[:3] for r in table.rows] == [
        ("Item 1", "Lead", ""),
        ("Item 1", "Coordinating", SO),
        ("Item 1", "Lead", "Khối nội chính (inferred from Mục 4)"),
        ("Item IV.2", "Lead", ""),  # the unit's own share: the table is the unit's, its name is not repeated
    ]
    assert table.rows[0][3:] == ("Việc 1", "", "Trước ngày 31/05/2021", "31/05/2021")
    assert (table.widths, table.one_line, table.drop, table.content) == (
        (T.LABEL_WIDTH, 14, 26, 60, 30, 22, 14),
        (3, 4),
        (4, 5, T.SHRINK, 2, 1),  # details, phrase; the texts shrink; the group it comes through, the role
        3,
    )
    assert (table.status_at, table.id_at) == (None, None)


def test_a_units_table_with_statuses_and_ids() -> None:
    rows = [_row(Role.LEAD)]
    sts = {"task:1": ItemStatus(rows[0].item, Status.DUE_SOON)}
    table = T.unit_table(rows, META, sts, ids=True)
    assert table.headers[-2:] == ("Status", "ID") and table.rows[0][-2:] == ("Due soon", "task:1")
    assert (table.status_at, table.id_at, table.codes) == (7, 8, ("due_soon",))


def test_a_units_csv_and_json_carry_its_role_group_and_whether_it_owes_the_row() -> None:
    rows = [_row(Role.LEAD), _row(Role.SUPPORT, via=SO)]
    sts = {"task:1": ItemStatus(rows[0].item, Status.NOT_DUE)}
    csv_rows = list(csv.reader(io.StringIO(T.unit_csv(rows, sts))))
    header = csv_rows[0]
    assert header[12:14] == ["status", "status_label"]  # the status first, where every CSV has it
    assert header[-4:] == ["role", "via", "definite", "own"]
    assert [r[-4:] for r in csv_rows[1:]] == [["lead", "", "true", "true"], ["support", SO, "true", "false"]]
    assert next(csv.reader(io.StringIO(T.unit_csv(rows))))[12] == "role"  # no statuses
    data = T.unit_data(SYT, rows, sts, None, date(2021, 6, 1))
    assert (data["unit"], data["as_of"], data["figures"]) == (SYT, "2021-06-01", None)
    assert [(d["role"], d["via"], d["own"], d["status"]["code"]) for d in data["items"]] == [
        ("lead", None, True, "not_due"),
        ("support", SO, False, "not_due"),
    ]


# --- the shares of one item ---------------------------------------------------------------------------


def test_the_shares_of_an_item_by_unit_name_whose_they_are() -> None:
    shares = [
        item(f"duty:IV.2/{s}", parent="duty:IV.2", unit=u, lead=(u,)) for s, u in (("a", SYT), ("b", STP))
    ]
    sts = _statuses(("duty:IV.2/a", Status.OVERDUE), ("duty:IV.2/b", Status.NOT_DUE))
    table = T.obligation_table(shares, META, sts)
    assert table.headers == ("Item no.", "Unit", "Due", "Status")
    assert table.rows == (
        ("Item IV.2 – Sở Y tế", SYT, "—", "Overdue"),
        ("Item IV.2 – Sở Tư pháp", STP, "—", "Not yet due"),
    )
    assert (table.widths, table.drop, table.content, table.status_at) == (
        (T.LABEL_WIDTH, 40, 14),
        (T.SHRINK, 1),  # the texts shrink before the unit, whose share it is, goes
        1,
        3,
    )


def test_the_shares_of_a_recurring_item_name_their_period_and_their_leads() -> None:
    shares = [
        item("task:3/2021-Q1", parent="task:3", period="2021-Q1", lead=(SO, SNV)),
        item("task:3/2021", parent="task:3", period=None, lead=(SO,)),
    ]
    sts = _statuses(("task:3/2021-Q1", Status.NOT_DUE), ("task:3/2021", Status.NOT_DUE))
    table = T.obligation_table(shares, META, sts, ids=True)
    assert table.headers == ("Item no.", "Unit", "Period", "Due", "Status", "ID")
    assert [r[1:3] for r in table.rows] == [(f"{SO}; {SNV}", "quarter I/2021"), (SO, "")]
    assert table.widths == (T.LABEL_WIDTH, 40, 20, 14) and table.id_at == 5
    assert table.drop == (2, T.SHRINK, 1)  # the period goes first, before the texts shrink


# --- the plain table at a width -----------------------------------------------------------------------


def _wide_table() -> T.Table:
    task = item(
        "task:1",
        support=(STP,),
        title="Rà soát, đánh giá thủ tục hành chính " * 3,
        deadline=due_on(date(2021, 5, 31)),
    )
    return T.item_table([task], META, labels={"task": "Task"})


def test_a_table_that_fits_keeps_every_column_and_says_nothing_more() -> None:
    drawn = T.format_table(_wide_table(), width=200)
    lines = drawn.splitlines()
    assert lines[0].startswith("+-") and lines[0] == lines[2] == lines[-1]
    assert lines[1].startswith("| Item no. | Kind | Item ")
    assert all(len(line) <= 200 for line in lines) and "hidden" not in drawn


def test_a_narrow_table_leaves_columns_out_in_order_and_names_them() -> None:
    table = _wide_table()
    fit = T.fit_columns(table, 80)
    assert fit.dropped == (1, 4, 5)  # the kind, the phrase, the coordinators; the lead stays
    assert sum(fit.sizes.values()) + 3 * len(fit.sizes) + 1 <= 80
    assert fit.sizes[2] >= T.CONTENT_ROOM - 1  # the item's text keeps its room
    drawn = T.format_table(table, width=90)
    assert drawn.splitlines()[-1] == (
        "Columns hidden: Kind, Coordinating / unit, Deadline — widen the window or use --format md"
    )
    assert all(len(line) <= 90 for line in drawn.splitlines())
    assert [T.fit_columns(table, w).dropped for w in (100, 110, 120)] == [(1, 5), (1,), ()]


def test_the_note_under_a_narrow_table_is_cut_to_fit_its_width() -> None:
    table = _wide_table()
    note = T.dropped_note(table, T.fit_columns(table, 80), 80)
    assert note == "Columns hidden: Kind, Coordinating / unit, Deadline"
    assert T.dropped_note(table, T.fit_columns(table, 400), 400) is None


def test_the_numbering_and_an_id_keep_their_least_widths() -> None:
    label = item(
        "duty:IV.2/ubnd-huyen-gia-loc/2021-Q2",
        parent="duty:IV.2",
        unit="UBND huyện Gia Lộc",
        period="2021-Q2",
    )
    table = T.item_table([label], META, ids=True)
    fit = T.fit_columns(table, 40)
    assert fit.sizes[0] == T.LABEL_NARROW  # the texts gave up their room: the numbering's narrow width
    assert fit.sizes[7] == T.ID_WIDTH  # the ID wraps rather than crowd out the rest
    assert fit.dropped == (1, 2, 3, 4, 5)
    assert T.fit_columns(table, 60).sizes[0] == T.LABEL_WIDTH  # room left: the numbering whole again


def test_a_cell_wraps_at_its_width_breaking_a_long_word_but_not_at_hyphens() -> None:
    assert T._wrap("Sở Lao động – Thương binh và Xã hội", 12) == [
        "Sở Lao động",
        "– Thương",
        "binh và Xã",
        "hội",
    ]
    assert T._wrap("abcdefghij", 4) == ["abcd", "efgh", "ij"]
    assert T._wrap("so-y-te-ubnd", 6) == ["so-y-t", "e-ubnd"]
    assert T._wrap("dòng một\n\ndòng ba", 20) == ["dòng một", "", "dòng ba"]
    assert T._wrap("", 5) == [""]


def test_a_row_is_as_tall_as_its_tallest_cell_and_short_cells_are_padded() -> None:
    table = T.Table(("A", "B"), (("x", "một hai ba bốn"),), widths=(None, 6))
    drawn = T.format_table(table, width=16).splitlines()
    assert drawn[3:6] == ["| x | một    |", "|   | hai ba |", "|   | bốn    |"]


def test_json_keeps_vietnamese_letters_and_is_indented() -> None:
    assert T.to_json({"a": ["Sở"]}) == '{\n  "a": [\n    "Sở"\n  ]\n}'
    assert json.loads(T.to_json([1])) == [1]


def test_csv_cells_are_iso_dates_and_tentative_is_a_word() -> None:
    task = item("task:1", deadline=replace(due_on(date(2021, 5, 31)), tentative=True))
    header, row = (line.split(",") for line in T.items_csv([task]).splitlines())
    cells = dict(zip(header, row, strict=True))
    assert (cells["due"], cells["tentative"], cells["start"]) == ("2021-05-31", "true", "2021-01-01")
    assert T._text(date(2021, 5, 31)) == "31/05/2021" and T._text(None) == "" and T._text(7) == "7"


def test_a_column_is_left_out_only_when_the_table_would_not_fit_to_the_character() -> None:
    table = _wide_table()
    assert [T.fit_columns(table, w).dropped for w in (107, 108, 114, 115)] == [(1, 5), (1,), (1,), ()]


def test_a_drawn_table_takes_the_whole_width_when_its_text_wants_more() -> None:
    for width in (80, 100, 115):
        lines = T.format_table(_wide_table(), width=width).splitlines()
        assert {len(line) for line in lines[:-1] if not line.startswith("Columns")} == {width}
        assert (
            lines[0]
            == "+"
            + "+".join("-" * (size + 2) for size in T.fit_columns(_wide_table(), width).sizes.values())
            + "+"
        )


def test_the_note_under_a_table_is_whole_when_it_fits_exactly() -> None:
    table = _wide_table()
    fit = T.fit_columns(table, 80)
    whole = "Columns hidden: Kind, Coordinating / unit, Deadline — widen the window or use --format md"
    assert T.dropped_note(table, fit, len(whole)) == whole
    assert T.dropped_note(table, fit, len(whole) - 1) == "Columns hidden: Kind, Coordinating / unit, Deadline"


def test_a_tables_cells_give_the_rule_that_dates_a_deadline_without_its_basis() -> None:
    rule = Regulation("Trước ngày 14", "Nghị định 09/2019/NĐ-CP")
    task = item("task:5", deadline=due_on(date(2021, 3, 14)), regulation=rule)
    cell = "Trước ngày 14/03/2021 [regulation: Trước ngày 14]"
    assert T.item_table([task], META).rows[0][5] == cell
    assert T.unit_table([Assignment(task, Role.LEAD, None, True, True)], META).rows[0][5] == cell


def test_a_units_own_row_of_an_appendix_is_numbered_without_its_name() -> None:
    row = item("review:3", appendix="review", unit=SYT, unit_role=Role.LEAD)
    assert T.unit_table([Assignment(row, Role.LEAD, None, True, True)], META).rows[0][0] == "App. I – 3"


def test_the_first_column_is_headed_as_the_document_numbers_in_vietnamese() -> None:
    i18n.activate("vi")
    share = item("duty:IV.2/a", parent="duty:IV.2", unit=SYT)
    assert T.unit_table([], META).headers[0] == "Mục"
    assert T.obligation_table([share], META, _statuses(("duty:IV.2/a", Status.NOT_DUE))).headers[0] == "Mục"
    assert T.item_table([], META).headers[0] == "Mục"


def test_a_units_json_carries_its_figures() -> None:
    figures = UnitFigures(SYT, owed=2, done_on_time=1, judged=1)
    data = T.unit_data(SYT, [], {}, figures, date(2021, 6, 1))
    assert data["figures"]["owed"] == 2 and data["figures"]["on_time_rate"] == 1.0 and data["items"] == []
