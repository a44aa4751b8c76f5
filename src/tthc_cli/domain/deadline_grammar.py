"""The grammar of Vietnamese deadline phrases: words -> a syntax tree. No dates are computed here.

A phrase is read by small composable rules (a date, a month, a quarter, a list or a range of them, a
lead word, a recurrence) built with a tiny PEG combinator (parser_combinators.py): ordered choice,
sequence, optional, repetition. Each rule says what it reads; `deadlines.py` gives the tree its
meaning (dates, plan period, occurrences, warnings). A phrase that does not parse reports how far
it made sense.

Tree nodes are tuples whose first element names the form, e.g. ("date", day, month, year|None),
("month", month, year|None), ("quarter", q, year|None), ("list", [terms]), ("range", a, b). A year
of None means the plan's year ("năm kế hoạch" reads the same).
"""

from __future__ import annotations

import re
import unicodedata

from tthc_cli.domain.parser_combinators import (
    Rule,
    State,
    Token,
    alt,
    end,
    flag,
    memo,
    number,
    opt,
    rest,
    sep_by,
    seq,
    words,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from tthc_cli.domain.parser_combinators import Result


# --- tokens -----------------------------------------------------------------------------------------

# Words (Vietnamese syllables), numbers, and single punctuation marks. "T6" and "Q3" split into a
# letter and a number, so "T6/2022" reads like "Tháng 6/2022".
_TOKEN = re.compile(r"[0-9]+|[^\W\d_]+|\S")
_DASHES = re.compile("[\u2010-\u2015\u2212]")
_TENTATIVE = re.compile(r"\(\s*(?:thời gian\s+)?dự kiến\s*\)|^(?:thời gian\s+)?dự kiến\s*:?", re.IGNORECASE)
# Spellings that mean the same word: "hàng tháng" = "hằng tháng"; tone marks placed the old way.
_SAME_WORD = {"hàng": "hằng", "quí": "quý", "qúy": "quý", "thuờng": "thường"}


def clean(text: str) -> str:
    """NFC, plain dashes, one space between words, no trailing punctuation: what error messages quote."""
    text = _DASHES.sub("-", unicodedata.normalize("NFC", text))
    return " ".join(text.split()).rstrip(".;:,").strip()


def split_tentative(text: str) -> tuple[str, bool]:
    """Remove "(dự kiến)" wherever it stands, and a leading "Thời gian dự kiến:"."""
    stripped, count = _TENTATIVE.subn(" ", clean(text))
    return clean(stripped), count > 0


def tokenize(text: str) -> list[Token]:
    out = []
    for m in _TOKEN.finditer(text):
        word = m.group().casefold()
        out.append(Token(_SAME_WORD.get(word, word), m.group(), m.start(), m.end()))
    return out


# --- the grammar ------------------------------------------------------------------------------------

W = words
SEP = W("/") | W("-") | W(".")
LIST_SEP = W(",") | W(";") | W("và") | W("hoặc")
RANGE_SEP = W("-") | W("đến hết") | W("đến") | W("tới")

YEAR = number((4, 4), 1900, 2199, "năm (4 chữ số)")
# "năm 2022", "/2022", "(2022)", "năm kế hoạch" (None: the plan's year).
YEAR_WORD = alt(
    W("năm") + YEAR,
    W("năm kế hoạch", "năm nay").map(lambda *_: ("plan",)),
    W("(") + opt(W("năm")) + YEAR + W(")"),
).map(lambda y: None if y == "plan" else y)
YEAR_SUFFIX = alt((SEP + YEAR).map(lambda y: y), YEAR_WORD)
DAY = number((1, 2), what="ngày")
MONTH = number((1, 2), what="tháng")

# Dates: 31/5/2021, 30-5, 15.7.2021, "ngày 15 tháng 9 năm 2021", "31 tháng 12 năm 2025", "20/8".
DATE = memo(
    alt(
        seq(opt(W("ngày")), DAY, SEP, MONTH, opt(alt((SEP + YEAR).map(lambda y: y), YEAR_WORD))),
        seq(opt(W("ngày")), DAY, W("tháng"), MONTH, opt(alt((SEP + YEAR).map(lambda y: y), YEAR_WORD))),
    ).map(lambda d, m, y=None: ("date", d, m, y))
)

# Months: "Tháng 6/2022", "T6/2022", "06/2022", "tháng 11, 12/2022", "tháng 3 - 5 năm 2022".
MONTH_WORD = W("tháng", "t")
MONTH_ITEM = seq(opt(MONTH_WORD), MONTH).map(lambda m: m)
MONTHS = alt(
    seq(MONTH_WORD, MONTH, RANGE_SEP, MONTH_ITEM, opt(YEAR_SUFFIX)).map(
        lambda a, b, y=None: ("range", ("month", a, None), ("month", b, y))
    ),
    seq(MONTH_WORD, sep_by(MONTH_ITEM, LIST_SEP), opt(YEAR_SUFFIX)).map(
        lambda ms, y=None: ("month", ms[0], y) if len(ms) == 1 else ("list", [("month", m, y) for m in ms])
    ),
    seq(number((2, 2), 1, 12, "tháng"), W("/"), YEAR).map(lambda m, y: ("month", m, y)),
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


QUARTER_NO = Rule(_quarter_number)
QUARTER_ITEM = seq(opt(W("quý")), QUARTER_NO).map(lambda q: q)
QUARTERS = alt(
    seq(W("quý", "q"), QUARTER_NO, RANGE_SEP, QUARTER_ITEM, opt(YEAR_SUFFIX)).map(
        lambda a, b, y=None: ("range", ("quarter", a, None), ("quarter", b, y))
    ),
    seq(W("quý", "q"), sep_by(QUARTER_ITEM, LIST_SEP), opt(YEAR_SUFFIX)).map(
        lambda qs, y=None: (
            ("quarter", qs[0], y) if len(qs) == 1 else ("list", [("quarter", q, y) for q in qs])
        )
    ),
)

# "6 tháng đầu năm 2021", "9 tháng đầu năm (2022)", "6 tháng cuối năm", "nửa đầu năm 2022", and the
# reports of "6/9 tháng đầu năm" (the first six and the first nine months) as a list.
_N_MONTHS = number((1, 2), 1, 12, "số tháng")
FIRST_MONTHS_LIST = seq(
    _N_MONTHS,
    W("/") | W(",") | W("và"),
    sep_by(_N_MONTHS, W("/") | W(",") | W("và")),
    W("tháng"),
    W("đầu").map(lambda *_: "first") | W("cuối").map(lambda *_: "last"),
    W("năm"),
    opt(alt(YEAR, YEAR_WORD)),
).map(lambda n, more, which, y=None: ("list", [("months_of_year", k, which, y) for k in [n, *more]]))
FIRST_MONTHS = alt(
    seq(
        _N_MONTHS,
        W("tháng"),
        W("đầu").map(lambda *_: "first") | W("cuối").map(lambda *_: "last"),
        W("năm"),
        opt(alt(YEAR, YEAR_WORD)),
    ),
    seq(
        W("nửa"),
        W("đầu").map(lambda *_: "first") | W("cuối").map(lambda *_: "last"),
        W("năm"),
        opt(alt(YEAR, YEAR_WORD)),
    ).map(lambda which, y=None: (6, which, y)),
).map(lambda n, which, y=None: ("months_of_year", n, which, y))

# Several years: "Giai đoạn 2021-2025", "năm 2021 - 2025", "từ năm 2021 đến năm 2025" (as a range).
YEARS = seq(opt(W("giai đoạn", "năm")), YEAR, RANGE_SEP, opt(W("năm")), YEAR).map(
    lambda a, b: ("years", a, b)
)
ONE_YEAR = alt(W("năm") + YEAR, W("năm kế hoạch", "năm nay", "cả năm", "năm").map(lambda *_: (None,))).map(
    lambda y: ("year", y)
)

PERIOD = memo(alt(QUARTERS, FIRST_MONTHS_LIST, FIRST_MONTHS, MONTHS, YEARS, ONE_YEAR))
TERM = memo(alt(DATE, PERIOD))

# --- lead words and phrase forms --------------------------------------------------------------------

DONE = W("thực hiện xong", "hoàn thành xong", "hoàn thành", "kết thúc", "xong", "triển khai xong")
BEFORE = W("chậm nhất là", "chậm nhất", "hạn chót là", "hạn chót", "không muộn hơn", "trước", "hạn")
UNTIL_END = W("từ nay đến hết", "từ nay đến", "đến hết", "đến trước", "hết", "đến")
INSIDE = W("trong", "vào", "cuối", "trong suốt", "ngay")

# "trước ngày 31/5/2021", "chậm nhất là ngày 15/9", "hoàn thành trước 30-9", "31/5/2021"
BY_DATE = seq(opt(DONE), opt(BEFORE | UNTIL_END | W("trong", "vào")), DATE).map(lambda d: ("by", d))
# "trước ngày 30/6 và 31/12/2022": several deliveries, each by its date
DATES = seq(
    opt(DONE), opt(BEFORE | UNTIL_END | W("trong", "vào")), DATE, LIST_SEP, sep_by(DATE, LIST_SEP)
).map(lambda first, more: ("dates", [first, *more]))
# "xong trước tháng 6 năm 2021", "trước quý III/2022", "trước năm 2025"
BEFORE_PERIOD = seq(opt(DONE), W("trước"), PERIOD).map(lambda p: ("before", p))
# "đến hết tháng 6/2022", "từ nay đến hết năm 2025", "đến hết quý II"
UNTIL_PERIOD = seq(opt(DONE), UNTIL_END, PERIOD).map(lambda p: ("until", p))
# "Tháng 6/2021", "trong quý III năm 2021", "cuối quý II/2022", "hoàn thành trong tháng 11, 12/2022"
IN_PERIOD = seq(opt(DONE), opt(INSIDE), opt(W("thời gian")), PERIOD).map(lambda p: ("in", p))
# "từ tháng 4 đến tháng 11 năm 2021", "từ ngày 1/4/2021 đến ngày 30/11/2021", "từ năm 2021 đến 2025"
START_WORD = W("bắt đầu từ", "bắt đầu", "kể từ", "từ")
WINDOW = seq(START_WORD, TERM, RANGE_SEP, TERM).map(lambda a, b: ("window", a, b))
# "Từ tháng 3/2022": starts, no end stated
FROM = seq(START_WORD, TERM).map(lambda a: ("from", a))

SIMPLE = memo(alt(WINDOW, FROM, BEFORE_PERIOD, UNTIL_PERIOD, BY_DATE, IN_PERIOD))

# "trước ngày 30-5 và kết thúc trước 30-9": a start-by and a due; "từ tháng 3, hoàn thành trước tháng 6";
# "bắt đầu trước ngày 30/4 và kết thúc trong tháng 10"
COMPOUND = seq(
    opt(W("bắt đầu", "triển khai")), SIMPLE, LIST_SEP | W(",") | W(";"), seq(DONE, SIMPLE).map(lambda s: s)
).map(lambda a, b: ("compound", a, b))

# Recurrences. Cadences: "hằng tháng", "mỗi quý", "định kỳ 6 tháng", "hằng năm", "6 tháng một lần".
_CADENCE_UNIT = alt(
    W("tháng").map(lambda *_: "month"),
    W("quý").map(lambda *_: "quarter"),
    W("năm").map(lambda *_: "year"),
    W("tuần").map(lambda *_: "week"),
    seq(number((1, 2), what="số tháng"), W("tháng")).map(
        lambda n: {1: "month", 3: "quarter", 6: "half_year", 12: "year"}.get(n, f"months:{n}")
    ),
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
    opt(seq(_CADENCE_SEP, sep_by(alt(CADENCE, _CADENCE_UNIT), _CADENCE_SEP)).map(lambda more: more), []),
).map(lambda first, more: [first, *more])
DAY_LEAD = opt(BEFORE | W("vào") | UNTIL_END)
# "ngày 20", "ngày 20/11", "ngày 15 tháng 12", "ngày 15/6 và 15/12": a list of (day, month or None)
DAY_MONTH = seq(opt(W("ngày")), DAY, alt(SEP, W("tháng")), MONTH).map(lambda d, m: (d, m))
DAY_OF = alt(
    seq(W("ngày"), DAY, alt(SEP, W("tháng")), MONTH, LIST_SEP, sep_by(DAY_MONTH, LIST_SEP)).map(
        lambda d, m, more: [(d, m), *more]
    ),
    seq(W("ngày"), DAY, alt(SEP, W("tháng")), MONTH).map(lambda d, m: [(d, m)]),
    seq(W("ngày"), DAY).map(lambda d: [(d, None)]),
)
# "của tháng cuối quý", "tháng cuối cùng của mỗi quý", "của tháng cuối hằng quý"
LAST_MONTH_OF_QUARTER = seq(
    opt(W("của")), W("tháng cuối cùng", "tháng cuối"), opt(W("của")), opt(W("mỗi", "hằng", "từng")), W("quý")
).map(lambda *_: ["quarter_last_month"])
OF_MONTH = seq(W("của"), W("tháng")).map(lambda *_: ["month"])
RECURRING = alt(
    seq(
        opt(W("định kỳ")),
        DAY_LEAD,
        DAY_OF,
        alt(LAST_MONTH_OF_QUARTER, seq(opt(W("của")), CADENCES).map(lambda c: c), OF_MONTH),
        opt(alt((W("trong") + YEAR_WORD).map(lambda y=None: y), YEAR_WORD)),
    ).map(lambda day, cad, y=None: ("recurring", cad, day, y)),
    # The cadence first, then the day: "Hằng tháng, trước ngày 20", "Hằng quý (trước ngày 15 của tháng
    # cuối quý)", "Hằng năm, trước ngày 20/11".
    seq(
        opt(W("báo cáo")),
        CADENCES,
        opt(W(",") | W(";") | W("(")),
        DAY_LEAD,
        DAY_OF,
        flag(alt(LAST_MONTH_OF_QUARTER, OF_MONTH, seq(W("của"), W("tháng", "quý", "năm")))),
        opt(W(")")),
        opt(alt((W("trong") + YEAR_WORD).map(lambda y=None: y), YEAR_WORD)),
    ).map(lambda cad, day, _qualified, y=None: ("recurring", cad, day, y)),
    seq(
        opt(W("báo cáo")),
        CADENCES,
        opt(alt((W("trong") + YEAR_WORD).map(lambda y=None: y), YEAR_WORD)),
    ).map(lambda cad, y=None: ("recurring", cad, None, y)),
)

# "Thường xuyên", "Thường xuyên năm 2021", "Thường xuyên trong năm 2021", "thường xuyên, liên tục"
ONGOING = seq(
    W("thường xuyên"),
    opt(W(",")),
    opt(W("liên tục")),
    opt(W("trong")),
    opt(alt(W("cả năm"), YEAR_WORD, YEAR, W("năm"))),
).map(lambda y=None: ("ongoing", y))

# No calendar date: kinds of their own, listed apart like ongoing items.
NO_DATE = alt(
    seq(W("theo quy định"), rest()).map(lambda *_: ("no_date", "as_regulated")),
    seq(
        W("khi có yêu cầu", "khi được yêu cầu", "theo yêu cầu", "khi có chỉ đạo", "theo chỉ đạo"), rest()
    ).map(lambda *_: ("no_date", "on_request")),
    seq(W("theo lộ trình", "theo kế hoạch của", "theo hướng dẫn của"), rest()).map(
        lambda *_: ("no_date", "per_roadmap")
    ),
    # "Sau 15 ngày kể từ khi có Thông báo kết luận kiểm tra", "trong vòng 30 ngày làm việc kể từ ngày …"
    seq(
        W("trong thời hạn", "trong vòng", "chậm nhất là", "chậm nhất", "sau", "trong"),
        number((1, 3), 1, 999, "số ngày"),
        W("ngày"),
        flag(W("làm việc")),
        W("kể từ", "sau khi", "sau", "từ"),
        rest(),
    ).map(lambda n, working, event=None: ("relative", n, working, event)),
)

# Each form must read the whole phrase: ordered choice commits to the first form that matches, so
# the end is checked inside each alternative ("6/9 tháng …" must not stop at the date "6/9").
FORMS = (
    NO_DATE,
    ONGOING,
    COMPOUND,
    RECURRING,
    WINDOW,
    FROM,
    BEFORE_PERIOD,
    UNTIL_PERIOD,
    DATES,
    BY_DATE,
    IN_PERIOD,
)
PHRASE = alt(*(seq(form, end()).map(lambda tree: tree) for form in FORMS))


class GrammarError(ValueError):
    """The phrase stops making sense at `position` (a character offset), where `expected` could go."""

    def __init__(self, position: int, found: str | None, expected: list[str]) -> None:
        super().__init__(found)
        self.position = position
        self.found = found
        self.expected = expected


def parse_tree(text: str) -> Any:
    """The syntax tree of a cleaned phrase (see `clean`); raises GrammarError."""
    tokens = tokenize(text)
    st = State(tokens)
    r = PHRASE(st, 0)
    if r is not None:
        return r[0]
    at = st.furthest
    found = tokens[at].text if at < len(tokens) else None
    position = tokens[at].start if at < len(tokens) else len(text)
    raise GrammarError(position, found, sorted(st.expected))
