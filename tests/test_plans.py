"""Other plans of the genre: the two fixture plans (written for the tests, not real documents) run
through every command; their reports are golden files; their calendars never collide."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from icalendar import Calendar

from tthc_cli.data.dataset import assemble
from tthc_cli.data.files import read_data_folder
from tthc_cli.present.labels import kind_labels

from .conftest import DATA, ROOT
from .test_reports import check_golden

FIXTURES = Path(__file__).parent / "fixtures"
AN_LAC = FIXTURES / "an-lac-2022"  # a "Kế hoạch" issued directly, Roman sections, no appendix
SON_HA = FIXTURES / "son-ha-2023"  # a decision, a December start, three appendices, quận/phường
PLANS = {"an-lac-2022": (AN_LAC, "2022-06-01"), "son-ha-2023": (SON_HA, "2023-07-03")}


def _load(folder: Path):  # type: ignore[no-untyped-def]
    files, labels = read_data_folder(str(folder))
    result = assemble(files, labels)
    assert result.plan is not None, result.problems
    return result


@pytest.mark.parametrize("name", PLANS)
def test_fixture_validates_cleanly(run, name: str) -> None:  # type: ignore[no-untyped-def]
    folder, _ = PLANS[name]
    result = run("validate", "--data", str(folder), "--strict")
    assert result.code == 0, result.stdout + result.stderr


@pytest.mark.parametrize("name", PLANS)
@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["list", "--format", "json"],
        ["show", "1"],
        ["due", "--before", "2023-12-31", "--include-ongoing"],
        ["overdue"],
        ["upcoming", "--within", "60"],
        ["units"],
        ["units", "--format", "json"],
        ["brief"],
        ["brief", "--lang", "en"],
        ["report", "--format", "md"],
        ["report", "--format", "html"],
        ["export", "--format", "ics"],
        ["export", "--format", "csv"],
    ],
    ids=lambda a: "-".join(a) if isinstance(a, list) else a,
)
def test_every_command_runs_on_each_plan(run, name: str, args: list[str]) -> None:  # type: ignore[no-untyped-def]
    folder, today = PLANS[name]
    result = run(*args, "--data", str(folder), *(["--today", today] if args[0] not in ("units",) else []))
    assert result.code == 0, result.stdout + result.stderr
    assert result.stdout.strip()
    assert "Traceback" not in result.stdout + result.stderr
    # Nothing of the 2021 plan leaks into another plan's output.
    assert "Hải Dương" not in result.stdout and "2021" not in result.stdout


def test_direct_plan_metadata_and_numbering() -> None:
    plan = _load(AN_LAC).plan
    assert plan.meta.document_kind == "plan" and plan.meta.province == "An Lạc"
    assert plan.meta.period_start.isoformat() == "2022-01-01" and plan.meta.appendices == ()
    assert [i.id for i in plan.items if i.kind == "task" and i.parent is None] == [
        "task:1",
        "task:2.a",
        "task:2.b",
        "task:3",
        "task:4",
        "task:5",
        "task:6",
    ]
    assert kind_labels(plan.meta)["duty"] == "Mục III"  # the section that holds the duties, as printed
    assert plan.registry.units["Công an tỉnh"].type == "central"
    assert plan.registry.units["UBND thị trấn Tây Sơn"].type == "township"


def test_three_appendices_in_document_order_with_their_roles() -> None:
    plan = _load(SON_HA).plan
    assert [(a.name, a.number, a.unit_role) for a in plan.meta.appendices] == [
        ("ra_soat", "I", "lead"),
        ("kiem_tra", "II", "inspected"),
        ("tuyen_truyen", "III", "lead"),
    ]
    by_id = plan.by_id
    assert by_id["ra_soat:1"].deadline.due.isoformat() == "2023-03-31"  # a date per row
    assert by_id["tuyen_truyen:2"].deadline is by_id["task:3"].deadline  # runs in its item's window
    assert by_id["kiem_tra:II.2"].lead == ("Văn phòng UBND thành phố",)  # inspected by the item's lead
    assert by_id["kiem_tra:II.2"].note == "Kiểm tra cả bộ phận một cửa"
    assert dict(by_id["tuyen_truyen:1"].cells) == {"hinh_thuc": "Chuyên mục trên Cổng thông tin điện tử"}
    # The plan was signed in December 2022: a deadline then is inside its period, no warning.
    assert by_id["task:4"].deadline.due.isoformat() == "2022-12-31"
    assert plan.meta.period_start.isoformat() == "2022-12-15"


def test_unit_sees_what_it_is_inspected_in_and_leads(run) -> None:  # type: ignore[no-untyped-def]
    result = run("unit", "Thạch Thang", "--data", str(SON_HA), "--today", "2023-07-01", "--format", "json")
    assert result.code == 0, result.stderr
    rows = {r["id"]: r for r in json.loads(result.stdout)["items"]}
    assert rows["kiem_tra:II.2"]["role"] == "inspected"
    assert rows["duty:IV.1"]["role"] == "lead" and rows["duty:IV.1"]["via"] == "UBND cấp phường"
    assert rows["kiem_tra:II.2"]["unit"] == "UBND phường Thạch Thang"


def test_bare_province_name_is_the_registrys_own(run) -> None:  # type: ignore[no-untyped-def]
    own = run("unit", "An Lạc", "--data", str(AN_LAC))
    assert own.code == 1 and "An Lạc" in own.stderr and "TP An Lạc" in own.stderr
    other = run("unit", "Bắc Giang", "--data", str(DATA))
    assert other.code == 1 and "Hải Dương" not in other.stderr.split("Did you mean")[0]


def test_kind_filter_takes_the_plans_own_appendix_names(run) -> None:  # type: ignore[no-untyped-def]
    result = run("list", "--kind", "kiem_tra", "--data", str(SON_HA), "--format", "json")
    assert result.code == 0
    assert {i["kind"] for i in json.loads(result.stdout)} == {"kiem_tra"}
    wrong = run("list", "--kind", "review", "--data", str(SON_HA))
    assert wrong.code == 2 and "kiem_tra" in wrong.stderr


def test_calendars_of_two_plans_never_share_a_uid(run) -> None:  # type: ignore[no-untyped-def]
    uids = []
    for folder, today in [(ROOT, "2021-06-05"), (AN_LAC, "2022-06-01"), (SON_HA, "2023-07-03")]:
        result = run("export", "--format", "ics", "--data", str(folder), "--today", today)
        assert result.code == 0, result.stderr
        uids.append({str(e["uid"]) for e in Calendar.from_ical(result.stdout).walk("VEVENT")})
    assert all(uids) and not (uids[0] & uids[1]) and not (uids[0] & uids[2]) and not (uids[1] & uids[2])
    assert all(u.endswith(".son-ha-2023@tthc.kstthc") for u in uids[2])


def test_timeline_spans_the_plan_period(run) -> None:  # type: ignore[no-untyped-def]
    result = run("report", "--format", "html", "--data", str(SON_HA), "--today", "2023-07-03")
    assert result.code == 0
    assert "15/12/2022 – 31/12/2023" in result.stdout  # the period, not a calendar year
    assert "Phụ lục III — Tuyên truyền cải cách thủ tục hành chính" in result.stdout


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("brief-an-lac-2022-06-01.md", ["brief", "--data", str(AN_LAC), "--today", "2022-06-01"]),
        ("report-an-lac-2022-06-01.md", ["report", "--data", str(AN_LAC), "--today", "2022-06-01"]),
        ("brief-son-ha-2023-07-03.md", ["brief", "--data", str(SON_HA), "--today", "2023-07-03"]),
        ("report-son-ha-2023-07-03.md", ["report", "--data", str(SON_HA), "--today", "2023-07-03"]),
    ],
)
def test_golden_reports_of_other_plans(run, name: str, args: list[str]) -> None:  # type: ignore[no-untyped-def]
    result = run(*args)
    assert result.code == 0, result.stderr
    check_golden(name, result.stdout)


def test_a_misnamed_appendix_file_is_not_silently_dropped(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    (data_dir / "appendix_Rà Soát.yaml").write_text("title: x\n", encoding="utf-8")
    (data_dir / "appendix_ke_hoach.yml").write_text("title: x\n", encoding="utf-8")
    (data_dir / "notes.yaml").write_text("x: 1\n", encoding="utf-8")  # not appendix-like: no remark
    result = run("validate", "--data", str(data_dir), "--format", "json")
    found = [(d["file"].rsplit("/", 1)[-1], d["code"]) for d in json.loads(result.stdout)["diagnostics"]]
    assert found == [("appendix_Rà Soát.yaml", "ignored-file"), ("appendix_ke_hoach.yml", "ignored-file")]
    assert run("validate", "--data", str(data_dir), "--strict").code == 1


def test_show_lays_out_any_plans_appendix_rows_by_role(run) -> None:  # type: ignore[no-untyped-def]
    """`show` follows the row's role and content, not the 2021 file names (review, inspection)."""
    inspected = run("show", "kiem_tra:I.1", "--data", str(SON_HA), "--today", "2023-03-01")
    assert inspected.code == 0 and "Được kiểm tra: Sở Tư pháp" in inspected.stdout
    assert "Phối hợp" not in inspected.stdout
    led = run("show", "ra_soat:1", "--data", str(SON_HA), "--today", "2023-03-01")
    assert "Lĩnh vực:  Hộ tịch; Chứng thực" in led.stdout


def test_kind_labels_are_in_the_readers_language(run) -> None:  # type: ignore[no-untyped-def]
    vi = run("list", "--format", "md", "--today", "2021-03-01")
    en = run("--lang", "en", "list", "--format", "md", "--today", "2021-03-01")
    assert "| Mục 1.1 | Nhiệm vụ |" in vi.stdout and "| Mục IV.1 | Mục IV |" in vi.stdout
    assert "| Item 1.1 | Task |" in en.stdout and "| Item IV.1 | Section IV |" in en.stdout
    assert "| App. I – 1 (Sở Công Thương) | App. I |" in en.stdout and "Nhiệm vụ |" not in en.stdout


def test_a_deadlines_remarks_are_in_the_readers_language(run) -> None:  # type: ignore[no-untyped-def]
    args = ("list", "--format", "md", "--data", str(SON_HA), "--today", "2023-03-01")
    en = run("--lang", "en", *args)
    vi = run(*args)
    assert "Theo quy định \\[regulation: Trước ngày 14" in en.stdout and "quy định:" not in en.stdout
    assert "Theo quy định \\[quy định: Trước ngày 14" in vi.stdout
