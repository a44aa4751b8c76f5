"""Bounded work: a plan can ask for at most so many obligations (units × occurrences, over its items),
refused at the line that asks before any is made, however the files are written; and thousands of
problems are shown as the first hundred and a count of the rest (JSON keeps them all)."""

from __future__ import annotations

from pathlib import Path

from tthc_cli.data.dataset import assemble
from tthc_cli.domain.obligations import MAX_OBLIGATIONS
from tthc_cli.present.messages import message


def _plan(units: int, cadence: str, years: int) -> dict[str, bytes | None]:
    names = [f"UBND xã Số {i}" for i in range(units)]
    registry = (
        "province: Thử\nunits:\n"
        + "".join(f"  - name: {n}\n    type: commune\n" for n in names)
        + "groups:\n  - name: UBND cấp xã\n    kind: listed\n    members:\n"
        + "".join(f"      - {n}\n" for n in names)
    )
    plan = (
        "plan:\n  title: Kế hoạch thử\n  year: 2021\n"
        f"  period: {{start: 2021-01-01, end: {2020 + years}-12-31}}\n"
        "tasks:\n  - number: '1'\n    title: Báo cáo\n"
        "    lead: {text: null, refs: [UBND cấp xã]}\n"
        f"    deadline: {{text: {cadence}}}\n"
        "    each_unit: true\n"
    )
    return {"plan.yaml": plan.encode(), "units.yaml": registry.encode(), "progress.yaml": None}


def test_a_million_obligations_are_refused_at_the_line_that_asks_for_them() -> None:
    """2,002 units, every week, ten years: ~1.04 M obligations asked for by ~170 KB of YAML."""
    result = assemble(_plan(2002, "Hằng tuần", 10))
    assert result.plan is None
    (found,) = result.errors
    assert (found.code, found.file, found.line, found.path) == (
        "too-many-obligations",
        "plan.yaml",
        10,
        ("tasks", 0, "each_unit"),
    )
    assert found.args == {
        "item": "task:1",
        "count": 2002 * 522,
        "units": 2002,
        "occurrences": 522,
        "limit": MAX_OBLIGATIONS,
    }
    assert "TTHC_MAX_OBLIGATIONS" in message(found)


def test_the_bound_counts_every_item_and_can_be_raised() -> None:
    files = _plan(30, "Hằng tuần", 2)  # 30 units × 104 weeks ending in 2021–2022 = 3,120 obligations
    assert assemble(files).plan is not None
    refused = assemble(files, max_obligations=3_119)
    assert [p.code for p in refused.errors] == ["too-many-obligations"]
    raised = assemble(files, max_obligations=3_120)
    assert raised.plan is not None and len(raised.plan.children("task:1")) == 3_120


def test_a_recurrence_without_units_is_bounded_by_its_occurrences() -> None:
    files = _plan(1, "Hằng tuần", 10)
    refused = assemble(files, max_obligations=100)
    (found,) = refused.errors
    assert found.args["occurrences"] == 522 and found.path[-1] == "each_unit"


def test_the_command_line_raises_the_bound_from_the_environment(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    for name, raw in _plan(30, "Hằng tuần", 2).items():
        if raw is not None:
            (tmp_path / name).write_bytes(raw)
    refused = run("validate", "--data", str(tmp_path), env={"TTHC_MAX_OBLIGATIONS": "3119"})
    assert refused.code == 1 and "error[too-many-obligations]" in refused.stdout
    assert "TTHC_MAX_OBLIGATIONS" in refused.stdout
    assert run("validate", "--data", str(tmp_path), env={"TTHC_MAX_OBLIGATIONS": "3120"}).code == 0
    wrong = run("validate", "--data", str(tmp_path), env={"TTHC_MAX_OBLIGATIONS": "nhiều"})
    assert wrong.code == 2 and wrong.stderr.startswith("tthc: TTHC_MAX_OBLIGATIONS=nhiều:")
    above = run("validate", "--data", str(tmp_path), env={"TTHC_MAX_OBLIGATIONS": "200001"})
    assert above.code == 2 and "từ 1 đến 200.000" in above.stderr
    assert run("validate", "--data", str(tmp_path), env={"TTHC_MAX_OBLIGATIONS": "200000"}).code == 0


def test_numbers_too_long_to_convert_are_refused_in_words(run) -> None:  # type: ignore[no-untyped-def]
    """Python will not convert more than 4,300 digits: every number tthc reads from the environment or
    the command line is checked for length first, and a refusal quotes its beginning only."""
    huge = "9" * 5000
    for env, args in (
        ({"TTHC_MAX_OBLIGATIONS": huge}, ("validate",)),
        ({"TTHC_SMTP_HOST": "127.0.0.1", "TTHC_SMTP_PORT": huge}, ("remind", "--send")),
        ({}, ("upcoming", "--within", huge)),
    ):
        result = run(*args, env=env)
        assert result.code == 2 and result.stderr.startswith("tthc: "), result.stderr
        assert "9" * 60 + "…" in result.stderr and len(result.stderr) < 300
    # A width no terminal has is ignored, as any other insane COLUMNS.
    assert run("units", env={"COLUMNS": huge}).code == 0


def test_whole_numbers_are_ascii_digits_within_their_bound() -> None:
    from tthc_cli.textnorm import whole_number

    assert [
        whole_number(t, 100) for t in ("7", " 007 ", "100", "101", "", "-1", "3_0", "٣", "²", "9" * 5000)
    ] == [
        7,
        7,
        100,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
    ]


def test_a_message_quotes_a_huge_name_and_a_long_list_in_a_line() -> None:
    """A 1 MB unit name is named by its beginning; 50 candidates are 12 and a count."""
    from tthc_cli.domain.problems import problem

    long_name = "Sở " + "x" * 1_000_000
    said = message(problem("unknown-unit", name=long_name, suggestions=(long_name,) * 3))
    assert len(said) < 1000 and said.count("x" * 190 + "…") == 4
    names = tuple(f"UBND xã Số {i}" for i in range(50))
    listed = message(problem("unknown-unit", name="UBND xã Số", suggestions=names))
    assert "'UBND xã Số 11', và 38 mục khác" in listed and "Số 12'" not in listed


def test_a_one_off_item_owed_unit_by_unit_counts_one_occurrence() -> None:
    result = assemble(_plan(20, "Trước ngày 30/6/2021", 1), max_obligations=10)
    (found,) = result.errors
    assert dict(found.params)["units"] == 20 and dict(found.params)["occurrences"] == 1
    assert "(20 đơn vị × 1 kỳ)" in message(found)


def test_many_problems_are_counted_after_the_first_hundred(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    with open(data_dir / "plan.yaml", "a", encoding="utf-8") as handle:
        handle.write("\n" + "".join(f"x_{i}: {i}\n" for i in range(2500)))
    text = run("validate", "--data", str(data_dir))
    assert text.code == 1
    assert sum(1 for line in text.stdout.splitlines() if "error[unknown-field]" in line) == 100
    assert "… và 2.400 lỗi khác" in text.stdout
    assert len(run("validate", "-f", "json", "--data", str(data_dir)).stdout.split('"unknown-field"')) == 2501
    listed = run("list", "--data", str(data_dir))
    assert listed.code == 1 and "… và 2.490 lỗi khác" in listed.stderr
