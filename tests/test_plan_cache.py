"""The compiled plan answers exactly as the validated files do, and is never trusted when stale."""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import types
from datetime import date
from pathlib import Path

import pytest

from tthc_cli.data import cache, plan_cache
from tthc_cli.data.cache import cache_dir
from tthc_cli.domain.queries import unit_rows
from tthc_cli.domain.status import statuses
from tthc_cli.present.contracts import item_to_dict

from .conftest import ITEMS_2021, shipped_files


def test_round_trip_keeps_every_answer(ds) -> None:  # type: ignore[no-untyped-def]
    back = plan_cache.from_json(json.loads(json.dumps(plan_cache.to_json(ds))))
    assert [item_to_dict(i) for i in back.items] == [item_to_dict(i) for i in ds.items]
    assert back.year == ds.year and back.progress == ds.progress
    for name in ("Sở Y tế", "UBND huyện Gia Lộc", "Báo Hải Dương", "UBND cấp xã"):
        assert [(r.item.id, r.role, r.via, r.definite) for r in unit_rows(back, name)] == [
            (r.item.id, r.role, r.via, r.definite) for r in unit_rows(ds, name)
        ]
    for typed in ("so y te", "TP Chí Linh", "Giang", "Hải Dương"):
        assert back.registry.lookup(typed) == ds.registry.lookup(typed)
    day = date(2021, 8, 3)
    assert {k: v.status for k, v in statuses(back, day).items()} == {
        k: v.status for k, v in statuses(ds, day).items()
    }
    assert back.by_id["review:13"].deadline.effective_due == date(2021, 8, 2)


def test_fingerprint_changes_with_any_byte() -> None:
    files = shipped_files()
    key = plan_cache.fingerprint(files)
    assert plan_cache.fingerprint(dict(files)) == key
    changed = dict(files)
    changed["units.yaml"] = files["units.yaml"] + b" "  # type: ignore[operator]
    assert plan_cache.fingerprint(changed) != key
    missing = dict(files)
    missing["progress.yaml"] = None
    assert plan_cache.fingerprint(missing) != key


def test_fingerprint_changes_with_tthc_code(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A developer's edit to any module of tthc, in any layer (here: of a stand-in package folder),
    makes a new key, so a plan compiled by the old code is never read by the new."""
    files = shipped_files()
    code = tmp_path / "tthc_cli"
    for layer in ("data", "domain", "present"):
        (code / layer).mkdir(parents=True)
    (code / "data" / "plan_cache.py").write_text("# stand-in\n")
    (code / "domain" / "deadlines.py").write_text("DAYS = 1\n")
    (code / "present" / "tables.py").write_text("WIDTH = 1\n")
    monkeypatch.setattr(plan_cache, "__file__", str(code / "data" / "plan_cache.py"))
    key = plan_cache.fingerprint(files)
    assert plan_cache.fingerprint(files) == key
    (code / "domain" / "deadlines.py").write_text("DAYS = 12\n")
    changed = plan_cache.fingerprint(files)
    assert changed != key
    (code / "present" / "tables.py").write_text("WIDTH = 2\n")
    assert plan_cache.fingerprint(files) != changed


def test_fingerprint_changes_with_the_holidays_package(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Another `holidays` release may move a day off, and with it an effective due date: new key."""
    files = shipped_files()
    package = tmp_path / "holidays"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "version.py").write_text('__version__ = "0.50"\n')
    fake = types.ModuleType("holidays")
    fake.__spec__ = importlib.util.spec_from_file_location("holidays", package / "__init__.py")
    monkeypatch.setitem(sys.modules, "holidays", fake)
    key = plan_cache.fingerprint(files)
    assert plan_cache.fingerprint(files) == key
    (package / "version.py").write_text('__version__ = "0.61"  # new tables\n')
    assert plan_cache.fingerprint(files) != key


def test_a_stale_cache_is_never_used(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    assert run("due", "--before", "2021-06-30", "--data", str(data_dir)).code == 0
    path = plan_cache.cache_path(cache_dir(os.environ), str(data_dir))
    assert path is not None and Path(path).exists()
    plan = data_dir / "appendix_review.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("Trước ngày 30/6/2021", "Trước ngày 31/6/2021"),
        encoding="utf-8",
    )
    after = run("due", "--before", "2021-06-30", "--data", str(data_dir))
    assert after.code == 1 and "invalid-date" in after.stderr


def test_a_damaged_cache_is_only_a_miss(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    assert run("list", "--data", str(data_dir)).code == 0
    path = Path(plan_cache.cache_path(cache_dir(os.environ), str(data_dir)) or "")
    for damage in (b"", b"{not json", json.dumps({"key": "x", "plan": {}}).encode()):
        path.write_bytes(damage)
        result = run("list", "-f", "json", "--data", str(data_dir))
        assert result.code == 0 and len(json.loads(result.stdout)) == ITEMS_2021


def test_no_cache_when_asked(run, data_dir: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("TTHC_NO_CACHE", "1")
    assert plan_cache.cache_path(cache_dir(os.environ), str(data_dir)) is None
    assert run("list", "--data", str(data_dir)).code == 0


def test_the_cache_folder_is_bounded(tmp_path) -> None:  # type: ignore[no-untyped-def]
    for i in range(40):
        path = tmp_path / f"{i:024x}.json"
        path.write_text("{}", encoding="utf-8")
        os.utime(path, (1000 + i, 1000 + i))
    stale = tmp_path / ".abc.json.x1.tmp"
    stale.write_text("", encoding="utf-8")
    os.utime(stale, (0, 0))
    fresh = tmp_path / ".def.json.x2.tmp"
    fresh.write_text("", encoding="utf-8")
    other = tmp_path / "holidays-VN-2021-123-456.json"
    other.write_text("[]", encoding="utf-8")
    os.utime(other, (2000, 2000))
    for i in range(3):  # holiday tables are bounded too, the least recently written go first
        table = tmp_path / f"holidays-VN-{2030 + i}-1-{i}.json"
        table.write_text("[]", encoding="utf-8")
        os.utime(table, (1000 + i, 1000 + i))
    cache.prune(str(tmp_path), keep=32, now=os.path.getmtime(fresh), keep_tables=2)
    tables = sorted(p.name for p in tmp_path.glob("holidays-*.json"))
    assert tables == ["holidays-VN-2021-123-456.json", "holidays-VN-2032-1-2.json"]
    kept = sorted(p.name for p in tmp_path.glob("*.json") if not p.name.startswith("holidays"))
    assert len(kept) == 32 and kept[0] == f"{8:024x}.json"  # the 8 least recently written went
    assert not stale.exists() and fresh.exists() and other.exists()


def test_tests_use_a_cache_folder_of_their_own() -> None:
    import os
    import tempfile

    assert os.environ["TTHC_CACHE_DIR"].startswith(tempfile.gettempdir())
