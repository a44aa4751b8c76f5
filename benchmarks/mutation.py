"""Mutation testing of the core with mutmut: each module against a fast subset of tests, a score each.

    .venv/bin/python benchmarks/mutation.py status               # one module (status: ~10 minutes)
    .venv/bin/python benchmarks/mutation.py domain.status data.checks --max-children 2
    .venv/bin/python benchmarks/mutation.py --survivors status   # also list the mutants that survived
    .venv/bin/python benchmarks/mutation.py                      # every core module (hours on 2 cores)

Each module is run in its own temporary copy of the repository: mutmut writes its `mutants/` folder
there, the working tree stays clean, and the copy is removed at the end.

Modules are named by their dotted path under tthc_cli (domain.units, data.checks) or by its last part
(units). After the modules asked for, a total line sums them.

score = killed / checked, where `killed` counts mutants a test failed on (or that timed out) and
`checked` every mutant mutmut ran; a mutant that no selected test reaches ("no tests") counts as a
survivor. A survivor is either a missing test or dead code: read them with `--survivors`.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Each core module (its dotted path under tthc_cli) and the tests that pin it, the fast ones only (no
# CLI subprocesses, no browser).
MODULES: dict[str, list[str]] = {
    "domain.deadlines": [
        "tests/test_deadlines.py",
        "tests/test_deadline_corpus.py",
        "tests/test_deadline_phrases.py",
        "tests/test_deadline_periods.py",
        "tests/test_status.py",
    ],
    "domain.deadline_dates": [
        "tests/test_deadlines.py",
        "tests/test_deadline_corpus.py",
        "tests/test_deadline_phrases.py",
        "tests/test_deadline_periods.py",
    ],
    "domain.deadline_values": [
        "tests/test_deadline_periods.py",
        "tests/test_deadlines.py",
        "tests/test_deadline_phrases.py",
        "tests/test_deadline_specs.py",
        "tests/test_status.py",
    ],
    "domain.userdates": ["tests/test_deadlines.py", "tests/test_typed_dates.py"],
    "domain.deadline_grammar": [
        "tests/test_deadlines.py",
        "tests/test_deadline_corpus.py",
        "tests/test_deadline_phrases.py",
        "tests/test_deadline_periods.py",
    ],
    "domain.parser_combinators": [
        "tests/test_parser_combinators.py",
        "tests/test_deadlines.py",
        "tests/test_deadline_corpus.py",
        "tests/test_deadline_phrases.py",
    ],
    "domain.calendar": [
        "tests/test_deadlines.py",
        "tests/test_calendar.py",
        "tests/test_holiday_table.py",
        "tests/test_deadline_periods.py",
    ],
    "domain.status": [
        "tests/test_status.py",
        "tests/test_item_status.py",
        "tests/test_due_soon_window.py",
        "tests/test_obligations.py",
    ],
    "domain.queries": ["tests/test_queries.py", "tests/test_obligations.py"],
    "domain.accountability": [
        "tests/test_who_owes_what.py",
        "tests/test_accountability.py",
        "tests/test_json_contracts.py",
        "tests/test_queries.py",
    ],
    "domain.units": [
        "tests/test_unit_groups.py",
        "tests/test_units.py",
        "tests/test_unit_registry.py",
        "tests/test_queries.py",
    ],
    "domain.suggest": [
        "tests/test_unknown_ids.py",
        "tests/test_suggest.py",
        "tests/test_items_named_as_the_document_does.py",
        "tests/test_obligations.py",
    ],
    "domain.problems": [
        "tests/test_problems.py",
        "tests/test_checks.py",
        "tests/test_cross_file_problems.py",
    ],
    "domain.plan": [
        "tests/test_plan_values.py",
        "tests/test_items_named_as_the_document_does.py",
        "tests/test_periods_as_tables_print_them.py",
        "tests/test_obligations.py",
        "tests/test_queries.py",
        "tests/test_status.py",
    ],
    "domain.obligations": [
        "tests/test_obligations_split.py",
        "tests/test_obligations.py",
        "tests/test_reporting_regime.py",
        "tests/test_status.py",
    ],
    "domain.item_ids": ["tests/test_item_ids.py", "tests/test_obligations.py", "tests/test_cli.py"],
    "domain.plan_files": [
        "tests/test_plan_files.py",
        "tests/test_data.py",
        "tests/test_plans.py",
        "tests/test_unit_progress_files.py",
    ],
    "data.checks": [
        "tests/test_unit_references.py",
        "tests/test_checks.py",
        "tests/test_cross_file_problems.py",
        "tests/test_progress.py",
        "tests/test_invalid_cases.py",
    ],
    "data.checks_progress": [
        "tests/test_progress_log_rules.py",
        "tests/test_unit_progress_files.py",
        "tests/test_checks.py",
        "tests/test_cross_file_problems.py",
        "tests/test_progress.py",
    ],
    "present.labels": ["tests/test_labels.py", "tests/test_status.py", "tests/test_tables_for_people.py"],
    "present.documents": [
        "tests/test_document_values.py",
        "tests/test_reports.py",
        "tests/test_reporting_regime.py",
        "tests/test_accountability.py",
        "tests/test_publication.py",
        "tests/test_output_formats.py",  # an item's page: its parts grouped and headed (part_groups)
    ],
    "present.tables": [
        "tests/test_table_rows.py",
        "tests/test_markdown_cells.py",
        "tests/test_csv_injection.py",
        "tests/test_tables_for_people.py",
        "tests/test_cli.py",
    ],
    "present.contracts": [
        "tests/test_json_contracts.py",
        "tests/test_publication.py",
    ],
    "present.formats": [
        "tests/test_output_formats.py",
        "tests/test_export.py",
        "tests/test_spreadsheet.py",
        "tests/test_reports.py",
        "tests/test_deadline_cli.py",
        "tests/test_publication.py",
        "tests/test_cli.py",
    ],
    # Its functions (the wording of a problem); the MESSAGES table itself is module-level, not mutated.
    "present.messages": [
        "tests/test_problem_wordings.py",
        "tests/test_cross_file_problems.py",
        "tests/test_items_named_as_the_document_does.py",  # an unknown unit part of an item's name
        "tests/test_unit_registry.py",
        "tests/test_deadline_phrases.py",
        "tests/test_schema_check.py",
        "tests/test_suggest.py",
        "tests/test_bounds.py",
        "tests/test_broken_files.py",
    ],
    # The command table: the parsers every option declares (called at import, so tests call them).
    "cli.options": [
        "tests/test_option_values.py",
        "tests/test_language_choice.py",
        "tests/test_due_soon_window.py",
        "tests/test_cli.py",
    ],
}

# What a copy of the repository leaves out: environments, caches and version control.
SKIP = {
    ".git",
    ".venv",
    "mutants",
    "__pycache__",
    ".hypothesis",
    ".pytest_cache",
    ".mypy_cache",
    ".ruff_cache",
}
SKIP_PATHS = {"benchmarks/.peer-venv"}

KILLED = {"killed", "timeout", "caught by type check"}
NOT_RUN = {"skipped", "not checked"}
RESULT = re.compile(r"^\s+(\S+): (.+)$")


def module_file(module: str) -> str:
    """The source file of a module given by its dotted path under tthc_cli."""
    return f"src/tthc_cli/{module.replace('.', '/')}.py"


def full_name(name: str) -> str:
    """A module as typed: its dotted path under tthc_cli, or its last part when that is unique."""
    matches = [m for m in MODULES if m == name or m.rsplit(".", 1)[-1] == name]
    return matches[0] if len(matches) == 1 else name


def copy_repository(target: Path) -> None:
    def ignore(folder: str, names: list[str]) -> set[str]:
        rel = Path(folder).relative_to(ROOT)
        return {n for n in names if n in SKIP or (rel / n).as_posix() in SKIP_PATHS}

    shutil.copytree(ROOT, target, ignore=ignore, symlinks=True)


def configure(copy: Path, module: str, tests: list[str]) -> None:
    """mutmut reads [tool.mutmut] from pyproject.toml in its working folder: the copy's, not ours."""
    also = sorted(p.name for p in copy.iterdir() if p.name not in {"src", "pyproject.toml"} | SKIP)

    def toml_list(values: list[str]) -> str:
        return "[" + ", ".join(f'"{v}"' for v in values) + "]"

    with open(copy / "pyproject.toml", "a", encoding="utf-8") as handle:
        handle.write(
            "\n[tool.mutmut]\n"
            'source_paths = ["src"]\n'
            f'only_mutate = ["{module_file(module)}"]\n'
            f"pytest_add_cli_args_test_selection = {toml_list(tests)}\n"
            # mutmut runs pytest in its own process and counts which tests call which function:
            # no xdist workers (the suite's addopts ask for them).
            'pytest_add_cli_args = ["-n", "0"]\n'
            f"also_copy = {toml_list(also)}\n"
        )


def mutmut(copy: Path, *args: str, timeout: float | None = None) -> tuple[int, str] | None:
    """Exit code and output of mutmut in the copy; None when `timeout` ran out (its whole process
    group, the forked test runs included, is then ended)."""
    exe = Path(sys.executable).parent / "mutmut"
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("TTHC_TODAY", None)
    with subprocess.Popen(
        [str(exe), *args],
        cwd=copy,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    ) as proc:
        try:
            output, _ = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.communicate()
            return None
    return proc.returncode, output


def score_module(
    module: str, *, children: int, survivors: bool, timeout: float | None
) -> tuple[int, int] | None:
    """Killed and checked mutants of one module (None when mutmut failed or checked none)."""
    tests = MODULES[module]
    with tempfile.TemporaryDirectory(prefix=f"tthc-mutation-{module}-") as tmp:
        copy = Path(tmp) / "repo"
        copy_repository(copy)
        configure(copy, module, tests)
        start = time.perf_counter()
        run = mutmut(copy, "run", "--max-children", str(children), timeout=timeout)
        elapsed = time.perf_counter() - start
        if run is None:
            print(f"{module:24} stopped after {timeout:.0f} s: the score counts the mutants checked so far")
        elif run[0] != 0:
            print(f"{module:24} mutmut failed (exit {run[0]}):\n{run[1][-4000:]}")
            return None
        found = (mutmut(copy, "results", "--all", "true") or (1, ""))[1]
        statuses: dict[str, str] = {}
        for line in found.splitlines():
            match = RESULT.match(line)
            if match and match.group(1).startswith(f"tthc_cli.{module}."):
                statuses[match.group(1)] = match.group(2).strip()
        checked = {name: s for name, s in statuses.items() if s not in NOT_RUN}
        killed = sum(1 for s in checked.values() if s in KILLED)
        if not checked:
            print(f"{module:24} no mutant checked ({len(statuses)} generated)")
            return None
        score = killed / len(checked)
        print(
            f"{module:24} {score:6.1%}  killed {killed} of {len(checked)} checked "
            f"({len(statuses) - len(checked)} not run; {elapsed:.0f} s; tests: {' '.join(tests)})",
            flush=True,
        )
        if survivors:  # each with its diff, read while the copy still exists
            for name, status in sorted(checked.items()):
                if status not in KILLED:
                    diff = (mutmut(copy, "show", name) or (1, ""))[1].splitlines()
                    changed = [
                        f"      {d}"
                        for d in diff
                        if d.startswith(("+", "-")) and not d.startswith(("+++", "---"))
                    ]
                    print(f"    {status:10} {name}", *changed, sep="\n")
    return killed, len(checked)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("modules", nargs="*", help=f"core modules: {', '.join(MODULES)} (default: all)")
    parser.add_argument("--max-children", type=int, default=1, help="parallel test processes (default 1)")
    parser.add_argument("--survivors", action="store_true", help="list the mutants that survived")
    parser.add_argument("--timeout", type=float, default=None, help="seconds allowed per module")
    args = parser.parse_args()
    modules = [full_name(m) for m in args.modules]
    unknown = [m for m in modules if m not in MODULES]
    if unknown:
        parser.error(f"not a core module: {', '.join(unknown)} (choose from {', '.join(MODULES)})")
    missing = sorted({t for m in modules or MODULES for t in MODULES[m] if not (ROOT / t).exists()})
    if missing:  # a renamed test file would silently leave its module less pinned
        print(f"test files named in MODULES are missing: {', '.join(missing)}", file=sys.stderr)
        return 2
    if shutil.which("mutmut", path=str(Path(sys.executable).parent)) is None:
        print("mutmut is not installed: pip install -e '.[test]'", file=sys.stderr)
        return 2
    scores = [
        score_module(m, children=args.max_children, survivors=args.survivors, timeout=args.timeout)
        for m in modules or MODULES
    ]
    killed = sum(s[0] for s in scores if s is not None)
    checked = sum(s[1] for s in scores if s is not None)
    if checked:
        print(f"{'total':24} {killed / checked:6.1%}  killed {killed} of {checked} checked")
    return 0 if all(s is not None for s in scores) else 1


if __name__ == "__main__":
    sys.exit(main())
