"""Run the fuzz properties longer and print how many cases ran: the data files
(tests/test_hostile_data_files.py), office templates and command lines
(tests/test_hostile_templates_and_command_lines.py).

.venv/bin/python fuzz/run.py --examples 5000
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--examples", type=int, default=2000, help="examples per property")
    args = parser.parse_args()
    env = {**os.environ, "TTHC_FUZZ_EXAMPLES": str(args.examples)}
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "tests/test_hostile_data_files.py",
            "tests/test_hostile_templates_and_command_lines.py",
            "-q",
            "-p",
            "no:cacheprovider",
            "--hypothesis-show-statistics",
            "--hypothesis-seed=0",
            "-n",
            "0",  # in this process: the statistics are printed by the process that ran the examples
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    total = 0
    for block in re.split(r"\n(?=tests/test_hostile_\w+\.py::)", proc.stdout):
        name = block.split("\n", 1)[0].strip().rstrip(":")
        passed = sum(int(n) for n in re.findall(r"(\d+) passing(?: examples?)?", block))
        if passed:
            print(f"{name}: {passed} cases")
            total += passed
    print(proc.stdout.strip().splitlines()[-1])
    print(f"total: {total} generated cases, exit {proc.returncode}")
    return proc.returncode


if __name__ == "__main__":
    raise SystemExit(main())
