"""The plan published as SQLite for Datasette: the file opens in sqlite3 with its keys and search, the
figures are tthc's own, and Datasette serves the canned queries with the same numbers."""

from __future__ import annotations

import contextlib
import json
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tthc_cli.domain.accountability import figures_of
from tthc_cli.domain.status import statuses
from tthc_cli.present.contracts import figures_to_dict

from .conftest import ROOT, Run

SAMPLE_LOG = ROOT / "tests" / "data" / "progress-sample.yaml"
AS_OF = "2021-09-20"


@pytest.fixture
def published(data_dir: Path, tthc: Any) -> Path:
    """The shipped plan with the sample log, published as of 20/09/2021."""
    shutil.copy(SAMPLE_LOG, data_dir / "progress.yaml")
    out = data_dir / "out"
    out.mkdir()
    result = tthc("export", "-o", str(out / "ke-hoach.db"), "--today", AS_OF, "--data", str(data_dir))
    assert result.code == 0, result.stderr
    return out / "ke-hoach.db"


def rows(db: Path, sql: str, params: dict[str, str] | tuple[Any, ...] = ()) -> list[dict[str, Any]]:
    with contextlib.closing(sqlite3.connect(db)) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute(sql, params)]


def canned(db: Path, name: str) -> str:
    meta = json.loads(db.with_name(db.stem + ".metadata.json").read_text(encoding="utf-8"))
    return str(meta["databases"][db.stem]["queries"][name]["sql"])


def unit_json(tthc: Any, data: Path, unit: str) -> dict[str, Any]:
    result: Run = tthc("unit", unit, "--format", "json", "--today", AS_OF, "--data", str(data))
    assert result.code == 0, result.stderr
    figures: dict[str, Any] = json.loads(result.stdout)["figures"]
    return figures


def test_the_suffix_names_the_format_and_the_metadata_is_written_beside(published: Path) -> None:
    assert sorted(p.name for p in published.parent.iterdir()) == ["ke-hoach.db", "ke-hoach.metadata.json"]
    meta = json.loads(published.with_name("ke-hoach.metadata.json").read_text(encoding="utf-8"))
    database = meta["databases"]["ke-hoach"]
    assert database["tables"]["items"]["title"] == "Các mục của kế hoạch"
    assert database["tables"]["statuses"]["columns"]["done_on"] == "Ngày hoàn thành (YYYY-MM-DD)"
    assert database["tables"]["items"]["fts_table"] == "items_fts"
    assert set(database["queries"]) == {
        "overdue_by_unit",
        "missing_by_item_and_period",
        "on_time_rate_by_unit",
    }
    assert database["queries"]["overdue_by_unit"]["title"] == "Quá hạn, theo đơn vị"


def test_the_database_has_its_keys_and_iso_dates(published: Path) -> None:
    with contextlib.closing(sqlite3.connect(published)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        keys = {
            table: {(fk[3], fk[2], fk[4]) for fk in conn.execute(f"PRAGMA foreign_key_list({table})")}
            for table in ("items", "statuses", "assignments", "memberships", "unit_figures", "progress")
        }
        pk = {row[1] for row in conn.execute("PRAGMA table_info(items)") if row[5]}
    assert pk == {"id"}
    assert ("parent", "items", "id") in keys["items"]
    assert ("item_id", "items", "id") in keys["statuses"]
    assert {("unit", "units", "name"), ("group_name", "groups", "name"), ("via", "groups", "name")} <= keys[
        "assignments"
    ]
    assert ("unit", "units", "name") in keys["unit_figures"]
    assert ("item_id", "items", "id") in keys["progress"]
    dates = rows(published, "SELECT due, effective_due FROM items WHERE due IS NOT NULL")
    assert dates and all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d["effective_due"]) for d in dates)
    review13 = rows(published, "SELECT due, effective_due, label FROM items WHERE id = 'review:13'")
    assert review13 == [
        {
            "due": "2021-07-31",
            "effective_due": "2021-08-02",
            "label": "PL I – 13 (Ban Quản lý các khu công nghiệp tỉnh)",
        }
    ]


def test_full_text_search_finds_ra_soat_with_or_without_marks(published: Path) -> None:
    sql = (
        "SELECT items.id FROM items_fts JOIN items ON items.rowid = items_fts.rowid "
        "WHERE items_fts MATCH ? ORDER BY items.position"
    )
    marked = [r["id"] for r in rows(published, sql, ('"rà soát"',))]
    assert "task:3.2" in marked
    assert [r["id"] for r in rows(published, sql, ('"ra soat"',))] == marked


def test_statuses_memberships_and_the_log_are_what_tthc_says(published: Path, plan: Any) -> None:
    status = rows(
        published, "SELECT * FROM statuses WHERE item_id IN ('review:1', 'review:6', 'task:8/so-y-te')"
    )
    by_id = {s["item_id"]: s for s in status}
    assert (
        by_id["review:1"]["status"] == "done_on_time"
        and by_id["review:1"]["status_label"] == "Hoàn thành đúng hạn"
    )
    assert by_id["review:1"]["done_on"] == "2021-05-28" and by_id["review:1"]["done"] == 1
    assert by_id["task:8/so-y-te"]["status"] == "overdue" and by_id["task:8/so-y-te"]["days_late"] == 5
    assert by_id["review:6"]["started_on"] == "2021-06-01"
    members = rows(published, "SELECT * FROM memberships WHERE group_name = 'UBND cấp huyện' ORDER BY member")
    assert len(members) == 12 and all(m["definite"] == 1 and m["unit"] == m["member"] for m in members)
    inferred = rows(published, "SELECT basis FROM memberships WHERE basis IS NOT NULL")
    assert inferred, "the memberships the source does not print carry their basis"
    log = rows(published, "SELECT item_id, date, status, evidence FROM progress ORDER BY seq")
    assert log[1] == {
        "item_id": "review:1",
        "date": "2021-05-28",
        "status": "done",
        "evidence": "Báo cáo số 12/BC-SCT",
    }
    assert len(log) == len(SAMPLE_LOG.read_text(encoding="utf-8").split("- id:")) - 1
    counted = rows(published, "SELECT count(*) AS n FROM obligations")[0]["n"]
    assert counted == len([i for i in plan.items if not plan.children(i.id)])


def test_each_units_figures_are_tthc_units_figures(
    published: Path, data_dir: Path, tthc: Any, plan: Any
) -> None:
    table = {r.pop("unit"): r for r in rows(published, "SELECT * FROM unit_figures")}
    logged = plan.with_progress(_sample_entries(data_dir))
    today = date.fromisoformat(AS_OF)
    sts = statuses(logged, today)
    assert list(table) == list(logged.registry.units)
    for unit in logged.registry.units:
        assert table[unit] == figures_to_dict(figures_of(logged, unit, sts, today)), unit
    for unit in ("Sở Công Thương", "Văn phòng UBND tỉnh", "UBND huyện Gia Lộc"):  # through the command line
        assert table[unit] == unit_json(tthc, data_dir, unit), unit
    # its review done on time; its item 8 share and its first three quarters' reports overdue
    assert table["Sở Công Thương"]["on_time_rate"] == 0.2


def _sample_entries(data_dir: Path) -> Any:
    from tthc_cli.data.dataset import assemble

    from .conftest import shipped_files

    files = shipped_files()
    files["progress.yaml"] = (data_dir / "progress.yaml").read_bytes()
    loaded = assemble(files)
    assert loaded.plan is not None
    return loaded.plan.progress


def test_the_canned_queries_give_tthcs_numbers(published: Path, data_dir: Path, tthc: Any) -> None:
    figures = {r.pop("unit"): r for r in rows(published, "SELECT * FROM unit_figures")}
    overdue = rows(published, canned(published, "overdue_by_unit"))
    units = {r["unit"]: r for r in overdue if r["kind"] == "unit"}
    assert {u: r["overdue"] for u, r in units.items()} == {
        u: f["overdue"] for u, f in figures.items() if f["overdue"]
    }
    # the units' first-quarter reports (reporting.yaml), due 16/03/2021, most late first
    assert overdue[0]["most_days_late"] == 188
    assert any(r["unit"] == "UBND cấp xã" and r["kind"] == "group" for r in overdue)  # the commune class
    rates = {r["unit"]: r for r in rows(published, canned(published, "on_time_rate_by_unit"))}
    for unit, f in figures.items():
        assert (rates[unit]["owed"], rates[unit]["judged"], rates[unit]["done_on_time"]) == (
            f["owed"],
            f["judged"],
            f["done_on_time"],
        ), unit
        assert rates[unit]["on_time_rate"] == f["on_time_rate"], unit
    missing = rows(published, canned(published, "missing_by_item_and_period"), {"item": "IV.2", "period": ""})
    said = tthc("missing", "IV.2", "--today", AS_OF, "--data", str(data_dir), "--format", "json")
    assert said.code == 0
    # one row for the units' plans and one per period of their reports: together, what tthc lists
    assert {(m["item"], m["total"]) for m in missing} == {("duty:IV.2", 28)} and len(missing) == 6
    assert sum(m["missing"] for m in missing) == len(json.loads(said.stdout))


def test_missing_by_period_is_tthc_missing_by_period(tmp_path: Path, tthc: Any) -> None:
    fixture = ROOT / "tests" / "fixtures" / "an-lac-2022"
    db = tmp_path / "an-lac.sqlite"
    assert tthc("export", "-o", str(db), "--today", "2022-05-25", "--data", str(fixture)).code == 0
    found = rows(db, canned(db, "missing_by_item_and_period"), {"item": "task:3", "period": "2022-m05"})
    said = tthc("missing", "task:3", "--period", "2022-M05", "--today", "2022-05-25", "--data", str(fixture))
    assert said.code == 0
    head = re.search(r"(\d+)/(\d+) đã hoàn thành, (\d+) chưa", said.stdout)
    assert head is not None
    done, total, left = map(int, head.groups())
    assert [(r["period"], r["total"], r["done"], r["missing"]) for r in found] == [
        ("2022-M05", total, done, left)
    ]


def test_sqlite_needs_a_file_and_a_suffix_that_agrees(run: Any, tmp_path: Path) -> None:
    bare = run("export", "--format", "sqlite")
    assert bare.code == 2 and "-o" in bare.stderr and bare.stdout == ""
    clash = run("export", "--format", "sqlite", "-o", str(tmp_path / "x.csv"))
    assert clash.code == 2 and not (tmp_path / "x.csv").exists()
    english = run("export", "-o", str(tmp_path / "plan.sqlite3"), "--lang", "en", "--today", AS_OF)
    assert english.code == 0
    meta = json.loads((tmp_path / "plan.metadata.json").read_text(encoding="utf-8"))
    assert meta["databases"]["plan"]["queries"]["on_time_rate_by_unit"]["title"] == "On-time rate, by unit"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "plan.metadata.json",
        "plan.sqlite3",
    ]  # no temporary left


# --- Datasette serves it ----------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextlib.contextmanager
def datasette(db: Path) -> Iterator[str]:
    """Datasette serving `db` with its metadata on 127.0.0.1: its address once it answers (a bounded
    poll: 0.1 s apart, 30 s at most), stopped afterwards."""
    port = free_port()
    meta = db.with_name(db.stem + ".metadata.json")
    command = [
        sys.executable,
        "-m",
        "datasette",
        str(db),
        "-m",
        str(meta),
        "-p",
        str(port),
        "-h",
        "127.0.0.1",
    ]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _attempt in range(300):
            if proc.poll() is not None:
                raise AssertionError(
                    f"datasette stopped: {proc.stderr.read().decode() if proc.stderr else ''}"
                )
            try:
                with urllib.request.urlopen(f"{base}/-/versions.json", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        else:
            raise AssertionError("datasette did not answer within 30 s")
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stderr:
            proc.stderr.close()


def get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as answer:
        return json.loads(answer.read().decode("utf-8"))


def test_datasette_serves_the_canned_queries_with_tthcs_figures(published: Path) -> None:
    figures = {r.pop("unit"): r for r in rows(published, "SELECT * FROM unit_figures")}
    with datasette(published) as base:
        rates = get_json(f"{base}/ke-hoach/on_time_rate_by_unit.json?_shape=array")
        overdue = get_json(f"{base}/ke-hoach/overdue_by_unit.json?_shape=array")
        query = urllib.parse.urlencode({"item": "IV.2", "_shape": "array"})
        missing = get_json(f"{base}/ke-hoach/missing_by_item_and_period.json?{query}")
        search = urllib.parse.urlencode({"_search": "rà soát", "_shape": "array", "_col": "label"})
        found = get_json(f"{base}/ke-hoach/items.json?{search}")
        about = get_json(f"{base}/-/metadata.json")
    assert {r["unit"]: r["on_time_rate"] for r in rates} == {u: f["on_time_rate"] for u, f in figures.items()}
    assert {r["unit"]: r["overdue"] for r in overdue if r["kind"] == "unit"} == {
        u: f["overdue"] for u, f in figures.items() if f["overdue"]
    }
    # each unit's plan (no period), then its periodic reports, period by period
    periods = [None, "2021", "2021-Q1", "2021-Q2", "2021-Q3", "2021-Q4"]
    assert [(m["item"], m["period"], m["total"], m["done"]) for m in missing] == [
        ("duty:IV.2", p, 28, 0) for p in periods
    ]
    assert "task:3.2" in {r["id"] for r in found}
    assert about["databases"]["ke-hoach"]["queries"]["overdue_by_unit"]["title"] == "Quá hạn, theo đơn vị"
