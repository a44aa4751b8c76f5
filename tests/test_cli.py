"""Every command and output format through the Typer app: exit codes, stdout and stderr apart."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import pytest

from tthc_cli import i18n
from tthc_cli.cli.app import app
from tthc_cli.data.models import schema_name
from tthc_cli.data.schemas import schema_file_name, schema_for
from tthc_cli.domain.problems import Problem, Severity
from tthc_cli.present.reporters import GithubReporter

from .conftest import DATA, ITEMS_2021, ROOT, csv_rows


def test_every_command_has_help(run) -> None:  # type: ignore[no-untyped-def]
    names = [c.name or c.callback.__name__ for c in app.registered_commands]  # type: ignore[union-attr]
    assert set(names) >= {"validate", "list", "show", "schema", "due", "overdue", "upcoming", "unit", "units"}
    for name in names:
        result = run(name, "--help")
        assert result.code == 0, name
        assert result.stdout.startswith("Cách dùng: tthc") and len(result.stdout) > 200, name
        for english in ("Usage", "Options", "Show this message", "<str>", "list[", "required]", "default:"):
            assert english not in result.stdout, (name, english)
        assert "Usage: tthc" in run("--lang", "en", name, "--help").stdout


# --- validate -----------------------------------------------------------------------------------------


def test_validate_clean(run) -> None:  # type: ignore[no-untyped-def]
    result = run("validate")
    assert result.code == 0
    assert result.stdout == ""
    assert "HỢP LỆ: 0 lỗi, 0 cảnh báo" in result.stderr


def test_validate_json_shape(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    text = (
        (data_dir / "plan.yaml")
        .read_text(encoding="utf-8")
        .replace("Trước ngày 15 tháng 9", "Trước ngày 31 tháng 9")
    )
    (data_dir / "plan.yaml").write_text(text, encoding="utf-8")
    result = run("validate", "--data", str(data_dir), "--format", "json")
    assert result.code == 1
    payload = json.loads(result.stdout)
    assert set(payload) == {"version", "summary", "diagnostics"}
    assert payload["summary"] == {"errors": 1, "warnings": 0}
    diag = payload["diagnostics"][0]
    assert set(diag) == {"file", "line", "column", "severity", "code", "path", "message"}
    assert diag["code"] == "invalid-date" and diag["path"] == "tasks[11].deadline.text"
    assert diag["file"].endswith("plan.yaml") and diag["line"] > 1


def test_validate_github_annotations(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    text = (data_dir / "units.yaml").read_text(encoding="utf-8").replace("type: board", "type: ban")
    (data_dir / "units.yaml").write_text(text, encoding="utf-8")
    result = run("validate", "--data", str(data_dir), "--format", "github")
    assert result.code == 1
    line = result.stdout.strip().splitlines()[0]
    assert line.startswith("::error file=") and ",line=" in line and ",col=" in line


def test_github_escaping() -> None:
    d = Problem(
        "unknown-grouping",
        (("name", "50% done\nnext: line"),),
        "",
        Severity.WARNING,
        "a,b:c.yaml",
        ("p",),
        3,
        4,
    )
    i18n.activate("en")
    assert GithubReporter().annotation(d) == (
        "::warning file=a%2Cb%3Ac.yaml,line=3,col=4,title=unknown-grouping::"
        "p: grouping '50%25 done%0Anext: line' is not declared under 'groupings'"
    )


def test_validate_named_files_are_checked_as_a_set(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("validate", str(data_dir / "plan.yaml"), str(data_dir / "units.yaml"))
    assert result.code == 0
    assert "trong 6 tệp" in result.stderr  # reporting.yaml too


def test_validate_usage_errors_exit_2(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    missing = run("validate", str(tmp_path / "nope.yaml"))
    assert missing.code == 2 and "không có tệp hoặc thư mục này" in missing.stderr
    other = tmp_path / "notes.yaml"
    other.write_text("a: 1\n")
    assert run("validate", str(other)).code == 2
    assert run("validate", "--format", "xml").code == 2


def test_validate_strict_turns_warnings_into_errors(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    text = (
        (data_dir / "plan.yaml")
        .read_text(encoding="utf-8")
        .replace("Trước ngày 15 tháng 12 năm 2021.", "Trước ngày 15 tháng 1 năm 2022.")
    )
    (data_dir / "plan.yaml").write_text(text, encoding="utf-8")
    assert run("validate", "--data", str(data_dir)).code == 0
    strict = run("validate", "--data", str(data_dir), "--strict")
    assert strict.code == 1 and "error[deadline-outside-year]" in strict.stdout


def test_text_output_shows_the_offending_line(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    text = (
        (data_dir / "appendix_inspection.yaml")
        .read_text(encoding="utf-8")
        .replace("Ninh Giang}", "Ninh Gianh}")
    )
    (data_dir / "appendix_inspection.yaml").write_text(text, encoding="utf-8")
    result = run("validate", "--data", str(data_dir))
    first, excerpt = result.stdout.splitlines()[:2]
    assert "error[unknown-unit]" in first and "có phải là 'UBND huyện Ninh Giang'" in first
    assert excerpt.strip().endswith("{stt: 12, unit: UBND huyện Ninh Gianh}")


# --- finding the data ---------------------------------------------------------------------------------


def test_data_found_upward_from_the_working_directory(run, monkeypatch, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("TTHC_DATA")
    deep = data_dir / "a" / "b"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    assert run("validate").code == 0


def test_data_found_above_the_working_directory_is_named(tthc, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    below = data_dir / "sub" / "deeper"
    below.mkdir(parents=True)
    result = tthc("list", "-f", "json", cwd=below, env={"TTHC_DATA": None})
    assert result.code == 0
    assert f"dùng dữ liệu kế hoạch trong {data_dir}" in result.stderr
    here = tthc("list", cwd=data_dir, env={"TTHC_DATA": None})
    assert here.code == 0 and "dùng dữ liệu kế hoạch" not in here.stderr


def test_no_data_anywhere_says_how_to_point_at_it(run, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("TTHC_DATA")
    # A folder no plan.yaml lies above (another program's plan.yaml in /tmp would be found, rightly).
    bases = [tmp_path, Path("/dev/shm"), Path.home()]
    clear = [b for b in bases if b.is_dir() and not any((d / "plan.yaml").exists() for d in (b, *b.parents))]
    assert clear, "every candidate folder has a plan.yaml above it"
    with tempfile.TemporaryDirectory(dir=clear[0]) as nowhere:
        monkeypatch.chdir(nowhere)
        result = run("list")
    assert result.code == 2
    assert (
        "--data THƯ_MỤC" in result.stderr
        and "TTHC_DATA" in result.stderr
        and "không tìm thấy plan.yaml" in result.stderr
    )


def test_queries_refuse_invalid_data(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    (data_dir / "units.yaml").write_text("units: []\n", encoding="utf-8")
    result = run("due", "--before", "2021-06-30", "--data", str(data_dir))
    assert result.code == 1
    assert "tthc validate" in result.stderr and result.stdout == ""


# --- list / show / schema -----------------------------------------------------------------------------


def test_list_json_is_every_item(run) -> None:  # type: ignore[no-untyped-def]
    items = json.loads(run("list", "--format", "json").stdout)
    assert len(items) == ITEMS_2021
    assert set(items[0]) >= {"id", "kind", "title", "lead", "support", "deadline", "deliverable"}
    assert set(items[0]["deadline"]) == {"text", "kind", "start", "due", "effective_due", "tentative"}
    review = next(i for i in items if i["id"] == "review:13")
    assert review["deadline"]["due"] == "2021-07-31" and review["deadline"]["effective_due"] == "2021-08-02"
    assert review["domains"] == ["Xây dựng", "Lao động"]
    ins = next(i for i in items if i["id"] == "inspection:II.10")
    assert (ins["unit"], ins["block"]) == ("UBND thành phố Hải Dương", "II")
    assert ins["note"].startswith("Kiểm tra việc khắc phục")
    ongoing = next(i for i in items if i["id"] == "task:1.2")
    assert ongoing["deadline"]["due"] is None and ongoing["deadline"]["kind"] == "ongoing"


def test_list_table_and_kinds(run) -> None:  # type: ignore[no-untyped-def]
    result = run("list", "--kind", "inspection")
    assert result.code == 0 and "PL II – II.12" in result.stdout and "Mục 1.1" not in result.stdout
    assert "inspection:II.12" not in result.stdout  # IDs only with --ids
    assert "inspection:II.12" in run("list", "--kind", "inspection", "--ids").stdout
    assert "\x1b[" not in result.stdout  # no ANSI codes when piped


@pytest.mark.parametrize("typed", ["1.1", "task:1.1", "TASK:1.1"])
def test_show_accepts_bare_task_numbers(run, typed: str) -> None:  # type: ignore[no-untyped-def]
    result = run("show", typed)
    assert result.code == 0
    assert result.stdout.startswith("Mục 1.1 — ") and "Mã:        task:1.1" in result.stdout
    assert "31/05/2021" in result.stdout and "Văn phòng UBND tỉnh" in result.stdout


def test_show_json_round_trips_the_list_row(run) -> None:  # type: ignore[no-untyped-def]
    listed = {i["id"]: i for i in json.loads(run("list", "-f", "json").stdout)}
    for item_id in ("task:9", "duty:IV.2", "review:11", "inspection:I.3"):
        shown = json.loads(run("show", item_id, "-f", "json").stdout)
        assert shown.pop("progress") == []
        assert shown == listed[item_id]


def test_show_text_for_appendix_rows(run) -> None:  # type: ignore[no-untyped-def]
    review = run("show", "review:13").stdout
    assert "31/07/2021 (hạn thực tế 02/08/2021)" in review and "Lĩnh vực:  Xây dựng; Lao động" in review
    assert "Thuộc:     Mục 3.2 — " in review  # the parent as the document numbers it, not task:3.2
    inspection = run("show", "inspection:II.1").stdout
    assert "Được kiểm tra: UBND thành phố Chí Linh" in inspection and "3 - 5 đơn vị" in inspection
    parent = run("show", "6").stdout
    assert "17 dòng phụ lục: PL II – I.1 (Sở Công Thương); " in parent and "inspection:" not in parent


def test_show_unknown_id(run) -> None:  # type: ignore[no-untyped-def]
    result = run("show", "task:11")
    assert result.code == 1 and "không có việc nào mang mã 'task:11'" in result.stderr


def test_schema_writes_and_committed_schemas_are_current(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("schema", "--out", str(tmp_path))
    assert result.code == 0
    for name in ("plan", "appendix", "units", "progress", "reporting"):
        written = json.loads((tmp_path / schema_file_name(name)).read_text(encoding="utf-8"))
        assert written == schema_for(name)
        committed = json.loads((ROOT / "schemas" / schema_file_name(name)).read_text(encoding="utf-8"))
        assert committed == written, f"schemas/ is stale: run 'tthc schema' ({name})"
    for file in (
        "plan.yaml",
        "appendix_review.yaml",
        "appendix_inspection.yaml",
        "units.yaml",
        "reporting.yaml",
    ):
        first = (ROOT / file).read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=schemas/{schema_file_name(schema_name(file) or '')}"


# --- due / overdue / upcoming -------------------------------------------------------------------------


def test_due_table(run) -> None:  # type: ignore[no-untyped-def]
    result = run("due", "--before", "2021-05-31")
    assert result.code == 0
    for label in ("Mục 1.1", "PL I – 1 (Sở Công", "PL I – 5 ("):
        assert label in result.stdout
    assert "PL I – 6" not in result.stdout and "task:1.1" not in result.stdout
    # counted as obligations: each unit's share of IV.1, IV.2 and Ghi chú 2 is one (97 in all; IV.5 is
    # answered by its periodic reports, which have dates)
    assert "Chưa liệt kê 97 việc không có một hạn cụ thể" in result.stderr


@pytest.mark.parametrize("when", ["2021-06-30", "30/6/2021", "eom"])
def test_due_date_forms(run, when: str) -> None:  # type: ignore[no-untyped-def]
    result = run("due", "--before", when, "--today", "2021-06-10", "-f", "json")
    assert [i["id"] for i in json.loads(result.stdout)][-1] == "review:12"


def test_due_relative_dates_honour_tthc_today(run) -> None:  # type: ignore[no-untyped-def]
    result = run("due", "--before", "+2w", "--after", "today", "-f", "json", env={"TTHC_TODAY": "2021-07-25"})
    assert [i["id"] for i in json.loads(result.stdout)] == [f"review:{n}" for n in range(13, 17)]


def test_due_usage_errors(run) -> None:  # type: ignore[no-untyped-def]
    bad = run("due", "--before", "31/6/2021")
    assert bad.code == 2 and "--before" in bad.stderr and "không phải ngày có thật" in bad.stderr
    assert run("due", "--before", "2021-06-30", "--role", "boss").code == 2
    assert run("due", "--before", "2021-06-30", "--after", "2021-07-01").code == 2
    assert run("due", "--before", "2021-06-30", "--today", "yesterday").code == 2


def test_due_csv_gives_ids_and_iso_dates(run) -> None:  # type: ignore[no-untyped-def]
    out = run("due", "--before", "2021-05-31", "-f", "csv").stdout
    assert out.startswith("id,")
    rows = csv_rows(out)
    reports = [r["id"] for r in rows if r["id"].endswith("/2021-Q1")]  # the first quarter's reports
    assert [r["id"] for r in rows if r["id"] not in reports] == [
        "task:1.1",
        *(f"review:{n}" for n in range(1, 6)),
    ]
    assert len(reports) == 28 + 2 and rows[0]["due"] == "2021-03-16" and rows[-1]["due"] == "2021-05-31"


def test_due_markdown(run) -> None:  # type: ignore[no-untyped-def]
    out = run("due", "--before", "2021-05-31", "-f", "md").stdout
    lines = out.strip().splitlines()
    assert lines[0].startswith("| Mục |") and lines[1].startswith("|---")
    assert len(lines) == 2 + 30 + 6  # with the first quarter's 30 reports
    assert all(line.count(" | ") == lines[0].count(" | ") for line in lines[2:])


def test_due_unit_filter_needs_a_real_unit(run) -> None:  # type: ignore[no-untyped-def]
    ok = run("due", "--before", "2021-09-15", "--unit", "so y te", "--role", "lead", "-f", "json")
    reports = ["duty:IV.2/so-y-te/2021-Q1", "duty:IV.2/so-y-te/2021-Q2"]
    assert [i["id"] for i in json.loads(ok.stdout)] == [*reports, "review:6", "task:8/so-y-te"]
    bad = run("due", "--before", "2021-12-31", "--unit", "Giang")
    assert bad.code == 1 and "khớp với nhiều đơn vị" in bad.stderr


def test_overdue_shows_days_late(run) -> None:  # type: ignore[no-untyped-def]
    rows = json.loads(run("overdue", "--today", "2021-08-03", "-f", "json").stdout)
    assert len(rows) == 17 + 2 * 30  # with the first two quarters' reports
    assert rows[0]["id"] == "duty:IV.2/so-cong-thuong/2021-Q1" and rows[0]["days_late"] == 140
    plan = [r for r in rows if "/2021-Q" not in r["id"]]
    assert plan[0]["id"] == "task:1.1" and plan[0]["days_late"] == 64
    assert rows[-1]["days_late"] == 1
    table = run("overdue", "--today", "2021-08-03").stdout
    assert "Số ngày trễ" in table and "64" in table


def test_overdue_empty_is_still_success(run) -> None:  # type: ignore[no-untyped-def]
    result = run("overdue", "--today", "2021-03-01", "-f", "json")
    assert result.code == 0 and json.loads(result.stdout) == []


def test_upcoming(run) -> None:  # type: ignore[no-untyped-def]
    rows = json.loads(run("upcoming", "--today", "2021-07-25", "-f", "json").stdout)
    assert [r["id"] for r in rows] == [f"review:{n}" for n in range(13, 17)]
    assert run("upcoming", "--within", "-3").code == 2


def test_upcoming_header_does_not_claim_a_status_the_rows_lack(run) -> None:  # type: ignore[no-untyped-def]
    """Rows 14 days out are "Chưa đến hạn" (the warning window is 7 days): the header must not say
    "Sắp đến hạn" over them."""
    result = run("upcoming", "--today", "2021-07-10", "--within", "30")
    header = result.stdout.splitlines()[0]
    assert header == "Có hạn trong 30 ngày tới (10/07/2021 – 09/08/2021): 4 việc chưa xong"
    assert "Chưa đến hạn" in result.stdout and "Sắp đến hạn" not in result.stdout


def test_role_without_unit_is_a_usage_error(run) -> None:  # type: ignore[no-untyped-def]
    result = run("due", "--before", "2021-06-30", "--role", "lead")
    assert result.code == 2 and result.stdout == ""
    assert result.stderr.startswith("tthc: --role cần đi kèm --unit")
    assert run("due", "--before", "2021-06-30", "--role", "lead", "--unit", "so y te").code == 0


def test_version(run) -> None:  # type: ignore[no-untyped-def]
    from importlib.metadata import version

    result = run("--version")
    assert result.code == 0 and result.stdout == f"tthc {version('tthc')}\n"


# --- unit / units -------------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["Sở Y tế", "so y te", "SỞ Y TẾ", "Sở Y tế"])
def test_unit_spellings(run, typed: str) -> None:  # type: ignore[no-untyped-def]
    rows = json.loads(run("unit", typed, "-f", "json").stdout)["items"]
    assert {r["id"] for r in rows if r["definite"]} >= {"review:6", "task:8/so-y-te"}


def test_unit_json_rows(run) -> None:  # type: ignore[no-untyped-def]
    rows = {r["id"]: r for r in json.loads(run("unit", "TP Chí Linh", "-f", "json").stdout)["items"]}
    assert rows["inspection:II.1"]["role"] == "inspected" and rows["inspection:II.1"]["via"] is None
    assert rows["task:4"]["via"] == "UBND cấp huyện" and rows["task:4"]["definite"] is True
    assert rows["task:1.1"]["definite"] is False


def test_unit_table_keeps_maybe_apart(run) -> None:  # type: ignore[no-untyped-def]
    out = run("unit", "Sở Y tế").stdout
    definite, _, maybe = out.partition("Có thể liên quan")
    assert "PL I – 6" in definite and "Mục 1.1 " not in definite
    assert "Mục 1.1 " in maybe and "PL I – 6" not in maybe


def test_unit_markdown_and_csv(run) -> None:  # type: ignore[no-untyped-def]
    md = run("unit", "Sở Y tế", "-f", "md").stdout
    # 18 rows: its 9 own obligations, 7 it coordinates, a group's item and the standing IV.1.
    assert (
        md.startswith("## Sở Y tế: phải làm 9 phần việc, phối hợp 7 việc, thêm 2 việc")
        and "## Có thể liên quan" in md
    )
    rows = csv_rows(run("unit", "Sở Y tế", "-f", "csv").stdout)
    assert {r["definite"] for r in rows} == {"true", "false"} and len(rows) == 18 + 5


def test_unit_not_found_and_ambiguous(run) -> None:  # type: ignore[no-untyped-def]
    missing = run("unit", "Ninh Gianh")
    assert missing.code == 1 and "Có phải là: UBND huyện Ninh Giang" in missing.stderr
    several = run("unit", "Giang")
    assert several.code == 1 and "Bình Giang" in several.stderr and "Ninh Giang" in several.stderr
    province = run("unit", "Hải Dương")
    assert province.code == 1 and "là tên của chính tỉnh" in province.stderr


def test_units_registry(run) -> None:  # type: ignore[no-untyped-def]
    payload = json.loads(run("units", "-f", "json").stdout)
    assert len(payload["units"]) == 32
    groups = {g["name"]: g for g in payload["groups"]}
    assert len(groups["UBND cấp huyện"]["members"]) == 12
    assert groups["Các cơ quan, đơn vị, địa phương có liên quan"]["definite"] is False
    table = run("units").stdout
    assert "Sở LĐ-TB&XH" in table and "UBND cấp huyện" in table
    assert run("units", "-f", "md").stdout.count("\n|") > 40


def test_shell_completion_offers_units_and_ids(run) -> None:  # type: ignore[no-untyped-def]
    from types import SimpleNamespace

    from tthc_cli.cli.completion import complete_ids, complete_units

    ctx = SimpleNamespace(params={})
    assert "Sở Y tế" in complete_units(ctx, "so y")  # type: ignore[arg-type]
    assert "UBND thành phố Chí Linh" in complete_units(ctx, "Chí")  # type: ignore[arg-type]
    assert complete_ids(ctx, "inspection:II.1") == [  # type: ignore[arg-type]
        "inspection:II.1",
        "inspection:II.10",
        "inspection:II.11",
        "inspection:II.12",
    ]


def test_validate_names_files_relative_to_the_working_folder(run, data_dir: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Found by searching upward (an absolute folder), the files are still shown as typed in a shell."""
    (data_dir / "sub").mkdir()
    text = (data_dir / "units.yaml").read_text(encoding="utf-8")
    (data_dir / "units.yaml").write_text(text.replace("name: Sở Y tế", "name: Sở Y tế\n    colour: x", 1))
    monkeypatch.delenv("TTHC_DATA")
    monkeypatch.chdir(data_dir)
    result = run("validate")
    assert result.code == 1
    assert result.stdout.startswith("units.yaml:") and str(data_dir) not in result.stdout
    monkeypatch.chdir(data_dir / "sub")  # above the working folder: absolute rather than ../../
    assert run("validate").stdout.startswith(f"{data_dir}/units.yaml:")


def test_csv_status_columns_are_the_same_everywhere(run) -> None:  # type: ignore[no-untyped-def]
    from tthc_cli.present.tables import STATUS_CSV_COLUMNS

    day = ("--today", "2021-06-05")
    commands = [
        ("list", "-f", "csv", *day),
        ("due", "--before", "2021-12-31", "-f", "csv", *day),
        ("overdue", "-f", "csv", *day),
        ("upcoming", "--within", "60", "-f", "csv", *day),
        ("unit", "Sở Y tế", "-f", "csv", *day),
        ("export", "-f", "csv", *day),
    ]
    for args in commands:
        result = run(*args)
        assert result.code == 0, (args, result.stderr)
        rows = csv_rows(result.stdout)
        header = list(rows[0])
        at = header.index("status")
        assert tuple(header[at : at + len(STATUS_CSV_COLUMNS)]) == STATUS_CSV_COLUMNS, args
        first = (
            "id kind title lead support unit deadline_text deadline_kind start due effective_due tentative"
        )
        assert header[:12] == first.split()
        late = [r for r in rows if r["status"] == "overdue"]
        assert late or args[0] == "upcoming"
        assert all(r["status_label"] == "Quá hạn" and int(r["days_late"]) > 0 for r in late), args


def test_show_json_has_status_and_progress(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    at = ("--data", str(data_dir))
    assert (
        run("progress", "add", "1.1", "--status", "done", "--date", "2021-06-02", "--by", "VP", *at).code == 0
    )
    item = json.loads(run("show", "1.1", "-f", "json", "--today", "2021-06-05", *at).stdout)
    assert item["id"] == "task:1.1"
    assert item["status"]["code"] == "done_late" and item["status"]["done_on"] == "2021-06-02"
    assert item["progress"] == [
        {"date": "2021-06-02", "status": "done", "note": None, "evidence": None, "by": "VP"}
    ]
    before = json.loads(run("show", "1.1", "-f", "json", "--today", "2021-05-20", *at).stdout)
    assert before["status"]["code"] == "not_due" and before["progress"] == []


# tthc and check-jsonschema (what an editor's schema support does) must agree on each file. Each case:
# (file, old text, new text, accepted?). Cross-file rules are tthc's alone, so every case is a schema
# question: a type, a pattern, a range, a field.
SCHEMA_CASES = [
    ("appendix_review.yaml", "  - stt: 6\n", '  - stt: "6"\n', True),
    ("appendix_review.yaml", "  - stt: 6\n", "  - stt: '06'\n", True),
    ("plan.yaml", "  year: 2021\n", '  year: "2021"\n', True),
    ("plan.yaml", '  - number: "1"\n', "  - number: 1\n", True),
    ("units.yaml", "  - name: Sở Y tế\n", "  - name: Sở Y tế\n    aliases: [115]\n", True),
    (
        "progress.yaml",
        "entries:",
        "entries:\n  - {id: '1.1', date: 2021-06-02, status: done, note: 2021}",
        True,
    ),
    ("appendix_review.yaml", "  - stt: 6\n", '  - stt: "6a"\n', False),
    ("appendix_review.yaml", "  - stt: 6\n", "  - stt: 0\n", False),
    ("appendix_review.yaml", "  - stt: 6\n", '  - stt: "0"\n', False),
    ("plan.yaml", "  year: 2021\n", '  year: "1999"\n', False),
    ("plan.yaml", "  year: 2021\n", "  year: 2021.5\n", False),
    ("plan.yaml", '  - number: "1"\n', '  - number: "1 a"\n', False),
    ("plan.yaml", '  - number: "1"\n', "  - number: -1\n", False),
    ("units.yaml", "  - name: Sở Y tế\n", "  - name: Sở Y tế\n    colour: red\n", False),
    ("units.yaml", "  - name: Sở Y tế\n", "  - name: true\n", False),
    ("progress.yaml", "entries:", "entries:\n  - {id: '1.1', date: 2021-13-02, status: done}", False),
    ("progress.yaml", "entries:", "entries:\n  - {id: '1.1', date: 10/6/2021, status: done}", True),
    ("progress.yaml", "entries:", "entries:\n  - {id: '1.1', date: 31/6/2021, status: done}", False),
    ("progress.yaml", "entries:", "entries:\n  - {id: '1.1', date: 1/13/2021, status: done}", False),
    ("progress.yaml", "entries:", "entries:\n  - {id: '1.1', date: 2021-06-02, status: finished}", False),
    ("reporting.yaml", "      - period: year\n", "      - period: 'year'\n", True),
    ("reporting.yaml", "      - period: year\n", "      - period: yearly\n", False),
    ("reporting.yaml", "        owed: false\n", "        owed: 'false'\n", False),
    ("reporting.yaml", "rules:\n", "rules: []\nx:\n", False),
]


@pytest.mark.parametrize(("name", "old", "new", "accepted"), SCHEMA_CASES)
def test_json_schemas_accept_what_tthc_accepts(run, data_dir: Path, name, old, new, accepted) -> None:  # type: ignore[no-untyped-def]
    import shutil

    from check_jsonschema import main as check_jsonschema  # in the test extra: pip install -e '.[test]'
    from click.testing import CliRunner as ClickRunner

    shutil.copytree(ROOT / "schemas", data_dir / "schemas")
    path = data_dir / name
    text = path.read_text(encoding="utf-8") if path.exists() else "entries:\n"
    if name == "progress.yaml":
        text = "# yaml-language-server: $schema=schemas/progress.schema.json\nentries:\n"
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    schema = text.splitlines()[0].split("$schema=")[1]
    # The peer's own command line, run in this process (a process would cost a second per case).
    peer = ClickRunner().invoke(check_jsonschema, ["--schemafile", str(data_dir / schema), str(path)])
    ours = run("validate", "--data", str(data_dir))
    assert (ours.code == 0) is accepted, ours.stdout
    assert peer.exception is None or isinstance(peer.exception, SystemExit), peer.exception
    assert (peer.exit_code == 0) is accepted, peer.output


# --- who leads and who coordinates, and --open, on every output (mutants that once survived) ----------

VP = "Văn phòng UBND tỉnh"
OTHERS = "Các cơ quan, đơn vị, địa phương có liên quan"


def test_lead_and_support_keep_their_places_in_json_csv_and_table(run) -> None:  # type: ignore[no-untyped-def]
    # From April on: the first quarter's reports, with their long labels, would narrow the table.
    args = ("due", "--before", "2021-05-31", "--after", "2021-04-01", "--today", "2021-05-20")
    item = next(i for i in json.loads(run(*args, "-f", "json").stdout) if i["id"] == "task:1.1")
    assert (item["lead"], item["support"]) == ([VP], [OTHERS])
    rows = csv_rows(run(*args, "-f", "csv").stdout)
    row = next(r for r in rows if r["id"] == "task:1.1")
    assert (row["lead"], row["support"]) == (VP, OTHERS)
    lines = run(*args).stdout.splitlines()
    header = next(line for line in lines if "| Chủ trì " in line)
    cells = [c.strip() for c in header.split("|")]
    lead_at, support_at = cells.index("Chủ trì"), cells.index("Phối hợp / đơn vị")
    first = [c.strip() for c in next(line for line in lines if line.startswith("| Mục 1.1 ")).split("|")]
    assert first[lead_at] == VP and first[support_at].startswith("Các cơ quan")


def test_open_hides_what_is_done_in_due_and_unit(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    at = ("--data", str(data_dir), "--today", "2021-06-01", "-f", "json")
    assert run("progress", "add", "1.1", "--status", "done", "--date", "2021-05-20", *at[:2]).code == 0

    def ids(*args: str) -> list[str]:
        result = run(*args, *at)
        assert result.code == 0, result.stderr
        found = json.loads(result.stdout)
        return [r["id"] for r in (found["items"] if isinstance(found, dict) else found)]

    due = ids("due", "--before", "2021-05-31")
    assert "task:1.1" in due and "review:1" in due
    assert ids("due", "--before", "2021-05-31", "--open") == [i for i in due if i != "task:1.1"]
    unit = ids("unit", VP)
    assert "task:1.1" in unit
    assert ids("unit", VP, "--open") == [i for i in unit if i != "task:1.1"]


def test_show_unknown_id_suggests_the_near_ones(run) -> None:  # type: ignore[no-untyped-def]
    result = run("show", "reveiw:6")
    assert result.code == 1 and "review:6" in result.stderr
    assert run("show", "1.9").stderr.count("task:1.") >= 2


ROW_6 = (
    "PL I – 6 (Sở Y tế) — Sở Y tế: Thủ tục hành chính các lĩnh vực: Khám chữa bệnh; Y tế dự phòng; Dược phẩm."
)


@pytest.mark.parametrize(
    ("typed", "first_line"),
    [
        (
            "review:6",
            ROW_6,
        ),
        (
            "PL I – 6",
            ROW_6,
        ),
        (
            "pl i - 6 (so y te)",
            ROW_6,
        ),
        # A heading ("Nhóm nội dung công việc:") is named by its first line of content.
        ("Mục 3.2", "Mục 3.2 — Tổ chức theo dõi, đôn đốc công bố, công khai thủ tục hành chính;"),
        ("PL II – II.12", "PL II – II.12 — UBND huyện Ninh Giang"),
    ],
)
def test_show_names_the_item_as_the_document_does_and_accepts_that_name(run, typed, first_line) -> None:  # type: ignore[no-untyped-def]
    result = run("show", typed)
    assert result.code == 0, result.stderr
    assert result.stdout.splitlines()[0] == first_line


def test_show_by_label_in_json_keeps_the_id(run) -> None:  # type: ignore[no-untyped-def]
    assert json.loads(run("show", "PL I – 6", "-f", "json").stdout)["id"] == "review:6"
    assert run("show", "Mục 99").code == 1


# --- what the command line reads, and refuses ----------------------------------------------------------


@pytest.mark.parametrize(("name", "first"), [("lich.ics", "BEGIN:VCALENDAR"), ("bang.csv", "id,kind,")])
def test_export_takes_its_format_from_the_files_suffix(run, tmp_path: Path, name: str, first: str) -> None:  # type: ignore[no-untyped-def]
    result = run("export", "-o", str(tmp_path / name), "--today", "2021-06-05", "--lang", "en")
    assert result.code == 0, result.stderr
    assert (tmp_path / name).read_text(encoding="utf-8").startswith(first)


def test_export_without_a_format_or_a_suffix_says_which_to_give(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert run("export").stderr.startswith(
        "tthc: hãy chọn định dạng: --format ics, xlsx, csv, csv-excel hoặc sqlite"
    )
    contradicts = run("export", "-f", "csv", "-o", str(tmp_path / "lich.ics"))
    assert contradicts.code == 2 and "không khớp với -o" in contradicts.stderr
    assert not (tmp_path / "lich.ics").exists()


@pytest.mark.parametrize(
    ("typed", "kind"),
    [
        ("review", "review"),
        ("PL I", "review"),
        ("pl ii", "inspection"),
        ("Nhiệm vụ", "task"),
        ("Phụ lục I", "review"),
        ("phu luc ii", "inspection"),
        ("Appendix II", "inspection"),
        ("trách nhiệm", "duty"),
        ("Mục IV", "duty"),
        ("Ghi chú", "note"),
    ],
)
def test_kind_takes_the_names_tables_show(run, typed: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    items = json.loads(run("list", "--kind", typed, "-f", "json").stdout)
    assert items and {i["kind"] for i in items} == {kind}


def test_an_unknown_kind_is_answered_with_the_names_tables_show(run) -> None:  # type: ignore[no-untyped-def]
    result = run("list", "--kind", "kiểm soát")
    assert result.code == 2
    assert result.stderr == (
        "tthc: --kind kiểm soát: kế hoạch này có các loại Nhiệm vụ (task), Mục IV (duty), PL I (review), "
        "PL II (inspection), Ghi chú, đoạn (note)\n"
    )


QUOTE = '(tên có dấu cách phải đặt trong ngoặc kép: "Sở Y tế") '


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["unit", "Sở", "Y", "tế"], f"thừa đối số: Y tế {QUOTE}(xem: tthc unit --help)"),
        (
            ["due", "--before", "eoy", "--unit", "Sở", "Y", "tế"],
            f"thừa đối số: Y tế {QUOTE}(xem: tthc due --help)",
        ),
        (["show", "Mục", "3.2"], "thừa đối số: 3.2 (xem: tthc show --help)"),
        (["upcoming", "--within", "15", "ngày"], "thừa đối số: ngày (xem: tthc upcoming --help)"),
    ],
)
def test_the_quoting_hint_only_where_the_words_may_belong_to_a_name(run, args: list[str], line: str) -> None:  # type: ignore[no-untyped-def]
    result = run(*args)
    assert (result.code, result.stdout, result.stderr) == (2, "", f"tthc: {line}\n")


def test_help_states_defaults_and_bounds_in_words(run) -> None:  # type: ignore[no-untyped-def]
    out = " ".join(run("upcoming", "--help").stdout.split())
    assert "(mặc định: 14; từ 0 đến 3660)" in out and "(mặc định: 7; từ 0 đến 366)" in out
    assert "<=x<=" not in out and "[" not in out.partition("Tùy chọn:")[2]


def test_new_writes_the_day_today_says(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("new", str(tmp_path / "kh-2022"), "--year", "2022", "--today", "2021-12-20")
    assert result.code == 0, result.stderr
    assert "tạo ngày 20/12/2021" in (tmp_path / "kh-2022" / "plan.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("char", ["\u202e", "\u200d"])
def test_new_refuses_an_invisible_character_in_the_province(run, tmp_path: Path, char: str) -> None:  # type: ignore[no-untyped-def]
    result = run("new", str(tmp_path / "x"), "--year", "2022", "--province", f"Hải{char}Dương")
    assert result.code == 2 and result.stderr.startswith("tthc: --province: có ký tự vô hình U+")
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize(("char", "named"), [("\n", "U+000A (LINE FEED)"), ("\t", "U+0009 (TAB)")])
def test_new_refuses_a_line_break_in_the_province(run, tmp_path: Path, char: str, named: str) -> None:  # type: ignore[no-untyped-def]
    result = run("new", str(tmp_path / "x"), "--year", "2022", "--province", f"Bắc{char}Ninh")
    assert result.code == 2
    assert result.stderr == f"tthc: --province: có ký tự điều khiển {named}; hãy gõ văn bản thường\n"
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["new", "{tmp}/x", "--province", ""], "tthc: --province: hãy nêu"),
        (["list", "--data", ""], "tthc: --data: hãy nêu"),
        (["brief", "-o", ""], "tthc: -o: hãy nêu"),
        (["new", "{tmp}/x", "--from", "nope"], "tthc: --from 'nope' không phải là thư mục"),
    ],
)
def test_an_empty_or_missing_folder_is_refused_naming_its_option(run, tmp_path: Path, args, says) -> None:  # type: ignore[no-untyped-def]
    result = run(*(a.format(tmp=tmp_path) for a in args))
    assert (result.code, result.stdout) == (2, "")
    assert result.stderr.startswith(says), result.stderr
    assert not (tmp_path / "x").exists()


# Variables the person running the tests may have set: the suite's runners (conftest: run, tthc) must
# answer alike whatever they say.
RUNNERS_ENVIRONMENT = {
    "NO_COLOR": "1",
    "COLUMNS": "0",
    "LANG": "C",
    "LC_ALL": "C",
    "TERM": "dumb",
    "TTHC_LANG": "en",
    "TTHC_TODAY": "1999-01-01",
    "TTHC_DATA": "/nonexistent",
    "HOME": "/nonexistent",
}


@pytest.fixture(params=sorted(RUNNERS_ENVIRONMENT))
def runners_variable(request, monkeypatch) -> str:  # type: ignore[no-untyped-def]
    monkeypatch.setenv(request.param, RUNNERS_ENVIRONMENT[request.param])
    return str(request.param)


def test_the_suites_runners_ignore_the_environment_running_them(runners_variable, run, tthc) -> None:  # type: ignore[no-untyped-def]
    due = run("due", "--before", "2021-06-30", "--today", "2021-06-05")
    assert due.code == 0 and due.stdout.startswith("Có hạn đến hết ngày 30/06/2021: 73 việc"), (
        runners_variable
    )
    rows = json.loads(run("due", "--before", "2021-06-30", "-f", "json").stdout)
    assert rows[0]["status"]["code"] == "overdue"  # today is the real date, not a variable's
    assert tthc("units", "--help").stdout.startswith("Cách dùng: tthc units [TÙY_CHỌN]")
    assert (
        tthc("due", "--before", "31/6/2021").stderr == "tthc: --before: '31/6/2021' không phải ngày có thật\n"
    )
    listed = tthc("units", "-f", "json", env={"TTHC_DATA": str(DATA)})
    assert listed.code == 0 and len(json.loads(listed.stdout)["units"]) == 32


def test_a_newline_in_a_file_name_cannot_forge_a_diagnostic_line(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "ke-hoach\nplan.yaml:1:1: error[yaml-syntax] giả mạo"
    shutil.copytree(DATA, folder)
    (folder / "units.yaml").write_text("units: 1\n", encoding="utf-8")
    result = run("validate", "--data", str(folder))
    assert result.code == 1
    lines = [line for line in result.stdout.splitlines() if "error[" in line]
    assert lines and all(line.startswith(str(tmp_path)) for line in lines)
    assert "ke-hoach\\nplan.yaml:1:1: error[yaml-syntax] giả mạo/units.yaml" in lines[0]


def test_a_csv_for_excel_may_be_named_csv(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """csv-excel is a .csv (Excel opens it by double-click); another format's suffix is still refused."""
    target = tmp_path / "bang.csv"
    assert run("export", "-f", "csv-excel", "-o", str(target), "--today", "2021-06-05").code == 0
    assert target.read_bytes().startswith("\ufeffMục;".encode())
    assert run("export", "-f", "ics", "-o", str(target)).code == 2
