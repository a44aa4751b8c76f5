"""What the brief and the report say, as values built from small plans: the timeline of the plan
period (bars, milestones, ongoing work, months, today), which week's lists an obligation falls in,
what was completed in the week, who needs attention, the report's lists and its readings."""

from __future__ import annotations

from datetime import date

from tthc_cli.domain.deadlines import Deadline, DeadlineKind
from tthc_cli.domain.plan import (
    AppendixInfo,
    Entry,
    EntryStatus,
    Fact,
    ItemKind,
    Plan,
    Role,
    Split,
    plan_meta,
)
from tthc_cli.domain.status import Status, statuses
from tthc_cli.domain.units import GroupInfo, GroupKind, UnitInfo, UnitType
from tthc_cli.present import documents as D

from .small_plans import (
    CO_LIEN_QUAN,
    SNV,
    SO,
    STP,
    SYT,
    done,
    due_on,
    item,
    note_entry,
    ongoing,
    plan,
    registry,
)

JAN1 = date(2021, 1, 1)


def at(day: date) -> float:
    """A day's place in 2021, as the timeline draws it."""
    return (day - JAN1).days / 365


def _quarter_two() -> Deadline:
    return Deadline(
        text="Quý II",
        kind=DeadlineKind.QUARTER,
        start=date(2021, 4, 1),
        due=date(2021, 6, 30),
        window_end=date(2021, 6, 30),
        effective_due=date(2021, 6, 30),
    )


def _timeline_plan() -> Plan:
    meta = plan_meta(
        title="Kế hoạch",
        year=2021,
        appendices=(
            AppendixInfo("review", "I", "Rà soát", "task:6"),
            AppendixInfo("inspection", "II", "Kiểm tra", "task:6", Role.INSPECTED),
        ),
    )
    items = [
        item("task:1", deadline=due_on(date(2021, 3, 31), start=date(2021, 2, 1))),
        item("task:2", deadline=_quarter_two()),
        item("task:3", deadline=ongoing()),
        item("duty:IV.1", deadline=due_on(date(2021, 3, 31))),
        item(
            "review:1", appendix="review", unit=SYT, unit_role=Role.LEAD, deadline=due_on(date(2021, 12, 31))
        ),
        item(
            "inspection:1",
            appendix="inspection",
            unit=SYT,
            unit_role=Role.INSPECTED,
            deadline=due_on(date(2021, 5, 1)),
        ),
    ]
    return Plan(meta, registry(), tuple(items))


def test_the_timeline_draws_tasks_and_led_rows_never_duties_or_inspections() -> None:
    p = _timeline_plan()
    timeline = D.build_timeline(p, statuses(p, date(2021, 6, 1)), date(2021, 6, 1))
    rows = {r.id: r for r in timeline.rows}
    assert list(rows) == ["task:1", "task:2", "task:3", "review:1"]
    one = rows["task:1"]
    assert (one.label, one.tag, one.status, one.status_label) == (
        "Việc 1",
        "Mục 1",
        Status.OVERDUE,
        "Quá hạn",
    )
    # A bar from its start to the end of its due day; a due date without a real window is a milestone.
    assert (one.start, one.end, one.milestone, one.ongoing) == (
        at(date(2021, 2, 1)),
        at(date(2021, 4, 1)),
        True,
        False,
    )
    two = rows["task:2"]
    assert (two.start, two.end, two.milestone, two.ongoing) == (
        at(date(2021, 4, 1)),
        at(date(2021, 7, 1)),
        False,
        False,
    )
    three = rows["task:3"]  # ongoing: the whole window, its end the plan's
    assert (three.start, three.end, three.milestone, three.ongoing) == (0.0, 1.0, False, True)
    assert rows["review:1"].tag == "PL I – 1"  # without the unit: space is short
    assert (rows["review:1"].end, rows["review:1"].milestone) == (1.0, True)


def test_the_timeline_names_the_period_its_months_and_today() -> None:
    p = _timeline_plan()
    timeline = D.build_timeline(p, statuses(p, date(2021, 6, 1)), date(2021, 6, 1))
    assert (timeline.label, timeline.year) == ("2021", "2021")
    assert timeline.today == at(date(2021, 6, 1))
    assert timeline.months == [(at(date(2021, m, 1)), m) for m in range(1, 13)]
    after = D.build_timeline(p, statuses(p, date(2022, 1, 1)), date(2022, 1, 1))
    assert after.today is None
    assert D.build_timeline(p, statuses(p, date(2021, 12, 31)), date(2021, 12, 31)).today == at(
        date(2021, 12, 31)
    )
    assert D.build_timeline(p, statuses(p, JAN1), JAN1).today == 0.0


def test_a_period_that_is_not_a_calendar_year_is_named_by_its_days_and_its_months_start_inside_it() -> None:
    meta = plan_meta(title="x", year=2022, period_start=date(2022, 12, 15), period_end=date(2023, 12, 31))
    p = Plan(meta, registry(), (item("task:1", deadline=due_on(date(2023, 3, 31))),))
    timeline = D.build_timeline(p, statuses(p, date(2023, 1, 1)), date(2023, 1, 1))
    assert timeline.label == "15/12/2022 – 31/12/2023"
    span = (date(2023, 12, 31) - date(2022, 12, 15)).days + 1
    assert timeline.months[0] == ((date(2023, 1, 1) - date(2022, 12, 15)).days / span, 1)
    assert [m for _f, m in timeline.months] == list(range(1, 13))
    two_years = plan_meta(title="x", year=2021, period_start=JAN1, period_end=date(2022, 12, 31))
    assert D.period_label(two_years) == "2021–2022"
    assert (
        D.period_label(plan_meta(title="x", year=2021, period_end=date(2021, 12, 30)))
        == "01/01/2021 – 30/12/2021"
    )
    assert (
        D.period_label(plan_meta(title="x", year=2021, period_start=date(2021, 1, 2)))
        == "02/01/2021 – 31/12/2021"
    )


def _brief_plan() -> Plan:
    """Due on 31/05 (overdue by 9/6), 9/6 and 12/6 (this week), 14/6 and 27/6 (the next two weeks),
    28/6 (later); 10/6 and 4/6 but done."""
    items = [
        item("task:1", deadline=due_on(date(2021, 5, 31))),
        item("task:2", deadline=due_on(date(2021, 6, 9))),
        item("task:3", deadline=due_on(date(2021, 6, 14))),
        item("task:4", deadline=due_on(date(2021, 6, 27))),
        item("task:5", deadline=due_on(date(2021, 6, 28))),
        item("task:6", deadline=due_on(date(2021, 6, 10))),
        item("task:7", deadline=due_on(date(2021, 6, 4))),
        item("task:8", deadline=due_on(date(2021, 6, 12))),
    ]
    log = [
        done("task:6", date(2021, 6, 8), by=SYT),
        done("task:7", date(2021, 6, 4)),
        done("task:7", date(2021, 6, 9)),
    ]
    return plan(items, progress=log)


def test_the_briefs_lists_take_each_open_obligation_by_its_due_date() -> None:
    p = _brief_plan()
    today = date(2021, 6, 9)  # a Wednesday: the week is 7/6–13/6
    brief = D.build_brief(p, statuses(p, today), today, today)
    assert (brief.as_of, brief.week_start, brief.week_end) == (today, date(2021, 6, 7), date(2021, 6, 13))
    assert [line.status.item.id for line in brief.overdue] == ["task:1"]
    assert [line.status.item.id for line in brief.due_this_week] == ["task:2", "task:8"]  # task:6 is done
    assert [line.status.item.id for line in brief.due_next] == ["task:3", "task:4"]
    assert [(c.status.item.id, c.entry.date, c.entry.by) for c in brief.completed] == [
        ("task:6", date(2021, 6, 8), SYT)
    ]
    assert brief.plan is p.meta and brief.reporting is None
    assert [o.name for o in brief.units] == [SYT] and brief.groups == []


def test_a_brief_of_a_past_week_lists_what_was_completed_on_its_last_day() -> None:
    p = _brief_plan()
    today = date(2021, 6, 9)
    last_week = D.build_brief(p, statuses(p, today), today, date(2021, 6, 1))
    assert (last_week.week_start, last_week.week_end) == (date(2021, 5, 31), date(2021, 6, 6))
    assert [c.status.item.id for c in last_week.completed] == ["task:7"]  # its first 'done', not the repeat
    assert last_week.due_this_week == []  # its days are past: nothing is still to come in it


def test_completions_count_the_entry_that_made_an_obligation_done_within_the_days_asked() -> None:
    p = _brief_plan()
    sts = statuses(p, date(2021, 6, 30))
    assert [c.status.item.id for c in D.completions(p, sts, date(2021, 6, 4), date(2021, 6, 8))] == [
        "task:7",
        "task:6",
    ]
    assert [c.status.item.id for c in D.completions(p, sts, date(2021, 6, 5), date(2021, 6, 8))] == ["task:6"]
    assert D.completions(p, sts, date(2021, 6, 9), date(2021, 6, 30)) == []  # 9/6 repeats a 'done'


def test_owners_needing_attention_are_units_and_groups_apart_most_overdue_first() -> None:
    reg = registry()
    items = [
        item("task:1", lead=(STP,), deadline=due_on(date(2021, 5, 1))),
        item("task:2", lead=(SYT,), deadline=due_on(date(2021, 5, 1))),
        item("task:3", lead=(SYT,), deadline=due_on(date(2021, 5, 2))),
        item("task:4", lead=(SNV,), deadline=due_on(date(2021, 6, 3))),
        item("task:5", lead=(SO,), deadline=due_on(date(2021, 5, 1))),
        item("task:6", lead=(CO_LIEN_QUAN,), deadline=due_on(date(2021, 5, 1))),
        item("task:7", lead=(STP,), deadline=due_on(date(2021, 9, 1))),
    ]
    p = plan(items, reg=reg)
    units, groups = D.owners_needing_attention(p, statuses(p, date(2021, 6, 1)), date(2021, 6, 1))
    assert [(o.name, o.overdue, o.due_soon, o.owed) for o in units] == [
        (SYT, 2, 0, 2),
        (STP, 1, 0, 2),
        (SNV, 0, 1, 1),
    ]
    assert [(o.name, o.group, o.definite) for o in groups] == [(CO_LIEN_QUAN, True, False), (SO, True, True)]
    assert all(not o.group and o.definite for o in units)


def test_a_unit_is_due_soon_only_for_what_it_leads_itself_and_a_group_for_each_item_but_standing_ones() -> (
    None
):
    items = [
        item("duty:IV.1", lead=(SO,), deadline=due_on(date(2021, 5, 1)), standing=True),  # never counted
        item("task:4", lead=(SNV,), deadline=due_on(date(2021, 6, 3))),
        item("task:5", lead=(SO,), deadline=due_on(date(2021, 5, 1))),
        item("task:8", lead=(SO,), deadline=due_on(date(2021, 5, 3))),
        item("task:9", lead=(STP,), support=(SNV,), deadline=due_on(date(2021, 6, 3))),  # SNV coordinates
        item("task:10", lead=(SO,), deadline=due_on(date(2021, 6, 4))),  # SNV's group's work
    ]
    p = plan(items, reg=registry())
    units, groups = D.owners_needing_attention(p, statuses(p, date(2021, 6, 1)), date(2021, 6, 1))
    assert [(o.name, o.overdue, o.due_soon, o.owed) for o in units] == [(SNV, 0, 1, 1), (STP, 0, 1, 1)]
    assert [(o.name, o.overdue, o.due_soon, o.owed) for o in groups] == [(SO, 2, 1, 3)]


def test_the_report_lists_tasks_duties_ongoing_work_and_the_overdue_most_late_first() -> None:
    items = [
        item("task:1", deadline=due_on(date(2021, 5, 1))),
        item("task:2", deadline=due_on(date(2021, 4, 1))),
        item("task:3", deadline=ongoing()),
        item("duty:IV.1", deadline=due_on(date(2021, 5, 20))),
        item("note:IV", kind=ItemKind.NOTE, number="IV"),
    ]
    p = plan(items)
    report = D.build_report(p, statuses(p, date(2021, 6, 1)), date(2021, 6, 1))
    assert [s.item.id for s in report.overdue] == ["task:2", "task:1", "duty:IV.1"]
    assert [s.item.id for s in report.tasks] == ["task:1", "task:2", "task:3"]
    assert [s.item.id for s in report.duties] == ["duty:IV.1"]
    assert [s.item.id for s in report.ongoing] == ["task:3"]
    assert dict(report.counts)[Status.OVERDUE] == 3 and dict(report.counts)[Status.ONGOING] == 1
    assert [s for s, _n in report.counts] == D.STATUS_ORDER
    assert report.plan is p.meta and report.as_of == date(2021, 6, 1)
    assert (report.reviews, report.inspections) == ([], [])


def test_the_reports_readings_list_every_fact_read_rather_than_printed() -> None:
    reg = registry(
        extra_units=[
            UnitInfo(
                "Phòng Tư pháp Gia Lộc",
                UnitType.OTHER,
                part_of="UBND huyện Gia Lộc",
                part_of_basis="Luật Tổ chức",
            ),
            UnitInfo("Phòng Nội vụ", UnitType.OTHER, part_of="UBND huyện Gia Lộc"),  # printed: not a reading
        ],
        extra_groups=[
            GroupInfo(
                "Khối nội chính",
                GroupKind.LISTED,
                members=(STP, SNV),
                inferred_members=((SNV, "Mục 4"),),
                closure_basis="Điều 2",
            )
        ],
    )
    items = [
        item("task:3.2", inferred=((Fact.LEAD, "Điều 2.1"),), split=Split.PERIOD),
        item("task:3.2/2021-Q1", parent="task:3.2", period="2021-Q1", inferred=((Fact.LEAD, "Điều 2.1"),)),
    ]
    p = plan(items, reg=reg)
    found = [(r.where, r.fact, r.basis) for r in D.readings(p)]
    assert found[0] == ("Mục 3.2", "chủ trì", "Điều 2.1")  # the item's, once: not again for its share
    assert len([r for r in found if r[2] == "Điều 2.1"]) == 1
    assert ("Khối nội chính", "thành viên: Sở Nội vụ", "Mục 4") in found
    assert ("Khối nội chính", "danh sách thành viên là đầy đủ", "Điều 2") in found
    assert ("Phòng Tư pháp Gia Lộc", "thuộc UBND huyện Gia Lộc", "Luật Tổ chức") in found
    assert not [r for r in found if r[0] == "Phòng Nội vụ"]


def test_the_report_finds_each_appendixs_rows_by_its_name() -> None:
    p = _timeline_plan()
    report = D.build_report(p, statuses(p, date(2021, 6, 1)), date(2021, 6, 1))
    assert [s.item.id for s in report.reviews] == ["review:1"]
    assert [s.item.id for s in report.inspections] == ["inspection:1"]


def test_a_group_that_needs_attention_is_in_the_brief() -> None:
    p = plan([item("task:1", lead=(SO,), deadline=due_on(date(2021, 5, 31)))])
    brief = D.build_brief(p, statuses(p, date(2021, 6, 9)), date(2021, 6, 9), date(2021, 6, 9))
    assert ([o.name for o in brief.units], [o.name for o in brief.groups]) == ([], [SO])


def test_a_bar_ends_with_its_due_day_a_window_without_one_with_the_window() -> None:
    def bar(deadline: Deadline) -> tuple[float, float, bool]:
        p = plan([item("task:1", deadline=deadline)])
        (row,) = D.build_timeline(p, statuses(p, date(2021, 6, 1)), date(2021, 6, 1)).rows
        return row.start, row.end, row.milestone

    due_in_window = Deadline(
        text="x", kind=DeadlineKind.WINDOW, start=date(2021, 2, 1), due=date(2021, 3, 31),
        window_end=date(2021, 6, 30), effective_due=date(2021, 3, 31),
    )  # fmt: skip
    assert bar(due_in_window) == (at(date(2021, 2, 1)), at(date(2021, 4, 1)), False)
    half_year = Deadline(
        text="Từ tháng 1", kind=DeadlineKind.OPEN_START, start=JAN1, window_end=date(2021, 6, 30)
    )
    assert bar(half_year) == (0.0, at(date(2021, 7, 1)), False)
    before_june = Deadline(
        text="Trước tháng 6", kind=DeadlineKind.BEFORE_MONTH, start=JAN1, due=date(2021, 5, 31),
        window_end=date(2021, 5, 31), effective_due=date(2021, 5, 31),
    )  # fmt: skip
    assert bar(before_june) == (0.0, at(date(2021, 6, 1)), True)
    assert bar(due_on(date(2022, 3, 31)))[1] == 1.0  # after the plan's period: drawn to its end


def test_the_months_of_a_period_ending_on_a_months_first_day_include_that_month() -> None:
    meta = plan_meta(title="x", year=2021, period_start=JAN1, period_end=date(2021, 12, 1))
    timeline = D.build_timeline(Plan(meta, registry(), ()), {}, date(2021, 6, 1))
    assert [m for _f, m in timeline.months] == list(range(1, 13))


def test_a_completion_is_the_done_entry_never_a_remark_of_the_same_day_nor_an_unknown_id() -> None:
    log = [
        note_entry("task:1", date(2021, 6, 8)),
        done("task:1", date(2021, 6, 8)),
        done("task:99", date(2021, 6, 8)),
    ]
    p = plan([item("task:1", deadline=due_on(date(2021, 6, 30)))], progress=log)
    (found,) = D.completions(p, statuses(p, date(2021, 6, 9)), date(2021, 6, 7), date(2021, 6, 13))
    assert (found.entry.status, found.entry.date) == ("done", date(2021, 6, 8))


def test_the_briefs_reporting_counts_the_reports_received_for_each_period(plan: Plan) -> None:
    day = date(2021, 6, 10)
    received = [
        Entry("duty:IV.2/so-y-te/2021-Q2", date(2021, 6, 9), EntryStatus.DONE),
        Entry("duty:IV.2/so-noi-vu/2021-Q2", date(2021, 6, 9), EntryStatus.DONE),
    ]
    logged = plan.with_progress(received)
    section = D.reporting_section(logged, statuses(logged, day), day)
    assert section is not None
    assert [(line.period.code, line.received, line.owed) for line in section.lines] == [
        ("2021-Q2", 2, 28),
        ("2021", 0, 28),
    ]


def test_the_brief_says_nothing_of_reporting_without_a_regime() -> None:
    assert D.reporting_section(plan([]), {}, date(2021, 6, 10)) is None
