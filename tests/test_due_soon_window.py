"""'Due soon' means due within a week unless --warn-days says otherwise: one window for the core and
for every command, its edges included."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from tthc_cli.domain.status import Status, judge, statuses

from .small_plans import due_on, item, plan

DUE = date(2021, 5, 31)  # task 1.1 of the shipped plan: "Xong trước tháng 6 năm 2021", a Monday


def test_an_item_due_within_seven_days_is_due_soon_and_one_due_in_eight_is_not() -> None:
    task = item("task:1.1", deadline=due_on(DUE))
    assert judge(task, [], DUE - timedelta(days=7)).status is Status.DUE_SOON
    assert judge(task, [], DUE - timedelta(days=8)).status is Status.NOT_DUE
    assert judge(task, [], DUE).status is Status.DUE_SOON
    whole = plan([task])
    assert statuses(whole, DUE - timedelta(days=7))["task:1.1"].status is Status.DUE_SOON
    assert statuses(whole, DUE - timedelta(days=8))["task:1.1"].status is Status.NOT_DUE


def test_the_window_is_counted_to_the_effective_due_date() -> None:
    # Due on Saturday 31/07/2021, moved to Monday 02/08: a week before the Monday is the 26th.
    task = item("task:2", deadline=due_on(date(2021, 7, 31), effective=date(2021, 8, 2)))
    assert judge(task, [], date(2021, 7, 26)).status is Status.DUE_SOON
    assert judge(task, [], date(2021, 7, 25)).status is Status.NOT_DUE


@pytest.mark.parametrize(
    ("window", "days_before", "status"),
    [(0, 0, "due_soon"), (0, 1, "not_due"), (8, 8, "due_soon"), (8, 9, "not_due")],
)
def test_a_window_given_is_the_window_used(window: int, days_before: int, status: str) -> None:
    task = item("task:1.1", deadline=due_on(DUE))
    assert judge(task, [], DUE - timedelta(days=days_before), window).status == status
    assert statuses(plan([task]), DUE - timedelta(days=days_before), window)["task:1.1"].status == status


def _status(run, *args: str) -> str:  # type: ignore[no-untyped-def]
    result = run(*args)
    assert result.code == 0, result.stderr
    found = json.loads(result.stdout)
    rows = found["items"] if isinstance(found, dict) and "items" in found else found
    if isinstance(rows, dict):  # show: one item
        return str(rows["status"]["code"])
    return str(next(r for r in rows if r["id"] == "task:1.1")["status"]["code"])


@pytest.mark.parametrize(
    "command",
    [["show", "1.1"], ["list"], ["unit", "Văn phòng UBND tỉnh"]],
    ids=["show", "list", "unit"],
)
def test_every_command_says_due_soon_from_seven_days_before(run, command: list[str]) -> None:  # type: ignore[no-untyped-def]
    seven, eight = (f"{DUE - timedelta(days=n):%Y-%m-%d}" for n in (7, 8))
    assert _status(run, *command, "-f", "json", "--today", seven) == "due_soon"
    assert _status(run, *command, "-f", "json", "--today", eight) == "not_due"
    assert _status(run, *command, "-f", "json", "--today", eight, "--warn-days", "8") == "due_soon"


def test_help_states_the_default_window(run) -> None:  # type: ignore[no-untyped-def]
    shown = run("show", "--help", "--lang", "en")
    assert shown.code == 0
    assert "(default: 7; from 0 to 366)" in " ".join(shown.stdout.split())
