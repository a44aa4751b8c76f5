"""A tiny PEG parser combinator over tokens: a Rule reads tokens from a position and gives a value
and the next position, or None. Ordered choice (`alt`, `|`), sequence (`seq`, `+`), optional,
flag, separated lists, word sequences, bounded numbers, the end, packrat memoising; the State
remembers the furthest position reached and what was expected there, for the error message.
deadline_grammar.py writes the rules of deadline phrases with these."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    Result = tuple[Any, int] | None


class Token:
    __slots__ = ("end", "start", "text", "word")

    def __init__(self, word: str, text: str, start: int, end: int) -> None:
        self.word = word  # folded: lower case, one spelling
        self.text = text  # as written (NFC)
        self.start = start
        self.end = end


class State:
    """The tokens and the furthest point any rule reached, with what it expected there."""

    __slots__ = ("expected", "furthest", "memo", "tokens")

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.furthest = 0
        self.expected: set[str] = set()
        self.memo: dict[tuple[int, int], Result] = {}

    def miss(self, pos: int, what: str) -> None:
        if pos > self.furthest:
            self.furthest, self.expected = pos, {what}
        elif pos == self.furthest:
            self.expected.add(what)


class Rule:
    """A parser: (state, position) -> (value, next position), or None when it does not match."""

    __slots__ = ("fn", "parts")

    def __init__(self, fn: Callable[[State, int], Result], parts: tuple[Rule, ...] = ()) -> None:
        self.fn = fn
        self.parts = parts  # a sequence's members, so that `a + b + c` is one flat sequence

    def __call__(self, st: State, pos: int) -> Result:
        return self.fn(st, pos)

    def __add__(self, other: Rule) -> Rule:
        return seq(*(self.parts or (self,)), *(other.parts or (other,)))

    def __or__(self, other: Rule) -> Rule:
        return alt(self, other)

    def map(self, f: Callable[..., Any]) -> Rule:
        """Apply `f` to the value; a tuple value from `seq` is spread into arguments."""

        def run(st: State, pos: int) -> Result:
            r = self(st, pos)
            if r is None:
                return None
            value, nxt = r
            return (f(*value) if isinstance(value, tuple) else f(value)), nxt

        return Rule(run)


def seq(*rules: Rule) -> Rule:
    """All in order; the value is the tuple of the values that are not None (words give None)."""

    def run(st: State, pos: int) -> Result:
        values = []
        for rule in rules:
            r = rule.fn(st, pos)
            if r is None:
                return None
            if r[0] is not None:
                values.append(r[0])
            pos = r[1]
        return tuple(values), pos

    return Rule(run, rules)


def alt(*rules: Rule) -> Rule:
    """The first that matches (PEG ordered choice)."""

    def run(st: State, pos: int) -> Result:
        for rule in rules:
            r = rule.fn(st, pos)
            if r is not None:
                return r
        return None

    return Rule(run)


def opt(rule: Rule, default: Any = None) -> Rule:
    def run(st: State, pos: int) -> Result:
        r = rule(st, pos)
        return r if r is not None else (default, pos)

    return Rule(run)


def flag(rule: Rule) -> Rule:
    """True when `rule` matches here (consuming it), else False."""
    return opt(rule.map(lambda *_: True), False)


def sep_by(item: Rule, sep: Rule, least: int = 1) -> Rule:
    """`item (sep item)*` with at least `least` items; the value is the list of item values."""

    def run(st: State, pos: int) -> Result:
        r = item(st, pos)
        if r is None:
            return None
        values, pos = [r[0]], r[1]
        while (s := sep(st, pos)) is not None and (r := item(st, s[1])) is not None:
            values.append(r[0])
            pos = r[1]
        return (values, pos) if len(values) >= least else None

    return Rule(run)


def words(*alternatives: str) -> Rule:
    """One of several word sequences ("chậm nhất là", "chậm nhất"): the longest that matches."""
    # Indexed by first word: most attempts fail on the first token, with one dict look-up.
    by_first: dict[str, list[list[str]]] = {}
    for a in alternatives:
        ws = a.split()
        by_first.setdefault(ws[0], []).append(ws[1:])
    for tails in by_first.values():
        tails.sort(key=len, reverse=True)  # the longest reading first: "trong suốt" before "trong"

    def run(st: State, pos: int) -> Result:
        toks = st.tokens
        if pos < len(toks):
            for tail in by_first.get(toks[pos].word, ()):
                end = pos + 1 + len(tail)
                if end <= len(toks) and all(toks[pos + 1 + i].word == w for i, w in enumerate(tail)):
                    return None, end
        st.miss(pos, alternatives[0])
        return None

    return Rule(run)


def number(digits: tuple[int, int], lo: int = 0, hi: int = 10**9, what: str = "số") -> Rule:
    """A number written with `digits[0]`..`digits[1]` digits whose value lies in lo..hi."""

    def run(st: State, pos: int) -> Result:
        if pos < len(st.tokens):
            w = st.tokens[pos].word
            if w.isascii() and w.isdigit() and digits[0] <= len(w) <= digits[1] and lo <= int(w) <= hi:
                return int(w), pos + 1
        st.miss(pos, what)
        return None

    return Rule(run)


def end() -> Rule:
    def run(st: State, pos: int) -> Result:
        if pos == len(st.tokens):
            return None, pos
        st.miss(pos, "(hết cụm)")
        return None

    return Rule(run)


def rest() -> Rule:
    """Everything left, as the text written (the event of "kể từ khi có Thông báo …")."""

    def run(st: State, pos: int) -> Result:
        toks = st.tokens[pos:]
        return (" ".join(t.text for t in toks) or None), len(st.tokens)

    return Rule(run)


def memo(rule: Rule) -> Rule:
    """Remember what `rule` gave at each position (packrat parsing): the phrase forms share their
    terms, so a date or a period is read once however many forms try it."""
    key = id(rule)
    fn = rule.fn

    def run(st: State, pos: int) -> Result:
        at = (key, pos)
        if at in st.memo:
            return st.memo[at]
        r = st.memo[at] = fn(st, pos)
        return r

    return Rule(run)
