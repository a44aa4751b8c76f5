"""The benchmark measures the normal case: the synthetic plan benchmarks/generate.py writes validates
cleanly, with the items it says it wrote."""

from __future__ import annotations

import importlib.util
from pathlib import Path

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
