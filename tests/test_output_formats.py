"""Output formats and the views they write: each format is one registered class asking the view for
one form; a view refuses a form its command never offers; remarks go to stderr around the answer;
an item's page names its parent and parts as the document does."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tthc_cli import i18n
from tthc_cli.domain.accountability import assignments, unit_figures
from tthc_cli.domain.obligations import split_obligations
from tthc_cli.domain.plan import Role
from tthc_cli.domain.status import statuses
from tthc_cli.present import formats
from tthc_cli.present.documents import build_brief, build_report

from .small_plans import CO_LIEN_QUAN, HUYEN, SO, STP, SYT, done, due_on, item, plan, quarterly, registry

TODAY = date(2021, 6, 1)


def _plan():  # type: ignore[no-untyped-def]
    reg = registry()
    items = [
        item("task:1", lead=(SYT,), deadline=due_on(date(2021, 3, 31))),
        item("task:2", lead=(CO_LIEN_QUAN,), deadline=due_on(date(2021, 9, 30))),
        item("duty:IV.2", lead=(SO,)),
        item("task:3", lead=(HUYEN,), deadline=quarterly(quarters=(1, 2))),
        item("task:6", lead=(STP,)),
        item(
            "inspection:I.1",
            lead=(STP,),
            parent="task:6",
            appendix="inspection",
            unit=SYT,
            unit_role=Role.INSPECTED,
            number="I.1",
        ),
    ]
    return plan(
        split_obligations(items, {"duty:IV.2", "task:3"}, reg),
        reg=reg,
        progress=[done("task:1", date(2021, 3, 1))],
    )


def test_every_format_is_registered_by_its_name() -> None:
    assert sorted(formats.FORMAT_BY_NAME) == sorted(
        ["table", "md", "json", "csv", "csv-excel", "xlsx", "text", "html", "ics", "docx", "sqlite"]
    )
    assert all(f.name == name for name, f in formats.FORMAT_BY_NAME.items())


def test_a_view_refuses_a_form_its_command_never_offers() -> None:
    p = _plan()
    view = formats.RegistryView(p.registry)
    for name in ("text", "ics", "html", "docx", "sqlite"):
        with pytest.raises(TypeError, match="RegistryView has no"):
            formats.render(name, view)


def test_items_are_written_for_people_and_for_tools_with_their_status() -> None:
    p = _plan()
    sts = statuses(p, TODAY)
    view = formats.items_view("Việc của kế hoạch", [p.by_id["task:1"], p.by_id["task:2"]], p, sts, TODAY)
    data = json.loads(formats.render("json", view))
    assert [(d["id"], d["status"]["code"]) for d in data] == [
        ("task:1", "done_on_time"),
        ("task:2", "not_due"),
    ]
    table = formats.render("table", view)
    assert table.startswith("Việc của kế hoạch\n+---")
    assert "| Mục 1 | Nhiệm vụ | Việc 1 " in table and "| Chưa đến hạn " in table
    md = formats.render("md", view)
    assert md.startswith("| Mục |") and "## " not in md  # one table: no heading
    csv = formats.render("csv", view)  # for tools: column codes as headers, no BOM
    assert csv.startswith("id,kind,title,") and "task:2" in csv


def test_overdue_rows_carry_their_days_late_in_the_table_and_for_tools() -> None:
    p = _plan()
    sts = statuses(p, TODAY)
    late = [p.by_id["task:3/ubnd-huyen-gia-loc/2021-Q1"]]
    view = formats.items_view("Quá hạn", late, p, sts, TODAY, days_late=[78])
    assert json.loads(formats.render("json", view))[0]["days_late"] == 78
    section = view.sections()[0]
    assert section.table.headers[-1] == "Số ngày trễ" and section.table.rows[0][-1] == 78
    assert "Tình trạng" not in section.table.headers  # every row is overdue: the days say more
    assert "days_late" in formats.render("csv", view).splitlines()[0].split(",")


def _figures(p, sts, unit: str):  # type: ignore[no-untyped-def]
    return next(f for f in unit_figures(p, sts, TODAY) if f.unit == unit)


def test_a_units_page_puts_what_it_may_owe_through_an_open_ended_group_apart() -> None:
    p = _plan()
    sts = statuses(p, TODAY)
    rows = tuple(assignments(p, SYT))
    view = formats.UnitView(SYT, rows, p, sts, TODAY, _figures(p, sts, SYT))
    titles = [s.title for s in view.sections()]
    assert titles == [
        "Sở Y tế: phải làm 2 phần việc, được kiểm tra 1 lần; đúng hạn 1/1 (100%) "
        "(tình trạng tại ngày 01/06/2021)",
        "Có thể liên quan — giao cho nhóm không xác định: 1 việc",
    ]
    md = formats.render("md", view)
    assert md.startswith("## Sở Y tế: phải làm 2 phần việc") and "\n## Có thể liên quan" in md
    data = json.loads(formats.render("json", view))
    assert data["unit"] == SYT and data["as_of"] == "2021-06-01" and len(data["items"]) == 4
    named_only = plan([item("task:1", lead=(STP,))])
    sts = statuses(named_only, TODAY)
    view = formats.UnitView(
        STP, tuple(assignments(named_only, STP)), named_only, sts, TODAY, _figures(named_only, sts, STP)
    )
    assert [s.title for s in view.sections()] == [
        "Sở Tư pháp: phải làm 1 phần việc (tình trạng tại ngày 01/06/2021)"
    ]


def test_a_page_without_figures_counts_what_concerns_it() -> None:
    p = _plan()
    sts = statuses(p, TODAY)
    view = formats.UnitView(SO, tuple(assignments(p, SO)), p, sts, TODAY)  # a group has no figures
    assert view.sections()[0].title == "Các sở, ban, ngành: 1 việc liên quan (tình trạng tại ngày 01/06/2021)"


def test_the_missing_shares_of_an_item_are_one_titled_table() -> None:
    p = _plan()
    sts = statuses(p, TODAY)
    kids = tuple(p.children("duty:IV.2"))
    view = formats.ObligationsView("Chưa thực hiện", kids, p, sts, TODAY)
    assert formats.render("md", view).startswith("## Chưa thực hiện\n\n| ")
    assert [d["id"] for d in json.loads(formats.render("json", view))] == [k.id for k in kids]
    assert formats.render("csv", view).count("\r\n") == 1 + len(kids)


def test_the_registry_is_a_table_of_units_and_one_of_groups() -> None:
    view = formats.RegistryView(registry())
    assert [s.title for s in view.sections()] == ["Đơn vị: 5", "Nhóm: 4"]


def _page(item_id: str) -> dict[str, object]:
    p = _plan()
    found = p.by_id[item_id]
    view = formats.ItemView(found, p, statuses(p, TODAY)[item_id], (), TODAY)
    return view.context()


def test_an_items_page_names_its_shares_by_unit_and_period() -> None:
    split = _page("task:3")
    assert split["ref"] == "Mục 3"
    assert split["part_groups"] == (
        (
            "4 phần việc",
            (
                "UBND huyện Gia Lộc quý I/2021",
                "UBND huyện Gia Lộc quý II/2021",
                "UBND huyện Kim Thành quý I/2021",
                "UBND huyện Kim Thành quý II/2021",
            ),
        ),
    )
    assert split["part_counts"] == "0/4 phần việc đã xong (2 quá hạn)"
    by_unit = _page("duty:IV.2")
    assert by_unit["part_groups"] == (("3 đơn vị", ("Sở Y tế", "Sở Tư pháp", "Sở Nội vụ")),)


def test_an_items_page_names_its_appendix_rows_and_an_inspected_rows_unit() -> None:
    page = _page("task:6")
    assert page["part_groups"] == (("1 dòng phụ lục", ("PL – I.1 (Sở Y tế)",)),)
    assert page["part_counts"] == "0/1 dòng phụ lục đã xong"


def test_a_shares_page_names_its_parent_and_a_window_only_when_its_own() -> None:
    share = _page("task:3/ubnd-huyen-gia-loc/2021-Q2")
    assert share["parent"] == "Mục 3 — Việc 3"
    assert share["start"] == date(2021, 4, 1)  # the quarter's own start
    assert _page("task:1")["start"] is None  # starts with the plan: nothing to say
    assert _page("task:1")["parent"] is None
    assert _page("duty:IV.2")["start"] is None  # no due date


def test_show_says_the_preamble_before_the_answer_and_the_notes_after(capsys) -> None:  # type: ignore[no-untyped-def]
    p = _plan()
    sts = statuses(p, TODAY)
    view = formats.items_view(
        "Việc", [p.by_id["task:1"]], p, sts, TODAY, notes=["ghi chú sau"], preamble=["lưu ý trước"]
    )
    formats.show("json", view)
    captured = capsys.readouterr()
    assert captured.err == "lưu ý trước\nghi chú sau\n"
    assert json.loads(captured.out)[0]["id"] == "task:1"


@pytest.mark.parametrize(
    ("form", "said"),
    [
        ("sections", "table"),
        ("data", "JSON"),
        ("csv", "CSV"),
        ("text", "text"),
        ("calendar", "calendar"),
        ("sheet", "spreadsheet"),
        ("html", "HTML"),
        ("docx", "Word"),
        ("sqlite", "SQLite"),
    ],
)
def test_the_base_view_names_the_form_it_lacks(form: str, said: str) -> None:
    with pytest.raises(TypeError) as refused:
        getattr(formats.View(), form)()
    assert str(refused.value) == f"View has no {said} form"


def test_a_units_tables_carry_the_status_and_the_id_when_asked() -> None:
    p = _plan()
    sts = statuses(p, TODAY)
    view = formats.UnitView(SYT, tuple(assignments(p, SYT)), p, sts, TODAY, ids=True)
    definite, maybe = view.sections()
    assert definite.table.headers[-2:] == maybe.table.headers[-2:] == ("Tình trạng", "Mã")
    assert definite.table.codes and maybe.table.codes == ("not_due",)
    shares = formats.ObligationsView("Chưa xong", tuple(p.children("duty:IV.2")), p, sts, TODAY, ids=True)
    (section,) = shares.sections()
    assert section.table.headers == ("Mục", "Đơn vị", "Hạn", "Tình trạng", "Mã")
    assert section.table.rows[0][0] == "Mục IV.2 – Sở Y tế"


def test_an_items_page_gives_its_kind_in_the_documents_words_and_its_parts_as_items() -> None:
    page = _page("task:6")
    assert page["kind_label"] == "Nhiệm vụ" and [k.id for k in page["children"]] == ["inspection:I.1"]
    one = _page("duty:IV.2")
    assert one["part_groups"][0][0] == "3 đơn vị" and one["kind_label"] == "Trách nhiệm"  # no section named
    assert _page("inspection:I.1")["kind_label"] == "inspection"  # a kind the plan does not name: its code
    assert _page("inspection:I.1")["parent"] == "Mục 6 — Việc 6"


def test_an_items_page_in_english_counts_its_parts_in_english() -> None:
    i18n.activate("en")
    try:
        assert _page("task:6")["part_counts"] == "0/1 appendix row done"
        assert _page("duty:IV.2")["part_groups"][0][0] == "3 units"
        assert _page("task:3")["part_counts"] == "0/4 obligations done (2 overdue)"
    finally:
        i18n.activate(i18n.DEFAULT_LANGUAGE)


def test_a_format_writes_bytes_it_renders_as_text_and_prose_at_the_width(capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    p = _plan()
    sts = statuses(p, TODAY)
    view = formats.items_view("Lịch", [p.by_id["task:1"]], p, sts, TODAY)
    formats.show("ics", view)
    assert capsys.readouterr().out.startswith("BEGIN:VCALENDAR")
    monkeypatch.setenv("COLUMNS", "40")
    page = formats.ItemView(p.by_id["task:1"], p, sts["task:1"], (), TODAY)
    formats.show("text", page)
    shown = capsys.readouterr().out
    assert shown.startswith("Mục 1 — Việc 1") and max(len(line) for line in shown.splitlines()) <= 40


@pytest.mark.parametrize(("fmt", "name"), [("md", "report.md.j2"), ("html", "report.html.j2")])
def test_a_report_is_rendered_in_its_language_from_the_offices_templates(
    tmp_path, fmt: str, name: str
) -> None:  # type: ignore[no-untyped-def]
    p = _plan()
    sts = statuses(p, TODAY)
    (tmp_path / name).write_text(
        "{{ lang }}: {{ report.as_of }}, {{ report.counts | length }}", encoding="utf-8"
    )
    view = formats.ReportView(build_report(p, sts, TODAY), p, "en", str(tmp_path))
    assert formats.render(fmt, view) == "en: 2021-06-01, 10"


def test_a_brief_is_rendered_in_its_language_from_the_offices_templates(tmp_path) -> None:  # type: ignore[no-untyped-def]
    p = _plan()
    sts = statuses(p, TODAY)
    (tmp_path / "brief.md.j2").write_text("{{ lang }} {{ brief.week_start }}", encoding="utf-8")
    view = formats.BriefView(build_brief(p, sts, TODAY, TODAY), p, "en", str(tmp_path))
    assert formats.render("md", view) == "en 2021-05-31"


def test_the_missing_shares_carry_their_status_for_tools() -> None:
    p = _plan()
    sts = statuses(p, TODAY)
    view = formats.ObligationsView("Chưa xong", tuple(p.children("duty:IV.2")), p, sts, TODAY)
    assert {d["status"]["code"] for d in json.loads(formats.render("json", view))} == {"no_due"}
    assert "status" in formats.render("csv", view).splitlines()[0].split(",")


def test_tables_for_people_follow_each_other_each_under_its_title() -> None:
    p = _plan()
    view = formats.RegistryView(p.registry)
    drawn = formats.render("table", view)
    assert drawn.startswith("Đơn vị: 5\n+") and "+\nNhóm: 4\n+" in drawn
