"""The deadline corpus: every phrase of tests/data/deadline_corpus.txt read in its plan period must give
the kind, dates, occurrences, warnings and errors written beside it (the file's header says how)."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

import pytest

from tthc_cli.domain.deadlines import Deadline, parse_deadline, period_context, read_for_period
from tthc_cli.domain.problems import ProblemError
from tthc_cli.present.messages import message

CORPUS = Path(__file__).parent / "data" / "deadline_corpus.txt"


@pytest.fixture(autouse=True)
def _english_messages() -> None:
    """The corpus pins messages as their English msgids; test_i18n covers the Vietnamese."""
    from tthc_cli import i18n

    i18n.activate("en")


def _entries() -> list[tuple[int, list[str]]]:
    out = []
    for number, line in enumerate(CORPUS.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            fields = [f.strip() for f in line.split("|")]
            assert len(fields) == 6, f"line {number}: six fields expected, got {len(fields)}"
            out.append((number, fields))
    return out


ENTRIES = _entries()


def _period(text: str) -> tuple[date, date]:
    if ".." in text:
        first, last = text.split("..")
        return date.fromisoformat(first), date.fromisoformat(last)
    return date(int(text), 1, 1), date(int(text), 12, 31)


def _day(text: str) -> date | None:
    return None if text == "-" else date.fromisoformat(text)


def _extras(text: str) -> dict[str, str]:
    out = {}
    for part in filter(None, (p.strip() for p in text.split(";"))):
        key, _, value = part.partition("=")
        out[key] = value
    return out


def test_corpus_is_large_enough() -> None:
    assert len(ENTRIES) >= 150
    assert (
        len({fields[0] for _n, fields in ENTRIES}) >= 140
    )  # distinct phrases, not one phrase in many periods


@pytest.mark.parametrize(("line", "fields"), ENTRIES, ids=[f"L{n}" for n, _f in ENTRIES])
def test_corpus_phrase(line: int, fields: list[str]) -> None:
    phrase, period, kind, start, due, extra_text = fields
    extras = _extras(extra_text)
    if "nfd" in extras:
        decomposed = unicodedata.normalize("NFD", phrase)
        assert decomposed != phrase, f"line {line}: NFD changes nothing in this phrase"
        phrase = decomposed
    plan_start, plan_end = _period(period)

    def read() -> Deadline:
        if "ctx" not in extras:
            return parse_deadline(phrase, plan_start=plan_start, plan_end=plan_end)
        label, _, window = extras["ctx"].partition(":")
        first, last = (date.fromisoformat(d) for d in window.split("..")) if window else (None, None)
        return read_for_period(phrase, period_context(label, first, last))

    if kind.startswith("error:"):
        with pytest.raises(ProblemError) as info:
            read()
        found = info.value.problem
        assert found.code == kind.removeprefix("error:")
        if "msg" in extras:
            assert extras["msg"] in message(found)
        if "suggest" in extras:
            assert extras["suggest"] in found.args["suggestions"]  # type: ignore[operator]
            assert f"'{extras['suggest']}'" in message(found)
        return
    d = read()
    assert d.text == unicodedata.normalize("NFC", phrase).strip()
    assert (d.kind.value, d.start, d.due) == (kind, _day(start), _day(due))
    assert d.tentative is ("tentative" in extras)
    assert [w.code for w in d.warnings] == ([extras["warn"]] if "warn" in extras else [])
    if "eff" in extras:
        assert d.effective_due == date.fromisoformat(extras["eff"])
    elif d.due is not None and d.due.weekday() < 5 and d.effective_due != d.due:
        pytest.fail(f"line {line}: effective due {d.effective_due} differs on a weekday; write eff=")
    if "occ" in extras:
        expected = [tuple(o.split("@")) for o in extras["occ"].split(",")]
        assert [(o.period, o.due.isoformat()) for o in d.occurrences] == expected
    if "n" in extras:
        assert len(d.occurrences) == int(extras["n"])
    for o in d.occurrences:  # every occurrence lies in the plan period and starts before it is due
        assert o.start <= o.due
        assert "ctx" in extras or plan_start <= o.start <= o.due <= plan_end
    if "start_by" in extras:
        assert d.start_by == date.fromisoformat(extras["start_by"])
    if "after" in extras:
        assert d.after_days == int(extras["after"])
    if "every" in extras:
        assert d.every == extras["every"]
    if "end" in extras:
        assert d.window_end == date.fromisoformat(extras["end"])
