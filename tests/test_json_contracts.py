"""The JSON scripts read, for the parts of an item the shipped plan's contract tests do not reach:
facts read rather than printed, the reports an item's words ask for, a standing responsibility,
and a progress entry."""

from __future__ import annotations

from datetime import date

from tthc_cli.domain.accountability import Assignment
from tthc_cli.domain.plan import Entry, EntryStatus, Fact, ReportsAsked, Role
from tthc_cli.present.contracts import entry_to_dict, item_to_dict, unit_row_to_dict

from .small_plans import SO, SYT, item


def test_an_item_with_inferred_facts_and_reports_asked_carries_both_with_their_basis() -> None:
    task = item(
        "task:3.2",
        lead=(SO,),
        inferred=((Fact.LEAD, "Điều 2.1 và Mục 3.1"), (Fact.DEADLINE, "Mục 3.2")),
        reports=ReportsAsked(
            text="báo cáo định kỳ quý, năm hoặc đột xuất",
            periods=("quarter", "year"),
            ad_hoc=True,
            as_regulated=False,
            by=(SYT,),
            basis="Mục 3.2",
        ),
    )
    out = item_to_dict(task)
    assert out["inferred"] == {"lead": "Điều 2.1 và Mục 3.1", "deadline": "Mục 3.2"}
    assert out["reports"] == {
        "text": "báo cáo định kỳ quý, năm hoặc đột xuất",
        "periods": ["quarter", "year"],
        "ad_hoc": True,
        "as_regulated": False,
        "by": [SYT],
        "basis": "Mục 3.2",
    }
    assert "standing" not in out


def test_reports_left_to_regulation_say_so() -> None:
    out = item_to_dict(item("duty:IV.5", reports=ReportsAsked(text="theo quy định", as_regulated=True)))
    assert out["reports"] == {
        "text": "theo quy định",
        "periods": [],
        "ad_hoc": False,
        "as_regulated": True,
        "by": [],
        "basis": "",
    }


def test_a_standing_responsibility_says_so_and_an_ordinary_item_carries_none_of_the_extras() -> None:
    assert item_to_dict(item("duty:IV.1", standing=True))["standing"] is True
    plain = item_to_dict(item("task:1.1"))
    assert set(plain) == {"id", "kind", "title", "lead", "support", "deadline", "deliverable"}


def test_a_progress_entry_keeps_its_iso_date_status_and_words() -> None:
    entry = Entry("task:1.1", date(2021, 3, 5), EntryStatus.DONE, note="Đã trình", evidence="QĐ 12", by=SYT)
    assert entry_to_dict(entry) == {
        "date": "2021-03-05",
        "status": "done",
        "note": "Đã trình",
        "evidence": "QĐ 12",
        "by": SYT,
    }
    bare = entry_to_dict(Entry("task:1.1", date(2021, 3, 5), EntryStatus.STARTED))
    assert bare == {"date": "2021-03-05", "status": "started", "note": None, "evidence": None, "by": None}


def test_a_units_row_adds_its_role_group_definiteness_ownership_and_the_groups_basis() -> None:
    row = Assignment(item("task:1", lead=(SO,)), Role.LEAD, SO, True, False, "Mục 4")
    out = unit_row_to_dict(row)
    assert {k: out[k] for k in ("id", "role", "via", "definite", "own", "via_basis")} == {
        "id": "task:1",
        "role": "lead",
        "via": SO,
        "definite": True,
        "own": False,
        "via_basis": "Mục 4",
    }
    assert list(out)[-5:] == ["role", "via", "definite", "own", "via_basis"]
