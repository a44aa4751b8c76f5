"""Run the fuzz properties of tests/test_fuzz.py for longer and print how many cases ran.

python fuzz/run.py --examples 5000
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests import test_fuzz

PROPERTIES = [
    "test_random_bytes_never_crash_the_loader",
    "test_random_bytes_in_place_of_a_data_file",
    "test_mutated_copies_of_the_shipped_files",
    "test_random_vietnamese_deadline_phrases",
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--examples", type=int, default=2000)
    args = parser.parse_args()
    total = 0
    for name in PROPERTIES:
        prop = getattr(test_fuzz, name)
        inner = prop.hypothesis.inner_test
        counter = {"n": 0}

        def counted(*a: object, _inner=inner, _c=counter) -> None:  # type: ignore[no-untyped-def]
            _c["n"] += 1
            _inner(*a)

        prop.hypothesis.inner_test = counted
        runner = settings(
            max_examples=args.examples, deadline=None, database=None, suppress_health_check=list(HealthCheck)
        )(prop)
        started = time.perf_counter()
        runner()
        elapsed = time.perf_counter() - started
        print(f"{name}: {counter['n']} cases, no crash ({elapsed:.1f} s)")
        total += counter["n"]
    print(f"total: {total} cases")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
