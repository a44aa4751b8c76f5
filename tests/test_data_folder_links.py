"""A data file is the plan folder's own: a link may point within the folder, never out of it, so a
merge request cannot make `tthc validate` print what a link outside reads (the runner's environment,
the checkout's git credentials) as an excerpt."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest


@pytest.mark.parametrize("target", ["/proc/self/environ", "../outside.yaml"])
def test_a_data_file_linked_out_of_the_plan_folder_is_refused_unread(  # type: ignore[no-untyped-def]
    run, data_dir: Path, target: str
) -> None:
    (data_dir.parent / "outside.yaml").write_text("entries:\n  - id: BÍ-MẬT-123\n", encoding="utf-8")
    (data_dir / "progress").mkdir()
    os.symlink(target if target.startswith("/") else "../" + target, data_dir / "progress" / "so-y-te.yaml")
    result = run("validate", "--data", str(data_dir), env={"TTHC_SECRET_PROBE": "s3cr3t"})
    assert result.code == 2
    assert "so-y-te.yaml là liên kết tới một tệp nằm ngoài thư mục kế hoạch" in result.stderr
    assert "s3cr3t" not in result.stdout + result.stderr and "BÍ-MẬT" not in result.stdout + result.stderr


def test_a_link_within_the_plan_folder_is_read(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    (data_dir / "chung").mkdir()
    shutil.move(data_dir / "units.yaml", data_dir / "chung" / "units.yaml")
    os.symlink("chung/units.yaml", data_dir / "units.yaml")
    result = run("validate", "--data", str(data_dir))
    assert result.code == 0 and "HỢP LỆ: 0 lỗi" in result.stderr
