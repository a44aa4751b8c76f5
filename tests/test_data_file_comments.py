"""The comments a clerk reads first in a data file are Vietnamese: the shipped plan's files, the test
fixtures and the skeletons `tthc new` writes (English notes for developers may follow them)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from tthc_cli.present.newplan import new_plan_files

from .conftest import DATA_NAMES, ROOT

VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.I)


DEVELOPERS = (
    "TEST FIXTURE",
    "(TEST FIXTURE",
    "Notes for developers",
)  # English for developers may follow the clerk's


def first_comments(text: str, count: int = 3) -> list[str]:
    """The first `count` comment lines with words in them, after the editor's modeline and before the
    notes for developers."""
    lines = [line.lstrip("# ").strip() for line in text.splitlines() if line.startswith("#")]
    words = [line for line in lines if re.search(r"[A-Za-zÀ-ỹ]{3}", line) and "$schema=" not in line]
    clerk = []
    for line in words:
        if line.startswith(DEVELOPERS):
            break
        clerk.append(line)
    return clerk[:count]


FILES = [ROOT / name for name in DATA_NAMES] + sorted((ROOT / "tests" / "fixtures").glob("*/*.yaml"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(Path(p).relative_to(ROOT)))
def test_a_data_file_opens_with_vietnamese_comments(path: Path) -> None:
    lines = first_comments(path.read_text(encoding="utf-8"))
    assert lines and all(VIETNAMESE.search(line) for line in lines), lines


def test_the_skeletons_of_a_new_plan_open_with_vietnamese_comments() -> None:
    files = new_plan_files(
        year=2022, province="Hải Dương", schema_prefix="schemas/", made_on=date(2021, 12, 20)
    )
    for name, text in files.items():
        lines = first_comments(text)
        assert lines and all(VIETNAMESE.search(line) for line in lines), (name, lines)
