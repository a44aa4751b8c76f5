"""One rule for 'did you mean': `show`, `progress add` and `validate` (on the progress log) say the same
thing about the same mistyped ID."""

from __future__ import annotations

import pytest

from tthc_cli.domain.suggest import nearest, unknown_id
from tthc_cli.present.messages import message as said_of


def test_nearest_offers_the_closest_first_and_nothing_far() -> None:
    assert nearest("task:8", ["task:9", "task:8.1", "duty:IV.1"]) == ["task:8.1", "task:9"]
    assert nearest("so-y-tee", ["so-y-te", "so-tu-phap"], n=1) == ["so-y-te"]
    assert nearest("xyz", ["task:1.1", "task:1.2"]) == []


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("tsk:8", "có phải là task:8, task:9"),
        ("task:1", "là đề mục, không phải một việc; hãy dùng một trong task:1.1, task:1.2"),
        ("duty:IV.2/so-y-tee", "không có phần việc 'duty:IV.2/so-y-tee'; có phải là duty:IV.2/so-y-te,"),
    ],
)
def test_show_progress_and_validate_say_the_same(plan, run, tmp_path, typed: str, said: str) -> None:  # type: ignore[no-untyped-def]
    message = said_of(unknown_id(plan, typed))
    assert said in message
    shown = run("show", typed)
    assert shown.code == 1 and message in shown.stderr
    folder = _copy(tmp_path)
    added = run("progress", "add", typed, "--status", "done", "--data", str(folder))
    assert added.code == 1 and message in added.stderr
    (folder / "progress.yaml").write_text(
        f"entries:\n  - id: '{typed}'\n    date: 2021-03-01\n    status: done\n", encoding="utf-8"
    )
    checked = run("validate", "--data", str(folder))
    assert checked.code == 1 and message in checked.stdout + checked.stderr


def _copy(tmp_path):  # type: ignore[no-untyped-def]
    import shutil

    from .conftest import DATA

    for name in (
        "plan.yaml",
        "units.yaml",
        "appendix_review.yaml",
        "appendix_inspection.yaml",
        "reporting.yaml",
    ):
        shutil.copy(DATA / name, tmp_path / name)
    return tmp_path
