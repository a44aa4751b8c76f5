"""A tiny PEG parser combinator over tokens: a Rule reads tokens from a position and gives a value
and the next position, or None. Ordered choice (`alt`, `|`), sequence (`seq`, `+`), optional,
flag, separated lists, word sequences, bounded numbers, the end, packrat memoising; the State
remembers the furthest position reached and what was expected there, for the error message.
deadline_grammar.py writes the rules of deadline phrases with these.

Cost: every rule that repeats (`sep_by`) consumes a token per turn, and the shared terms are
memoised per position, so a phrase is read in time about linear in its tokens; the reader also
refuses phrases longer than any real one before they get here (deadlines.MAX_PHRASE)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Result = tuple[Any, int] | None


class Values(tuple[Any, ...]):
    """What a sequence gives: the values of its members, spread into the arguments of `Rule.map`
    (any other value, a tuple of list items included, is passed whole)."""

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class Token:
    word: str  # folded: lower case, one spelling
    text: str  # as written (NFC)
    start: int  # character offsets in the phrase
    end: int


@dataclass(slots=True)
class State:
    """One reading's working state (not a value): the tokens, the furthest point any rule reached with
    what it expected there, and the memo of the shared rules."""

    tokens: tuple[Token, ...]
    furthest: int = 0
    expected: set[str] = field(default_factory=set)
    memo: dict[tuple[object, int], Result] = field(default_factory=dict)

    def miss(self, pos: int, what: str) -> None:
        if pos > self.furthest:
            self.furthest, self.expected = pos, {what}
        elif pos == self.furthest:
            self.expected.add(what)


@dataclass(frozen=True, slots=True, eq=False)
class Rule:
    """A parser: (state, position) -> (value, next position), or None when it does not match.
    `parts`: a sequence's members, so that `a + b + c` is one flat sequence."""

    fn: Callable[[State, int], Result]
    parts: tuple[Rule, ...] = ()

    def __call__(self, st: State, pos: int) -> Result:
        return self.fn(st, pos)

    def __add__(self, other: Rule) -> Rule:
        return seq(*(self.parts or (self,)), *(other.parts or (other,)))

    def __or__(self, other: Rule) -> Rule:
        return alt(self, other)

    def map(self, f: Callable[..., Any]) -> Rule:
        """Apply `f` to the value; the values of a `seq` are spread into arguments."""

        def run(st: State, pos: int) -> Result:
            r = self.fn(st, pos)
            if r is None:
                return None
            value, nxt = r
            return (f(*value) if isinstance(value, Values) else f(value)), nxt

        return Rule(run)


def seq(*rules: Rule) -> Rule:
    """All in order; the value is the Values of the members' values that are not None (words give
    None), or None when there are none."""

    def run(st: State, pos: int) -> Result:
        values = []
        for rule in rules:
            r = rule.fn(st, pos)
            if r is None:
                return None
            if r[0] is not None:
                values.append(r[0])
            pos = r[1]
        return (Values(values) if values else None), pos

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
        r = rule.fn(st, pos)
        return r if r is not None else (default, pos)

    return Rule(run)


def flag(rule: Rule) -> Rule:
    """True when `rule` matches here (consuming it), else False."""
    return opt(rule.map(lambda *_: True), False)


def sep_by(item: Rule, sep: Rule, least: int = 1) -> Rule:
    """`item (sep item)*` with at least `least` items; the value is the tuple of item values."""

    def run(st: State, pos: int) -> Result:
        r = item.fn(st, pos)
        if r is None:
            return None
        values, pos = [r[0]], r[1]
        while (s := sep.fn(st, pos)) is not None and (r := item.fn(st, s[1])) is not None:
            values.append(r[0])
            pos = r[1]
        return (tuple(values), pos) if len(values) >= least else None

    return Rule(run)


def words(*alternatives: str) -> Rule:
    """One of several word sequences ("chậm nhất là", "chậm nhất"): the longest that matches. Words
    give no value (None), so a sequence keeps only what the words qualify."""
    return keywords(dict.fromkeys(alternatives), alternatives[0])


def keywords(table: dict[str, Any], what: str) -> Rule:
    """One of the word sequences of `table`, the longest that matches; the value is the one `table`
    gives it ("tháng cuối quý" -> the last month of the quarter)."""
    # Indexed by first word: most attempts fail on the first token, with one dict look-up.
    by_first: dict[str, list[tuple[list[str], Any]]] = {}
    for phrase, value in table.items():
        ws = phrase.split()
        by_first.setdefault(ws[0], []).append((ws[1:], value))
    for tails in by_first.values():
        tails.sort(key=lambda tail: len(tail[0]), reverse=True)  # "trong suốt" before "trong"

    def run(st: State, pos: int) -> Result:
        toks = st.tokens
        if pos < len(toks):
            for tail, value in by_first.get(toks[pos].word, ()):
                end = pos + 1 + len(tail)
                if end <= len(toks) and all(toks[pos + 1 + i].word == w for i, w in enumerate(tail)):
                    return value, end
        st.miss(pos, what)
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


def rest(least: int = 0) -> Rule:
    """Everything left, at least `least` tokens, as the text written (the event of "kể từ khi có
    Thông báo …"); None when nothing is left."""

    def run(st: State, pos: int) -> Result:
        toks = st.tokens[pos:]
        if len(toks) < least:
            st.miss(pos, "…")
            return None
        return (" ".join(t.text for t in toks) or None), len(st.tokens)

    return Rule(run)


def memo(rule: Rule) -> Rule:
    """Remember what `rule` gave at each position (packrat parsing): the phrase forms share their
    terms, so a date or a period is read once however many forms try it."""
    # The key lives as long as this rule (an id of `rule` could be another rule's once it is freed).
    key = object()
    fn = rule.fn

    def run(st: State, pos: int) -> Result:
        at = (key, pos)
        if at in st.memo:
            return st.memo[at]
        r = st.memo[at] = fn(st, pos)
        return r

    return Rule(run)
