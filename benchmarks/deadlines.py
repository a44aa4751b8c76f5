"""Benchmark the deadline reader on the phrases of tests/data/deadline_corpus.txt and print ratios.

    .venv/bin/python benchmarks/deadlines.py [--repeat 5]

Per phrase (median over the corpus, best of --repeat rounds), each a fresh parse with no cache:
- floor: cleaning and tokenising the phrase (what any reader of it must do);
- grammar: the syntax tree (deadline_grammar.parse_tree);
- reading: the whole Deadline in a one-year plan period — tree, dates, occurrences with their
  effective due dates (holiday tables built beforehand, as the compiled-plan cache does);
and, as whole processes, `import tthc_cli.domain.deadlines` + one parse vs `python -c pass`.

Bounded cost: the time to read phrases of growing length up to the bound (deadlines.MAX_PHRASE) — a
list of dates and a long event, per character, which stays flat when the reading is linear — and to
refuse a 2 MB phrase (refused before parsing, whatever it holds).
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "deadline_corpus.txt"


def _phrases() -> list[str]:
    out = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            out.append(line.split("|")[0].strip())
    return list(dict.fromkeys(out))


def _per_phrase(fn: object, phrases: list[str], repeat: int) -> float:
    """Median microseconds per phrase, best of `repeat` rounds."""
    best: list[float] = []
    for _ in range(repeat):
        times = []
        for p in phrases:
            t = time.perf_counter()
            with contextlib.suppress(ValueError):  # the corpus holds unreadable phrases on purpose
                fn(p)  # type: ignore[operator]
            times.append((time.perf_counter() - t) * 1e6)
        best.append(statistics.median(times))
    return min(best)


def _best(fn: object, repeat: int) -> float:
    """Microseconds of the best of `repeat` calls."""
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()  # type: ignore[operator]
        best = min(best, (time.perf_counter() - t) * 1e6)
    return best


def _read_or_refuse(parse: object, phrase: str, start: date, calendar: object) -> None:
    with contextlib.suppress(ValueError):  # a refusal is a ProblemError (a ValueError)
        parse(phrase, plan_start=start, calendar=calendar)  # type: ignore[operator]


def _process_ms(code: str, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        runs.append((time.perf_counter() - t) * 1000)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from tthc_cli.domain import deadline_grammar as g
    from tthc_cli.domain.calendar import WorkingDays, vietnam_holidays
    from tthc_cli.domain.deadlines import MAX_PHRASE, parse_deadline

    tables = {y: vietnam_holidays(y) for y in range(2019, 2027)}
    calendar = WorkingDays(lambda y: tables.get(y) or vietnam_holidays(y))
    phrases = _phrases()
    start = date(2022, 1, 1)

    floor = _per_phrase(lambda p: g.tokenize(g.split_tentative(p)[0]), phrases, args.repeat)
    tree = _per_phrase(lambda p: g.parse_tree(g.split_tentative(p)[0]), phrases, args.repeat)
    reading = _per_phrase(
        lambda p: parse_deadline(p, plan_start=start, calendar=calendar), phrases, args.repeat
    )
    bare = _process_ms("pass", args.repeat * 3)
    loaded = _process_ms(
        "import datetime, tthc_cli.domain.deadlines as d, tthc_cli.domain.calendar as c; "
        "d.parse_deadline('Trước ngày 20 hằng tháng', plan_start=datetime.date(2022, 1, 1), "
        "calendar=c.WorkingDays(lambda y: frozenset()))",
        args.repeat * 3,
    )
    print(f"{len(phrases)} distinct phrases, median per phrase (best of {args.repeat}):")
    print(f"  floor (clean + tokenise)   {floor:8.1f} us   1.00x")
    print(f"  grammar (syntax tree)      {tree:8.1f} us   {tree / floor:5.2f}x")
    print(f"  reading (Deadline)         {reading:8.1f} us   {reading / floor:5.2f}x")
    print("bounded cost (best of --repeat):")
    for name, make in (
        (
            "list of dates",
            lambda n: "Trước ngày " + ", ".join(f"{d % 28 + 1}/{d % 12 + 1}" for d in range(n)),
        ),
        ("long event", lambda n: "Sau 15 ngày kể từ khi có " + "văn bản " * n),
    ):
        for n in (4, 16, 48):
            phrase = make(n)[:MAX_PHRASE]
            us = _best(lambda p=phrase: _read_or_refuse(parse_deadline, p, start, calendar), args.repeat)
            print(f"  {name:14} {len(phrase):4} chars  {us:9.1f} us  {us / len(phrase):6.2f} us/char")
    huge = "Trước ngày 31/5/2021 và " * (2_000_000 // 24)
    us = _best(lambda: _read_or_refuse(parse_deadline, huge, start, calendar), args.repeat)
    print(f"  refusing a {len(huge) / 1e6:.1f} MB phrase   {us / 1000:9.2f} ms")
    print("whole process, median:")
    print(f"  python -c pass                       {bare:7.1f} ms   1.00x")
    print(f"  import tthc_cli.domain.deadlines + 1 parse  {loaded:7.1f} ms   {loaded / bare:5.2f}x")


if __name__ == "__main__":
    main()
