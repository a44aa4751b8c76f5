"""What each unit owes, period by period: items that bind each unit separately or recur are split into
obligations, each with its own due date, status and progress; the item rolls up."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from tthc_cli.data.dataset import assemble
from tthc_cli.data.files import read_data_folder
from tthc_cli.domain.item_ids import obligation_id
from tthc_cli.domain.plan import Entry, EntryStatus, Plan
from tthc_cli.domain.status import Status, statuses
from tthc_cli.present.messages import message

FIXTURES = Path(__file__).parent / "fixtures"
AN_LAC = FIXTURES / "an-lac-2022"

PROVINCIAL = 16  # the 15 sở and Ban Quản lý các khu công nghiệp tỉnh (not Văn phòng UBND tỉnh)
DISTRICTS = 12


def _fixture(folder: Path) -> Plan:
    files, labels = read_data_folder(str(folder))
    result = assemble(files, labels)
    assert result.plan is not None, result.problems
    return result.plan


def test_iv2_binds_each_provincial_body_and_district_not_the_communes(plan: Plan) -> None:
    # Each unit's own plan; its periodic reports (reporting.yaml) are IV.2's obligations too.
    kids = [k for k in plan.children("duty:IV.2") if k.period is None]
    assert plan.by_id["duty:IV.2"].split == "unit+period"
    assert len(kids) == PROVINCIAL + DISTRICTS
    units = [k.unit for k in kids]
    assert (
        "Sở Y tế" in units
        and "UBND huyện Gia Lộc" in units
        and "Ban Quản lý các khu công nghiệp tỉnh" in units
    )
    assert all(k.lead == (k.unit,) and k.parent == "duty:IV.2" for k in kids)
    assert "UBND cấp xã" not in plan.by_id["duty:IV.2"].lead  # Điều 2.1 and item 3.1: no commune
    assert plan.by_id["duty:IV.2"].support == ()  # Văn phòng UBND tỉnh is who they report to
    assert plan.by_id["duty:IV.2/so-y-te"].id == obligation_id("duty:IV.2", "Sở Y tế")


def test_recording_two_units_rolls_up_and_leaves_the_rest_missing(plan: Plan) -> None:
    day = date(2021, 3, 15)
    logged = plan.with_progress(
        [
            Entry("duty:IV.2/so-y-te", day, EntryStatus.DONE, evidence="KH 12/KH-SYT"),
            Entry("duty:IV.2/ubnd-huyen-gia-loc", day, EntryStatus.DONE),
        ]
    )
    sts = statuses(logged, date(2021, 6, 1))
    parent = sts["duty:IV.2"]
    # Each unit's plan and its five periodic reports (four quarters and the year).
    assert (parent.children_done, parent.children_total) == (2, (PROVINCIAL + DISTRICTS) * (1 + 5))
    # On 01/06 the first quarter's reports (due 16/03) are overdue: the item stands where they do.
    assert not parent.done and parent.status is Status.OVERDUE
    assert sts["duty:IV.2/so-y-te"].done and not sts["duty:IV.2/so-noi-vu"].done
    # An undated one-off duty is not "Thường xuyên": the plan states no deadline for it.
    assert sts["duty:IV.2/so-noi-vu"].status is Status.NO_DUE


def test_missing_lists_who_has_not_delivered(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    for unit in ("Sở Y tế", "so noi vu"):
        added = run(
            "progress",
            "add",
            "IV.2",
            "--unit",
            unit,
            "--status",
            "done",
            "--date",
            "2021-03-15",
            "--data",
            str(data_dir),
        )
        assert added.code == 0, added.stderr
    log = (data_dir / "progress.yaml").read_text(encoding="utf-8")
    assert 'id: "duty:IV.2/so-y-te"' in log and 'id: "duty:IV.2/so-noi-vu"' in log
    result = run("missing", "duty:IV.2", "--data", str(data_dir), "--today", "2021-06-01", "--format", "json")
    assert result.code == 0, result.stderr
    missing = {row["id"] for row in json.loads(result.stdout)}
    # Whatever IV.2 asks of each unit: its own plan, and its periodic reports (none recorded here).
    assert len(missing) == (PROVINCIAL + DISTRICTS) * (1 + 5) - 2
    assert "duty:IV.2/so-y-te" not in missing and "duty:IV.2/ubnd-huyen-tu-ky" in missing
    assert "duty:IV.2/so-y-te/2021-Q2" in missing
    table = run("missing", "IV.2", "--data", str(data_dir), "--today", "2021-06-01")
    assert f"2/{(PROVINCIAL + DISTRICTS) * 6}" in table.stdout
    # "các sở, ban, ngành thuộc UBND tỉnh" is not listed in full: a body the registry lacks may owe it.
    assert "Các sở, ban, ngành thuộc UBND tỉnh" in table.stderr


def test_progress_add_refuses_the_item_as_a_whole_and_unknown_addresses(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    before = (data_dir / "progress.yaml").read_bytes()
    whole = run("progress", "add", "duty:IV.2", "--status", "done", "--data", str(data_dir))
    assert whole.code == 1 and "--unit" in whole.stderr
    typo = run("progress", "add", "duty:IV.2/so-y-tee", "--status", "done", "--data", str(data_dir))
    assert typo.code == 1 and "duty:IV.2/so-y-te" in typo.stderr  # the nearest address suggested
    stranger = run(
        "progress", "add", "duty:IV.2", "--unit", "Báo Hải Dương", "--status", "done", "--data", str(data_dir)
    )
    assert stranger.code == 1
    assert (data_dir / "progress.yaml").read_bytes() == before


def test_log_entries_may_name_the_unit_and_period_as_fields(data_dir: Path) -> None:
    (data_dir / "progress.yaml").write_text(
        "entries:\n"
        "  - {id: duty:IV.2, unit: so y te, date: 2021-03-15, status: done}\n"
        "  - {id: duty:IV.1, date: 2021-03-15, status: note, note: cả nhóm}\n",
        encoding="utf-8",
    )
    files, labels = read_data_folder(str(data_dir))
    result = assemble(files, labels, today=date(2021, 6, 1))
    codes = [(d.code, d.line) for d in result.problems]
    assert codes == [("obligation-address", 3)]  # IV.1 binds each unit: the entry must say whose
    files["progress.yaml"] = files["progress.yaml"].split(b"  - {id: duty:IV.1")[0]  # type: ignore[index]
    ok = assemble(files, labels, today=date(2021, 6, 1))
    assert ok.plan is not None and ok.plan.progress[0].id == "duty:IV.2/so-y-te"


def test_unit_sees_its_own_obligation_not_the_item(run) -> None:  # type: ignore[no-untyped-def]
    rows = json.loads(run("unit", "Sở Y tế", "--format", "json", "--today", "2021-06-01").stdout)["items"]
    ids = {r["id"] for r in rows}
    assert "duty:IV.2/so-y-te" in ids and "duty:IV.2" not in ids
    row = next(r for r in rows if r["id"] == "duty:IV.2/so-y-te")
    assert row["role"] == "lead" and row["status"]["code"] == "no_due"


def test_monthly_occurrences_with_their_effective_dates() -> None:
    plan = _fixture(AN_LAC)
    kids = plan.children("task:3")
    assert plan.by_id["task:3"].split == "period" and [k.period for k in kids] == [
        f"2022-M{m:02d}" for m in range(1, 13)
    ]
    eff = {k.period: k.deadline.effective_due for k in kids}
    assert eff["2022-M02"] == date(2022, 2, 21)  # 20/2/2022 a Sunday
    assert eff["2022-M04"] == date(2022, 4, 20)
    # Day 2 of each month meets Tết, 30/4–1/5 (made up on 2–3/5) and 2/9 in 2022.
    six = {
        k.period: k.deadline.effective_due for k in plan.children("task:6") if k.unit == "UBND huyện Đông Hòa"
    }
    assert len(plan.children("task:6")) == 2 * 12 and plan.by_id["task:6"].split == "unit+period"
    assert six["2022-M02"] == date(2022, 2, 7)  # Tết Nhâm Dần: 31/1–4/2
    assert six["2022-M05"] == date(2022, 5, 4)  # 30/4 and 1/5 fell on a weekend: days off 2–3/5
    assert six["2022-M09"] == date(2022, 9, 5)  # Quốc khánh 1–2/9, then the weekend
    assert all(plan.meta.period_start <= k.deadline.due <= plan.meta.period_end for k in kids)


def test_done_for_one_period_leaves_the_others_open_and_upcoming_finds_the_next() -> None:
    plan = _fixture(AN_LAC).with_progress([Entry("task:3/2022-M05", date(2022, 5, 18), EntryStatus.DONE)])
    sts = statuses(plan, date(2022, 5, 25))
    assert sts["task:3/2022-M05"].status is Status.DONE_ON_TIME
    assert sts["task:3/2022-M06"].status is Status.NOT_DUE
    assert sts["task:3/2022-M04"].status is Status.OVERDUE
    assert (sts["task:3"].children_done, sts["task:3"].children_total) == (1, 12)
    from tthc_cli.domain.queries import items_upcoming

    soon = [i.id for i in items_upcoming(plan, date(2022, 6, 10), 14, is_done=lambda i, _: sts[i.id].done)]
    assert soon[0] == "task:3/2022-M06"


def test_calendar_has_one_event_per_occurrence(run) -> None:  # type: ignore[no-untyped-def]
    from icalendar import Calendar

    result = run("export", "--format", "ics", "--data", str(AN_LAC), "--today", "2022-01-05")
    events = {str(e["uid"]) for e in Calendar.from_ical(result.stdout).walk("VEVENT")}
    assert {f"task:3/2022-M{m:02d}.an-lac-2022@tthc.kstthc" for m in range(1, 13)} <= events
    assert "task:6/ubnd-huyen-dong-hoa/2022-M09.an-lac-2022@tthc.kstthc" in events
    csv_rows = run("export", "--format", "csv", "--data", str(AN_LAC), "--today", "2022-01-05").stdout
    assert csv_rows.count("task:6/") == 24  # one row per obligation


def test_brief_names_the_units_late(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("brief", "--data", str(AN_LAC), "--today", "2022-09-06")
    assert result.code == 0
    section = result.stdout.split("Việc giao riêng")[1]
    assert "**Mục 6**" in section and "UBND huyện Đông Hòa" in section and "quá hạn" in section


def test_a_rule_added_for_theo_quy_dinh_is_marked_as_the_regulations(run) -> None:  # type: ignore[no-untyped-def]
    son_ha = FIXTURES / "son-ha-2023"
    plan = _fixture(son_ha)
    item = plan.by_id["task:5"]
    assert item.deadline.text == "Theo quy định"  # the plan's words stay as written
    assert item.regulation is not None and "09/2019" in item.regulation[1]
    q2 = plan.by_id["task:5/so-tu-phap/2023-Q2"]
    assert q2.deadline.due == date(2023, 6, 14) and q2.regulation == item.regulation
    shown = json.loads(
        run("show", "task:5/so-tu-phap/2023-Q2", "--format", "json", "--data", str(son_ha)).stdout
    )
    assert shown["deadline"]["text"] == "Theo quy định"
    assert shown["deadline"]["regulation"]["text"] == "Trước ngày 14 của tháng cuối quý"
    assert (shown["unit"], shown["period"]) == ("Sở Tư pháp", "2023-Q2")
    # The shipped plan.yaml invents no rule: its "theo quy định" items carry none; their periodic reports
    # carry the reporting regime's (reporting.yaml), each with its basis or what is assumed of it.
    shipped = json.loads(run("list", "--format", "json").stdout)
    ruled = [i for i in shipped if "regulation" in i["deadline"]]
    assert ruled and all(re.search(r"/(\d{4}|\d{4}-Q\d)$", i["id"]) for i in ruled)
    assert all(i["deadline"]["regulation"]["basis"] for i in ruled)


def test_calendar_reads_the_same_in_a_second_parser(run) -> None:  # type: ignore[no-untyped-def]
    import vobject
    from icalendar import Calendar

    text = run("export", "--format", "ics", "--data", str(AN_LAC), "--today", "2022-01-05").stdout
    theirs = {str(e["uid"]): e.decoded("dtstart") for e in Calendar.from_ical(text).walk("VEVENT")}
    cal = vobject.readOne(text)
    ours = {ev.uid.value: ev.dtstart.value for ev in cal.vevent_list}
    assert ours == theirs and len(ours) > 30
    assert ours["task:6/ubnd-huyen-dong-hoa/2022-M09.an-lac-2022@tthc.kstthc"] == date(2022, 9, 2)


def test_checks_on_the_new_shapes() -> None:
    from .conftest import edit, load_with

    # Two appendices cannot both be Phụ lục I.
    twice = load_with(appendix_inspection_yaml=edit("appendix_inspection.yaml", "number: II", "number: I"))
    assert [(d.file, d.line, d.code) for d in twice.errors] == [("appendix_review.yaml", 9, "duplicate-id")]
    assert "appendix_inspection.yaml" in message(twice.errors[0])
    # In a plan that runs into a later year, a date without a year is ambiguous: an error, not 2021.
    multi = load_with(
        plan_yaml=edit(
            "plan.yaml",
            "  province: Hải Dương\n",
            "  province: Hải Dương\n  period: {start: 2021-01-01, end: 2022-12-31}\n",
        ),
        appendix_review_yaml=edit(
            "appendix_review.yaml", "text: Trước ngày 31/5/2021", "text: Trước ngày 31/5"
        ),
    )
    assert [(d.file, d.code) for d in multi.errors] == [("appendix_review.yaml", "deadline-unrecognised")]
    # each_unit on an item only open-ended groups lead: nobody to split between, said so.
    opened = load_with(
        plan_yaml=edit(
            "plan.yaml",
            '  - number: "2"\n    title: Thẩm định',
            '  - number: "2"\n    each_unit: true\n    title: Thẩm định',
        )
    )
    assert opened.plan is not None
    assert [(d.code, d.line) for d in opened.problems] == [("each-unit-open", 106)]


def test_an_entry_dated_long_after_the_plan_is_questioned(data_dir: Path) -> None:
    (data_dir / "progress.yaml").write_text(
        "entries:\n"
        "  - {id: review:1, date: 2022-01-20, status: done}\n"  # late, but believable
        "  - {id: review:2, date: 2023-02-01, status: done}\n",  # today's date typed into an old plan?
        encoding="utf-8",
    )
    files, labels = read_data_folder(str(data_dir))
    result = assemble(files, labels, today=date(2023, 3, 1))
    assert [(d.code, d.line, d.severity.value) for d in result.problems] == [
        ("long-after-plan", 3, "warning")
    ]


def test_a_split_items_count_is_in_the_readers_language(run) -> None:  # type: ignore[no-untyped-def]
    """The table's "(done/total sub-items done)" was once Vietnamese in an English table too."""
    en = run("--lang", "en", "list", "--format", "md", "--today", "2021-03-01")
    vi = run("list", "--format", "md", "--today", "2021-03-01")
    # Item 3.2: its 16 rows of Phụ lục I and its 5 periodic reports.
    assert "Not yet due (0/21 sub-items done)" in en.stdout and "mục con" not in en.stdout
    assert "(0/21 phần việc đã xong)" in vi.stdout
