"""A problem is a value: a stable code, its parameters and where it stands; placing it, locating it
and making a warning an error give new values and leave the original as it was."""

from __future__ import annotations

from datetime import date

import pytest

from tthc_cli.domain.problems import Problem, ProblemError, Severity, count, format_path, problem, warning


def test_a_problem_is_an_error_with_its_parameters_in_the_order_given_and_no_variant() -> None:
    found = problem("unknown-unit", name="Sở Y tê", suggestions=("Sở Y tế",))
    assert found == Problem("unknown-unit", (("name", "Sở Y tê"), ("suggestions", ("Sở Y tế",))))
    assert found.variant == ""
    assert found.severity is Severity.ERROR and found.is_error
    assert found.args == {"name": "Sở Y tê", "suggestions": ("Sở Y tế",)}
    assert (found.file, found.path, found.line, found.column, found.at_key) == ("", (), 0, 0, False)


def test_a_warning_is_not_an_error_and_keeps_its_variant() -> None:
    found = warning("copied-year", "text", year=2021, day=date(2021, 6, 30))
    assert found.severity is Severity.WARNING and not found.is_error
    assert found.variant == "text"
    assert found.args == {"year": 2021, "day": date(2021, 6, 30)}
    assert warning("duplicate-id").variant == ""
    assert problem("bad-date", "no-such-day", severity=Severity.WARNING).variant == "no-such-day"


def test_a_problem_placed_at_a_field_keeps_its_code_and_says_whether_it_points_at_the_key() -> None:
    found = problem("duplicate-key", key="id")
    at_value = found.at("plan.yaml", ("tasks", 3, "id"))
    assert (at_value.file, at_value.path, at_value.at_key) == ("plan.yaml", ("tasks", 3, "id"), False)
    at_key = found.at("plan.yaml", ("tasks", 3, "id"), key=True)
    assert at_key.at_key is True
    assert at_key.at("units.yaml").path == () and at_key.at("units.yaml").at_key is False
    assert at_key.code == "duplicate-key" and at_key.args == {"key": "id"}
    assert found.file == "" and found.path == ()  # the original is unchanged


def test_a_located_problem_has_the_path_shown_and_its_line_and_column() -> None:
    placed = problem("unknown-unit", name="X").at("plan.yaml", ("tasks", 0, "lead"), key=True)
    located = placed.located("data/plan.yaml", 12, 7)
    assert (located.file, located.line, located.column) == ("data/plan.yaml", 12, 7)
    assert located.path == ("tasks", 0, "lead") and located.at_key is True
    assert (placed.line, placed.column) == (0, 0)


def test_strict_makes_a_warning_an_error_and_leaves_an_error_one() -> None:
    found = warning("copied-year", year=2021).at("plan.yaml", ("tasks", 1))
    strict = found.as_error()
    assert strict.is_error and strict.severity is Severity.ERROR
    assert strict.code == found.code and strict.path == found.path and strict.args == found.args
    assert not found.is_error
    assert problem("bad-date").as_error().is_error


def test_problems_sort_by_file_then_line_then_column_then_code() -> None:
    problems = [
        problem("b").located("units.yaml", 1, 1),
        problem("b").located("plan.yaml", 3, 1),
        problem("a").located("plan.yaml", 3, 1),
        problem("a").located("plan.yaml", 2, 9),
        problem("a").located("plan.yaml", 3, 0),
    ]
    assert [(p.file, p.line, p.column, p.code) for p in sorted(problems, key=Problem.sort_key)] == [
        ("plan.yaml", 2, 9, "a"),
        ("plan.yaml", 3, 0, "a"),
        ("plan.yaml", 3, 1, "a"),
        ("plan.yaml", 3, 1, "b"),
        ("units.yaml", 1, 1, "b"),
    ]


def test_a_problem_that_cannot_be_returned_is_raised_carrying_it() -> None:
    found = problem("bad-date", "no-such-day", text="31/6/2021")
    with pytest.raises(ProblemError) as raised:
        raise ProblemError(found)
    assert raised.value.problem is found
    assert str(raised.value) == "bad-date"
    assert isinstance(raised.value, ValueError)


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        (("tasks", 3, "deadline", "text"), "tasks[3].deadline.text"),
        ((0, "id"), "[0].id"),
        (("units",), "units"),
        (("rows", 0, 1), "rows[0][1]"),
        ((), ""),
    ],
)
def test_a_field_path_is_written_as_a_machine_names_it(path: tuple[str | int, ...], shown: str) -> None:
    assert format_path(path) == shown


def test_counting_problems_separates_errors_from_warnings() -> None:
    found = [problem("a"), warning("b"), warning("c"), problem("d"), problem("e")]
    assert count(found) == {"errors": 3, "warnings": 2}
    assert count(tuple(found[1:3])) == {"errors": 0, "warnings": 2}
    assert count([]) == {"errors": 0, "warnings": 0}
