"""Benchmark the deadline reader on the phrases of tests/data/deadline_corpus.txt and print ratios.

    .venv/bin/python benchmarks/deadlines.py [--repeat 5]

Per phrase (median over the corpus, best of --repeat rounds), each a fresh parse with no cache:
- floor: cleaning and tokenising the phrase (what any reader of it must do);
- grammar: the syntax tree (deadline_grammar.parse_tree);
- reading: the whole Deadline in a one-year plan period — tree, dates, occurrences with their
  effective due dates (holiday tables built beforehand, as the compiled-plan cache does);
and, as whole processes, `import tthc_cli.domain.deadlines` + one parse vs `python -c pass`.
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
    from tthc_cli.domain.deadlines import parse_deadline

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
    print("whole process, median:")
    print(f"  python -c pass                       {bare:7.1f} ms   1.00x")
    print(f"  import tthc_cli.domain.deadlines + 1 parse  {loaded:7.1f} ms   {loaded / bare:5.2f}x")


if __name__ == "__main__":
    main()
