"""An item as a person names it — its ID, its bare number, or the document's numbering as every table
shows it ("Mục 3.2", "PL I – 7", "Mục IV.2 – Sở Y tế (quý II/2021)"), with or without the unit and the
period, diacritics or capitals — is found by one lookup (Plan.find_id), and every command that takes an
item accepts it: show, progress add, missing, and tab completion offers the names."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from tthc_cli.cli.completion import complete_ids
from tthc_cli.domain.plan import Plan
from tthc_cli.domain.suggest import unknown_id
from tthc_cli.present.messages import message


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("Mục 3.2", "task:3.2"),
        ("mục 1.1", "task:1.1"),
        ("Muc IV.2", "duty:IV.2"),
        ("Mục IV.2 – Sở Y tế", "duty:IV.2/so-y-te"),
        ("Mục IV.2 – Sở Y tế (quý II/2021)", "duty:IV.2/so-y-te/2021-Q2"),
        ("muc iv.2 - so y te (quy 2/2021)", "duty:IV.2/so-y-te/2021-Q2"),
        ("Mục 3.2 (năm 2021)", "task:3.2/2021"),
        ("PL I – 7", "review:7"),
        ("PL I - 7", "review:7"),
        ("PL I – 6 (Sở Y tế)", "review:6"),
        ("Phụ lục I, dòng 6", "review:6"),
        ("PL II – II.12", "inspection:II.12"),
        ("PL I – Ghi chú 2", "note:review.2"),
        ("PL I – Ghi chú 2 – Sở Y tế", "note:review.2/so-y-te"),
        ("Mục IV, đoạn cuối", "note:IV"),
        ("Item 3.2", "task:3.2"),  # as --lang en prints it
        ("App. I – 6 (Sở Y tế)", "review:6"),
        ("Section IV, closing paragraph", "note:IV"),
        ("3.2", "task:3.2"),  # IDs and bare numbers as before
        ("IV.2", "duty:IV.2"),
        ("review:6", "review:6"),
    ],
)
def test_the_documents_numbering_names_the_item(plan: Plan, typed: str, found: str) -> None:
    assert plan.find_id(typed) == found
    assert found in plan.by_id


@pytest.mark.parametrize(
    "typed",
    [
        "PL I – 6 (Sở Tư pháp)",  # row 6 is Sở Y tế's
        "Mục 3.2 – Sở Y tế",  # 3.2 is not owed unit by unit
        "Mục 3.1 (quý II/2021)",  # 3.1 does not recur
        "Mục 99",
        "PL I – 61",
    ],
)
def test_a_name_that_fits_no_item_names_none(plan: Plan, typed: str) -> None:
    assert plan.find_id(typed) not in plan.by_id


def test_a_name_in_the_log_is_answered_with_the_id_it_names(plan: Plan) -> None:
    """In progress.yaml only IDs are read; a label written there is told which ID it means."""
    assert "review:7" in message(unknown_id(plan, "PL I – 7"))


def test_a_heading_named_as_the_document_does_lists_its_items(plan: Plan) -> None:
    said = message(unknown_id(plan, "Mục 3"))
    assert "task:3.1" in said and "task:3.2" in said


def test_show_progress_add_and_missing_take_the_documents_numbering(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    folder = ["--data", str(data_dir)]
    shown = run("show", "Mục IV.2 – Sở Y tế (quý II/2021)", "--today", "2021-06-20", *folder)
    assert shown.code == 0, shown.stderr
    assert shown.stdout.startswith("Mục IV.2 – Sở Y tế (quý II/2021)")
    for typed, label in (("PL I – 7", "PL I – 7 (Sở Tài nguyên và Môi trường)"), ("Mục 1.1", "Mục 1.1")):
        added = run("progress", "add", typed, "--status", "done", "--date", "2021-06-20", *folder)
        assert added.code == 0, added.stderr
        assert f"Đã ghi: {label} hoàn thành ngày 20/06/2021" in added.stderr  # as the document names it
    named = "Mục IV.2 – Sở Y tế (quý II/2021)"
    report = run("progress", "add", named, "--status", "done", "--date", "2021-06-16", *folder)
    assert report.code == 0 and "Đã ghi: Mục IV.2 – Sở Y tế (quý II/2021) hoàn thành" in report.stderr
    log = (data_dir / "progress.yaml").read_text(encoding="utf-8")
    for key in ("review:7", "task:1.1", "duty:IV.2/so-y-te/2021-Q2"):
        assert f'- id: "{key}"' in log
    missing = run("missing", "Mục IV.2", "--period", "2021-Q2", "--today", "2021-06-17", *folder)
    assert missing.code == 0, missing.stderr
    assert missing.stdout.startswith("Mục IV.2 (quý II/2021): 1/28 đã hoàn thành, 27 chưa")


def test_a_name_that_fits_no_item_is_refused_by_every_command(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    folder = ["--data", str(data_dir)]
    before = (data_dir / "progress.yaml").read_bytes()
    for args in (
        ("show", "PL I – 61"),
        ("progress", "add", "PL I – 61", "--status", "done"),
        ("missing", "Mục 99"),
    ):
        result = run(*args, *folder)
        assert result.code == 1, args
        assert "không có việc nào mang mã" in result.stderr
    assert (data_dir / "progress.yaml").read_bytes() == before


def test_completion_offers_the_documents_numbering_once_it_is_typed(run) -> None:  # type: ignore[no-untyped-def]
    ctx = SimpleNamespace(params={})
    offered = complete_ids(ctx, "PL I – ")  # type: ignore[arg-type]
    assert "PL I – 6 (Sở Y tế)" in offered and "review:6" not in offered
    assert "Mục IV.2 – Sở Y tế (quý II/2021)" in complete_ids(ctx, "muc iv.2")  # type: ignore[arg-type]
    assert "review:6" in complete_ids(ctx, "rev")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        (
            "Mục IV.2 – Sở",
            "tthc: 'Mục IV.2 – Sở': tên đơn vị khớp với nhiều đơn vị: Sở Công Thương; Sở Nội vụ;",
        ),
        (
            "Mục IV.2 – Giang",
            "tthc: 'Mục IV.2 – Giang': tên đơn vị khớp với nhiều đơn vị: UBND huyện Bình Giang; "
            "UBND huyện Cẩm Giàng; UBND huyện Ninh Giang. Hãy gõ đầy đủ hơn.",
        ),
        (
            "Mục IV.2 (quý II/2021)",
            "tthc: 'Mục IV.2 (quý II/2021)' không nêu đơn vị, mà việc này giao riêng cho từng đơn vị: "
            "hãy nêu cả đơn vị (ví dụ 'Mục IV.2 – Sở Công Thương (quý II/2021)')",
        ),
    ],
)
def test_a_name_whose_unit_part_fits_several_units_or_none_says_so_without_made_up_ids(
    run, data_dir: Path, typed: str, said: str
) -> None:  # type: ignore[no-untyped-def]
    for args in (("show", typed, "--today", "2021-06-20"), ("progress", "add", typed, "--status", "done")):
        result = run(*args, "--data", str(data_dir))
        assert result.code == 1, args
        assert result.stderr.startswith(said), result.stderr
        assert "duty:IV.2/" not in result.stderr and "phần việc" not in result.stderr


def test_an_option_contradicting_the_unit_or_period_the_name_gives_is_refused_naming_both(
    run, data_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    folder = ["--data", str(data_dir)]
    before = (data_dir / "progress.yaml").read_bytes()
    named = "Mục IV.2 – Sở Y tế (quý II/2021)"
    add = ("progress", "add", named, "--status", "done", "--date", "2021-06-16", *folder)
    other_unit = run(*add, "--unit", "Sở Nội vụ")
    assert (other_unit.code, other_unit.stderr) == (
        1,
        f"tthc: '{named}' đã nêu Sở Y tế; --unit lại nêu Sở Nội vụ: chỉ nêu một lần\n",
    )
    other_period = run(*add, "--period", "quý III/2021")
    assert other_period.stderr == (
        f"tthc: '{named}' đã nêu quý II/2021; --period lại nêu quý III/2021: chỉ nêu một lần\n"
    )
    assert (data_dir / "progress.yaml").read_bytes() == before
    # Said again alike, or the part the name leaves out: the obligation the two name together.
    assert run(*add, "--unit", "so y te").code == 0
    quarter_one = run("progress", "add", "Mục IV.2 – Sở Y tế", "--period", "quý I/2021", "--status", "done",
                      "--date", "2021-03-16", *folder)  # fmt: skip
    assert quarter_one.code == 0 and "Mục IV.2 – Sở Y tế (quý I/2021)" in quarter_one.stderr
    log = (data_dir / "progress.yaml").read_text(encoding="utf-8")
    assert '"duty:IV.2/so-y-te/2021-Q2"' in log and '"duty:IV.2/so-y-te/2021-Q1"' in log


def test_missing_for_one_units_share_answers_for_that_units_reports(run) -> None:  # type: ignore[no-untyped-def]
    one = run("missing", "Mục IV.2 – Sở Y tế", "--period", "quý II/2021", "--today", "2021-06-20")
    assert one.code == 0, one.stderr
    assert one.stdout.startswith("Mục IV.2 – Sở Y tế (quý II/2021): 0/1 đã hoàn thành, 1 chưa")
    assert "không tách" not in one.stderr
    every = run("missing", "Mục IV.2 – Sở Y tế", "--today", "2021-06-20", "-f", "json")
    assert [row["id"] for row in json.loads(every.stdout)] == [
        f"duty:IV.2/so-y-te/{p}" for p in ("2021-Q1", "2021-Q2", "2021-Q3", "2021-Q4", "2021")
    ]
