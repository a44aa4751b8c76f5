"""The accountability model: who owes what, who did it, whether it was on time — one answer in every
output. Each unit's figures are worked out here from the plan's items and the log alone, by the rules
the README states, and compared with what `unit --format json`, the CSV, the report (Markdown and
HTML) and the brief say."""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from tthc_cli.data.dataset import assemble
from tthc_cli.data.files import list_data_files, read_data_folder
from tthc_cli.domain.accountability import assignments, role_of
from tthc_cli.domain.plan import Entry, EntryStatus, Plan, PlanItem
from tthc_cli.domain.status import Status, statuses

from .conftest import DATA_NAMES, ROOT, csv_rows

FIXTURES = Path(__file__).resolve().parent / "fixtures"

# A week of progress on each plan: done on time, done late, done without a due date, reopened, a
# group's whole item, a unit's share of an item owed unit by unit, a note.
LOGS = {
    "shipped": (
        "2021-09-20",
        """entries:
  - {id: "task:1.1", date: 2021-05-10, status: started, by: "Văn phòng UBND tỉnh"}
  - {id: "review:1", date: 2021-05-28, status: done, evidence: "Báo cáo số 12/BC-SCT"}
  - {id: "review:6", date: 2021-06-01, status: started}
  - {id: "task:1.1", date: 2021-06-02, status: done, evidence: "Quyết định số 1234/QĐ-UBND"}
  - {id: "review:2", date: 2021-06-03, status: done}
  - {id: "inspection:II.3", date: 2021-06-03, status: done}
  - {id: "review:2", date: 2021-06-04, status: reopened}
  - {id: "task:7.1", date: 2021-06-10, status: done, by: "Sở Thông tin và Truyền thông"}
  - {id: "duty:IV.2", unit: "Sở Y tế", date: 2021-06-15, status: done, by: "Sở Y tế"}
  - {id: "duty:IV.2", unit: "UBND huyện Gia Lộc", date: 2021-06-16, status: done}
  - {id: "review:13", date: 2021-08-02, status: done}
  - {id: "task:8", unit: "Sở Y tế", date: 2021-09-10, status: done}
  - {id: "task:8", unit: "Sở Tư pháp", date: 2021-09-20, status: done}
""",
    ),
    "an-lac-2022": (
        "2022-06-01",
        """entries:
  - {id: "task:1", date: 2022-03-30, status: done}
  - {id: "task:6/ubnd-huyen-dong-hoa/2022-M01", date: 2022-01-05, status: done}
  - {id: "task:6/ubnd-huyen-dong-hoa/2022-M02", date: 2022-01-31, status: done}
  - {id: "task:6/ubnd-thanh-pho-an-lac/2022-M03", date: 2022-03-01, status: done}
  - {id: "task:4", date: 2022-05-20, status: done}
""",
    ),
    "son-ha-2023": (
        "2023-07-03",
        """entries:
  - {id: "ra_soat:1", date: 2023-04-05, status: done}
  - {id: "task:5/so-tu-phap/2023-Q1", date: 2023-01-01, status: done}
  - {id: "task:5/so-xay-dung/2023-Q2", date: 2023-04-01, status: done}
  - {id: "task:2", date: 2023-06-20, status: started}
""",
    ),
}


def _folder(tmp: Path, name: str) -> Path:
    source = ROOT if name == "shipped" else FIXTURES / name
    names = (
        DATA_NAMES
        if name == "shipped"
        else [n for n in list_data_files(str(source)) if (source / n).exists()]
    )
    for n in names:
        shutil.copy(source / n, tmp / n)
    (tmp / "progress.yaml").write_text(LOGS[name][1], encoding="utf-8")
    return tmp


@dataclass(frozen=True)
class Figures:
    owed: int
    on_time: int
    late: int
    undated: int
    overdue: int
    judged: int

    @property
    def done(self) -> int:
        return self.on_time + self.late + self.undated

    @property
    def rate(self) -> float | None:
        return self.on_time / self.judged if self.judged else None


def _done_on(entries: list[Entry], item_id: str, today: date) -> date | None:
    done: date | None = None
    for e in sorted((e for e in entries if e.id == item_id and e.date <= today), key=lambda e: e.date):
        if e.status == EntryStatus.DONE:
            done = done or e.date
        elif e.status == EntryStatus.REOPENED:
            done = None
    return done


def expected_figures(plan: Plan, unit: str, today: date) -> Figures:
    """By the README's rules, from the items and the log only: a unit owes itself the items without
    parts that name it as lead (its own share, its row, what it leads by name); standing
    responsibilities are outside; on time needs a due date."""
    parents = {i.parent for i in plan.items if i.parent}
    mine = [i for i in plan.items if i.id not in parents and unit in i.lead and not i.standing]
    on_time = late = undated = overdue = judged = 0
    for item in mine:
        done = _done_on(list(plan.progress), item.id, today)
        due = item.deadline.effective_due
        if done is not None and due is None:
            undated += 1
        elif done is not None and due is not None:
            on_time += done <= due
            late += done > due
        elif due is not None and due < today:
            overdue += 1
        judged += due is not None and (done is not None or due < today)
    return Figures(len(mine), on_time, late, undated, overdue, judged)


def _load(tmp: Path, name: str) -> tuple[str, Path, Plan, date]:
    folder = _folder(tmp, name)
    files, labels = read_data_folder(str(folder))
    result = assemble(files, labels, today=date(2026, 1, 1))
    assert result.plan is not None, result.problems
    return name, folder, result.plan, date.fromisoformat(LOGS[name][0])


@pytest.fixture(scope="module", params=sorted(LOGS))
def logged(request, tmp_path_factory) -> tuple[str, Path, Plan, date]:  # type: ignore[no-untyped-def]
    return _load(tmp_path_factory.mktemp(request.param), request.param)


def _row(table_text: str, unit: str, html: bool = False) -> list[str]:
    for line in table_text.splitlines():
        if html:
            cells = re.findall(r"<td[^>]*>(.*?)</td>", line)
        else:
            cells = [c.strip() for c in line.strip().strip("|").split(" | ")] if line.startswith("| ") else []
        if cells and cells[0] == unit:
            return cells
    raise AssertionError(f"{unit} not in the table")


def _pct(rate: float | None) -> str:
    return "—" if rate is None else f"{rate:.0%}"


def test_each_units_figures_are_the_same_in_every_output(logged, run) -> None:  # type: ignore[no-untyped-def]
    name, folder, plan, today = logged
    at = ("--data", str(folder), "--today", today.isoformat())
    report_md = run("report", "--format", "md", *at).stdout
    report_html = run("report", "--format", "html", *at).stdout
    units_section = report_md.split("Theo đơn vị")[1]
    html_section = report_html.split('id="units"')[1].split("</section>")[0]
    brief = run("brief", *at).stdout
    attention = brief.split("## 5.")[1].split("## 6.")[0].split("\n\n", 2)[1]
    sts = statuses(plan, today)
    for unit in plan.registry.units:
        want = expected_figures(plan, unit, today)
        got = json.loads(run("unit", unit, "--format", "json", *at).stdout)["figures"]
        assert (
            got["owed"],
            got["done_on_time"],
            got["done_late"],
            got["done_no_due_date"],
            got["overdue"],
            got["not_done"],
            got["judged"],
            got["on_time_rate"],
        ) == (
            want.owed,
            want.on_time,
            want.late,
            want.undated,
            want.overdue,
            want.owed - want.done,
            want.judged,
            want.rate,
        ), (name, unit)
        # `tthc unit`'s heading words the same figures, never a count of its table's rows.
        head = run("unit", unit, "--format", "md", *at).stdout.splitlines()[0]
        said = [
            f"phải làm {want.owed} phần việc" if want.owed else "",
            f"phối hợp {got['support']} việc" if got["support"] else "",
            f"được kiểm tra {got['inspected']} lần" if got["inspected"] else "",
        ]
        assert head.startswith(f"## {unit}: " + ", ".join(w for w in said if w)), (name, unit, head)
        rate = f"; đúng hạn {want.on_time}/{want.judged} ({_pct(want.rate)})"
        assert (rate in head) == bool(want.judged), (name, unit, head)
        cells = [want.owed, want.on_time, want.late, want.undated, want.overdue, want.owed - want.done]
        shown = [str(n) for n in cells] + [_pct(want.rate)]
        assert _row(units_section, unit)[1:8] == shown, (name, unit)
        assert _row(html_section, unit, html=True)[1:8] == shown, (name, unit)
        rows = csv_rows(run("unit", unit, "--format", "csv", *at).stdout)
        # A standing responsibility is the unit's own but never done nor late: outside the figures.
        own = [r for r in rows if r["own"] == "true" and r["status"] != "standing"]
        codes = [r["status"] for r in own]
        assert (len(own), codes.count("done_on_time"), codes.count("done_late"), codes.count("done")) == (
            want.owed,
            want.on_time,
            want.late,
            want.undated,
        ), (name, unit)
        assert codes.count("overdue") == want.overdue, (name, unit)
        soon = sum(
            1
            for r in assignments(plan, unit)
            if r.own and not r.item.standing and sts[r.item.id].status is Status.DUE_SOON
        )
        if want.overdue or soon:
            # Every column of the brief's row, its total too: what the unit owes itself (the standing
            # IV.1 is no obligation there either).
            row = _row(attention, unit)[1:5]
            assert row == [str(want.overdue), str(soon), str(want.owed), _pct(want.rate)], (name, unit)
        else:
            assert unit not in attention, (name, unit)


def test_the_shipped_figures_are_those_worked_out_by_hand(tmp_path: Path) -> None:
    _name, _folder_path, plan, today = _load(tmp_path, "shipped")
    # Sở Y tế on 20/09/2021: its review (6, due 30/06) started but not done: overdue; IV.2 done
    # (no due date); item 8 done 10/09, due 15/09: on time; IV.1 is standing, outside; Ghi chú 2 open.
    # Its reports to the Office (reporting.yaml): the first three quarters' (due 16/03, 16/06, 16/09)
    # are not recorded: overdue; the fourth quarter's and the year's (16/12) are not yet due.
    y_te = expected_figures(plan, "Sở Y tế", today)
    assert (y_te.owed, y_te.on_time, y_te.late, y_te.undated, y_te.overdue, y_te.rate) == (
        4 + 5,
        1,
        0,
        1,
        1 + 3,
        1 / (2 + 3),
    )
    # Sở Tư pháp sent item 8 on 20/09, five days late; Ban Quản lý's review 13 (due Saturday 31/07,
    # effectively Monday 02/08) was done on 02/08: on time.
    tu_phap = expected_figures(plan, "Sở Tư pháp", today)
    assert (tu_phap.late, tu_phap.on_time) == (1, 0)
    assert expected_figures(plan, "Ban Quản lý các khu công nghiệp tỉnh", today).on_time == 1


def _named(item: PlanItem, unit: str) -> bool:
    return unit in item.lead or unit in item.support or item.unit == unit


def test_a_member_gets_through_a_group_the_groups_own_role(plan: Plan) -> None:
    """For every group, every member and every item: the role a member gets through a group is the
    group's own role in that item, unless the item names the member itself."""
    reg = plan.registry
    checked = 0
    for group in reg.groups:
        for member in sorted(reg.expand(group) - {group}):
            for item in plan.items:
                mine = role_of(plan, item, member)
                if mine is None or mine.via is None or not mine.definite or _named(item, member):
                    continue
                theirs = role_of(plan, item, mine.via)
                assert theirs is not None and theirs.role is mine.role, (group, member, item.id)
                checked += 1
    assert checked > 500


def test_an_explicit_naming_wins_over_a_wider_class(plan: Plan) -> None:
    # 7.1: "các cơ quan giải quyết hồ sơ TTHC" lead; "UBND cấp huyện, cấp xã" coordinate (audit F3).
    # 5: the one-stop desks lead; "UBND cấp huyện, UBND cấp xã" coordinate (audit F4).
    for item in ("task:7.1", "task:5"):
        group = role_of(plan, plan.by_id[item], "UBND cấp huyện")
        member = role_of(plan, plan.by_id[item], "UBND huyện Gia Lộc")
        assert group is not None and member is not None
        assert (group.role, member.role, member.via) == ("support", "support", "UBND cấp huyện"), item


def _with(plan: Plan, *entries: tuple[str, str, EntryStatus]) -> Plan:
    return plan.with_progress(Entry(i, date.fromisoformat(d), s) for i, d, s in entries)


def _done_counts(plan: Plan, today: date) -> dict[str, int]:
    return {u: expected_figures(plan, u, today).done for u in plan.registry.units}


def test_a_group_led_item_done_credits_no_member(plan: Plan, run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    today = date(2021, 12, 31)
    # 7.1 is led by a class as a whole ("các cơ quan giải quyết hồ sơ TTHC", the portal, the media).
    logged = _with(plan, ("task:7.1", "2021-06-10", EntryStatus.DONE))
    assert statuses(logged, today)["task:7.1"].done
    members = sorted(
        plan.registry.expand("Các cơ quan giải quyết hồ sơ thủ tục hành chính") & set(plan.registry.units)
    )
    assert "Sở Y tế" in members
    from tthc_cli.domain.accountability import figures_of

    before = {u: figures_of(plan, u, statuses(plan, today), today).done for u in members}
    after = {u: figures_of(logged, u, statuses(logged, today), today).done for u in members}
    assert before == after
    row = next(r for r in assignments(logged, "Sở Y tế") if r.item.id == "task:7.1")
    assert (row.own, row.via) == (False, "Các cơ quan giải quyết hồ sơ thủ tục hành chính")


def test_a_parent_with_open_parts_is_not_done_and_cannot_be_recorded_done(plan: Plan, data_dir: Path) -> None:
    today = date(2021, 12, 31)
    one_row = _with(plan, ("inspection:II.3", "2021-06-03", EntryStatus.DONE))
    parent = statuses(one_row, today)["task:6"]
    assert not parent.done and (parent.children_done, parent.children_total) == (1, 17)
    (data_dir / "progress.yaml").write_text(
        "entries:\n  - {id: task:6, date: 2021-06-05, status: done}\n", encoding="utf-8"
    )
    files, labels = read_data_folder(str(data_dir))
    found = assemble(files, labels, today=today).problems
    assert [(p.code, p.args["count"], p.args["total"]) for p in found] == [("done-with-open-parts", 17, 17)]
    every_row = _with(
        plan, *((f"inspection:{r.number}", "2021-06-03", EntryStatus.DONE) for r in plan.children("task:6"))
    )
    assert statuses(every_row, today)["task:6"].status is Status.DONE_ON_TIME


def test_an_item_without_a_due_date_is_never_done_on_time(plan: Plan) -> None:
    today = date(2021, 12, 31)
    for item in ("task:1.2", "duty:IV.2/so-y-te", "duty:IV.4"):
        st = statuses(_with(plan, (item, "2021-03-01", EntryStatus.DONE)), today)[item]
        assert st.status is Status.DONE, item
    y_te = expected_figures(
        _with(plan, ("duty:IV.2/so-y-te", "2021-03-01", EntryStatus.DONE)), "Sở Y tế", today
    )
    assert (y_te.undated, y_te.on_time) == (1, 0)


def test_the_brief_names_both_units_that_delivered_iv2(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    (data_dir / "progress.yaml").write_text(
        "entries:\n"
        "  - {id: duty:IV.2, unit: Sở Y tế, date: 2021-06-14, status: done, by: Sở Y tế,\n"
        "     evidence: KH 12/KH-SYT}\n"
        "  - {id: duty:IV.2, unit: so tu phap, date: 2021-06-15, status: done, evidence: KH 7/KH-STP}\n",
        encoding="utf-8",
    )
    brief = run("brief", "--today", "2021-06-16", "--data", str(data_dir)).stdout
    done = brief.split("## 4.")[1].split("## 5.")[0]
    assert "| Mục IV.2 – Sở Y tế |" in done and "| Mục IV.2 – Sở Tư pháp |" in done
    assert "KH 12/KH-SYT" in done and "KH 7/KH-STP" in done
    # No command and no internal ID in a document for the Chairman.
    assert "tthc " not in brief and "duty:" not in brief and "review." not in brief


def test_counts_in_a_header_count_obligations_not_one_more_item(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """An item split into obligations is answered by them: `due` lists its 29 shares of item 8, and
    its header counts 29 — not 30 with the item itself."""
    result = run("due", "--after", "2021-09-15", "--before", "2021-09-15", "--format", "json")
    rows = json.loads(result.stdout)
    assert len(rows) == 29 and all(r["parent"] == "task:8" for r in rows)
    table = run("due", "--after", "2021-09-15", "--before", "2021-09-15")
    assert "29 việc" in table.stdout.splitlines()[0]


def test_a_members_view_of_group_work_names_who_reported_it(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """7.1 is led by a class as a whole: Sở Y tế's table shows it done as the group's work, and says
    which unit reported it; its own figures do not count it."""
    at = ("--data", str(data_dir), "--today", "2021-06-20")
    before = json.loads(run("unit", "Sở Y tế", "--format", "json", *at).stdout)["figures"]
    added = run(
        "progress", "add", "7.1", "--status", "done", "--date", "2021-06-10",
        "--by", "Sở Thông tin và Truyền thông", "--data", str(data_dir),
    )  # fmt: skip
    assert added.code == 0, added.stderr
    table = run("unit", "Sở Y tế", "--format", "md", *at).stdout
    row = next(line for line in table.splitlines() if line.startswith("| Mục 7.1 |"))
    assert row.endswith("| Hoàn thành (không có hạn) — Sở Thông tin và Truyền thông báo cáo |")
    unit = json.loads(run("unit", "Sở Y tế", "--format", "json", *at).stdout)
    item = next(i for i in unit["items"] if i["id"] == "task:7.1")
    assert item["status"]["reported_by"] == "Sở Thông tin và Truyền thông"
    assert unit["figures"] == before  # the group's work credits no member
    # A unit's own row says nothing of who reported it: it did.
    run(
        "progress", "add", "1.1", "--status", "done", "--date", "2021-05-20",
        "--by", "Văn phòng UBND tỉnh", "--data", str(data_dir),
    )  # fmt: skip
    own = run("unit", "Văn phòng UBND tỉnh", "--format", "md", *at).stdout
    row = next(line for line in own.splitlines() if line.startswith("| Mục 1.1 |"))
    assert "Hoàn thành đúng hạn |" in row and "báo cáo |" not in row
