"""The parser combinators the deadline grammar is written with, each on a small grammar of its own built
in the test: what it reads, the value it gives, where it leaves the reading, and what a failure
records as expected at the furthest position."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tthc_cli.domain.parser_combinators import (
    Rule,
    State,
    Token,
    Values,
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


def toks(text: str) -> tuple[Token, ...]:
    """One token per space-separated word, its folded form lower case, offsets as written."""
    out, at = [], 0
    for w in text.split():
        start = text.index(w, at)
        out.append(Token(w.lower(), w, start, start + len(w)))
        at = start + len(w)
    return tuple(out)


def run(rule: Rule, text: str, pos: int = 0) -> tuple[object, int] | None:
    return rule(State(toks(text)), pos)


def state_after(rule: Rule, text: str) -> State:
    st = State(toks(text))
    rule(st, 0)
    return st


# --- words and keywords ---------------------------------------------------------------------------


def test_words_read_the_longest_sequence_and_give_no_value() -> None:
    lead = words("chậm nhất", "chậm nhất là", "trước")
    assert run(lead, "chậm nhất là ngày") == (None, 3)
    assert run(lead, "Chậm nhất ngày") == (None, 2)
    assert run(lead, "trước") == (None, 1)
    assert run(lead, "ngày trước", 1) == (None, 2)


def test_words_that_do_not_match_record_their_first_form_as_expected() -> None:
    lead = words("chậm nhất", "trước")
    st = state_after(lead, "chậm muộn")
    assert lead(st, 0) is None
    assert (st.furthest, st.expected) == (0, {"chậm nhất"})
    assert run(lead, "chậm") is None  # the phrase ends inside the sequence
    assert run(lead, "") is None


def test_keywords_give_the_value_of_the_longest_match() -> None:
    months = keywords({"tháng": 1, "tháng cuối quý": 3, "tháng cuối": 2, "quý": 4}, "tháng báo cáo")
    assert run(months, "tháng cuối quý sau") == (3, 3)
    assert run(months, "tháng cuối năm") == (2, 2)
    assert run(months, "tháng sáu") == (1, 1)
    assert run(months, "quý") == (4, 1)
    assert run(months, "x quý", 1) == (4, 2)
    st = state_after(months, "năm")
    assert (st.furthest, st.expected) == (0, {"tháng báo cáo"})
    assert run(months, "tháng", 1) is None  # past the end


def test_a_keyword_must_match_every_word_in_order() -> None:
    rule = keywords({"a b c": "abc", "a c": "ac"}, "a")
    assert run(rule, "a b c") == ("abc", 3)
    assert run(rule, "a c b") == ("ac", 2)
    assert run(rule, "a b d") is None
    assert run(rule, "a b") is None


# --- numbers, the end, the rest --------------------------------------------------------------------


def test_a_number_has_its_digits_and_lies_in_its_bounds() -> None:
    day = number((1, 2), 1, 31, "ngày")
    assert run(day, "05 x") == (5, 1)
    assert run(day, "31") == (31, 1)
    assert run(day, "1") == (1, 1)
    for text in ("32", "0", "005", "x", "٣", ""):
        assert run(day, text) is None, text
    year = number((4, 4))
    assert run(year, "2021") == (2021, 1)
    assert run(year, "0000") == (0, 1)  # the default bounds take any value
    assert run(year, "202") is None and run(year, "20211") is None
    st = state_after(day, "x")
    assert st.expected == {"ngày"}


def test_the_default_number_is_any_digits_from_zero() -> None:
    assert run(number((1, 9)), "0") == (0, 1)
    assert run(number((1, 9)), "999999999") == (999999999, 1)
    assert state_after(number((1, 2)), "x").expected == {"số"}


def test_the_end_matches_only_after_the_last_token() -> None:
    assert run(end(), "a b", 2) == (None, 2)
    assert run(end(), "", 0) == (None, 0)
    assert run(end(), "a b", 1) is None
    st = State(toks("a b"))
    end()(st, 1)
    assert (st.furthest, st.expected) == (1, {"(hết cụm)"})


def test_the_rest_is_the_text_written_and_may_be_required() -> None:
    assert run(rest(), "kể từ khi có Thông báo", 2) == ("khi có Thông báo", 6)
    assert run(rest(), "a", 1) == (None, 1)
    assert run(rest(1), "a", 1) is None
    assert run(rest(1), "a b", 1) == ("b", 2)
    assert run(rest(2), "a b", 1) is None
    st = State(toks("a"))
    rest(1)(st, 1)
    assert (st.furthest, st.expected) == (1, {"…"})


# --- sequence, choice, option, flag, lists -----------------------------------------------------------


def test_a_sequence_keeps_the_values_that_are_not_none() -> None:
    r = run(seq(words("ngày"), number((1, 2)), words("/"), number((1, 2))), "ngày 5 / 6 x")
    assert r == (Values((5, 6)), 4) and isinstance(r[0], Values)
    assert run(seq(words("a"), words("b")), "a b") == (None, 2)  # words only: no value
    assert run(seq(words("a"), words("b")), "a c") is None
    assert run(seq(), "a") == (None, 0)


def test_a_sequence_of_sequences_is_flat_when_added() -> None:
    a, b, c = words("a"), number((1, 1)), words("c")
    both = a + b + c
    assert both.parts == (a, b, c)
    assert run(both, "a 1 c") == (Values((1,)), 3)
    assert (a + (b + c)).parts == (a, b, c)
    assert run(a + b, "a x") is None


def test_a_choice_takes_the_first_that_matches() -> None:
    first = words("a").map(lambda *_: "first")
    second = seq(words("a"), words("b")).map(lambda *_: "second")
    assert run(alt(first, second), "a b") == ("first", 1)
    assert run(alt(second, first), "a b") == ("second", 2)
    assert run(alt(second, first), "a c") == ("first", 1)
    assert run(second | first, "a c") == ("first", 1)
    assert run(second | first, "a b") == ("second", 2)
    assert run(alt(words("x"), words("y")), "z") is None


def test_failures_record_what_was_expected_at_the_furthest_position() -> None:
    rule = alt(seq(words("a"), words("b")), seq(words("a"), words("c")), words("d"))
    st = state_after(rule, "a x")
    assert (st.furthest, st.expected) == (1, {"b", "c"})  # "d" failed earlier, at 0


def test_a_miss_further_on_replaces_what_was_expected_before() -> None:
    st = State(toks("a b c"))
    st.miss(0, "x")
    st.miss(2, "y")
    st.miss(1, "z")
    st.miss(2, "w")
    assert (st.furthest, st.expected) == (2, {"y", "w"})


def test_an_option_gives_its_default_and_stays_in_place() -> None:
    assert run(opt(words("a")), "b") == (None, 0)
    assert run(opt(number((1, 1)), 7), "b") == (7, 0)
    assert run(opt(number((1, 1)), 7), "3") == (3, 1)


def test_a_flag_says_whether_its_words_were_there() -> None:
    working = flag(words("làm việc"))
    assert run(working, "làm việc kể") == (True, 2)
    assert run(working, "kể từ") == (False, 0)
    assert run(seq(number((1, 2)), working), "5 kể") == (Values((5, False)), 1)


def test_a_separated_list_gives_a_tuple_of_its_items() -> None:
    months = sep_by(number((1, 2)), words(","))
    assert run(months, "3 , 6 , 9 x") == ((3, 6, 9), 5)
    assert run(months, "3 x") == ((3,), 1)
    assert run(months, "3 , x") == ((3,), 1)  # a separator without an item is left unread
    assert run(months, "x") is None
    assert run(sep_by(number((1, 2)), words(","), least=2), "3 x") is None
    assert run(sep_by(number((1, 2)), words(","), least=2), "3 , 4") == ((3, 4), 3)


def test_map_spreads_the_values_of_a_sequence_and_passes_anything_else_whole() -> None:
    @dataclass(frozen=True)
    class Pair:
        a: int
        b: int

    assert run(seq(number((1, 2)), number((1, 2))).map(Pair), "1 2") == (Pair(1, 2), 2)
    assert run(sep_by(number((1, 2)), words(",")).map(len), "1 , 2 , 3") == (3, 5)
    assert run(number((1, 2)).map(lambda n: n * 10), "4") == (40, 1)
    assert run(words("a").map(lambda v: v is None), "a") == (True, 1)
    assert run(words("a").map(lambda v: v), "b") is None


# --- memo --------------------------------------------------------------------------------------------


def test_a_memoised_rule_is_read_once_per_position() -> None:
    calls: list[int] = []

    def counted(st: State, pos: int) -> tuple[object, int] | None:
        calls.append(pos)
        return ("x", pos + 1) if pos < len(st.tokens) else None

    shared = memo(Rule(counted))
    st = State(toks("a b"))
    assert shared(st, 0) == ("x", 1) and shared(st, 0) == ("x", 1)
    assert shared(st, 1) == ("x", 2)
    assert shared(st, 2) is None and shared(st, 2) is None
    assert calls == [0, 1, 2]
    other = memo(Rule(counted))  # another rule has its own entries
    assert other(st, 0) == ("x", 1) and calls == [0, 1, 2, 0]


def test_memoised_rules_answer_afresh_in_another_reading() -> None:
    shared = memo(number((1, 2)))
    assert shared(State(toks("5")), 0) == (5, 1)
    assert shared(State(toks("x")), 0) is None


@pytest.mark.parametrize("n", [1, 2, 8])
def test_a_choice_of_lists_of_a_memoised_term_reads_each_term_once(n: int) -> None:
    calls: list[int] = []

    def term(st: State, pos: int) -> tuple[object, int] | None:
        calls.append(pos)
        return (st.tokens[pos].word, pos + 1) if pos < len(st.tokens) and st.tokens[pos].word == "a" else None

    shared = memo(Rule(term))
    rule = alt(seq(sep_by(shared, words(",")), words("!")), sep_by(shared, words(",")))
    assert rule(State(toks(" , ".join(["a"] * n))), 0) == (("a",) * n, 2 * n - 1)
    assert calls == list(range(0, 2 * n, 2))  # the second alternative reads from the memo
