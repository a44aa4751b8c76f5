"""Dates typed on the command line: YYYY-MM-DD or D/M/YYYY, and, relative to the day a query looks
at, today, eow, eom, eoq, eoy, +14d, +2w, -3d. Within 1900–2999, ASCII digits only."""

from __future__ import annotations

import re
from datetime import date, timedelta

from tthc_cli.domain.calendar import month_end
from tthc_cli.domain.problems import ProblemError, problem

# [0-9], not \d: \d also matches '٣' (Arabic-Indic) and other scripts' digits, which int() accepts.
_OFFSET = re.compile(r"^([+-])([0-9]{1,4})([dw])$")
_DMY = re.compile(r"^([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})$")
_ISO = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
# Dates a command accepts: the plan's world with room to spare. Queries add up to ten years of
# look-ahead and look back a year; 31/12/9999 would overflow the calendar in the middle of one.
USER_DATE_MIN = date(1900, 1, 1)
USER_DATE_MAX = date(2999, 12, 31)


def parse_user_date(text: str, today: date | None = None) -> date:
    """YYYY-MM-DD or D/M/YYYY; with `today`: today, eow (Sunday), eom, eoq, eoy, +14d, +2w, -3d.
    Raises ProblemError (code user-date) whose variant says what went wrong: not-real, out-of-range,
    off-calendar, unreadable (unreadable-relative when `today` allows the relative forms)."""
    day = _parse_user_date(text, today)
    if not USER_DATE_MIN <= day <= USER_DATE_MAX:
        raise ProblemError(
            problem("user-date", "out-of-range", text=text, day=day, first=USER_DATE_MIN, last=USER_DATE_MAX)
        )
    return day


def _parse_user_date(text: str, today: date | None) -> date:
    value = text.strip().lower()
    try:
        if m := _ISO.match(value):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := _DMY.match(value):
            return date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        raise ProblemError(problem("user-date", "not-real", text=text)) from None
    if today is not None:
        if value in ("today", "hôm nay", "hom nay"):
            return today
        if value == "eow":
            return today + timedelta(days=6 - today.weekday())
        if value == "eom":
            return month_end(today.year, today.month)
        if value == "eoq":
            return month_end(today.year, 3 * ((today.month - 1) // 3) + 3)
        if value == "eoy":
            return date(today.year, 12, 31)
        if m := _OFFSET.match(value):
            days = int(m[2]) * (7 if m[3] == "w" else 1)
            try:
                return today + timedelta(days=days if m[1] == "+" else -days)
            except OverflowError:
                raise ProblemError(problem("user-date", "off-calendar", text=text, today=today)) from None
    raise ProblemError(
        problem("user-date", "unreadable" if today is None else "unreadable-relative", text=text)
    )
