"""A period is typed as every table prints it ("quý I/2021", "6 tháng đầu năm 2021", "tháng 5/2022") or
by its code, with or without diacritics or capitals, wherever a period is asked for (`missing --period`,
`progress add --period`, `report --period`); a period the item does not recur in is answered with the
periods it does, in the same words."""

from __future__ import annotations

from pathlib import Path

import pytest

from tthc_cli.domain.plan import Plan
from tthc_cli.domain.problems import ProblemError
from tthc_cli.domain.report_periods import period_code, report_period
from tthc_cli.present.messages import message

from .conftest import ROOT


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("quý I/2021", "2021-Q1"),
        ("Quý 1/2021", "2021-Q1"),
        ("QUY II / 2021", "2021-Q2"),
        ("quý IV/2021", "2021-Q4"),
        ("6 tháng đầu năm 2021", "2021-H1"),
        ("6 thang cuoi nam 2021", "2021-H2"),
        ("9 tháng đầu năm 2021", "2021-9M"),
        ("9 tháng 2021", "2021-9M"),
        ("tháng 5/2022", "2022-M05"),
        ("Tháng 12/2022", "2022-M12"),
        ("năm 2021", "2021"),
        ("tuần 5/2021", "2021-W05"),
        ("30/06/2021", "2021-06-30"),
        ("01/06/2021 – 07/06/2021", "2021-06-01/2021-06-07"),
        ("quarter II/2021", "2021-Q2"),  # the words --lang en prints
        ("first half of 2021", "2021-H1"),
        ("the first nine months of 2021", "2021-9M"),
        ("month 5/2022", "2022-M05"),
        ("year 2021", "2021"),
        ("2021-q2", "2021-Q2"),  # codes, in any case
        ("2022-m5", "2022-M05"),
        ("2021-9m", "2021-9M"),
        ("2021", "2021"),
    ],
)
def test_a_period_is_read_as_tables_print_it_or_by_its_code(typed: str, code: str) -> None:
    assert period_code(typed) == code


@pytest.mark.parametrize("typed", ["Q1", "quý V/2021", "mùa xuân 2021", "", "31/06/2021"])
def test_what_names_no_period_is_none(typed: str) -> None:
    assert period_code(typed) is None


def test_an_items_period_named_in_words_is_its_code(plan: Plan) -> None:
    assert plan.period_of("duty:IV.2", "quý I/2021") == "2021-Q1"
    assert plan.period_of("duty:IV.2/so-y-te", "năm 2021") == "2021"  # an obligation's are its item's
    with pytest.raises(ProblemError) as caught:
        plan.period_of("duty:IV.2", "quý I/2022")
    said = message(caught.value.problem)
    assert said == (
        "duty:IV.2 không có kỳ 'quý I/2022'; các kỳ của nó: quý I/2021, quý II/2021, quý III/2021, "
        "quý IV/2021, năm 2021"
    )


def test_missing_takes_the_period_in_words(run) -> None:  # type: ignore[no-untyped-def]
    for typed in ("quý II/2021", "quy 2/2021", "2021-Q2"):
        result = run("missing", "IV.2", "--period", typed, "--today", "2021-06-17")
        assert result.code == 0, result.stderr
        assert result.stdout.startswith("Mục IV.2 (quý II/2021): 0/28 đã hoàn thành, 28 chưa")


def test_missing_lists_the_items_periods_in_words(run) -> None:  # type: ignore[no-untyped-def]
    result = run("missing", "IV.2", "--period", "quý I/2022")
    assert result.code == 1
    assert "các kỳ của nó: quý I/2021, quý II/2021, quý III/2021, quý IV/2021, năm 2021" in result.stderr


def test_progress_add_takes_the_period_in_words(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    added = run(
        "progress", "add", "IV.2", "--unit", "so y te", "--period", "quý I/2021",
        "--status", "done", "--date", "2021-04-10", "--data", str(data_dir),
    )  # fmt: skip
    assert added.code == 0, added.stderr
    assert "Đã ghi: Mục IV.2 – Sở Y tế (quý I/2021) hoàn thành" in added.stderr
    assert '- id: "duty:IV.2/so-y-te/2021-Q1"' in (data_dir / "progress.yaml").read_text(encoding="utf-8")


def test_progress_add_answers_a_period_the_item_lacks_with_its_periods_not_an_internal_id(
    run, data_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    before = (data_dir / "progress.yaml").read_bytes()
    for typed in ("quý I/2022", "Q1"):
        added = run(
            "progress", "add", "IV.2", "--unit", "so y te", "--period", typed,
            "--status", "done", "--data", str(data_dir),
        )  # fmt: skip
        assert added.code == 1
        assert f"không có kỳ '{typed}'; các kỳ của nó: quý I/2021, quý II/2021" in added.stderr
        assert "quy-i" not in added.stderr and "/q1" not in added.stderr
    assert (data_dir / "progress.yaml").read_bytes() == before


def test_a_monthly_item_lists_its_months_in_words(run) -> None:  # type: ignore[no-untyped-def]
    folder = str(ROOT / "tests" / "fixtures" / "an-lac-2022")
    result = run("missing", "task:3", "--period", "quý I/2022", "--data", folder)
    assert result.code == 1
    assert "tháng 1/2022, tháng 2/2022" in result.stderr
    ok = run("missing", "task:3", "--period", "Tháng 5/2022", "--data", folder, "--today", "2022-06-01")
    assert ok.code == 0 and "(tháng 5/2022)" in ok.stdout


def test_report_takes_the_period_in_words(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert report_period("quý II/2021") == report_period("2021-Q2")
    assert report_period("9 tháng đầu năm 2021").code == "2021-9M"
    out = tmp_path / "q1.md"
    result = run("report", "--period", "quý I/2021", "--today", "2021-04-20", "-o", str(out))
    assert result.code == 0, result.stderr
    assert out.read_text(encoding="utf-8")
    refused = run("report", "--period", "mùa xuân 2021")
    assert refused.code == 2 and "quý II/2021" in refused.stderr


def test_an_ids_period_is_read_in_any_case_and_in_words() -> None:
    from tthc_cli.domain.item_ids import normalise_id, obligation_id

    assert normalise_id("task:3/2022-m5") == "task:3/2022-M05"  # it was task:3/2022-M5: no such obligation
    assert obligation_id("task:3", None, "tháng 5/2022") == "task:3/2022-M05"
    assert obligation_id("duty:IV.2", "Sở Y tế", "2021-Q2") == "duty:IV.2/so-y-te/2021-Q2"


def test_a_log_entrys_period_may_be_written_in_words(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    (data_dir / "progress.yaml").write_text(
        "entries:\n"
        "  - {id: 'duty:IV.2', unit: Sở Y tế, period: quý I/2021, date: 2021-03-15, status: done}\n",
        encoding="utf-8",
    )
    assert run("validate", "--data", str(data_dir)).code == 0
    shown = run("show", "duty:IV.2/so-y-te/2021-Q1", "--data", str(data_dir), "--format", "json")
    assert '"status": "done"' in shown.stdout
