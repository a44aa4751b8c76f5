"""At 80 columns each table keeps what an official reads at a glance — who, when, how late — and lets
the item's text shrink and wrap before any of it goes: `overdue` keeps the lead and the days late (the
due date goes, the days say it), `due` the lead, the due date and the status, `missing` the unit, `unit`
the role (and, on the shipped plan, the group it comes through from 88 columns, where it needed 121)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tthc_cli.present import tables
from tthc_cli.present.tables import SHRINK, Table, fit_columns

NARROW = {"COLUMNS": "80"}


def header_and_hidden(text: str) -> tuple[list[str], str]:
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 80
    header = next(line for line in lines if line.startswith("| Mục "))
    hidden = next((line for line in lines if line.startswith("Đã ẩn cột: ")), "")
    return [c.strip() for c in header.split("|")[1:-1]], hidden


def test_overdue_at_80_columns_keeps_who_leads_and_how_late(run) -> None:  # type: ignore[no-untyped-def]
    cells, hidden = header_and_hidden(run("overdue", "--today", "2021-06-20", env=NARROW).stdout)
    assert cells == ["Mục", "Nội dung", "Chủ trì", "Số ngày trễ"]
    assert hidden.startswith("Đã ẩn cột: Loại, Phối hợp / đơn vị, Thời hạn, Hạn")


def test_due_at_80_columns_keeps_the_lead_the_date_and_the_status(run) -> None:  # type: ignore[no-untyped-def]
    out = run("due", "--before", "30/6/2021", "--today", "2021-06-10", env=NARROW).stdout
    cells, hidden = header_and_hidden(out)
    assert cells == ["Mục", "Nội dung", "Chủ trì", "Hạn", "Tình trạng"]
    assert hidden.startswith("Đã ẩn cột: Loại, Phối hợp / đơn vị, Thời hạn")


def test_missing_at_80_columns_keeps_the_unit(run) -> None:  # type: ignore[no-untyped-def]
    out = run("missing", "IV.2", "--period", "2021-Q2", "--today", "2021-06-17", env=NARROW).stdout
    cells, hidden = header_and_hidden(out)
    assert cells == ["Mục", "Đơn vị", "Hạn", "Tình trạng"]  # the period is in the title and each Mục
    assert hidden.startswith("Đã ẩn cột: Kỳ")


def test_a_units_table_shrinks_the_text_before_leaving_out_the_group(run) -> None:  # type: ignore[no-untyped-def]
    cells, hidden = header_and_hidden(run("unit", "Sở Y tế", "--today", "2021-06-10", env=NARROW).stdout)
    assert cells == ["Mục", "Vai trò", "Nội dung", "Hạn", "Tình trạng"]
    assert hidden.startswith("Đã ẩn cột: Qua nhóm, Chi tiết, Thời hạn")
    wider = run("unit", "Sở Y tế", "--today", "2021-06-10", env={"COLUMNS": "90"}).stdout.splitlines()
    header = next(line for line in wider if line.startswith("| Mục "))
    assert [c.strip() for c in header.split("|")[1:-1]] == [
        "Mục", "Vai trò", "Qua nhóm", "Nội dung", "Hạn", "Tình trạng",
    ]  # fmt: skip


def test_shrink_lets_the_text_wrap_before_the_columns_after_it_go() -> None:
    row = ("Mục 1.1", "a long text " * 10, "Văn phòng UBND tỉnh", "30/06/2021")
    table = Table(("Mục", "Nội dung", "Chủ trì", "Hạn"), (row,), content=1, one_line=(1,))
    without = fit_columns(replace(table, drop=(2,)), 60)
    assert without.dropped == (2,)  # the text keeps its room and the lead goes
    shrunk = fit_columns(replace(table, drop=(SHRINK, 2)), 60)
    assert shrunk.dropped == () and sum(shrunk.sizes.values()) + 3 * 4 + 1 <= 60


@pytest.mark.parametrize("width", [60, 70, 80, 100, 120])
def test_a_shrunk_table_still_fits_its_width(plan, width: int) -> None:  # type: ignore[no-untyped-def]
    table = tables.item_table(plan.items, plan.meta)
    fit = fit_columns(table, width)
    assert sum(fit.sizes.values()) + 3 * len(fit.sizes) + 1 <= width
