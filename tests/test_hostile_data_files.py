"""No data file crashes tthc: random bytes, truncated and mutated copies of the shipped files, random
deadline phrases. Every run ends in data or in problems with a file and a line — never an exception.

Example counts here keep the suite quick; `.venv/bin/python fuzz/run.py --examples N` runs the same
properties longer and prints how many cases ran.
"""

from __future__ import annotations

import os
import unicodedata
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tthc_cli.data.dataset import Loaded, assemble
from tthc_cli.data.loader import parse_document
from tthc_cli.domain.deadlines import parse_deadline
from tthc_cli.domain.problems import ProblemError
from tthc_cli.present.messages import message

from .conftest import DATA, DATA_NAMES

SHIPPED = {name: (DATA / name).read_bytes() for name in DATA_NAMES}
NAMES = sorted(SHIPPED)
# TTHC_FUZZ_EXAMPLES raises the count for a long run (fuzz/run.py); the suite keeps it quick.
EXAMPLES = int(os.environ.get("TTHC_FUZZ_EXAMPLES", "150"))
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_sound(result: Loaded) -> None:
    if result.plan is None:
        assert result.errors, "no data and no error"
    for d in result.problems:
        assert d.file and d.code and message(d)
        assert d.line >= 1 and d.column >= 1, d


@FAST
@given(st.binary(max_size=2000))
def test_random_bytes_never_crash_the_loader(raw: bytes) -> None:
    doc = parse_document("x.yaml", raw)
    assert doc.data is not None or doc.diagnostics or doc.root is not None


@FAST
@given(st.sampled_from(NAMES), st.binary(max_size=3000))
def test_random_bytes_in_place_of_a_data_file(name: str, raw: bytes) -> None:
    assert_sound(assemble({**SHIPPED, name: raw}))


# Truncation points per file: 50 in the suite (each costs a whole assemble, up to 0.1 s when units.yaml
# is cut and every unit named elsewhere is looked up in vain); fuzz/run.py cuts far more densely.
CUTS = max(50, EXAMPLES // 3)


@pytest.mark.parametrize("name", NAMES)
def test_every_truncation_of_every_file(name: str) -> None:
    raw = SHIPPED[name]
    step = max(1, len(raw) // CUTS)
    for cut in range(0, len(raw), step):
        assert_sound(assemble({**SHIPPED, name: raw[:cut]}))


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    name = draw(st.sampled_from(NAMES))
    text = SHIPPED[name].decode("utf-8")
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "indent", "dedent", "replace", "insert"]))
        i = draw(st.integers(0, len(lines) - 1))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "indent":
            lines[i] = "  " + lines[i]
        elif op == "dedent":
            lines[i] = lines[i][2:]
        elif op == "replace" and lines[i]:
            k = draw(st.integers(0, len(lines[i]) - 1))
            ch = draw(st.sampled_from([*list(":-[]{}#&*!|>'\"\t,?%@`\u200b\xa0"), "ơ", "đ", "0", " "]))
            lines[i] = lines[i][:k] + ch + lines[i][k + 1 :]
        elif op == "insert":
            lines.insert(
                i, draw(st.sampled_from(["<<<<<<< HEAD", "---", "- x", "key: [", "? a", "  &a b", "*a"]))
            )
        if not lines:
            lines = [""]
    return name, "\n".join(lines).encode("utf-8")


@FAST
@given(mutated())
def test_mutated_copies_of_the_shipped_files(case: tuple[str, bytes]) -> None:
    name, raw = case
    assert_sound(assemble({**SHIPPED, name: raw}, today=date(2021, 12, 31)))


WORDS = [
    "trước",
    "ngày",
    "tháng",
    "năm",
    "quý",
    "từ",
    "đến",
    "xong",
    "hằng",
    "hàng",
    "thường xuyên",
    "trong",
    "cuối",
    "đầu",
    "6",
    "dự kiến",
    "chậm nhất",
    "hết",
    "I",
    "II",
    "III",
    "IV",
    "Q3",
    "/",
    "-",
    ".",
    "2021",
    "31",
    "30",
    "29",
    "13",
    "0",
    "99999",
    "1/1/2021",
    "31/6/2021",
    "15-09-2021",
]


@FAST
@given(st.lists(st.sampled_from(WORDS), max_size=9).map(" ".join), st.sampled_from(["NFC", "NFD"]))
def test_random_vietnamese_deadline_phrases(phrase: str, form: str) -> None:
    text = unicodedata.normalize(form, phrase)  # type: ignore[arg-type]
    try:
        d = parse_deadline(text, plan_start=date(2021, 1, 1), default_year=2021)
    except ProblemError as exc:
        assert exc.problem.code in ("invalid-date", "deadline-unrecognised") and message(exc.problem)
    else:
        assert d.start is None or d.due is None or d.start <= d.due


def test_very_long_lines_and_large_files_are_bounded() -> None:
    long_line = b"title: " + "Sở Y tế ".encode() * 200_000 + b"\n"  # ~2 MB on one line
    doc = parse_document("long.yaml", long_line)
    assert doc.data is not None and len(doc.data["title"]) > 1_000_000
    many = b"rows:\n" + b"  - {stt: 1, unit: x}\n" * 50_000
    assert parse_document("many.yaml", many).data is not None
