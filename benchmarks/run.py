"""Benchmark tthc against its floor and a peer, as whole processes, and print ratios.

    .venv/bin/python benchmarks/run.py                     # sizes 1k, 10k, 100k (about 15 minutes)
    .venv/bin/python benchmarks/run.py --sizes 1000 10000 --repeat 3
    .venv/bin/python benchmarks/run.py --queries-only        # section 1 only (about 30 s)

Each comparison interleaves the commands being compared (A B A B …) so that drift in the machine's
load hits both alike, and reports the median wall time and the peak resident memory of each.

1. `tthc --version` (start-up: Python, Typer and tthc's modules), `tthc due --before 2021-06-30`,
   `tthc validate` and `tthc units` on the shipped data vs the floor
   `python -c "import yaml; yaml.load(open('plan.yaml','rb'), Loader=yaml.CSafeLoader)"`. tthc keeps no
   cache: every command reads and validates the files (what "validate right after an edit" costs is
   what every query costs); each line shows its ratio to the floor;
2. `tthc validate` on synthetic data of N items vs a bare CSafeLoader parse of the same files, and
   the time per item;
3. the same files through check-jsonschema with the schemas `tthc schema` writes (installed into the
   benchmark's own environment, benchmarks/.peer-venv), as the peer a team would otherwise use;
4. peak memory of each.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
BIN = Path(PY).parent
TTHC = str(BIN / "tthc")
FILES = ["plan.yaml", "appendix_review.yaml", "appendix_inspection.yaml", "units.yaml", "progress.yaml"]
PEER_VENV = ROOT / "benchmarks" / ".peer-venv"


def run_once(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, int, int]:
    """Wall seconds, peak RSS in MiB, exit code of one whole process."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss // 1024, proc.returncode


def compare(
    named: dict[str, tuple[list[str], dict[str, str] | None]], repeat: int
) -> dict[str, dict[str, float]]:
    """Run the commands interleaved `repeat` times; median time and max peak memory of each."""
    times: dict[str, list[float]] = {k: [] for k in named}
    peaks: dict[str, int] = dict.fromkeys(named, 0)
    codes: dict[str, int] = {}
    for _ in range(repeat):
        for name, (cmd, env) in named.items():
            elapsed, peak, code = run_once(cmd, env)
            times[name].append(elapsed)
            peaks[name] = max(peaks[name], peak)
            codes[name] = code
    return {k: {"median": statistics.median(v), "peak": peaks[k], "exit": codes[k]} for k, v in times.items()}


def ensure_peer() -> str | None:
    exe = PEER_VENV / "bin" / "check-jsonschema"
    if not exe.exists():
        print("installing check-jsonschema into benchmarks/.peer-venv …", flush=True)
        subprocess.run([PY, "-m", "venv", str(PEER_VENV)], check=True)
        done = subprocess.run(
            [str(PEER_VENV / "bin" / "pip"), "install", "-q", "check-jsonschema"], check=False
        )
        if done.returncode != 0:
            return None
    return str(exe)


def peer_script(peer: str, schemas: Path, data: Path) -> list[str]:
    """One process that runs check-jsonschema over every file with its schema, like a CI step would."""
    calls = " && ".join(
        f"{peer} --schemafile {schemas / (name.removesuffix('.yaml') + '.schema.json')} {data / name}"
        for name in FILES
    )
    return ["bash", "-c", calls]


BARE = (
    "import sys, yaml\n"
    "for n in sys.argv[2:]:\n"
    "    yaml.load(open(sys.argv[1] + '/' + n, 'rb'), Loader=yaml.CSafeLoader)"
)
# The same with Python's cyclic GC paused, as tthc does while parsing: shows how much of tthc's lead
# over the bare parse is that one setting.
BARE_NO_GC = "import gc; gc.disable()\n" + BARE


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--repeat", type=int, default=5, help="runs per command (1k–10k); 100k uses 3")
    parser.add_argument("--query-repeat", type=int, default=31)
    parser.add_argument("--no-peer", action="store_true", help="skip check-jsonschema")
    parser.add_argument("--queries-only", action="store_true", help="only section 1 (cold queries)")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="tthc-bench-"))
    # As installed: pip compiles a wheel's modules to bytecode. With PYTHONDONTWRITEBYTECODE set (as in
    # some shells and containers) every run would compile tthc's modules from source again (~65 ms),
    # which measures the environment, not tthc; the warm-up runs below write the bytecode once.
    base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env = base
    print(
        f"# tthc benchmark — {platform.node()} · {platform.machine()} · {os.cpu_count()} cores · "
        f"Python {platform.python_version()} · {time.strftime('%Y-%m-%d')}\n"
    )

    # 1. cold query vs the floor
    floor = [
        PY,
        "-c",
        f"import yaml; yaml.load(open({str(ROOT / 'plan.yaml')!r},'rb'), Loader=yaml.CSafeLoader)",
    ]
    version = [TTHC, "--version"]
    query = [TTHC, "due", "--before", "2021-06-30", "--today", "2021-06-05", "--data", str(ROOT)]
    validate = [TTHC, "validate", "--data", str(ROOT)]
    units = [TTHC, "units", "--data", str(ROOT)]
    for warm_up in (version, query, validate, units):  # writes the bytecode once, as pip does
        run_once(warm_up, env)
    r = compare(
        {
            "floor": (floor, base),
            "version": (version, env),
            "due": (query, env),
            "validate": (validate, env),
            "units": (units, env),
        },
        args.query_repeat,
    )
    f = r["floor"]["median"]
    print(f"## 1. Cold query on the shipped data (median of {args.query_repeat} whole-process runs)\n")
    print("| command | median | ratio to floor | peak memory |\n|---|---:|---:|---:|")
    for name, label in (
        ("floor", "floor: python + yaml.CSafeLoader on plan.yaml"),
        ("version", "tthc --version (start-up only)"),
        ("due", "tthc due --before 2021-06-30 (reads and validates the files)"),
        ("validate", "tthc validate"),
        ("units", "tthc units"),
    ):
        m = r[name]
        print(f"| {label} | {m['median'] * 1000:.1f} ms | {m['median'] / f:.2f}× | {m['peak']} MiB |")

    if args.queries_only:
        shutil.rmtree(work, ignore_errors=True)
        return 0

    # 2-4. validate at scale vs bare parse vs check-jsonschema
    peer = None if args.no_peer else ensure_peer()
    schemas = work / "schemas"
    subprocess.run(
        [TTHC, "schema", "--out", str(schemas), "--data", str(ROOT)], check=True, capture_output=True
    )
    # start-up: validating the shipped plan (52 items) is almost all fixed cost
    start = compare({"tthc": ([TTHC, "validate", "--data", str(ROOT)], env)}, args.repeat)["tthc"]["median"]
    print(f"\n## 2–4. Validating N items (median; 100k: 3 runs; tthc start-up {start * 1000:.0f} ms)\n")
    print(
        "| N | bare CSafeLoader parse | same, GC paused | tthc validate | ratio to bare | per item | "
        "per item beyond start-up | check-jsonschema | tthc faster by | peak: parse / tthc / peer |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for n in args.sizes:
        data = work / f"data-{n}"
        subprocess.run(
            [PY, str(ROOT / "benchmarks" / "generate.py"), "--items", str(n), "--out", str(data)],
            check=True,
            capture_output=True,
        )
        named: dict[str, tuple[list[str], dict[str, str] | None]] = {
            "bare": ([PY, "-c", BARE, str(data), *FILES], None),
            "bare_no_gc": ([PY, "-c", BARE_NO_GC, str(data), *FILES], None),
            "tthc": ([TTHC, "validate", "--data", str(data)], env),
        }
        if peer:
            named["peer"] = (peer_script(peer, schemas, data), None)
        repeat = 3 if n >= 100000 else args.repeat
        r = compare(named, repeat)
        bare, ours = r["bare"]["median"], r["tthc"]["median"]
        assert r["tthc"]["exit"] == 0, f"synthetic data of {n} items did not validate"
        peer_cell = faster = "—"
        peer_peak = "—"
        if "peer" in r:
            p = r["peer"]["median"]
            peer_cell = f"{p:.2f} s" + ("" if r["peer"]["exit"] == 0 else f" (exit {r['peer']['exit']})")
            faster = f"{p / ours:.1f}×"
            peer_peak = f"{r['peer']['peak']} MiB"
        no_gc = r["bare_no_gc"]["median"]
        print(
            f"| {n:,} | {bare:.2f} s | {no_gc:.2f} s | {ours:.2f} s | {ours / bare:.2f}×"
            f" | {ours / n * 1e6:.0f} µs | {(ours - start) / n * 1e6:.0f} µs | {peer_cell} | {faster}"
            f" | {r['bare']['peak']} / {r['tthc']['peak']} MiB / {peer_peak} |",
            flush=True,
        )
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
