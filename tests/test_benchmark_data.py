"""The benchmarks measure what they say: the synthetic plan benchmarks/generate.py writes validates
cleanly, with the items it says it wrote; benchmarks/problems.py, which measures that the cost of a
problem stays constant however many there are, runs end to end."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tempfile
from pathlib import Path
from types import SimpleNamespace

from tthc_cli.data.dataset import assemble
from tthc_cli.data.files import read_data_folder
from tthc_cli.domain.plan import ItemKind
from tthc_cli.present.messages import message

from .conftest import ROOT


def test_the_generated_plan_validates_with_the_items_it_announces(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    counts = generate.generate(300, tmp_path)
    files, labels = read_data_folder(str(tmp_path))
    result = assemble(files, labels)
    assert result.problems == (), [message(p) for p in result.problems[:5]]
    assert result.plan is not None
    items = result.plan.items
    numbered = [i for i in items if i.parent is None and i.kind in (ItemKind.TASK, ItemKind.DUTY)]
    rows = [i for i in items if i.kind is ItemKind.ROW and i.period is None]
    assert (len(numbered), len(rows)) == (
        counts["tasks"] + counts["duties"],
        counts["review"] + counts["inspection"],
    )


def test_the_linear_cost_benchmark_finishes(tthc, tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    """benchmarks/problems.py end to end, its twelve `tthc` processes run in this process (a Python
    start each cost more than the command): the cases it builds, the exit code it demands, the
    ratios it prints."""
    spec = importlib.util.spec_from_file_location("problems", ROOT / "benchmarks" / "problems.py")
    assert spec is not None and spec.loader is not None
    problems = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(problems)

    def in_process(args: list[str], env: dict[str, str], **_: object) -> subprocess.CompletedProcess[bytes]:
        assert args[:3] == [sys.executable, "-m", "tthc_cli"], args
        done = tthc(*args[3:], env={k: env[k] for k in ("TTHC_DATA",)})
        return subprocess.CompletedProcess(args, done.code, done.stdout.encode(), done.stderr.encode())

    monkeypatch.setattr(problems, "subprocess", SimpleNamespace(run=in_process))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # its cases are built in this test's folder
    assert problems.main(["--sizes", "20", "200", "--repeat", "1"]) == 0
    out = capsys.readouterr().out
    assert out.count("ratio ×") == 6 and "worst ratio for ×10 problems" in out, out
    assert list(tmp_path.iterdir()) == []  # and removed
