"""Vietnamese deadline phrases -> typed deadlines; working days (Bộ luật Dân sự 2015, Art. 148)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache

from .records import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable


class DeadlineKind(StrEnum):
    BY_DATE = "by_date"
    BEFORE_MONTH = "before_month"
    MONTH = "month"
    WINDOW = "window"
    QUARTER = "quarter"
    HALF_YEAR = "half_year"
    YEAR = "year"
    ONGOING = "ongoing"
    RECURRING = "recurring"
    UNSPECIFIED = "unspecified"


class Deadline(Record):
    """What a phrase means. `due` is None for ongoing, recurring and unspecified deadlines.

    `window_end` is the last day of the period the item lives in: `due` when there is one, else the
    end of the year (an ongoing item's window closes 31/12). `every`/`every_day`: for recurring
    deadlines, "month", "quarter" or "year" and the day of the period if stated. `effective_due`:
    Art. 148(5) moves a due date on a weekend or holiday to the next working day; computed once here
    (or given, when read back from the compiled cache) so queries never need the holiday tables.
    """

    __slots__ = (
        "due",
        "effective_due",
        "every",
        "every_day",
        "kind",
        "start",
        "tentative",
        "text",
        "window_end",
    )

    def __init__(
        self,
        text: str | None,
        kind: DeadlineKind,
        start: date | None,
        due: date | None,
        window_end: date | None,
        tentative: bool = False,
        every: str | None = None,
        every_day: int | None = None,
        effective_due: date | None = None,
    ) -> None:
        self.text = text
        self.kind = kind
        self.start = start
        self.due = due
        self.window_end = window_end
        self.tentative = tentative
        self.every = every
        self.every_day = every_day
        self.effective_due = (
            next_working_day(due) if due is not None and effective_due is None else effective_due
        )


class DeadlineError(ValueError):
    """A phrase that cannot be read, with a message that says what to write instead."""

    def __init__(self, message: str, code: str = "deadline-unrecognised") -> None:
        super().__init__(message)
        self.code = code


# --- working days ----------------------------------------------------------------------------------


def compute_holidays(year: int) -> frozenset[date]:
    """Vietnam's public holidays of `year` (observed days included) from the `holidays` package."""
    # Imported here: importing the package and building the lunar calendar costs ~85 ms.
    import holidays

    return frozenset(holidays.country_holidays("VN", years=year).keys())


# Where holiday tables come from: computed by default; the shell may plug in a cached copy.
_holiday_source: Callable[[int], frozenset[date]] = compute_holidays


def use_holiday_source(source: Callable[[int], frozenset[date]]) -> None:
    global _holiday_source
    _holiday_source = source
    _holidays.cache_clear()


@lru_cache(maxsize=64)
def _holidays(year: int) -> frozenset[date]:
    return _holiday_source(year)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _holidays(day.year)


def next_working_day(day: date) -> date:
    """Art. 148(5): a period ending on a weekend or public holiday ends on the next working day."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


# --- phrase normalisation --------------------------------------------------------------------------

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_SPACES = re.compile(r"\s+")


def normalise_phrase(text: str) -> str:
    """NFC, lower case, one space between words, no trailing punctuation, 'hàng' read as 'hằng'."""
    text = unicodedata.normalize("NFC", text).casefold()
    text = _SPACES.sub(" ", text).strip().rstrip(".;:,").strip()
    text = re.sub(r"\bhàng\b", "hằng", text)
    return text


# Date forms: 31/5/2021, 31-05-2021, 31.5.2021, "31 tháng 5 năm 2021", "ngày 31 tháng 5 năm 2021".
_DATE = (
    r"(?:ngày\s*)?(?P<d>\d{1,2})\s*(?:[/\-.]\s*(?P<m1>\d{1,2})\s*[/\-.]\s*(?P<y1>\d{4})"
    r"|\s+tháng\s+(?P<m2>\d{1,2})\s*(?:năm\s+|[/\-.]\s*)(?P<y2>\d{4}))"
)
_YEAR = r"(?:\s*(?:năm\s+|/\s*|-\s*)(?P<y>\d{4}))"
_MONTH = r"tháng\s*(?P<m>\d{1,2})"

_BY_DATE = re.compile(
    r"^(?:(?:xong|hoàn thành)\s+)?(?:trước|chậm nhất(?: là)?|đến hết|hạn chót|không muộn hơn|hạn)?"
    r"\s*(?:ngày\s+)?" + _DATE + r"$"
)
_BEFORE_MONTH = re.compile(r"^(?:(?:xong|hoàn thành)\s+)?trước\s+" + _MONTH + _YEAR + "?$")
_IN_MONTH = re.compile(r"^(?:(?:xong|hoàn thành)\s+)?(?:trong\s+)?" + _MONTH + _YEAR + "?$")
_WINDOW = re.compile(
    r"^từ\s+tháng\s*(?P<m1>\d{1,2})(?:" + _YEAR.replace("<y>", "<y1>") + r")?"
    r"\s+(?:đến|tới|-|–)\s+(?:hết\s+)?tháng\s*(?P<m2>\d{1,2})" + _YEAR + "?$"
)
_DATE_WINDOW = re.compile(
    r"^từ\s+"
    + _DATE.replace("<d>", "<da>")
    .replace("<m1>", "<ma1>")
    .replace("<y1>", "<ya1>")
    .replace("<m2>", "<ma2>")
    .replace("<y2>", "<ya2>")
    + r"\s+(?:đến|tới|-|–)\s+(?:hết\s+)?"
    + _DATE
    + "$"
)
_QUARTER = re.compile(
    r"^(?:(?:xong|hoàn thành)\s+)?(?:trong\s+)?(?:quý\s*(?P<q>iv|iii|ii|i|[1-4])|q(?P<qn>[1-4]))"
    + _YEAR
    + r"?$"
)
_HALF = re.compile(r"^(?:trong\s+)?6\s+tháng\s+(?P<which>đầu|cuối)\s+năm(?:\s+(?P<y>\d{4}))?$")
_YEAR_ONLY = re.compile(r"^(?:trong\s+|cuối\s+|hết\s+)?năm\s+(?P<y>\d{4})$")
_ONGOING = re.compile(r"^thường xuyên(?:\s+(?:trong\s+)?(?:năm\s+(?P<y>\d{4})|cả năm))?$")
_RECURRING = re.compile(
    r"^(?:định kỳ\s+)?(?:(?:trước|vào)\s+ngày\s+(?P<day>\d{1,2})\s+)?"
    r"(?:hằng|mỗi|định kỳ)\s+(?P<every>tháng|quý|năm|tuần)(?:\s+(?:năm\s+)?(?P<y>\d{4}))?$"
)
_TENTATIVE = re.compile(r"^(?:thời gian\s+)?dự kiến\s*:?\s*")

_EVERY = {"tháng": "month", "quý": "quarter", "năm": "year", "tuần": "week"}


def _make_date(day: int, month: int, year: int, original: str) -> date:
    if not 1 <= month <= 12:
        raise DeadlineError(f"'{original}' names month {month}; months run from 1 to 12", "invalid-date")
    last = _days_in_month(year, month)
    if not 1 <= day <= last:
        raise DeadlineError(
            f"'{original}' is not a date: month {month}/{year} has {last} days", "invalid-date"
        )
    return date(year, month, day)


def _days_in_month(year: int, month: int) -> int:
    # `calendar` would do this, at ~7 ms of start-up: the first of next month minus one day.
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return (following - timedelta(days=1)).day


def _month_end(year: int, month: int) -> date:
    return date(year, month, _days_in_month(year, month))


def _check_month(month: int, original: str) -> int:
    if not 1 <= month <= 12:
        raise DeadlineError(f"'{original}' names month {month}; months run from 1 to 12", "invalid-date")
    return month


def _year(value: str | None, default_year: int | None, original: str) -> int:
    if value is not None:
        return int(value)
    if default_year is None:
        raise DeadlineError(f"'{original}' gives no year; add one, e.g. 'tháng 6 năm 2021'")
    return default_year


def _group_date(m: re.Match[str], suffix: str, original: str) -> date:
    day = int(m.group(f"d{suffix}"))
    month = m.group(f"m{suffix}1") or m.group(f"m{suffix}2")
    year = m.group(f"y{suffix}1") or m.group(f"y{suffix}2")
    return _make_date(day, int(month), int(year), original)


def parse_deadline(
    text: str | None,
    *,
    plan_start: date,
    tentative: bool = False,
    default_year: int | None = None,
) -> Deadline:
    """Read a Vietnamese deadline phrase.

    `plan_start` is where "by date" and ongoing items start. `default_year` fills a phrase that names
    no year ("Tháng 6"); without it such a phrase is an error. Raises DeadlineError.
    """
    if text is None or not text.strip():
        return Deadline(text, DeadlineKind.UNSPECIFIED, None, None, None, tentative)
    phrase = normalise_phrase(text)
    if m := _TENTATIVE.match(phrase):
        tentative = True
        phrase = phrase[m.end() :]
    original = unicodedata.normalize("NFC", text).strip()

    def make(kind: DeadlineKind, start: date, due: date) -> Deadline:
        return Deadline(original, kind, start, due, due, tentative)

    if m := _BY_DATE.match(phrase):
        due = _group_date(m, "", original)
        return make(DeadlineKind.BY_DATE, min(plan_start, due), due)
    if m := _BEFORE_MONTH.match(phrase):
        # "Xong trước tháng 6": done before June begins, i.e. by the last day of May.
        month = _check_month(int(m["m"]), original)
        year = _year(m["y"], default_year, original)
        due = date(year, month, 1) - timedelta(days=1)
        return make(DeadlineKind.BEFORE_MONTH, min(plan_start, due), due)
    if m := _IN_MONTH.match(phrase):
        month = _check_month(int(m["m"]), original)
        year = _year(m["y"], default_year, original)
        return make(DeadlineKind.MONTH, date(year, month, 1), _month_end(year, month))
    if m := _WINDOW.match(phrase):
        m1, m2 = _check_month(int(m["m1"]), original), _check_month(int(m["m2"]), original)
        y2 = _year(m["y"], default_year, original)
        y1 = int(m["y1"]) if m["y1"] else (y2 if m1 <= m2 else y2 - 1)
        start, due = date(y1, m1, 1), _month_end(y2, m2)
        if start > due:
            raise DeadlineError(f"'{original}' ends before it starts", "invalid-date")
        return make(DeadlineKind.WINDOW, start, due)
    if m := _DATE_WINDOW.match(phrase):
        start = _make_date(int(m["da"]), int(m["ma1"] or m["ma2"]), int(m["ya1"] or m["ya2"]), original)
        due = _group_date(m, "", original)
        if start > due:
            raise DeadlineError(f"'{original}' ends before it starts", "invalid-date")
        return make(DeadlineKind.WINDOW, start, due)
    if m := _QUARTER.match(phrase):
        q = _ROMAN[m["q"]] if m["q"] in _ROMAN else int(m["q"] or m["qn"])
        year = _year(m["y"], default_year, original)
        return make(DeadlineKind.QUARTER, date(year, 3 * q - 2, 1), _month_end(year, 3 * q))
    if m := _HALF.match(phrase):
        year = _year(m["y"], default_year, original)
        if m["which"] == "đầu":
            return make(DeadlineKind.HALF_YEAR, date(year, 1, 1), date(year, 6, 30))
        return make(DeadlineKind.HALF_YEAR, date(year, 7, 1), date(year, 12, 31))
    if m := _YEAR_ONLY.match(phrase):
        year = int(m["y"])
        return make(DeadlineKind.YEAR, date(year, 1, 1), date(year, 12, 31))

    def all_year(kind: DeadlineKind, year_text: str | None, **extra: object) -> Deadline:
        # Ongoing and recurring work has no single due date; its window closes at the end of the year.
        year = _year(year_text, default_year or plan_start.year, original)
        start = max(plan_start, date(year, 1, 1))
        return Deadline(original, kind, start, None, date(year, 12, 31), tentative, **extra)  # type: ignore[arg-type]

    if m := _ONGOING.match(phrase):
        return all_year(DeadlineKind.ONGOING, m["y"])
    if m := _RECURRING.match(phrase):
        day = int(m["day"]) if m["day"] else None
        if day is not None and not 1 <= day <= 31:
            raise DeadlineError(f"'{original}' names day {day}; days run from 1 to 31", "invalid-date")
        return all_year(DeadlineKind.RECURRING, m["y"], every=_EVERY[m["every"]], every_day=day)
    raise DeadlineError(
        f"cannot read the deadline '{original}'; write e.g. 'Trước ngày 31/5/2021', "
        "'Tháng 6 năm 2021', 'Quý III năm 2021', 'Từ tháng 4 đến tháng 11 năm 2021' "
        "or 'Thường xuyên năm 2021'"
    )


# --- dates typed on the command line --------------------------------------------------------------

_OFFSET = re.compile(r"^([+-])(\d{1,4})([dw])$")
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def parse_user_date(text: str, today: date | None = None) -> date:
    """YYYY-MM-DD or D/M/YYYY; with `today`: today, eow (Sunday), eom, eoq, eoy, +14d, +2w, -3d.
    Raises ValueError with a message that says what is accepted."""
    value = text.strip().lower()
    try:
        if m := _ISO.match(value):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := _DMY.match(value):
            return date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        raise ValueError(f"'{text}' is not a real date") from None
    if today is not None:
        if value in ("today", "hôm nay", "hom nay"):
            return today
        if value == "eow":
            return today + timedelta(days=6 - today.weekday())
        if value == "eom":
            return _month_end(today.year, today.month)
        if value == "eoq":
            return _month_end(today.year, 3 * ((today.month - 1) // 3) + 3)
        if value == "eoy":
            return date(today.year, 12, 31)
        if m := _OFFSET.match(value):
            days = int(m[2]) * (7 if m[3] == "w" else 1)
            return today + timedelta(days=days if m[1] == "+" else -days)
    raise ValueError(
        f"cannot read the date '{text}'; use YYYY-MM-DD or D/M/YYYY"
        + (", or today, eow, eom, eoq, eoy, +14d, +2w" if today is not None else "")
    )
