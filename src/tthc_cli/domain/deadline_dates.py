"""A deadline phrase's syntax tree -> its dates in a plan period: the named day, month, quarter or
half year, the year a phrase without one belongs to, each occurrence of a recurring deadline (moved
to a working day on the calendar given), a window's start and end. deadline_grammar reads the words;
deadlines.parse_deadline puts the two together."""

from __future__ import annotations

from datetime import date, timedelta

from tthc_cli.domain.calendar import WorkingDays, days_in_month, dmy, month_end
from tthc_cli.domain.deadlines import DeadlineError, DeadlineKind, Occurrence
from tthc_cli.domain.records import Record
from tthc_cli.i18n import _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any


class Span(Record):
    """A stretch of calendar a term names: its first and last day, its label and the kind it reads as."""

    __slots__ = ("due", "kind", "label", "start")

    def __init__(self, start: date, due: date, label: str, kind: DeadlineKind) -> None:
        self.start = start
        self.due = due
        self.label = label
        self.kind = kind


def _interval(start: date, due: date) -> str:
    return f"{start.isoformat()}/{due.isoformat()}"


class Reader:
    """Gives one syntax tree its dates in a plan period."""

    def __init__(
        self,
        original: str,
        plan_start: date,
        plan_end: date,
        default_year: int | None,
        calendar: WorkingDays,
    ) -> None:
        self.calendar = calendar
        self.original = original
        self.plan_start = plan_start
        self.plan_end = plan_end
        self.default_year = default_year

    def fail(self, message: str, code: str = "invalid-date") -> DeadlineError:
        return DeadlineError(f"'{self.original}' {message}", code)

    def year(self, value: int | None) -> int:
        if value is not None:
            return value
        if self.default_year is None:
            raise self.fail(
                _("gives no year and the plan runs {first}–{last}; add one, e.g. 'tháng 6 năm 2022'").format(
                    first=dmy(self.plan_start), last=dmy(self.plan_end)
                ),
                "deadline-unrecognised",
            )
        return self.default_year

    def day(self, d: int, m: int, y: int | None) -> date:
        month = self.month_no(m)
        year = self.year(y)
        last = days_in_month(year, month)
        if not 1 <= d <= last:
            raise self.fail(f"is not a date: month {month}/{year} has {last} days")
        return date(year, month, d)

    def month_no(self, m: int) -> int:
        if not 1 <= m <= 12:
            raise self.fail(_("names month {month}; months run from 1 to 12").format(month=m))
        return m

    # Terms -> spans. A list gives one span per member; everything else gives one.
    def spans(self, node: Any) -> list[Span]:
        tag = node[0]
        if tag == "list":
            return [s for member in node[1] for s in self.spans(member)]
        if tag == "range":
            first, last = node[1], node[2]
            b = self.spans(last)[0]
            a = self.spans(self.inherit_year(first, b))[0]
            if a.start > b.due:
                raise self.fail(_("ends before it starts"))
            return [Span(a.start, b.due, _interval(a.start, b.due), DeadlineKind.WINDOW)]
        return [self.span(node)]

    def inherit_year(self, node: Any, later: Span) -> Any:
        """The first end of a range without a year takes the second's ("từ tháng 11 đến tháng 2
        năm 2022": November 2021), so that it starts before it ends."""
        if node[0] not in ("month", "quarter", "date") or node[-1] is not None:
            return node
        same = (*node[:-1], later.due.year)
        return same if self.spans(same)[0].start <= later.due else (*node[:-1], later.due.year - 1)

    def span(self, node: Any) -> Span:
        tag = node[0]
        if tag == "date":
            d = self.day(node[1], node[2], node[3])
            return Span(d, d, d.isoformat(), DeadlineKind.BY_DATE)
        if tag == "month":
            m, y = self.month_no(node[1]), self.year(node[2])
            return Span(date(y, m, 1), month_end(y, m), f"{y}-M{m:02d}", DeadlineKind.MONTH)
        if tag == "quarter":
            q, y = node[1], self.year(node[2])
            return Span(date(y, 3 * q - 2, 1), month_end(y, 3 * q), f"{y}-Q{q}", DeadlineKind.QUARTER)
        if tag == "months_of_year":
            n, which, y = node[1], node[2], self.year(node[3])
            if not 1 <= n <= 12:
                raise self.fail(_("names {count} months of a year").format(count=n))
            first, last = (1, n) if which == "first" else (13 - n, 12)
            start, due = date(y, first, 1), month_end(y, last)
            if n == 12:
                return Span(start, due, str(y), DeadlineKind.YEAR)
            if n == 6:
                return Span(start, due, f"{y}-H{1 if first == 1 else 2}", DeadlineKind.HALF_YEAR)
            if n == 3:
                return Span(start, due, f"{y}-Q{(first + 2) // 3}", DeadlineKind.QUARTER)
            return Span(start, due, _interval(start, due), DeadlineKind.WINDOW)
        if tag == "year":
            y = self.year(node[1])
            return Span(date(y, 1, 1), date(y, 12, 31), str(y), DeadlineKind.YEAR)
        if tag == "years":
            a, b = node[1], node[2]
            if a > b:
                raise self.fail(_("ends before it starts"))
            kind = DeadlineKind.YEAR if a == b else DeadlineKind.YEARS
            return Span(date(a, 1, 1), date(b, 12, 31), str(a) if a == b else f"{a}/{b}", kind)
        raise AssertionError(f"unknown term {tag}")  # pragma: no cover - the grammar makes no other

    def whole(self, node: Any) -> Span:
        """One span covering a term (a list: from its first start to its last due)."""
        spans = self.spans(node)
        if len(spans) == 1:
            return spans[0]
        start, due = min(s.start for s in spans), max(s.due for s in spans)
        return Span(start, due, _interval(start, due), DeadlineKind.WINDOW)

    def in_period(self, d: date) -> bool:
        return self.plan_start <= d <= self.plan_end

    def occurrences(self, spans: list[Span]) -> tuple[Occurrence, ...]:
        """The deliveries that fall due inside the plan period, each starting no earlier than it."""
        return tuple(
            Occurrence(s.label, max(s.start, self.plan_start), s.due, self.calendar.next_working_day(s.due))
            for s in spans
            if self.in_period(s.due)
        )

    def by(self, due: date) -> tuple[date, date, list[Span]]:
        """A one-off due on `due`: it may start from the plan's start."""
        start = min(self.plan_start, due)
        return start, due, [Span(start, due, _interval(start, due), DeadlineKind.BY_DATE)]

    # Phrase forms -> (kind, start, due, window_end, the spans that are its occurrences, extras).
    def read(self, tree: Any) -> dict[str, Any]:
        tag = tree[0]
        if tag == "by":
            d = self.span(tree[1]).due
            start, due, spans = self.by(d)
            return {"kind": DeadlineKind.BY_DATE, "start": start, "due": due, "spans": spans}
        if tag == "before":
            # "Xong trước tháng 6": done before June begins, i.e. by the last day of May.
            period = self.whole(tree[1])
            start, due, spans = self.by(period.start - timedelta(days=1))
            kind = DeadlineKind.BEFORE_MONTH if tree[1][0] == "month" else DeadlineKind.BY_DATE
            return {"kind": kind, "start": start, "due": due, "spans": spans}
        if tag == "until":
            start, due, spans = self.by(self.whole(tree[1]).due)
            return {"kind": DeadlineKind.BY_DATE, "start": start, "due": due, "spans": spans}
        if tag == "in":
            spans = self.spans(tree[1])
            whole = self.whole(tree[1])
            return {"kind": whole.kind, "start": whole.start, "due": whole.due, "spans": spans}
        if tag == "window":
            b = self.whole(tree[2])
            a = self.whole(self.inherit_year(tree[1], b))
            if a.start > b.due:
                raise self.fail(_("ends before it starts"))
            span = Span(a.start, b.due, _interval(a.start, b.due), DeadlineKind.WINDOW)
            return {"kind": DeadlineKind.WINDOW, "start": a.start, "due": b.due, "spans": [span]}
        if tag == "from":
            term = tree[1]
            if term[0] in ("range", "years", "list"):  # "Từ năm 2021 đến năm 2025" read as one term
                whole = self.whole(term)
                kind = DeadlineKind.WINDOW if term[0] != "years" else whole.kind
                return {"kind": kind, "start": whole.start, "due": whole.due, "spans": [whole]}
            start = self.whole(term).start
            return {"kind": DeadlineKind.OPEN_START, "start": start, "due": None, "end": self.plan_end}
        if tag == "compound":
            first, second = self.read(tree[1]), self.read(tree[2])
            if second["due"] is None:
                raise self.fail(_("names no due date after its start"), "deadline-unrecognised")
            # "Từ tháng 3, hoàn thành …" starts then; "trước ngày 30-5 và kết thúc …" must start by
            # then, so the work may begin any time in the plan period up to that day.
            if first["kind"] is DeadlineKind.OPEN_START:
                begin = start = first["start"]
            else:
                begin = second["start_by"] = first["due"]
                start = min(self.plan_start, begin)
            if begin > second["due"]:
                raise self.fail(_("ends before it starts"))
            if start != second["start"] and second["kind"] not in (
                DeadlineKind.BY_DATE,
                DeadlineKind.BEFORE_MONTH,
            ):
                second["kind"] = DeadlineKind.WINDOW  # a month's or quarter's own start no longer holds
                second["spans"] = [
                    Span(start, second["due"], _interval(start, second["due"]), DeadlineKind.WINDOW)
                ]
            second["start"] = start
            return second
        if tag == "ongoing":
            return self.all_year(DeadlineKind.ONGOING, tree[1])
        if tag == "recurring":
            return self.recurring(tree[1], tree[2], tree[3])
        if tag == "dates":
            return self.dates(tree[1])
        if tag == "no_date":
            return {"kind": DeadlineKind(tree[1]), "start": None, "due": None, "end": None}
        if tag == "relative":
            return {
                "kind": DeadlineKind.RELATIVE,
                "start": None,
                "due": None,
                "end": None,
                "after_days": tree[1],
            }
        raise AssertionError(f"unknown form {tag}")  # pragma: no cover

    def all_year(self, kind: DeadlineKind, year: int | None) -> dict[str, Any]:
        # Ongoing and recurring work has no single due date; its window closes at the end of the
        # year it names, else at the end of the plan period.
        if year is None:
            return {"kind": kind, "start": self.plan_start, "due": None, "end": self.plan_end}
        first, last = date(year, 1, 1), date(year, 12, 31)
        start = max(self.plan_start, first) if self.plan_start <= last else first
        return {"kind": kind, "start": start, "due": None, "end": min(self.plan_end, last)}

    def recurring(
        self, cadences: list[str], days: list[tuple[int, int | None]] | None, year: int | None
    ) -> dict[str, Any]:
        window = self.all_year(DeadlineKind.RECURRING, year)
        lo, hi = max(window["start"], self.plan_start), window["end"]
        days = days or [(0, None)]
        for d, m in days:
            if d and not 1 <= d <= 31:
                raise self.fail(_("names day {day}; days run from 1 to 31").format(day=d))
            if m is not None:
                self.month_no(m)
                if cadences != ["year"]:
                    raise self.fail(
                        _("gives a day and a month, which recur every year ('hằng năm')"),
                        "deadline-unrecognised",
                    )
        spans: list[Span] = []
        for cadence in cadences:
            for d, m in days:
                spans += self.periods(cadence, d or None, m, lo, hi)
        if len(days) > 1:  # "ngày 15/6 và 15/12 hằng năm": two deliveries a year, named by their day
            spans = [Span(s.start, s.due, s.due.isoformat(), s.kind) for s in spans]
        spans = [s for s in spans if lo <= s.due <= hi]
        spans.sort(key=lambda s: (s.due, s.start))
        window["spans"] = spans
        window["every"] = "quarter" if cadences[0] == "quarter_last_month" else cadences[0]
        window["every_day"] = days[0][0] or None
        return window

    def dates(self, nodes: list[Any]) -> dict[str, Any]:
        """Several deliveries, each due by its date ("trước ngày 30/6 và 31/12"): each one's window
        runs from the day after the one before; no single due date."""
        last = self.span(nodes[-1])
        days = sorted(self.span(self.inherit_year(n, last)).due for n in nodes)
        start = min(self.plan_start, days[0])
        spans, begin = [], start
        for d in days:
            spans.append(Span(begin, d, d.isoformat(), DeadlineKind.RECURRING))
            begin = d + timedelta(days=1)
        return {"kind": DeadlineKind.RECURRING, "start": start, "due": None, "end": days[-1], "spans": spans}

    def periods(self, cadence: str, d: int | None, m: int | None, lo: date, hi: date) -> Iterator[Span]:
        """Every period of a cadence overlapping lo..hi, due on day `d` of its last month (clamped
        to the month's length: "ngày 30 hằng tháng" is 28/02) or, without a day, on its last day."""
        if cadence == "week":
            if d is not None:
                raise self.fail(_("gives a day of the month for a weekly report"), "deadline-unrecognised")
            monday = lo - timedelta(days=lo.weekday())
            while monday <= hi:
                sunday = monday + timedelta(days=6)
                iso = monday.isocalendar()
                yield Span(monday, sunday, f"{iso[0]}-W{iso[1]:02d}", DeadlineKind.RECURRING)
                monday += timedelta(days=7)
            return
        months = {"month": 1, "quarter": 3, "quarter_last_month": 3, "half_year": 6, "year": 12}.get(cadence)
        if months is None:  # "định kỳ 2 tháng": n-month periods from January
            months = int(cadence.split(":")[1])
            if months == 0 or 12 % months:
                raise self.fail(
                    _("recurs every {count} months, which does not divide the year").format(count=months),
                    "deadline-unrecognised",
                )
        for y in range(lo.year, hi.year + 1):
            for first in range(1, 13, months):
                last = first + months - 1
                start, end = date(y, first, 1), month_end(y, last)
                if end < lo or start > hi:
                    continue
                if m is not None and d is not None:
                    due = date(y, m, min(d, days_in_month(y, m)))
                elif d is not None:
                    due = date(y, last, min(d, days_in_month(y, last)))
                else:
                    due = end
                yield Span(start, due, self.label(y, first, months), DeadlineKind.RECURRING)

    @staticmethod
    def label(y: int, first: int, months: int) -> str:
        if months == 1:
            return f"{y}-M{first:02d}"
        if months == 3:
            return f"{y}-Q{(first + 2) // 3}"
        if months == 6:
            return f"{y}-H{1 if first == 1 else 2}"
        if months == 12:
            return str(y)
        return _interval(date(y, first, 1), month_end(y, first + months - 1))
