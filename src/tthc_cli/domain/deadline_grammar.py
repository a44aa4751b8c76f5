"""The grammar of Vietnamese deadline phrases: words -> a syntax tree of typed nodes. No dates are
computed here.

A phrase is read by small composable rules (a date, a month, a quarter, a list or a range of them, a
lead word, a recurrence, a report and its due date) built with a tiny PEG combinator
(parser_combinators.py): ordered choice, sequence, optional, repetition. Each rule says what it reads;
deadline_dates.py gives the tree its dates. A phrase that does not parse reports how far it made
sense.

Terms name stretches of calendar: DateNode, MonthNode, QuarterNode, MonthsOfYearNode, YearNode,
YearsNode, ListNode, RangeNode. Forms are what a whole phrase says of them: ByNode ("trước ngày …"),
BeforeNode, UntilNode, InNode, WindowNode, FromNode, CompoundNode, OngoingNode, RecurringNode,
DatesNode, ReportsNode (sentences whose subject is a report), UndatedNode, RelativeNode, EventNode.
A year of None means the plan's year ("năm kế hoạch" reads the same); a YearRef or MonthRef counts
from the reporting period ("năm báo cáo", "tháng cuối quý").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from tthc_cli.domain.parser_combinators import (
    Result,
    Rule,
    State,
    Token,
    alt,
    end,
    flag,
    keywords,
    memo,
    number,
    opt,
    rest,
    sep_by,
    seq,
    words,
)

# --- the tree ---------------------------------------------------------------------------------------


class MonthRef(StrEnum):
    """A month counted from the reporting period."""

    REPORT = "report"  # tháng báo cáo, tháng thuộc kỳ báo cáo: the period's last month
    QUARTER_LAST = "quarter_last"  # tháng cuối quý: the last month of the quarter the period ends in
    PREVIOUS = "previous"  # tháng trước (kỳ báo cáo): the month before the period's first
    NEXT = "next"  # tháng sau, tháng tiếp theo: the month after the period's last
    NEXT_QUARTER_FIRST = "next_quarter_first"  # tháng đầu quý sau


@dataclass(frozen=True, slots=True)
class YearRef:
    """A year counted from another: `offset` years after the report's year ("năm báo cáo" 0, "năm liền
    kề năm báo cáo" 1, "năm trước kỳ báo cáo" -1) when `report`, else after the year in view — the
    plan's, or the period's ("năm sau")."""

    offset: int
    report: bool = False


Year = int | YearRef | None


@dataclass(frozen=True, slots=True)
class DateNode:
    """A day of a month. `month` None (in a recurrence: "ngày 20 hằng tháng") is the last month of
    each period; a MonthRef counts from the reporting period."""

    day: int
    month: int | MonthRef | None
    year: Year = None


@dataclass(frozen=True, slots=True)
class MonthNode:
    month: int
    year: Year = None


@dataclass(frozen=True, slots=True)
class QuarterNode:
    quarter: int
    year: Year = None


class Part(StrEnum):
    FIRST = "first"
    LAST = "last"


@dataclass(frozen=True, slots=True)
class MonthsOfYearNode:
    """ "6 tháng đầu năm", "9 tháng đầu năm", "6 tháng cuối năm", "nửa đầu năm"."""

    count: int
    part: Part
    year: Year = None


@dataclass(frozen=True, slots=True)
class YearNode:
    year: Year = None


@dataclass(frozen=True, slots=True)
class YearsNode:
    first: int
    last: int


@dataclass(frozen=True, slots=True)
class ListNode:
    items: tuple[Term, ...]


@dataclass(frozen=True, slots=True)
class RangeNode:
    first: Term
    last: Term


Term = DateNode | MonthNode | QuarterNode | MonthsOfYearNode | YearNode | YearsNode | ListNode | RangeNode
Period = MonthNode | QuarterNode | MonthsOfYearNode | YearNode | YearsNode | ListNode | RangeNode


@dataclass(frozen=True, slots=True)
class Every:
    """How often something recurs: every week, or every `months` months counted from January (1, 3,
    6, 12 or another divisor of the year); with `first`, once a year over the months from `first`
    (a report on the first six months: Every(6, first=1))."""

    months: int = 0
    week: bool = False
    first: int | None = None

    @property
    def name(self) -> str:
        """The cadence as Deadline.every says it."""
        if self.week:
            return "week"
        if self.first is not None:
            return "year"
        named = {1: "month", 3: "quarter", 6: "half_year", 12: "year"}
        return named.get(self.months) or f"months:{self.months}"


WEEK = Every(week=True)
MONTHLY, QUARTERLY, HALF_YEARLY, YEARLY = Every(1), Every(3), Every(6), Every(12)


@dataclass(frozen=True, slots=True)
class ByNode:
    """Due by a date: "trước ngày 31/5/2021", "chậm nhất ngày 15 của tháng báo cáo"."""

    date: DateNode


@dataclass(frozen=True, slots=True)
class BeforeNode:
    """Done before a period begins: "xong trước tháng 6 năm 2021"."""

    period: Period


@dataclass(frozen=True, slots=True)
class UntilNode:
    """Done by the end of a period: "đến hết tháng 6/2022"."""

    period: Period


@dataclass(frozen=True, slots=True)
class InNode:
    """Within a period: "Tháng 6/2021", "trong quý III", "Cả năm 2024"."""

    period: Period


@dataclass(frozen=True, slots=True)
class WindowNode:
    """From one term to another: "từ tháng 4 đến tháng 11", "tính từ ngày 15 tháng trước đến …"."""

    first: Term
    last: Term


@dataclass(frozen=True, slots=True)
class FromNode:
    """A start, no end stated: "Từ tháng 3/2022", "Năm 2025 và các năm tiếp theo"."""

    term: Term


@dataclass(frozen=True, slots=True)
class CompoundNode:
    """A start (or start-by) and a due: "trước ngày 30-5 và kết thúc trước 30-9"."""

    first: Form
    second: Form


@dataclass(frozen=True, slots=True)
class OngoingNode:
    year: int | None = None


@dataclass(frozen=True, slots=True)
class RecurringNode:
    """Every period of each cadence, due on each of `days` (none: the period's last day)."""

    cadences: tuple[Every, ...]
    days: tuple[DateNode, ...] = ()
    year: int | None = None


@dataclass(frozen=True, slots=True)
class EachPeriodNode:
    """A window read in every period of a cadence: "Hằng tháng: tính từ ngày 15 tháng trước đến ngày
    14 của tháng thuộc kỳ báo cáo"."""

    cadences: tuple[Every, ...]
    window: WindowNode


@dataclass(frozen=True, slots=True)
class DatesNode:
    """Several deliveries, each by its date: "trước ngày 30/6 và 31/12"."""

    dates: tuple[DateNode, ...]


@dataclass(frozen=True, slots=True)
class ReportClause:
    """ "Báo cáo 6 tháng đầu năm gửi trước ngày 10/07": the report (what it covers, how often) and
    when it is due; `start`, the first day of its data ("số liệu tính từ …"), when stated."""

    every: Every
    due: DateNode
    start: DateNode | None = None


@dataclass(frozen=True, slots=True)
class ReportsNode:
    clauses: tuple[ReportClause, ...]


class Undated(StrEnum):
    """Phrases with no calendar date, kinds of their own (the values are DeadlineKind's)."""

    AS_REGULATED = "as_regulated"
    ON_REQUEST = "on_request"
    PER_ROADMAP = "per_roadmap"


@dataclass(frozen=True, slots=True)
class UndatedNode:
    kind: Undated


class Anchor(StrEnum):
    """The moments of a reporting period a relative deadline may count from."""

    CUTOFF = "cutoff"  # ngày chốt số liệu
    PERIOD_END = "period_end"  # ngày kết thúc kỳ báo cáo


@dataclass(frozen=True, slots=True)
class RelativeNode:
    """ "Sau 15 ngày kể từ khi có Thông báo …", "trong 03 ngày làm việc kể từ ngày chốt số liệu"."""

    days: int
    working: bool
    event: str | None
    anchor: Anchor | None = None


@dataclass(frozen=True, slots=True)
class EventNode:
    """ "Khi có văn bản … ban hành", "Ngay sau khi …": due when something happens."""

    event: str


Form = (
    ByNode
    | BeforeNode
    | UntilNode
    | InNode
    | WindowNode
    | FromNode
    | CompoundNode
    | OngoingNode
    | RecurringNode
    | EachPeriodNode
    | DatesNode
    | ReportsNode
    | UndatedNode
    | RelativeNode
    | EventNode
)


# --- tokens -----------------------------------------------------------------------------------------

# Words (Vietnamese syllables), numbers, and single punctuation marks. "T6" and "Q3" split into a
# letter and a number, so "T6/2022" reads like "Tháng 6/2022".
_TOKEN = re.compile(r"[0-9]+|[^\W\d_]+|\S")
_DASHES = re.compile("[\u2010-\u2015\u2212]")
_TENTATIVE = re.compile(r"\(\s*(?:thời gian\s+)?dự kiến\s*\)|^(?:thời gian\s+)?dự kiến\s*:?", re.IGNORECASE)
# Spellings that mean the same word: "hàng tháng" = "hằng tháng"; tone marks placed the old way.
_SAME_WORD = {"hàng": "hằng", "quí": "quý", "qúy": "quý", "thuờng": "thường", "bẩy": "bảy", "mùng": "mồng"}


def clean(text: str) -> str:
    """NFC, plain dashes, one space between words, no trailing punctuation: what error messages quote."""
    text = _DASHES.sub("-", unicodedata.normalize("NFC", text))
    return " ".join(text.split()).rstrip(".;:,").strip()


def split_tentative(text: str) -> tuple[str, bool]:
    """Remove "(dự kiến)" wherever it stands, and a leading "Thời gian dự kiến:"."""
    stripped, count = _TENTATIVE.subn(" ", clean(text))
    return clean(stripped), count > 0


def tokenize(text: str) -> tuple[Token, ...]:
    out = []
    for m in _TOKEN.finditer(text):
        word = m.group().casefold()
        out.append(Token(_SAME_WORD.get(word, word), m.group(), m.start(), m.end()))
    return tuple(out)


# --- numbers repeated in words: "ngày 15 (mười lăm)", "tháng 06 (sáu)" --------------------------------

_UNITS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9}
# After "mười"/"mươi" (and in "hai mốt", "hai lăm"), 1 is "mốt", 5 is "lăm" (or "nhăm"), 4 may be "tư".
_AFTER_TENS = {**_UNITS, "mốt": 1, "lăm": 5, "nhăm": 5}


def spelled_number(spelled: list[str]) -> int | None:
    """1–99 written in Vietnamese words ("mười lăm", "hai mươi mốt", "ba mươi", "mồng một"), or None
    when the words are not a number."""
    ws = spelled[1:] if spelled[:1] == ["mồng"] else spelled
    if len(ws) == 1:
        return 10 if ws[0] == "mười" else _UNITS.get(ws[0])
    if ws[:1] == ["mười"] and len(ws) == 2 and ws[1] in _AFTER_TENS and ws[1] != "mốt":
        return 10 + _AFTER_TENS[ws[1]]
    tens = _UNITS.get(ws[0]) if ws else None
    if tens is None or tens < 2:
        return None
    if ws[1:] == ["mươi"]:
        return 10 * tens
    if len(ws) == 3 and ws[1] == "mươi" and ws[2] in _AFTER_TENS:
        return 10 * tens + _AFTER_TENS[ws[2]]
    if len(ws) == 2 and ws[1] in ("mốt", "lăm", "nhăm", "tư"):  # "hai mốt", "hai lăm", "hai tư"
        return 10 * tens + _AFTER_TENS[ws[1]]
    return None


class SpelledNumberError(ValueError):
    """A figure repeated in words that says another number: "ngày 06 (bảy)"."""

    def __init__(self, figure: str, spelled: str, value: int) -> None:
        super().__init__(figure)
        self.figure = figure
        self.spelled = spelled
        self.value = value


def drop_spelled_numbers(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """The tokens without the words in brackets that repeat a one- or two-digit figure before them
    ("15 (mười lăm)" reads as "15"); raises SpelledNumberError when the words say another number.
    Brackets holding anything else ("(2022)", "(trước ngày 15 …)") are left to the grammar."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        out.append(tok)
        i += 1
        if not (tok.word.isascii() and tok.word.isdigit() and len(tok.word) <= 2):
            continue
        if i >= len(tokens) or tokens[i].word != "(":
            continue
        close = i + 1
        while close < len(tokens) and tokens[close].word.isalpha() and close - i <= 5:
            close += 1
        if close == i + 1 or close >= len(tokens) or tokens[close].word != ")":
            continue
        spelled = [t.word for t in tokens[i + 1 : close]]
        value = spelled_number(spelled)
        if value is None:
            continue
        if value != int(tok.word):
            raise SpelledNumberError(tok.text, " ".join(t.text for t in tokens[i + 1 : close]), value)
        i = close + 1
    return tuple(out)


# --- the grammar: terms -----------------------------------------------------------------------------

W = words
SEP = W("/") | W("-") | W(".")
LIST_SEP = W(",") | W(";") | W("và") | W("hoặc")
RANGE_SEP = W("-") | W("đến hết") | W("đến") | W("tới")
OF = opt(W("của"))

YEAR = number((4, 4), 1900, 2199, "năm (4 chữ số)")
PLAN_YEAR = W("năm kế hoạch", "năm nay")
# "năm 2022", "(2022)", "năm kế hoạch" (None: the plan's year).
YEAR_WORD = alt(
    W("năm") + YEAR,
    PLAN_YEAR,
    W("(") + opt(W("năm")) + YEAR + W(")"),
).map(lambda y=None: y)


def year_ref_words() -> dict[str, YearRef]:
    """The years counted from the report's year (and "năm sau", from the year in view)."""
    table: dict[str, YearRef] = {}
    for report in ("năm báo cáo", "kỳ báo cáo"):
        table[report] = YearRef(0, report=True)
        for after in ("năm liền kề", "năm liền kề sau", "năm sau", "năm tiếp theo", "năm kế tiếp"):
            table[f"{after} {report}"] = YearRef(1, report=True)
        for before in ("năm trước", "năm liền kề trước", "năm liền trước"):
            table[f"{before} {report}"] = YearRef(-1, report=True)
    for after in ("năm sau", "năm tiếp theo", "năm kế tiếp"):
        table[after] = YearRef(1)
    for before in ("năm trước", "năm liền trước"):
        table[before] = YearRef(-1)
    return table


YEAR_REF = seq(OF, keywords(year_ref_words(), "năm báo cáo")).map(lambda y: y)
# "/2021", "năm 2021", ", năm 2021" ("Quý I, năm 2024"), "của năm báo cáo"
YEAR_SUFFIX = alt(
    (SEP + YEAR).map(lambda y: y), YEAR_WORD, (W(",") + YEAR_WORD).map(lambda y=None: y), YEAR_REF
)
DAY = number((1, 2), what="ngày")
MONTH = number((1, 2), what="tháng")


def month_ref_words() -> dict[str, MonthRef]:
    """The months counted from the reporting period, as the regime's texts write them."""
    table: dict[str, MonthRef] = {}
    for last in ("tháng cuối", "tháng cuối cùng"):
        for of in ("", " của"):
            for each in ("", " mỗi", " hằng", " từng"):
                table[f"{last}{of}{each} quý"] = MonthRef.QUARTER_LAST
                table[f"{last}{of}{each} quý thuộc kỳ báo cáo"] = MonthRef.QUARTER_LAST
        for of in ("", " của"):
            table[f"{last}{of} kỳ báo cáo"] = MonthRef.REPORT
    for first in ("tháng đầu", "tháng đầu tiên"):
        for of in ("", " của"):
            for nxt in ("sau", "tiếp theo", "kế tiếp"):
                table[f"{first}{of} quý {nxt}"] = MonthRef.NEXT_QUARTER_FIRST
    for name in ("tháng báo cáo", "tháng thuộc kỳ báo cáo", "tháng của kỳ báo cáo"):
        table[name] = MonthRef.REPORT
    for name in ("tháng trước", "tháng liền trước", "tháng liền kề trước"):
        table[name] = table[f"{name} kỳ báo cáo"] = MonthRef.PREVIOUS
    for name in ("tháng sau", "tháng tiếp theo", "tháng kế tiếp", "tháng liền kề", "tháng liền kề sau"):
        table[name] = table[f"{name} kỳ báo cáo"] = MonthRef.NEXT
    return table


MONTH_REF = keywords(month_ref_words(), "tháng báo cáo")

# Dates: 31/5/2021, 30-5, 15.7.2021, "ngày 15 tháng 9 năm 2021", "31 tháng 12 năm 2025", "20/8",
# "ngày 10/07 của năm báo cáo", "ngày 15 của tháng báo cáo", "ngày 14 của tháng cuối quý".
DATE = memo(
    alt(
        seq(opt(W("ngày")), DAY, alt(SEP, W("tháng")), MONTH, opt(YEAR_SUFFIX)).map(
            lambda d, m, y=None: DateNode(d, m, y)
        ),
        seq(opt(W("ngày")), DAY, OF, MONTH_REF).map(lambda d, m: DateNode(d, m)),
    )
)

# Months: "Tháng 6/2022", "T6/2022", "06/2022", "tháng 11, 12/2022", "tháng 3 - 5 năm 2022".
MONTH_WORD = W("tháng", "t")
MONTH_ITEM = seq(opt(MONTH_WORD), MONTH).map(lambda m: m)


def _month_list(months: tuple[int, ...], year: Year = None) -> Period:
    if len(months) == 1:
        return MonthNode(months[0], year)
    return ListNode(tuple(MonthNode(m, year) for m in months))


MONTHS = alt(
    seq(MONTH_WORD, MONTH, RANGE_SEP, MONTH_ITEM, opt(YEAR_SUFFIX)).map(
        lambda a, b, y=None: RangeNode(MonthNode(a), MonthNode(b, y))
    ),
    seq(MONTH_WORD, sep_by(MONTH_ITEM, LIST_SEP), opt(YEAR_SUFFIX)).map(_month_list),
    seq(number((2, 2), 1, 12, "tháng"), W("/"), YEAR).map(lambda m, y: MonthNode(m, y)),
)

# Quarters: "Quý III năm 2021", "quý 3", "Q3/2021", "Quý II, III/2022", "quý II - III/2022".
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def _quarter_number(st: State, pos: int) -> Result:
    """A quarter's number, Roman (I-IV) or Arabic (1-4). A module-level function, not a closure built
    at import time, so that mutation testing reaches it."""
    if pos < len(st.tokens):
        w = st.tokens[pos].word
        if w in ROMAN:
            return ROMAN[w], pos + 1
        if w in ("1", "2", "3", "4"):
            return int(w), pos + 1
    st.miss(pos, "số quý (I-IV)")
    return None


def _quarter_list(quarters: tuple[int, ...], year: Year = None) -> Period:
    if len(quarters) == 1:
        return QuarterNode(quarters[0], year)
    return ListNode(tuple(QuarterNode(q, year) for q in quarters))


QUARTER_NO = Rule(_quarter_number)
QUARTER_ITEM = seq(opt(W("quý")), QUARTER_NO).map(lambda q: q)
QUARTERS = alt(
    seq(W("quý", "q"), QUARTER_NO, RANGE_SEP, QUARTER_ITEM, opt(YEAR_SUFFIX)).map(
        lambda a, b, y=None: RangeNode(QuarterNode(a), QuarterNode(b, y))
    ),
    seq(W("quý", "q"), sep_by(QUARTER_ITEM, LIST_SEP), opt(YEAR_SUFFIX)).map(_quarter_list),
)

# "6 tháng đầu năm 2021", "9 tháng đầu năm (2022)", "6 tháng cuối năm", "nửa đầu năm 2022", and the
# reports of "6/9 tháng đầu năm" (the first six and the first nine months) as a list.
_N_MONTHS = number((1, 2), 1, 12, "số tháng")
PART = W("đầu").map(lambda *_: Part.FIRST) | W("cuối").map(lambda *_: Part.LAST)
OF_YEAR = alt(
    keywords({"năm báo cáo": YearRef(0, report=True)}, "năm báo cáo"),
    seq(W("năm"), opt(alt(YEAR, YEAR_WORD, YEAR_REF))).map(lambda y=None: y),
)
FIRST_MONTHS_LIST = seq(
    _N_MONTHS,
    W("/") | W(",") | W("và"),
    sep_by(_N_MONTHS, W("/") | W(",") | W("và")),
    W("tháng"),
    PART,
    OF_YEAR,
).map(lambda n, more, part, y=None: ListNode(tuple(MonthsOfYearNode(k, part, y) for k in (n, *more))))
FIRST_MONTHS = alt(
    seq(_N_MONTHS, W("tháng"), PART, OF_YEAR).map(lambda n, part, y=None: MonthsOfYearNode(n, part, y)),
    seq(W("nửa"), PART, OF_YEAR).map(lambda part, y=None: MonthsOfYearNode(6, part, y)),
)

# Several years: "Giai đoạn 2021-2025", "năm 2021 - 2025", "từ năm 2021 đến năm 2025" (as a range).
YEARS = alt(
    seq(opt(W("giai đoạn", "năm")), YEAR, RANGE_SEP, opt(W("năm")), YEAR).map(lambda a, b: YearsNode(a, b)),
    # "Năm 2023, 2024": a list of years spans from the first to the last, as a list of months does
    seq(W("năm", "các năm"), YEAR, LIST_SEP, sep_by(seq(opt(W("năm")), YEAR).map(lambda y: y), LIST_SEP)).map(
        lambda first, more: YearsNode(first, more[-1])
    ),
)
ONE_YEAR = alt(
    (W("cả năm", "năm") + YEAR).map(lambda y: YearNode(y)),
    W("năm kế hoạch", "năm nay", "cả năm", "năm").map(lambda *_: YearNode(None)),
)
# A year alone, as a table's "Thời gian" column may give it: "2024" (a phrase of its own only).
BARE_YEAR = YEAR.map(lambda y: InNode(YearNode(y)))

PERIOD = memo(alt(QUARTERS, FIRST_MONTHS_LIST, FIRST_MONTHS, MONTHS, YEARS, ONE_YEAR))
TERM = memo(alt(DATE, PERIOD))

# --- lead words and phrase forms --------------------------------------------------------------------

DONE = W("thực hiện xong", "hoàn thành xong", "hoàn thành", "kết thúc", "xong", "triển khai xong")
BEFORE = W(
    "chậm nhất là vào",
    "chậm nhất vào",
    "chậm nhất là",
    "chậm nhất",
    "hạn chót là",
    "hạn chót",
    "không muộn hơn",
    "trước",
    "hạn",
)
UNTIL_END = W("từ nay đến hết", "từ nay đến", "đến hết", "đến trước", "hết", "đến")
INSIDE = W("trong", "vào", "cuối", "trong suốt", "ngay")
DATE_LEAD = opt(BEFORE | UNTIL_END | W("trong", "vào"))

# "trước ngày 31/5/2021", "chậm nhất là ngày 15/9", "hoàn thành trước 30-9", "31/5/2021"
BY_DATE = seq(opt(DONE), DATE_LEAD, DATE).map(ByNode)
# "trước ngày 30/6 và 31/12/2022", "Trước ngày 20/6 và trước ngày 20/12": several deliveries
DATES = seq(
    opt(DONE), DATE_LEAD, DATE, LIST_SEP, sep_by(seq(DATE_LEAD, DATE).map(lambda d: d), LIST_SEP)
).map(lambda first, more: DatesNode((first, *more)))
# "xong trước tháng 6 năm 2021", "trước quý III/2022", "trước năm 2025"
BEFORE_PERIOD = seq(opt(DONE), W("trước"), PERIOD).map(BeforeNode)
# "đến hết tháng 6/2022", "từ nay đến hết năm 2025", "đến hết quý II"
UNTIL_PERIOD = seq(opt(DONE), UNTIL_END, PERIOD).map(UntilNode)
# "Tháng 6/2021", "trong quý III năm 2021", "cuối quý II/2022", "hoàn thành trong tháng 11, 12/2022"
IN_PERIOD = seq(opt(DONE), opt(W("chậm nhất")), opt(INSIDE), opt(W("thời gian")), opt(W("các")), PERIOD).map(
    InNode
)
# "từ tháng 4 đến tháng 11 năm 2021", "từ ngày 1/4/2021 đến ngày 30/11/2021", "từ năm 2021 đến 2025",
# "(Thời gian chốt số liệu:) tính từ ngày 15 tháng trước đến ngày 14 của tháng thuộc kỳ báo cáo"
DATA_WINDOW = seq(W("thời gian chốt số liệu", "chốt số liệu", "số liệu"), opt(W("báo cáo")), opt(W(":")))
START_WORD = seq(opt(DATA_WINDOW), W("bắt đầu từ", "bắt đầu", "kể từ", "từ", "tính từ", "được tính từ"))
WINDOW = alt(
    seq(START_WORD, TERM, RANGE_SEP, opt(W("hết")), TERM).map(WindowNode),
    # "1/3 - 30/6/2023": two whole dates joined by a dash or "đến", without "từ"
    seq(DATE, RANGE_SEP, DATE).map(WindowNode),
)
# "Từ tháng 3/2022": starts, no end stated; "Năm 2025 và các năm tiếp theo", "từ năm 2025 trở đi"
FROM = alt(
    seq(
        opt(W("từ", "trong")),
        (W("năm") + YEAR).map(YearNode),
        W("và các năm tiếp theo", "và những năm tiếp theo", "và các năm sau", "và những năm sau", "trở đi"),
    ).map(FromNode),
    seq(START_WORD, TERM).map(FromNode),
)

SIMPLE = memo(alt(WINDOW, FROM, BEFORE_PERIOD, UNTIL_PERIOD, BY_DATE, IN_PERIOD))

# "trước ngày 30-5 và kết thúc trước 30-9": a start-by and a due; "từ tháng 3, hoàn thành trước tháng 6";
# "bắt đầu trước ngày 30/4 và kết thúc trong tháng 10"
COMPOUND = seq(
    opt(W("bắt đầu", "triển khai")), SIMPLE, LIST_SEP | W(",") | W(";"), seq(DONE, SIMPLE).map(lambda s: s)
).map(CompoundNode)

# Recurrences. Cadences: "hằng tháng", "mỗi quý", "định kỳ 6 tháng", "hằng năm", "6 tháng một lần".
_CADENCE_UNIT = alt(
    W("tháng").map(lambda *_: MONTHLY),
    W("quý").map(lambda *_: QUARTERLY),
    W("năm").map(lambda *_: YEARLY),
    W("tuần").map(lambda *_: WEEK),
    seq(number((1, 2), what="số tháng"), W("tháng")).map(lambda n: Every(n)),
)
CADENCE = alt(
    seq(opt(W("định kỳ")), W("hằng", "mỗi", "từng"), _CADENCE_UNIT),
    seq(W("định kỳ"), _CADENCE_UNIT),
    seq(_CADENCE_UNIT, W("một lần", "1 lần")),
).map(lambda unit: unit)
_CADENCE_SEP = W(",") | W("và") | W(";") | W("hoặc")
# After a first cadence, a bare "6 tháng" continues the list: "định kỳ hằng quý, 6 tháng, hằng năm".
CADENCES = seq(
    CADENCE,
    opt(seq(_CADENCE_SEP, sep_by(alt(CADENCE, _CADENCE_UNIT), _CADENCE_SEP)).map(lambda more: more), ()),
).map(lambda first, more: (first, *more))
DAY_LEAD = opt(BEFORE | W("vào") | UNTIL_END)
# "ngày 20", "ngày 20/11", "ngày 15 tháng 12", "ngày 15/6 và (trước ngày) 15/12", "ngày 15 của tháng
# cuối quý": the days of each period
DAY_MONTH = seq(opt(BEFORE), opt(W("ngày")), DAY, alt(SEP, W("tháng")), MONTH, opt(YEAR_REF)).map(
    lambda d, m, y=None: DateNode(d, m, y)
)
FIRST_DAY_MONTH = seq(W("ngày"), DAY, alt(SEP, W("tháng")), MONTH, opt(YEAR_REF)).map(
    lambda d, m, y=None: DateNode(d, m, y)
)
# "trước 15/12 hằng năm": a day and month written as a date, without "ngày"
BARE_DAY_MONTH = seq(DAY, SEP, MONTH, opt(YEAR_REF)).map(lambda d, m, y=None: DateNode(d, m, y))
FIRST_DAY = alt(FIRST_DAY_MONTH, BARE_DAY_MONTH)
DAY_OF = alt(
    seq(FIRST_DAY, LIST_SEP, sep_by(DAY_MONTH, LIST_SEP)).map(lambda first, more: (first, *more)),
    FIRST_DAY.map(lambda d: (d,)),
    seq(W("ngày"), DAY, OF, MONTH_REF).map(lambda d, m: (DateNode(d, m),)),
    seq(W("ngày"), DAY).map(lambda d: (DateNode(d, None),)),
)
# "của tháng", "của quý", "của năm" after a day of a recurrence: the period the day is in
OF_PERIOD = seq(W("của"), W("tháng", "quý", "năm"))
IN_YEAR = opt(alt((W("trong") + YEAR_WORD).map(lambda y=None: y), YEAR_WORD))


RECURRING = alt(
    # The day first: "trước ngày 20 hằng tháng", "ngày 20/11 hằng năm", "trước ngày 15 của tháng"
    seq(
        opt(W("định kỳ")),
        DAY_LEAD,
        DAY_OF,
        alt(
            seq(OF, CADENCES).map(lambda c: c),
            seq(W("("), CADENCES, W(")")).map(lambda c: c),  # "trước ngày 15/12 (hằng năm)"
            seq(W("của"), W("tháng")).map(lambda *_: (MONTHLY,)),
        ),
        IN_YEAR,
    ).map(lambda days, cadences, y=None: RecurringNode(cadences, days, y)),
    # The cadence first, then the day: "Hằng tháng, trước ngày 20", "Hằng quý (trước ngày 15 của tháng
    # cuối quý)", "Hằng năm, trước ngày 20/11", "Báo cáo định kỳ hằng năm: chậm nhất ngày 20 tháng 12".
    seq(
        opt(W("báo cáo")),
        CADENCES,
        opt(W(",") | W(";") | W("(") | W(":")),
        DAY_LEAD,
        DAY_OF,
        opt(OF_PERIOD),
        opt(W(")")),
        IN_YEAR,
    ).map(lambda cadences, days, y=None: RecurringNode(cadences, days, y)),
    # A window each period: "Hằng tháng: tính từ ngày 15 tháng trước đến ngày 14 của tháng thuộc kỳ báo cáo"
    seq(opt(W("báo cáo")), CADENCES, opt(W(",") | W(";") | W(":") | W("(")), WINDOW, opt(W(")"))).map(
        EachPeriodNode
    ),
    # "Hằng năm và đột xuất": the occurrences of the cadence; what is asked at any time has no date
    seq(opt(W("báo cáo")), CADENCES, W("và", "hoặc"), W("đột xuất")).map(
        lambda cadences: RecurringNode(cadences, (), None)
    ),
    seq(opt(W("báo cáo")), CADENCES, IN_YEAR).map(lambda cadences, y=None: RecurringNode(cadences, (), y)),
)

# Sentences whose subject is a report: "Báo cáo 6 tháng đầu năm gửi trước ngày 10/07 của năm báo cáo
# và báo cáo năm trước ngày 15/12", "Báo cáo quý: chậm nhất ngày 18 của tháng cuối quý".
_REPORTS = {
    "tháng": MONTHLY,
    "quý": QUARTERLY,
    "6 tháng": Every(6, first=1),  # the regime's "báo cáo 6 tháng" is the first half; the year's covers all
    "6 tháng đầu năm": Every(6, first=1),
    "sáu tháng": Every(6, first=1),
    "sáu tháng đầu năm": Every(6, first=1),
    "6 tháng cuối năm": Every(6, first=7),
    "06 tháng": Every(6, first=1),  # "06 (sáu) tháng", as the circulars repeat it
    "06 tháng đầu năm": Every(6, first=1),
    "9 tháng": Every(9, first=1),
    "9 tháng đầu năm": Every(9, first=1),
    "09 tháng": Every(9, first=1),
    "chín tháng": Every(9, first=1),
    "năm": YEARLY,
    "cả năm": YEARLY,
}
REPORT_KIND = keywords(
    {
        **{f"{how}{kind}": every for kind, every in _REPORTS.items() for how in ("", "định kỳ ")},
        **{
            f"{how}{kind}": every
            for kind, every in _REPORTS.items()
            if kind in ("tháng", "quý", "năm")
            for how in ("hằng ", "định kỳ hằng ")
        },
    },
    "báo cáo tháng, quý, 6 tháng, năm",
)
SEND = W("gửi về", "gửi", "được gửi", "nộp", "gửi báo cáo", "thực hiện")
REPORT_DUE = seq(opt(SEND), DAY_LEAD, alt(DATE, seq(W("ngày"), DAY).map(lambda d: DateNode(d, None)))).map(
    lambda d: d
)
REPORT = seq(opt(W("số liệu", "thời hạn gửi", "thời gian gửi")), W("báo cáo"), REPORT_KIND).map(lambda e: e)
CLAUSE = alt(
    seq(REPORT, opt(W(":") | W(",")), REPORT_DUE).map(lambda every, due: ReportClause(every, due)),
    # "Báo cáo quý: số liệu tính từ ngày 15 của tháng trước kỳ báo cáo đến ngày 14 của tháng cuối quý",
    # "Số liệu báo cáo 6 tháng đầu năm tính từ ngày 01/01 đến ngày 30/06 của năm báo cáo"
    seq(REPORT, opt(W(":") | W(",")), START_WORD, DATE, RANGE_SEP, opt(W("hết")), DATE).map(
        lambda every, first, last: ReportClause(every, last, first)
    ),
    # The report last: "Chậm nhất ngày 15 (mười lăm) của tháng báo cáo đối với báo cáo định kỳ hằng tháng"
    seq(REPORT_DUE, W("đối với", "với", "đối với các"), REPORT).map(
        lambda due, every: ReportClause(every, due)
    ),
)
_CLAUSE_SEP = seq(LIST_SEP, opt(W("và")))
REPORTS = seq(CLAUSE, opt((_CLAUSE_SEP + sep_by(CLAUSE, _CLAUSE_SEP)).map(lambda more: more), ())).map(
    lambda first, more: ReportsNode((first, *more))
)

# "Thường xuyên", "Thường xuyên năm 2021", "Thường xuyên trong năm 2021", "thường xuyên, liên tục"
ONGOING = seq(
    W("thường xuyên"),
    opt(W(",")),
    opt(W("liên tục")),
    opt(W("trong")),
    opt(alt(W("cả năm", "hằng năm", "hàng năm"), YEAR_WORD, YEAR, W("năm"))),
).map(lambda y=None: OngoingNode(y))

# "… kể từ ngày chốt số liệu": a moment of the reporting period, dated when a period is given.
ANCHOR = keywords(
    {
        "ngày chốt số liệu": Anchor.CUTOFF,
        "ngày chốt số liệu báo cáo": Anchor.CUTOFF,
        "thời điểm chốt số liệu": Anchor.CUTOFF,
        "ngày kết thúc kỳ báo cáo": Anchor.PERIOD_END,
        "khi kết thúc kỳ báo cáo": Anchor.PERIOD_END,
    },
    "ngày chốt số liệu",
)
_AFTER_DAYS = seq(
    W("trong thời hạn", "trong vòng", "chậm nhất là", "chậm nhất", "sau", "trong"),
    number((1, 3), 1, 999, "số ngày"),
    W("ngày"),
    flag(W("làm việc")),
    W("kể từ", "sau khi", "sau", "từ"),
)
# No calendar date: kinds of their own, listed apart like ongoing items.
NO_DATE = alt(
    seq(W("theo quy định"), rest()).map(lambda *_: UndatedNode(Undated.AS_REGULATED)),
    seq(
        W("khi có yêu cầu", "khi được yêu cầu", "theo yêu cầu", "khi có chỉ đạo", "theo chỉ đạo"), rest()
    ).map(lambda *_: UndatedNode(Undated.ON_REQUEST)),
    # "Đột xuất": when asked; "Định kỳ hoặc đột xuất": the regime's periodic reports, and when asked
    (W("đột xuất") + end()).map(lambda *_: UndatedNode(Undated.ON_REQUEST)),
    seq(W("định kỳ"), W("hoặc", "và"), W("đột xuất"), end()).map(
        lambda *_: UndatedNode(Undated.AS_REGULATED)
    ),
    seq(
        W(
            "theo lộ trình",
            "theo tiến độ",
            "theo kế hoạch",
            "theo hướng dẫn",
            "theo văn bản hướng dẫn",
        ),
        rest(),
    ).map(lambda *_: UndatedNode(Undated.PER_ROADMAP)),
    # "Sau 15 ngày kể từ khi có Thông báo kết luận kiểm tra", "trong vòng 30 ngày làm việc kể từ ngày …",
    # "trong 03 ngày làm việc kể từ ngày chốt số liệu" (dated when a reporting period is given)
    (_AFTER_DAYS + ANCHOR + end()).map(lambda n, working, anchor: RelativeNode(n, working, None, anchor)),
    (_AFTER_DAYS + rest()).map(lambda n, working, event=None: RelativeNode(n, working, event)),
    # "Khi có văn bản quy phạm pháp luật mới được ban hành", "Ngay sau khi có Quyết định công bố"
    seq(W("ngay sau khi", "ngay khi", "sau khi", "khi có", "khi", "kịp thời sau khi"), rest(1)).map(
        EventNode
    ),
)

# Each form must read the whole phrase: ordered choice commits to the first form that matches, so
# the end is checked inside each alternative ("6/9 tháng …" must not stop at the date "6/9").
FORMS = (
    NO_DATE,
    ONGOING,
    COMPOUND,
    RECURRING,
    REPORTS,
    WINDOW,
    FROM,
    BEFORE_PERIOD,
    UNTIL_PERIOD,
    DATES,
    BY_DATE,
    IN_PERIOD,
)
# A phrase may open with what is to be done: "Thực hiện thường xuyên", "Triển khai trong quý II/2023".
# Each form is tried on the phrase as written first, then after such a lead ("Báo cáo quý: …" is a
# report clause before "báo cáo" is taken as a lead word).
DOING = W(
    "tổ chức thực hiện",
    "triển khai thực hiện",
    "thực hiện",
    "triển khai",
    "gửi báo cáo",
    "báo cáo",
    "định kỳ",
)
PHRASE = alt(
    *(seq(form, end()).map(lambda tree: tree) for form in (*FORMS, BARE_YEAR)),
    *(seq(DOING, form, end()).map(lambda tree: tree) for form in FORMS),
)


class GrammarError(ValueError):
    """The phrase stops making sense at `position` (a character offset), where `expected` could go."""

    def __init__(self, position: int, found: str | None, expected: list[str]) -> None:
        super().__init__(found)
        self.position = position
        self.found = found
        self.expected = expected


def parse_tree(text: str) -> Form:
    """The syntax tree of a cleaned phrase (see `clean`); raises GrammarError, or SpelledNumberError
    for a figure whose words in brackets say another number."""
    tokens = drop_spelled_numbers(tokenize(text))
    st = State(tokens)
    r = PHRASE(st, 0)
    if r is not None:
        value: Form = r[0]
        return value
    at = st.furthest
    found = tokens[at].text if at < len(tokens) else None
    position = tokens[at].start if at < len(tokens) else len(text)
    raise GrammarError(position, found, sorted(st.expected))
