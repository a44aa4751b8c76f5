"""Cross-file rules: each warning of the progress log and each appendix rule, shown to fire and to stay
quiet on the near miss (so neither a rule that never fires nor one that always fires goes unnoticed)."""

from __future__ import annotations

from datetime import date

import pytest

from tthc_cli.data.dataset import assemble

from .conftest import DATA, edit, load_with


def progress_problems(entries: str, today: date | None = date(2021, 12, 31)) -> set[tuple[int, str, str]]:
    """(line, code, severity) of every problem a log made of `entries` (flow mappings) gets."""
    log = "entries:\n" + "".join(f"  - {e}\n" for e in entries.strip().splitlines())
    files = {
        n: (DATA / n).read_bytes()
        for n in ("plan.yaml", "appendix_review.yaml", "appendix_inspection.yaml", "units.yaml")
    }
    result = assemble({**files, "progress.yaml": log.encode()}, today=today)
    return {(d.line, d.code, d.severity.value) for d in result.problems}


# Each rule of the log: a log that breaks it (the problem expected at its line), and the near miss
# that must stay quiet.
LOG_RULES = {
    "done twice": (
        """
{id: "review:1", date: 2021-05-20, status: done}
{id: "review:1", date: 2021-05-25, status: done}
""",
        {(3, "done-twice", "warning")},
    ),
    "done, reopened, done again": (
        """
{id: "review:1", date: 2021-05-20, status: done}
{id: "review:1", date: 2021-05-22, status: reopened}
{id: "review:1", date: 2021-05-25, status: done}
""",
        set(),
    ),
    "started after done": (
        """
{id: "review:1", date: 2021-05-20, status: done}
{id: "review:1", date: 2021-05-25, status: started}
""",
        {(3, "started-after-done", "warning")},
    ),
    "started again after reopening": (
        """
{id: "review:1", date: 2021-05-20, status: done}
{id: "review:1", date: 2021-05-22, status: reopened}
{id: "review:1", date: 2021-05-25, status: started}
""",
        set(),
    ),
    "the same entry twice": (
        """
{id: "review:1", date: 2021-05-20, status: note, note: "đã nhắc"}
{id: "review:1", date: 2021-05-20, status: note, note: "đã nhắc"}
""",
        {(3, "duplicate-entry", "warning")},
    ),
    "the same day, another note": (
        """
{id: "review:1", date: 2021-05-20, status: note, note: "đã nhắc"}
{id: "review:1", date: 2021-05-20, status: note, note: "đã nhắc lần hai"}
""",
        set(),
    ),
}


@pytest.mark.parametrize(("log", "expected"), LOG_RULES.values(), ids=LOG_RULES)
def test_progress_log_rules_fire_and_stay_quiet(log: str, expected: set[tuple[int, str, str]]) -> None:
    assert progress_problems(log) == expected


def test_an_entry_dated_today_is_not_in_the_future_and_tomorrow_is() -> None:
    today = date(2021, 6, 2)
    assert progress_problems('{id: "review:1", date: 2021-06-02, status: done}', today) == set()
    assert progress_problems('{id: "review:1", date: 2021-06-03, status: done}', today) == {
        (2, "future-entry", "error")
    }


def test_inspection_notes_may_touch_but_not_overlap() -> None:
    # The shipped block's notes cover rows [1, 4] and [5, 9]: adjacent, accepted.
    assert load_with().plan is not None
    overlapping = load_with(
        appendix_inspection_yaml=edit("appendix_inspection.yaml", "rows: [5, 9]", "rows: [4, 9]")
    )
    got = [(d.file, d.line, d.column, d.code) for d in overlapping.problems]
    assert got == [("appendix_inspection.yaml", 54, 15, "note-rows")]  # the second note's `rows`


def test_every_rule_is_in_the_one_list() -> None:
    """A rule written but not listed in CHECKS would never run: every check_* function of the rule
    modules is listed, once."""
    import inspect

    from tthc_cli.data import checks, checks_progress

    defined = {
        f
        for module in (checks, checks_progress)
        for name, f in inspect.getmembers(module, inspect.isfunction)
        if name.startswith("check_") and name != "check_dataset" and f.__module__ == module.__name__
    }
    assert defined == set(checks.CHECKS) and len(checks.CHECKS) == len(defined)


@pytest.mark.parametrize(
    ("fields", "line"),
    [
        ("    unit: Sở Không Có\n", 4),  # a unit the item does not bind: at `unit:`
        ("    unit: Sở Y tế\n    period: 2021-Q9\n", 5),  # the unit is right, the period is not
        ("    period: 2021-M01\n", 4),  # IV.2 does not recur: at `period:`
    ],
)
def test_a_wrong_unit_or_period_is_reported_at_its_own_line(fields: str, line: int) -> None:
    log = "entries:\n  - id: duty:IV.2\n    date: 2021-05-20\n" + fields + "    status: done\n"
    files = {
        n: (DATA / n).read_bytes()
        for n in ("plan.yaml", "appendix_review.yaml", "appendix_inspection.yaml", "units.yaml")
    }
    result = assemble({**files, "progress.yaml": log.encode()}, today=date(2021, 12, 31))
    found = [(d.line, d.code) for d in result.problems if d.file == "progress.yaml"]
    assert found == [(line, "unknown-id")], found
