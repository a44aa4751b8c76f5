"""Cost in the number of problems: ×10 problems should cost ~×10 time, not ×100.

    .venv/bin/python benchmarks/problems.py                   # 3,000 and 30,000 problems
    .venv/bin/python benchmarks/problems.py --sizes 300 3000 --repeat 1

Each case is the shipped data set with N problems appended to plan.yaml — N unknown top-level keys,
or one key repeated N times (duplicate keys) — and is run as a whole process: `tthc list` (which
refuses the data and shows the first problems), `tthc validate` as text (first 100 in full with
their excerpts, the rest counted) and as JSON (all of them). It prints the median wall time of
each and the ratio between consecutive sizes; linear is ×10, the issue's bar is "well under ×20"
(before the fix, 30,000 unknown keys took 137 s for `tthc list`).
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = ["plan.yaml", "appendix_review.yaml", "appendix_inspection.yaml", "units.yaml", "progress.yaml"]
KINDS = ("unknown-keys", "duplicate-keys")
COMMANDS = {
    "list": ["list"],
    "validate (text)": ["validate"],
    "validate (json)": ["validate", "--format", "json"],
}


def make_case(folder: Path, kind: str, n: int) -> Path:
    """A copy of the shipped data with `n` problems of `kind` appended to plan.yaml."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in FILES:
        shutil.copy(ROOT / name, folder / name)
    if kind == "unknown-keys":
        extra = "".join(f"x_{i}: {i}\n" for i in range(n))
    else:
        extra = "".join(f"dup: {i}\n" for i in range(n + 1))
    with open(folder / "plan.yaml", "a", encoding="utf-8") as handle:
        handle.write("\n" + extra)
    return folder


def time_command(args: list[str], folder: Path, repeat: int) -> float:
    env = {**os.environ, "TTHC_DATA": str(folder)}
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "tthc_cli", *args], env=env, capture_output=True, check=False
        )
        times.append(time.perf_counter() - start)
        if proc.returncode != 1:  # every case has problems: 1 is the only right answer
            raise SystemExit(f"{args} exited {proc.returncode}: {proc.stderr.decode()[-500:]}")
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[3000, 30000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for kind in KINDS:
            for label, command in COMMANDS.items():
                row = []
                for n in args.sizes:
                    folder = make_case(Path(tmp) / f"{kind}-{n}", kind, n)
                    row.append(time_command(command, folder, args.repeat))
                parts = [f"{n:>7,}: {t:6.2f} s" for n, t in zip(args.sizes, row, strict=True)]
                ratios = [b / a for a, b in itertools.pairwise(row)]
                worst = max([worst, *ratios])
                shown = "  ".join(f"×{r:.1f}" for r in ratios)
                print(f"{kind:15} {label:16} " + "  ".join(parts) + f"   ratio {shown}")
    print(f"worst ratio for ×10 problems: ×{worst:.1f} (linear: ×10; quadratic: ×100)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
